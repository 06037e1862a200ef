import { describe } from 'vitest';
import { col, doc, ruleCases, shop, tbl, type RuleCase, type TableSpec } from './rule-cases.test-support';

/** A table with one B-tree index per spec (column lists), plus a primary key on `id`. */
const indexed = (indexes: TableSpec['indexes'], uniques: TableSpec['uniques'] = [], dialect?: 'mysql') =>
  doc({ dialect, tables: [tbl('t', [col('id', 'bigint'), col('a', 'bigint'), col('b', 'bigint'), col('c', 'bigint')], { pk: ['id'], indexes, uniques })] });

const cases: RuleCase[] = [
  {
    rule: 'fk-without-index',
    bad: () => shop({ orderIndexes: [] }),
    good: [
      () => shop(),
      // The foreign key as the leading columns of a longer index, or of the primary key.
      () => shop({ orderIndexes: [['customer_id', 'id']] }),
      // MySQL: InnoDB indexes an enforced foreign key itself (fk-implicit-index says so instead).
      () => shop({ orderIndexes: [], dialect: 'mysql' }),
    ],
    message: /^no index on orders \(customer_id\) supports the foreign key to customers$/,
    target: { kind: 'relationship', relationshipId: 'orders.customer_id>customers.id' },
  },
  {
    rule: 'fk-without-index',
    name: 'an unenforced relationship (Prisma relationMode) gets no index from InnoDB either',
    bad: () => shop({ orderIndexes: [], dialect: 'mysql', rel: { enforced: false } }),
    good: [() => shop({ orderIndexes: [{ columns: ['customer_id'], where: 'customer_id > 0' }], dialect: 'mysql' })],
  },
  {
    rule: 'fk-without-index',
    name: 'a partial or hash index does not support the foreign key',
    bad: () => shop({ orderIndexes: [{ columns: ['customer_id'], where: 'customer_id > 0' }, { columns: ['customer_id'], method: 'hash' }] }),
    good: [],
  },
  {
    rule: 'fk-implicit-index',
    bad: () => shop({ orderIndexes: [], dialect: 'mysql' }),
    good: [() => shop({ dialect: 'mysql' }), () => shop({ orderIndexes: [] }), () => shop({ orderIndexes: [], dialect: 'mysql', rel: { enforced: false } })],
    message: /^InnoDB will create an index on orders \(customer_id\) for the foreign key to customers by itself/,
  },
  {
    rule: 'duplicate-index',
    bad: () => indexed([['a', 'b'], ['a', 'b'], ['id']]),
    good: [() => indexed([['a', 'b'], ['b', 'a']]), () => indexed([['a'], { columns: ['a'], where: 'a > 0' }]), () => indexed([['a'], { columns: ['a'], method: 'brin' }])],
    count: 2,
    message: /^index t_a_b_idx \(a, b\) on t repeats index t_a_b_idx \(a, b\)$/,
  },
  {
    rule: 'duplicate-index',
    name: 'the non-unique one goes, whatever the order written',
    bad: () => indexed([['a'], { columns: ['a'], unique: true }]),
    good: [],
    count: 1,
    target: { kind: 'index', tableId: 't', indexId: 't#ix0' },
  },
  {
    rule: 'unique-duplicated-by-index',
    bad: () => indexed([{ columns: ['a'], unique: true }, { columns: ['id'], unique: true }], [['a'], ['id']]),
    good: [() => indexed([{ columns: ['a', 'b'], unique: true }], [['b', 'a']]), () => indexed([{ columns: ['a'], unique: true, where: 'a > 0' }], [['a']])],
    count: 3,
    message: /unique constraint t_id_key \(id\) on t enforces the same uniqueness as the primary key \(id\)/,
  },
  {
    rule: 'redundant-index',
    bad: () => indexed([['a'], ['a', 'b', 'c'], ['a', 'b']]),
    good: [
      // A unique index enforces a rule; a prefix with another predicate, method or sort order serves other queries.
      () => indexed([{ columns: ['a'], unique: true }, ['a', 'b']]),
      () => indexed([{ columns: ['a'], where: 'a > 0' }, ['a', 'b']]),
      () => indexed([{ columns: ['a'], method: 'hash' }, ['a', 'b']]),
      () => indexed([['b'], ['a', 'b']]),
    ],
    count: 2,
    message: /index t_a_idx \(a\) on t is a leading part of index t_a_b_c_idx \(a, b, c\), which serves the same lookups/,
  },
  {
    rule: 'redundant-index',
    name: 'a leading part of the primary key (composite keys of link tables)',
    bad: () => doc({ tables: [tbl('tags_posts', [col('tag_id', 'bigint'), col('post_id', 'bigint')], { pk: ['tag_id', 'post_id'], indexes: [['tag_id'], ['post_id']] })] }),
    good: [],
    count: 1,
    message: /^index tags_posts_tag_id_idx \(tag_id\) on tags_posts is a leading part of the primary key \(tag_id, post_id\)/,
  },
  {
    rule: 'too-many-indexes',
    bad: () => indexed([['a'], ['b'], ['c']], [['a', 'b']]),
    good: [() => indexed([['a'], ['b'], ['c']])],
    options: { max: 3 },
    message: /^t has 4 indexes \(unique constraints included\); the project allows 3$/,
  },
  {
    rule: 'index-too-many-columns',
    bad: () => indexed([['a', 'b', 'c', 'id']]),
    good: [() => indexed([['a', 'b', 'c']])],
    options: { max: 3 },
    message: /index t_a_b_c_id_idx on t has 4 key parts; the project allows 3/,
  },
];

describe('indexing rules', () => ruleCases(cases));

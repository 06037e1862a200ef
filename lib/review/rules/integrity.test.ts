import { describe } from 'vitest';
import { enumType } from '../../model/build';
import { col, doc, rel, ruleCases, sc, shop, tbl, type RuleCase } from './rule-cases.test-support';

const folders = (unique: { nullsNotDistinct?: boolean } = {}, parentNullable = true) =>
  doc({
    tables: [
      tbl('folders', [col('id', 'bigint'), col('name', 'text'), col('parent_id', 'bigint', { nullable: parentNullable })], {
        pk: ['id'],
        uniques: [{ columns: ['name', 'parent_id'], ...unique }],
        indexes: [['parent_id']],
      }),
    ],
    relationships: [rel('folders.parent_id', 'folders.id')],
  });

const cases: RuleCase[] = [
  {
    rule: 'no-primary-key',
    bad: () => doc({ tables: [tbl('events', [col('id', 'bigint'), col('payload', 'jsonb')])] }),
    good: [() => doc({ tables: [tbl('events', [col('id', 'bigint')], { pk: ['id'] })] })],
    message: /^events has no primary key/,
    target: { kind: 'table', tableId: 'events' },
  },
  {
    rule: 'no-primary-key',
    name: 'offers to promote a unique key over NOT NULL columns',
    bad: () => doc({ tables: [tbl('invites', [col('email', 'text'), col('project_id', 'bigint')], { uniques: [['email', 'project_id']] })] }),
    good: [],
    message: /its unique key \(email, project_id\) could be it/,
  },
  {
    rule: 'fk-type-mismatch',
    bad: () => shop({ fkType: 'integer' }),
    good: [
      () => shop(),
      // A generated key narrower than its reference is key-narrower-than-references' finding.
      () =>
        doc({
          tables: [tbl('customers', [col('id', 'integer', { identity: { always: false } })], { pk: ['id'] }), tbl('orders', [col('id', 'bigint'), col('customer_id', 'bigint')], { pk: ['id'], indexes: [['customer_id']] })],
          relationships: [rel('orders.customer_id', 'customers.id')],
        }),
    ],
    message: /orders\.customer_id is integer but customers\.id is bigint/,
  },
  {
    rule: 'fk-type-mismatch',
    name: 'length and signedness count',
    bad: () =>
      doc({
        dialect: 'mysql',
        tables: [tbl('codes', [col('code', sc('varchar', { length: 10 })), col('n', sc('integer', { unsigned: true }))], { pk: ['code'], uniques: [['n']] }), tbl('uses', [col('code', sc('varchar', { length: 20 })), col('n', 'integer')], { indexes: [['code'], ['n']] })],
        relationships: [rel('uses.code', 'codes.code'), rel('uses.n', 'codes.n')],
      }),
    good: [],
    count: 2,
  },
  {
    rule: 'fk-references-non-unique',
    bad: () =>
      doc({
        tables: [tbl('customers', [col('id', 'bigint'), col('email', 'text')], { pk: ['id'] }), tbl('orders', [col('id', 'bigint'), col('email', 'text')], { pk: ['id'], indexes: [['email']] })],
        relationships: [rel('orders.email', 'customers.email')],
      }),
    good: [() => shop()],
    message: /references customers \(email\), which is neither the primary key nor a unique key/,
  },
  {
    rule: 'one-to-one-not-unique',
    bad: () => shop({ rel: { cardinality: { from: 'zero-or-one', to: 'exactly-one' } } }),
    good: [
      () => shop(),
      () =>
        doc({
          tables: [tbl('customers', [col('id', 'bigint')], { pk: ['id'] }), tbl('orders', [col('id', 'bigint'), col('customer_id', 'bigint')], { pk: ['id'], uniques: [['customer_id']] })],
          relationships: [rel('orders.customer_id', 'customers.id', { cardinality: { from: 'zero-or-one', to: 'exactly-one' } })],
        }),
    ],
    message: /is drawn one-to-one, but orders \(customer_id\) is not unique/,
  },
  {
    rule: 'set-null-on-not-null',
    bad: () => shop({ rel: { onDelete: 'set null' } }),
    good: [() => shop({ rel: { onDelete: 'set null' }, fkNullable: true }), () => shop({ rel: { onDelete: 'cascade' } })],
    message: /says ON DELETE SET NULL, but orders \(customer_id\) is NOT NULL/,
  },
  {
    rule: 'set-null-on-not-null',
    name: 'a key column cannot become nullable: the fix changes the action',
    bad: () =>
      doc({
        tables: [tbl('a', [col('id', 'bigint')], { pk: ['id'] }), tbl('b', [col('a_id', 'bigint')], { pk: ['a_id'] })],
        relationships: [rel('b.a_id', 'a.id', { onUpdate: 'set null' })],
      }),
    good: [],
  },
  {
    rule: 'cascade-cycle',
    bad: () =>
      doc({
        tables: [tbl('a', [col('id', 'bigint'), col('b_id', 'bigint', { nullable: true })], { pk: ['id'] }), tbl('b', [col('id', 'bigint'), col('a_id', 'bigint', { nullable: true })], { pk: ['id'] })],
        relationships: [rel('a.b_id', 'b.id', { onDelete: 'cascade' }), rel('b.a_id', 'a.id', { onDelete: 'cascade' })],
      }),
    good: [
      () =>
        doc({
          tables: [tbl('a', [col('id', 'bigint'), col('b_id', 'bigint', { nullable: true })], { pk: ['id'] }), tbl('b', [col('id', 'bigint'), col('a_id', 'bigint', { nullable: true })], { pk: ['id'] })],
          relationships: [rel('a.b_id', 'b.id', { onDelete: 'cascade' }), rel('b.a_id', 'a.id', { onDelete: 'set null' })],
        }),
      () => folders(),
    ],
    count: 1,
    message: /cascade around (a -> b -> a|b -> a -> b)/,
  },
  {
    rule: 'required-reference-cycle',
    bad: () =>
      doc({
        tables: [tbl('staff', [col('id', 'bigint'), col('store_id', 'bigint')], { pk: ['id'] }), tbl('store', [col('id', 'bigint'), col('manager_id', 'bigint')], { pk: ['id'] })],
        relationships: [rel('staff.store_id', 'store.id'), rel('store.manager_id', 'staff.id')],
      }),
    good: [
      () =>
        doc({
          tables: [tbl('staff', [col('id', 'bigint'), col('store_id', 'bigint')], { pk: ['id'] }), tbl('store', [col('id', 'bigint'), col('manager_id', 'bigint', { nullable: true })], { pk: ['id'] })],
          relationships: [rel('staff.store_id', 'store.id'), rel('store.manager_id', 'staff.id')],
        }),
    ],
    message: /none of these tables can receive its first row/,
  },
  {
    rule: 'required-reference-cycle',
    name: 'MySQL cannot defer a constraint: no fix offered',
    bad: () =>
      doc({
        dialect: 'mysql',
        tables: [tbl('nodes', [col('id', 'bigint'), col('parent_id', 'bigint')], { pk: ['id'] })],
        relationships: [rel('nodes.parent_id', 'nodes.id')],
      }),
    good: [],
    noFix: true,
    message: /a required reference of nodes to itself/,
  },
  {
    rule: 'self-reference-cascade',
    bad: () => ({ ...folders(), relationships: { r: { ...rel('folders.parent_id', 'folders.id', { onDelete: 'cascade' }), id: 'r' } } }),
    good: [() => folders()],
    message: /deleting a row of folders deletes every row below it through parent_id/,
  },
  {
    rule: 'nullable-fk-cascade',
    bad: () => shop({ fkNullable: true, rel: { onDelete: 'cascade' } }),
    good: [() => shop({ rel: { onDelete: 'cascade' } }), () => shop({ fkNullable: true, rel: { onDelete: 'set null' } })],
    message: /is optional \(nullable\) yet deletes orders rows with their parent/,
  },
  {
    rule: 'duplicate-relationship',
    bad: () => ({ ...shop(), relationships: { a: { ...rel('orders.customer_id', 'customers.id'), id: 'a', name: 'fk_a' }, b: { ...rel('orders.customer_id', 'customers.id'), id: 'b' } } }),
    good: [() => shop()],
    count: 1,
    message: /repeats foreign key fk_a of orders/,
  },
  {
    rule: 'unrelated-table',
    bad: () => ({ ...shop(), tables: { ...shop().tables, audit_trail: tbl('audit_trail', [col('id', 'bigint')], { pk: ['id'] }) } }),
    good: [() => shop(), () => doc({ tables: [tbl('a', [col('id', 'bigint')], { pk: ['id'] }), tbl('b', [col('id', 'bigint')], { pk: ['id'] })] })],
    count: 1,
    message: /^audit_trail is related to no other table/,
  },
  {
    rule: 'unrelated-table',
    name: "framework bookkeeping tables stand alone by design",
    bad: () => ({ ...shop(), tables: { ...shop().tables, x: tbl('x', [col('id', 'bigint')], { pk: ['id'] }), schema_migrations: tbl('schema_migrations', [col('version', 'text')], { pk: ['version'] }) } }),
    good: [],
    count: 1,
  },
  {
    rule: 'id-column-without-relationship',
    bad: () => doc({ tables: [tbl('customers', [col('id', 'bigint')], { pk: ['id'] }), tbl('orders', [col('id', 'bigint'), col('customer_id', 'bigint')], { pk: ['id'] })] }),
    good: [
      () => shop(),
      // An external system's id, a type that cannot hold the key, a table's own `<x>_id` key.
      () => doc({ tables: [tbl('customers', [col('id', 'bigint')], { pk: ['id'] }), tbl('orders', [col('id', 'bigint'), col('stripe_customer_id', 'text'), col('customer_id', 'uuid')], { pk: ['id'] }), tbl('order', [col('order_id', 'bigint')], { pk: ['order_id'] })] }),
    ],
    message: /orders\.customer_id looks like a reference to customers \(id\), but no relationship says so/,
    target: { kind: 'column', tableId: 'orders', columnId: 'orders.customer_id' },
  },
  {
    rule: 'id-column-without-relationship',
    name: 'camelCase, role words and shared table prefixes',
    bad: () =>
      doc({
        tables: [
          tbl('app_users', [col('id', 'integer')], { pk: ['id'] }),
          tbl('app_posts', [col('id', 'bigint'), col('authorUserId', 'bigint'), col('parent_post_id', 'bigint', { nullable: true })], { pk: ['id'] }),
          tbl('app_tags', [col('id', 'bigint')], { pk: ['id'] }),
        ],
      }),
    good: [],
    count: 2,
  },
  {
    rule: 'check-always-true',
    bad: () => doc({ tables: [tbl('t', [col('id', 'bigint'), col('qty', 'integer')], { pk: ['id'], checks: ['(1 = 1)', 'qty IS NOT NULL', 'qty = qty', 'qty IS NULL OR qty IS NOT NULL'] })] }),
    good: [() => doc({ tables: [tbl('t', [col('id', 'bigint'), col('qty', 'integer', { nullable: true })], { pk: ['id'], checks: ['qty > 0', 'qty IS NOT NULL', "'a' = 'b'"] })] })],
    count: 4,
    message: /check on t \(qty IS NULL OR qty IS NOT NULL\) accepts both NULL and non-NULL values.*: no row can fail it/,
  },
  {
    rule: 'nullable-column-in-unique-key',
    bad: () => folders(),
    good: [() => folders({ nullsNotDistinct: true }), () => folders({}, false)],
    message: /folders \(name, parent_id\) treats NULLs as distinct, so rows that repeat the other columns with no parent_id are all accepted/,
  },
  {
    rule: 'nullable-column-in-unique-key',
    name: 'unique indexes too; MySQL has no NULLS NOT DISTINCT (no fix)',
    bad: () => doc({ dialect: 'mysql', tables: [tbl('t', [col('id', 'bigint'), col('a', 'text'), col('b', 'bigint', { nullable: true })], { pk: ['id'], indexes: [{ columns: ['a', 'b'], unique: true }] })] }),
    good: [],
    noFix: true,
  },
  {
    rule: 'not-null-default-null',
    bad: () => doc({ tables: [tbl('t', [col('id', 'bigint'), col('note', 'text', { default: { kind: 'literal', value: null } })], { pk: ['id'] })] }),
    good: [() => doc({ tables: [tbl('t', [col('id', 'bigint'), col('note', 'text', { nullable: true, default: { kind: 'literal', value: null } })], { pk: ['id'] })] })],
    message: /t\.note is NOT NULL but defaults to NULL/,
  },
  {
    rule: 'default-type-mismatch',
    bad: () =>
      doc({
        enums: [{ id: 'st', name: 'status', values: ['draft', 'active'] }],
        tables: [
          tbl('t', [
            col('id', 'bigint'),
            col('status', enumType('st'), { default: { kind: 'literal', value: 'pending' } }),
            col('qty', 'integer', { default: { kind: 'literal', value: 'one' } }),
            col('code', sc('varchar', { length: 2 }), { default: { kind: 'literal', value: 'ABC' } }),
            col('ok', 'boolean', { default: { kind: 'literal', value: 'maybe' } }),
          ], { pk: ['id'] }),
        ],
      }),
    good: [
      () =>
        doc({
          enums: [{ id: 'st', name: 'status', values: ['draft', 'active'] }],
          tables: [tbl('t', [col('id', 'bigint'), col('status', enumType('st'), { default: { kind: 'literal', value: 'draft' } }), col('qty', 'integer', { default: { kind: 'literal', value: 1 } }), col('price', 'decimal', { default: { kind: 'literal', value: '0.50' } }), col('ok', 'boolean', { default: { kind: 'literal', value: 't' } })], { pk: ['id'] })],
        }),
    ],
    count: 4,
    message: /not a value of enum status \(draft, active\)/,
  },
];

describe('integrity rules', () => ruleCases(cases));

import { describe } from 'vitest';
import type { ColumnType, Dialect, LogicalTypeName, TableVolume } from '../../model/document';
import { col, doc, rel, ruleCases, sc, tbl, type ColSpec, type RuleCase } from './rule-cases.test-support';

/** One table `t` (id bigint key) with the given columns. */
const t = (columns: ColSpec[], dialect?: Dialect) => doc({ dialect, tables: [tbl('t', [col('id', 'bigint'), ...columns], { pk: ['id'] })] });

/** A parent table with a generated key of `type`, and a child referencing it. */
const keyed = (name: string, type: LogicalTypeName | ColumnType, dialect?: Dialect, extra: Partial<ColSpec['extra']> = { identity: { always: false } }) =>
  doc({
    dialect,
    tables: [tbl(name, [col('id', type, extra)], { pk: ['id'] }), tbl('child', [col('id', 'bigint'), col('parent_id', type)], { pk: ['id'], indexes: [['parent_id']] })],
    relationships: [rel(`child.parent_id`, `${name}.id`)],
  });

/** `keyed` with declared volumes on the keyed table. */
const keyedWithVolume = (name: string, type: LogicalTypeName, volume: TableVolume) => {
  const d = keyed(name, type);
  d.tables[name].volume = volume;
  return d;
};

const cases: RuleCase[] = [
  {
    rule: 'money-in-float',
    bad: () => t([col('unit_price', 'double'), col('totalAmount', 'real')]),
    good: [() => t([col('unit_price', sc('decimal', { precision: 10, scale: 2 })), col('tax_rate', 'double'), col('score', 'double')])],
    count: 2,
    message: /^t\.unit_price looks like an amount of money but is double precision, a floating-point type that rounds$/,
  },
  {
    rule: 'money-type',
    bad: () => t([col('price', 'money')]),
    good: [() => t([col('price', 'money')], 'mysql'), () => t([col('price', 'decimal')])],
    message: /t\.price uses the money type/,
  },
  {
    rule: 'timestamp-without-time-zone',
    bad: () => t([col('created_at', sc('timestamp', { precision: 3 }))]),
    good: [() => t([col('created_at', 'timestamptz')]), () => t([col('created_at', 'timestamp')], 'mysql')],
    message: /^t\.created_at is timestamp\(3\), which stores no time zone$/,
  },
  {
    rule: 'varchar-without-length',
    bad: () => t([col('name', 'varchar'), col('blob', 'varbinary')], 'mysql'),
    good: [() => t([col('name', 'varchar')]), () => t([col('name', sc('varchar', { length: 80 }))], 'mysql')],
    count: 2,
    message: /t\.name is varchar without a length, which MySQL does not accept; the DDL writes varchar\(255\)/,
  },
  {
    rule: 'uuid-as-string',
    bad: () => keyed('accounts', sc('char', { length: 36 }), undefined, { default: { kind: 'builtin', name: 'uuid' } }),
    good: [() => keyed('accounts', 'uuid'), () => keyed('accounts', sc('char', { length: 36 }), 'mysql'), () => t([col('sha', sc('char', { length: 36 }))])],
    message: /accounts\.id holds UUIDs as char\(36\); PostgreSQL has a uuid type/,
  },
  {
    rule: 'same-name-different-type',
    bad: () =>
      doc({
        tables: [
          tbl('a', [col('id', 'bigint'), col('email', sc('varchar', { length: 255 }))], { pk: ['id'] }),
          tbl('b', [col('id', 'uuid'), col('email', sc('varchar', { length: 255 }))], { pk: ['id'] }),
          tbl('c', [col('id', 'bigint'), col('email', sc('varchar', { length: 100 }))], { pk: ['id'] }),
        ],
      }),
    good: [() => doc({ tables: [tbl('a', [col('id', 'bigint'), col('email', 'text')], { pk: ['id'] }), tbl('b', [col('id', 'uuid'), col('email', 'text')], { pk: ['id'] })] })],
    count: 1,
    message: /^c\.email is varchar\(100\) while 2 other columns named email are varchar\(255\) \(e\.g\. a\.email\)$/,
  },
  {
    rule: 'integer-key-overflow',
    bad: () => keyed('audit_log', 'integer'),
    good: [() => keyed('audit_log', 'bigint'), () => keyed('countries', 'integer'), () => keyed('audit_log', 'integer', undefined, {})],
    message: /audit_log\.id is a generated integer key that stops at 2,147,483,647, and its name says one row per event/,
  },
  {
    rule: 'integer-key-overflow',
    name: 'a serial key (a default drawn from a sequence) is a generated key too',
    bad: () => {
      const d = keyed('audit_log', 'integer', undefined, { default: { kind: 'sequence', sequenceId: 'q_audit' } });
      d.sequences = { q_audit: { id: 'q_audit', name: 'audit_log_id_seq', dataType: 'integer' } };
      return d;
    },
    good: [],
    message: /audit_log\.id is a generated integer key/,
  },
  {
    rule: 'integer-key-overflow',
    name: 'the project-wide expected row count judges every table (MySQL unsigned: 2^32)',
    bad: () => keyed('countries', sc('integer', { unsigned: true }), 'mysql'),
    good: [],
    options: { expectedRows: 5_000_000_000 },
    message: /countries\.id is a generated int unsigned key that stops at 4,294,967,295, and the project expects 5,000,000,000 rows/,
  },
  {
    rule: 'integer-key-overflow',
    name: 'declared volumes decide first: keys drawn in 5 years, retention aside',
    bad: () => keyedWithVolume('measurements', 'integer', { rows: 100_000_000, growthPerMonth: 40_000_000, retentionMonths: 3 }),
    good: [() => keyedWithVolume('audit_log', 'integer', { rows: 1_000_000, growthPerMonth: 10_000 }), () => keyedWithVolume('measurements', 'bigint', { rows: 100_000_000, growthPerMonth: 40_000_000 })],
    message: /^measurements\.id is a generated integer key that stops at 2,147,483,647, and its declared volume draws 2,500,000,000 keys in 5 years$/,
  },
  {
    rule: 'key-narrower-than-references',
    bad: () =>
      doc({
        tables: [tbl('customers', [col('id', 'integer', { identity: { always: false } })], { pk: ['id'] }), tbl('orders', [col('id', 'bigint'), col('customer_id', 'bigint')], { pk: ['id'], indexes: [['customer_id']] })],
        relationships: [rel('orders.customer_id', 'customers.id')],
      }),
    good: [() => keyed('customers', 'integer'), () => keyed('customers', 'bigint')],
    message: /^customers\.id is a generated integer key, but orders\.customer_id \(bigint\) references it: the key runs out before its references do$/,
  },
  {
    rule: 'text-primary-key',
    bad: () => doc({ tables: [tbl('docs', [col('body', 'jsonb')], { pk: ['body'] })] }),
    good: [() => doc({ tables: [tbl('tags', [col('slug', 'text')], { pk: ['slug'] })] })],
    message: /the primary key of docs includes body, an unbounded jsonb column/,
  },
  {
    rule: 'text-primary-key',
    name: 'text keys where the engine cannot index text whole (InnoDB)',
    bad: () => doc({ dialect: 'mysql', tables: [tbl('tags', [col('slug', 'text')], { pk: ['slug'] })] }),
    good: [],
  },
  {
    rule: 'json-over-jsonb',
    bad: () => t([col('payload', 'json')]),
    good: [() => t([col('payload', 'jsonb')]), () => t([col('payload', 'json')], 'mysql')],
    message: /t\.payload is json; jsonb is stored parsed and can be indexed/,
  },
  {
    rule: 'unused-enum',
    bad: () => doc({ enums: [{ id: 'e', name: 'mood', values: ['ok'] }], tables: [tbl('t', [col('id', 'bigint')], { pk: ['id'] })] }),
    good: [() => doc({ enums: [{ id: 'e', name: 'mood', values: ['ok'] }], tables: [tbl('t', [col('id', 'bigint'), col('mood', { kind: 'enum', enumId: 'e' })], { pk: ['id'] })] })],
    message: /^enum mood is used by no column$/,
    target: { kind: 'enum', enumId: 'e' },
  },
];

describe('type rules', () => ruleCases(cases));

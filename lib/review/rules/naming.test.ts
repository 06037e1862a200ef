import { describe } from 'vitest';
import type { Dialect } from '../../model/document';
import { col, doc, rel, ruleCases, shop, tbl, type RuleCase } from './rule-cases.test-support';

const named = (table: string, column: string, dialect?: Dialect) => doc({ dialect, tables: [tbl(table, [col('id', 'bigint'), col(column, 'text')], { pk: ['id'] })] });

const cases: RuleCase[] = [
  {
    rule: 'reserved-word-name',
    bad: () => named('user', 'order'),
    good: [() => named('app_user', 'sort_order'), () => named('User', 'Order')],
    count: 2,
    message: /^table user is named with the PostgreSQL reserved word USER, so every query must quote it$/,
  },
  {
    rule: 'reserved-word-name',
    name: "per target dialect: MySQL's words (mixed case too)",
    bad: () => named('Link', 'Key', 'mysql'),
    good: [() => named('Link', 'slug', 'mysql')],
    message: /column Link\.Key is named with the MySQL reserved word KEY/,
  },
  {
    rule: 'name-too-long',
    bad: () => named('t', 'x'.repeat(64)),
    good: [() => named('t', 'x'.repeat(63)), () => named('t', 'x'.repeat(64), 'mysql')],
    message: /column t\.x+ is 64 bytes long; PostgreSQL cuts names past 63 bytes/,
  },
  {
    rule: 'name-too-long',
    name: 'PostgreSQL counts bytes: 32 accented letters are 64 bytes',
    bad: () => ({ ...shop(), relationships: { r: { ...shop().relationships['orders.customer_id>customers.id'], id: 'r', name: 'é'.repeat(32) } } }),
    good: [],
    target: { kind: 'relationship', relationshipId: 'r' },
  },
  {
    rule: 'name-too-long',
    name: "InnoDB's file names: 60 CJK characters fit MySQL's 64-character limit but not a 255-byte file name",
    bad: () => named('表'.repeat(60), 'id2', 'mysql'),
    good: [() => named('表'.repeat(50), 'id2', 'mysql')],
    count: 1,
    message: /would be stored by InnoDB in a file whose name takes 304 bytes/,
  },
  {
    rule: 'naming-case',
    bad: () => named('OrderItems', 'unitPrice'),
    good: [() => named('order_items', 'unit_price')],
    count: 2,
    message: /^table OrderItems is not snake_case$/,
  },
  {
    rule: 'naming-case',
    name: 'the styles are options (PascalCase tables, camelCase columns)',
    bad: () => named('order_items', 'unit_price'),
    good: [() => named('OrderItems', 'unitPrice')],
    options: { tables: 'PascalCase', columns: 'camelCase' },
    count: 2,
  },
  {
    rule: 'table-name-number',
    bad: () => doc({ tables: ['customers', 'orders', 'product'].map((n) => tbl(n, [col('id', 'bigint')], { pk: ['id'] })) }),
    good: [() => doc({ tables: ['customers', 'orders', 'products', 'metadata'].map((n) => tbl(n, [col('id', 'bigint')], { pk: ['id'] })) })],
    count: 1,
    message: /^table product reads singular while the project names tables in the plural$/,
  },
  {
    rule: 'table-name-number',
    name: 'a chosen form judges every table',
    bad: () => doc({ tables: ['customers', 'order_item'].map((n) => tbl(n, [col('id', 'bigint')], { pk: ['id'] })) }),
    good: [() => doc({ tables: ['customer', 'order_item', 'person'].map((n) => tbl(n, [col('id', 'bigint')], { pk: ['id'] })) })],
    options: { form: 'singular' },
    count: 1,
  },
  {
    rule: 'key-name-template',
    bad: () =>
      doc({
        tables: [
          tbl('customers', [col('id', 'bigint'), col('email', 'text')], { pk: ['id'], pkName: 'pk_customers', uniques: [{ columns: ['email'], name: 'uq_email' }] }),
          tbl('orders', [col('id', 'bigint'), col('customer_id', 'bigint')], { pk: ['id'], indexes: [{ columns: ['customer_id'], name: 'ix1' }] }),
        ],
        relationships: [rel('orders.customer_id', 'customers.id', { name: 'fk1' })],
      }),
    good: [
      () =>
        doc({
          tables: [
            tbl('customers', [col('id', 'bigint'), col('email', 'text')], { pk: ['id'], pkName: 'customers_pkey', uniques: [['email']] }),
            tbl('orders', [col('id', 'bigint'), col('customer_id', 'bigint')], { pk: ['id'], indexes: [['customer_id']] }),
          ],
          relationships: [rel('orders.customer_id', 'customers.id', { name: 'orders_customer_id_fkey' })],
        }),
    ],
    count: 4,
    message: /^foreign key of orders fk1 should be named orders_customer_id_fkey by the project's template$/,
  },
  {
    rule: 'key-name-template',
    name: 'templates are options; unnamed keys are judged by the name they will get',
    bad: () => shop(),
    good: [],
    options: { index: 'ix_{table}_{columns}', foreignKey: '' },
    count: 1,
    message: /index of orders orders_customer_id_idx should be named ix_orders_customer_id/,
  },
  {
    rule: 'boolean-name-prefix',
    bad: () => doc({ tables: [tbl('t', [col('id', 'bigint'), col('active', 'boolean'), col('is_paid', 'boolean')], { pk: ['id'] })] }),
    good: [() => doc({ tables: [tbl('t', [col('id', 'bigint'), col('hasShipped', 'boolean')], { pk: ['id'] })] })],
    count: 1,
    message: /boolean column t\.active does not start with is_, has_, can_ or another agreed prefix/,
  },
  {
    rule: 'column-named-like-type',
    bad: () => named('t', 'timestamp'),
    good: [() => named('t', 'recorded_at'), () => named('t', 'uuid')],
    message: /^t\.timestamp is named like a type; the name does not say what it holds$/,
  },
];

describe('naming rules', () => ruleCases(cases));

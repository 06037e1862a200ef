import { describe } from 'vitest';
import { col, doc, ruleCases, shop, tbl, type RuleCase } from './rule-cases.test-support';

const cases: RuleCase[] = [
  {
    rule: 'table-without-comment',
    bad: () => doc({ tables: [tbl('t', [col('id', 'bigint')], { pk: ['id'], comment: '  ' })] }),
    good: [() => doc({ tables: [tbl('t', [col('id', 'bigint')], { pk: ['id'], comment: 'One row per shipment.' })] })],
    message: /^t has no comment saying what one of its rows is$/,
  },
  {
    rule: 'column-without-comment',
    bad: () => doc({ tables: [tbl('t', [col('id', 'bigint'), col('weight', 'integer'), col('created_at', 'timestamptz'), col('owner_id', 'bigint')], { pk: ['id'] })] }),
    good: [() => doc({ tables: [tbl('t', [col('id', 'bigint'), col('weight', 'integer', { comment: 'grams' })], { pk: ['id'] })] })],
    count: 1,
    message: /^t\.weight has no comment$/,
  },
  {
    rule: 'column-without-comment',
    name: 'skipObvious off: keys and timestamps too',
    bad: () => doc({ tables: [tbl('t', [col('id', 'bigint'), col('created_at', 'timestamptz')], { pk: ['id'] })] }),
    good: [],
    options: { skipObvious: false },
    count: 2,
  },
  {
    rule: 'index-without-purpose',
    bad: () => shop(),
    good: [() => shop({ orderIndexes: [{ columns: ['customer_id'], purpose: 'orders of a customer, newest first' }] })],
    message: /index orders_customer_id_idx on orders does not say which query it serves/,
  },
];

describe('documentation rules', () => ruleCases(cases));

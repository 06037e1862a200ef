import { describe } from 'vitest';
import { col, doc, rel, ruleCases, tbl, type RuleCase } from './rule-cases.test-support';
import type { SchemaDocument } from '../../model/document';

const withPatterns = (sqls: string[], statusIndex = true, dialect: 'postgres' | 'mysql' = 'postgres'): SchemaDocument => {
  const d = doc({
    dialect,
    tables: [
      tbl('customers', [col('id', 'bigint')], { pk: ['id'] }),
      tbl('orders', [col('id', 'bigint'), col('customer_id', 'bigint'), col('status', 'text')], { pk: ['id'], indexes: [['customer_id'], ...(statusIndex ? [['status']] : [])] }),
    ],
    relationships: [rel('orders.customer_id', 'customers.id')],
  });
  d.design.queryPatterns = sqls.map((sql, i) => ({ id: `q${i}`, name: `q${i}`, sql }));
  return d;
};

const cases: RuleCase[] = [
  {
    rule: 'index-unused-by-patterns',
    bad: () => withPatterns(['SELECT * FROM orders WHERE customer_id = $1']),
    good: [
      () => withPatterns(['SELECT * FROM orders WHERE status = $1']), // the FK's index is never reported
      () => withPatterns([]), // no patterns declared: nothing known about the reads
      () => withPatterns(['SELECT * FROM orders WHERE customer_id = $1'], false),
    ],
    message: /^orders: index orders_status_idx is used by none of the 1 declared query patterns and by no foreign key$/,
  },
  {
    rule: 'index-unused-by-patterns',
    name: 'MySQL documents too',
    bad: () => withPatterns(['SELECT * FROM `orders` WHERE `customer_id` = ?'], true, 'mysql'),
    good: [() => withPatterns(['SELECT * FROM orders o WHERE o.status = ?', 'SELECT * FROM orders WHERE customer_id = ?'], true, 'mysql')],
  },
];

describe('workload rules', () => ruleCases(cases));

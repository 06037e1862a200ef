import { describe } from 'vitest';
import { col, doc, ruleCases, tbl, type RuleCase } from './rule-cases.test-support';

const wide = (n: number) => doc({ tables: [tbl('t', [col('id', 'bigint'), ...Array.from({ length: n - 1 }, (_, i) => col(`c${i}`, 'text'))], { pk: ['id'] })] });
const uuidKeyed = (dialect: 'postgres' | 'mysql', sql?: string) =>
  doc({ dialect, tables: [tbl('t', [col('id', 'uuid', { default: sql ? { kind: 'expression', sql } : { kind: 'builtin', name: 'uuid' } })], { pk: ['id'] })] });

const cases: RuleCase[] = [
  {
    rule: 'wide-table',
    bad: () => wide(41),
    good: [() => wide(40)],
    message: /^t has 41 columns; the project allows 40$/,
  },
  {
    rule: 'wide-table',
    name: 'the threshold is an option',
    bad: () => wide(11),
    good: [],
    options: { max: 10 },
  },
  {
    rule: 'random-uuid-primary-key',
    bad: () => uuidKeyed('mysql'),
    good: [() => uuidKeyed('postgres'), () => doc({ dialect: 'mysql', tables: [tbl('t', [col('id', 'bigint', { identity: { always: false } })], { pk: ['id'] })] })],
    message: /t\.id is a random UUID primary key: InnoDB stores the rows of t in key order/,
  },
  {
    rule: 'random-uuid-primary-key',
    name: 'an expression default calling uuid() too',
    bad: () => uuidKeyed('mysql', '(uuid())'),
    good: [],
  },
];

describe('performance rules', () => ruleCases(cases));

import { describe } from 'vitest';
import type { Dialect, TableVolume } from '../../model/document';
import { col, doc, ruleCases, tbl, type RuleCase } from './rule-cases.test-support';

const events = (volume: TableVolume | undefined, extra: { updatedAt?: boolean; dialect?: Dialect } = {}) => {
  const t = tbl('events', [col('id', 'bigint'), col('payload', 'jsonb'), col('occurred_at', 'timestamptz'), ...(extra.updatedAt ? [col('updated_at', 'timestamptz')] : [])], { pk: ['id'], uniques: [['id', 'payload']] });
  if (volume) t.volume = volume;
  return doc({ dialect: extra.dialect, tables: [t] });
};

const padded = (rows: number | undefined) => {
  const t = tbl('ledger', [col('id', 'bigint'), col('posted', 'boolean'), col('amount', 'bigint'), col('flag', 'boolean'), col('at', 'timestamptz'), col('memo', 'text')], { pk: ['id'] });
  if (rows !== undefined) t.volume = { rows, growthPerMonth: rows / 10 };
  return doc({ tables: [t] });
};

const cases: RuleCase[] = [
  {
    rule: 'partitioning-suggested',
    name: 'an append-only time series growing by millions a month (PostgreSQL)',
    bad: () => events({ rows: 1_000_000, growthPerMonth: 1_500_000 }),
    good: [() => events(undefined), () => events({ rows: 1_000_000, growthPerMonth: 10_000 }), () => events({ rows: 1_000_000, growthPerMonth: 1_500_000 }, { updatedAt: true })],
    options: { startMonth: '2026-12' },
    message: /^events: 1\.5 million rows a month, append-only by occurred_at \(no update timestamp\): 91\.0 million rows, .* at 5 years; partition it by RANGE on occurred_at, one partition per month \(4 created ahead/,
    count: 1,
  },
  {
    rule: 'partitioning-suggested',
    name: 'the same on MySQL',
    bad: () => events({ rows: 1_000_000, growthPerMonth: 1_500_000 }, { dialect: 'mysql' }),
    good: [() => events({ rows: 1_000_000, growthPerMonth: 1_500_000 }, { dialect: 'mysql', updatedAt: true })],
    options: { startMonth: '2026-12' },
    count: 1,
  },
  {
    rule: 'partitioning-suggested',
    name: 'a large table without a time column: hash partitions on the key',
    bad: () => events({ rows: 300_000_000 }, { updatedAt: true }),
    good: [() => events({ rows: 3_000_000 }, { updatedAt: true })],
    message: /partition it by HASH on id into \d+ partitions/,
  },
  {
    rule: 'column-order-padding',
    bad: () => padded(10_000_000),
    good: [() => padded(undefined), () => padded(1000)],
    message: /^ledger: reordering the columns saves 16 bytes per row \(\d+ -> \d+\), .* at 5 years: id, amount, at, posted, flag, memo$/,
    count: 1,
  },
];

describe('capacity rules', () => {
  ruleCases(cases);
});

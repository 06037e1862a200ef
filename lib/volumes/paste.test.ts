import { describe, expect, it } from 'vitest';
import { parseCount, planVolumePaste, type GridTable } from './paste';

const tables: GridTable[] = [
  { id: 't_users', names: ['users'], volume: undefined },
  { id: 't_orders', names: ['orders', 'sales.orders'], volume: { rows: 5, avgLength: { c_note: 40 } } },
  { id: 't_items', names: ['items'], volume: undefined },
];

describe('parseCount', () => {
  it.each([
    ['1,234,567', 1234567], ['1 234', 1234], ['1.5M', 1.5e6], ['20k', 20000], ['3e6', 3e6], ['"42"', 42], ['', null], ['  ', null], ['-', null],
    ['abc', undefined], ['1,23', undefined], ['12 apples', undefined], ['-5', undefined],
  ])('%j -> %j', (cell, n) => expect(parseCount(cell)).toBe(n));
});

describe('planVolumePaste', () => {
  it('rows named by their first cell, a header skipped, other fields kept', () => {
    const plan = planVolumePaste('table\trows\tgrowth\n orders \t1,000\t200\t\t24\nUSERS\t50k\t1.5k\r\n', tables);
    expect(plan.problems).toEqual([]);
    expect(plan.volumes).toEqual([
      { tableId: 't_orders', volume: { rows: 1000, growthPerMonth: 200, retentionMonths: 24, avgLength: { c_note: 40 } } },
      { tableId: 't_users', volume: { rows: 50000, growthPerMonth: 1500 } },
    ]);
  });

  it('rows without names apply in grid order from the focused row and column', () => {
    const plan = planVolumePaste('10\t1\n20\t2\n', tables, 1, 'growthPerMonth');
    expect(plan.volumes).toEqual([
      { tableId: 't_orders', volume: { rows: 5, growthPerMonth: 10, rowsIn5y: 1, avgLength: { c_note: 40 } } },
      { tableId: 't_items', volume: { growthPerMonth: 20, rowsIn5y: 2 } },
    ]);
    expect(planVolumePaste('1\n2\n3\n', tables, 1).problems).toEqual([{ line: 3, message: 'more rows than tables below the focused row' }]);
  });

  it('reports rows that match no table and cells that are not numbers, applying the rest', () => {
    const plan = planVolumePaste('users\t10\ncustomers\t5\nitems\tmany\t3\nsales.orders\t7\t\t\t0\tx', tables);
    expect(plan.volumes).toEqual([{ tableId: 't_users', volume: { rows: 10 } }]);
    expect(plan.problems).toEqual([
      { line: 2, column: 1, message: 'no table named "customers"' },
      { line: 3, column: 2, message: 'Rows now: "many" is not a number' },
      { line: 4, column: 6, message: "more cells than the grid's 4 columns; the extra ones were ignored" },
      { line: 4, column: 5, message: 'Retention (months) must be at least 1 month' },
    ]);
  });

  it('an emptied row clears the declaration; ambiguous names ask for the schema', () => {
    expect(planVolumePaste('users\t\t\t\t', [{ id: 't_users', names: ['users'], volume: { rows: 3 } }]).volumes).toEqual([{ tableId: 't_users', volume: undefined }]);
    const twins: GridTable[] = [{ id: 'a', names: ['t', 'a.t'], volume: undefined }, { id: 'b', names: ['t', 'b.t'], volume: undefined }];
    expect(planVolumePaste('t\t1', twins).problems).toEqual([{ line: 1, column: 1, message: '"t" names more than one table; write it as schema.table' }]);
    expect(planVolumePaste('b.t\t1', twins).volumes).toEqual([{ tableId: 'b', volume: { rows: 1 } }]);
  });

  it('caps the paste', () => {
    expect(planVolumePaste('1\n'.repeat(30_000), tables).problems[0].message).toMatch(/at most 20,000/);
  });
});

import { describe, expect, it } from 'vitest';
import { resolveVolume, rowsIn5yOf, volumesOf } from './types';
import { emptyDocument } from '../model/empty';

describe('declared volumes', () => {
  it.each([
    ['nothing declared', undefined, undefined],
    ['rows only: no growth', { rows: 1000 }, 1000],
    ['rows and growth', { rows: 1000, growthPerMonth: 100 }, 7000],
    ['declared 5-year count wins', { rows: 1000, growthPerMonth: 100, rowsIn5y: 50 }, 50],
    ['retention keeps 12 months of growth', { rows: 0, growthPerMonth: 100, retentionMonths: 12 }, 1200],
    ['growth without a current count', { growthPerMonth: 10 }, 600],
  ])('%s', (_label, volume, expected) => {
    expect(rowsIn5yOf(volume)).toBe(expected);
  });

  it('resolves every table, declared or not', () => {
    const doc = emptyDocument();
    doc.tables.t1 = { id: 't1', name: 'a', columns: [], uniques: [], checks: [], indexes: [], volume: { rows: 5, avgLength: { c1: 12 } } };
    doc.tables.t2 = { id: 't2', name: 'b', columns: [], uniques: [], checks: [], indexes: [] };
    const v = volumesOf(doc);
    expect(v.t1).toEqual(resolveVolume('t1', { rows: 5, avgLength: { c1: 12 } }));
    expect(v.t1.declared).toBe(true);
    expect(v.t2.declared).toBe(false);
    expect(v.t2.rowsNow).toBeUndefined();
  });
});

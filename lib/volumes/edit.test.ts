import { describe, expect, it } from 'vitest';
import { commandsFixture } from '../model/commands/test-fixture';
import { defaultAvgLength, variableLengthColumns, volumeWithAvgLength, volumeWithField } from './edit';

describe('volumeWithField / volumeWithAvgLength', () => {
  it.each([
    [undefined, 'rows', '250,000', { volume: { rows: 250000 } }],
    [{ rows: 5 }, 'growthPerMonth', '1.5k', { volume: { rows: 5, growthPerMonth: 1500 } }],
    [{ rows: 5 }, 'rows', '', { volume: {} }],
    [{ rows: 5 }, 'rowsIn5y', '2.5', { volume: { rows: 5, rowsIn5y: 3 } }],
    [undefined, 'retentionMonths', '0', { error: 'Retention (months) must be at least 1 month' }],
    [undefined, 'rows', 'lots', { error: 'Rows now: enter a number, e.g. 250000, 250,000 or 1.5M' }],
  ] as const)('%j + %s = %j', (volume, field, text, expected) => {
    expect(volumeWithField(volume, field, text)).toEqual(expected);
  });

  it('average lengths per column; the last one cleared removes the map', () => {
    const one = volumeWithAvgLength({ rows: 1 }, 'c_a', '40');
    expect(one).toEqual({ volume: { rows: 1, avgLength: { c_a: 40 } } });
    expect('volume' in one && volumeWithAvgLength(one.volume, 'c_a', '')).toEqual({ volume: { rows: 1 } });
    expect(volumeWithAvgLength(undefined, 'c_a', 'x')).toEqual({ error: 'Average length: enter a number of bytes' });
  });
});

describe('variable-length columns and their default lengths', () => {
  it('lists strings (domains by their base type) with defaults, not fixed-size types', () => {
    const doc = commandsFixture();
    expect(variableLengthColumns(doc.domains, doc.tables.t_users).map((v) => [v.column.name, v.defaultLength])).toEqual(
      variableLengthColumns(doc.domains, doc.tables.t_users).map((v) => [v.column.name, defaultAvgLength(doc.domains, v.column)]),
    );
    const names = variableLengthColumns(doc.domains, doc.tables.t_users).map((v) => v.column.name);
    expect(names).toContain('name'); // varchar(100) -> 32
    expect(names).not.toContain('id');
    expect(variableLengthColumns(doc.domains, doc.tables.t_users).find((v) => v.column.name === 'name')?.defaultLength).toBe(32);
  });
});

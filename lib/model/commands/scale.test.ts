/**
 * Large documents: commands stay interactive at 1,000 tables and a big paste stays roughly linear.
 * The bounds are 10-20x what this 2-core machine measures under load, so they only trip on a
 * complexity regression (a 300-table paste once took 44 s when every step deep-copied the record).
 */
import { describe, expect, it } from 'vitest';
import { syntheticDocument } from '../../../bench/synthetic';
import { emptyDocument } from '../empty';
import { parseDocument } from '../validate';
import { applyCommand, undoPatches } from './apply';
import { addTableCommand } from './helpers/add-table';
import { pasteTablesCommand } from './helpers/paste-tables';

function timed<T>(f: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = f();
  return { value, ms: performance.now() - start };
}

describe('scale', () => {
  const big = applyCommand(syntheticDocument({ tables: 1000 }), { type: 'layout.moveTables', positions: {} }).doc;
  const tables = Object.values(big.tables);

  it('single commands on a 1,000-table document take milliseconds', () => {
    const t = tables[500];
    const commands = [
      { type: 'column.update' as const, tableId: t.id, columnId: t.columns[3].id, changes: { name: 'renamed' } },
      { type: 'table.update' as const, tableId: t.id, changes: { name: 'renamed_table' } },
      addTableCommand(big),
      { type: 'column.remove' as const, tableId: t.id, columnId: t.columns[0].id },
      { type: 'table.remove' as const, tableId: t.id },
      { type: 'layout.moveTables' as const, positions: Object.fromEntries(tables.map((x, i) => [x.id, { x: i, y: i }])) },
    ];
    for (const command of commands) {
      // Median of 5: the machine is shared, one run can be descheduled for a while.
      const runs = Array.from({ length: 5 }, () => timed(() => applyCommand(big, command)));
      const median = runs.map((r) => r.ms).sort((a, b) => a - b)[2];
      expect(median, command.type).toBeLessThan(500);
      const { value } = runs[0];
      expect(undoPatches(value.doc, value.inversePatches)).toStrictEqual(big);
    }
  });

  it('pasting 300 tables with their relationships is one valid step', () => {
    const source = syntheticDocument({ tables: 300 });
    const command = pasteTablesCommand(emptyDocument(), Object.values(source.tables), Object.values(source.relationships), { x: 0, y: 0 });
    const { value, ms } = timed(() => applyCommand(emptyDocument(), command));
    expect(ms).toBeLessThan(15_000);
    expect(Object.keys(value.doc.tables)).toHaveLength(300);
    expect(Object.keys(value.doc.relationships)).toHaveLength(Object.keys(source.relationships).length);
    const parsed = parseDocument(value.doc);
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    expect(undoPatches(value.doc, value.inversePatches)).toStrictEqual(emptyDocument());
  });
});

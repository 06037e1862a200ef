/**
 * Properties over the kitchen-sink document (lib/model/fixtures): whatever order columns or tables
 * are removed in, every intermediate document is valid, every step undoes and redoes exactly, and
 * unwinding the whole history gives back the original. Random edit sequences likewise.
 */
import fc from 'fast-check';
import type { Patch } from 'immer';
import { describe, expect, it } from 'vitest';
import type { SchemaDocument } from '../document';
import { kitchenSinkDocument } from '../fixtures/kitchen-sink';
import { applyCommand, redoPatches, undoPatches } from './apply';
import { applyAndCheck } from './apply-and-check';
import { CommandError } from './errors';
import type { Command } from './types';

interface Step { patches: Patch[]; inversePatches: Patch[] }

/** Undo every step (newest first) and check we are back at `original`; then redo all and check `final`. */
function unwind(original: SchemaDocument, final: SchemaDocument, steps: Step[]): void {
  let doc = final;
  for (const s of [...steps].reverse()) doc = undoPatches(doc, s.inversePatches);
  expect(doc).toStrictEqual(original);
  for (const s of steps) doc = redoPatches(doc, s.patches);
  expect(doc).toStrictEqual(final);
}

const sink = kitchenSinkDocument();
const allColumns = Object.values(sink.tables).flatMap((t) => t.columns.map((c) => ({ tableId: t.id, columnId: c.id })));
const allTables = Object.keys(sink.tables);

describe('kitchen sink properties', () => {
  it(`removing all ${allColumns.length} columns one by one, in any order, keeps integrity`, () => {
    fc.assert(fc.property(fc.shuffledSubarray(allColumns, { minLength: allColumns.length }), (order) => {
      const original = kitchenSinkDocument();
      let doc = original;
      const steps: Step[] = [];
      for (const { tableId, columnId } of order) {
        const r = applyAndCheck(doc, { type: 'column.remove', tableId, columnId });
        steps.push(r);
        doc = r.doc;
      }
      expect(Object.values(doc.tables).every((t) => t.columns.length === 0 && !t.primaryKey && t.uniques.length === 0 && !t.partitioning)).toBe(true);
      // Only expression-only indexes can outlive their table's columns.
      expect(Object.values(doc.tables).flatMap((t) => t.indexes).every((ix) => ix.parts.every((p) => p.kind === 'expression'))).toBe(true);
      expect(doc.relationships).toEqual({});
      unwind(original, doc, steps);
    }), { numRuns: 8, seed: 20261124 });
  });

  it(`removing all ${allTables.length} tables one by one, in any order, keeps integrity`, () => {
    fc.assert(fc.property(fc.shuffledSubarray(allTables, { minLength: allTables.length }), (order) => {
      const original = kitchenSinkDocument();
      let doc = original;
      const steps: Step[] = [];
      for (const tableId of order) {
        const r = applyAndCheck(doc, { type: 'table.remove', tableId });
        steps.push(r);
        doc = r.doc;
      }
      expect(doc.relationships).toEqual({});
      expect(doc.layout.tables).toEqual({});
      expect(Object.values(doc.areas).every((a) => a.tableIds.length === 0)).toBe(true);
      unwind(original, doc, steps);
    }), { numRuns: 10, seed: 7 });
  });

  it('random edit sequences: each applied step is valid, refused steps change nothing, history unwinds exactly', () => {
    const tableIds = fc.constantFrom(...allTables);
    const pick = (tableId: string) => sink.tables[tableId].columns.map((c) => c.id);
    const command: fc.Arbitrary<Command> = fc.oneof(
      fc.record({ tableId: tableIds, name: fc.constantFrom('a', 'orders', 'customers', 'x y', 'Ünïcode') }).map(({ tableId, name }): Command => ({ type: 'table.update', tableId, changes: { name } })),
      tableIds.chain((tableId) => fc.record({ columnId: fc.constantFrom(...pick(tableId), 'c_missing'), name: fc.constantFrom('id', 'n', 'email', 'status') })
        .map(({ columnId, name }): Command => ({ type: 'column.update', tableId, columnId, changes: { name } }))),
      tableIds.chain((tableId) => fc.record({ columnId: fc.constantFrom(...pick(tableId)), toIndex: fc.nat(12) })
        .map(({ columnId, toIndex }): Command => ({ type: 'column.move', tableId, columnId, toIndex }))),
      tableIds.chain((tableId) => fc.constantFrom(...pick(tableId)).map((columnId): Command => ({ type: 'column.remove', tableId, columnId }))),
      tableIds.map((tableId): Command => ({ type: 'table.remove', tableId })),
      fc.record({ tableId: tableIds, x: fc.integer({ min: -5000, max: 5000 }), y: fc.integer({ min: -5000, max: 5000 }) })
        .map(({ tableId, x, y }): Command => ({ type: 'layout.moveTables', positions: { [tableId]: { x, y } } })),
      fc.constantFrom(...Object.keys(sink.enums)).map((enumId): Command => ({ type: 'enum.remove', enumId })),
      fc.constantFrom(...Object.keys(sink.schemas)).map((schemaId): Command => ({ type: 'schema.remove', schemaId })),
    );
    let applied = 0;
    let refused = 0;
    fc.assert(fc.property(fc.array(command, { minLength: 1, maxLength: 40 }), (commands) => {
      const original = kitchenSinkDocument();
      let doc = original;
      const steps: Step[] = [];
      for (const c of commands) {
        let r;
        const before = structuredClone(doc);
        try {
          r = applyAndCheck(doc, c);
        } catch (e) {
          if (!(e instanceof CommandError)) throw e;
          expect(doc).toStrictEqual(before);
          refused++;
          continue;
        }
        applied++;
        steps.push(r);
        doc = r.doc;
      }
      unwind(original, doc, steps);
    }), { numRuns: 60, seed: 42 });
    // Both paths were exercised (the generator makes name clashes and stale ids on purpose).
    expect(applied).toBeGreaterThan(200);
    expect(refused).toBeGreaterThan(50);
  });

  it('a refused command leaves no trace (the document object is returned untouched)', () => {
    const doc = kitchenSinkDocument();
    const before = structuredClone(doc);
    expect(() => applyCommand(doc, { type: 'batch', commands: [
      { type: 'table.remove', tableId: 't_orders' },
      { type: 'table.remove', tableId: 't_orders' },
    ] })).toThrowError('batch, step 2 (table.remove): unknown table id "t_orders"');
    expect(doc).toStrictEqual(before);
  });
});

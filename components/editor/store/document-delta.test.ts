/**
 * The save worker's replica stays byte-identical to the page's document: for random edit histories
 * over the kitchen sink, applying the delta to a copy of the old document gives the new one, key
 * order included (the stored text is compared).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyCommand } from '@/lib/model/commands/apply';
import { kitchenSinkDocument } from '@/lib/model/fixtures/kitchen-sink';
import { syntheticDocument } from '../../../bench/synthetic';
import { applyDelta, documentDelta } from './document-delta';
import type { Command } from '@/lib/model/commands/types';
import type { SchemaDocument } from '@/lib/model/document';

const clone = <T,>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

function roundTrip(before: SchemaDocument, after: SchemaDocument) {
  const ops = documentDelta(before, after);
  const replica = applyDelta(clone(before) as unknown as Record<string, unknown>, clone(ops));
  expect(JSON.stringify(replica)).toBe(JSON.stringify(after));
  return ops;
}

describe('documentDelta', () => {
  it('a one-table move is one small operation; a bulk layout one replace of the positions', () => {
    const doc = syntheticDocument({ tables: 200 });
    const id = Object.keys(doc.tables)[5];
    const moved = applyCommand(doc, { type: 'layout.moveTables', positions: { [id]: { x: 10, y: 20 } } }).doc;
    expect(roundTrip(doc, moved)).toEqual([{ path: ['layout', 'tables', id], value: { x: 10, y: 20 } }]);
    const all = applyCommand(moved, { type: 'layout.moveTables', positions: Object.fromEntries(Object.keys(doc.tables).map((t, i) => [t, { x: i, y: i }])) }).doc;
    const ops = roundTrip(moved, all);
    expect(ops.length).toBeLessThanOrEqual(200);
    expect(JSON.stringify(ops).length).toBeLessThan(JSON.stringify(all).length / 10);
  });

  it('removals, additions and re-ordered records give the exact text', () => {
    const a = { x: { p: 1, q: 2, r: 3 }, y: [1, 2] };
    const reordered = { x: { r: 3, p: 1, q: 2 }, y: [1, 2] };
    expect(JSON.stringify(applyDelta(clone(a), documentDelta(a, reordered)))).toBe(JSON.stringify(reordered));
    const grown = { x: { p: 1, r: 3, s: 4 }, y: [1, 2, 3] };
    expect(JSON.stringify(applyDelta(clone(a), documentDelta(a, grown)))).toBe(JSON.stringify(grown));
    const inserted = { x: { p: 1, new: 0, q: 2, r: 3 }, y: [1, 2] };
    expect(JSON.stringify(applyDelta(clone(a), documentDelta(a, inserted)))).toBe(JSON.stringify(inserted));
  });

  it('random edit histories over the kitchen sink: the replica equals the document after every save', () => {
    const base = kitchenSinkDocument();
    const tableIds = Object.keys(base.tables);
    const command = fc.oneof(
      fc.record({ t: fc.constantFrom(...tableIds), x: fc.integer({ min: -500, max: 500 }), y: fc.integer({ min: -500, max: 500 }) }).map(({ t, x, y }): Command => ({ type: 'layout.moveTables', positions: { [t]: { x, y } } })),
      fc.record({ t: fc.constantFrom(...tableIds), c: fc.string({ minLength: 0, maxLength: 30 }) }).map(({ t, c }): Command => ({ type: 'table.update', tableId: t, changes: { comment: c || undefined } })),
      fc.record({ t: fc.constantFrom(...tableIds), collapsed: fc.boolean() }).map(({ t, collapsed }): Command => ({ type: 'layout.setTablesCollapsed', tableIds: [t], collapsed })),
      fc.constantFrom(...tableIds).map((t): Command => ({ type: 'table.remove', tableId: t })),
    );
    fc.assert(
      fc.property(fc.array(command, { minLength: 1, maxLength: 12 }), (commands) => {
        let doc = base;
        for (const c of commands) {
          let next: SchemaDocument;
          try {
            next = applyCommand(doc, c).doc;
          } catch {
            continue; // e.g. a table removed earlier in the history
          }
          roundTrip(doc, next);
          doc = next;
        }
      }),
      { numRuns: 60 },
    );
  });
});

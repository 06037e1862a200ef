import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { applyCommand, undoPatches, type Command } from '../model/commands/apply';
import { commandsFixture } from '../model/commands/test-fixture';
import { kitchenSinkDocument } from '../model/fixtures/kitchen-sink';
import { hostileDocument } from '../model/fixtures/hostile-documents';
import type { SchemaDocument } from '../model/document';
import { applyPatchesToY } from './apply-patches';
import { readYDoc, rootMapOf, toYDoc } from './y-document';

/** Applies a command to the document and its patches to the Y.Doc; the two must then agree. */
function step(ydoc: Y.Doc, doc: SchemaDocument, command: Command): SchemaDocument {
  const r = applyCommand(doc, command);
  applyPatchesToY(ydoc, r.patches, 'me');
  expect(readYDoc(ydoc), command.type).toEqual(r.doc);
  return r.doc;
}

describe('applyPatchesToY', () => {
  it('follows every kind of command, and undo through the inverse patches', () => {
    let doc = commandsFixture();
    const ydoc = toYDoc(doc);
    const commands: Command[] = [
      { type: 'table.update', tableId: 't_users', changes: { name: 'people', comment: 'who buys' } },
      { type: 'column.move', tableId: 't_orders', columnId: 'c_orders_total', toIndex: 0 },
      { type: 'column.update', tableId: 't_orders', columnId: 'c_orders_total', changes: { comment: undefined, classification: 'personal', protection: { masking: 'hash' } } },
      { type: 'table.setVolume', tableId: 't_users', volume: { rows: 1000, avgLength: { c_users_name: 20 } } },
      { type: 'table.setVolume', tableId: 't_users', volume: undefined },
      { type: 'index.remove', tableId: 't_users', indexId: 'i_users_name' },
      { type: 'column.remove', tableId: 't_orders', columnId: 'c_orders_created_at' },
      { type: 'layout.moveTables', positions: { t_users: { x: 10, y: 20 }, t_order_items: { x: 5, y: 6 } } },
      { type: 'layout.setTableColor', tableId: 't_users', color: '#00ff00' },
      { type: 'note.update', noteId: 'n_1', changes: { text: 'Orders are partitioned by month' } },
      { type: 'layout.setNote', noteId: 'n_1', geometry: { width: 300 } },
      { type: 'area.removeTables', areaId: 'a_sales', tableIds: ['t_users'] },
      { type: 'area.addTables', areaId: 'a_sales', tableIds: ['t_products', 't_users'] },
      { type: 'settings.setDialect', dialect: 'mysql' },
      { type: 'review.waive', waiver: { key: 'missing-comment:t_users', ruleId: 'missing-comment', rationale: 'obvious' } },
      { type: 'governance.setMeta', changes: { authors: ['Ann'], status: 'in-review' } },
      { type: 'design.setNarrative', section: 'security', markdown: 'Row level security.' },
      { type: 'design.setNarrative', section: 'executiveSummary', markdown: '' },
      { type: 'design.setRequirements', requirements: { latencyTargetMs: 50, notes: { rpo: 'nightly' } } },
      { type: 'design.queryPattern.add', queryPattern: { id: 'qp_2', name: 'Top products' }, index: 0 },
      { type: 'enum.remove', enumId: 'e_status' },
      { type: 'schema.remove', schemaId: 's_catalog' },
      { type: 'table.remove', tableId: 't_order_items' },
    ];
    const history: { before: SchemaDocument; inverse: ReturnType<typeof applyCommand>['inversePatches'] }[] = [];
    for (const c of commands) {
      const before = doc;
      const r = applyCommand(doc, c);
      doc = step(ydoc, doc, c);
      history.push({ before, inverse: r.inversePatches });
    }
    for (const { before, inverse } of history.reverse()) {
      applyPatchesToY(ydoc, inverse, 'me');
      expect(readYDoc(ydoc)).toEqual(before);
      doc = undoPatches(doc, inverse);
    }
    doc = step(ydoc, doc, { type: 'document.replace', document: kitchenSinkDocument() });
  });

  it('removing every column of the kitchen sink in any order keeps the Y.Doc equal to the document', () => {
    const sink = kitchenSinkDocument();
    const all = Object.values(sink.tables).flatMap((t) => t.columns.map((c) => ({ tableId: t.id, columnId: c.id })));
    fc.assert(fc.property(fc.shuffledSubarray(all, { minLength: all.length }), (order) => {
      let doc = kitchenSinkDocument();
      const ydoc = toYDoc(doc);
      for (const { tableId, columnId } of order) doc = step(ydoc, doc, { type: 'column.remove', tableId, columnId });
    }), { numRuns: 5 });
  });

  it('writes only what changed: renaming one column of a 300-table document is one small update about that field', () => {
    const doc = hostileDocument('fk-cycle', 300);
    const ydoc = toYDoc(doc);
    const t = Object.values(doc.tables)[150];
    const updates: Uint8Array[] = [];
    ydoc.on('update', (u: Uint8Array) => updates.push(u));
    const changedKeys: string[] = [];
    rootMapOf(ydoc).observeDeep((events) => {
      for (const e of events) for (const key of e.changes.keys.keys()) changedKeys.push([...e.path, key].join('/'));
    });
    const r = applyCommand(doc, { type: 'column.update', tableId: t.id, columnId: t.columns[0].id, changes: { name: 'renamed' } });
    applyPatchesToY(ydoc, r.patches, 'me');
    expect(updates).toHaveLength(1);
    expect(updates[0].byteLength).toBeLessThan(100);
    expect(changedKeys).toEqual([`tables/${t.id}/columns/${t.columns[0].id}/name`]);
  });
});

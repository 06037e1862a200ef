import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { makeColumn, scalar } from '@/lib/model/build';
import type { Column } from '@/lib/model/document';
import { commandsFixture } from '@/lib/model/commands/test-fixture';
import { toYDoc } from '@/lib/collab/y-document';
import { createEditorStore } from '../store/editor-store';
import { createCollabSession, REPAIR_PREFIX } from './collab-session';

function column(id: string, name: string): Column {
  return makeColumn({ id, name, type: scalar('text'), nullable: true }, () => id);
}

/**
 * Two editor stores, each bound to its own Y.Doc, joined by a link that forwards every update at once
 * (as the sync server does) unless the link is cut (offline): then updates wait and go on reconnect.
 */
function twoEditors(opts: { readOnlyB?: string; deleterOf?: (tableId: string) => string | undefined } = {}) {
  const state = Y.encodeStateAsUpdate(toYDoc(commandsFixture(), { clientID: 1000 }));
  const make = (clientID: number, user: string, readOnly?: string) => {
    const ydoc = new Y.Doc();
    ydoc.clientID = clientID;
    Y.applyUpdate(ydoc, state, 'server');
    const session = createCollabSession(ydoc, user, { deleterOf: opts.deleterOf });
    const store = createEditorStore({ projectId: 'p', name: 'P', version: 1, doc: session.replica.doc, collab: session.engine, readOnly });
    session.bind(store);
    return { ydoc, session, store };
  };
  const a = make(1, 'ana');
  const b = make(2, 'ben', opts.readOnlyB);
  let online = true;
  const sync = () => {
    for (const [from, to] of [
      [a, b],
      [b, a],
    ]) {
      Y.applyUpdate(to.ydoc, Y.encodeStateAsUpdate(from.ydoc, Y.encodeStateVector(to.ydoc)), 'server');
    }
  };
  for (const [from, to] of [
    [a, b],
    [b, a],
  ]) {
    from.ydoc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== 'server' && online) Y.applyUpdate(to.ydoc, u, 'server');
    });
  }
  return {
    a,
    b,
    offline: () => (online = false),
    online: () => {
      online = true;
      sync();
    },
  };
}

const columnNames = (s: { store: { getState(): { doc: ReturnType<typeof commandsFixture> } } }, tableId: string) =>
  s.store.getState().doc.tables[tableId].columns.map((c) => c.name);

describe('the editor store in a live session', () => {
  it('shows each person the other’s concurrent edits, and both stores hold the same document', () => {
    const { a, b } = twoEditors();
    expect(a.store.getState().live).toBe(true);
    expect('error' in a.store.getState().dispatch({ type: 'column.add', tableId: 't_users', column: column('c_a', 'from_ana') }))
      .toBe(false);
    b.store.getState().dispatch({ type: 'table.update', tableId: 't_orders', changes: { name: 'purchases' } });
    expect(columnNames(b, 't_users')).toContain('from_ana');
    expect(a.store.getState().doc.tables.t_orders.name).toBe('purchases');
    expect(a.store.getState().doc).toEqual(b.store.getState().doc);
    // A remote change is not on my undo stack.
    expect(a.store.getState().past.map((e) => e.label)).toHaveLength(1);
    expect(b.store.getState().past).toHaveLength(1);
    // The server's write-backs (polled versions) are not "changed elsewhere" in a live session.
    a.store.getState().setRemote({ version: 99 });
    expect(a.store.getState().remote).toBeUndefined();
  });

  it('undoes my change only, on both sides, and redoes it', () => {
    const { a, b } = twoEditors();
    a.store.getState().dispatch({ type: 'table.update', tableId: 't_users', changes: { comment: 'by ana' } });
    b.store.getState().dispatch({ type: 'table.update', tableId: 't_orders', changes: { comment: 'by ben' } });
    expect(a.store.getState().past[0].label).toMatch(/users/i);
    a.store.getState().undo();
    for (const s of [a, b]) {
      expect(s.store.getState().doc.tables.t_users.comment).toBeUndefined();
      expect(s.store.getState().doc.tables.t_orders.comment).toBe('by ben');
    }
    expect(a.store.getState().past).toHaveLength(0);
    expect(a.store.getState().future).toHaveLength(1);
    // Undo does not read as someone else's deletion or repair.
    expect(a.store.getState().lastChanges).toEqual([]);
    a.store.getState().redo();
    expect(b.store.getState().doc.tables.t_users.comment).toBe('by ana');
    expect(a.store.getState().past).toHaveLength(1);
    expect(a.store.getState().future).toHaveLength(0);
    // Ben's undo takes back Ben's edit, not Ana's.
    b.store.getState().undo();
    expect(a.store.getState().doc.tables.t_orders.comment).toBeUndefined();
    expect(a.store.getState().doc.tables.t_users.comment).toBe('by ana');
  });

  it('refuses every command of a read-only role, and sends nothing', () => {
    const { a, b } = twoEditors({ readOnlyB: 'Read-only: your role is viewer' });
    let sent = 0;
    b.ydoc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin !== 'server') sent++;
    });
    const r = b.store.getState().dispatch({ type: 'table.update', tableId: 't_users', changes: { name: 'x' } });
    expect(r).toEqual({ error: 'Read-only: your role is viewer' });
    b.store.getState().undo();
    expect(sent).toBe(0);
    // The viewer still sees the others' changes live.
    a.store.getState().dispatch({ type: 'table.update', tableId: 't_users', changes: { name: 'people' } });
    expect(b.store.getState().doc.tables.t_users.name).toBe('people');
  });

  it('explains a repair made after a merge with the toast’s lastChanges, on both sides', () => {
    const { a, b, offline, online } = twoEditors();
    a.store.getState().dispatch({ type: 'column.add', tableId: 't_orders', column: column('c_orders_owner', 'owner_id') });
    offline();
    a.store.getState().dispatch({
      type: 'relationship.add',
      relationship: { id: 'r_owner', fromTableId: 't_orders', toTableId: 't_users', columnPairs: [{ fromColumnId: 'c_orders_owner', toColumnId: 'c_users_id' }], onDelete: 'no action', onUpdate: 'no action', enforced: true },
    });
    b.store.getState().dispatch({ type: 'column.remove', tableId: 't_orders', columnId: 'c_orders_owner' });
    online();
    const message = `${REPAIR_PREFIX}foreign key orders(owner_id) -> users(id) removed: its only column "owner_id" was removed`;
    expect(a.store.getState().lastChanges.map((c) => c.message)).toContain(message);
    expect(b.store.getState().lastChanges.map((c) => c.message)).toContain(message);
    for (const s of [a, b]) expect(s.store.getState().doc.relationships.r_owner).toBeUndefined();
  });

  it('tells me who deleted the table I was editing, and drops it from my selection', () => {
    const { a, b } = twoEditors({ deleterOf: (id) => (id === 't_products' ? 'Ana' : undefined) });
    b.store.getState().select({ kind: 'tables', tableIds: ['t_products'] });
    b.store.getState().dispatch({ type: 'table.update', tableId: 't_products', changes: { comment: 'mine' } });
    a.store.getState().dispatch({ type: 'table.remove', tableId: 't_products' });
    expect(b.store.getState().doc.tables.t_products).toBeUndefined();
    expect(b.store.getState().selection).toEqual({ kind: 'none' });
    expect(b.store.getState().lastChanges.map((c) => c.message)).toEqual(['Ana deleted table products; your edits inside it went with it — they can undo']);
    // Ana's undo brings it back for both.
    a.store.getState().undo();
    expect(b.store.getState().doc.tables.t_products?.name).toBe('products');
  });

  it('keeps working offline and merges both sides on reconnect', () => {
    const { a, b, offline, online } = twoEditors();
    offline();
    b.store.getState().dispatch({ type: 'column.add', tableId: 't_users', column: column('c_b', 'offline_b') });
    a.store.getState().dispatch({ type: 'column.add', tableId: 't_users', column: column('c_a', 'online_a') });
    expect(columnNames(a, 't_users')).not.toContain('offline_b');
    online();
    for (const s of [a, b]) expect(columnNames(s, 't_users')).toEqual(expect.arrayContaining(['offline_b', 'online_a']));
    expect(a.store.getState().doc).toEqual(b.store.getState().doc);
    expect(b.session.localEdits()).toBe(1);
  });

  it('writes a narrative edit as a small text change, so two people typing in one section both keep their words', () => {
    const { a, b, offline, online } = twoEditors();
    a.store.getState().dispatch({ type: 'design.setNarrative', section: 'caching', markdown: 'Orders are placed.' });
    offline();
    a.store.getState().dispatch({ type: 'design.setNarrative', section: 'caching', markdown: 'Orders are placed online.' });
    b.store.getState().dispatch({ type: 'design.setNarrative', section: 'caching', markdown: 'Many orders are placed.' });
    online();
    for (const s of [a, b]) expect(s.store.getState().doc.design.narrative.caching).toBe('Many orders are placed online.');
  });

  it('shares a whole-document replace (a version restored, an import merged) as one undoable step', () => {
    const { a, b } = twoEditors();
    const next = structuredClone(a.store.getState().doc);
    next.tables.t_users.name = 'people';
    delete next.tables.t_products;
    for (const r of Object.values(next.relationships)) if (r.toTableId === 't_products' || r.fromTableId === 't_products') delete next.relationships[r.id];
    delete next.layout.tables.t_products;
    expect(a.store.getState().dispatch({ type: 'document.replace', document: next, label: 'Restore version 3' })).not.toHaveProperty('error');
    expect(b.store.getState().doc.tables.t_users.name).toBe('people');
    expect(b.store.getState().doc.tables.t_products).toBeUndefined();
    expect(a.store.getState().past.at(-1)?.label).toBe('Restore version 3');
    a.store.getState().undo();
    expect(b.store.getState().doc.tables.t_products?.name).toBe('products');
    expect(b.store.getState().doc.tables.t_users.name).toBe('users');
  });
});

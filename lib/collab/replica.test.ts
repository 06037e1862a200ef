import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commandsFixture } from '../model/commands/test-fixture';
import { makeColumn, scalar } from '../model/build';
import type { Column } from '../model/document';
import { integrityIssues } from '../model/validate';
import { CollabReplica } from './replica';
import { fromYDoc, readYDoc, toYDoc } from './y-document';

function column(id: string, name: string): Column {
  return makeColumn({ id, name, type: scalar('text'), nullable: true }, () => id);
}

/** Two or more replicas of the commands fixture, each with its own Yjs client id. */
function replicas(n: number): CollabReplica[] {
  const seed = toYDoc(commandsFixture(), { clientID: 1000 });
  const state = Y.encodeStateAsUpdate(seed);
  return Array.from({ length: n }, (_, i) => {
    const ydoc = new Y.Doc();
    ydoc.clientID = i + 1;
    Y.applyUpdate(ydoc, state, 'sync');
    return new CollabReplica(ydoc, `user${i + 1}`);
  });
}

/** Sends what each side lacks to the other, until both hold the same state. */
function sync(...rs: CollabReplica[]): void {
  for (let round = 0; round < 4; round++) {
    for (const a of rs) {
      for (const b of rs) {
        if (a === b) continue;
        Y.applyUpdate(b.ydoc, Y.encodeStateAsUpdate(a.ydoc, Y.encodeStateVector(b.ydoc)), 'sync');
      }
    }
  }
}

function expectConverged(rs: CollabReplica[]): void {
  const json = rs.map((r) => JSON.stringify(fromYDoc(r.ydoc)));
  for (const j of json) expect(j).toBe(json[0]);
  for (const r of rs) {
    expect(r.doc, `${r.user}'s store holds what the Y.Doc holds`).toEqual(readYDoc(r.ydoc));
    expect(integrityIssues(r.doc)).toEqual([]);
  }
}

const names = (doc: CollabReplica['doc'], tableId: string) => doc.tables[tableId].columns.map((c) => c.name);

describe('CollabReplica', () => {
  it('sends a local edit to the other replica', () => {
    const [a, b] = replicas(2);
    a.dispatch({ type: 'table.update', tableId: 't_users', changes: { name: 'people' } });
    sync(a, b);
    expect(b.doc.tables.t_users.name).toBe('people');
    expectConverged([a, b]);
  });

  it('keeps both columns when two people add a column to one table at once', () => {
    const [a, b] = replicas(2);
    a.dispatch({ type: 'column.add', tableId: 't_users', column: column('c_a', 'from_a') });
    b.dispatch({ type: 'column.add', tableId: 't_users', column: column('c_b', 'from_b') });
    sync(a, b);
    expect(names(a.doc, 't_users')).toEqual(expect.arrayContaining(['from_a', 'from_b']));
    expectConverged([a, b]);
  });

  it('keeps both a rename and a concurrent edit of another field of the same column', () => {
    const [a, b] = replicas(2);
    a.dispatch({ type: 'column.update', tableId: 't_users', columnId: 'c_users_name', changes: { name: 'full_name' } });
    b.dispatch({ type: 'column.update', tableId: 't_users', columnId: 'c_users_name', changes: { comment: 'as typed' } });
    b.dispatch({ type: 'table.update', tableId: 't_users', changes: { comment: 'people' } });
    sync(a, b);
    const col = a.doc.tables.t_users.columns.find((c) => c.id === 'c_users_name')!;
    expect([col.name, col.comment, a.doc.tables.t_users.comment]).toEqual(['full_name', 'as typed', 'people']);
    expectConverged([a, b]);
  });

  it('moves a column moved by two people at once to one place, never twice', () => {
    const [a, b] = replicas(2);
    a.dispatch({ type: 'column.move', tableId: 't_orders', columnId: 'c_orders_total', toIndex: 0 });
    b.dispatch({ type: 'column.move', tableId: 't_orders', columnId: 'c_orders_total', toIndex: 2 });
    sync(a, b);
    const ids = a.doc.tables.t_orders.columns.map((c) => c.id);
    expect(ids.filter((id) => id === 'c_orders_total')).toHaveLength(1);
    expect(ids).toHaveLength(5);
    expectConverged([a, b]);
  });

  it('merges two people typing in one narrative section character by character', () => {
    const [a, b] = replicas(2);
    a.dispatch({ type: 'design.setNarrative', section: 'executiveSummary', markdown: 'A small shop.' });
    b.dispatch({ type: 'design.setNarrative', section: 'executiveSummary', markdown: 'A shop. Orders by year.' });
    sync(a, b);
    expect(a.doc.design.narrative.executiveSummary).toBe('A small shop. Orders by year.');
    expectConverged([a, b]);
  });

  it('undoes my change only: A and B edit, A undoes, B\'s edit stays', () => {
    const [a, b] = replicas(2);
    a.dispatch({ type: 'table.update', tableId: 't_users', changes: { name: 'people' } });
    sync(a, b);
    b.dispatch({ type: 'column.add', tableId: 't_users', column: column('c_b', 'from_b') });
    b.dispatch({ type: 'table.update', tableId: 't_orders', changes: { name: 'purchases' } });
    sync(a, b);
    expect(a.undo()).toBe(true);
    sync(a, b);
    for (const r of [a, b]) {
      expect(r.doc.tables.t_users.name).toBe('users');
      expect(names(r.doc, 't_users')).toContain('from_b');
      expect(r.doc.tables.t_orders.name).toBe('purchases');
    }
    expect(a.undo(), 'A has nothing more to undo: B\'s edits are not on A\'s stack').toBe(false);
    expect(a.redo()).toBe(true);
    sync(a, b);
    expect(b.doc.tables.t_users.name).toBe('people');
    expectConverged([a, b]);
  });

  it('repairs after my undo too: undoing my column takes out the index someone built on it', () => {
    const [a, b] = replicas(2);
    a.dispatch({ type: 'column.add', tableId: 't_users', column: column('c_a', 'nickname') });
    sync(a, b);
    b.dispatch({ type: 'index.add', tableId: 't_users', index: { id: 'i_nick', parts: [{ kind: 'column', columnId: 'c_a' }], unique: false } });
    sync(a, b);
    expect(a.undo()).toBe(true);
    sync(a, b);
    for (const r of [a, b]) {
      expect(names(r.doc, 't_users')).not.toContain('nickname');
      expect(r.doc.tables.t_users.indexes.map((ix) => ix.id)).not.toContain('i_nick');
    }
    expectConverged([a, b]);
  });

  it('undoing an edit inside a table someone else removed changes nothing and breaks nothing', () => {
    const [a, b] = replicas(2);
    a.dispatch({ type: 'column.add', tableId: 't_products', column: column('c_a', 'price') });
    b.dispatch({ type: 'table.remove', tableId: 't_products' });
    sync(a, b);
    a.undo();
    b.undo();
    sync(a, b);
    // B's undo brings the table back as B removed it (without A's concurrent column, which went with it).
    expect(a.doc.tables.t_products.columns.map((c) => c.id)).toEqual(['c_products_id', 'c_products_sku']);
    expectConverged([a, b]);
  });

  it('repairs a foreign key to a column someone else removed, and says so', () => {
    const [a, b] = replicas(2);
    a.dispatch({ type: 'column.add', tableId: 't_orders', column: column('c_orders_owner', 'owner_id') });
    sync(a, b);
    const seen = { a: [] as string[], b: [] as string[] };
    a.onChange((c) => seen.a.push(...c.repairs.map((r) => r.message)));
    b.onChange((c) => seen.b.push(...c.repairs.map((r) => r.message)));
    a.dispatch({
      type: 'relationship.add',
      relationship: { id: 'r_owner', fromTableId: 't_orders', toTableId: 't_users', columnPairs: [{ fromColumnId: 'c_orders_owner', toColumnId: 'c_users_id' }], onDelete: 'no action', onUpdate: 'no action', enforced: true },
    });
    b.dispatch({ type: 'column.remove', tableId: 't_orders', columnId: 'c_orders_owner' });
    sync(a, b);
    expect(a.doc.relationships.r_owner).toBeUndefined();
    // B repaired (it saw the foreign key arrive after its removal); A, whose foreign key went, is told too.
    const message = 'foreign key orders(owner_id) -> users(id) removed: its only column "owner_id" was removed';
    expect(a.doc.tables.t_orders.columns.map((c) => c.id)).not.toContain('c_orders_owner');
    expect(seen.b).toEqual([message]);
    expect(seen.a).toEqual([message]);
    expectConverged([a, b]);
  });

  it('deletion wins over a concurrent edit of the deleted table, and the repairs say what went with it', () => {
    const [a, b] = replicas(2);
    const repairs: string[] = [];
    b.onChange((c) => repairs.push(...c.repairs.map((r) => `${r.entityId}: ${r.message}`)));
    a.dispatch({ type: 'table.remove', tableId: 't_products' });
    b.dispatch({ type: 'column.add', tableId: 't_products', column: column('c_products_price', 'price') });
    b.dispatch({ type: 'table.update', tableId: 't_products', changes: { name: 'items' } });
    b.dispatch({ type: 'area.addTables', areaId: 'a_sales', tableIds: ['t_products'] });
    b.dispatch({ type: 'layout.moveTables', positions: { t_products: { x: 5, y: 5 } } });
    sync(a, b);
    for (const r of [a, b]) {
      expect(r.doc.tables.t_products).toBeUndefined();
      expect(r.doc.areas.a_sales.tableIds).not.toContain('t_products');
      expect(r.doc.layout.tables.t_products).toBeUndefined();
    }
    expect(repairs.join('\n')).toContain('a_sales: area "Sales" updated: table "items" removed from it');
    expectConverged([a, b]);
  });

  it('repairs an index whose column was removed while another person added it to the index', () => {
    const [a, b] = replicas(2);
    a.dispatch({ type: 'index.update', tableId: 't_users', indexId: 'i_users_name', changes: { parts: [{ kind: 'column', columnId: 'c_users_name' }, { kind: 'column', columnId: 'c_users_manager_id' }] } });
    b.dispatch({ type: 'column.remove', tableId: 't_users', columnId: 'c_users_manager_id' });
    sync(a, b);
    expect(a.doc.tables.t_users.indexes.find((ix) => ix.id === 'i_users_name')!.parts).toEqual([{ kind: 'column', columnId: 'c_users_name' }]);
    expectConverged([a, b]);
  });

  it('merges the edits of a replica that was offline, in any order', () => {
    const [a, b, c] = replicas(3);
    const buffered: Uint8Array[] = [];
    c.ydoc.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin !== 'sync') buffered.push(u);
    });
    c.dispatch({ type: 'column.add', tableId: 't_orders', column: column('c_c1', 'offline_1') });
    c.dispatch({ type: 'column.update', tableId: 't_orders', columnId: 'c_c1', changes: { name: 'offline_2' } });
    a.dispatch({ type: 'table.update', tableId: 't_orders', changes: { comment: 'online' } });
    sync(a, b);
    for (const u of buffered.reverse()) Y.applyUpdate(a.ydoc, u, 'sync');
    sync(a, b, c);
    expect(names(b.doc, 't_orders')).toContain('offline_2');
    expect(b.doc.tables.t_orders.comment).toBe('online');
    expectConverged([a, b, c]);
  });

  it('never echoes a remote change back into the shared document', () => {
    const [a, b] = replicas(2);
    let updatesFromB = 0;
    b.ydoc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin !== 'sync') updatesFromB++;
    });
    a.dispatch({ type: 'table.update', tableId: 't_users', changes: { name: 'people' } });
    a.dispatch({ type: 'column.move', tableId: 't_orders', columnId: 'c_orders_total', toIndex: 0 });
    sync(a, b);
    expect(b.doc.tables.t_users.name).toBe('people');
    expect(updatesFromB).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { commandsFixture } from '../model/commands/test-fixture';
import { CausalInbox } from './causal-inbox';
import { CollabReplica } from './replica';
import { toYDoc } from './y-document';

function replica(clientID: number, seed: Uint8Array): { r: CollabReplica; sent: { update: Uint8Array; deps: Uint8Array }[] } {
  const ydoc = new Y.Doc();
  ydoc.clientID = clientID;
  Y.applyUpdate(ydoc, seed, 'sync');
  const sent: { update: Uint8Array; deps: Uint8Array }[] = [];
  ydoc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'sync') sent.push({ update, deps: Y.encodeStateVector(ydoc) });
  });
  return { r: new CollabReplica(ydoc, `user${clientID}`), sent };
}

/** A adds a column; B, having seen it, indexes it; C gets B's update before A's. */
function indexBeforeItsColumn() {
  const seed = Y.encodeStateAsUpdate(toYDoc(commandsFixture(), { clientID: 1000 }));
  const a = replica(1, seed);
  const b = replica(2, seed);
  const c = replica(3, seed);
  a.r.dispatch({ type: 'column.add', tableId: 't_users', column: { id: 'c_nick', name: 'nick', type: { kind: 'scalar', name: 'text' }, nullable: true, default: { kind: 'none' } } });
  Y.applyUpdate(b.r.ydoc, a.sent[0].update, 'sync');
  b.r.dispatch({ type: 'index.add', tableId: 't_users', index: { id: 'i_nick', parts: [{ kind: 'column', columnId: 'c_nick' }], unique: false } });
  return { a, b, c };
}

describe('CausalInbox', () => {
  it('holds an update back until what its author had seen has arrived', () => {
    const { a, b, c } = indexBeforeItsColumn();
    const inbox = new CausalInbox(c.r.ydoc, 'sync');
    expect(inbox.receive(b.sent[0].update, b.sent[0].deps)).toBe(0);
    expect(inbox.held).toBe(1);
    expect(inbox.receive(a.sent[0].update, a.sent[0].deps)).toBe(2);
    expect(c.r.doc.tables.t_users.indexes.map((ix) => ix.id)).toContain('i_nick');
    expect(c.sent, 'C had nothing to repair').toEqual([]);
  });

  it('is needed: out of causal order, the index arrives before its column and is repaired away', () => {
    const { a, b, c } = indexBeforeItsColumn();
    Y.applyUpdate(c.r.ydoc, b.sent[0].update, 'sync');
    Y.applyUpdate(c.r.ydoc, a.sent[0].update, 'sync');
    expect(c.r.doc.tables.t_users.indexes.map((ix) => ix.id)).not.toContain('i_nick');
  });

  it('holds an update whose author\'s earlier update is missing (same client)', () => {
    const seed = Y.encodeStateAsUpdate(toYDoc(commandsFixture(), { clientID: 1000 }));
    const a = replica(1, seed);
    const c = replica(3, seed);
    a.r.dispatch({ type: 'column.update', tableId: 't_users', columnId: 'c_users_name', changes: { type: { kind: 'scalar', name: 'text' } } });
    a.r.dispatch({ type: 'column.update', tableId: 't_users', columnId: 'c_users_name', changes: { type: { kind: 'scalar', name: 'uuid' } } });
    const inbox = new CausalInbox(c.r.ydoc, 'sync');
    expect(inbox.receive(a.sent[1].update)).toBe(0);
    expect(c.r.doc.tables.t_users.columns.find((x) => x.id === 'c_users_name')!.type).toEqual({ kind: 'scalar', name: 'varchar', length: 100 });
    expect(inbox.receive(a.sent[0].update)).toBe(2);
    expect(c.r.doc.tables.t_users.columns.find((x) => x.id === 'c_users_name')!.type).toEqual({ kind: 'scalar', name: 'uuid' });
  });
});

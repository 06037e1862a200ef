import { describe, expect, it } from 'vitest';
import { initials, peerTables, peersFrom, selectionPresence, SelectionMemory } from './presence-model';

const user = (id: string, name: string) => ({ id, name, color: '#2563eb' });

describe('presence in the editor', () => {
  it('reads the others through parsePresence: itself and malformed states are left out', () => {
    const states = new Map<number, unknown>([
      [1, { user: user('u1', 'Me') }],
      [3, { user: user('u3', 'Zoe'), cursor: { x: 10, y: 20 }, selection: { kind: 'tables', ids: ['t_a'] } }],
      [2, { user: user('u2', 'Ana'), typing: 'caching' }],
      [4, { user: { id: 'x', name: 'Evil', color: 'red; background:url(x)' } }],
      [5, { user: user('u5', 'Big'), cursor: { x: Infinity, y: 0 } }],
      [6, 'not an object'],
    ]);
    const peers = peersFrom(states, 1);
    expect(peers.map((p) => [p.clientId, p.user.name])).toEqual([
      [2, 'Ana'],
      [3, 'Zoe'],
    ]);
    expect(peers[1].cursor).toEqual({ x: 10, y: 20 });
    expect(peers[0].typing).toBe('caching');
  });

  it('publishes a selection as ids, and outlines the table of a selected column', () => {
    expect(selectionPresence({ kind: 'column', tableId: 't', columnId: 'c' })).toEqual({ kind: 'column', ids: ['t', 'c'] });
    expect(peerTables({ selection: selectionPresence({ kind: 'column', tableId: 't', columnId: 'c' }) })).toEqual(['t']);
    expect(peerTables({ selection: selectionPresence({ kind: 'tables', tableIds: ['a', 'b'] }) })).toEqual(['a', 'b']);
    expect(peerTables({ selection: selectionPresence({ kind: 'note', noteId: 'n' }) })).toEqual([]);
  });

  it('remembers who last selected a table, to name who deleted it', () => {
    const m = new SelectionMemory();
    m.see(peersFrom(new Map([[2, { user: user('u2', 'Ana'), selection: { kind: 'tables', ids: ['t_x'] } }]]), 1));
    m.see(peersFrom(new Map([[2, { user: user('u2', 'Ana'), selection: { kind: 'none', ids: [] } }]]), 1));
    expect(m.deleterOf('t_x')).toBe('Ana');
    expect(m.deleterOf('t_y')).toBeUndefined();
  });

  it('makes initials', () => {
    expect([initials('Ana Lima'), initials('ben'), initials('x.y@z.org'), initials(' ')]).toEqual(['AL', 'BE', 'XY', '?']);
  });
});

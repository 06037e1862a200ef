import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { toYDoc } from '@/lib/collab/y-document';
import { commandsFixture } from '@/lib/model/commands/test-fixture';
import { liveSaver, startLiveSession } from './live-session';

/** The part of HocuspocusProvider a session uses, over a real Awareness, with events the test fires. */
function fakeProvider(ydoc: Y.Doc) {
  const handlers = new Map<string, Set<(e: never) => void>>();
  const provider = {
    awareness: new Awareness(ydoc),
    unsyncedChanges: 0,
    on: (name: string, f: (e: never) => void) => void (handlers.get(name) ?? handlers.set(name, new Set()).get(name)!).add(f),
    off: (name: string, f: (e: never) => void) => void handlers.get(name)?.delete(f),
    disconnect: vi.fn(),
    connect: vi.fn(async () => undefined),
    destroy: vi.fn(),
  };
  const emit = (name: string, e: unknown) => handlers.get(name)?.forEach((f) => f(e as never));
  return { provider, emit };
}

function session(clientID: number, name: string) {
  const ydoc = new Y.Doc();
  ydoc.clientID = clientID;
  Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(toYDoc(commandsFixture(), { clientID: 1000 })), 'server');
  const fake = fakeProvider(ydoc);
  const user = { id: `u${clientID}`, name, color: '#2563eb' };
  const live = startLiveSession({ provider: fake.provider as unknown as HocuspocusProvider, ydoc, user, readOnly: false }, { projectId: 'p', name: 'P', version: 1 });
  return { live, ...fake };
}

/** Relays awareness both ways, as the server does. */
function linkAwareness(a: Awareness, b: Awareness) {
  a.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
    if (origin !== 'remote') applyAwarenessUpdate(b, encodeAwarenessUpdate(a, [...added, ...updated, ...removed]), 'remote');
  });
  b.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
    if (origin !== 'remote') applyAwarenessUpdate(a, encodeAwarenessUpdate(b, [...added, ...updated, ...removed]), 'remote');
  });
  applyAwarenessUpdate(b, encodeAwarenessUpdate(a, [a.clientID]), 'remote');
  applyAwarenessUpdate(a, encodeAwarenessUpdate(b, [b.clientID]), 'remote');
}

describe('a live session in the browser', () => {
  it('publishes my selection and typing, and lists the others through parsePresence', () => {
    const a = session(1, 'Ana');
    const b = session(2, 'Ben');
    linkAwareness(a.provider.awareness, b.provider.awareness);
    expect(b.live.state.getState().peers.map((p) => p.user.name)).toEqual(['Ana']);
    a.live.store.getState().select({ kind: 'tables', tableIds: ['t_users'] });
    a.live.setTyping('caching');
    const ana = b.live.state.getState().peers[0];
    expect(ana.selection).toEqual({ kind: 'tables', ids: ['t_users'] });
    expect(ana.typing).toBe('caching');
    // A hostile state from another client is left out, not shown.
    b.provider.awareness.states.set(99, { user: { id: 'x', name: 'x'.repeat(500), color: '#2563eb' } });
    b.provider.awareness.emit('change', [{ added: [99], updated: [], removed: [] }, 'remote']);
    expect(b.live.state.getState().peers.map((p) => p.clientId)).toEqual([1]);
    a.live.dispose();
    b.live.dispose();
  });

  it('follows the provider: status, unsynced count, and what a close would lose', async () => {
    const a = session(1, 'Ana');
    a.emit('status', { status: 'disconnected' });
    expect(a.live.state.getState().connection).toBe('disconnected');
    a.provider.unsyncedChanges = 2;
    a.emit('unsyncedChanges', { number: 2 });
    expect(a.live.state.getState().unsynced).toBe(2);
    expect(a.live.hasUnsyncedChanges()).toBe(true);
    a.provider.unsyncedChanges = 0;
    expect(a.live.hasUnsyncedChanges()).toBe(false);
    await expect(liveSaver(a.live).flush()).resolves.toBeUndefined();
    expect(liveSaver(a.live).hasUnsavedChanges()).toBe(false);
    a.live.dispose();
    expect(a.provider.destroy).toHaveBeenCalled();
  });

  it('a join that says read-only makes the store refuse edits', () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, Y.encodeStateAsUpdate(toYDoc(commandsFixture(), { clientID: 1000 })), 'server');
    const { provider } = fakeProvider(ydoc);
    const live = startLiveSession({ provider: provider as unknown as HocuspocusProvider, ydoc, user: { id: 'share:x', name: 'Guest', color: '#2563eb' }, readOnly: true }, { projectId: 'p', name: 'P', version: 1 });
    expect(live.store.getState().dispatch({ type: 'table.update', tableId: 't_users', changes: { name: 'x' } })).toEqual({ error: 'Read-only: this live session is view-only' });
    live.dispose();
  });
});

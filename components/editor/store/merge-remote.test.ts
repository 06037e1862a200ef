/**
 * Another tab saves: the watcher learns the new version by polling (visible tabs only, at once on
 * focus), the saver stops sending a save the server would refuse, and the merge is applied as one
 * undo step and saved over their version. A fake projects API in memory stands in for the server.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyCommand, type Command } from '@/lib/model/commands/apply';
import { commandsFixture } from '@/lib/model/commands/test-fixture';
import type { SchemaDocument } from '@/lib/model/document';
import { createEditorStore, isBehind } from './editor-store';
import { createSaver } from './saver';
import { watchRemoteVersion } from './remote-watch';
import { applyRemoteMerge, loadRemoteMerge } from './merge-remote';

/** The server: one project, GET (full and /state) and PUT with If-Match, like app/api/projects. */
function fakeServer(initial: SchemaDocument) {
  let doc = initial;
  let version = 1;
  const puts: { ifMatch: string | null; doc: SchemaDocument }[] = [];
  const gets: string[] = [];
  const fetchFn = vi.fn(async (url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const u = String(url);
    if ((init?.method ?? 'GET') === 'GET') {
      gets.push(u);
      if (u.endsWith('/state')) return Response.json({ version, updatedAt: '2026-01-01T00:00:00.000Z' });
      return Response.json({ id: 'p1', name: 'Shop', version, document: doc });
    }
    const ifMatch = new Headers(init?.headers).get('if-match');
    const sent = JSON.parse(String(init?.body)).document as SchemaDocument;
    puts.push({ ifMatch, doc: sent });
    if (Number(ifMatch) !== version) return Response.json({ error: { code: 'version_conflict', message: 'stale', currentVersion: version } }, { status: 409 });
    doc = sent;
    version += 1;
    return Response.json({ version });
  });
  /** Another tab saves. */
  const saveElsewhere = (...commands: Command[]) => {
    doc = commands.reduce((d, c) => applyCommand(d, c).doc, doc);
    version += 1;
  };
  return { fetchFn, puts, gets, saveElsewhere, current: () => ({ doc, version }) };
}

function fakePage() {
  const listeners = new Map<string, () => void>();
  const page = {
    visibilityState: 'visible' as DocumentVisibilityState,
    addEventListener: (type: string, fn: () => void) => void listeners.set(type, fn),
    removeEventListener: (type: string) => void listeners.delete(type),
  };
  return { page, fire: (type: string) => listeners.get(type)?.() };
}

function setup() {
  const base = commandsFixture();
  const server = fakeServer(base);
  const saver = createSaver({ fetch: server.fetchFn as typeof fetch, debounceMs: 800 });
  const store = createEditorStore({ projectId: 'p1', name: 'Shop', version: 1, doc: base, saver });
  const { page, fire } = fakePage();
  const stop = watchRemoteVersion(store, { fetch: server.fetchFn as typeof fetch, intervalMs: 3000, doc: page, win: page });
  return { base, server, saver, store, page, fire, stop };
}

const tableName = (doc: SchemaDocument, id: string) => doc.tables[id]?.name;

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('another tab saves', () => {
  it('the watcher learns the new version within one poll, only while visible, and at once on focus', async () => {
    const { server, store, page, fire, stop } = setup();
    await vi.advanceTimersByTimeAsync(3100);
    expect(store.getState().remote).toBeUndefined();
    server.saveElsewhere({ type: 'table.update', tableId: 't_orders', changes: { name: 'purchases' } });
    page.visibilityState = 'hidden';
    await vi.advanceTimersByTimeAsync(6100);
    expect(store.getState().remote).toBeUndefined(); // hidden tabs do not poll
    const before = server.gets.length;
    page.visibilityState = 'visible';
    fire('visibilitychange');
    await vi.advanceTimersByTimeAsync(0);
    expect(server.gets.length).toBe(before + 1);
    expect(store.getState().remote).toMatchObject({ version: 2 });
    expect(isBehind(store.getState())).toBe(true);
    fire('focus');
    await vi.advanceTimersByTimeAsync(0);
    expect(server.gets.length).toBe(before + 2);
    stop();
  });

  it('an edit made while the server is ahead is not sent; the tab asks instead', async () => {
    const { server, store, stop } = setup();
    server.saveElsewhere({ type: 'table.update', tableId: 't_orders', changes: { name: 'purchases' } });
    await vi.advanceTimersByTimeAsync(3100);
    store.getState().dispatch({ type: 'table.update', tableId: 't_users', changes: { name: 'members' } });
    await vi.advanceTimersByTimeAsync(900);
    expect(server.puts).toHaveLength(0);
    expect(store.getState().saveState).toMatchObject({ status: 'conflict', version: 1, currentVersion: 2 });
    stop();
  });

  it('non-overlapping edits merge into one undo step, saved over their version with both', async () => {
    const { server, saver, store, stop } = setup();
    server.saveElsewhere({ type: 'table.update', tableId: 't_orders', changes: { name: 'purchases' } });
    store.getState().dispatch({ type: 'table.update', tableId: 't_users', changes: { name: 'members' } });
    await vi.advanceTimersByTimeAsync(900); // the PUT gets 409: now the tab knows
    expect(store.getState().saveState.status).toBe('conflict');
    const mine = store.getState().doc;
    const pastBefore = store.getState().past.length;

    const { merge, result } = await loadRemoteMerge(store, saver, server.fetchFn as typeof fetch);
    expect(result.conflicts).toEqual([]);
    expect(applyRemoteMerge(store, saver, merge)).toEqual({ ok: true });
    await vi.advanceTimersByTimeAsync(0);

    const doc = store.getState().doc;
    expect([tableName(doc, 't_users'), tableName(doc, 't_orders')]).toEqual(['members', 'purchases']);
    expect(store.getState().past.length).toBe(pastBefore + 1);
    expect(server.puts.at(-1)?.ifMatch).toBe('2');
    expect(server.current()).toMatchObject({ version: 3 });
    expect([tableName(server.current().doc, 't_users'), tableName(server.current().doc, 't_orders')]).toEqual(['members', 'purchases']);
    expect(store.getState().saveState).toEqual({ status: 'saved', version: 3 });
    expect(isBehind(store.getState())).toBe(false);

    // Undo takes back the merge only: the tab's own edit, without theirs.
    store.getState().undo();
    expect(store.getState().doc).toStrictEqual(mine);
    stop();
  });

  it('with no edits of its own, the tab takes their version and sends nothing', async () => {
    const { server, saver, store, stop } = setup();
    server.saveElsewhere({ type: 'table.update', tableId: 't_orders', changes: { name: 'purchases' } });
    await vi.advanceTimersByTimeAsync(3100);
    const { merge } = await loadRemoteMerge(store, saver, server.fetchFn as typeof fetch);
    applyRemoteMerge(store, saver, merge);
    await vi.advanceTimersByTimeAsync(1000);
    expect(tableName(store.getState().doc, 't_orders')).toBe('purchases');
    expect(server.puts).toHaveLength(0);
    expect(store.getState().saveState).toEqual({ status: 'saved', version: 2 });
    expect(saver.hasUnsavedChanges()).toBe(false);
    stop();
  });

  it('a conflict is reported per element and resolved the chosen way; the other value was shown', async () => {
    const { server, saver, store, stop } = setup();
    server.saveElsewhere({ type: 'table.update', tableId: 't_users', changes: { name: 'people' } });
    store.getState().dispatch({ type: 'table.update', tableId: 't_users', changes: { name: 'members' } });
    await vi.advanceTimersByTimeAsync(900);
    const { merge, result } = await loadRemoteMerge(store, saver, server.fetchFn as typeof fetch);
    expect(result.conflicts).toEqual([expect.objectContaining({ element: 'table "members"', field: 'name', mine: 'members', theirs: 'people' })]);
    applyRemoteMerge(store, saver, merge, { [result.conflicts[0].id]: 'theirs' });
    await vi.advanceTimersByTimeAsync(0);
    expect(tableName(store.getState().doc, 't_users')).toBe('people');
    expect(tableName(server.current().doc, 't_users')).toBe('people');
    stop();
  });

  it('a merge that no choice can fix is refused and changes nothing', async () => {
    const { server, saver, store, stop } = setup();
    server.saveElsewhere({ type: 'table.update', tableId: 't_orders', changes: { name: 'accounts' } });
    store.getState().dispatch({ type: 'table.update', tableId: 't_users', changes: { name: 'accounts' } });
    await vi.advanceTimersByTimeAsync(900);
    const mine = store.getState().doc;
    const { merge, result } = await loadRemoteMerge(store, saver, server.fetchFn as typeof fetch);
    expect(result.blocked).toBe(true);
    const outcome = applyRemoteMerge(store, saver, merge);
    expect(outcome).toMatchObject({ error: expect.stringMatching(/a table named "accounts" already exists/) });
    expect(store.getState().doc).toBe(mine);
    expect(store.getState().saveState.status).toBe('conflict');
    stop();
  });
});

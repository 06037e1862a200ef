/**
 * The autosave state machine with a fake fetch and fake timers: debounce, If-Match, a 409 that
 * stops saving and keeps the edit, offline then back with backoff, edits made while a save is in
 * flight, a 4xx that is not retried, a 5xx that is.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SchemaDocument } from '@/lib/model/document';
import { commandsFixture } from '@/lib/model/commands/test-fixture';
import { createEditorStore } from './editor-store';
import { createSaver, putProject } from './saver';

interface Call {
  url: string;
  method: string;
  ifMatch: string | null;
  doc: SchemaDocument;
}

/** A fake projects API: answers each PUT with the next scripted reply, records every call. */
function fakeServer(replies: Array<'ok' | 'conflict' | 'offline' | 500 | 400 | 'hang'>) {
  const calls: Call[] = [];
  let version = 1;
  let release: (() => void) | undefined;
  const fetchFn = vi.fn(async (url: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    calls.push({ url: String(url), method: init?.method ?? 'GET', ifMatch: headers.get('if-match'), doc: JSON.parse(String(init?.body)).document });
    const reply = replies.shift() ?? 'ok';
    if (reply === 'hang') await new Promise<void>((r) => (release = r));
    if (reply === 'offline') throw new TypeError('Failed to fetch');
    if (reply === 'conflict') return Response.json({ error: { code: 'conflict', message: 'stale version', currentVersion: version + 5 } }, { status: 409 });
    if (reply === 500) return Response.json({ error: { code: 'internal', message: 'db down' } }, { status: 500 });
    if (reply === 400) return Response.json({ error: { code: 'invalid', message: 'tables.x.name: too long' } }, { status: 400 });
    version += 1;
    return Response.json({ version });
  });
  return { fetchFn, calls, release: () => release?.() };
}

function setup(replies: Parameters<typeof fakeServer>[0]) {
  const server = fakeServer(replies);
  const saver = createSaver({ fetch: server.fetchFn as typeof fetch, debounceMs: 800, retryBaseMs: 1000, retryMaxMs: 8000 });
  const store = createEditorStore({ projectId: 'p 1', name: 'Shop', version: 1, doc: commandsFixture(), saver });
  const rename = (name: string) => store.getState().dispatch({ type: 'table.update', tableId: 't_users', changes: { name } });
  const status = () => store.getState().saveState;
  return { server, saver, store, rename, status };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('saver', () => {
  it('debounces edits into one PUT with If-Match, then is saved at the new version', async () => {
    const { server, rename, status, saver } = setup(['ok']);
    expect(status().status).toBe('saved');
    rename('a');
    expect(status().status).toBe('dirty');
    await vi.advanceTimersByTimeAsync(500);
    rename('b');
    await vi.advanceTimersByTimeAsync(500);
    expect(server.calls).toHaveLength(0); // still inside the debounce window of the second edit
    await vi.advanceTimersByTimeAsync(400);
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0]).toMatchObject({ url: '/api/projects/p%201', method: 'PUT', ifMatch: '1' });
    expect(server.calls[0].doc.tables.t_users.name).toBe('b');
    expect(status()).toEqual({ status: 'saved', version: 2 });
    expect(saver.hasUnsavedChanges()).toBe(false);
  });

  it('the next save sends the version the previous save returned', async () => {
    const { server, rename } = setup(['ok', 'ok']);
    rename('a');
    await vi.advanceTimersByTimeAsync(900);
    rename('b');
    await vi.advanceTimersByTimeAsync(900);
    expect(server.calls.map((c) => c.ifMatch)).toEqual(['1', '2']);
  });

  it('409: status conflict with the server version, the edit is kept, nothing more is sent', async () => {
    const { server, rename, status, store, saver } = setup(['conflict']);
    rename('mine');
    await vi.advanceTimersByTimeAsync(900);
    expect(status()).toEqual({ status: 'conflict', version: 1, currentVersion: 6, message: 'stale version' });
    expect(store.getState().doc.tables.t_users.name).toBe('mine');
    rename('mine too');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.calls).toHaveLength(1); // never overwrites after a conflict
    expect(status().status).toBe('conflict');
    expect(saver.hasUnsavedChanges()).toBe(true);
  });

  it('after a conflict, reloading theirs makes the store clean and saving resumes from their version', async () => {
    const { server, rename, status, store, saver } = setup(['conflict', 'ok']);
    rename('mine');
    await vi.advanceTimersByTimeAsync(900);
    store.getState().replaceDocument(commandsFixture(), 6);
    expect(status()).toEqual({ status: 'saved', version: 6 });
    expect(saver.hasUnsavedChanges()).toBe(false);
    rename('again');
    await vi.advanceTimersByTimeAsync(900);
    expect(server.calls[1].ifMatch).toBe('6');
    expect(status().status).toBe('saved');
  });

  it('offline: keeps the edit, retries with growing delays, saves the latest document when back', async () => {
    const { server, rename, status, store } = setup(['offline', 'offline', 'ok']);
    rename('a');
    await vi.advanceTimersByTimeAsync(800);
    expect(server.calls).toHaveLength(1);
    expect(status().status).toBe('offline');
    expect(status().message).toMatch(/kept and will be retried/);
    rename('b'); // edited while offline: stays offline, no extra request
    expect(status().status).toBe('offline');
    await vi.advanceTimersByTimeAsync(999);
    expect(server.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.calls).toHaveLength(2); // first retry after 1 s
    await vi.advanceTimersByTimeAsync(1999);
    expect(server.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.calls).toHaveLength(3); // second retry after 2 s
    expect(server.calls[2].doc.tables.t_users.name).toBe('b');
    expect(server.calls[2].ifMatch).toBe('1');
    expect(status()).toEqual({ status: 'saved', version: 2 });
    expect(store.getState().doc.tables.t_users.name).toBe('b');
  });

  it('the browser coming back online retries at once instead of waiting for the backoff', async () => {
    const server = fakeServer(['offline', 'offline', 'offline', 'ok']);
    const events = new EventTarget();
    const saver = createSaver({ fetch: server.fetchFn as typeof fetch, retryBaseMs: 10_000, onlineEvents: events });
    const store = createEditorStore({ projectId: 'p', name: 'Shop', version: 1, doc: commandsFixture(), saver });
    store.getState().dispatch({ type: 'table.update', tableId: 't_users', changes: { name: 'a' } });
    await vi.advanceTimersByTimeAsync(800);
    expect(store.getState().saveState.status).toBe('offline');
    events.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(server.calls).toHaveLength(2); // retried without waiting 10 s
    expect(store.getState().saveState.status).toBe('offline');
    events.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    events.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(server.calls).toHaveLength(4);
    expect(store.getState().saveState).toEqual({ status: 'saved', version: 2 });
    saver.dispose();
    events.dispatchEvent(new Event('online')); // no longer listening
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.calls).toHaveLength(4);
  });

  it('an edit made while a save is in flight is saved right after it', async () => {
    const { server, rename, status } = setup(['hang', 'ok']);
    rename('a');
    await vi.advanceTimersByTimeAsync(800);
    expect(status().status).toBe('saving');
    rename('b');
    expect(status().status).toBe('saving');
    server.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(status()).toEqual({ status: 'dirty', version: 2 });
    await vi.advanceTimersByTimeAsync(800);
    expect(server.calls).toHaveLength(2);
    expect(server.calls[1]).toMatchObject({ ifMatch: '2' });
    expect(server.calls[1].doc.tables.t_users.name).toBe('b');
    expect(status()).toEqual({ status: 'saved', version: 3 });
  });

  it('5xx is retried; 400 is reported and waits for the next edit', async () => {
    const { server, rename, status } = setup([500, 400, 'ok']);
    rename('a');
    await vi.advanceTimersByTimeAsync(800);
    expect(status()).toMatchObject({ status: 'error', message: 'save failed: db down' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.calls).toHaveLength(2);
    expect(status()).toMatchObject({ status: 'error', message: 'save failed: tables.x.name: too long' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.calls).toHaveLength(2); // not retried
    rename('b');
    await vi.advanceTimersByTimeAsync(800);
    expect(server.calls).toHaveLength(3);
    expect(status().status).toBe('saved');
  });

  it('an edit then its undo ends saved (the restored document is sent once)', async () => {
    const { server, rename, status, store } = setup([]);
    rename('a');
    expect(status().status).toBe('dirty');
    store.getState().undo();
    // Undo replays patches: the document is equal to the saved one but a new object, so it is sent.
    await vi.advanceTimersByTimeAsync(900);
    expect(server.calls).toHaveLength(1);
    expect(server.calls[0].doc).toEqual(commandsFixture());
    expect(status().status).toBe('saved');
  });

  it('flush saves immediately', async () => {
    const { server, rename, saver, status } = setup(['ok']);
    rename('a');
    await saver.flush();
    expect(server.calls).toHaveLength(1);
    expect(status().status).toBe('saved');
  });
});

describe('putProject', () => {
  it.each([
    [{ version: 4 }, 200, { kind: 'ok', version: 4 }],
    [{}, 200, { kind: 'error', message: 'the server answered without a version', retry: false }],
    [{ error: { code: 'conflict', message: 'stale', currentVersion: 3 } }, 409, { kind: 'conflict', currentVersion: 3, message: 'stale' }],
    [{ error: { code: 'too_large', message: 'over 10 MB' } }, 413, { kind: 'error', message: 'save failed: over 10 MB', retry: false }],
    [{ error: { code: 'x', message: 'busy' } }, 503, { kind: 'error', message: 'save failed: busy', retry: true }],
  ])('%o with HTTP %i -> %o', async (body, status, expected) => {
    const fetchFn = async () => Response.json(body, { status });
    expect(await putProject(fetchFn as typeof fetch, 'p', commandsFixture(), 1)).toEqual(expected);
  });
});

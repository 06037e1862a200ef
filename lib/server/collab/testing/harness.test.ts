/**
 * The harness itself, against a bare in-memory Hocuspocus server (no database, no tickets): an edit
 * counts as acknowledged only once the server has handled it, whatever the provider's own counter
 * says; latency is recorded per receiving client; the edit checks see a missing edit.
 */
import { Server, type Hocuspocus } from '@hocuspocus/server';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fromYDoc, toYDoc } from '../../../collab/y-document';
import { WireReader } from './ack-tracker';
import { CollabTestClient } from './client';
import { missingAcknowledged, missingEdits, nextEdit, prng } from './edits';
import { loadTestDocument } from './fixtures';
import { LatencyRecorder } from './latency';

interface Bare {
  url: string;
  hocuspocus: Hocuspocus;
  /** While set, every message waits for it (the server "stores" slowly). */
  gate?: Promise<void>;
  /** While set, SyncStep2 messages wait for it. */
  step2Gate?: Promise<void>;
  close(): Promise<void>;
}

async function bareServer(clients = 2): Promise<Bare> {
  const initial = Y.encodeStateAsUpdate(toYDoc(loadTestDocument(clients)));
  const bare = {} as Bare;
  const server = new Server({
    port: 0,
    address: '127.0.0.1',
    quiet: true,
    async onLoadDocument({ document }) {
      Y.applyUpdate(document, initial);
    },
    async beforeHandleMessage({ update }) {
      await bare.gate;
      if (isSyncStep2(update)) await bare.step2Gate;
    },
  });
  await server.listen();
  bare.url = `ws://127.0.0.1:${server.address.port}`;
  bare.hocuspocus = server.hocuspocus;
  bare.close = () => server.destroy();
  return bare;
}

function isSyncStep2(message: Uint8Array): boolean {
  const d = new WireReader(message);
  d.varString();
  return d.varUint() === 0 && d.varUint() === 1;
}

const open: Array<{ destroy(): void } | Bare> = [];
afterEach(async () => {
  for (const o of open.splice(0).reverse()) {
    if ('close' in o) await o.close();
    else o.destroy();
  }
});

async function client(server: Bare, name: string): Promise<CollabTestClient> {
  const c = await CollabTestClient.connect({ url: server.url, documentName: 'project/prj_harness', ticket: () => 'unused', name });
  open.push(c);
  return c;
}

describe('collab test harness', () => {
  it('counts an edit acknowledged only after the server handled it', async () => {
    const server = await bareServer();
    open.push(server);
    const a = await client(server, 'a');
    let release!: () => void;
    server.gate = new Promise((r) => (release = r));
    const edit = a.dispatch(nextEdit(0, 0, a.replica.doc, prng(1), 'addColumn'));
    expect(edit.clockAfter).toBeGreaterThan(edit.clockBefore);
    await new Promise((r) => setTimeout(r, 200));
    expect(edit.ackedAt, 'held by the server: not acknowledged').toBeUndefined();
    release();
    server.gate = undefined;
    await a.waitAcknowledged();
    expect(edit.ackedAt).toBeGreaterThanOrEqual(edit.sentAt);
  });

  it('does not count edits lost with a socket, and counts them once a new socket delivered them', async () => {
    const server = await bareServer();
    open.push(server);
    const a = await client(server, 'a');
    server.gate = new Promise(() => undefined); // never handled on this connection
    const lost = a.dispatch(nextEdit(0, 0, a.replica.doc, prng(2), 'addColumn'));
    await new Promise((r) => setTimeout(r, 100));
    await a.disconnect();
    server.gate = undefined;
    // Made offline: queued, then dropped by the provider's disconnect; only the SyncStep2 brings both.
    const offline = a.dispatch(nextEdit(0, 1, a.replica.doc, prng(3), 'rename'));
    expect(lost.ackedAt).toBeUndefined();
    await a.reconnect();
    await a.waitAcknowledged();
    expect(lost.ackedAt).toBeDefined();
    expect(offline.ackedAt).toBeDefined();
  });

  it("is needed: the provider's own counter reads 0 after a reconnect before the lost edit is stored", async () => {
    const server = await bareServer();
    open.push(server);
    const a = await client(server, 'a');
    await a.waitAcknowledged();
    server.gate = new Promise(() => undefined);
    const lost = a.dispatch(nextEdit(0, 0, a.replica.doc, prng(5), 'addColumn'));
    await new Promise((r) => setTimeout(r, 100));
    await a.disconnect();
    server.gate = undefined;
    let releaseStep2!: () => void;
    server.step2Gate = new Promise((r) => (releaseStep2 = r));
    const offline = a.dispatch(nextEdit(0, 1, a.replica.doc, prng(6), 'addColumn'));
    await a.reconnect();
    // The queued offline update is acknowledged; the SyncStep2 carrying the lost edit is held.
    const start = Date.now();
    while (a.provider.unsyncedChanges !== 0 && Date.now() - start < 5000) await new Promise((r) => setTimeout(r, 20));
    expect(a.provider.unsyncedChanges, 'the provider believes everything is stored').toBe(0);
    expect(lost.ackedAt, 'the tracker does not').toBeUndefined();
    expect(offline.ackedAt).toBeUndefined();
    releaseStep2();
    server.step2Gate = undefined;
    await a.waitAcknowledged();
    expect(lost.ackedAt).toBeDefined();
  });

  it('records latency per receiving client and finds a missing edit', async () => {
    const server = await bareServer();
    open.push(server);
    const [a, b] = [await client(server, 'a'), await client(server, 'b')];
    const latency = new LatencyRecorder();
    latency.watch(a);
    latency.watch(b);
    const random = prng(4);
    for (let n = 0; n < 20; n++) {
      a.dispatch(nextEdit(0, n, a.replica.doc, random));
      b.dispatch(nextEdit(1, n, b.replica.doc, random));
    }
    await Promise.all([a.waitAcknowledged(), b.waitAcknowledged()]);
    await a.waitFor((doc) => missingEdits(doc, b.edits).length === 0, 5000, "b's edits at a");
    await b.waitFor((doc) => missingEdits(doc, a.edits).length === 0, 5000, "a's edits at b");
    const summary = latency.summary();
    expect(summary.samples).toBe(40);
    expect(summary.unseen).toBe(0);
    expect(JSON.stringify(fromYDoc(a.ydoc))).toBe(JSON.stringify(fromYDoc(b.ydoc)));
    expect(missingAcknowledged(a.replica.doc, [a, b])).toEqual([]);
    // The check can fail: a document without any column lacks a's acknowledged adds.
    const stripped = { ...a.replica.doc, tables: Object.fromEntries(Object.entries(a.replica.doc.tables).map(([id, t]) => [id, { ...t, columns: [] }])) };
    const adds = a.edits.filter((e) => e.command.type === 'column.add');
    expect(adds.length).toBeGreaterThan(0);
    expect(missingAcknowledged(stripped, [a])).toEqual(expect.arrayContaining(adds));
  });
});

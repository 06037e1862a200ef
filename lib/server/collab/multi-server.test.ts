/**
 * Two sync servers sharing one database and Redis, as two app servers behind a load balancer: a client
 * on each edits one project (issue 19, "users connected to different servers edit together").
 *
 * Runs on PostgreSQL when DATABASE_URL_PG is set (team mode: a real member's tickets), else SQLite
 * (solo). Needs Redis on 127.0.0.1:6379 (DRAFTBASE_TEST_REDIS_URL): skipped with a notice without it,
 * an error under CI=true.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeColumn, makeIndex, scalar } from '../../model/build';
import type { Change } from '../../model/commands/apply';
import { fromYDoc } from '../../collab/y-document';
import { getProject } from '../projects/repository';
import { startCollabServer, type CollabServer } from './server';
import { CollabTestClient } from './testing/client';
import { missingAcknowledged, missingEdits, nextEdit, prng } from './testing/edits';
import { REDIS_URL, redisReachable, settled, sleep, useLiveTestDatabase, type LiveTestDatabase } from './testing/environment';
import { createLiveProject, loadTestDocument, SHARED_TABLE, storedLiveDocument, ticketSource, type LiveProject } from './testing/fixtures';
import { LatencyRecorder } from './testing/latency';

const SECRET = 'multi-server-test-secret';
const redis = await redisReachable();
if (!redis) {
  if (process.env.CI === 'true') throw new Error(`Redis is not reachable at ${REDIS_URL} (required under CI=true)`);
  console.warn(`[draftbase tests] Redis is not reachable at ${REDIS_URL}: skipping the multi-server live session tests`);
}

const canonical = (c: CollabTestClient) => JSON.stringify(fromYDoc(c.ydoc));

describe.skipIf(!redis)('live session across two sync servers (shared database and Redis)', () => {
  let db: LiveTestDatabase;
  let servers: CollabServer[] = [];
  const clients: CollabTestClient[] = [];

  beforeAll(async () => {
    db = await useLiveTestDatabase();
    const start = () => startCollabServer({ port: 0, redisUrl: REDIS_URL, secret: SECRET, storeDebounceMs: 200, storeMaxDebounceMs: 1000, recheckMs: 0 });
    servers = [await start(), await start()];
  });

  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
  });

  afterAll(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await Promise.all(servers.map((s) => s.stop()));
    await db?.release();
  });

  async function project(clientCount = 2): Promise<LiveProject> {
    return createLiveProject(db.db.prisma, loadTestDocument(clientCount));
  }

  /** Client `name` on server `server` (0 or 1). */
  async function join(p: LiveProject, server: number, name: string): Promise<CollabTestClient> {
    const c = await CollabTestClient.connect({ url: `ws://127.0.0.1:${servers[server].port}`, documentName: p.documentName, ticket: ticketSource(p, SECRET), name });
    clients.push(c);
    return c;
  }

  const storedVersion = async (projectId: string) => (await db.db.prisma.project.findUnique({ where: { id: projectId }, select: { version: true } }))!.version;

  it('relays edits from a client on one server to a client on the other, and back', async () => {
    const p = await project();
    const a = await join(p, 0, 'a');
    const b = await join(p, 1, 'b');
    a.dispatch({ type: 'column.add', tableId: SHARED_TABLE, column: makeColumn({ id: 'c_from_a', name: 'from_a', type: scalar('text'), nullable: true }, () => 'c_from_a') });
    await b.waitFor((doc) => doc.tables[SHARED_TABLE].columns.some((c) => c.id === 'c_from_a'), 10_000, "a's column at b");
    b.dispatch({ type: 'column.update', tableId: SHARED_TABLE, columnId: 'c_from_a', changes: { name: 'renamed_by_b' } });
    await a.waitFor((doc) => doc.tables[SHARED_TABLE].columns.find((c) => c.id === 'c_from_a')?.name === 'renamed_by_b', 10_000, "b's rename at a");
    expect(canonical(a)).toBe(canonical(b));
  });

  it('delivers in causal order across servers: a column then an index on it arrive valid, nothing repaired', async () => {
    const p = await project();
    const a = await join(p, 0, 'a');
    const b = await join(p, 1, 'b');
    const repairs: Change[] = [];
    b.replica.onChange((change) => repairs.push(...change.repairs));
    for (let i = 0; i < 10; i++) {
      const columnId = `c_causal_${i}`;
      a.dispatch({ type: 'column.add', tableId: SHARED_TABLE, column: makeColumn({ id: columnId, name: `causal_${i}`, type: scalar('text'), nullable: true }, () => columnId) });
      a.dispatch({ type: 'index.add', tableId: SHARED_TABLE, index: makeIndex({ id: `idx_causal_${i}`, parts: [{ kind: 'column', columnId }] }, () => `idx_causal_${i}`) });
    }
    await b.waitFor((doc) => doc.tables[SHARED_TABLE].indexes.length === 10, 10_000, 'the ten indexes at b');
    expect(repairs).toEqual([]);
    const table = b.replica.doc.tables[SHARED_TABLE];
    for (const index of table.indexes) {
      const part = index.parts[0];
      expect(part.kind === 'column' && table.columns.some((c) => c.id === part.columnId)).toBe(true);
    }
    expect(canonical(a)).toBe(canonical(b));
  });

  it('keeps both columns when clients on the two servers add columns to one table at once', async () => {
    const p = await project();
    const a = await join(p, 0, 'a');
    const b = await join(p, 1, 'b');
    const add = (c: CollabTestClient, id: string) => c.dispatch({ type: 'column.add', tableId: SHARED_TABLE, column: makeColumn({ id, name: id, type: scalar('text'), nullable: true }, () => id) });
    for (let n = 0; n < 15; n++) {
      add(a, `c_a_${n}`);
      add(b, `c_b_${n}`);
    }
    const all = [...a.edits, ...b.edits];
    expect(all).toHaveLength(30);
    await a.waitFor((doc) => missingEdits(doc, all).length === 0, 10_000, 'all 30 columns at a');
    await b.waitFor((doc) => missingEdits(doc, all).length === 0, 10_000, 'all 30 columns at b');
    expect(a.replica.doc.tables[SHARED_TABLE].columns).toHaveLength(31);
    expect(canonical(a)).toBe(canonical(b));
  });

  it('writes back ONE canonical document from both servers, and the version stops moving once edits stop', async () => {
    const p = await project();
    const a = await join(p, 0, 'a');
    const b = await join(p, 1, 'b');
    const before = await storedVersion(p.projectId);
    const ra = prng(21);
    const rb = prng(22);
    for (let n = 0; n < 20; n++) {
      a.dispatch(nextEdit(0, n, a.replica.doc, ra));
      b.dispatch(nextEdit(1, n, b.replica.doc, rb));
      await sleep(20);
    }
    await Promise.all([a.waitAcknowledged(), b.waitAcknowledged()]);
    await a.waitFor((doc) => missingEdits(doc, b.edits).length === 0, 10_000, "b's edits at a");
    await b.waitFor((doc) => missingEdits(doc, a.edits).length === 0, 10_000, "a's edits at b");
    const expected = canonical(a);
    expect(canonical(b)).toBe(expected);

    // Both servers store (debounce 200 ms, at most 1 s): the canonical document settles on the live one.
    const readCanonical = async () => {
      const row = (await getProject(db.db.tables, p.projectId))!;
      return { version: row.version, document: row.documentJson };
    };
    const settledRow = await settled(readCanonical, { quietMs: 2500 });
    expect(settledRow.version).toBeGreaterThan(before);
    expect(JSON.parse(settledRow.document)).toEqual(JSON.parse(expected));
    // No ping-pong: the two servers' stores leave it alone from here on.
    await sleep(3000);
    expect(await readCanonical()).toEqual(settledRow);
    const stored = await storedLiveDocument(db.db.prisma, p.projectId);
    expect(JSON.stringify(stored)).toBe(expected);
  });

  it('five clients over the two servers for a few seconds: identical documents, every acknowledged edit in them and written back', async () => {
    const count = 5;
    const seconds = Number(process.env.COLLAB_MULTI_SECONDS ?? 6);
    const p = await project(count);
    const cs = await Promise.all(Array.from({ length: count }, (_, i) => join(p, i % 2, `client${i}`)));
    const latency = new LatencyRecorder();
    for (const c of cs) latency.watch(c);
    const end = Date.now() + seconds * 1000;
    await Promise.all(cs.map(async (c, i) => {
      const random = prng(100 + i);
      for (let n = 0; Date.now() < end; n++) {
        c.dispatch(nextEdit(i, n, c.replica.doc, random));
        await sleep(150 + random() * 100); // ~5 edits/s
      }
    }));
    await Promise.all(cs.map((c) => c.waitAcknowledged()));
    for (const c of cs) await c.waitFor((doc) => cs.every((o) => missingEdits(doc, o.edits).length === 0), 15_000, `every edit at ${c.name}`);
    const docs = cs.map(canonical);
    for (const d of docs) expect(d).toBe(docs[0]);
    expect(missingAcknowledged(cs[0].replica.doc, cs)).toEqual([]);
    expect(cs.every((c) => c.acknowledged().length === c.edits.length)).toBe(true);
    const summary = latency.summary();
    expect(summary.unseen).toBe(0);
    expect(summary.samples).toBe(cs.reduce((s, c) => s + c.edits.length, 0) * (count - 1));
    const written = await settled(async () => (await getProject(db.db.tables, p.projectId))!.documentJson, { quietMs: 2500 });
    expect(JSON.parse(written)).toEqual(JSON.parse(docs[0]));
  });
});

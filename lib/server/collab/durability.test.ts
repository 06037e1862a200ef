/**
 * Durability of the live session (issue 19): the standalone sync server, a child process, is killed
 * with SIGKILL in the middle of a burst of edits from two clients. Every edit a client saw
 * acknowledged (read off the wire, testing/ack-tracker.ts) must then be
 *
 *   1. in what the database holds while the server is dead (stored state + update log, read here
 *      without any server),
 *   2. in the document a new client gets from the restarted server (same port, same database),
 *   3. in the canonical project document (what REST, the CLI and exports read) after the write-back;
 *
 * and once the two clients reconnect, their unacknowledged edits (made before and during the outage)
 * merge too: everyone ends with the same document, written back whole.
 *
 * PostgreSQL when DATABASE_URL_PG is set (team mode), else SQLite (solo).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDocument } from '../../model/migrate';
import type { SchemaDocument } from '../../model/document';
import { fromYDoc } from '../../collab/y-document';
import { getProject } from '../projects/repository';
import { CollabTestClient } from './testing/client';
import { missingAcknowledged, missingEdits, nextEdit, prng } from './testing/edits';
import { settled, sleep, useLiveTestDatabase, type LiveTestDatabase } from './testing/environment';
import { createLiveProject, loadTestDocument, storedLiveDocument, ticketSource, type LiveProject } from './testing/fixtures';
import { freePort, startServerProcess, type ServerProcess } from './testing/server-process';

const SECRET = 'durability-test-secret';
/** Edits per client in the burst, and how many acknowledged edits (both clients) before the kill. */
const BURST = 200;
const KILL_AFTER_ACKS = 160;

describe('live session durability: SIGKILL of the sync server during a burst of edits', () => {
  let db: LiveTestDatabase;
  let server: ServerProcess | undefined;
  const clients: CollabTestClient[] = [];

  beforeAll(async () => {
    db = await useLiveTestDatabase();
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await server?.kill('SIGTERM');
    await db?.release();
  });

  const canonicalDocument = async (projectId: string): Promise<SchemaDocument> => {
    const loaded = loadDocument(JSON.parse((await getProject(db.db.tables, projectId))!.documentJson));
    if (!loaded.ok) throw new Error('the canonical document does not load');
    return loaded.document;
  };

  it('keeps every acknowledged edit: in the database while the server is dead, after the restart, and in the canonical document', async () => {
    const p: LiveProject = await createLiveProject(db.db.prisma, loadTestDocument(2));
    const port = await freePort();
    server = await startServerProcess({ port, databaseUrl: db.url, secret: SECRET });
    const connect = async (name: string) => {
      const c = await CollabTestClient.connect({ url: `ws://127.0.0.1:${port}`, documentName: p.documentName, ticket: ticketSource(p, SECRET), name });
      clients.push(c);
      return c;
    };
    const a = await connect('a');
    const b = await connect('b');

    // The burst: each client sends runs of 8 edits back to back (1 ms apart), then waits (up to 1 s)
    // for the run's acknowledgement, as fast as the server stores them: an acknowledgement is only
    // counted once the socket has no message unanswered (ack-tracker.ts), which never happens while
    // edits stream faster than the server appends them to its log. The server is killed, mid-run, once
    // KILL_AFTER_ACKS edits were acknowledged in all; the clients go on editing while it is down.
    let killedAt: number | undefined;
    const acked = () => a.acknowledged().length + b.acknowledged().length;
    const burst = (c: CollabTestClient, index: number) => (async () => {
      const random = prng(1000 + index);
      for (let n = 0; n < BURST; n++) {
        c.dispatch(nextEdit(index, n, c.replica.doc, random));
        if (killedAt === undefined && acked() >= KILL_AFTER_ACKS) {
          killedAt = n;
          await server!.kill('SIGKILL');
        }
        if (n % 8 === 7 && killedAt === undefined) await c.waitAcknowledged(1000).catch(() => undefined);
        else await sleep(1);
      }
    })();
    await Promise.all([burst(a, 0), burst(b, 1)]);
    expect(killedAt, `the kill happened mid-burst (acknowledged: ${acked()})`).toBeDefined();
    await Promise.all([a.disconnect(), b.disconnect()]);
    const ackedAtKill = acked();
    const total = a.edits.length + b.edits.length;
    expect(ackedAtKill).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(ackedAtKill, 'edits after the kill went unacknowledged (the test can tell them apart)').toBeLessThan(total);

    // 1. The database alone, with no server running.
    const stored = await storedLiveDocument(db.db.prisma, p.projectId);
    expect(stored).toBeDefined();
    expect(missingAcknowledged(stored!, [a, b]).map((e) => `${e.client}#${e.seq}`)).toEqual([]);

    // 2. A restarted server (same port, same database) serves them to a new client.
    server = await startServerProcess({ port, databaseUrl: db.url, secret: SECRET });
    const c = await connect('c');
    expect(missingAcknowledged(c.replica.doc, [a, b]).map((e) => `${e.client}#${e.seq}`)).toEqual([]);

    // 3. The write-back (on load: logged edits not yet written back) puts them in the canonical document.
    await settled(async () => (await getProject(db.db.tables, p.projectId))!.version, { quietMs: 2000 });
    expect(missingAcknowledged(await canonicalDocument(p.projectId), [a, b]).map((e) => `${e.client}#${e.seq}`)).toEqual([]);

    // The original clients come back: what the server never acknowledged merges now.
    await Promise.all([a.reconnect(), b.reconnect()]);
    await Promise.all([a.waitAcknowledged(), b.waitAcknowledged()]);
    const all = [...a.edits, ...b.edits];
    for (const x of [a, b, c]) await x.waitFor((doc) => missingEdits(doc, all).length === 0, 15_000, `every edit at ${x.name}`);
    const final = JSON.stringify(fromYDoc(c.ydoc));
    expect(JSON.stringify(fromYDoc(a.ydoc))).toBe(final);
    expect(JSON.stringify(fromYDoc(b.ydoc))).toBe(final);
    const written = await settled(async () => (await getProject(db.db.tables, p.projectId))!.documentJson, { quietMs: 2500 });
    expect(JSON.parse(written)).toEqual(JSON.parse(final));
    console.log(`[durability] ${total} edits, ${ackedAtKill} acknowledged before the SIGKILL (at edit ${killedAt} of ${BURST} per client), all kept; the rest merged on reconnect`);
  });
});

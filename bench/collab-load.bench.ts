/**
 * `npm run bench:collab-load`: live co-editing under load (issue 19): 20 simulated clients (the Node
 * harness, lib/server/collab/testing: Hocuspocus provider + CollabReplica) on ONE project, each making
 * 5 edits a second for 60 s, a realistic mix (add a column to the shared table or its own, rename one
 * of its columns, move its table, type into a narrative section it may share with others), against
 * the standalone sync server (scripts/collab-server.ts) in a child process, so its memory and CPU
 * time are measured alone (/proc/<pid>).
 *
 * Prints: edits sent, acknowledged (read off the wire: ack-tracker.ts), lost (acknowledged but missing
 * from the final documents, which must all be identical, and from the canonical document written
 * back), the edit -> seen latency (dispatch at one client to the change at each other client)
 * p50/p95/p99/max and the send -> acknowledged time, the server's RSS at start, halfway, at the end and after an idle period, its CPU
 * time beside the wall time, this process's (the 20 clients') CPU time, and the load average. Exits 1
 * when an edit is lost or the documents differ.
 *
 * Env: COLLAB_LOAD_CLIENTS (20), COLLAB_LOAD_SECONDS (60), COLLAB_LOAD_RATE (edits/s per client, 5),
 * COLLAB_LOAD_IDLE_SECONDS (15), COLLAB_LOAD_DB=pg to run on DATABASE_URL_PG (team mode) instead of a
 * temporary SQLite file, COLLAB_LOAD_REDIS=redis://... to give the server its Redis extension.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fromYDoc } from '../lib/collab/y-document';
import { loadDocument } from '../lib/model/migrate';
import { getProject } from '../lib/server/projects/repository';
import { CollabTestClient } from '../lib/server/collab/testing/client';
import { missingAcknowledged, missingEdits, nextEdit, prng } from '../lib/server/collab/testing/edits';
import { settled, sleep } from '../lib/server/collab/testing/environment';
import { createLiveProject, loadTestDocument, ticketSource } from '../lib/server/collab/testing/fixtures';
import { LatencyRecorder } from '../lib/server/collab/testing/latency';
import { freePort, sampleProcess, startServerProcess, type ProcessSample } from '../lib/server/collab/testing/server-process';
import { createPostgresTestDatabase, createSqliteTestDatabase } from '../lib/server/db/test-databases';

const CLIENTS = Number(process.env.COLLAB_LOAD_CLIENTS ?? 20);
const SECONDS = Number(process.env.COLLAB_LOAD_SECONDS ?? 60);
const RATE = Number(process.env.COLLAB_LOAD_RATE ?? 5);
const IDLE_SECONDS = Number(process.env.COLLAB_LOAD_IDLE_SECONDS ?? 15);
const SECRET = 'collab-load-bench';

const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
const ms = (v: number) => `${v.toFixed(1)} ms`;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

async function main(): Promise<number> {
  const pgUrl = process.env.COLLAB_LOAD_DB === 'pg' ? process.env.DATABASE_URL_PG : undefined;
  if (process.env.COLLAB_LOAD_DB === 'pg' && !pgUrl) throw new Error('COLLAB_LOAD_DB=pg needs DATABASE_URL_PG');
  const db = pgUrl ? await createPostgresTestDatabase(pgUrl) : await createSqliteTestDatabase();
  const env = { ...process.env, DATABASE_URL: db.url };
  console.log(`bench:collab-load — ${CLIENTS} clients x ${RATE} edits/s for ${SECONDS} s on ${db.provider}${process.env.COLLAB_LOAD_REDIS ? ' with Redis' : ''}; load average ${load()}`);

  const project = await createLiveProject(db.db.prisma, loadTestDocument(CLIENTS), env);
  const port = await freePort();
  const server = await startServerProcess({ port, databaseUrl: db.url, secret: SECRET, redisUrl: process.env.COLLAB_LOAD_REDIS, env: { DATABASE_URL: db.url } });
  const clients: CollabTestClient[] = [];
  const samples: Array<{ t: number } & ProcessSample> = [];
  let sampler: NodeJS.Timeout | undefined;
  try {
    const ticket = ticketSource(project, SECRET);
    for (let i = 0; i < CLIENTS; i++) {
      clients.push(await CollabTestClient.connect({ url: server.url, documentName: project.documentName, ticket, name: `client${i}` }));
    }
    const latency = new LatencyRecorder();
    for (const c of clients) latency.watch(c);

    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const sample = () => {
      const s = sampleProcess(server.pid);
      if (s) samples.push({ t: (performance.now() - t0) / 1000, ...s });
    };
    sample();
    sampler = setInterval(sample, 1000);
    const loadAtStart = load();

    // Each client on its own schedule: edit n at start + n/RATE s (+ up to half an interval of jitter).
    const end = t0 + SECONDS * 1000;
    await Promise.all(clients.map(async (c, i) => {
      const random = prng(7 + i);
      const start = performance.now() + random() * (1000 / RATE);
      for (let n = 0; ; n++) {
        const at = start + (n * 1000) / RATE + random() * (500 / RATE);
        if (at >= end) break;
        const wait = at - performance.now();
        if (wait > 0) await sleep(wait);
        c.dispatch(nextEdit(i, n, c.replica.doc, random));
      }
    }));
    const sendWall = performance.now() - t0;
    const clientCpu = process.cpuUsage(cpu0);
    sample();
    const endSample = samples.at(-1);
    const loadAtEnd = load();

    // Drain: every edit acknowledged and held by every client (or the timeout says what is not).
    await Promise.all(clients.map((c) => c.waitAcknowledged(60_000).catch((e: unknown) => console.warn(String(e)))));
    const all = clients.flatMap((c) => c.edits);
    await Promise.all(clients.map((c) => c.waitFor((doc) => missingEdits(doc, all).length === 0, 60_000, 'every edit').catch((e: unknown) => console.warn(String(e)))));
    const drainWall = performance.now() - t0 - sendWall;

    const docs = clients.map((c) => JSON.stringify(fromYDoc(c.ydoc)));
    const differing = docs.filter((d) => d !== docs[0]).length;
    const sent = all.length;
    const acknowledged = clients.reduce((s, c) => s + c.acknowledged().length, 0);
    const lostAtClients = new Set(clients.flatMap((c) => missingAcknowledged(c.replica.doc, clients)));
    const canonicalJson = await settled(async () => (await getProject(db.db.tables, project.projectId))!.documentJson, { quietMs: 3000, timeoutMs: 60_000 });
    const canonical = loadDocument(JSON.parse(canonicalJson));
    const lostInCanonical = canonical.ok ? missingAcknowledged(canonical.document, clients).length : sent;
    const canonicalEqual = canonical.ok && JSON.stringify(canonical.document) === docs[0];
    const lat = latency.summary();
    // Send -> acknowledged (an upper bound: counted when the socket had nothing unanswered).
    const ackTimes = all.filter((e) => e.ackedAt !== undefined).map((e) => e.ackedAt! - e.sentAt).sort((x, y) => x - y);
    const q = (p: number) => ackTimes[Math.min(ackTimes.length - 1, Math.max(0, Math.ceil(p * ackTimes.length) - 1))] ?? NaN;

    // Idle: the clients stay connected and quiet.
    await sleep(IDLE_SECONDS * 1000);
    sample();
    const idleSample = samples.at(-1);
    clearInterval(sampler);
    sampler = undefined;

    const at = (sec: number) => samples.reduce((best, s) => (Math.abs(s.t - sec) < Math.abs(best.t - sec) ? s : best), samples[0]);
    const first = samples[0];
    const serverCpuMs = (endSample?.cpuMs ?? NaN) - first.cpuMs;
    const peak = Math.max(...samples.map((s) => s.rss));
    console.log('');
    console.log(`edits sent            ${sent} (${(sent / (sendWall / 1000)).toFixed(1)}/s over ${(sendWall / 1000).toFixed(1)} s)`);
    console.log(`edits acknowledged    ${acknowledged}`);
    console.log(`edits lost            ${lostAtClients.size} at the clients, ${lostInCanonical} in the canonical document (acknowledged but missing)`);
    console.log(`final documents       ${differing === 0 ? `all ${clients.length} identical` : `${differing} of ${clients.length} differ`}; canonical written back ${canonicalEqual ? 'equal' : 'DIFFERENT'}; drained in ${(drainWall / 1000).toFixed(1)} s`);
    console.log(`edit -> seen          p50 ${ms(lat.p50)}, p95 ${ms(lat.p95)}, p99 ${ms(lat.p99)}, max ${ms(lat.max)} (${lat.samples} edit x receiver pairs, ${lat.unseen} unseen)`);
    console.log(`send -> acknowledged  p50 ${ms(q(0.5))}, p95 ${ms(q(0.95))}, p99 ${ms(q(0.99))} (the server logs each update before it acknowledges and relays it)`);
    console.log(`server RSS            start ${mb(first.rss)}, ${Math.round(SECONDS / 2)} s ${mb(at(SECONDS / 2).rss)}, ${SECONDS} s ${mb(endSample?.rss)}, after ${IDLE_SECONDS} s idle ${mb(idleSample?.rss)} (peak ${mb(peak)})`);
    console.log(`server CPU            ${(serverCpuMs / 1000).toFixed(1)} s over ${(sendWall / 1000).toFixed(1)} s wall (${((serverCpuMs / sendWall) * 100).toFixed(0)} % of one core)`);
    const clientCpuMs = (clientCpu.user + clientCpu.system) / 1000;
    console.log(`clients' CPU (here)   ${(clientCpuMs / 1000).toFixed(1)} s over the same wall time (${CLIENTS} replicas in this process)`);
    // What each edit costs, whatever else the machine runs (a busy machine stretches wall times, not these).
    console.log(`CPU per edit          server ${(serverCpuMs / sent).toFixed(2)} ms; clients ${(clientCpuMs / Math.max(1, lat.samples + sent)).toFixed(2)} ms per local or remote application`);
    console.log(`load average          start ${loadAtStart}, end ${loadAtEnd}, now ${load()}`);
    const rssLine = samples.filter((s, i) => i % 10 === 0).map((s) => `${s.t.toFixed(0)}s:${(s.rss / 1024 / 1024).toFixed(0)}`).join(' ');
    console.log(`server RSS every 10 s ${rssLine} (MB)`);
    return lostAtClients.size === 0 && lostInCanonical === 0 && differing === 0 && canonicalEqual && lat.unseen === 0 ? 0 : 1;
  } finally {
    if (sampler) clearInterval(sampler);
    for (const c of clients) c.destroy();
    await server.kill('SIGTERM');
    await db.dispose();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);

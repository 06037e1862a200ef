/**
 * `npm run bench:collab-load`: live co-editing under load (issue 19): 20 simulated clients (the Node
 * harness, lib/server/collab/testing: Hocuspocus provider + CollabReplica) on ONE project, each making
 * 5 edits a second for 60 s, a realistic mix (add a column to the shared table or its own, rename one
 * of its columns, move its table, type into a narrative section it may share with others), against
 * the standalone sync server (scripts/collab-server.ts) in a child process, so its memory and CPU
 * time are measured alone (/proc/<pid>). The clients run in worker threads (COLLAB_LOAD_WORKERS, 2): 20
 * replicas applying each other's edits need about a core, and one event loop for all of them read
 * acknowledgements and remote edits late, which the latency figures would wrongly charge to the server.
 *
 * Prints: edits sent, acknowledged (read off the wire: ack-tracker.ts), lost (acknowledged but missing
 * from the final documents, which must all be identical, and from the canonical document written
 * back), the edit -> seen latency (dispatch at one client to the change at each other client)
 * p50/p95/p99/max and the send -> acknowledged time, the server's RSS at start, halfway, at the end
 * and after an idle period, its CPU
 * time beside the wall time, this process's (the 20 clients') CPU time and the workers' event-loop
 * delay, and the load average. Exits 1
 * when an edit is lost or the documents differ.
 *
 * Env: COLLAB_LOAD_CLIENTS (20), COLLAB_LOAD_SECONDS (60), COLLAB_LOAD_RATE (edits/s per client, 5),
 * COLLAB_LOAD_IDLE_SECONDS (15), COLLAB_LOAD_DB=pg to run on DATABASE_URL_PG (team mode) instead of a
 * temporary SQLite file, COLLAB_LOAD_REDIS=redis://... to give the server its Redis extension.
 */
import { loadavg } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import * as Y from 'yjs';
import { fromYDoc } from '../lib/collab/y-document';
import type { SchemaDocument } from '../lib/model/document';
import { loadDocument } from '../lib/model/migrate';
import { getProject } from '../lib/server/projects/repository';
import { CollabTestClient, type EditRecord } from '../lib/server/collab/testing/client';
import { missingEdits, nextEdit, prng } from '../lib/server/collab/testing/edits';
import { settled, sleep } from '../lib/server/collab/testing/environment';
import { createLiveProject, loadTestDocument, ticketSource, type LiveProject } from '../lib/server/collab/testing/fixtures';
import { freePort, sampleProcess, startServerProcess, type ProcessSample } from '../lib/server/collab/testing/server-process';
import { createPostgresTestDatabase, createSqliteTestDatabase } from '../lib/server/db/test-databases';

const CLIENTS = Number(process.env.COLLAB_LOAD_CLIENTS ?? 20);
const SECONDS = Number(process.env.COLLAB_LOAD_SECONDS ?? 60);
const RATE = Number(process.env.COLLAB_LOAD_RATE ?? 5);
const IDLE_SECONDS = Number(process.env.COLLAB_LOAD_IDLE_SECONDS ?? 15);
const WORKERS = Math.max(1, Math.min(CLIENTS, Number(process.env.COLLAB_LOAD_WORKERS ?? 2)));
const SECRET = 'collab-load-bench';

const mb = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(1)} MB`);
const ms = (v: number) => `${v.toFixed(1)} ms`;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
/** Epoch milliseconds, comparable across threads (performance.now() is per thread). */
const now = () => performance.timeOrigin + performance.now();

interface WorkerInput { url: string; project: LiveProject; indexes: number[] }
type ToWorker = { type: 'start'; startAt: number; endAt: number } | { type: 'drain'; clocks: Record<number, number> } | { type: 'stop' };
interface ClientResult {
  index: number;
  clientID: number;
  /** Epoch times. */
  edits: EditRecord[];
  /** When this client's replica first held each sender's clock: [sender clientID, clock, epoch ms]. */
  seen: Array<[number, number, number]>;
  doc: string;
}
type FromWorker =
  | { type: 'ready'; clientIDs: number[] }
  | { type: 'sent'; clocks: Record<number, number> }
  | { type: 'result'; clients: ClientResult[]; loopDelay: { p50: number; p99: number; max: number } };

/** A worker: its share of the clients, each editing on its own schedule. */
async function clientsWorker(input: WorkerInput): Promise<void> {
  const port = parentPort!;
  const next = () => new Promise<ToWorker>((resolve) => port.once('message', resolve));
  const ticket = ticketSource(input.project, SECRET);
  const clients: CollabTestClient[] = [];
  for (const i of input.indexes) clients.push(await CollabTestClient.connect({ url: input.url, documentName: input.project.documentName, ticket, name: `client${i}` }, 60_000));
  const seen = clients.map(() => [] as Array<[number, number, number]>);
  clients.forEach((c, k) => {
    const last = new Map<number, number>();
    c.replica.onChange(({ remote }) => {
      if (!remote) return;
      const t = now();
      for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(c.ydoc))) {
        if (clock > (last.get(client) ?? 0)) {
          last.set(client, clock);
          seen[k].push([client, clock, t]);
        }
      }
    });
  });
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  port.postMessage({ type: 'ready', clientIDs: clients.map((c) => c.ydoc.clientID) } satisfies FromWorker);

  const start = (await next()) as Extract<ToWorker, { type: 'start' }>;
  loopDelay.enable();
  await Promise.all(clients.map(async (c, k) => {
    const i = input.indexes[k];
    const random = prng(7 + i);
    const first = start.startAt + random() * (1000 / RATE);
    for (let n = 0; ; n++) {
      const at = first + (n * 1000) / RATE + random() * (500 / RATE);
      if (at >= start.endAt) break;
      const wait = at - now();
      if (wait > 0) await sleep(wait);
      c.dispatch(nextEdit(i, n, c.replica.doc, random));
    }
  }));
  loopDelay.disable();
  await Promise.all(clients.map((c) => c.waitAcknowledged(60_000).catch((e: unknown) => console.warn(String(e)))));
  port.postMessage({ type: 'sent', clocks: Object.fromEntries(clients.map((c) => [c.ydoc.clientID, c.clock])) } satisfies FromWorker);

  // Every client holds every other client's last edit (or the timeout says which does not).
  const drain = (await next()) as Extract<ToWorker, { type: 'drain' }>;
  const holdsAll = (c: CollabTestClient) => Object.entries(drain.clocks).every(([id, clock]) => Y.getState(c.ydoc.store, Number(id)) >= clock);
  await Promise.all(clients.map((c) => c.waitFor(() => holdsAll(c), 60_000, 'every edit').catch((e: unknown) => console.warn(String(e)))));
  const shift = performance.timeOrigin;
  port.postMessage({
    type: 'result',
    loopDelay: { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 },
    clients: clients.map((c, k) => ({
      index: input.indexes[k],
      clientID: c.ydoc.clientID,
      edits: c.edits.map((e) => ({ ...e, sentAt: e.sentAt + shift, ...(e.ackedAt !== undefined ? { ackedAt: e.ackedAt + shift } : {}) })),
      seen: seen[k],
      doc: JSON.stringify(fromYDoc(c.ydoc)),
    })),
  } satisfies FromWorker);
  await next(); // stop: stay connected through the idle period
  for (const c of clients) c.destroy();
}

/** Edit -> seen latencies: for each receiver and each other client's edit, the first time it held it. */
function latencies(results: ClientResult[]): { samples: number[]; unseen: number } {
  const samples: number[] = [];
  let unseen = 0;
  for (const receiver of results) {
    const bySender = new Map<number, Array<[number, number]>>();
    for (const [sender, clock, t] of receiver.seen) {
      if (!bySender.has(sender)) bySender.set(sender, []);
      bySender.get(sender)!.push([clock, t]);
    }
    for (const sender of results) {
      if (sender === receiver) continue;
      const line = bySender.get(sender.clientID) ?? [];
      let j = 0;
      for (const e of sender.edits) {
        if (e.clockAfter <= e.clockBefore) continue;
        while (j < line.length && line[j][0] < e.clockAfter) j++;
        if (j < line.length) samples.push(line[j][1] - e.sentAt);
        else unseen++;
      }
    }
  }
  return { samples: samples.sort((a, b) => a - b), unseen };
}

const quantile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? NaN;

async function main(): Promise<number> {
  const pgUrl = process.env.COLLAB_LOAD_DB === 'pg' ? process.env.DATABASE_URL_PG : undefined;
  if (process.env.COLLAB_LOAD_DB === 'pg' && !pgUrl) throw new Error('COLLAB_LOAD_DB=pg needs DATABASE_URL_PG');
  const db = pgUrl ? await createPostgresTestDatabase(pgUrl) : await createSqliteTestDatabase();
  const env = { ...process.env, DATABASE_URL: db.url };
  console.log(`bench:collab-load — ${CLIENTS} clients (${WORKERS} worker threads) x ${RATE} edits/s for ${SECONDS} s on ${db.provider}${process.env.COLLAB_LOAD_REDIS ? ' with Redis' : ''}; load average ${load()}`);

  const project = await createLiveProject(db.db.prisma, loadTestDocument(CLIENTS), env);
  const port = await freePort();
  const server = await startServerProcess({ port, databaseUrl: db.url, secret: SECRET, redisUrl: process.env.COLLAB_LOAD_REDIS, env: { DATABASE_URL: db.url } });
  const workers: Worker[] = [];
  const samples: Array<{ t: number } & ProcessSample> = [];
  let sampler: NodeJS.Timeout | undefined;
  try {
    const inbox = workers.map(() => [] as FromWorker[]);
    const waiting = new Map<number, (m: FromWorker) => void>();
    const receive = (w: number) => new Promise<FromWorker>((resolve) => {
      const queued = inbox[w]?.shift();
      if (queued) resolve(queued);
      else waiting.set(w, resolve);
    });
    for (let w = 0; w < WORKERS; w++) {
      const indexes = Array.from({ length: CLIENTS }, (_, i) => i).filter((i) => i % WORKERS === w);
      // tsx's loader is registered per thread: the worker registers it, then loads this file.
      const boot = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(import.meta.url)}); })`;
      const worker = new Worker(boot, { eval: true, workerData: { url: server.url, project, indexes } satisfies WorkerInput });
      inbox[w] = [];
      worker.on('message', (m: FromWorker) => {
        const r = waiting.get(w);
        if (r) {
          waiting.delete(w);
          r(m);
        } else inbox[w].push(m);
      });
      worker.on('error', (err) => {
        console.error(`worker ${w}:`, err);
        process.exit(1);
      });
      workers.push(worker);
    }
    const ready = await Promise.all(workers.map((_, w) => receive(w)));
    if (ready.some((m) => m.type !== 'ready')) throw new Error('a worker did not start');

    const t0 = now() + 200;
    const cpu0 = process.cpuUsage();
    const sample = () => {
      const s = sampleProcess(server.pid);
      if (s) samples.push({ t: Math.max(0, (now() - t0) / 1000), ...s });
    };
    sample();
    sampler = setInterval(sample, 1000);
    const loadAtStart = load();
    for (const w of workers) w.postMessage({ type: 'start', startAt: t0, endAt: t0 + SECONDS * 1000 } satisfies ToWorker);
    const sentMessages = await Promise.all(workers.map((_, w) => receive(w)));
    const sendWall = now() - t0;
    const clientCpu = process.cpuUsage(cpu0);
    sample();
    const endSample = samples.at(-1);
    const loadAtEnd = load();
    const clocks = Object.assign({}, ...sentMessages.map((m) => (m.type === 'sent' ? m.clocks : {}))) as Record<number, number>;
    for (const w of workers) w.postMessage({ type: 'drain', clocks } satisfies ToWorker);
    const resultMessages = await Promise.all(workers.map((_, w) => receive(w)));
    const drainWall = now() - t0 - sendWall;
    const results = resultMessages.flatMap((m) => (m.type === 'result' ? m.clients : []));
    const loopDelays = resultMessages.flatMap((m) => (m.type === 'result' ? [m.loopDelay] : []));

    const docs = results.map((r) => r.doc);
    const differing = docs.filter((d) => d !== docs[0]).length;
    const all = results.flatMap((r) => r.edits);
    const sent = all.length;
    const acknowledged = all.filter((e) => e.ackedAt !== undefined).length;
    const lostIn = (doc: SchemaDocument) => results.flatMap((r) => missingEdits(doc, r.edits, (e) => e.ackedAt !== undefined));
    const lostAtClients = new Set(results.flatMap((r) => lostIn(JSON.parse(r.doc) as SchemaDocument)));
    const canonicalJson = await settled(async () => (await getProject(db.db.tables, project.projectId))!.documentJson, { quietMs: 3000, timeoutMs: 60_000 });
    const canonical = loadDocument(JSON.parse(canonicalJson));
    const lostInCanonical = canonical.ok ? lostIn(canonical.document).length : sent;
    const canonicalEqual = canonical.ok && JSON.stringify(canonical.document) === docs[0];
    const lat = latencies(results);
    // Send -> acknowledged (an upper bound: counted when the socket had nothing unanswered).
    const ackTimes = all.filter((e) => e.ackedAt !== undefined).map((e) => e.ackedAt! - e.sentAt).sort((x, y) => x - y);

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
    const clientCpuMs = (clientCpu.user + clientCpu.system) / 1000;
    console.log('');
    console.log(`edits sent            ${sent} (${(sent / (sendWall / 1000)).toFixed(1)}/s over ${(sendWall / 1000).toFixed(1)} s)`);
    console.log(`edits acknowledged    ${acknowledged}`);
    console.log(`edits lost            ${lostAtClients.size} at the clients, ${lostInCanonical} in the canonical document (acknowledged but missing)`);
    console.log(`final documents       ${differing === 0 ? `all ${results.length} identical` : `${differing} of ${results.length} differ`}; canonical written back ${canonicalEqual ? 'equal' : 'DIFFERENT'}; drained in ${(drainWall / 1000).toFixed(1)} s`);
    console.log(`edit -> seen          p50 ${ms(quantile(lat.samples, 0.5))}, p95 ${ms(quantile(lat.samples, 0.95))}, p99 ${ms(quantile(lat.samples, 0.99))}, max ${ms(lat.samples.at(-1) ?? NaN)} (${lat.samples.length} edit x receiver pairs, ${lat.unseen} unseen)`);
    console.log(`send -> acknowledged  p50 ${ms(quantile(ackTimes, 0.5))}, p95 ${ms(quantile(ackTimes, 0.95))}, p99 ${ms(quantile(ackTimes, 0.99))} (the server logs each update before it acknowledges and relays it)`);
    console.log(`server RSS            start ${mb(first.rss)}, ${Math.round(SECONDS / 2)} s ${mb(at(SECONDS / 2).rss)}, ${SECONDS} s ${mb(endSample?.rss)}, after ${IDLE_SECONDS} s idle ${mb(idleSample?.rss)} (peak ${mb(peak)})`);
    console.log(`server CPU            ${(serverCpuMs / 1000).toFixed(1)} s over ${(sendWall / 1000).toFixed(1)} s wall (${((serverCpuMs / sendWall) * 100).toFixed(0)} % of one core)`);
    console.log(`clients' CPU (here)   ${(clientCpuMs / 1000).toFixed(1)} s over the same wall time (${CLIENTS} replicas, ${WORKERS} threads); event loop delay per worker ${loopDelays.map((d) => `p50 ${ms(d.p50)} p99 ${ms(d.p99)} max ${ms(d.max)}`).join('; ')}`);
    // What each edit costs, whatever else the machine runs (a busy machine stretches wall times, not these).
    console.log(`CPU per edit          server ${(serverCpuMs / sent).toFixed(2)} ms; clients ${(clientCpuMs / Math.max(1, lat.samples.length + sent)).toFixed(2)} ms per local or remote application`);
    console.log(`load average          start ${loadAtStart}, end ${loadAtEnd}, now ${load()}`);
    const rssLine = samples.filter((s, i) => i % 10 === 0).map((s) => `${s.t.toFixed(0)}s:${(s.rss / 1024 / 1024).toFixed(0)}`).join(' ');
    console.log(`server RSS every 10 s ${rssLine} (MB)`);
    for (const w of workers) w.postMessage({ type: 'stop' } satisfies ToWorker);
    return lostAtClients.size === 0 && lostInCanonical === 0 && differing === 0 && canonicalEqual && lat.unseen === 0 ? 0 : 1;
  } finally {
    if (sampler) clearInterval(sampler);
    await Promise.all(workers.map((w) => w.terminate()));
    await server.kill('SIGTERM');
    await db.dispose();
  }
}

if (isMainThread) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
} else {
  clientsWorker(workerData as WorkerInput).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}

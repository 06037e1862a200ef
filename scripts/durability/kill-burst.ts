/**
 * SIGKILL durability check: several clients save documents as fast as the server acknowledges them;
 * the server process is killed with SIGKILL in the middle of the burst and restarted on the same
 * database; every acknowledged save must then be readable.
 *
 * A save is acknowledged when PUT returned 200 {version}. After the restart each project must be at
 * that version with that exact document, or exactly one version later when the kill landed after the
 * commit but before the response reached the client (an unacknowledged save that made it is fine;
 * an acknowledged save that is missing is the failure this looks for).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { isDeepStrictEqual } from 'node:util';
import { documentOf, makeColumn, makeTable, scalar } from '../../lib/model/build';
import type { SchemaDocument } from '../../lib/model/document';

export interface ServerHandle {
  baseUrl: string;
  process: ChildProcess;
}

export interface KillBurstOptions {
  /** Starts the server on the given database and resolves once it answers. */
  start: () => Promise<ServerHandle>;
  clients?: number;
  /** Kill after this many acknowledged saves in total... */
  killAfterAcks?: number;
  log?: (line: string) => void;
}

export interface KillBurstReport {
  clients: number;
  acknowledged: number;
  failedOrCutOff: number;
  savesPerSecond: number;
  /** Saves that committed but whose response the kill cut off. */
  committedButUnacknowledged: number;
  /** Acknowledged saves missing or different after restart: must be 0. */
  lost: number;
  killAtMs: number;
  restartMs: number;
  problems: string[];
}

/** A document whose content names the save that wrote it: `t<n>` tables for save n (1..n tables). */
export function documentForSave(client: number, save: number): SchemaDocument {
  const tableCount = 1 + (save % 5);
  const tables = Array.from({ length: tableCount }, (_, i) =>
    makeTable({
      id: `tbl_${i}`,
      name: `t${i}`,
      comment: `client ${client} save ${save}`,
      columns: [makeColumn({ id: `col_${i}`, name: 'id', type: scalar('bigint'), nullable: false })],
    }),
  );
  return documentOf({ tables });
}

async function json(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}

export async function waitForServer(baseUrl: string, child: ChildProcess, timeoutMs = 60_000): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode} before answering`);
    try {
      const res = await fetch(`${baseUrl}/api/projects`);
      // 401: a team-mode server is up and wants a session.
      if (res.ok || res.status === 401) return performance.now() - started;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`server did not answer within ${timeoutMs} ms`);
}

/** Spawns a process and resolves when a stdout line matches `ready` (returning that match). */
export function spawnUntil(cmd: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, cwd: string): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = ready.exec(out);
      if (m) resolve({ child, match: m });
    });
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('exit', (code) => reject(new Error(`${cmd} exited (${code}) before it was ready:\n${out}\n${err}`)));
  });
}

/** The session cookie header of a first owner created through POST /api/setup, or none in solo mode. */
async function signInIfTeamMode(baseUrl: string): Promise<Record<string, string>> {
  if ((await fetch(`${baseUrl}/api/projects`)).status !== 401) return {};
  const res = await fetch(`${baseUrl}/api/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Durability', email: 'durability@example.com', password: 'durability-password-1' }),
  });
  if (res.status !== 201) throw new Error(`first-run setup failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return { cookie };
}

export async function runKillBurst(opts: KillBurstOptions): Promise<KillBurstReport> {
  const clients = opts.clients ?? 8;
  const killAfterAcks = opts.killAfterAcks ?? 200;
  const log = opts.log ?? (() => undefined);

  let server = await opts.start();
  // Team mode (a PostgreSQL database): the first owner is created and signed in; its session lives in
  // the database, so the same cookie holds after the restart.
  const session = await signInIfTeamMode(server.baseUrl);
  const ids: string[] = [];
  for (let c = 0; c < clients; c++) {
    const res = await fetch(`${server.baseUrl}/api/projects`, { method: 'POST', headers: { 'content-type': 'application/json', ...session }, body: JSON.stringify({ name: `durability ${c}` }) });
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${await res.text()}`);
    ids.push(((await json(res)).project as { id: string }).id);
  }

  // Per client: the last acknowledged (version, save number).
  const acked = ids.map(() => ({ version: 1, save: 0 }));
  let acknowledged = 0;
  let failedOrCutOff = 0;
  let killed = false;
  const burstStart = performance.now();
  let killAtMs = 0;

  const killed$ = new Promise<void>((resolve) => {
    const check = setInterval(() => {
      if (acknowledged >= killAfterAcks && !killed) {
        killed = true;
        killAtMs = performance.now() - burstStart;
        server.process.kill('SIGKILL');
        clearInterval(check);
        resolve();
      }
    }, 1);
  });

  const loops = ids.map(async (id, c) => {
    let save = 0;
    while (!killed) {
      save++;
      const body = JSON.stringify({ document: documentForSave(c, save) });
      try {
        const res = await fetch(`${server.baseUrl}/api/projects/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json', 'if-match': String(acked[c].version), ...session }, body });
        if (res.status === 200) {
          const { version } = (await json(res)) as { version: number };
          acked[c] = { version, save };
          acknowledged++;
        } else {
          failedOrCutOff++;
          if (!killed) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
        }
      } catch (err) {
        failedOrCutOff++;
        if (!killed) throw err;
      }
    }
  });
  await killed$;
  await Promise.allSettled(loops);
  const burstMs = killAtMs;
  log(`killed the server with SIGKILL after ${acknowledged} acknowledged saves (${Math.round(burstMs)} ms)`);
  await new Promise<void>((resolve) => (server.process.exitCode !== null || server.process.signalCode !== null ? resolve() : server.process.once('exit', () => resolve())));

  const restartStarted = performance.now();
  server = await opts.start();
  const restartMs = performance.now() - restartStarted;
  log(`restarted in ${Math.round(restartMs)} ms`);

  const problems: string[] = [];
  let committedButUnacknowledged = 0;
  for (let c = 0; c < clients; c++) {
    const res = await fetch(`${server.baseUrl}/api/projects/${ids[c]}`, { headers: session });
    if (res.status !== 200) {
      problems.push(`client ${c}: GET ${res.status}`);
      continue;
    }
    const stored = (await json(res)) as { version: number; document: SchemaDocument };
    const { version, save } = acked[c];
    if (stored.version === version) {
      // Deep equality, not text: the API stores zod's output, whose object keys follow the schema.
      if (save > 0 && !isDeepStrictEqual(stored.document, documentForSave(c, save))) problems.push(`client ${c}: version ${version} holds a different document than acknowledged save ${save}`);
    } else if (stored.version === version + 1) {
      committedButUnacknowledged++;
      if (!isDeepStrictEqual(stored.document, documentForSave(c, save + 1))) problems.push(`client ${c}: version ${stored.version} is not the in-flight save ${save + 1}`);
    } else {
      problems.push(`client ${c}: stored version ${stored.version}, acknowledged ${version}`);
    }
  }
  server.process.kill('SIGTERM');

  return {
    clients,
    acknowledged,
    failedOrCutOff,
    savesPerSecond: Math.round((acknowledged / burstMs) * 1000),
    committedButUnacknowledged,
    lost: problems.length,
    killAtMs: Math.round(killAtMs),
    restartMs: Math.round(restartMs),
    problems,
  };
}

/**
 * The standalone sync server (scripts/collab-server.ts) as a child process: one `node` process (tsx
 * as an import hook, not the tsx CLI, which would put a wrapper process between us and the server), so
 * SIGKILL hits the server itself and /proc/<pid> describes the server alone (memory, CPU time).
 */
import 'server-only';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** A port free right now on 127.0.0.1 (to restart a server on the same port). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  url: string;
  /** Everything the server printed (stdout and stderr), for failure messages. */
  output(): string;
  /** Resolves with the exit code or signal. */
  exited: Promise<string>;
  kill(signal: NodeJS.Signals): Promise<string>;
}

export interface ServerProcessOptions {
  port: number;
  databaseUrl: string;
  secret: string;
  redisUrl?: string;
  env?: Record<string, string>;
  /** How long to wait for `collab listening on` (default 60 s: tsx compiles the server on start). */
  timeoutMs?: number;
}

export async function startServerProcess(opts: ServerProcessOptions): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'scripts/collab-server.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: opts.databaseUrl,
      DRAFTBASE_COLLAB_PORT: String(opts.port),
      DRAFTBASE_COLLAB_SECRET: opts.secret,
      ...(opts.redisUrl ? { DRAFTBASE_REDIS_URL: opts.redisUrl } : {}),
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  // A test runner that dies (or is interrupted) must not leave the server behind.
  const reap = () => child.kill('SIGKILL');
  process.once('exit', reap);
  child.once('exit', () => process.off('exit', reap));
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the sync server did not start within ${opts.timeoutMs ?? 60_000} ms:\n${out}`)), opts.timeoutMs ?? 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /collab listening on (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`the sync server exited (${how}) before listening:\n${out}`));
    });
  });
  return {
    child,
    pid: child.pid!,
    port,
    url: `ws://127.0.0.1:${port}`,
    output: () => out,
    exited,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export interface ProcessSample {
  /** Resident set size, bytes (VmRSS). */
  rss: number;
  /** User + system CPU time so far, ms. */
  cpuMs: number;
}

/** The process's memory and CPU time from /proc (Linux), or undefined when it is gone. */
export function sampleProcess(pid: number): ProcessSample | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
    // Fields after the command name (which may hold spaces, inside parentheses): utime is the 14th
    // field of the line, stime the 15th, in clock ticks (USER_HZ, 100 on Linux).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { rss: rssKb * 1024, cpuMs: ticks * 10 };
  } catch {
    return undefined;
  }
}

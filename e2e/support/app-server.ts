/**
 * Extra app servers for e2e journeys that need more than the two playwright.config.ts starts: the
 * same production build (NEXT_DIST_DIR), `next start` in a child process with its own port, sync
 * port and environment. Used by e2e/collab-servers.spec.ts (two servers behind one database and
 * Redis, as behind a load balancer).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';

export function freePort(): number {
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim());
}

export interface AppServer {
  url: string;
  port: number;
  collabPort: number;
  /** Everything the server printed (for a failing test's message). */
  output(): string;
  stop(): Promise<void>;
}

export async function startAppServer(env: Record<string, string>, opts: { timeoutMs?: number } = {}): Promise<AppServer> {
  const port = freePort();
  const collabPort = freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)], {
    env: {
      ...process.env,
      NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next-e2e',
      NEXT_TELEMETRY_DISABLED: '1',
      NEXT_PUBLIC_DRAFTBASE_TEST_HOOKS: '1',
      DRAFTBASE_COLLAB_PORT: String(collabPort),
      DRAFTBASE_URL: url,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`app server on ${port} exited (${child.exitCode}):\n${output}`);
    try {
      const res = await fetch(`${url}/api/session`);
      if (res.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`app server on ${port} did not answer in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    port,
    collabPort,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

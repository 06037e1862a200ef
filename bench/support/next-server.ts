/**
 * A production Draftbase for benches and scripts: `next build` (optional) and `next start` on a free
 * port with a throwaway SQLite database, and the Chromium launch options the e2e tests use.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { TEST_HOOKS_ENV, testHooksMismatch } from '../../scripts/test-hooks-build';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function freePort(): number {
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim());
}

/**
 * `testHooks`: build with NEXT_PUBLIC_DRAFTBASE_TEST_HOOKS=1 so the page exposes the editor store
 * (scripts that read it); the benches measure a normal build. A reused build is checked to have
 * the hooks when they are asked for.
 */
export async function startServer({ distDir, build, log, testHooks = false }: { distDir: string; build: boolean; log: (msg: string) => void; testHooks?: boolean }): Promise<{ url: string; proc: ChildProcess }> {
  const next = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
  const env = { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1', [TEST_HOOKS_ENV]: testHooks ? '1' : '' };
  if (!build && testHooks) {
    const problem = testHooksMismatch(path.resolve(root, distDir), true);
    if (problem) throw new Error(problem);
  }
  if (build) {
    log(`building (${distDir})...`);
    try {
      execFileSync(process.execPath, [next, 'build'], { cwd: root, env, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      const out = e as { stdout?: string; stderr?: string };
      throw new Error(`next build failed:\n${`${out.stdout ?? ''}${out.stderr ?? ''}`.split('\n').slice(-40).join('\n')}`);
    }
  }
  const port = freePort();
  const dbDir = mkdtempSync(path.join(os.tmpdir(), 'draftbase-bench-'));
  const proc = spawn(process.execPath, [next, 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: root,
    // A 5,000-table document is ~10 MB of JSON: above the default body cap.
    env: { ...env, DATABASE_URL: `file:${path.join(dbDir, 'bench.db')}`, DRAFTBASE_MAX_BODY_BYTES: String(64 * 1024 * 1024) },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/api/projects`)).ok) return { url, proc };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  proc.kill();
  throw new Error('the server did not start');
}

export function chromiumOptions() {
  const args = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
  if (existsSync(chromium.executablePath())) return { args };
  return { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args };
}

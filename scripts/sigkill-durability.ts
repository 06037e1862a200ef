/**
 * SIGKILL durability check against a real `next start` (production build):
 *
 *   npx tsx scripts/sigkill-durability.ts            # builds into .next-durability unless it exists
 *   DATABASE_URL=postgresql://… npx tsx scripts/sigkill-durability.ts
 *
 * Starts the server on a temporary SQLite file (or DATABASE_URL), fires concurrent saves, SIGKILLs the
 * server mid-burst, restarts it and checks every acknowledged save (see durability/kill-burst.ts).
 * Prints the figures; exits 1 if any acknowledged save is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient } from '@libsql/client';
import { runKillBurst, spawnUntil } from './durability/kill-burst';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nextBin = path.join(root, 'node_modules/next/dist/bin/next');

async function main(): Promise<void> {
  const distDir = process.env.NEXT_DIST_DIR ?? '.next-durability';
  const env = { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' };
  if (!existsSync(path.join(root, distDir, 'BUILD_ID'))) {
    console.log(`building into ${distDir} ...`);
    execFileSync(process.execPath, [nextBin, 'build'], { cwd: root, env, stdio: 'inherit' });
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'draftbase-sigkill-'));
  const databaseUrl = process.env.DATABASE_URL ?? `file:${path.join(tmp, 'durability.db')}`;
  try {
    const start = async () => {
      // `node next start` directly (no npm/npx wrapper), so SIGKILL hits the server itself.
      const { child, match } = await spawnUntil(process.execPath, [nextBin, 'start', '-H', '127.0.0.1', '-p', '0'], { ...env, DATABASE_URL: databaseUrl }, /http:\/\/127\.0\.0\.1:(\d+)/, root);
      const baseUrl = `http://127.0.0.1:${match[1]}`;
      for (let i = 0; i < 300; i++) {
        if ((await fetch(`${baseUrl}/api/projects`).catch(() => null))?.ok) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      return { baseUrl, process: child };
    };
    const clients = Number(process.env.CLIENTS ?? 8);
    const killAfterAcks = Number(process.env.KILL_AFTER ?? 400);
    const report = await runKillBurst({ start, clients, killAfterAcks, log: (l) => console.log(l) });
    if (databaseUrl.startsWith('file:')) {
      const c = createClient({ url: databaseUrl });
      const check = await c.execute('PRAGMA integrity_check');
      c.close();
      console.log(`SQLite integrity_check: ${String(check.rows[0].integrity_check)}`);
    }
    console.log(JSON.stringify(report, null, 2));
    if (report.lost > 0) process.exitCode = 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

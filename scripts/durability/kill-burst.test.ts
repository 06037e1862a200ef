/**
 * SIGKILL in the middle of a burst of saves: every acknowledged save survives the restart.
 * The server is the real route handlers + Prisma + database in a child process (route-server.ts);
 * `npx tsx scripts/sigkill-durability.ts --next` runs the same check against `next start`.
 */
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { providerCases, type TestDatabase } from '../../lib/server/db/test-databases';
import { runKillBurst, spawnUntil } from './kill-burst';

const root = path.resolve(__dirname, '../..');
// `node --import tsx`, not the tsx CLI: the CLI runs the script in a child process, so SIGKILL would
// hit the wrapper and leave the real server running.
const tsxLoader = pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href;

describe.each(providerCases())('SIGKILL during a burst of saves on $provider', ({ create }) => {
  let t: TestDatabase | undefined;
  const children: ChildProcess[] = [];
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await t?.dispose();
  });

  it.skipIf(!create)('loses no acknowledged save and leaves a readable database', async () => {
    t = await create!();
    const start = async () => {
      const { child, match } = await spawnUntil(process.execPath, ['--import', tsxLoader, 'scripts/durability/route-server.ts'], { ...process.env, DATABASE_URL: t!.url }, /listening (\d+)/, root);
      children.push(child);
      return { baseUrl: `http://127.0.0.1:${match[1]}`, process: child };
    };
    const report = await runKillBurst({ start, clients: 6, killAfterAcks: 150, log: (l) => console.log(`[durability/${t!.provider}] ${l}`) });
    console.log(`[durability/${t.provider}]`, JSON.stringify(report));
    expect(report.problems).toEqual([]);
    expect(report.acknowledged).toBeGreaterThanOrEqual(150);
    expect(report.lost).toBe(0);
    if (t.provider === 'sqlite') {
      const c = createClient({ url: t.url });
      const check = await c.execute('PRAGMA integrity_check');
      c.close();
      expect(check.rows[0].integrity_check).toBe('ok');
    }
  });
});

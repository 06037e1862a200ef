/**
 * End-to-end tests against a PRODUCTION build: `next build`, then `next start` on a free port with a
 * throwaway SQLite database. Every e2e/*.spec.ts runs against that one server (use relative URLs:
 * baseURL is set).
 *
 * Environment:
 * - E2E_PORT            port to serve on (default: a free one, picked once and shared with workers)
 * - E2E_TEAM_PORT       port of the second, team-mode server (sign-in on; its own SQLite file in
 *                       E2E_DB_DIR): e2e/teams.spec.ts reaches it through e2e/support/team.ts
 * - E2E_COLLAB_PORT, E2E_TEAM_COLLAB_PORT  the two servers' live co-editing (sync) ports (default: free ones)
 * - E2E_SKIP_BUILD=1    reuse an existing build in NEXT_DIST_DIR (faster local iteration); it must have
 *                       been built with NEXT_PUBLIC_DRAFTBASE_TEST_HOOKS=1 (the tests read the editor
 *                       store through window.__draftbaseStore, which only such a build exposes)
 * - NEXT_DIST_DIR       build directory (default .next-e2e, so a developer's .next is untouched)
 * - CHROMIUM_PATH       browser to use when Playwright's own Chromium is not installed
 *                       (default /usr/bin/chromium: Debian's `apt-get install chromium`)
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, defineConfig, devices } from '@playwright/test';
import { TEST_HOOKS_ENV, testHooksMismatch } from './scripts/test-hooks-build';

// The config module is loaded by the runner and again by each worker. Values that must agree
// (port, database) are picked once and handed down through the environment, which workers inherit.
function freePort(): string {
  const script = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim();
}
process.env.E2E_PORT ??= freePort();
process.env.E2E_TEAM_PORT ??= freePort();
// Each server's live co-editing (Hocuspocus) port: instrumentation.ts starts it beside Next.
process.env.E2E_COLLAB_PORT ??= freePort();
process.env.E2E_TEAM_COLLAB_PORT ??= freePort();
// Named, not created: the server creates it on first start (so merely loading this config, e.g. for
// `--list`, leaves nothing behind); e2e/support/global-teardown.ts removes it.
process.env.E2E_DB_DIR ??= path.join(os.tmpdir(), `draftbase-e2e-${process.env.E2E_PORT}-${process.pid}`);
const port = process.env.E2E_PORT;
const distDir = process.env.NEXT_DIST_DIR ?? '.next-e2e';
const databaseUrl = `file:${path.join(process.env.E2E_DB_DIR, 'e2e.db')}`;
const teamPort = process.env.E2E_TEAM_PORT;
const teamDatabaseUrl = `file:${path.join(process.env.E2E_DB_DIR, 'team.db')}`;
/** A fixed test secret (team mode refuses to start without one); never a real deployment's. */
export const E2E_TEAM_AUTH_SECRET = 'e2e-only-secret-0123456789abcdefghijklmnopqrstuvwxyz';

/** Debian's Chromium only when Playwright's own browser is absent (never force it on other machines). */
function launchOptions() {
  if (existsSync(chromium.executablePath())) return {};
  return {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  };
}

const next = 'node node_modules/next/dist/bin/next';
const build = process.env.E2E_SKIP_BUILD === '1' ? '' : `${next} build && `;
// A reused build without the test hooks would fail every test that reads the store: say so first.
if (process.env.E2E_SKIP_BUILD === '1' && existsSync(distDir)) {
  const problem = testHooksMismatch(distDir, true);
  if (problem) throw new Error(problem);
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalTeardown: './e2e/support/global-teardown.ts',
  fullyParallel: false,
  // Two workers on two cores: the tests mostly wait on the server and the browser, and the suite passed
  // 111/111 this way while a full vitest run shared the machine (8.4 min, against 9.8 with one worker
  // on a lighter load). E2E_WORKERS=1 goes back to one.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  retries: process.env.CI === 'true' ? 1 : 0,
  forbidOnly: process.env.CI === 'true',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI === 'true' ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: launchOptions(),
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: [
    {
      command: `${build}${next} start -H 127.0.0.1 -p ${port}`,
      url: `http://127.0.0.1:${port}/api/projects`,
      // A production build takes 1-3 minutes on two busy cores.
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        DATABASE_URL: databaseUrl,
        DRAFTBASE_COLLAB_PORT: process.env.E2E_COLLAB_PORT,
        NEXT_DIST_DIR: distDir,
        NEXT_TELEMETRY_DISABLED: '1',
        // The build exposes the editor store to the tests (see scripts/test-hooks-build.ts).
        [TEST_HOOKS_ENV]: '1',
      },
    },
    // Team mode (issue 18): the same build, a second server with sign-in on and its own database.
    // Started after the first (Playwright starts web servers in order), so the build has finished.
    {
      command: `${next} start -H 127.0.0.1 -p ${teamPort}`,
      // Ready when it answers (signed out: 401 counts as an answer).
      url: `http://127.0.0.1:${teamPort}/api/projects`,
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      stderr: 'pipe',
      env: {
        DATABASE_URL: teamDatabaseUrl,
        DRAFTBASE_COLLAB_PORT: process.env.E2E_TEAM_COLLAB_PORT,
        DRAFTBASE_AUTH: 'on',
        DRAFTBASE_AUTH_SECRET: E2E_TEAM_AUTH_SECRET,
        // The address the browser opens, as an operator sets it (Better Auth checks each auth POST's
        // Origin against it; without it, sign-up from the browser was refused as "Invalid origin").
        DRAFTBASE_URL: `http://127.0.0.1:${teamPort}`,
        NEXT_DIST_DIR: distDir,
        NEXT_TELEMETRY_DISABLED: '1',
        [TEST_HOOKS_ENV]: '1',
      },
    },
  ],
});

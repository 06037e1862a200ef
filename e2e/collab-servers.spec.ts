/**
 * Live co-editing across two app servers (issue 19): two `next start` processes on different ports,
 * one PostgreSQL database and one Redis, as behind a load balancer. Person A works on server 1, B on
 * server 2; each server runs its own sync server (Hocuspocus) and the two share the live session
 * through Redis. Edits appear on the other side (latency printed as p50/p95), presence crosses
 * servers, undo takes back only the undoer's edits, an offline edit merges on reconnect, and the
 * canonical document the REST API reads is written back from the live session.
 *
 * Needs DATABASE_URL_PG (team mode runs on PostgreSQL; CI always sets it) and Redis on 127.0.0.1:6379.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import pg from 'pg';
import { latencySummary, measureLiveLatency } from './support/live-latency';
import os from 'node:os';
import { startAppServer, type AppServer } from './support/app-server';
import { acceptInviteAsNewUser, type TeamUser } from './support/team';
import { makeColumn, makeTable } from '../lib/model/build';
import type { SchemaDocument, Table } from '../lib/model/document';

const PG = process.env.DATABASE_URL_PG;
const REDIS = process.env.E2E_REDIS_URL ?? 'redis://127.0.0.1:6379';
test.skip(!PG && process.env.CI !== 'true', 'DATABASE_URL_PG is not set (CI always sets it)');

const suffix = `${Date.now().toString(36)}`;
const OWNER: TeamUser = { name: 'Ana Owner', email: `ana-${suffix}@example.test`, password: 'correct horse battery staple 1' };
const EDITOR: TeamUser = { name: 'Ben Editor', email: `ben-${suffix}@example.test`, password: 'correct horse battery staple 2' };
const SECRET = 'e2e-collab-servers-secret-0123456789abcdefghijklmnop';

type StoreWindow = {
  __draftbaseStore: { getState(): { doc: SchemaDocument; dispatch(c: unknown): unknown }; subscribe(fn: (s: { doc: SchemaDocument }) => void): () => void };
  __seen?: Record<string, number>;
};

let database = '';
let databaseUrl = '';
const servers: AppServer[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  database = `draftbase_e2e_collab_${suffix}_${process.pid}`;
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = new URL(PG!);
  url.pathname = `/${database}`;
  databaseUrl = url.toString();
  const env = { DATABASE_URL: databaseUrl, DRAFTBASE_AUTH_SECRET: SECRET, DRAFTBASE_REDIS_URL: REDIS };
  // One at a time: the first migrates the fresh database.
  servers.push(await startAppServer({ ...env, DRAFTBASE_AUTO_MIGRATE: '1' }, { timeoutMs: 120_000 }));
  servers.push(await startAppServer(env, { timeoutMs: 120_000 }));
});

test.afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  if (!database) return;
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
});

async function personOn(browser: Browser, server: AppServer): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url });
  return context.newPage();
}

const storeDoc = (page: Page) => page.evaluate(() => (window as unknown as StoreWindow).__draftbaseStore.getState().doc);

function dispatch(page: Page, command: unknown) {
  return page.evaluate((c) => {
    const r = (window as unknown as StoreWindow).__draftbaseStore.getState().dispatch(c) as { error?: string };
    if (r && 'error' in r && r.error) throw new Error(r.error);
  }, command);
}

test('two app servers share one live session through Redis', async ({ browser }) => {
  test.setTimeout(240_000);
  const [s1, s2] = servers;
  const a = await personOn(browser, s1);
  const b = await personOn(browser, s2);
  let projectId = '';
  const orders: Table = makeTable({ name: 'orders', columns: [makeColumn({ name: 'id', nullable: false })] });

  await test.step('A sets up server 1 and invites B, who joins through server 2', async () => {
    const setup = await a.request.post('/api/setup', { headers: { origin: s1.url }, data: { name: OWNER.name, email: OWNER.email, password: OWNER.password } });
    expect(setup.status(), await setup.text()).toBeLessThan(300);
    const created = await a.request.post('/api/projects', { headers: { origin: s1.url }, data: { name: `Live ${suffix}` } });
    expect(created.status(), await created.text()).toBe(201);
    projectId = ((await created.json()) as { project: { id: string } }).project.id;
    const invite = await a.request.post(`/api/projects/${projectId}/invites`, { headers: { origin: s1.url }, data: { email: EDITOR.email, role: 'editor' } });
    expect(invite.status(), await invite.text()).toBeLessThan(300);
    const inviteUrl = new URL(((await invite.json()) as { url: string }).url, s1.url);
    expect(await acceptInviteAsNewUser(b, `${s2.url}${inviteUrl.pathname}`, EDITOR)).toBe(projectId);
    await a.goto(`/projects/${encodeURIComponent(projectId)}`);
    await expect(a.getByTestId('canvas')).toBeVisible();
  });

  await test.step("A's table appears on B's canvas (server 1 -> Redis -> server 2)", async () => {
    await dispatch(a, { type: 'table.add', table: orders, position: { x: 80, y: 80 } });
    await expect(b.locator('.react-flow__node').filter({ hasText: 'orders' })).toBeVisible({ timeout: 15_000 });
  });

  await test.step('20 column adds from A, 20 from B: each seen on the other side; p50/p95 printed', async () => {
    const latencies = await measureLiveLatency(a, b, orders.id);
    console.log(`[collab-servers] cross-server edit latency over ${latencies.length} edits: ${latencySummary(latencies)} (load ${os.loadavg()[0].toFixed(2)})`);
    // Both replicas hold every column, in the same order.
    const colsA = (await storeDoc(a)).tables[orders.id].columns.map((c) => c.name);
    const colsB = (await storeDoc(b)).tables[orders.id].columns.map((c) => c.name);
    expect(colsA).toEqual(colsB);
    expect(colsA.filter((n) => n.startsWith('lat_'))).toHaveLength(40);
  });

  await test.step('presence crosses servers: each sees two people here', async () => {
    for (const page of [a, b]) await expect(page.getByTestId('save-status')).toHaveAttribute('data-here', '2', { timeout: 10_000 });
  });

  await test.step("per-user undo across servers: A's undo takes back A's edit only, on both", async () => {
    await dispatch(a, { type: 'table.update', tableId: orders.id, changes: { comment: 'by A' } });
    await dispatch(b, { type: 'column.add', tableId: orders.id, column: makeColumn({ name: 'kept_b' }) });
    await expect.poll(async () => (await storeDoc(a)).tables[orders.id].columns.some((c) => c.name === 'kept_b'), { timeout: 10_000 }).toBe(true);
    await a.evaluate(() => (window as unknown as { __draftbaseStore: { getState(): { undo(): void } } }).__draftbaseStore.getState().undo());
    for (const page of [a, b]) {
      await expect.poll(async () => (await storeDoc(page)).tables[orders.id].comment ?? null, { timeout: 10_000 }).toBeNull();
      expect((await storeDoc(page)).tables[orders.id].columns.some((c) => c.name === 'kept_b')).toBe(true);
    }
  });

  await test.step('B (server 2) goes offline, both edit, B comes back: both edits on both sides', async () => {
    await b.context().setOffline(true);
    await expect(b.getByTestId('save-status')).toHaveAttribute('data-live', 'offline', { timeout: 10_000 });
    await dispatch(b, { type: 'column.add', tableId: orders.id, column: makeColumn({ name: 'offline_b' }) });
    await dispatch(a, { type: 'column.add', tableId: orders.id, column: makeColumn({ name: 'online_a' }) });
    await b.context().setOffline(false);
    await expect(b.getByTestId('save-status')).toHaveAttribute('data-live', 'live', { timeout: 20_000 });
    const names = async (page: Page) => (await storeDoc(page)).tables[orders.id].columns.map((c) => c.name);
    for (const page of [a, b]) await expect.poll(() => names(page), { timeout: 15_000 }).toEqual(expect.arrayContaining(['offline_b', 'online_a']));
    expect(await names(a)).toEqual(await names(b));
  });

  await test.step('the REST API on either server reads the written-back document within seconds', async () => {
    for (const [page, server] of [[a, s1], [b, s2]] as const) {
      await expect
        .poll(
          async () => {
            const res = await page.request.get(`${server.url}/api/projects/${projectId}`);
            const body = (await res.json()) as { document: SchemaDocument };
            return body.document.tables[orders.id]?.columns.filter((c) => c.name.startsWith('lat_') || c.name.endsWith('_b') || c.name === 'online_a').length ?? 0;
          },
          { timeout: 15_000 },
        )
        .toBe(43);
    }
  });
});

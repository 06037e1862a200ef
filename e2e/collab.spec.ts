/**
 * Live co-editing in the editor (issue 19), one app server, two browser contexts (two people):
 * edits appear on the other side (latency per edit printed as p50/p95), presence (who is here, their
 * pointer, their selection outline, who is typing), per-user undo, offline then reconnect merges,
 * deletion wins and is explained, and a viewer (a read-only share link on a team-mode server of this
 * spec's own) sees the live changes and cannot edit.
 *
 * The solo server at baseURL runs its sync server on DRAFTBASE_COLLAB_PORT (playwright.config.ts).
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import os from 'node:os';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { createProjectViaApi, deleteProjectViaApi, uniqueName } from './support/api';
import { latencySummary, measureLiveLatency } from './support/live-latency';
import { startAppServer, type AppServer } from './support/app-server';
import { makeColumn, makeTable } from '../lib/model/build';
import { emptyDocument } from '../lib/model/empty';
import type { SchemaDocument, Table } from '../lib/model/document';

type StoreWindow = {
  __draftbaseStore: {
    getState(): { doc: SchemaDocument; dispatch(c: unknown): unknown; select(s: unknown): void; past: unknown[]; readOnly?: string };
    subscribe(fn: (s: { doc: SchemaDocument }) => void): () => void;
  };
  __seen?: Record<string, number>;
};

const storeDoc = (page: Page) => page.evaluate(() => (window as unknown as StoreWindow).__draftbaseStore.getState().doc);

async function dispatch(page: Page, command: unknown): Promise<string | undefined> {
  return page.evaluate((c) => {
    const r = (window as unknown as StoreWindow).__draftbaseStore.getState().dispatch(c) as { error?: string };
    return r && 'error' in r ? r.error : undefined;
  }, command);
}

/** Opens the project in a new context and waits for the live session (not the REST fallback). */
async function openLive(browser: Browser, url: string, baseURL?: string): Promise<Page> {
  const context = await browser.newContext(baseURL ? { baseURL } : {});
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByTestId('canvas')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-live', 'live', { timeout: 15_000 });
  return page;
}

const columnNames = async (page: Page, tableId: string) => ((await storeDoc(page)).tables[tableId]?.columns ?? []).map((c) => c.name);

function seeded(): { doc: SchemaDocument; users: Table; orders: Table } {
  const users = makeTable({ name: 'users', columns: [makeColumn({ name: 'id', nullable: false })] });
  const orders = makeTable({ name: 'orders', columns: [makeColumn({ name: 'id', nullable: false })] });
  const doc = emptyDocument('postgres');
  doc.tables = { [users.id]: users, [orders.id]: orders };
  doc.layout.tables = { [users.id]: { x: 40, y: 40 }, [orders.id]: { x: 420, y: 40 } };
  return { doc, users, orders };
}

test('two people edit one design live: edits, presence, per-user undo, offline merge, deletion wins', async ({ browser, request }) => {
  test.setTimeout(180_000);
  const { doc, users, orders } = seeded();
  const project = await createProjectViaApi(request, { name: uniqueName('Live'), document: doc });
  const url = `/projects/${encodeURIComponent(project.id)}`;
  const a = await openLive(browser, url);
  const b = await openLive(browser, url);

  await test.step('each sees the other here', async () => {
    await expect(a.getByTestId('save-status')).toHaveAttribute('data-here', '2');
    await expect(b.getByTestId('people-here')).toHaveAttribute('data-count', '1');
    await expect(b.getByTestId('person-here')).toHaveCount(1);
    await expect(b.getByTestId('save-status')).toContainText('Live · 2 here');
  });

  await test.step('A adds a table with the toolbar; B sees it', async () => {
    await a.getByRole('button', { name: '+ Table', exact: true }).click();
    await a.keyboard.press('Escape');
    await expect.poll(async () => Object.keys((await storeDoc(b)).tables).length, { timeout: 10_000 }).toBe(3);
    await expect(b.getByTestId('table-node')).toHaveCount(3);
  });

  await test.step('20 column adds from A and 20 from B: each seen on the other side; p50/p95 printed', async () => {
    const latencies = await measureLiveLatency(a, b, users.id);
    console.log(`[collab] edit latency A<->B over ${latencies.length} edits (one server): ${latencySummary(latencies)} (load ${os.loadavg()[0].toFixed(2)})`);
    expect(await columnNames(a, users.id)).toEqual(await columnNames(b, users.id));
    expect((await columnNames(a, users.id)).filter((n) => n.startsWith('lat_'))).toHaveLength(40);
  });

  await test.step("B sees A's pointer and A's selection outline, with A's name", async () => {
    await a.locator('[data-testid="table-node"][data-table-name="orders"] .db-table-header').click();
    await expect(b.locator(`[data-testid="peer-selection"][data-table-id="${orders.id}"]`)).toBeVisible({ timeout: 10_000 });
    await expect(b.locator(`[data-testid="peer-selection"][data-table-id="${orders.id}"]`)).toContainText('Local user');
    const box = (await a.getByTestId('canvas').boundingBox())!;
    await a.mouse.move(box.x + box.width / 2, box.y + box.height - 60);
    await a.mouse.move(box.x + box.width / 2 + 10, box.y + box.height - 50);
    await expect(b.getByTestId('peer-cursor')).toBeVisible({ timeout: 10_000 });
  });

  await test.step('per-user undo: A and B each edit, A presses Ctrl+Z, only A’s change goes, on both sides', async () => {
    expect(await dispatch(a, { type: 'table.update', tableId: users.id, changes: { comment: 'by A' } })).toBeUndefined();
    expect(await dispatch(b, { type: 'table.update', tableId: orders.id, changes: { comment: 'by B' } })).toBeUndefined();
    await expect.poll(async () => (await storeDoc(a)).tables[orders.id].comment).toBe('by B');
    await a.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
    await a.keyboard.press('Control+z');
    for (const page of [a, b]) {
      await expect.poll(async () => (await storeDoc(page)).tables[users.id].comment ?? null, { timeout: 10_000 }).toBeNull();
      expect((await storeDoc(page)).tables[orders.id].comment).toBe('by B');
    }
  });

  await test.step('B goes offline, both edit, B comes back: both edits on both sides', async () => {
    await b.context().setOffline(true);
    await expect(b.getByTestId('save-status')).toHaveAttribute('data-live', 'offline', { timeout: 10_000 });
    await expect(b.getByTestId('save-status')).toContainText('Offline: edits kept');
    expect(await dispatch(b, { type: 'column.add', tableId: orders.id, column: makeColumn({ name: 'offline_b' }) })).toBeUndefined();
    expect(await dispatch(a, { type: 'column.add', tableId: orders.id, column: makeColumn({ name: 'online_a' }) })).toBeUndefined();
    // B's edit has not reached A while B is offline, and B keeps working.
    await a.waitForTimeout(500);
    expect(await columnNames(a, orders.id)).not.toContain('offline_b');
    expect(await columnNames(b, orders.id)).toContain('offline_b');
    await expect(b.getByTestId('save-status')).not.toHaveAttribute('data-unsynced', '0');
    // Closing the tab now would lose the offline edit: the page asks first.
    let asked = false;
    b.once('dialog', async (d) => {
      asked = d.type() === 'beforeunload';
      await d.dismiss();
    });
    await b.close({ runBeforeUnload: true });
    await expect.poll(() => asked).toBe(true);
    expect(b.isClosed()).toBe(false);
    await b.context().setOffline(false);
    await expect(b.getByTestId('save-status')).toHaveAttribute('data-live', 'live', { timeout: 20_000 });
    for (const page of [a, b]) await expect.poll(() => columnNames(page, orders.id), { timeout: 15_000 }).toEqual(expect.arrayContaining(['offline_b', 'online_a']));
    expect(await columnNames(a, orders.id)).toEqual(await columnNames(b, orders.id));
  });

  await test.step('A deletes the table B has selected: B is told, and A can undo', async () => {
    await b.evaluate((id) => (window as unknown as StoreWindow).__draftbaseStore.getState().select({ kind: 'tables', tableIds: [id] }), orders.id);
    await expect(a.locator(`[data-testid="peer-selection"][data-table-id="${orders.id}"]`)).toBeVisible({ timeout: 10_000 });
    expect(await dispatch(a, { type: 'table.remove', tableId: orders.id })).toBeUndefined();
    await expect(b.getByTestId('toast').filter({ hasText: 'deleted table orders; your edits inside it went with it' })).toBeVisible({ timeout: 10_000 });
    await a.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
    await a.keyboard.press('Control+z');
    await expect.poll(async () => (await storeDoc(b)).tables[orders.id]?.name, { timeout: 10_000 }).toBe('orders');
  });

  await test.step('A types in a narrative section: B sees the text and "is typing…"', async () => {
    for (const page of [a, b]) await page.getByRole('tab', { name: 'Design doc' }).click();
    const section = a.locator('section[data-section="caching"] textarea');
    await section.click();
    await section.pressSequentially('Cache the product list.', { delay: 20 });
    await expect(b.locator('[data-testid="typing"][data-section="caching"]')).toContainText('is typing…', { timeout: 10_000 });
    await expect(b.locator('section[data-section="caching"] textarea')).toHaveValue('Cache the product list.', { timeout: 10_000 });
    // B types at the start of the same section while A's text is there: both kept.
    const mine = b.locator('section[data-section="caching"] textarea');
    await mine.click();
    await b.keyboard.press('Control+Home');
    await mine.pressSequentially('Note: ', { delay: 20 });
    for (const page of [a, b]) await expect(page.locator('section[data-section="caching"] textarea')).toHaveValue('Note: Cache the product list.', { timeout: 10_000 });
  });

  await a.context().close();
  await b.context().close();
  await deleteProjectViaApi(request, project.id).catch(() => undefined);
});

test.describe('a viewer in the live session', () => {
  let server: AppServer | undefined;
  const dir = path.join(os.tmpdir(), `draftbase-e2e-collab-${process.pid}-${Date.now().toString(36)}`);

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    server = await startAppServer(
      { DATABASE_URL: `file:${path.join(dir, 'team.db')}`, DRAFTBASE_AUTH: 'on', DRAFTBASE_AUTH_SECRET: 'e2e-collab-viewer-secret-0123456789abcdefghijklmnop' },
      { timeoutMs: 90_000 },
    );
  });

  test.afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("a read-only share link sees the owner's live changes and cannot edit", async ({ browser }) => {
    test.setTimeout(120_000);
    const s = server!;
    const ownerContext = await browser.newContext({ baseURL: s.url });
    const owner = await ownerContext.newPage();
    const headers = { origin: s.url };
    const setup = await owner.request.post('/api/setup', { headers, data: { name: 'Ana Owner', email: 'ana@example.test', password: 'correct horse battery staple 1' } });
    expect(setup.status(), await setup.text()).toBeLessThan(300);
    const { doc, users } = seeded();
    const created = await owner.request.post('/api/projects', { headers, data: { name: 'Live viewer', document: doc } });
    expect(created.status(), await created.text()).toBe(201);
    const projectId = ((await created.json()) as { project: { id: string } }).project.id;
    const link = await owner.request.post(`/api/projects/${projectId}/share-links`, { headers, data: { role: 'viewer', label: 'live board' } });
    expect(link.status(), await link.text()).toBe(201);
    const shareUrl = ((await link.json()) as { url: string }).url;

    await owner.goto(`/projects/${projectId}`);
    await expect(owner.getByTestId('save-status')).toHaveAttribute('data-live', 'live', { timeout: 20_000 });
    const viewer = await openLive(browser, shareUrl, s.url);
    await expect(viewer.getByTestId('read-only-badge')).toBeVisible();
    await expect(viewer.getByRole('button', { name: '+ Table', exact: true })).toBeDisabled();
    await expect(owner.getByTestId('people-here')).toHaveAttribute('data-count', '1');

    expect(await dispatch(owner, { type: 'column.add', tableId: users.id, column: makeColumn({ name: 'seen_live' }) })).toBeUndefined();
    await expect.poll(() => columnNames(viewer, users.id), { timeout: 10_000 }).toContain('seen_live');
    await expect(viewer.locator('[data-testid="column-row"][data-column-name="seen_live"]')).toBeVisible();

    // The viewer's store refuses, so nothing is sent; the owner's document stays as it was.
    expect(await dispatch(viewer, { type: 'table.update', tableId: users.id, changes: { name: 'hacked' } })).toMatch(/Read-only/);
    await viewer.waitForTimeout(500);
    expect((await storeDoc(owner)).tables[users.id].name).toBe('users');
    await ownerContext.close();
    await viewer.context().close();
  });
});

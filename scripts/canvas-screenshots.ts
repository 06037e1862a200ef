/**
 * The README's canvas pictures, made the way a user gets them: a production build, the Import dialog,
 * the first layout, then Fit (the 300-table synthetic schema) and zoom 1 on `film` (pagila).
 *
 *   npx tsx scripts/canvas-screenshots.ts        (SKIP_BUILD=1 NEXT_DIST_DIR=... to reuse a build)
 *
 * Writes docs/canvas-overview-300.png, docs/canvas-pagila-zoom1.png and docs/canvas-live-presence.png
 * (a second person in the live session: their pointer, their selected table, "Live · 2 here").
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { chromiumOptions, startServer } from '../bench/support/next-server';
import { tableHeaderOnScreen, wheelZoomTo } from '../e2e/support/canvas-picture';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '..', 'shared');
const docs = path.join(root, 'docs');

async function importFile(page: Page, file: string, name: string) {
  await page.goto('/');
  await page.getByTestId('import-open').first().click();
  await page.getByRole('tab', { name: 'Files or folder' }).click();
  await page.getByTestId('import-files').setInputFiles(file);
  await page.getByTestId('import-preview').click();
  await page.getByTestId('import-create').waitFor({ timeout: 120_000 });
  await page.getByTestId('import-project-name').fill(name);
  await page.getByTestId('import-create').click();
  await page.waitForURL(/\/projects\/[^/]+$/, { timeout: 120_000 });
  await page.locator('.react-flow__node-table, [data-testid="table-map"]').first().waitFor({ state: 'attached', timeout: 60_000 });
  await page.waitForTimeout(1000);
}

async function main() {
  mkdirSync(docs, { recursive: true });
  const synthetic = mkdtempSync(path.join(os.tmpdir(), 'draftbase-shots-'));
  execFileSync(process.execPath, [path.join(shared, 'bench', 'gen-schema.mjs'), synthetic, '300'], { stdio: 'ignore' });
  const { url, proc } = await startServer({ distDir: process.env.NEXT_DIST_DIR ?? '.next-shots', build: process.env.SKIP_BUILD !== '1', log: console.log, testHooks: true });
  const browser = await chromium.launch(chromiumOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, baseURL: url });
    // The window.__name shim: tsx names functions passed to page.evaluate.
    await page.addInitScript({ content: 'window.__name = window.__name || ((f) => f);' });

    await importFile(page, path.join(synthetic, 'schema_300.pg.sql'), 'Synthetic 300 tables');
    await page.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(docs, 'canvas-overview-300.png') });

    await importFile(page, path.join(shared, 'corpus', 'postgres', 'pagila-schema.sql'), 'pagila');
    await page.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(500);
    const film = await page.evaluate(() => {
      const doc = (window as unknown as { __draftbaseStore: { getState(): { doc: { tables: Record<string, { id: string; name: string }> } } } }).__draftbaseStore.getState().doc;
      return Object.values(doc.tables).find((t) => t.name === 'film')!.id;
    });
    const at = await tableHeaderOnScreen(page, film);
    if (at) await wheelZoomTo(page, at, 1);
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(docs, 'canvas-pagila-zoom1.png') });

    // A second person joins the same project: the first sees their pointer and their selection.
    const other = await browser.newPage({ viewport: { width: 1600, height: 1000 }, baseURL: url });
    await other.goto(page.url());
    await other.getByTestId('save-status').and(other.locator('[data-live="live"]')).waitFor({ timeout: 30_000 });
    await other.locator('.react-flow__controls-fitview').click();
    await other.evaluate(() => {
      const store = (window as unknown as { __draftbaseStore: { getState(): { doc: { tables: Record<string, { id: string; name: string }> }; select(s: unknown): void } } }).__draftbaseStore;
      const actor = Object.values(store.getState().doc.tables).find((t) => t.name === 'actor')!;
      store.getState().select({ kind: 'tables', tableIds: [actor.id] });
    });
    const box = await page.getByTestId('canvas').boundingBox();
    if (box) await other.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.45, { steps: 8 });
    await page.locator('[data-testid="save-status"][data-here="2"]').waitFor({ timeout: 15_000 });
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(docs, 'canvas-live-presence.png') });
    console.log('wrote docs/canvas-overview-300.png, docs/canvas-pagila-zoom1.png, docs/canvas-live-presence.png');
  } finally {
    await browser.close();
    proc.kill();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * The Design doc tab and the Download menu, end to end on the production build.
 *
 * Where they are mounted (editor page, integrated by the lead): a tab named "Design doc" in the editor
 * (role=tab) shows <DesignDocTab/>; the toolbar holds <DownloadMenu projectId/> ("Download files" button).
 *
 * - fill the requirements and one narrative section, download DATABASE_DESIGN.md: both are in it;
 * - hostile names (`<img onerror>`, `<script>`) in the model and raw HTML in a narrative: the preview
 *   renders (mermaid included) and no script runs (window.__pwned stays undefined);
 * - the whole diagram downloads as SVG (every table) and PNG (a real PNG).
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { documentOf, makeColumn, makeRelationship, makeTable, scalar } from '../lib/model/build';
import type { Requirements } from '../lib/model/document';
import { createProjectViaApi, getProjectViaApi, uniqueName } from './support/api';

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';

function shopDocument() {
  const users = makeTable({
    id: 't_users',
    name: 'users',
    columns: [
      makeColumn({ id: 'c_users_id', name: 'id', type: scalar('bigint'), nullable: false }),
      makeColumn({ id: 'c_users_email', name: 'email', type: scalar('varchar', { length: 255 }), nullable: false, classification: 'confidential' }),
    ],
    primaryKey: { columnIds: ['c_users_id'] },
  });
  const orders = makeTable({
    id: 't_orders',
    name: 'orders',
    columns: [
      makeColumn({ id: 'c_orders_id', name: 'id', type: scalar('bigint'), nullable: false }),
      makeColumn({ id: 'c_orders_user', name: 'user_id', type: scalar('bigint'), nullable: false }),
    ],
    primaryKey: { columnIds: ['c_orders_id'] },
  });
  return documentOf({
    tables: [users, orders],
    relationships: [makeRelationship({ id: 'r_orders_user', fromTableId: 't_orders', toTableId: 't_users', columnPairs: [{ fromColumnId: 'c_orders_user', toColumnId: 'c_users_id' }] })],
  });
}

function hostileDocument() {
  const evil = makeTable({
    id: 't_evil',
    name: IMG,
    comment: `${SCRIPT} and ${IMG}`,
    columns: [
      makeColumn({ id: 'c_evil_id', name: 'id', type: scalar('integer'), nullable: false }),
      makeColumn({ id: 'c_evil_script', name: SCRIPT, comment: IMG, classification: 'confidential' }),
      makeColumn({ id: 'c_evil_pipe', name: 'a|b`c\nd' }),
    ],
    primaryKey: { columnIds: ['c_evil_id'] },
  });
  const other = makeTable({
    id: 't_other',
    name: SCRIPT,
    columns: [makeColumn({ id: 'c_other_ref', name: 'evil_id', type: scalar('integer'), nullable: false })],
  });
  const doc = documentOf({
    tables: [evil, other],
    relationships: [makeRelationship({ id: 'r_other', fromTableId: 't_other', toTableId: 't_evil', columnPairs: [{ fromColumnId: 'c_other_ref', toColumnId: 'c_evil_id' }] })],
  });
  doc.design.narrative.security = `Raw HTML in a narrative: ${IMG} ${SCRIPT} <a href="javascript:window.__pwned=1">link</a>`;
  return doc;
}

async function openDesignDoc(page: Page, projectId: string) {
  await page.goto(`/projects/${projectId}`);
  await page.getByRole('tab', { name: 'Design doc' }).click();
  await expect(page.getByTestId('design-doc-tab')).toBeVisible();
}

async function waitUntilSaved(page: Page, projectId: string, check: (doc: { design: { narrative: Record<string, string>; requirements: Requirements } }) => boolean) {
  await expect
    .poll(async () => check((await getProjectViaApi(page.request, projectId)).document as never), { timeout: 15_000 })
    .toBe(true);
}

test('fill the requirements and a narrative section, download DATABASE_DESIGN.md, find both in it', async ({ page }) => {
  const project = await createProjectViaApi(page.request, { name: uniqueName('Design doc'), document: shopDocument() });
  await openDesignDoc(page, project.id);

  // A number with its unit picker, and a note beside it.
  const note = `sessions included (${Date.now().toString(36)})`;
  await page.getByLabel('Data volume now', { exact: true }).fill('123');
  await page.getByLabel('Data volume now', { exact: true }).press('Enter');
  await page.getByLabel('Data volume now note', { exact: true }).fill(note);
  await page.getByLabel('Data volume now note', { exact: true }).press('Enter');
  await page.getByLabel('Workload', { exact: true }).selectOption('olap');
  await page.getByLabel('RPO (max data loss)', { exact: true }).fill('5');
  await page.getByLabel('RPO (max data loss)', { exact: true }).press('Enter');

  const narrative = 'We cache **product pages** in Redis for 60 seconds.';
  const caching = page.getByLabel('Caching Strategy (Markdown)');
  await caching.fill(narrative);
  await caching.blur();

  // The section preview renders the Markdown.
  await page.locator('[data-section="caching"]').getByRole('button', { name: 'Preview' }).click();
  await expect(page.locator('[data-section="caching"] strong')).toHaveText('product pages');

  await waitUntilSaved(page, project.id, (d) => d.design.narrative.caching === narrative && d.design.requirements.dataVolumeNow?.value === 123 && d.design.requirements.dataVolumeNow.unit === 'GB' && d.design.requirements.notes?.dataVolumeNow === note && d.design.requirements.rpoMinutes === 5);

  await page.getByRole('button', { name: 'Download files' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'DATABASE_DESIGN.md' }).click()]);
  expect(download.suggestedFilename()).toBe('DATABASE_DESIGN.md');
  const md = await readFile(await download.path(), 'utf8');
  expect(md).toContain(`### Caching Strategy\n\n${narrative}\n`);
  expect(md).toContain(`| Data volume now | 123 GB (${note}) |`);
  expect(md).toContain('| Workload | OLAP (analytical) |');
  // The RPO feeds the Backup & Recovery draft.
  expect(md).toMatch(/### Backup & Recovery\n\nRecovery point objective: 5 minutes\./);
  expect(md).toContain('```mermaid\nerDiagram');
});

test('hostile names and raw HTML: the preview renders and no script runs', async ({ page }) => {
  const project = await createProjectViaApi(page.request, { name: uniqueName('Hostile doc'), document: hostileDocument() });
  await openDesignDoc(page, project.id);
  await page.locator('[data-section="security"]').getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('tab', { name: 'Preview' }).click();
  const preview = page.getByTestId('design-doc-preview');
  await expect(preview).toHaveAttribute('data-rendered', 'true', { timeout: 30_000 });
  // The names show as text, the diagram is drawn, and nothing executed.
  await expect(preview.getByText(IMG, { exact: false }).first()).toBeVisible();
  await expect(preview.locator('.design-doc-mermaid svg').first()).toBeVisible();
  await expect(preview.locator('script, img[onerror], a[href^="javascript:"]')).toHaveCount(0);
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(preview.getByRole('heading', { level: 3, name: 'Backup & Recovery' })).toBeVisible();
});

// One download per test: Chrome holds back a second automatic download from the same page.
test('the mermaid ER diagram downloads as SVG', async ({ page }) => {
  const project = await createProjectViaApi(page.request, { name: uniqueName('Diagram'), document: shopDocument() });
  await openDesignDoc(page, project.id);
  await page.getByRole('button', { name: 'Download files' }).click();
  const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'ER diagram (mermaid) (SVG)' }).click()]);
  const svg = await readFile(await svgDownload.path(), 'utf8');
  expect(svg.startsWith('<svg')).toBe(true);
  expect(svg).toContain('users');
  expect(svg).toContain('orders');
});

test('the mermaid ER diagram downloads as PNG', async ({ page }) => {
  const project = await createProjectViaApi(page.request, { name: uniqueName('Diagram'), document: shopDocument() });
  await openDesignDoc(page, project.id);
  await page.getByRole('button', { name: 'Download files' }).click();
  const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'ER diagram (mermaid) (PNG)' }).click()]);
  expect(pngDownload.suggestedFilename()).toMatch(/\.png$/);
  const png = await readFile(await pngDownload.path());
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.length).toBeGreaterThan(2_000);
});

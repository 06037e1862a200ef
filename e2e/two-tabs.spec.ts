/**
 * Two tabs on one project (issue 11, "Friction"): a save in tab A is shown in tab B within seconds,
 * without B editing (it no longer says "Saved" over an old model); B's own edit to something else
 * merges with A's, both end up in B and on the server; an edit to the same thing is shown as a
 * conflict per element with both values, and the value the user picks is what gets saved.
 *
 * This is the REST saver's path (`?live=off`: live editing off or unreachable); two tabs in a live
 * session edit together instead (e2e/collab.spec.ts).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { documentOf, makeColumn, makeTable, scalar } from '../lib/model/build';
import type { SchemaDocument } from '../lib/model/document';
import { createProjectViaApi, getProjectViaApi, uniqueName } from './support/api';
import { ordersTable, usersTable } from './support/shop-tables';

function shopDocument(): SchemaDocument {
  const products = makeTable({ id: 't_products', name: 'products', columns: [makeColumn({ id: 'c_products_id', name: 'id', type: scalar('uuid'), nullable: false })], primaryKey: { columnIds: ['c_products_id'] } });
  const invoices = makeTable({ id: 't_invoices', name: 'invoices', columns: [makeColumn({ id: 'c_invoices_id', name: 'id', type: scalar('bigint'), nullable: false })] });
  const doc = documentOf({ dialect: 'postgres', tables: [usersTable(), ordersTable(), products, invoices] });
  doc.layout.tables = { t_users: { x: 0, y: 0 }, t_orders: { x: 420, y: 40 }, t_products: { x: 0, y: 260 }, t_invoices: { x: 420, y: 260 } };
  return doc;
}

const tableNode = (page: Page, name: string): Locator => page.locator(`[data-testid="table-node"][data-table-name="${name}"]`);
const saveStatus = (page: Page) => page.getByTestId('save-status');

async function open(page: Page, id: string) {
  await page.goto(`/projects/${encodeURIComponent(id)}?live=off`);
  await expect(tableNode(page, 'users')).toBeVisible();
  await expect(saveStatus(page)).toHaveAttribute('data-status', 'saved');
}

async function renameTable(page: Page, from: string, to: string) {
  await tableNode(page, from).locator('.db-table-header').dblclick();
  const input = page.getByLabel('Table name', { exact: true }).first();
  await input.fill(to);
  await input.press('Enter');
  await expect(tableNode(page, to)).toBeVisible();
}

async function serverTableNames(page: Page, id: string): Promise<string[]> {
  const doc = (await getProjectViaApi(page.request, id)).document as SchemaDocument;
  return Object.values(doc.tables).map((t) => t.name).sort();
}

test('a save in tab A shows in tab B without B editing; B merges its own edit with it', async ({ page: a, context }) => {
  const { id } = await createProjectViaApi(a.request, { name: uniqueName('two tabs'), document: shopDocument() });
  await open(a, id);
  const b = await context.newPage();
  await open(b, id);

  await renameTable(a, 'invoices', 'bills');
  await expect(saveStatus(a)).toHaveAttribute('data-status', 'saved', { timeout: 15_000 });

  // B learns of it by itself, within a few seconds, and no longer claims to be saved.
  const notice = b.getByTestId('remote-change');
  await expect(notice).toBeVisible({ timeout: 8000 });
  await expect(notice).toContainText('saved in another tab');
  await expect(saveStatus(b)).toHaveAttribute('data-status', 'behind');
  await expect(saveStatus(b)).toHaveText('Changed elsewhere');
  await expect(tableNode(b, 'invoices')).toBeVisible(); // still the old model until B takes theirs in

  // B edits something else: nothing is sent over A's save; B is asked, and the merge keeps both.
  await renameTable(b, 'products', 'goods');
  const dialog = b.getByTestId('conflict-dialog');
  await expect(dialog).toBeVisible({ timeout: 15_000 });
  await expect(dialog.getByTestId('merge-clean')).toContainText('touch different things');
  expect(await serverTableNames(b, id)).toEqual(['bills', 'orders', 'products', 'users']);
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(tableNode(b, 'bills')).toBeVisible();
  await expect(tableNode(b, 'goods')).toBeVisible();
  await expect(saveStatus(b)).toHaveAttribute('data-status', 'saved', { timeout: 15_000 });
  expect(await serverTableNames(b, id)).toEqual(['bills', 'goods', 'orders', 'users']);

  // The merge is one undo step in B.
  await expect(b.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', /Merge version \d+ saved elsewhere/);

  // Now A is the one behind: with no edits of its own, it loads B's merge.
  const noticeA = a.getByTestId('remote-change');
  await expect(noticeA).toBeVisible({ timeout: 8000 });
  await noticeA.getByRole('button', { name: 'Load their changes' }).click();
  await expect(tableNode(a, 'goods')).toBeVisible();
  await expect(noticeA).toHaveCount(0);
  await expect(saveStatus(a)).toHaveAttribute('data-status', 'saved');
});

test('the same table renamed in both tabs is shown as a conflict per element; the picked value is saved with the rest', async ({ page: a, context }) => {
  const { id } = await createProjectViaApi(a.request, { name: uniqueName('two tabs conflict'), document: shopDocument() });
  await open(a, id);
  const b = await context.newPage();
  await open(b, id);

  await renameTable(a, 'users', 'members');
  await renameTable(a, 'invoices', 'bills');
  await expect(saveStatus(a)).toHaveAttribute('data-status', 'saved', { timeout: 15_000 });
  await expect(b.getByTestId('remote-change')).toBeVisible({ timeout: 8000 });

  await renameTable(b, 'users', 'people');
  const dialog = b.getByTestId('conflict-dialog');
  await expect(dialog).toBeVisible({ timeout: 15_000 });
  const rows = dialog.getByTestId('merge-conflict');
  await expect(rows).toHaveCount(1);
  await expect(rows.getByTestId('merge-conflict-element')).toHaveText('table "people" · name');
  await expect(rows.getByTestId('merge-mine-value')).toHaveText('"people"');
  await expect(rows.getByTestId('merge-theirs-value')).toHaveText('"members"');
  // Nothing decided yet on the server.
  expect(await serverTableNames(b, id)).toEqual(['bills', 'members', 'orders', 'products']);

  // The user picks per element; everything else from both sides is kept.
  await expect(rows.getByRole('radio', { name: /Keep mine/ })).toBeChecked();
  await rows.getByRole('radio', { name: /Keep theirs/ }).check();
  await rows.getByRole('radio', { name: /Keep mine/ }).check();
  await dialog.getByRole('button', { name: 'Merge' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(tableNode(b, 'people')).toBeVisible();
  await expect(tableNode(b, 'bills')).toBeVisible();
  await expect(saveStatus(b)).toHaveAttribute('data-status', 'saved', { timeout: 15_000 });
  expect(await serverTableNames(b, id)).toEqual(['bills', 'orders', 'people', 'products']);
});

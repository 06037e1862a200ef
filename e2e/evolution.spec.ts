/**
 * Evolution (issue 17), end to end on the production build: save a named version, rename a column
 * and add an index, compare the version with the current design — the renamed column and the new
 * index are highlighted on the canvas and listed beside it — then download the migration and find
 * `RENAME COLUMN` and `CREATE INDEX CONCURRENTLY` in it. Restore brings the version back as one undo step.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { documentOf, makeColumn, makeRelationship, makeTable, scalar } from '../lib/model/build';
import type { SchemaDocument } from '../lib/model/document';
import { createProjectViaApi, saveProjectViaApi, uniqueName } from './support/api';

function shop(withRelationship = false): SchemaDocument {
  const users = makeTable({
    id: 't_users',
    name: 'users',
    columns: [
      makeColumn({ id: 'c_users_id', name: 'id', type: scalar('bigint'), nullable: false }),
      makeColumn({ id: 'c_users_email', name: 'email', type: scalar('varchar', { length: 200 }) }),
      makeColumn({ id: 'c_users_note', name: 'note', type: scalar('text') }),
    ],
    primaryKey: { columnIds: ['c_users_id'] },
  });
  const orders = makeTable({
    id: 't_orders',
    name: 'orders',
    columns: [makeColumn({ id: 'c_orders_id', name: 'id', type: scalar('bigint'), nullable: false })],
    primaryKey: { columnIds: ['c_orders_id'] },
  });
  if (withRelationship) orders.columns.push(makeColumn({ id: 'c_orders_user', name: 'user_id', type: scalar('bigint'), nullable: false }));
  const relationships = withRelationship ? [makeRelationship({ id: 'r_orders_user', fromTableId: 't_orders', toTableId: 't_users', columnPairs: [{ fromColumnId: 'c_orders_user', toColumnId: 'c_users_id' }] })] : [];
  const doc = documentOf({ dialect: 'postgres', tables: [users, orders], relationships });
  doc.layout.tables = { t_users: { x: 40, y: 40 }, t_orders: { x: 400, y: 40 } };
  return doc;
}

const tableNode = (page: Page, name: string) => page.locator(`[data-testid="table-node"][data-table-name="${name}"]`);
const columnRow = (page: Page, table: string, column: string) => tableNode(page, table).locator(`[data-testid="column-row"][data-column-name="${column}"]`);
const storeDoc = (page: Page) => page.evaluate(() => (window as unknown as { __draftbaseStore: { getState(): { doc: SchemaDocument } } }).__draftbaseStore.getState().doc);

test('save a version, rename a column and add an index, see both in the diff, download the migration', async ({ page }) => {
  const project = await createProjectViaApi(page.request, { name: uniqueName('evolution'), document: shop() });
  await page.goto(`/projects/${encodeURIComponent(project.id)}`);
  await expect(page.getByTestId('canvas')).toBeVisible();

  // 1. A named version of the design as it is.
  await page.getByTestId('versions-button').click();
  const panel = page.getByTestId('versions-panel');
  await panel.getByTestId('version-name').fill('release 1');
  await panel.getByTestId('version-save').click();
  const item = panel.locator('[data-testid="version-item"][data-version-name="release 1"]');
  await expect(item).toBeVisible();
  await expect(item).toContainText('2 tables');
  await expect(item).toContainText('0 relationships');

  // 2. Rename users.email to mail (inline on the canvas), add an index to users (inspector).
  await columnRow(page, 'users', 'email').locator('.db-col-name').dblclick();
  const name = tableNode(page, 'users').getByRole('textbox', { name: 'Column name' });
  await name.fill('mail');
  await name.press('Enter');
  await page.keyboard.press('Escape');
  await expect(columnRow(page, 'users', 'mail')).toBeVisible();
  await tableNode(page, 'users').locator('.db-table-header').click();
  await page.getByTestId('inspector').getByRole('button', { name: '+ Index' }).click();
  await expect.poll(async () => (await storeDoc(page)).tables.t_users.indexes.length).toBe(1);

  // 3. Compare the version with the current design: both changes highlighted and listed.
  await item.getByTestId('version-compare-current').click();
  await expect(page.getByTestId('review')).toHaveAttribute('data-kind', 'compare');
  await expect(tableNode(page, 'users')).toHaveAttribute('data-diff', 'changed');
  await expect(columnRow(page, 'users', 'mail')).toHaveAttribute('data-diff', 'changed');
  await expect(columnRow(page, 'users', 'mail')).toHaveAttribute('title', /name: email → mail/);
  await expect(tableNode(page, 'users').locator('[data-testid="diff-extra"][data-kind="index"]')).toHaveAttribute('data-diff', 'added');
  await expect(tableNode(page, 'orders')).not.toHaveAttribute('data-diff', /./);
  const list = page.getByTestId('diff-list');
  await expect(list.locator('[data-testid="diff-entry"][data-kind="column"][data-change="changed"]')).toContainText('email → mail');
  await expect(list.locator('[data-testid="diff-entry"][data-kind="index"][data-change="added"]')).toHaveCount(1);
  // Filter by kind, then click to focus: the column is selected on the compared canvas.
  await list.locator('[data-testid="diff-filter"][data-kind="column"]').click();
  await expect(list.getByTestId('diff-entry')).toHaveCount(1);
  await list.getByTestId('diff-entry').click();
  await expect(columnRow(page, 'users', 'mail')).toHaveClass(/is-selected/);

  // 4. The migration: up script with the rename and a concurrent index build, downloaded as SQL.
  await page.getByTestId('review-tab-migration').click();
  const tab = page.getByTestId('migration-tab');
  await expect(tab.getByTestId('migration-concurrently')).toBeChecked();
  await expect(tab.locator('[data-testid="migration-step"][data-kind="index.create"]')).toContainText('CONCURRENTLY');
  await expect(tab.getByTestId('migration-finding').first()).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), tab.getByTestId('migration-download-up').click()]);
  expect(download.suggestedFilename()).toMatch(/^release-1-to-current-design\.postgres\.up\.sql$/);
  const sql = await readFile((await download.path())!, 'utf8');
  expect(sql).toContain('RENAME COLUMN');
  expect(sql).toContain('CREATE INDEX CONCURRENTLY');

  // 5. Restore the version: one undo step brings the edited design back.
  await page.getByTestId('review-close').click();
  await item.getByTestId('version-restore').click();
  await expect(columnRow(page, 'users', 'email')).toBeVisible();
  expect((await storeDoc(page)).tables.t_users.indexes).toHaveLength(0);
  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(process.platform === 'darwin' ? 'Meta+z' : 'Control+z');
  await expect(columnRow(page, 'users', 'mail')).toBeVisible();
});

test('two versions compared: removed tables, columns and relationships are ghosts; a version opens read-only', async ({ page }) => {
  const v1 = shop(true);
  const project = await createProjectViaApi(page.request, { name: uniqueName('evolution-ghosts'), document: v1 });
  expect((await page.request.post(`/api/projects/${project.id}/versions`, { data: { name: 'with orders' } })).status()).toBe(201);
  const v2 = structuredClone(v1);
  delete v2.tables.t_orders;
  delete v2.layout.tables.t_orders;
  delete v2.relationships.r_orders_user;
  v2.tables.t_users.columns = v2.tables.t_users.columns.filter((c) => c.name !== 'note');
  await saveProjectViaApi(page.request, project.id, project.version, v2);
  expect((await page.request.post(`/api/projects/${project.id}/versions`, { data: { name: 'without orders' } })).status()).toBe(201);

  await page.goto(`/projects/${encodeURIComponent(project.id)}`);
  await expect(page.getByTestId('canvas')).toBeVisible();
  await expect(tableNode(page, 'orders')).toHaveCount(0);
  await page.getByTestId('versions-button').click();
  const panel = page.getByTestId('versions-panel');
  await expect(panel.getByTestId('version-item')).toHaveCount(2);
  await expect(panel.locator('[data-testid="version-item"][data-version-name="with orders"]')).toContainText('1 relationships');

  // Version against version.
  await panel.getByTestId('compare-from').selectOption({ label: 'with orders' });
  await panel.getByTestId('compare-to').selectOption({ label: 'without orders' });
  await panel.getByTestId('compare-pair').click();
  await expect(tableNode(page, 'orders')).toHaveAttribute('data-diff', 'removed');
  await expect(columnRow(page, 'users', 'note')).toHaveAttribute('data-diff', 'removed');
  await expect(page.locator('[data-relationship-id="r_orders_user"]')).toHaveAttribute('data-diff', 'removed');
  await expect(page.getByTestId('review-counts')).toContainText('0 added');
  // Removals only: the down script loses nothing, the up script says what it loses.
  await page.getByTestId('review-tab-migration').click();
  await expect(page.getByTestId('migration-tab')).toContainText('LOSES DATA');

  // One version opened read-only: its design is shown, edits are refused, the live design is untouched.
  await panel.locator('[data-testid="version-item"][data-version-name="with orders"]').getByTestId('version-open').click();
  await expect(page.getByTestId('review')).toHaveAttribute('data-kind', 'version');
  await expect(tableNode(page, 'orders')).toBeVisible();
  await expect(tableNode(page, 'orders')).not.toHaveAttribute('data-diff', /./);
  await columnRow(page, 'users', 'email').locator('.db-col-name').dblclick();
  const name = tableNode(page, 'users').getByRole('textbox', { name: 'Column name' });
  await name.fill('mail');
  await name.press('Enter');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('toast').filter({ hasText: 'read-only' }).first()).toBeVisible();
  await expect(columnRow(page, 'users', 'email')).toBeVisible();
  await page.getByTestId('review-close').click();
  await expect(tableNode(page, 'orders')).toHaveCount(0);
  expect(Object.keys((await storeDoc(page)).tables)).toEqual(['t_users']);
});

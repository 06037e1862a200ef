/**
 * Output that never refuses, in the browser: a document with a foreign key PostgreSQL rejects (it
 * references a column that is not unique) opens with the DDL panel showing the whole script, a
 * banner saying one statement was commented out and why (clicking the reason selects the
 * relationship), and the commented statement in the text; the panel's Download and the Download menu
 * (GET /api/projects/:id/export) both deliver that script as a file.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { documentOf, makeColumn, makeRelationship, makeTable, scalar } from '../lib/model/build';
import type { SchemaDocument } from '../lib/model/document';
import { createProjectViaApi, uniqueName } from './support/api';

const COMMENTED_FK = '-- ALTER TABLE "orders" ADD CONSTRAINT "orders_product_code_fkey" FOREIGN KEY ("product_code") REFERENCES "products" ("code");';

/** `orders.product_code -> products.code`, and `products.code` is no key: PostgreSQL rejects the foreign key. */
function referenceToNonUnique(): SchemaDocument {
  const products = makeTable({
    id: 't_products',
    name: 'products',
    columns: [makeColumn({ id: 'c_p_id', name: 'id', type: scalar('integer'), nullable: false }), makeColumn({ id: 'c_p_code', name: 'code', type: scalar('varchar', { length: 20 }) })],
    primaryKey: { columnIds: ['c_p_id'] },
  });
  const orders = makeTable({
    id: 't_orders',
    name: 'orders',
    columns: [makeColumn({ id: 'c_o_id', name: 'id', type: scalar('integer'), nullable: false }), makeColumn({ id: 'c_o_code', name: 'product_code', type: scalar('varchar', { length: 20 }) })],
    primaryKey: { columnIds: ['c_o_id'] },
  });
  const rel = makeRelationship({ id: 'r_orders_products', fromTableId: 't_orders', toTableId: 't_products', columnPairs: [{ fromColumnId: 'c_o_code', toColumnId: 'c_p_code' }] });
  const doc = documentOf({ dialect: 'postgres', tables: [products, orders], relationships: [rel] });
  doc.layout.tables = { t_products: { x: 40, y: 40 }, t_orders: { x: 420, y: 40 } };
  return doc;
}

async function open(page: Page): Promise<string> {
  const project = await createProjectViaApi(page.request, { name: uniqueName('never refuses'), document: referenceToNonUnique() });
  await page.goto(`/projects/${encodeURIComponent(project.id)}`);
  await expect(page.getByTestId('canvas')).toBeVisible();
  return project.name;
}

const banner = (page: Page) => page.getByTestId('ddl-commented-banner');
const ddlText = (page: Page) => page.getByTestId('ddl-text');

test('the DDL panel shows the script, a banner with the commented-out foreign key and its reason, and downloads the file', async ({ page }) => {
  await open(page);
  await expect(banner(page)).toBeVisible();
  await expect(banner(page)).toHaveAttribute('data-count', '1');
  await expect(banner(page)).toContainText('1 statement was commented out: PostgreSQL would reject it.');
  const item = banner(page).getByTestId('ddl-commented-statement');
  await expect(item).toContainText('ALTER TABLE "orders" ADD CONSTRAINT "orders_product_code_fkey"');
  await expect(item).toContainText('(code) of "products" is not its primary key or a unique constraint');
  // The script is all there: both tables, and the foreign key commented out under its error.
  await expect(ddlText(page)).toContainText('CREATE TABLE "orders" (');
  await expect(ddlText(page)).toContainText('-- error [fk.parent-key-not-unique] relationship "orders -> products"');
  await expect(ddlText(page)).toContainText(COMMENTED_FK);

  // The reason names the relationship: clicking it selects it.
  await item.getByRole('button', { name: /is not its primary key/ }).click();
  await expect(page.getByTestId('inspector').getByTestId('inspector-relationship')).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ddl-download').click()]);
  expect(download.suggestedFilename()).toMatch(/\.postgres\.sql$/);
  const sql = await readFile(await download.path(), 'utf8');
  expect(sql).toContain('-- 1 statement is commented out: PostgreSQL 16 would reject it');
  expect(sql).toContain('CREATE TABLE "products" (');
  expect(sql).toContain(COMMENTED_FK);
});

// One download per test: Chrome holds back a second automatic download from the same page.
test('the Download menu delivers the PostgreSQL DDL with the foreign key commented out, not an error', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Download files' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'PostgreSQL DDL (.sql)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.postgres\.sql$/);
  const sql = await readFile(await download.path(), 'utf8');
  expect(sql).toMatch(/^-- Draftbase: 1 error for this PostgreSQL script: .*what the target would reject \(commented out where it stands\)\.$/m);
  expect(sql).toContain('CREATE TABLE "orders" (');
  expect(sql).toContain(COMMENTED_FK);
});

/**
 * The side panels as a user drives them: select a column on the canvas, edit its type, nullability
 * and default in the inspector, give an index a partial WHERE clause, and watch the live DDL panel:
 * the WHERE appears in the PostgreSQL DDL, and MySQL (which has no partial indexes) reports it as a
 * diagnostic. Also: download matches the shown DDL, the help overlay lists the shortcuts.
 */
import { expect, test, type Page } from '@playwright/test';
import { createProjectViaApi } from './support/api';
import { ordersTable, usersTable } from './support/shop-tables';
import { syntheticDocument } from '../bench/synthetic';
import { documentOf, makeRelationship } from '../lib/model/build';

function smallDocument() {
  const users = usersTable();
  const orders = ordersTable();
  const rel = makeRelationship({
    id: 'r_orders_user',
    fromTableId: 't_orders',
    toTableId: 't_users',
    columnPairs: [{ fromColumnId: 'c_orders_user_id', toColumnId: 'c_users_id' }],
    onDelete: 'cascade',
  });
  const doc = documentOf({ dialect: 'postgres', tables: [users, orders], relationships: [rel] });
  doc.layout.tables = { t_users: { x: 0, y: 0 }, t_orders: { x: 400, y: 0 } };
  return doc;
}

async function openProject(page: Page, name: string): Promise<string> {
  const project = await createProjectViaApi(page.request, { name, document: smallDocument() });
  await page.goto(`/projects/${encodeURIComponent(project.id)}`);
  await expect(page.locator('[data-testid="table-node"][data-table-name="users"]')).toBeVisible();
  return project.id;
}

const inspector = (page: Page) => page.getByTestId('inspector');
const ddlText = (page: Page) => page.getByTestId('ddl-text');

test('inspector edits show up in the live DDL; a partial index is a MySQL diagnostic', async ({ page }) => {
  await openProject(page, 'Panels e2e');
  const ddlPanel = page.getByTestId('ddl-panel');
  await expect(ddlPanel).toBeVisible();
  await expect(page.getByTestId('ddl-dialect-select')).toHaveValue('postgres');
  await expect(ddlText(page)).toContainText('CREATE TABLE');
  await expect(ddlText(page)).toContainText('"email" text');
  // A small schema is generated at once on the main thread (no worker start-up delay).
  await expect(ddlPanel).toHaveAttribute('data-generated-on', 'main thread');

  // Select the column on the canvas: the inspector shows it.
  await page.locator('[data-testid="table-node"][data-table-name="users"] [data-testid="column-row"][data-column-name="email"]').click();
  const panel = inspector(page);
  await expect(panel.getByTestId('inspector-column')).toBeVisible();

  // Type: free text through the picker.
  const type = panel.getByLabel('Type', { exact: true });
  await type.fill('varchar(320)');
  await type.press('Enter');
  await expect(type).toHaveValue('varchar(320)');

  // Nullable off.
  await panel.getByLabel('Nullable').uncheck();

  // Default: a literal string.
  await panel.getByLabel('Default', { exact: true }).selectOption('literal');
  const value = panel.getByLabel('Default value');
  await value.fill("nobody's@example.com");
  await value.press('Enter');

  const emailLine = ddlText(page).filter({ hasText: 'varchar(320)' });
  await expect(emailLine).toBeVisible();
  const sql = await ddlText(page).innerText();
  const line = sql.split('\n').find((l) => l.includes('"email"'));
  expect(line).toMatch(/"email" varchar\(320\)/i);
  expect(line).toMatch(/NOT NULL/i);
  // The literal is quoted and its apostrophe escaped by the generator.
  expect(line).toContain("DEFAULT 'nobody''s@example.com'");

  // Select the index through the table pane and give it a WHERE clause.
  await panel.getByRole('button', { name: /← table users/ }).click();
  await expect(panel.getByTestId('inspector-table')).toBeVisible();
  await panel.getByRole('button', { name: 'Index users_email_idx' }).click();
  await expect(panel.getByTestId('inspector-index')).toBeVisible();
  const where = panel.getByLabel('Partial index WHERE');
  await where.fill("email <> ''");
  await where.press('Enter');

  await expect(ddlText(page)).toContainText(/CREATE INDEX "users_email_idx" ON "users"[^;]*WHERE[^;]*email <> ''/);

  // MySQL: no partial indexes, so the WHERE is reported, not silently dropped.
  await page.getByTestId('ddl-dialect-select').selectOption('mysql');
  await expect(ddlText(page)).toContainText('CREATE TABLE `users`');
  await expect(ddlText(page)).not.toContainText("WHERE email <> ''");
  const diagnostic = page.getByTestId('ddl-diagnostics').locator('li').filter({ hasText: 'users_email_idx' });
  await expect(diagnostic.first()).toBeVisible();
  await expect(diagnostic.first()).toContainText(/warning|error/i);

  // Download gives exactly the shown DDL, named after the project and dialect.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ddl-download').click()]);
  expect(download.suggestedFilename()).toBe('panels-e2e.mysql.sql');
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  expect(Buffer.concat(chunks).toString('utf8')).toBe(await ddlText(page).textContent());

  // Undo (Ctrl+Z on the page, not in a field) takes the WHERE away again.
  await page.locator('[data-testid="canvas"]').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await page.getByTestId('ddl-dialect-select').selectOption('postgres');
  await expect(ddlText(page)).not.toContainText('WHERE');
});

test('relationship pane edits ON DELETE and the FK in the DDL follows', async ({ page }) => {
  await openProject(page, 'Panels relationship');
  await page.locator('[data-testid="table-node"][data-table-name="orders"] [data-testid="column-row"][data-column-name="user_id"]').click();
  const panel = inspector(page);
  await panel.getByRole('button', { name: /← table orders/ }).click();
  await panel.getByRole('button', { name: /^Relationship / }).click();
  await expect(panel.getByTestId('inspector-relationship')).toBeVisible();
  await expect(ddlText(page)).toContainText(/FOREIGN KEY \("user_id"\) REFERENCES "users" \("id"\)[^;]*ON DELETE CASCADE/);
  await panel.getByLabel('On delete').selectOption('restrict');
  await expect(ddlText(page)).toContainText(/FOREIGN KEY \("user_id"\) REFERENCES "users" \("id"\)[^;]*ON DELETE RESTRICT/);
  await panel.getByLabel('Enforced (emit a FOREIGN KEY)').uncheck();
  await expect(ddlText(page)).not.toContainText('FOREIGN KEY');
});

test('table pane: a check, a composite unique and hash partitioning reach the DDL', async ({ page }) => {
  await openProject(page, 'Panels table pane');
  await page.locator('[data-testid="table-node"][data-table-name="orders"] [data-testid="column-row"][data-column-name="id"]').click();
  const panel = inspector(page);
  await panel.getByRole('button', { name: /← table orders/ }).click();
  await expect(panel.getByTestId('inspector-table')).toBeVisible();

  await panel.getByRole('button', { name: /^Checks/ }).click();
  await panel.getByRole('button', { name: '+ Check' }).click();
  const check = panel.getByLabel('Check expression');
  await check.fill('id > 0');
  await check.press('Enter');
  await expect(ddlText(page)).toContainText(/CONSTRAINT "orders_check" CHECK \(id > 0\)/);

  // A new unique starts on no column (issue 11): pick both.
  await panel.getByRole('button', { name: '+ Unique' }).click();
  await panel.getByLabel('Add column to Unique columns').selectOption({ label: 'id' });
  await panel.getByLabel('Add column to Unique columns').selectOption({ label: 'user_id' });
  await expect(ddlText(page)).toContainText(/UNIQUE \("id", "user_id"\)/);

  await panel.getByRole('button', { name: /^Partitioning/ }).click();
  await panel.getByLabel('Partition strategy').selectOption('hash');
  await panel.getByRole('button', { name: '+ Partition' }).click();
  await expect(ddlText(page)).toContainText(/PARTITION BY HASH \("id"\)/);
  await expect(ddlText(page)).toContainText(/PARTITION OF "orders"[^;]*MODULUS 1, REMAINDER 0/);
});

test('document pane: a view and a domain added in the inspector reach the PostgreSQL DDL', async ({ page }) => {
  await openProject(page, 'Panels views and domains');
  const panel = inspector(page);
  await expect(ddlText(page)).toContainText('CREATE TABLE');
  await expect(ddlText(page)).not.toContainText('CREATE VIEW');

  await panel.getByRole('button', { name: /^Views/ }).click();
  await panel.getByRole('button', { name: '+ View' }).click();
  const view = panel.getByRole('group', { name: 'View view_1' });
  await expect(view.getByLabel('View SQL')).toHaveValue('SELECT 1');
  await view.getByLabel('View SQL').fill('SELECT id FROM users');
  await view.getByLabel('View SQL').press('Control+Enter');
  await expect(ddlText(page)).toContainText(/CREATE VIEW "view_1" AS\s+SELECT id FROM users/);
  await view.getByLabel('Materialized').check();
  await expect(ddlText(page)).toContainText(/CREATE MATERIALIZED VIEW "view_1" AS\s+SELECT id FROM users/);

  await panel.getByRole('button', { name: /^Domains/ }).click();
  await panel.getByRole('button', { name: '+ Domain' }).click();
  await expect(ddlText(page)).toContainText(/CREATE DOMAIN "domain_1" AS text/);
  const domain = panel.getByRole('group', { name: 'Domain domain_1' });
  const baseType = domain.getByLabel('Domain base type');
  await baseType.fill('varchar(64)');
  await baseType.press('Enter');
  await domain.getByRole('button', { name: '+ Domain check' }).click();
  const check = domain.getByLabel('Domain check expression');
  await check.fill("VALUE <> ''");
  await check.press('Enter');
  await expect(ddlText(page)).toContainText(/CREATE DOMAIN "domain_1" AS varchar\(64\)[^;]*CONSTRAINT "domain_1_check" CHECK \(VALUE <> ''\)/);

  // Removing the view takes it out of the DDL again.
  await view.getByRole('button', { name: 'Remove view view_1' }).click();
  await expect(ddlText(page)).not.toContainText('VIEW "view_1"');
});

test('a large schema is generated in the Web Worker of the production bundle', async ({ page }) => {
  const doc = syntheticDocument({ tables: 300 });
  const project = await createProjectViaApi(page.request, { name: 'Panels 300 tables', document: doc });
  await page.goto(`/projects/${encodeURIComponent(project.id)}`);
  const ddlPanel = page.getByTestId('ddl-panel');
  await expect(ddlPanel).toHaveAttribute('data-generated-on', 'worker', { timeout: 30_000 });
  await expect(ddlPanel).toHaveAttribute('aria-busy', 'false');
  // Over 3,000 lines the text is windowed: the first table is in view, the whole DDL is downloadable.
  const first = Object.values(doc.tables)[0].name;
  const last = Object.values(doc.tables).at(-1)?.name ?? '';
  await expect(ddlText(page)).toHaveAttribute('data-windowed', 'true');
  await expect(ddlText(page)).toContainText(`CREATE TABLE "${first}"`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ddl-download').click()]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  const sql = Buffer.concat(chunks).toString('utf8');
  expect(sql.match(/^CREATE TABLE /gm)).toHaveLength(300);
  expect(sql).toContain(`CREATE TABLE "${last}"`);
});

test('the help overlay lists the shortcuts and closes with Escape', async ({ page }) => {
  await openProject(page, 'Panels help');
  await page.locator('[data-testid="canvas"]').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Undo');
  await expect(dialog).toContainText('Search tables and columns');
  // Moving the selected column (Alt+Up/Down) is listed with its keys: the overlay reads the same
  // list of actions as the keyboard, so no shortcut can be missing from it.
  for (const [label, arrow] of [['Move the selected column up', '↑'], ['Move the selected column down', '↓']]) {
    const row = dialog.locator('[data-action]').filter({ hasText: label });
    await expect(row).toHaveCount(1);
    await expect(row.locator('kbd')).toHaveText(['Alt', arrow]);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByTestId('help-button').click();
  await expect(dialog).toBeVisible();
});

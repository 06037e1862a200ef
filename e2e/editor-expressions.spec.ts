/**
 * Expressions in the editor (issue 11, "Wrong results"): a new check starts empty and what is typed
 * is the expression; an expression that does not parse (PostgreSQL's own parser, loaded in the page
 * as WebAssembly) is a diagnostic with its line and column; renaming a column rewrites the partial
 * index predicate, the check and the view that name it (one undo step); removing a column flags the
 * check that used it.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { documentOf, makeColumn, makeIndex, makeTable, scalar } from '../lib/model/build';
import type { SchemaDocument, Table } from '../lib/model/document';
import { createProjectViaApi, uniqueName } from './support/api';

function orders(extra: Partial<Table> = {}): Table {
  return makeTable({
    id: 't_orders',
    name: 'orders',
    columns: [
      makeColumn({ id: 'c_id', name: 'id', type: scalar('bigint'), nullable: false }),
      makeColumn({ id: 'c_status', name: 'status', type: scalar('text'), nullable: false }),
      makeColumn({ id: 'c_quantity', name: 'quantity', type: scalar('integer'), nullable: false }),
    ],
    primaryKey: { columnIds: ['c_id'] },
    ...extra,
  });
}

async function open(page: Page, doc: SchemaDocument) {
  const project = await createProjectViaApi(page.request, { name: uniqueName('expressions'), document: doc });
  await page.goto(`/projects/${encodeURIComponent(project.id)}`);
  await expect(page.getByTestId('canvas')).toBeVisible();
}

const tableNode = (page: Page, name: string): Locator => page.locator(`[data-testid="table-node"][data-table-name="${name}"]`);
const columnRow = (page: Page, table: string, column: string): Locator => tableNode(page, table).locator(`[data-testid="column-row"][data-column-name="${column}"]`);
const ddl = (page: Page) => page.getByTestId('ddl-text');
const diagnostics = (page: Page) => page.getByTestId('ddl-diagnostics');
/** One item per diagnostic (the list groups them by severity and code). */
const diagnosticItems = (page: Page) => page.getByTestId('ddl-diagnostic');
const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

test('+ Check starts empty; what is typed is the expression; a broken one is a diagnostic with its position', async ({ page }) => {
  await open(page, documentOf({ dialect: 'postgres', tables: [orders()] }));
  await tableNode(page, 'orders').locator('.db-table-header').click();
  const inspector = page.getByTestId('inspector');
  await inspector.getByRole('button', { name: 'Checks (0)' }).click();
  await inspector.getByRole('button', { name: '+ Check' }).click();
  const expression = inspector.getByRole('textbox', { name: 'Check expression' });
  await expect(expression).toHaveValue('');
  await expect(expression).toHaveAttribute('placeholder', 'quantity > 0');
  // Empty: left out of the script, and said so (not `CHECK ()`, not `CHECK (true)`).
  await expect(diagnostics(page)).toContainText('has no expression yet');
  await expect(ddl(page)).not.toContainText('CHECK (');

  await expression.click();
  await page.keyboard.type('quantity > 0');
  await page.keyboard.press('Enter');
  await expect(ddl(page)).toContainText('CHECK (quantity > 0)');
  await expect(ddl(page)).not.toContainText('truequantity');
  await expect(diagnosticItems(page).filter({ hasText: 'has no expression yet' })).toHaveCount(0);

  await expression.fill('quantity > > 0');
  await expression.press('Enter');
  // The diagnostic's own item (whatever the list's grouping) carries its severity.
  const syntax = diagnosticItems(page).filter({ hasText: 'does not parse' });
  await expect(syntax).toContainText('check "orders_check" on orders does not parse: syntax error at or near ">" (line 1, column 12 of the expression)');
  await expect(syntax).toHaveAttribute('data-severity', 'error');
});

test('renaming orders.status rewrites the partial index, the check and the view; one undo takes all back', async ({ page }) => {
  const table = orders({
    checks: [{ id: 'k_status', name: 'orders_status_check', expression: "status IN ('open', 'paid')" }],
    indexes: [makeIndex({ id: 'i_open', name: 'orders_open_idx', parts: [{ kind: 'column', columnId: 'c_id' }], where: "status = 'open'" })],
  });
  const view = { id: 'v_open', name: 'open_orders', sql: "SELECT o.id, o.status FROM orders o WHERE o.status = 'open'", dialect: 'postgres' as const, materialized: false };
  await open(page, documentOf({ dialect: 'postgres', tables: [table], views: [view] }));
  await expect(ddl(page)).toContainText(`WHERE status = 'open'`);

  // Inline rename on the canvas node.
  await columnRow(page, 'orders', 'status').locator('.db-col-name').dblclick();
  const name = tableNode(page, 'orders').getByRole('textbox', { name: 'Column name' });
  await name.fill('state');
  await name.press('Escape').catch(() => undefined);
  await expect(columnRow(page, 'orders', 'status')).toHaveCount(1); // Escape cancelled
  await columnRow(page, 'orders', 'status').locator('.db-col-name').dblclick();
  await name.fill('state');
  await name.press('Enter');
  await page.keyboard.press('Escape');
  await expect(columnRow(page, 'orders', 'state')).toBeVisible();
  await expect(ddl(page)).toContainText(`WHERE state = 'open'`);
  await expect(ddl(page)).toContainText(`CHECK (state IN ('open', 'paid'))`);
  await expect(ddl(page)).toContainText(`SELECT o.id, o.state FROM orders o WHERE o.state = 'open'`);
  await expect(ddl(page)).not.toContainText('status =');
  await expect(diagnosticItems(page).filter({ hasText: 'no column' })).toHaveCount(0);

  // One undo step: the name and every rewritten expression come back together.
  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(`${mod}+z`);
  await expect(columnRow(page, 'orders', 'status')).toBeVisible();
  await expect(ddl(page)).toContainText(`WHERE status = 'open'`);
  await expect(ddl(page)).toContainText(`SELECT o.id, o.status FROM orders o`);

  // The inspector's rename does the same.
  await columnRow(page, 'orders', 'status').click();
  const field = page.getByTestId('inspector').getByRole('textbox', { name: 'Column name' });
  await field.fill('state');
  await field.press('Enter');
  await expect(ddl(page)).toContainText(`WHERE state = 'open'`);
  await expect(ddl(page)).toContainText(`SELECT o.id, o.state FROM orders o`);

  // A table rename rewrites the view body's FROM.
  await page.getByTestId('inspector').getByRole('button', { name: '← table orders' }).click();
  const tableName = page.getByTestId('inspector').getByRole('textbox', { name: 'Table name' });
  await tableName.fill('purchases');
  await tableName.press('Enter');
  await expect(ddl(page)).toContainText(`SELECT o.id, o.state FROM purchases o`);
});

test('removing a column used by a check flags the check', async ({ page }) => {
  await open(page, documentOf({ dialect: 'postgres', tables: [orders({ checks: [{ id: 'k_qty', name: 'orders_quantity_check', expression: 'quantity > 0' }] })] }));
  await expect(ddl(page)).toContainText('CHECK (quantity > 0)');
  await columnRow(page, 'orders', 'quantity').click();
  await page.getByTestId('inspector-column').getByRole('button', { name: 'Delete' }).click();
  await expect(columnRow(page, 'orders', 'quantity')).toHaveCount(0);
  const flagged = diagnosticItems(page).filter({ hasText: 'orders_quantity_check' });
  await expect(flagged).toContainText('check "orders_quantity_check" on orders: orders has no column "quantity" (line 1, column 1 of the expression)');
  await expect(flagged).toHaveAttribute('data-severity', 'error');
});

test('a large schema (DDL in the Web Worker) gets the same expression diagnostics: the worker loads the WASM parser too', async ({ page }) => {
  // 250 tables of 12 columns: over the main-thread weight, so the panel generates in the worker.
  const tables = Array.from({ length: 250 }, (_, t) =>
    makeTable({
      id: `t${t}`,
      name: `table_${t}`,
      columns: Array.from({ length: 12 }, (_, c) => makeColumn({ id: `t${t}c${c}`, name: `col_${c}`, type: scalar('integer') })),
      checks: t === 7 ? [{ id: 'k_broken', name: 'table_7_check', expression: 'col_1 >' }] : [],
    }),
  );
  await open(page, documentOf({ dialect: 'postgres', tables }));
  await expect(page.getByTestId('ddl-panel')).toHaveAttribute('data-generated-on', 'worker', { timeout: 30_000 });
  await expect(diagnostics(page)).toContainText('check "table_7_check" on table_7 does not parse: syntax error at end of input (line 1, column 8 of the expression)', { timeout: 30_000 });
});

test('MySQL: the MySQL grammar loads in the page too; a check that does not parse is flagged with its position', async ({ page }) => {
  await open(page, documentOf({ dialect: 'mysql', tables: [orders({ checks: [{ id: 'k_qty', name: 'orders_quantity_check', expression: 'quantity >' }] })] }));
  await expect(diagnostics(page)).toContainText('check "orders_quantity_check" on orders does not parse with the MySQL grammar used here (check it on the engine): syntax error: unexpected end of input (line 1, column 11 of the expression)');
});

test('the production render API (compute worker) parses expressions too: a broken check is commented out with its position', async ({ request }) => {
  const doc = documentOf({ dialect: 'postgres', tables: [orders({ checks: [{ id: 'k_qty', name: 'orders_quantity_check', expression: 'quantity > > 0' }] })] });
  const res = await request.post('/api/render', { data: { document: doc, format: 'postgres' } });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body).toMatchObject({ errors: 1, commentedOut: 1 });
  const message = 'check "orders_quantity_check" on orders does not parse: syntax error at or near ">" (line 1, column 12 of the expression)';
  expect(body.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', code: 'expression.syntax', message }));
  expect(body.text).toContain(`-- error [expression.syntax] ${message}`);
  expect(body.text).toContain('-- ALTER TABLE "orders" ADD CONSTRAINT "orders_quantity_check" CHECK (quantity > > 0);');
  // Fixed, nothing is commented out.
  doc.tables.t_orders.checks[0].expression = 'quantity > 0';
  const ok = await (await request.post('/api/render', { data: { document: doc, format: 'postgres' } })).json();
  expect(ok).toMatchObject({ errors: 0, commentedOut: 0 });
  expect(ok.text).toContain('CONSTRAINT "orders_quantity_check" CHECK (quantity > 0)');
});

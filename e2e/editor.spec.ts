/**
 * The canvas editor as a user drives it, in Chromium against the production build: create tables
 * and columns on the canvas, connect two tables by dragging between column handles and see the
 * foreign key in the DDL panel, a partial index in PostgreSQL DDL and as a MySQL diagnostic, undo
 * and redo (a drag is one step), auto-layout in the worker, search and focus, reload and find
 * everything as left, a save from a second tab producing the 409 choice with nothing lost, an
 * offline save kept and retried, delete with confirmation, copy and paste.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { documentOf, makeColumn, makeTable, scalar } from '../lib/model/build';
import { emptyDocument } from '../lib/model/empty';
import type { SchemaDocument } from '../lib/model/document';
import { createProjectViaApi, getProjectViaApi, saveProjectViaApi, uniqueName } from './support/api';
import { ordersTable, usersTable } from './support/shop-tables';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

function shopDocument(): SchemaDocument {
  const users = usersTable();
  const orders = ordersTable();
  const products = makeTable({ id: 't_products', name: 'products', columns: [makeColumn({ id: 'c_products_id', name: 'id', type: scalar('uuid'), nullable: false })], primaryKey: { columnIds: ['c_products_id'] } });
  const invoices = makeTable({ id: 't_invoices', name: 'invoices', columns: [makeColumn({ id: 'c_invoices_id', name: 'id', type: scalar('bigint'), nullable: false })] });
  const doc = documentOf({ dialect: 'postgres', tables: [users, orders, products, invoices] });
  doc.layout.tables = { t_users: { x: 0, y: 0 }, t_orders: { x: 420, y: 40 }, t_products: { x: 0, y: 260 }, t_invoices: { x: 420, y: 260 } };
  return doc;
}

/** `live: false` opens the editor on its REST saver (`?live=off`), as when live editing is off or unreachable. */
async function openProject(page: Page, doc: SchemaDocument, name = uniqueName('editor'), opts: { live?: boolean } = {}): Promise<string> {
  const project = await createProjectViaApi(page.request, { name, document: doc });
  await page.goto(`/projects/${encodeURIComponent(project.id)}${opts.live === false ? '?live=off' : ''}`);
  await expect(page.getByTestId('canvas')).toBeVisible();
  return project.id;
}

const tableNode = (page: Page, name: string): Locator => page.locator(`[data-testid="table-node"][data-table-name="${name}"]`);
const columnRow = (page: Page, table: string, column: string): Locator => tableNode(page, table).locator(`[data-testid="column-row"][data-column-name="${column}"]`);
const saveStatus = (page: Page) => page.getByTestId('save-status');

/** The document as the page's store holds it (the store is exposed read-only for tests and benches). */
async function storeDoc(page: Page): Promise<SchemaDocument> {
  return page.evaluate(() => (window as unknown as { __draftbaseStore: { getState(): { doc: SchemaDocument } } }).__draftbaseStore.getState().doc);
}

async function expectSaved(page: Page) {
  await expect(saveStatus(page)).toHaveAttribute('data-status', 'saved', { timeout: 15_000 });
}

async function dragBetween(page: Page, from: Locator, to: Locator) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 10, { steps: 8 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

test('create tables and columns on the canvas; reload finds everything as left', async ({ page }) => {
  const id = await openProject(page, emptyDocument('postgres'));
  await page.getByRole('button', { name: '+ Table' }).click();
  const t1 = tableNode(page, 'table_1');
  await expect(t1).toBeVisible();

  // A new table opens its name for typing right away (elsewhere: double-click the header).
  const nameInput = t1.getByLabel('Table name', { exact: true });
  await expect(nameInput).toBeFocused();
  await nameInput.fill('customers');
  await nameInput.press('Enter');
  await expect(tableNode(page, 'customers')).toBeVisible();

  // Add a column with the node's + button, name it, set its type by typing.
  await tableNode(page, 'customers').getByRole('button', { name: 'Add column to customers' }).click();
  const colInput = page.getByLabel('Column name', { exact: true }).first();
  await colInput.fill('email');
  await colInput.press('Enter');
  await expect(columnRow(page, 'customers', 'email')).toBeVisible();
  // Enter on the name opens the type (the keyboard path); a click elsewhere commits it.
  const typeInput = tableNode(page, 'customers').getByLabel('Column type', { exact: true });
  await expect(typeInput).toBeFocused();
  await typeInput.fill('varchar(255)');
  await typeInput.blur();
  await expect(columnRow(page, 'customers', 'email').locator('.db-col-type')).toHaveText('varchar(255)');
  // NOT NULL toggle on the row.
  await columnRow(page, 'customers', 'email').getByRole('button', { name: 'email nullable' }).click();
  await expect(columnRow(page, 'customers', 'email').getByRole('button', { name: 'email not null' })).toBeVisible();

  // A second table with the keyboard shortcut (N) somewhere else on the canvas.
  await page.getByTestId('canvas').click({ position: { x: 100, y: 100 } });
  await page.keyboard.press('n');
  await expect(tableNode(page, 'table_2')).toBeVisible();

  await expectSaved(page);
  const before = await storeDoc(page);
  await page.reload();
  await expect(tableNode(page, 'customers')).toBeVisible();
  await expect(tableNode(page, 'table_2')).toBeVisible();
  await expect(columnRow(page, 'customers', 'email').locator('.db-col-type')).toHaveText('varchar(255)');
  const after = await storeDoc(page);
  expect(after).toEqual(before);
  const saved = await getProjectViaApi(page.request, id);
  expect(saved.document).toEqual(before);
  const customers = Object.values(after.tables).find((t) => t.name === 'customers')!;
  expect(customers.columns.map((c) => [c.name, c.nullable])).toEqual([
    ['id', false],
    ['email', false],
  ]);
  expect(customers.columns[1].type).toMatchObject({ kind: 'scalar', name: 'varchar', length: 255 });
});

test('connect two tables by dragging between columns; the foreign key shows in the DDL panel', async ({ page }) => {
  await openProject(page, shopDocument());
  await expect(page.getByTestId('ddl-panel')).toBeVisible();
  await expect(page.getByTestId('ddl-text')).not.toContainText('FOREIGN KEY');
  await columnRow(page, 'orders', 'user_id').hover();
  await dragBetween(page, columnRow(page, 'orders', 'user_id').locator('.react-flow__handle-left'), columnRow(page, 'users', 'id').locator('.react-flow__handle-right'));
  await expect(page.locator('[data-testid="relationship-layer"] [data-relationship-id]')).toHaveCount(1);
  await expect(page.getByTestId('ddl-text')).toContainText('FOREIGN KEY');
  await expect(page.getByTestId('ddl-text')).toContainText('REFERENCES "users"');
  const doc = await storeDoc(page);
  const rels = Object.values(doc.relationships);
  expect(rels).toHaveLength(1);
  expect(rels[0]).toMatchObject({ fromTableId: 't_orders', toTableId: 't_users', columnPairs: [{ fromColumnId: 'c_orders_user_id', toColumnId: 'c_users_id' }] });
  // The FK column is marked on the node; undo removes the edge in one step.
  await expect(columnRow(page, 'orders', 'user_id').locator('.db-key')).toHaveText('FK');
  await page.keyboard.press(`${mod}+z`);
  await expect(page.locator('[data-testid="relationship-layer"] [data-relationship-id]')).toHaveCount(0);
});

test('an index WHERE clause is in the PostgreSQL DDL and a diagnostic for MySQL', async ({ page }) => {
  await openProject(page, shopDocument());
  await tableNode(page, 'users').locator('.db-table-header').click();
  const inspector = page.getByTestId('inspector');
  await inspector.getByRole('button', { name: 'Index users_email_idx' }).click();
  const where = inspector.getByLabel('Partial index WHERE');
  await where.fill('email IS NOT NULL');
  await where.press('Enter');
  await expect(page.getByTestId('ddl-text')).toContainText('WHERE email IS NOT NULL');
  await page.getByTestId('ddl-dialect-select').selectOption('mysql');
  await expect(page.getByTestId('ddl-diagnostics').locator('li').filter({ hasText: 'users_email_idx' }).filter({ hasText: /partial index/i })).toBeVisible();
  // The MySQL DDL itself has no WHERE: nothing is emitted that MySQL would reject.
  await expect(page.getByTestId('ddl-text')).not.toContainText('WHERE email IS NOT NULL');
});

test('undo and redo every edit; a drag is one step', async ({ page }) => {
  await openProject(page, shopDocument());
  const header = tableNode(page, 'products').locator('.db-table-header');
  await header.dblclick();
  const input = page.getByLabel('Table name', { exact: true }).first();
  await input.fill('items');
  await input.press('Enter');
  await expect(tableNode(page, 'items')).toBeVisible();

  // Drag the table by its header: many intermediate positions, one history entry.
  const box = (await tableNode(page, 'items').boundingBox())!;
  await page.mouse.move(box.x + 60, box.y + 15);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 60 + i * 20, box.y + 15 + i * 10);
  await page.mouse.up();
  await expect.poll(async () => (await storeDoc(page)).layout.tables.t_products.x).toBeGreaterThan(100);
  const moved = (await storeDoc(page)).layout.tables.t_products;
  expect(await page.evaluate(() => (window as unknown as { __draftbaseStore: { getState(): { past: unknown[] } } }).__draftbaseStore.getState().past.length)).toBe(2);

  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(async () => (await storeDoc(page)).layout.tables.t_products).toEqual({ x: 0, y: 260 });
  await expect(tableNode(page, 'items')).toBeVisible();
  await page.keyboard.press(`${mod}+z`);
  await expect(tableNode(page, 'products')).toBeVisible();
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(tableNode(page, 'items')).toBeVisible();
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect.poll(async () => (await storeDoc(page)).layout.tables.t_products).toEqual(moved);
  await expect(page.getByRole('button', { name: 'Redo' })).toBeDisabled();
});

test('auto-layout runs in the worker, shows progress, applies as one undo step', async ({ page }) => {
  const doc = shopDocument();
  // Everything stacked at the origin, with two relationships to lay out along.
  for (const id of Object.keys(doc.layout.tables)) doc.layout.tables[id] = { x: 0, y: 0 };
  doc.tables.t_orders.columns.push(makeColumn({ id: 'c_orders_product', name: 'product_id', type: scalar('uuid'), nullable: false }));
  doc.relationships = {
    r1: { id: 'r1', fromTableId: 't_orders', toTableId: 't_users', columnPairs: [{ fromColumnId: 'c_orders_user_id', toColumnId: 'c_users_id' }], onDelete: 'no action', onUpdate: 'no action', enforced: true },
    r2: { id: 'r2', fromTableId: 't_orders', toTableId: 't_products', columnPairs: [{ fromColumnId: 'c_orders_product', toColumnId: 'c_products_id' }], onDelete: 'no action', onUpdate: 'no action', enforced: true },
  };
  await openProject(page, doc);
  await page.getByRole('button', { name: /Auto-layout/ }).click();
  await page.getByRole('menuitem', { name: 'Lay out everything' }).click();
  await expect(page.getByTestId('layout-status')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  const laid = (await storeDoc(page)).layout.tables;
  const boxes = Object.entries(laid).map(([id, p]) => ({ id, ...p }));
  // No two tables share a spot any more; children sit left of the tables they reference.
  expect(new Set(boxes.map((b) => `${b.x},${b.y}`)).size).toBe(4);
  expect(laid.t_orders.x).toBeLessThan(laid.t_users.x);
  expect(laid.t_orders.x).toBeLessThan(laid.t_products.x);
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(async () => Object.values((await storeDoc(page)).layout.tables).every((p) => p.x === 0 && p.y === 0)).toBe(true);
});

test('search (Ctrl/Cmd+K) finds a column and focuses its table', async ({ page }) => {
  const doc = shopDocument();
  doc.layout.tables.t_invoices = { x: 5000, y: 4000 }; // far off-screen
  doc.layout.viewport = { x: 40, y: 40, zoom: 1 }; // a stored view is restored instead of fitting everything
  await openProject(page, doc);
  await expect(tableNode(page, 'invoices')).toHaveCount(0); // not rendered while off-screen
  await page.keyboard.press(`${mod}+k`);
  const dialog = page.getByRole('dialog', { name: 'Search tables and columns' });
  await dialog.getByLabel('Search').fill('invoi');
  await expect(dialog.getByRole('option').first()).toContainText('invoices');
  await dialog.getByLabel('Search').press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(tableNode(page, 'invoices')).toBeInViewport();
  await expect(tableNode(page, 'invoices')).toHaveClass(/is-selected/);
  await expect(page.getByTestId('inspector')).toContainText('invoices');
});

test('a save from a second tab produces the 409 choice; keeping mine as a copy loses nothing', async ({ page, context }) => {
  // The REST saver's conflict path (live editing off); live sessions merge instead (e2e/collab.spec.ts).
  const id = await openProject(page, shopDocument(), uniqueName('conflict'), { live: false });
  const other = await context.newPage();
  await other.goto(`/projects/${encodeURIComponent(id)}?live=off`);
  await expect(tableNode(other, 'users')).toBeVisible();

  // The other tab saves first.
  await tableNode(other, 'invoices').locator('.db-table-header').dblclick();
  await other.getByLabel('Table name', { exact: true }).first().fill('bills');
  await other.getByLabel('Table name', { exact: true }).first().press('Enter');
  await expectSaved(other);

  // This tab edits the version it loaded: the save is refused, the choice is shown.
  await tableNode(page, 'products').locator('.db-table-header').dblclick();
  await page.getByLabel('Table name', { exact: true }).first().fill('goods');
  await page.getByLabel('Table name', { exact: true }).first().press('Enter');
  const dialog = page.getByTestId('conflict-dialog');
  await expect(dialog).toBeVisible({ timeout: 15_000 });
  await expect(saveStatus(page)).toHaveAttribute('data-status', 'conflict');
  // Theirs is untouched on the server.
  const theirs = (await getProjectViaApi(page.request, id)).document as SchemaDocument;
  expect(Object.values(theirs.tables).map((t) => t.name).sort()).toEqual(['bills', 'orders', 'products', 'users']);

  await dialog.getByRole('button', { name: 'Keep mine as a copy' }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/projects/') && !url.pathname.endsWith(encodeURIComponent(id)));
  await expect(tableNode(page, 'goods')).toBeVisible();
  await expect(page.getByTestId('project-name')).toContainText('(my copy)');
  const copyId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
  const mine = (await getProjectViaApi(page.request, copyId)).document as SchemaDocument;
  expect(Object.values(mine.tables).map((t) => t.name).sort()).toEqual(['goods', 'invoices', 'orders', 'users']);
  // And theirs still has their edit.
  const stillTheirs = (await getProjectViaApi(page.request, id)).document as SchemaDocument;
  expect(Object.values(stillTheirs.tables).map((t) => t.name).sort()).toEqual(['bills', 'orders', 'products', 'users']);
});

test('a 409 can also reload theirs', async ({ page }) => {
  const id = await openProject(page, shopDocument(), uniqueName('editor'), { live: false });
  // Someone else saves through the API.
  const theirs = shopDocument();
  theirs.tables.t_users.name = 'members';
  await saveProjectViaApi(page.request, id, 1, theirs);
  await tableNode(page, 'orders').locator('.db-table-header').dblclick();
  await page.getByLabel('Table name', { exact: true }).first().fill('purchases');
  await page.getByLabel('Table name', { exact: true }).first().press('Enter');
  const dialog = page.getByTestId('conflict-dialog');
  await expect(dialog).toBeVisible({ timeout: 15_000 });
  await dialog.getByRole('button', { name: 'Reload theirs' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(tableNode(page, 'members')).toBeVisible();
  await expect(tableNode(page, 'orders')).toBeVisible();
  await expectSaved(page);
  // Editing continues from their version.
  await tableNode(page, 'orders').locator('.db-table-header').dblclick();
  await page.getByLabel('Table name', { exact: true }).first().fill('purchases');
  await page.getByLabel('Table name', { exact: true }).first().press('Enter');
  await expectSaved(page);
  const saved = (await getProjectViaApi(page.request, id)).document as SchemaDocument;
  expect(saved.tables.t_users.name).toBe('members');
  expect(saved.tables.t_orders.name).toBe('purchases');
});

test('an edit made while the server is unreachable is kept and retried', async ({ page }) => {
  const id = await openProject(page, shopDocument(), uniqueName('editor'), { live: false });
  await page.route('**/api/projects/*', (route) => (route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.continue()));
  await tableNode(page, 'users').locator('.db-table-header').dblclick();
  await page.getByLabel('Table name', { exact: true }).first().fill('people');
  await page.getByLabel('Table name', { exact: true }).first().press('Enter');
  await expect(saveStatus(page)).toHaveAttribute('data-status', 'offline', { timeout: 10_000 });
  // Leaving now would lose the edit: the page asks first.
  let asked = false;
  page.once('dialog', async (d) => {
    asked = d.type() === 'beforeunload';
    await d.dismiss();
  });
  await page.close({ runBeforeUnload: true }).catch(() => undefined);
  await expect.poll(() => asked).toBe(true);
  expect(page.isClosed()).toBe(false);
  await page.unroute('**/api/projects/*');
  await expectSaved(page);
  expect(((await getProjectViaApi(page.request, id)).document as SchemaDocument).tables.t_users.name).toBe('people');
});

test('delete asks first, naming what else goes; copy and paste tables', async ({ page }) => {
  const doc = shopDocument();
  doc.relationships = {
    r1: { id: 'r1', fromTableId: 't_orders', toTableId: 't_users', columnPairs: [{ fromColumnId: 'c_orders_user_id', toColumnId: 'c_users_id' }], onDelete: 'no action', onUpdate: 'no action', enforced: true },
  };
  await openProject(page, doc);
  await tableNode(page, 'users').locator('.db-table-header').click();
  await page.keyboard.press('Delete');
  const confirm = page.getByTestId('confirm-delete');
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText('Delete table users?');
  await expect(confirm.getByTestId('delete-consequences')).toContainText('users_email_idx');
  await expect(confirm.getByTestId('delete-consequences')).toContainText('orders');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(tableNode(page, 'users')).toBeVisible();

  await page.keyboard.press('Delete');
  await page.getByTestId('confirm-delete').getByRole('button', { name: 'Delete' }).click();
  await expect(tableNode(page, 'users')).toHaveCount(0);
  expect(Object.keys((await storeDoc(page)).relationships)).toEqual([]);
  await page.keyboard.press(`${mod}+z`);
  await expect(tableNode(page, 'users')).toBeVisible();
  expect(Object.keys((await storeDoc(page)).relationships)).toEqual(['r1']);

  await tableNode(page, 'orders').locator('.db-table-header').click();
  await page.keyboard.press(`${mod}+c`);
  await page.keyboard.press(`${mod}+v`);
  await expect(tableNode(page, 'orders_copy')).toBeVisible();

  // The clipboard survives into another project (another tab or a later visit).
  await openProject(page, emptyDocument('postgres'));
  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(`${mod}+v`);
  await expect(tableNode(page, 'orders')).toBeVisible();
  expect(Object.values((await storeDoc(page)).tables).map((t) => t.columns.map((c) => c.name))).toEqual([['id', 'user_id']]);
});

test('areas, show one area, sticky notes, column reorder, double-click to add, level of detail, dark mode', async ({ page }) => {
  await openProject(page, shopDocument());
  // Group two tables into an area (Ctrl/Cmd+click adds to the selection).
  await tableNode(page, 'users').locator('.db-table-header').click();
  await tableNode(page, 'orders').locator('.db-table-header').click({ modifiers: [mod] });
  await page.getByRole('button', { name: '+ Area' }).click();
  await expect(page.locator('[data-testid="area-node"][data-area-name="area_1"]')).toBeVisible();
  expect(Object.values((await storeDoc(page)).areas)[0].tableIds.sort()).toEqual(['t_orders', 't_users']);
  // Dragging the area moves its tables together, as one undo step.
  const area = page.locator('[data-testid="area-node"][data-area-name="area_1"]');
  const ab = (await area.boundingBox())!;
  const startDoc = await storeDoc(page);
  const historyBefore = await page.evaluate(() => (window as unknown as { __draftbaseStore: { getState(): { past: unknown[] } } }).__draftbaseStore.getState().past.length);
  await page.mouse.move(ab.x + 30, ab.y + 12);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(ab.x + 30 + i * 10, ab.y + 12 + i * 5);
  await page.mouse.up();
  await expect.poll(async () => (await storeDoc(page)).layout.tables.t_users.x).toBeGreaterThan(startDoc.layout.tables.t_users.x);
  const moved = await storeDoc(page);
  const dx = moved.layout.tables.t_users.x - startDoc.layout.tables.t_users.x;
  const dy = moved.layout.tables.t_users.y - startDoc.layout.tables.t_users.y;
  expect(moved.layout.tables.t_orders).toEqual({ x: startDoc.layout.tables.t_orders.x + dx, y: startDoc.layout.tables.t_orders.y + dy });
  expect(moved.layout.tables.t_products).toEqual(startDoc.layout.tables.t_products);
  expect(await page.evaluate(() => (window as unknown as { __draftbaseStore: { getState(): { past: unknown[] } } }).__draftbaseStore.getState().past.length)).toBe(historyBefore + 1);

  // Show that area only.
  await page.getByLabel('Show area').selectOption({ label: 'area_1' });
  await expect(tableNode(page, 'products')).toHaveCount(0);
  await expect(tableNode(page, 'users')).toBeVisible();
  await page.getByLabel('Show area').selectOption({ index: 0 });
  await expect(tableNode(page, 'products')).toBeVisible();

  // A sticky note, written in place.
  await page.getByRole('button', { name: '+ Note' }).click();
  const note = page.getByTestId('note-node');
  await expect(note).toBeVisible();
  await note.dblclick();
  await note.getByLabel('Note text').fill('Orders are immutable');
  await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
  await expect(note).toContainText('Orders are immutable');
  expect(Object.values((await storeDoc(page)).notes)[0].text).toBe('Orders are immutable');

  // Reorder a column with Alt+Up.
  await columnRow(page, 'users', 'email').click();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(async () => (await storeDoc(page)).tables.t_users.columns.map((c) => c.name)).toEqual(['email', 'id']);

  // Double-click on empty canvas adds a table there.
  const before = Object.keys((await storeDoc(page)).tables).length;
  await page.getByTestId('canvas').dblclick({ position: { x: 450, y: 600 } });
  await expect.poll(async () => Object.keys((await storeDoc(page)).tables).length).toBe(before + 1);

  // Zoomed out, the map draws tables as boxes with their names (no rows, no node elements).
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Zoom Out' }).click();
  await expect(page.locator('.db-map-label[data-table-id="t_users"]')).toHaveText('users');
  await expect(page.getByTestId('column-row')).toHaveCount(0);
  await expect(tableNode(page, 'users')).toHaveCount(0);
  for (let i = 0; i < 6; i++) await page.getByRole('button', { name: 'Zoom In' }).click();
  await expect(tableNode(page, 'users').getByTestId('column-row').first()).toBeVisible();

  // Dark mode: switchable, remembered, and it really paints the tables dark (not only an attribute).
  const tableBackground = () => tableNode(page, 'users').evaluate((el) => getComputedStyle(el).backgroundColor);
  await expect.poll(tableBackground).toBe('rgb(255, 255, 255)');
  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(tableBackground).toBe('rgb(17, 24, 39)');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('button', { name: 'Switch to light mode' })).toBeVisible();
  await expect.poll(tableBackground).toBe('rgb(17, 24, 39)');
});

test('dark mode follows the system until the user picks one', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openProject(page, shopDocument());
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  const tableBackground = () => tableNode(page, 'users').evaluate((el) => getComputedStyle(el).backgroundColor);
  await expect.poll(tableBackground).toBe('rgb(17, 24, 39)');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(tableBackground).toBe('rgb(255, 255, 255)');
});

test('many-to-many helper creates the junction table; laying out the selection moves only the selection', async ({ page }) => {
  await openProject(page, shopDocument());
  await tableNode(page, 'users').locator('.db-table-header').click();
  await tableNode(page, 'products').locator('.db-table-header').click({ modifiers: [mod] });
  await page.getByRole('button', { name: 'M:N' }).click();
  await expect(page.locator('[data-testid="relationship-layer"] [data-relationship-id]')).toHaveCount(2);
  const doc = await storeDoc(page);
  const junction = Object.values(doc.tables).find((t) => !['t_users', 't_orders', 't_products', 't_invoices'].includes(t.id))!;
  expect(Object.values(doc.relationships).map((r) => [r.fromTableId, r.toTableId]).sort()).toEqual([
    [junction.id, 't_products'],
    [junction.id, 't_users'],
  ]);
  await expect(page.getByTestId('ddl-text')).toContainText(`CREATE TABLE "${junction.name}"`);
  await page.keyboard.press(`${mod}+z`);
  await expect(page.locator('[data-testid="relationship-layer"] [data-relationship-id]')).toHaveCount(0);

  // Lay out two selected tables: the others stay where they are.
  const before = (await storeDoc(page)).layout.tables;
  await tableNode(page, 'orders').locator('.db-table-header').click();
  await tableNode(page, 'invoices').locator('.db-table-header').click({ modifiers: [mod] });
  await page.getByRole('button', { name: /Auto-layout/ }).click();
  await page.getByRole('menuitem', { name: 'Lay out the selection' }).click();
  await expect(page.getByTestId('layout-status')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  const after = (await storeDoc(page)).layout.tables;
  expect(after.t_users).toEqual(before.t_users);
  expect(after.t_products).toEqual(before.t_products);
  // The laid-out pair starts where the selection's bounding box started.
  expect(Math.min(after.t_orders.x, after.t_invoices.x)).toBe(Math.min(before.t_orders.x, before.t_invoices.x));
  expect(Math.min(after.t_orders.y, after.t_invoices.y)).toBe(Math.min(before.t_orders.y, before.t_invoices.y));
  expect(after.t_orders).not.toEqual(after.t_invoices);
});

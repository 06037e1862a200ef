/**
 * Table nodes as a user handles them: a composite foreign key drawn from every column pair, clicking
 * a line selects its relationship, collapsing a table draws it collapsed (header and key rows) with
 * its lines still on those rows, and dragging a row by its grip reorders the columns (one undo step).
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { documentOf, makeColumn, makeRelationship, makeTable, scalar } from '../lib/model/build';
import type { SchemaDocument } from '../lib/model/document';
import { createProjectViaApi, uniqueName } from './support/api';
import { expectEveryRelationshipDrawn } from './support/canvas-picture';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** orders(id, placed_at) <- order_lines(order_id, order_placed_at, sku, qty, note): a two-column FK. */
function compositeDocument(): SchemaDocument {
  const col = (table: string, name: string, type = scalar('bigint')) => makeColumn({ id: `c_${table}_${name}`, name, type, nullable: false });
  const orders = makeTable({
    id: 't_orders',
    name: 'orders',
    columns: [col('orders', 'id'), col('orders', 'placed_at', scalar('timestamptz')), col('orders', 'note', scalar('text'))],
    primaryKey: { columnIds: ['c_orders_id', 'c_orders_placed_at'] },
  });
  const lines = makeTable({
    id: 't_order_lines',
    name: 'order_lines',
    columns: [
      col('order_lines', 'id'),
      col('order_lines', 'sku', scalar('text')),
      col('order_lines', 'qty', scalar('integer')),
      col('order_lines', 'order_id'),
      col('order_lines', 'order_placed_at', scalar('timestamptz')),
      col('order_lines', 'note', scalar('text')),
    ],
    primaryKey: { columnIds: ['c_order_lines_id'] },
  });
  const rel = makeRelationship({
    id: 'r_lines_orders',
    fromTableId: 't_order_lines',
    toTableId: 't_orders',
    columnPairs: [
      { fromColumnId: 'c_order_lines_order_id', toColumnId: 'c_orders_id' },
      { fromColumnId: 'c_order_lines_order_placed_at', toColumnId: 'c_orders_placed_at' },
    ],
  });
  const doc = documentOf({ dialect: 'postgres', tables: [orders, lines], relationships: [rel] });
  doc.layout.tables = { t_orders: { x: 0, y: 0 }, t_order_lines: { x: 480, y: 60 } };
  doc.layout.viewport = { x: 60, y: 60, zoom: 1 };
  return doc;
}

async function open(page: Page, doc: SchemaDocument, on: 'nodes' | 'map' = 'nodes') {
  const project = await createProjectViaApi(page.request, { name: uniqueName('nodes'), document: doc });
  await page.goto(`/projects/${encodeURIComponent(project.id)}`);
  if (on === 'nodes') await expect(tableNode(page, 'orders')).toBeVisible();
  else await expect(page.getByTestId('table-map')).toBeAttached();
}

const tableNode = (page: Page, name: string): Locator => page.locator(`[data-testid="table-node"][data-table-name="${name}"]`);
const rowNames = (page: Page, table: string) => tableNode(page, table).locator('[data-testid="column-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-column-name')));
const storeDoc = (page: Page) => page.evaluate(() => (window as unknown as { __draftbaseStore: { getState(): { doc: SchemaDocument } } }).__draftbaseStore.getState().doc);

test('a composite foreign key is drawn from every column pair to its rows; clicking the line selects it', async ({ page }) => {
  await open(page, compositeDocument());
  const lines = page.locator('[data-relationship-id="r_lines_orders"] path.db-rel-line');
  await expect(lines).toHaveCount(2);
  await expectEveryRelationshipDrawn(page, 'composite key at zoom 1');
  // Click the middle of the first pair's line.
  const box = (await lines.first().boundingBox())!;
  const point = await lines.first().evaluate((p: SVGPathElement) => {
    const mid = p.getPointAtLength(p.getTotalLength() / 2);
    const m = p.getScreenCTM()!;
    return { x: m.a * mid.x + m.c * mid.y + m.e, y: m.b * mid.x + m.d * mid.y + m.f };
  });
  expect(box.width).toBeGreaterThan(0);
  await page.mouse.click(point.x, point.y);
  await expect(page.getByTestId('inspector')).toContainText('order_lines');
  await expect(page.locator('[data-relationship-id="r_lines_orders"]')).toHaveClass(/is-selected/);
});

test('collapse draws the header and key rows only, lines stay on their rows; expand restores', async ({ page }) => {
  await open(page, compositeDocument());
  await expect.poll(() => rowNames(page, 'order_lines')).toEqual(['id', 'sku', 'qty', 'order_id', 'order_placed_at', 'note']);
  const fullHeight = (await tableNode(page, 'order_lines').boundingBox())!.height;
  await page.getByRole('button', { name: 'Collapse order_lines' }).click();
  await expect(tableNode(page, 'order_lines')).toHaveAttribute('data-collapsed', 'true');
  // id (primary key), order_id and order_placed_at (the foreign key): sku, qty and note are hidden.
  await expect.poll(() => rowNames(page, 'order_lines')).toEqual(['id', 'order_id', 'order_placed_at']);
  expect((await tableNode(page, 'order_lines').boundingBox())!.height).toBeLessThan(fullHeight - 60);
  await expectEveryRelationshipDrawn(page, 'collapsed child');
  // The collapsed state is part of the document (saved), and one undo step.
  expect((await storeDoc(page)).layout.tables.t_order_lines.collapsed).toBe(true);
  await page.getByRole('button', { name: 'Expand order_lines' }).click();
  await expect.poll(() => rowNames(page, 'order_lines')).toHaveLength(6);
  await expectEveryRelationshipDrawn(page, 'expanded again');
});

test('drag a column row by its grip to reorder; the line follows the row; undo puts it back', async ({ page }) => {
  await open(page, compositeDocument());
  const grip = tableNode(page, 'order_lines').locator('[data-column-name="note"]').getByRole('button', { name: 'Drag to move note' });
  const target = tableNode(page, 'order_lines').locator('[data-column-name="sku"]');
  await tableNode(page, 'order_lines').locator('[data-column-name="note"]').hover();
  const from = (await grip.boundingBox())!;
  const to = (await target.boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
  await expect.poll(() => rowNames(page, 'order_lines')).toEqual(['id', 'note', 'sku', 'qty', 'order_id', 'order_placed_at']);
  expect((await storeDoc(page)).tables.t_order_lines.columns.map((c) => c.name)).toEqual(['id', 'note', 'sku', 'qty', 'order_id', 'order_placed_at']);
  // The table did not move: the drag was the row's, not the node's.
  expect((await storeDoc(page)).layout.tables.t_order_lines).toMatchObject({ x: 480, y: 60 });
  await expectEveryRelationshipDrawn(page, 'after the reorder');
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(() => rowNames(page, 'order_lines')).toEqual(['id', 'sku', 'qty', 'order_id', 'order_placed_at', 'note']);
});

test('zoomed out, the map draws tables with names; click selects, drag moves (one undo step), double-click zooms in', async ({ page }) => {
  const doc = compositeDocument();
  doc.layout.viewport = { x: 300, y: 200, zoom: 0.3 };
  await open(page, doc, 'map');
  await expect(page.locator('.db-map-label[data-table-id="t_orders"]')).toHaveText('orders');
  await expect(page.locator('[data-testid="table-node"]')).toHaveCount(0);
  await expectEveryRelationshipDrawn(page, 'map');
  // Click the middle of orders' box: it is selected (the inspector shows it).
  const label = (await page.locator('.db-map-label[data-table-id="t_orders"]').boundingBox())!;
  await page.mouse.click(label.x + label.width / 2, label.y + label.height + 6);
  await expect(page.getByTestId('inspector')).toContainText('orders');
  // Drag it 60 screen px right (200 flow px at zoom 0.3).
  const at = { x: label.x + label.width / 2, y: label.y + label.height + 6 };
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.mouse.move(at.x + 30, at.y, { steps: 5 });
  await page.mouse.move(at.x + 60, at.y, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await storeDoc(page)).layout.tables.t_orders.x).toBe(200);
  await expectEveryRelationshipDrawn(page, 'map after the drag');
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(async () => (await storeDoc(page)).layout.tables.t_orders.x).toBe(0);
  // Double-click zooms into the table: full detail, its rows visible.
  await page.mouse.dblclick(at.x, at.y);
  await expect(tableNode(page, 'orders').locator('[data-testid="column-row"]').first()).toBeVisible();
});

// One download per test: Chrome holds back a second automatic download from the same page.
test('the canvas downloads as laid out: every table at its position, lines with crow\'s feet', async ({ page }) => {
  await open(page, compositeDocument());
  await page.getByRole('button', { name: 'Download files' }).click();
  const [whole] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Canvas as laid out (SVG)' }).click()]);
  const svg = await readFile(await whole.path(), 'utf8');
  const tables = [...svg.matchAll(/<g class="table" data-table-id="([^"]+)" transform="translate\(([-\d.]+) ([-\d.]+)\)">/g)].map((m) => [m[1], Number(m[2]), Number(m[3])]);
  expect(tables.sort()).toEqual([
    ['t_order_lines', 480, 60],
    ['t_orders', 0, 0],
  ]);
  // Two column pairs of the composite key: two lines with crow's-foot ends.
  expect(svg.match(/<path class="rel"[^>]*marker-start="url\(#cf-[a-z-]+\)"/g)).toHaveLength(2);
});

test('the selected tables download alone, as laid out', async ({ page }) => {
  await open(page, compositeDocument());
  await tableNode(page, 'orders').locator('.db-table-header').click();
  await page.getByRole('button', { name: 'Download files' }).click();
  const [sel] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Selected tables as laid out (SVG)' }).click()]);
  const selSvg = await readFile(await sel.path(), 'utf8');
  expect([...selSvg.matchAll(/data-table-id="([^"]+)"/g)].map((m) => m[1])).toEqual(['t_orders']);
});

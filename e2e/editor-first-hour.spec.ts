/**
 * The first hour on the canvas (issue 11, "Friction"): new tables land in free space, a table can be
 * typed with the keyboard alone (name, Tab, type, Enter for the next column), a column that is both
 * primary and foreign key shows both badges, the rows show where a foreign key can end while one is
 * drawn, and the `?` overlay says how to do these things.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { documentOf, makeColumn, makeRelationship, makeTable, scalar } from '../lib/model/build';
import type { SchemaDocument } from '../lib/model/document';
import { emptyDocument } from '../lib/model/empty';
import { createProjectViaApi, uniqueName } from './support/api';
import { ordersTable, usersTable } from './support/shop-tables';

async function open(page: Page, doc: SchemaDocument) {
  const project = await createProjectViaApi(page.request, { name: uniqueName('first hour'), document: doc });
  await page.goto(`/projects/${encodeURIComponent(project.id)}`);
  await expect(page.getByTestId('canvas')).toBeVisible();
}

const tableNode = (page: Page, name: string): Locator => page.locator(`[data-testid="table-node"][data-table-name="${name}"]`);
const storeDoc = (page: Page) => page.evaluate(() => (window as unknown as { __draftbaseStore: { getState(): { doc: SchemaDocument } } }).__draftbaseStore.getState().doc);

test('four new tables land in free space near the view, none covering another', async ({ page }) => {
  await open(page, emptyDocument('postgres'));
  for (let i = 0; i < 4; i++) {
    await page.getByRole('button', { name: '+ Table' }).click();
    await page.keyboard.press('Escape'); // leave the name as proposed
  }
  await expect(page.locator('[data-testid="table-node"]')).toHaveCount(4);
  const boxes = await page.locator('[data-testid="table-node"]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y;
      expect(apart, `tables ${i} and ${j} overlap`).toBe(true);
    }
  }
  // All of them on screen: they were placed around the view's centre.
  for (const n of await page.locator('[data-testid="table-node"]').all()) await expect(n).toBeInViewport();
});

test('type a table with the keyboard: name, Tab, type, Enter for the next column', async ({ page }) => {
  await open(page, documentOf({ dialect: 'postgres', tables: [ordersTable()] }));
  // The node's own inputs (the inspector has fields with the same names).
  const nameInput = tableNode(page, 'orders').getByRole('textbox', { name: 'Column name' });
  const typeInput = tableNode(page, 'orders').getByRole('textbox', { name: 'Column type' });
  await page.getByRole('button', { name: 'Add column to orders' }).click();
  await page.keyboard.type('sku');
  await page.keyboard.press('Tab');
  await expect(typeInput).toBeFocused();
  await page.keyboard.type('varchar(40)');
  await page.keyboard.press('Enter');
  // Enter added the next column with its name open for typing.
  await expect(nameInput).toBeFocused();
  await page.keyboard.type('quantity');
  await page.keyboard.press('Enter'); // Enter on the name goes on to the type as well
  await expect(typeInput).toBeFocused();
  await page.keyboard.type('integer');
  await page.keyboard.press('Tab'); // the last column: Tab adds the next one too
  await expect(nameInput).toBeFocused();
  await page.keyboard.press('Escape');
  const orders = Object.values((await storeDoc(page)).tables).find((t) => t.name === 'orders')!;
  const typed = orders.columns.map((c) => [c.name, c.type.kind === 'scalar' ? c.type.name : c.type.kind, c.nullable]);
  expect(typed.slice(2, 4)).toEqual([
    ['sku', 'varchar', true],
    ['quantity', 'integer', true],
  ]);
  expect(orders.columns.find((c) => c.name === 'sku')!.type).toMatchObject({ length: 40 });
  // Nothing typed went astray into the nullable toggle: no column turned NOT NULL.
  expect(orders.columns.filter((c) => !c.nullable).map((c) => c.name)).toEqual(['id', 'user_id']);
});

test('a column that is primary and foreign key shows both badges', async ({ page }) => {
  const users = usersTable();
  const profile = makeTable({
    id: 't_profiles',
    name: 'profiles',
    columns: [makeColumn({ id: 'c_profiles_user_id', name: 'user_id', type: scalar('bigint'), nullable: false })],
    primaryKey: { columnIds: ['c_profiles_user_id'] },
  });
  const rel = makeRelationship({ id: 'r_profile_user', fromTableId: 't_profiles', toTableId: 't_users', columnPairs: [{ fromColumnId: 'c_profiles_user_id', toColumnId: 'c_users_id' }] });
  const doc = documentOf({ dialect: 'postgres', tables: [users, profile], relationships: [rel] });
  doc.layout.tables = { t_users: { x: 0, y: 0 }, t_profiles: { x: 420, y: 0 } };
  await open(page, doc);
  const key = tableNode(page, 'profiles').locator('[data-column-name="user_id"] .db-key');
  await expect(key.locator('.db-badge-pk')).toHaveText('PK');
  await expect(key.locator('.db-badge-fk')).toHaveText('FK');
});

test('while a foreign key is drawn every row shows where it can end; the help overlay says how', async ({ page }) => {
  const doc = documentOf({ dialect: 'postgres', tables: [usersTable(), ordersTable()] });
  doc.layout.tables = { t_users: { x: 0, y: 0 }, t_orders: { x: 420, y: 40 } };
  await open(page, doc);
  const target = tableNode(page, 'users').locator('[data-column-name="id"] .react-flow__handle-right');
  await expect.poll(() => target.evaluate((el) => getComputedStyle(el).opacity)).toBe('0');
  const from = tableNode(page, 'orders').locator('[data-column-name="user_id"]');
  await from.hover();
  const handle = (await from.locator('.react-flow__handle-left').boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x - 60, handle.y + 30, { steps: 6 });
  await expect.poll(() => target.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
  await page.mouse.up();

  await page.keyboard.press('?');
  const help = page.getByTestId('help-overlay');
  await expect(help).toContainText('Draw a foreign key');
  await expect(help).toContainText('Add a column');
  await expect(help).toContainText('Rename');
});

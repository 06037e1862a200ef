/**
 * The editor toolbar at 1600x900 (issue 11, "Friction"): a status message (the auto-layout's
 * "Laid out 4 tables in 0.3 s") never makes the toolbar wrap to a second line, and it goes away on
 * its own after a few seconds instead of staying for minutes.
 */
import { expect, test, type Page } from '@playwright/test';
import { documentOf, makeColumn, makeTable, scalar } from '../lib/model/build';
import { createProjectViaApi, uniqueName } from './support/api';
import { ordersTable, usersTable } from './support/shop-tables';

test.use({ viewport: { width: 1600, height: 900 } });

function fourTables() {
  const products = makeTable({ id: 't_products', name: 'products', columns: [makeColumn({ id: 'c_products_id', name: 'id', type: scalar('uuid'), nullable: false })], primaryKey: { columnIds: ['c_products_id'] } });
  const invoices = makeTable({ id: 't_invoices', name: 'invoices', columns: [makeColumn({ id: 'c_invoices_id', name: 'id', type: scalar('bigint'), nullable: false })] });
  const doc = documentOf({ dialect: 'postgres', tables: [usersTable(), ordersTable(), products, invoices] });
  doc.layout.tables = { t_users: { x: 0, y: 0 }, t_orders: { x: 0, y: 0 }, t_products: { x: 0, y: 0 }, t_invoices: { x: 0, y: 0 } };
  return doc;
}

/**
 * Every visible control of the toolbar sits on one row: none is taller than a line, none lies below
 * another, none is pushed out. (The floating status area below the toolbar is not part of the row.)
 */
async function toolbarRows(page: Page) {
  return page.getByRole('toolbar', { name: 'Editor' }).evaluate((bar) => {
    const top = bar.getBoundingClientRect().top;
    const items = [...bar.querySelectorAll<HTMLElement>('button, a, select, [role="status"], [role="progressbar"]')]
      .filter((el) => !el.closest('[data-testid="toolbar-status"]'))
      .map((el) => el.getBoundingClientRect())
      .filter((r) => r.width > 0 && r.height > 0);
    return {
      overflow: bar.scrollWidth - bar.clientWidth,
      barHeight: bar.getBoundingClientRect().height,
      maxItemHeight: Math.max(...items.map((r) => r.height)),
      maxItemBottom: Math.max(...items.map((r) => r.bottom - top)),
    };
  });
}

test('after an auto-layout at 1600 px the toolbar stays one line and the message expires', async ({ page }) => {
  const project = await createProjectViaApi(page.request, { name: uniqueName('toolbar'), document: fourTables() });
  await page.goto(`/projects/${encodeURIComponent(project.id)}`);
  await expect(page.getByTestId('canvas')).toBeVisible();
  const before = await toolbarRows(page);

  await page.getByRole('button', { name: /Auto-layout/ }).click();
  await page.getByRole('menuitem', { name: 'Lay out everything' }).click();
  const message = page.getByText(/^Laid out 4 tables in \d+\.\d s$/);
  await expect(message).toBeVisible({ timeout: 30_000 });

  // One line: the toolbar keeps its height, and no control is taller than a line or pushed below it.
  const after = await toolbarRows(page);
  expect(after.barHeight).toBe(before.barHeight);
  expect(after.barHeight).toBeLessThanOrEqual(48);
  expect(after.maxItemHeight).toBeLessThanOrEqual(32);
  expect(after.maxItemBottom).toBeLessThanOrEqual(after.barHeight);
  expect(after.overflow, 'nothing pushed out of the toolbar').toBeLessThanOrEqual(0);

  // The message goes away by itself.
  await expect(message).toBeHidden({ timeout: 12_000 });
  expect((await toolbarRows(page)).barHeight).toBe(before.barHeight);
});

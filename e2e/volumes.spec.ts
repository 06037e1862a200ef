/**
 * Declared volumes (issue 15), end to end on the production build:
 * - set a table's rows in the inspector's Volume section;
 * - paste three spreadsheet rows (tab-separated, first cell the table name) into the Workload grid of
 *   the Design doc tab, plus one that names no table: three tables change in ONE undo step and the
 *   unmatched row is reported;
 * - undo reverts the whole paste (the inspector's edit stays); pasted again, the values survive a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { documentOf, makeColumn, makeTable, scalar } from '../lib/model/build';
import type { SchemaDocument } from '../lib/model/document';
import { createProjectViaApi, getProjectViaApi, uniqueName } from './support/api';

function shop(): SchemaDocument {
  const table = (name: string) => makeTable({
    id: `t_${name}`,
    name,
    columns: [
      makeColumn({ id: `c_${name}_id`, name: 'id', type: scalar('bigint'), nullable: false }),
      makeColumn({ id: `c_${name}_note`, name: 'note', type: scalar('varchar', { length: 200 }) }),
    ],
    primaryKey: { columnIds: [`c_${name}_id`] },
  });
  const doc = documentOf({ dialect: 'postgres', tables: ['users', 'orders', 'items', 'payments'].map(table) });
  doc.layout.tables = { t_users: { x: 40, y: 40 }, t_orders: { x: 340, y: 40 }, t_items: { x: 40, y: 300 }, t_payments: { x: 340, y: 300 } };
  return doc;
}

const storeDoc = (page: Page) => page.evaluate(() => (window as unknown as { __draftbaseStore: { getState(): { doc: SchemaDocument } } }).__draftbaseStore.getState().doc);
const volumes = async (page: Page) => Object.fromEntries(Object.values((await storeDoc(page)).tables).map((t) => [t.name, t.volume]));

/** What a spreadsheet puts on the clipboard, pasted into a grid cell (a real paste event). */
async function pasteInto(page: Page, label: string, text: string) {
  const cell = page.getByLabel(label, { exact: true });
  await cell.focus();
  await cell.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

async function openWorkload(page: Page) {
  await page.getByRole('tab', { name: 'Design doc' }).click();
  await page.getByRole('tab', { name: 'Workload' }).click();
  await expect(page.getByTestId('workload-grid')).toBeVisible();
}

const PASTE = 'orders\t1,000,000\t100k\t\t36\nitems\t2.5M\t50000\nnope\t1\npayments\t300000\t10000\n';

test('a volume set in the inspector, three rows pasted into the Workload grid (one undo step), persisted across a reload', async ({ page }) => {
  const project = await createProjectViaApi(page.request, { name: uniqueName('volumes'), document: shop() });
  await page.goto(`/projects/${encodeURIComponent(project.id)}`);
  await expect(page.getByTestId('canvas')).toBeVisible();

  // The inspector: select users, open its Volume section, declare 50,000 rows.
  await page.locator('[data-testid="table-node"][data-table-name="users"] .db-table-header').click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector.getByTestId('inspector-table')).toBeVisible();
  await inspector.getByRole('button', { name: 'Volume' }).click();
  const rows = inspector.getByLabel('Rows now', { exact: true });
  await rows.fill('50,000');
  await rows.press('Enter');
  await expect.poll(async () => (await volumes(page)).users).toEqual({ rows: 50_000 });
  // The variable-length column shows its default average length as the placeholder.
  await expect(inspector.getByLabel('Avg length of note', { exact: true })).toHaveAttribute('placeholder', '32');

  // The Workload grid: the inspector's figure is there; paste four rows, one of which names no table.
  await openWorkload(page);
  await expect(page.getByLabel('users Rows now', { exact: true })).toHaveValue('50000');
  await pasteInto(page, 'orders Rows now', PASTE);
  const report = page.getByTestId('workload-paste-report');
  await expect(report).toContainText('Pasted volumes of 3 tables');
  await expect(report).toContainText('Line 3, cell 1: no table named "nope"');
  const pasted = {
    users: { rows: 50_000 },
    orders: { rows: 1_000_000, growthPerMonth: 100_000, retentionMonths: 36 },
    items: { rows: 2_500_000, growthPerMonth: 50_000 },
    payments: { rows: 300_000, growthPerMonth: 10_000 },
  };
  await expect.poll(() => volumes(page)).toEqual(pasted);
  await expect(page.getByLabel('orders Rows now', { exact: true })).toHaveValue('1000000');
  // Rows in 5 years is computed where not declared: 100k/month kept 36 months.
  await expect(page.getByLabel('orders Rows in 5 years', { exact: true })).toHaveAttribute('placeholder', '3,600,000');

  // One undo reverts the whole paste; the inspector's edit (an earlier step) stays.
  await page.getByRole('heading', { name: 'Workload: declared volumes' }).click();
  await page.getByRole('button', { name: /^Undo/ }).first().click();
  await expect.poll(() => volumes(page)).toEqual({ users: { rows: 50_000 }, orders: undefined, items: undefined, payments: undefined });
  await expect(page.getByLabel('orders Rows now', { exact: true })).toHaveValue('');

  // Pasted again, saved, reloaded: the values are still there.
  await pasteInto(page, 'orders Rows now', PASTE);
  await expect.poll(() => volumes(page)).toEqual(pasted);
  await expect
    .poll(async () => {
      const doc = (await getProjectViaApi(page.request, project.id)).document as SchemaDocument;
      return Object.fromEntries(Object.values(doc.tables).map((t) => [t.name, t.volume]));
    }, { timeout: 15_000 })
    .toEqual(pasted);
  await page.reload();
  await expect(page.getByTestId('canvas')).toBeVisible();
  await openWorkload(page);
  await expect(page.getByLabel('items Rows now', { exact: true })).toHaveValue('2500000');
  await expect(page.getByLabel('payments Growth / month', { exact: true })).toHaveValue('10000');
  await expect(page.getByLabel('users Rows now', { exact: true })).toHaveValue('50000');
});

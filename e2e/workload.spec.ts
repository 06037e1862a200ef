/**
 * Query patterns checked by the advisor, end to end on the production build: volumes declared in the
 * Workload grid and two patterns typed in the editor; "Check patterns" shows one
 * served and one not; "Add index" applies the suggestion (one command); both are then served, and the
 * Design doc preview's Query Patterns lists the verdicts and the serving index.
 */
import { expect, test } from '@playwright/test';
import { documentOf, makeColumn, makeRelationship, makeTable, scalar } from '../lib/model/build';
import { createProjectViaApi, getProjectViaApi, uniqueName } from './support/api';

function workloadDocument() {
  const users = makeTable({
    id: 't_users',
    name: 'users',
    columns: [
      makeColumn({ id: 'c_users_id', name: 'id', type: scalar('bigint'), nullable: false }),
      makeColumn({ id: 'c_users_email', name: 'email', type: scalar('varchar', { length: 255 }), nullable: false }),
    ],
    primaryKey: { columnIds: ['c_users_id'] },
  });
  const orders = makeTable({
    id: 't_orders',
    name: 'orders',
    columns: [
      makeColumn({ id: 'c_orders_id', name: 'id', type: scalar('bigint'), nullable: false }),
      makeColumn({ id: 'c_orders_user', name: 'user_id', type: scalar('bigint'), nullable: false }),
      makeColumn({ id: 'c_orders_total', name: 'total', type: scalar('decimal', { precision: 12, scale: 2 }), nullable: false }),
    ],
    primaryKey: { columnIds: ['c_orders_id'] },
  });
  const doc = documentOf({
    tables: [users, orders],
    relationships: [makeRelationship({ id: 'r_orders_user', fromTableId: 't_orders', toTableId: 't_users', columnPairs: [{ fromColumnId: 'c_orders_user', toColumnId: 'c_users_id' }] })],
  });
  return doc;
}

test('declare volumes and two patterns, see one not served, add the index, see both served and the doc updated', async ({ page }) => {
  test.setTimeout(120_000);
  const project = await createProjectViaApi(page.request, { name: uniqueName('Workload'), document: workloadDocument() });
  await page.goto(`/projects/${project.id}`);
  await page.getByRole('tab', { name: 'Design doc' }).click();
  await expect(page.getByTestId('design-doc-tab')).toBeVisible();

  // Declare the volumes in the Workload grid, as a user does.
  await page.getByRole('tab', { name: 'Workload' }).click();
  for (const [label, value] of [['users Rows now', '1,000,000'], ['orders Rows now', '20,000,000'], ['orders Growth / month', '500,000']] as const) {
    const cell = page.getByLabel(label, { exact: true });
    await cell.fill(value);
    await cell.press('Enter');
  }
  await expect
    .poll(async () => {
      const doc = (await getProjectViaApi(page.request, project.id)).document as { tables: Record<string, { volume?: object }> };
      return [doc.tables.t_users.volume, doc.tables.t_orders.volume];
    }, { timeout: 15_000 })
    .toEqual([{ rows: 1_000_000 }, { rows: 20_000_000, growthPerMonth: 500_000 }]);

  // Declare the two patterns in the editor.
  await page.getByRole('tab', { name: 'Edit' }).click();
  for (const [name, sql] of [['User by id', 'SELECT * FROM users WHERE id = $1'], ['Orders of a user', 'SELECT id, total FROM orders WHERE user_id = $1']]) {
    await page.getByRole('button', { name: 'Add query pattern' }).click();
    const added = page.getByRole('listitem', { name: /^Query pattern Query \d+$/ });
    await added.getByLabel('SQL').fill(sql);
    await added.getByLabel('SQL').blur();
    await added.getByLabel('Name').fill(name);
    await added.getByLabel('Name').press('Enter');
    await expect(page.getByRole('listitem', { name: `Query pattern ${name}` })).toBeVisible();
  }

  await page.getByRole('button', { name: 'Check patterns' }).click();
  const user = page.getByRole('listitem', { name: 'Query pattern User by id' }).getByTestId('pattern-verdict');
  const orders = page.getByRole('listitem', { name: 'Query pattern Orders of a user' }).getByTestId('pattern-verdict');
  await expect(user).toHaveAttribute('data-status', 'served', { timeout: 60_000 });
  await expect(user).toContainText('users_pkey');
  await expect(orders).toHaveAttribute('data-status', 'not-served');
  await expect(orders).toContainText('CREATE INDEX "orders_user_id');

  await orders.getByRole('button', { name: 'Add index' }).click();
  await expect(orders).toHaveAttribute('data-status', 'served', { timeout: 60_000 });
  await expect(orders).toContainText('orders_user_id');

  // Saved: the index is in the document, its purpose names the pattern.
  await expect
    .poll(async () => {
      const doc = (await getProjectViaApi(page.request, project.id)).document as { tables: Record<string, { indexes: { purpose?: string }[] }> };
      return doc.tables.t_orders.indexes.map((i) => i.purpose);
    }, { timeout: 15_000 })
    .toEqual(['Serves query pattern "Orders of a user"']);

  await page.getByRole('tab', { name: 'Preview' }).click();
  const preview = page.getByTestId('design-doc-preview');
  await expect(preview).toContainText('Verdicts');
  await expect(preview.locator('table', { hasText: 'Served by' }).locator('tr', { hasText: 'Orders of a user' })).toContainText('served');
  await expect(preview.locator('table', { hasText: 'Served by' }).locator('tr', { hasText: 'Orders of a user' })).toContainText('orders_user_id');
  await expect(preview.locator('table', { hasText: 'Served by' }).locator('tr', { hasText: 'Orders of a user' })).not.toContainText('not served');
});

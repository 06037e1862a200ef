/**
 * The design review as a user meets it (issue 14): make the two classic mistakes on the canvas (a
 * foreign key without an index, a table without a key), see them counted in the toolbar, marked on
 * their tables and listed in the Problems panel; apply the index fix (undo brings the finding back),
 * waive the missing key with a rationale, and find the waiver and its rationale in DATABASE_DESIGN.md.
 *
 * Assertions name rules and counts relative to the start, so more rules (lib/review/rules) do not
 * break them.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { documentOf } from '../lib/model/build';
import type { SchemaDocument } from '../lib/model/document';
import { createProjectViaApi, getProjectViaApi, uniqueName } from './support/api';
import { ordersTable, usersTable } from './support/shop-tables';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

const tableNode = (page: Page, name: string): Locator => page.locator(`[data-testid="table-node"][data-table-name="${name}"]`);
const columnRow = (page: Page, table: string, column: string): Locator => tableNode(page, table).locator(`[data-testid="column-row"][data-column-name="${column}"]`);
const problem = (page: Page, rule: string): Locator => page.getByTestId('problems-panel').locator(`[data-testid="problem"][data-rule="${rule}"]`);
const toolbarCount = (page: Page, severity: string): Locator => page.getByTestId('problems-button').locator(`[data-testid="problem-count"][data-severity="${severity}"]`);

type Store = { getState(): { doc: SchemaDocument; selection: { kind: string; relationshipId?: string } } };
const storeState = (page: Page) => page.evaluate(() => {
  const s = (window as unknown as { __draftbaseStore: Store }).__draftbaseStore.getState();
  return { doc: s.doc, selection: s.selection };
});

async function count(locator: Locator): Promise<number> {
  return Number(await locator.getAttribute('data-count'));
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

test('classic mistakes on the canvas: counted, marked, listed; fix one (undoable), waive the other, find the waiver in DATABASE_DESIGN.md', async ({ page }) => {
  const doc = documentOf({ dialect: 'postgres', tables: [usersTable(), ordersTable()] });
  doc.layout.tables = { t_users: { x: 0, y: 0 }, t_orders: { x: 420, y: 40 } };
  const project = await createProjectViaApi(page.request, { name: uniqueName('review'), document: doc });
  await page.goto(`/projects/${encodeURIComponent(project.id)}`);
  await expect(page.getByTestId('canvas')).toBeVisible();
  await expect(page.getByTestId('problems-button')).toBeVisible();
  await expect(toolbarCount(page, 'error')).toHaveAttribute('data-count', /\d+/);
  const errors0 = await count(toolbarCount(page, 'error'));

  // Mistake 1: a foreign key drawn from orders.user_id to users.id, with no index on orders (user_id).
  await columnRow(page, 'orders', 'user_id').hover();
  await dragBetween(page, columnRow(page, 'orders', 'user_id').locator('.react-flow__handle-left'), columnRow(page, 'users', 'id').locator('.react-flow__handle-right'));
  await expect(page.locator('[data-testid="relationship-layer"] [data-relationship-id]')).toHaveCount(1);
  await expect(tableNode(page, 'orders').getByTestId('table-marker')).toHaveAttribute('title', /no index on orders \(user_id\) supports the foreign key to users/);
  const warnings1 = await count(toolbarCount(page, 'warning'));
  expect(warnings1).toBeGreaterThan(0);

  // Mistake 2: a new table whose key is taken away (click the PK badge of its id column).
  await page.getByRole('button', { name: '+ Table' }).click();
  const nameInput = page.locator('[data-testid="table-node"]').getByLabel('Table name', { exact: true });
  await expect(nameInput).toBeFocused();
  await nameInput.fill('audit_log');
  await nameInput.press('Enter');
  await tableNode(page, 'audit_log').getByRole('button', { name: 'Remove id from the primary key' }).click();
  await expect(toolbarCount(page, 'error')).toHaveAttribute('data-count', String(errors0 + 1));
  const marker = tableNode(page, 'audit_log').getByTestId('table-marker');
  await expect(marker).toHaveAttribute('data-severity', 'error');
  await expect(marker).toHaveAttribute('title', /audit_log has no primary key/);

  // The Problems panel lists both; by table, audit_log and orders each have a group.
  await page.getByTestId('problems-button').click();
  const panel = page.getByTestId('problems-panel');
  await expect(panel).toBeVisible();
  await expect(problem(page, 'no-primary-key').filter({ hasText: 'audit_log' })).toBeVisible();
  const fkProblem = problem(page, 'fk-without-index').filter({ hasText: 'orders (user_id)' });
  await expect(fkProblem).toBeVisible();
  await page.getByTestId('problems-group-by-table').click();
  await expect(panel.locator('[data-testid="problem-group"]').filter({ hasText: 'audit_log' })).toBeVisible();
  await page.getByTestId('problems-group-by-rule').click();
  // Filtering by text narrows the list.
  await page.getByTestId('problems-filter').fill('audit_log');
  await expect(fkProblem).toHaveCount(0);
  await page.getByTestId('problems-filter').fill('');

  // A click selects the element the finding is about: the relationship.
  await fkProblem.getByRole('button', { name: /no index on orders/ }).click();
  const rel = Object.values((await storeState(page)).doc.relationships)[0];
  await expect.poll(async () => (await storeState(page)).selection).toEqual({ kind: 'relationship', relationshipId: rel.id });

  // Apply fix: the index is added, the finding goes; undo brings it back; redo applies it again.
  await fkProblem.getByTestId('problem-fix').click();
  await expect(fkProblem).toHaveCount(0);
  await expect(toolbarCount(page, 'warning')).toHaveAttribute('data-count', String(warnings1 - 1));
  const orders = Object.values((await storeState(page)).doc.tables).find((t) => t.name === 'orders')!;
  expect(orders.indexes.map((ix) => ix.parts)).toContainEqual([{ kind: 'column', columnId: 'c_orders_user_id' }]);
  await page.keyboard.press(`${mod}+z`);
  await expect(fkProblem).toBeVisible();
  await expect(toolbarCount(page, 'warning')).toHaveAttribute('data-count', String(warnings1));
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(fkProblem).toHaveCount(0);

  // Waive the missing key: the rationale is required.
  const keyless = problem(page, 'no-primary-key').filter({ hasText: 'audit_log' });
  const key = await keyless.getAttribute('data-key');
  await keyless.getByTestId('problem-waive').click();
  const dialog = page.getByTestId('waive-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('waive-confirm')).toBeDisabled();
  const rationale = 'Append-only audit log: rows are never updated or deleted, and the archive job reads it by time range.';
  await dialog.getByTestId('waive-rationale').fill(rationale);
  await dialog.getByTestId('waive-author').fill('E2E Reviewer');
  await dialog.getByTestId('waive-confirm').click();
  await expect(dialog).toHaveCount(0);
  await expect(keyless).toHaveCount(0);
  const waived = page.locator(`[data-testid="waived-finding"][data-key="${key}"]`);
  await expect(waived).toBeVisible();
  await expect(waived.getByTestId('waiver-rationale')).toContainText(rationale);
  await expect(toolbarCount(page, 'error')).toHaveAttribute('data-count', String(errors0));
  await expect(tableNode(page, 'audit_log').locator('[data-testid="table-marker"][data-severity="error"]')).toHaveCount(0);

  // Saved with the document, then in DATABASE_DESIGN.md as an accepted risk with its rationale.
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved', { timeout: 15_000 });
  const savedWaivers = async () => ((await getProjectViaApi(page.request, project.id)).document as SchemaDocument).review?.waivers?.map((w) => w.rationale);
  await expect.poll(savedWaivers, { timeout: 15_000 }).toEqual([rationale]);
  await page.getByRole('button', { name: 'Download files' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'DATABASE_DESIGN.md' }).click()]);
  const md = await readFile(await download.path(), 'utf8');
  const summary = md.slice(md.indexOf('## Executive Summary'), md.indexOf('## Data Architecture'));
  expect(summary).toContain('**Key decisions and trade-offs: accepted risks**');
  expect(summary).toContain('| `no-primary-key` Table without a primary key | audit\\_log: audit\\_log has no primary key');
  expect(summary).toContain(`| ${rationale} | E2E Reviewer, `);
  // The waived finding is no longer an open one under Data Integrity.
  const integrity = md.slice(md.indexOf('### Data Integrity'), md.indexOf('## Operational Concerns'));
  expect(integrity).not.toContain('audit\\_log has no primary key');

  // Reopen: the waiver goes, the finding is open again.
  await waived.getByTestId('problem-reopen').click();
  await expect(keyless).toBeVisible();

  // The project's rules: turning no-primary-key off removes its finding (one undo step); Escape closes the dialog.
  await page.getByTestId('problems-rules').click();
  const rules = page.getByTestId('rules-dialog');
  await rules.locator('[data-testid="rule-setting"][data-rule="no-primary-key"]').getByRole('checkbox').uncheck();
  await expect(keyless).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(rules).toHaveCount(0);
  await page.keyboard.press(`${mod}+z`);
  await expect(keyless).toBeVisible();
});

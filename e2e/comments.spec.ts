/**
 * Review comments in the editor (issue 18), solo mode: a comment on a column through the Comments
 * panel, a reply, resolve, the Resolved filter, reopen; the count badge on the table node; a section
 * comment marked in the design-doc preview; the column deleted -> its thread stays, flagged
 * "element removed"; and hostile bodies (HTML, <script>, a javascript: Markdown link) shown as their
 * text: no dialog, no script, the window flag they would set stays unset, and the only link is the
 * http(s) one.
 */
import { expect, test, type Page } from '@playwright/test';
import { documentOf } from '../lib/model/build';
import { createProjectViaApi, uniqueName } from './support/api';
import { ordersTable, usersTable } from './support/shop-tables';

const pwn = (name: string) => `window.__pwned='${name}'`;
const HOSTILE = [`<img src=x onerror="${pwn('img')}">`, `<script>${pwn('script')}</script>`, `[x](javascript:${pwn('link')})`, 'Docs: https://example.com/guide.'].join('\n');

const tableNode = (page: Page, name: string) => page.locator(`[data-testid="table-node"][data-table-name="${name}"]`);

async function watch(page: Page) {
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || /pwned/.test(m.text())) consoleErrors.push(m.text());
  });
  return { dialogs, consoleErrors, pwned: () => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned) };
}

test('comment on a column, reply, resolve, filter, marker, orphaned after delete; hostile bodies stay text', async ({ page }) => {
  test.setTimeout(120_000);
  const project = await createProjectViaApi(page.request, { name: uniqueName('comments'), document: documentOf({ dialect: 'postgres', tables: [usersTable(), ordersTable()] }) });
  const seen = await watch(page);
  await page.goto(`/projects/${encodeURIComponent(project.id)}`);
  await expect(tableNode(page, 'orders')).toBeVisible();
  // Room for the Comments panel beside the inspector.
  await page.getByRole('button', { name: 'DDL', exact: true }).click();

  await page.getByTestId('comments-button').click();
  const panel = page.getByTestId('comments-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByTestId('comments-empty')).toBeVisible();
  await expect(panel.getByTestId('comment-new-submit')).toBeDisabled();

  // On the selected column.
  await tableNode(page, 'orders').locator('[data-testid="column-row"][data-column-name="user_id"]').click();
  await expect(panel.getByTestId('comment-target').locator('option').first()).toHaveText('Column orders.user_id');
  await panel.getByTestId('comment-new-body').fill(HOSTILE);
  await panel.getByTestId('comment-new-submit').click();

  const thread = panel.getByTestId('comment-thread');
  await expect(thread).toHaveCount(1);
  const group = panel.getByTestId('comment-group');
  await expect(group.getByTestId('comment-group-label')).toHaveText('orders.user_id');
  const body = thread.getByTestId('comment-body').first();
  // Exactly the typed text, line breaks included; nothing of it became markup but the http(s) link.
  expect(await body.evaluate((el) => el.textContent)).toBe(HOSTILE);
  await expect(panel.locator('img, script, iframe, [onerror], a[href^="javascript:"], a[href^="data:"]')).toHaveCount(0);
  const link = body.getByTestId('comment-link');
  await expect(link).toHaveCount(1);
  await expect(link).toHaveAttribute('href', 'https://example.com/guide');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(thread.getByTestId('comment-author')).toHaveText('Local user');

  // The table node's badge.
  const marker = tableNode(page, 'orders').getByTestId('table-comment-marker');
  await expect(marker).toHaveAttribute('data-count', '1');
  await expect(tableNode(page, 'users').getByTestId('table-comment-marker')).toHaveCount(0);
  await expect(page.getByTestId('comments-button')).toHaveAttribute('data-count', '1');

  // Reply.
  await thread.getByTestId('comment-reply-body').fill('Agreed <b>bold</b> — see @nobody');
  await thread.getByTestId('comment-reply-submit').click();
  await expect(thread.getByTestId('comment')).toHaveCount(2);
  await expect(thread.getByTestId('comment-body').nth(1)).toHaveText('Agreed <b>bold</b> — see @nobody');

  // Resolve: gone from Open (and from the canvas), listed under Resolved, reopened from there.
  await thread.getByTestId('comment-resolve').click();
  await expect(panel.getByTestId('comments-empty')).toBeVisible();
  await expect(marker).toHaveCount(0);
  await panel.getByTestId('comments-filter-resolved').click();
  await expect(panel.getByTestId('comment-thread')).toHaveAttribute('data-resolved', 'true');
  await expect(panel.getByTestId('comment-resolved-by')).toContainText('Resolved by Local user');
  await panel.getByTestId('comment-reopen').click();
  await expect(panel.getByTestId('comments-empty')).toBeVisible();
  await panel.getByTestId('comments-filter-open').click();
  await expect(panel.getByTestId('comment-thread')).toHaveAttribute('data-resolved', 'false');
  await expect(marker).toHaveAttribute('data-count', '1');

  // A design-document section comment, marked after its heading in the preview.
  await panel.getByTestId('comment-target').selectOption({ label: 'Index Strategy' });
  await panel.getByTestId('comment-new-body').fill('Why no BRIN on created_at?');
  await panel.getByTestId('comment-new-submit').click();
  await expect(panel.getByTestId('comment-group')).toHaveCount(2);
  await page.getByRole('tab', { name: 'Design doc' }).click();
  await page.getByRole('tab', { name: 'Preview' }).click();
  const sectionMarker = page.getByTestId('design-doc-preview').locator('[data-testid="section-comment-marker"]');
  await expect(sectionMarker).toHaveAttribute('data-slug', 'index-strategy', { timeout: 30_000 });
  await expect(sectionMarker).toHaveAttribute('data-count', '1');
  await page.getByRole('tab', { name: 'Diagram' }).click();

  // Delete the column: the thread stays, flagged, under the name it had.
  await tableNode(page, 'orders').locator('[data-testid="column-row"][data-column-name="user_id"]').click();
  await page.getByTestId('inspector-column').getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByTestId('confirm-delete');
  if (await confirm.isVisible().catch(() => false)) await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(tableNode(page, 'orders').locator('[data-column-name="user_id"]')).toHaveCount(0);
  const orphan = panel.locator('[data-testid="comment-group"][data-orphaned="true"]');
  await expect(orphan).toHaveCount(1);
  await expect(orphan.getByTestId('comment-orphaned')).toHaveText('element removed');
  await expect(orphan.getByTestId('comment-group-label')).toHaveText('orders.user_id');

  // Stored beside the document: after a reload the threads are back, still orphaned.
  await expect(page.getByTestId('save-status')).toHaveAttribute('data-status', 'saved', { timeout: 15_000 });
  await page.reload();
  await page.getByTestId('comments-button').click();
  const reloaded = page.getByTestId('comments-panel').locator('[data-testid="comment-group"][data-orphaned="true"]');
  await expect(reloaded).toHaveCount(1);
  expect(await reloaded.getByTestId('comment-body').first().evaluate((el) => el.textContent)).toBe(HOSTILE);

  // Exported only when asked.
  const plain = await (await page.request.get(`/api/projects/${project.id}/export?format=markdown`)).text();
  expect(plain).not.toContain('Review comments');
  const withComments = await (await page.request.get(`/api/projects/${project.id}/export?format=markdown&comments=1`)).text();
  expect(withComments).toContain('## Review comments');
  expect(withComments).toContain('the element was removed from the design');

  await page.waitForTimeout(500);
  expect(seen.dialogs).toEqual([]);
  expect(await seen.pwned()).toBeUndefined();
  expect(seen.consoleErrors.filter((m) => /pwned/.test(m))).toEqual([]);
});

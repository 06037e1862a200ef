/**
 * Teams (issue 18), end to end on the team-mode server (playwright.config.ts's second web server:
 * sign-in on, its own database) with one browser context per person, as the "Proven" asks:
 * the owner (first run at /setup) invites an editor, a viewer and a commenter (the invite links are
 * read from the Share dialog, as the owner would copy them); each accepts in their own context; the
 * editor edits and the owner sees it; the viewer's controls are disabled and a forged save from the
 * viewer's own session is refused (403); a share link opens the project read-only with no account and
 * stops working once revoked (the open tab included); a commenter comments on a column through the
 * Comments panel, the owner replies and resolves; the version history names who saved; the owner
 * removes a member and hands the ownership over.
 *
 * One test, in steps: every step builds on the state the previous ones made (one server, one first run).
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { documentOf } from '../lib/model/build';
import { ordersTable, usersTable } from './support/shop-tables';
import { acceptInviteAsNewUser, setupOwner, teamBaseURL, teamContext, type TeamUser } from './support/team';

const suffix = Date.now().toString(36);
const person = (name: string): TeamUser => ({ name, email: `${name.toLowerCase()}.${suffix}@example.test`, password: `pw-${name}-${suffix}-long-enough` });
const OWNER = person('Olivia');
const EDITOR = person('Eddie');
const VIEWER = person('Vera');
const COMMENTER = person('Cora');

const tableNode = (page: Page, name: string) => page.locator(`[data-testid="table-node"][data-table-name="${name}"]`);
const saveStatus = (page: Page) => page.getByTestId('save-status');

/** The dialog's ✕ (Escape works too, but only while focus is inside the dialog). */
async function closeShareDialog(page: Page) {
  await page.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click();
  await expect(page.getByTestId('share-dialog')).toBeHidden();
}

async function openShareDialog(page: Page) {
  await page.getByTestId('share-button').click();
  const dialog = page.getByTestId('share-dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Invites `who` as `role` from the owner's Share dialog; returns the link the dialog shows once. */
async function inviteFromUi(ownerPage: Page, who: TeamUser, role: 'editor' | 'commenter' | 'viewer'): Promise<string> {
  const dialog = await openShareDialog(ownerPage);
  await dialog.getByTestId('invite-email').fill(who.email);
  await dialog.getByTestId('invite-role').selectOption(role);
  await dialog.getByTestId('invite-create').click();
  const url = await dialog.getByTestId('invite-url').inputValue();
  expect(url).toMatch(/\/invite\/[A-Za-z0-9_-]{32,}$/);
  await expect(dialog.getByTestId('pending-invite').filter({ hasText: who.email })).toBeVisible();
  await closeShareDialog(ownerPage);
  return url;
}

async function personIn(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await teamContext(browser);
  return { context, page: await context.newPage() };
}

test('teams: owner, editor, viewer, commenter and a share link, each in their own browser context', async ({ browser }) => {
  test.setTimeout(240_000);
  const owner = await personIn(browser);
  const origin = teamBaseURL();
  let projectId = '';

  await test.step('first run: the owner account is created at /setup, then a project', async () => {
    await setupOwner(owner.page, OWNER);
    const res = await owner.page.request.post('/api/projects', {
      headers: { origin },
      data: { name: `Shop ${suffix}`, document: documentOf({ tables: [usersTable(), ordersTable()] }) },
    });
    expect(res.status(), await res.text()).toBe(201);
    projectId = ((await res.json()) as { project: { id: string } }).project.id;
    await owner.page.goto(`/projects/${encodeURIComponent(projectId)}`);
    await expect(tableNode(owner.page, 'users')).toBeVisible();
    await expect(owner.page.getByTestId('share-button')).toHaveText('Share');
    await expect(owner.page.getByTestId('read-only-badge')).toHaveCount(0);
  });

  const invites = await test.step('the owner invites an editor, a viewer and a commenter', async () => {
    const e = await inviteFromUi(owner.page, EDITOR, 'editor');
    const v = await inviteFromUi(owner.page, VIEWER, 'viewer');
    const c = await inviteFromUi(owner.page, COMMENTER, 'commenter');
    return { e, v, c };
  });

  const editor = await personIn(browser);
  const viewer = await personIn(browser);
  const commenter = await personIn(browser);

  await test.step('each accepts in their own context and lands on the project', async () => {
    expect(await acceptInviteAsNewUser(editor.page, invites.e, EDITOR)).toBe(projectId);
    expect(await acceptInviteAsNewUser(viewer.page, invites.v, VIEWER)).toBe(projectId);
    expect(await acceptInviteAsNewUser(commenter.page, invites.c, COMMENTER)).toBe(projectId);
    const dialog = await openShareDialog(owner.page);
    for (const [who, role] of [[EDITOR, 'editor'], [VIEWER, 'viewer'], [COMMENTER, 'commenter'], [OWNER, 'owner']] as const) {
      await expect(dialog.locator(`[data-testid="member"][data-email="${who.email}"]`)).toHaveAttribute('data-role', role);
    }
    await expect(dialog.getByTestId('pending-invite')).toHaveCount(0);
    await closeShareDialog(owner.page);
  });

  await test.step('the editor adds a table; it is saved and the owner sees it after a reload', async () => {
    const page = editor.page;
    await expect(page.getByTestId('read-only-badge')).toHaveCount(0);
    await page.getByRole('button', { name: '+ Table' }).click();
    const name = page.getByLabel('Table name', { exact: true }).first();
    await name.fill('invoices');
    await name.press('Enter');
    await expect(tableNode(page, 'invoices')).toBeVisible();
    await expect(saveStatus(page)).toHaveAttribute('data-status', 'saved', { timeout: 15_000 });
    await owner.page.reload();
    await expect(tableNode(owner.page, 'invoices')).toBeVisible();
  });

  await test.step('the viewer sees a read-only canvas: controls disabled, keys do nothing, a forged save is refused', async () => {
    const page = viewer.page;
    await page.reload();
    await expect(tableNode(page, 'invoices')).toBeVisible();
    await expect(page.getByTestId('read-only-badge')).toBeVisible();
    for (const label of ['+ Table', '+ Note', 'Delete', 'Undo']) {
      const button = page.getByRole('button', { name: label, exact: true });
      await expect(button).toBeDisabled();
      await expect(button).toHaveAttribute('title', 'Read-only: your role is viewer');
    }
    // The keyboard: N adds a table for an editor; here nothing changes.
    await page.getByTestId('canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('n');
    await expect(page.getByTestId('table-node')).toHaveCount(3);
    // Double-clicking a name opens no editor on the node; the inspector shows the table, disabled.
    await tableNode(page, 'users').locator('.db-table-header').dblclick();
    await expect(tableNode(page, 'users').getByLabel('Table name', { exact: true })).toHaveCount(0);
    await expect(page.getByTestId('inspector').getByLabel('Table name', { exact: true })).toBeDisabled();
    await expect(saveStatus(page)).toHaveAttribute('data-status', 'saved');

    // A save forged from the viewer's own session (cookies, same origin): the server refuses it.
    const current = (await (await page.request.get(`/api/projects/${encodeURIComponent(projectId)}`)).json()) as { version: number; document: { tables: Record<string, unknown> } };
    const forged = { ...current.document, tables: {} };
    const res = await page.request.put(`/api/projects/${encodeURIComponent(projectId)}`, {
      headers: { origin, 'if-match': String(current.version), 'content-type': 'application/json' },
      data: { document: forged },
    });
    expect(res.status(), await res.text()).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    const after = (await (await owner.page.request.get(`/api/projects/${encodeURIComponent(projectId)}`)).json()) as { version: number };
    expect(after.version).toBe(current.version);
  });

  let shareUrl = '';
  const anonymous = await personIn(browser);

  await test.step('the owner creates a share link; a context with no account opens it read-only', async () => {
    const dialog = await openShareDialog(owner.page);
    await dialog.getByTestId('share-role').selectOption('viewer');
    await dialog.getByTestId('share-label').fill('for the review board');
    await dialog.getByTestId('share-create').click();
    shareUrl = await dialog.getByTestId('share-url').inputValue();
    expect(shareUrl).toMatch(/\/s\/[A-Za-z0-9_-]{32,}$/);
    await expect(dialog.locator('[data-testid="share-link"][data-label="for the review board"]')).toBeVisible();
    await closeShareDialog(owner.page);

    const page = anonymous.page;
    await page.goto(shareUrl);
    await expect(tableNode(page, 'users')).toBeVisible();
    await expect(tableNode(page, 'invoices')).toBeVisible();
    await expect(page.getByTestId('read-only-badge')).toBeVisible();
    await expect(page.getByRole('button', { name: '+ Table', exact: true })).toBeDisabled();
    expect(((await (await page.request.get('/api/session')).json()) as { user: unknown }).user).toBeNull();
    await page.getByRole('tab', { name: 'Design doc' }).click();
    await expect(page.getByTestId('design-doc-preview')).toContainText('invoices', { timeout: 20_000 });
    // The ER diagram (mermaid) rendered in the document.
    await expect(page.getByTestId('design-doc-preview').locator('.design-doc-mermaid svg').first()).toBeVisible({ timeout: 20_000 });
  });

  await test.step('the owner revokes the link: the open tab is refused at its next request, and so is the next load', async () => {
    const dialog = await openShareDialog(owner.page);
    await dialog.locator('[data-testid="share-link"][data-label="for the review board"]').getByTestId('share-revoke').click();
    await expect(dialog.locator('[data-testid="share-link"][data-label="for the review board"]')).toHaveAttribute('data-revoked', 'true');
    await closeShareDialog(owner.page);

    const page = anonymous.page;
    await expect(page.getByTestId('share-gone')).toContainText('This link was revoked or has expired', { timeout: 15_000 });
    await page.goto(shareUrl);
    await expect(page.getByTestId('share-gone')).toContainText('This link was revoked or has expired');
    await expect(page.getByTestId('table-node')).toHaveCount(0);
    const token = shareUrl.split('/').pop()!;
    expect((await page.request.get(`/api/share/${token}`)).status()).toBe(404);
    expect((await page.request.get(`/api/projects/${encodeURIComponent(projectId)}`, { headers: { 'x-draftbase-share': token } })).status()).toBe(401);
  });

  await test.step('a commenter comments on a column; the owner replies and resolves it', async () => {
    await commentOnColumnAndResolve({ commenter: commenter.page, owner: owner.page });
  });

  await test.step('the version history names who saved', async () => {
    const page = owner.page;
    await page.reload();
    await page.getByTestId('versions-button').click();
    const panel = page.getByTestId('versions-panel');
    await expect(panel.getByTestId('activity')).toBeVisible();
    await expect(panel.locator(`[data-testid="activity-event"][data-actor="${EDITOR.name}"]`).first()).toBeVisible();
    // A named version records its author too.
    await panel.getByTestId('version-name').fill('after review');
    await panel.getByTestId('version-save').click();
    await expect(panel.locator('[data-testid="version-item"][data-version-name="after review"]').getByTestId('version-author')).toHaveText(OWNER.name);
  });

  await test.step('the owner removes the viewer and hands the ownership to the editor', async () => {
    const dialog = await openShareDialog(owner.page);
    await dialog.locator(`[data-testid="member"][data-email="${VIEWER.email}"]`).getByTestId('member-remove').click();
    await expect(dialog.locator(`[data-testid="member"][data-email="${VIEWER.email}"]`)).toHaveCount(0);
    await viewer.page.reload();
    await expect(viewer.page.getByRole('alert').filter({ hasText: 'Could not open this project' })).toContainText('does not exist');
    await expect(viewer.page.getByTestId('table-node')).toHaveCount(0);

    // Transfer: the page reloads under the new role (the old owner is an editor now).
    await dialog.locator(`[data-testid="member"][data-email="${EDITOR.email}"]`).getByRole('button', { name: 'Make owner' }).click();
    await expect(owner.page.getByTestId('my-role')).toHaveText('editor', { timeout: 15_000 });
    await expect(owner.page.getByTestId('share-button')).toHaveText('Members');
    await editor.page.reload();
    await expect(editor.page.getByTestId('my-role')).toHaveText('owner');
    await expect(editor.page.getByTestId('share-button')).toHaveText('Share');
  });

  for (const p of [owner, editor, viewer, commenter, anonymous]) await p.context.close();
});

/** The comment round trip through the Comments panel, each person in their own context. */
async function commentOnColumnAndResolve({ commenter, owner }: { commenter: Page; owner: Page }) {
  const openComments = async (page: Page) => {
    await page.reload();
    await expect(tableNode(page, 'users')).toBeVisible();
    // Room for the Comments panel beside the inspector.
    const ddl = page.getByRole('button', { name: 'DDL', exact: true });
    if ((await ddl.getAttribute('aria-pressed')) === 'true') await ddl.click();
    await page.getByTestId('comments-button').click();
    const panel = page.getByTestId('comments-panel');
    await expect(panel).toBeVisible();
    return panel;
  };

  // The commenter's canvas is read-only, yet commenting works: select the column, write, post.
  const cPanel = await openComments(commenter);
  await expect(commenter.getByTestId('read-only-badge')).toHaveAttribute('title', 'Read-only: your role is commenter');
  await tableNode(commenter, 'users').locator('[data-testid="column-row"][data-column-name="email"]').click();
  await expect(cPanel.getByTestId('comment-target').locator('option').first()).toHaveText('Column users.email');
  await cPanel.getByTestId('comment-new-body').fill('Should email be unique?');
  await cPanel.getByTestId('comment-new-submit').click();
  await expect(cPanel.getByTestId('comment-thread')).toHaveCount(1);
  await expect(cPanel.getByTestId('comment-author').first()).toHaveText(COMMENTER.name);

  // The owner sees it on the column, replies and resolves it.
  const oPanel = await openComments(owner);
  const thread = oPanel.getByTestId('comment-thread');
  await expect(thread).toHaveCount(1);
  await expect(oPanel.getByTestId('comment-group-label')).toHaveText('users.email');
  await thread.getByTestId('comment-reply-body').fill('Yes: adding a unique index.');
  await thread.getByTestId('comment-reply-submit').click();
  await expect(thread.getByTestId('comment')).toHaveCount(2);
  await expect(thread.getByTestId('comment-author').nth(1)).toHaveText(OWNER.name);
  await thread.getByTestId('comment-resolve').click();
  await expect(oPanel.getByTestId('comments-empty')).toBeVisible();

  // The commenter, after a reload, finds it resolved by the owner.
  const again = await openComments(commenter);
  await again.getByTestId('comments-filter-resolved').click();
  await expect(again.getByTestId('comment-thread')).toHaveAttribute('data-resolved', 'true');
  await expect(again.getByTestId('comment-resolved-by')).toContainText(`Resolved by ${OWNER.name}`);
}

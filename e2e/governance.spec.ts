/**
 * The review board's journey (issue 16): record a decision from a relationship on the canvas, classify
 * a column, write the decision out and mark the design in review in the Design doc tab, export
 * DATABASE_DESIGN.md (front matter with the project name and status, a table of contents whose links
 * resolve, the decision with its alternatives, no raw HTML); a named reviewer approves, and the next
 * change to the design moves it back to draft.
 */
import { expect, test, type Page } from '@playwright/test';
import { marked } from 'marked';
import { documentOf, makeRelationship } from '../lib/model/build';
import { ordersTable, usersTable } from './support/shop-tables';
import type { SchemaDocument } from '../lib/model/document';
import { githubSlug } from '../lib/design-doc/front-matter';
import { createProjectViaApi, getProjectViaApi, uniqueName } from './support/api';

function shop(): SchemaDocument {
  const doc = documentOf({
    dialect: 'postgres',
    tables: [usersTable(), ordersTable()],
    relationships: [makeRelationship({ id: 'r_orders_user', fromTableId: 't_orders', toTableId: 't_users', columnPairs: [{ fromColumnId: 'c_orders_user_id', toColumnId: 'c_users_id' }], onDelete: 'restrict' })],
  });
  doc.layout.tables = { t_users: { x: 0, y: 0 }, t_orders: { x: 460, y: 60 } };
  return doc;
}

const inspector = (page: Page) => page.getByTestId('inspector');
const saved = (page: Page, id: string, check: (doc: SchemaDocument) => boolean) =>
  expect.poll(async () => check((await getProjectViaApi(page.request, id)).document as SchemaDocument), { timeout: 15_000 }).toBe(true);

async function clickRelationship(page: Page, id: string) {
  const line = page.locator(`[data-relationship-id="${id}"] path.db-rel-line`).first();
  await expect(line).toHaveCount(1);
  const point = await line.evaluate((p: SVGPathElement) => {
    const mid = p.getPointAtLength(p.getTotalLength() / 2);
    const m = p.getScreenCTM()!;
    return { x: m.a * mid.x + m.c * mid.y + m.e, y: m.b * mid.x + m.d * mid.y + m.f };
  });
  await page.mouse.click(point.x, point.y);
  await expect(page.getByTestId('inspector-relationship')).toBeVisible();
}

test('record a decision on a relationship, classify a column, mark in review, export, approve; a later change makes it a draft again', async ({ page }) => {
  const name = uniqueName('Shop review');
  const project = await createProjectViaApi(page.request, { name, document: shop() });
  await page.goto(`/projects/${encodeURIComponent(project.id)}`);
  await expect(page.getByTestId('canvas')).toBeVisible();

  // From the canvas: the relationship's inspector records a decision about it.
  await clickRelationship(page, 'r_orders_user');
  await inspector(page).getByRole('button', { name: 'Record a decision' }).click();
  await expect(inspector(page).getByTestId('element-decisions')).toContainText('Decision about orders → users');

  // Classify users.email as personal data.
  await page.locator('[data-testid="table-node"][data-table-name="users"] [data-testid="column-row"][data-column-name="email"]').click();
  await inspector(page).getByLabel('Data classification').selectOption('personal');
  await saved(page, project.id, (d) => d.tables.t_users.columns[1].classification === 'personal' && (d.governance?.decisions?.length ?? 0) === 1);

  // The Design doc tab: write the decision out, name the people, mark the design in review.
  await page.getByRole('tab', { name: 'Design doc' }).click();
  const signoff = page.getByTestId('design-signoff');
  await signoff.getByLabel('Authors').fill('Ada Lovelace');
  await signoff.getByLabel('Authors').press('Enter');
  await signoff.getByLabel('Reviewers').fill('Grace Hopper, Edgar Codd');
  await signoff.getByLabel('Reviewers').press('Enter');
  await signoff.getByLabel('Status').selectOption('in-review');
  await expect(page.getByTestId('design-status')).toHaveAttribute('data-status', 'in-review');
  const decision = page.getByTestId('decision-record').first();
  await decision.getByLabel('Title').fill('Orders keep their user <b>RESTRICT</b>');
  await decision.getByLabel('Title').press('Enter');
  await decision.getByLabel('Status').selectOption('accepted');
  await decision.getByLabel('Alternatives considered').fill('ON DELETE CASCADE: erases order history\nON DELETE SET NULL: loses who ordered');
  await decision.getByLabel('Alternatives considered').blur();
  await saved(page, project.id, (d) => d.governance?.status === 'in-review' && d.governance.decisions?.[0].alternatives.length === 2 && d.governance.reviewers?.length === 2);

  // The exported document: front matter, table of contents, the decision; no raw HTML from user text.
  const res = await page.request.get(`/api/projects/${encodeURIComponent(project.id)}/export?format=markdown`);
  expect(res.status()).toBe(200);
  const md = await res.text();
  expect(md).toContain(`# Database Design Document: ${name}`);
  expect(md).toContain('| Status | In review |');
  expect(md).toContain('| Authors | Ada Lovelace |');
  expect(md).toContain('| Reviewers | Grace Hopper, Edgar Codd |');
  expect(md).toMatch(/\*\*ADR-1: Orders keep their user &lt;b&gt;RESTRICT&lt;\/b&gt;\*\* \(Accepted, \d{4}-\d{2}-\d{2}\)/);
  expect(md).toContain('_Concerns:_ orders → users.');
  expect(md).toContain('| ON DELETE CASCADE | erases order history |');
  const headings = new Set(md.split('\n').filter((l) => /^#{2,4} /.test(l)).map((l) => githubSlug(l.replace(/^#+ /, ''))));
  const links = [...md.matchAll(/^\s*- \[[^\]]+\]\(#([^)]+)\)$/gm)].map((m) => m[1]);
  expect(links.length).toBe(22);
  for (const link of links) expect(headings, `TOC link #${link}`).toContain(link);
  const html = marked.parse(md.replace(/```[\s\S]*?```/g, ''), { async: false });
  expect(html).not.toContain('<b>');

  // A named reviewer approves for a version; the preview says so.
  await signoff.getByLabel('Approve as').selectOption('Grace Hopper');
  await signoff.getByTestId('approve-version').fill('v1.0');
  await signoff.getByTestId('approve-design').click();
  await expect(page.getByTestId('design-status')).toHaveAttribute('data-status', 'approved');
  await expect(page.getByTestId('design-status')).toContainText('Approved by Grace Hopper');
  await saved(page, project.id, (d) => d.governance?.approval?.reviewer === 'Grace Hopper');
  const approved = await (await page.request.get(`/api/projects/${encodeURIComponent(project.id)}/export?format=markdown`)).text();
  expect(approved).toMatch(/\| Status \| Approved by Grace Hopper on \d{4}-\d{2}-\d{2} for version v1\.0 \|/);

  // Any later change to the design: back to draft, and the document says why.
  await page.getByRole('tab', { name: 'Diagram' }).click();
  await page.locator('[data-testid="table-node"][data-table-name="orders"] .db-table-header').click();
  await inspector(page).getByLabel('Table comment').fill('Every order ever placed');
  await inspector(page).getByLabel('Table comment').blur();
  await saved(page, project.id, (d) => d.tables.t_orders.comment === 'Every order ever placed');
  const after = await (await page.request.get(`/api/projects/${encodeURIComponent(project.id)}/export?format=markdown`)).text();
  expect(after).toContain('| Status | Draft (approved by Grace Hopper on');
  expect(after).toContain('the design changed since, so it needs a new review) |');
});

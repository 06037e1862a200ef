/**
 * The home page as a user drives it: create (opens the new project), rename (survives reload),
 * duplicate, delete; with 80+ projects, search by name and sort, both kept in the URL across a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { documentOf, makeTable } from '../lib/model/build';
import { createProjectViaApi, deleteProjectViaApi, getProjectViaApi, saveProjectViaApi, uniqueName } from './support/api';

function row(page: Page, name: string) {
  return page.getByTestId('project-row').filter({ has: page.getByTestId('project-link').getByText(name, { exact: true }) });
}

test('create, rename, reload, duplicate and delete a project from the home page', async ({ page }) => {
  const name = uniqueName('Billing');
  const renamed = `${name} v2`;

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Draftbase' })).toBeVisible();

  // Create: the new project opens in the editor
  await page.getByTestId('new-project-name').fill(name);
  await page.getByTestId('create-project').click();
  await page.waitForURL(/\/projects\/[^/]+$/, { timeout: 15_000 });
  await expect(page.getByTestId('canvas')).toBeVisible();
  await expect(page.getByTestId('project-name')).toHaveText(name);
  await page.goto('/');
  await expect(row(page, name)).toHaveCount(1);
  await expect(row(page, name).getByTestId('project-table-count')).toHaveText('0 tables');

  // Rename, then reload: the new name is what the server stored
  await row(page, name).getByTestId('rename-project').click();
  await page.getByTestId('rename-input').fill(renamed);
  await page.getByTestId('rename-save').click();
  await expect(row(page, renamed)).toHaveCount(1);
  await page.reload();
  await expect(row(page, renamed)).toHaveCount(1);
  await expect(row(page, name)).toHaveCount(0);

  // Duplicate
  await row(page, renamed).getByTestId('duplicate-project').click();
  await expect(row(page, `${renamed} (copy)`)).toHaveCount(1);

  // Delete asks first; cancelling keeps the project
  await row(page, renamed).getByTestId('delete-project').click();
  await expect(page.getByTestId('confirm-dialog')).toBeVisible();
  await page.getByTestId('confirm-cancel').click();
  await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);
  await expect(row(page, renamed)).toHaveCount(1);

  await row(page, renamed).getByTestId('delete-project').click();
  await page.getByTestId('confirm-accept').click();
  await expect(row(page, renamed)).toHaveCount(0);
  await page.reload();
  await expect(row(page, renamed)).toHaveCount(0);
  await expect(row(page, `${renamed} (copy)`)).toHaveCount(1);
});

test('the list shows table counts from the stored document and links to the editor', async ({ page, request }) => {
  const name = uniqueName('Shop');
  const document = {
    format: 'draftbase', version: 1, settings: { dialect: 'postgres' }, schemas: {},
    tables: {
      t1: { id: 't1', name: 'users', columns: [], uniques: [], checks: [], indexes: [] },
      t2: { id: 't2', name: 'orders', columns: [], uniques: [], checks: [], indexes: [] },
    },
    relationships: {}, enums: {}, domains: {}, views: {}, areas: {}, notes: {},
    design: { narrative: {}, requirements: {}, queryPatterns: [] },
    layout: { tables: {}, notes: {} },
  };
  const project = await createProjectViaApi(request, { name, document });
  await page.goto('/');
  await expect(row(page, name).getByTestId('project-table-count')).toHaveText('2 tables');
  await expect(row(page, name).getByTestId('project-link')).toHaveAttribute('href', `/projects/${project.id}`);
});

test('renaming a project deleted in another tab shows the server error', async ({ page, request }) => {
  const name = uniqueName('Gone');
  const project = await createProjectViaApi(request, { name });
  await page.goto('/');
  await expect(row(page, name)).toHaveCount(1);
  // Another tab deletes it meanwhile.
  await deleteProjectViaApi(request, project.id);
  await row(page, name).getByTestId('rename-project').click();
  await page.getByTestId('rename-input').fill(`${name} renamed`);
  await page.getByTestId('rename-save').click();
  await expect(page.getByTestId('projects-error')).toContainText(`No project with id "${project.id}"`);
});

function tables(n: number) {
  return documentOf({ tables: Array.from({ length: n }, (_, i) => makeTable({ id: `t${i}`, name: `t${i}` })) });
}

test('with 80+ projects: search by name and sort, kept in the URL across a reload', async ({ page, request }) => {
  const prefix = uniqueName('Fleet').replace(' ', '-');
  // 80 look-alike projects plus three with tables, created oldest first.
  for (let i = 0; i < 80; i += 10) {
    await Promise.all(Array.from({ length: 10 }, (_, j) => createProjectViaApi(request, { name: `${prefix} ${(i + j) % 4 ? 'ledger' : 'payroll'} ${i + j + 1}` })));
  }
  const small = await createProjectViaApi(request, { name: `${prefix} zebra`, document: tables(1) });
  await createProjectViaApi(request, { name: `${prefix} aardvark`, document: tables(3) });
  await createProjectViaApi(request, { name: `${prefix} mole`, document: tables(2) });

  await page.goto('/');
  const names = () => page.getByTestId('project-link').allTextContents();
  const search = page.getByRole('searchbox', { name: 'Search projects by name' });
  const sort = page.getByRole('combobox', { name: 'Sort projects' });

  // Search by name: every word, in any order and case.
  await search.fill(`PAYROLL ${prefix.toUpperCase()}`);
  await expect(page.getByTestId('project-row')).toHaveCount(20);
  await expect(page.getByTestId('project-count')).toContainText('20 of');
  await expect(page.getByTestId('project-link').first()).toContainText('payroll');
  await search.fill(prefix);
  await expect(page.getByTestId('project-row')).toHaveCount(83);

  // Sort by name, then by table count.
  await sort.selectOption({ label: 'Name' });
  // (numbers in numeric order: "ledger 10" after "ledger 9")
  await expect.poll(async () => (await names()).slice(0, 5)).toEqual([`${prefix} aardvark`, ...[2, 3, 4, 6].map((n) => `${prefix} ledger ${n}`)]);
  const byName = await names();
  expect(byName.indexOf(`${prefix} ledger 10`)).toBe(byName.indexOf(`${prefix} ledger 8`) + 1);
  expect(byName.at(-1)).toBe(`${prefix} zebra`);
  await sort.selectOption({ label: 'Table count' });
  await expect.poll(async () => (await names()).slice(0, 3)).toEqual([`${prefix} aardvark`, `${prefix} mole`, `${prefix} zebra`]);
  expect(new URL(page.url()).searchParams.get('q')).toBe(prefix);
  expect(new URL(page.url()).searchParams.get('sort')).toBe('tables');

  // A reload keeps both.
  await page.reload();
  await expect(search).toHaveValue(prefix);
  await expect(sort).toHaveValue('tables');
  await expect(page.getByTestId('project-row')).toHaveCount(83);
  expect((await names()).slice(0, 3)).toEqual([`${prefix} aardvark`, `${prefix} mole`, `${prefix} zebra`]);

  // Last edited: a project saved just now comes first.
  const saved = await getProjectViaApi(request, small.id);
  await saveProjectViaApi(request, small.id, saved.version, tables(1));
  await page.reload();
  await sort.selectOption({ label: 'Last edited' });
  await expect.poll(async () => (await names())[0]).toBe(`${prefix} zebra`);
  expect(new URL(page.url()).searchParams.get('sort')).toBeNull();

  // Nothing matches: said so, and the search can be cleared.
  await search.fill(`${prefix} no such project`);
  await expect(page.getByTestId('projects-no-match')).toBeVisible();
  await page.getByRole('button', { name: 'Clear the search' }).click();
  await expect(search).toHaveValue('');
  await expect.poll(async () => (await names()).length).toBeGreaterThanOrEqual(83);
});

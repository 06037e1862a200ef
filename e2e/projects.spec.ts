/** The home page as a user drives it: create, rename (survives reload), duplicate, delete. */
import { expect, test, type Page } from '@playwright/test';
import { createProjectViaApi, deleteProjectViaApi, uniqueName } from './support/api';

function row(page: Page, name: string) {
  return page.getByTestId('project-row').filter({ has: page.getByTestId('project-link').getByText(name, { exact: true }) });
}

test('create, rename, reload, duplicate and delete a project from the home page', async ({ page }) => {
  const name = uniqueName('Billing');
  const renamed = `${name} v2`;

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Draftbase' })).toBeVisible();

  // Create
  await page.getByTestId('new-project-name').fill(name);
  await page.getByTestId('create-project').click();
  await expect(row(page, name)).toHaveCount(1);
  await expect(row(page, name).getByTestId('project-table-count')).toHaveText('0 tables');
  await expect(page.getByTestId('new-project-name')).toHaveValue('');

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

/**
 * Importing, as a user does it: the Import dialog on the home page (new project) and in the editor
 * (merge into the open project), plus the API's size cap and located errors.
 *
 * The dialog is mounted by the pages (home: mode "new-project"; editor: mode "merge") with its default
 * trigger button (data-testid="import-open").
 */
import path from 'node:path';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { createProjectViaApi, getProjectViaApi, uniqueName } from './support/api';

// package.json has "type": "module": no __dirname in specs.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const corpus = path.resolve(repoRoot, '..', 'shared', 'corpus');
const haveCorpus = existsSync(corpus);
if (!haveCorpus) {
  if (process.env.CI === 'true') throw new Error(`the test corpus is missing at ${corpus} (required under CI=true)`);
  console.warn(`[skip] corpus-based import e2e tests: corpus not found at ${corpus}`);
}

const DDL = `CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL UNIQUE);
CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id) ON DELETE CASCADE);
CREATE TRIGGER orders_audit AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION audit();
GRANT SELECT ON orders TO reporting;
`;

async function openImport(page: Page) {
  await page.getByTestId('import-open').first().click();
  await expect(page.getByTestId('import-dialog')).toBeVisible();
}

test.describe('API', () => {
  test('a 50 MB paste is refused with 413, quickly', async ({ request }) => {
    const t = Date.now();
    const res = await request.post('/api/import', { data: { format: 'auto', source: 'x'.repeat(50 * 1024 * 1024) } });
    expect(res.status()).toBe(413);
    expect(Date.now() - t).toBeLessThan(15_000);
  });

  test('a bad file gets 422 with line, column and excerpt', async ({ request }) => {
    const res = await request.post('/api/import', { data: { format: 'dbml', source: 'Table a {\n  id int [pk\n}\n' } });
    expect(res.status()).toBe(422);
    expect((await res.json()).error).toMatchObject({ line: 3, column: 1, excerpt: '}' });
  });
});

test('paste DDL on the home page: preview with counts and the skipped GRANT (the trigger is kept), then a new project', async ({ page, request }) => {
  const name = uniqueName('Imported shop');
  await page.goto('/');
  await openImport(page);
  await page.getByTestId('import-text').fill(DDL);
  await page.getByTestId('import-preview').click();
  await expect(page.getByTestId('import-summary')).toHaveText('2 tables, 4 columns, 1 relationship, 0 indexes');
  await expect(page.getByTestId('import-skipped-count')).toHaveText('; 1 statement skipped');
  await expect(page.getByTestId('import-skipped')).toContainText('line 4: GRANT SELECT ON orders TO reporting');
  await expect(page.getByTestId('import-skipped')).not.toContainText('CREATE TRIGGER');
  await page.getByTestId('import-project-name').fill(name);
  await page.getByTestId('import-create').click();
  await page.waitForURL(/\/projects\/[^/]+$/);
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
  const stored = (await getProjectViaApi(request, id)) as {
    name: string;
    document: { tables: Record<string, { id: string; name: string }>; routines?: Record<string, { kind: string; name: string }>; layout: { tables: Record<string, { x: number; y: number }> } };
  };
  expect(stored.name).toBe(name);
  // The trigger is kept verbatim as a routine of the document.
  expect(Object.values(stored.document.routines ?? {}).map((r) => `${r.kind} ${r.name}`)).toEqual(['trigger orders_audit']);
  expect(Object.values(stored.document.tables).map((t) => t.name).sort()).toEqual(['customers', 'orders']);
  // Laid out by elk before the project was created: the FK holder sits left of the table it references.
  const at = (tableName: string) => stored.document.layout.tables[Object.values(stored.document.tables).find((t) => t.name === tableName)!.id];
  expect(at('orders')).toBeDefined();
  expect(at('customers')).toBeDefined();
  expect(at('orders').x).toBeLessThan(at('customers').x);
});

test('a failed import shows line, column and text, and creates nothing', async ({ page }) => {
  // This page's own requests, not the server's project count: other workers create projects meanwhile.
  const creates: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/projects') creates.push(r.url());
  });
  await page.goto('/');
  await openImport(page);
  await page.getByTestId('import-text').fill('Table users {\n  id int [pk\n}\n');
  await page.getByTestId('import-preview').click();
  await expect(page.getByTestId('import-error')).toContainText('line 3, column 1');
  await expect(page.getByTestId('import-error-excerpt')).toContainText('3 | }');
  await expect(page.getByTestId('import-create')).toHaveCount(0);
  expect(creates).toEqual([]);
});

test('a multi-file Prisma folder (dub, 37 files) imports through the folder picker', async ({ page }) => {
  test.skip(!haveCorpus, 'corpus not available');
  await page.goto('/');
  await openImport(page);
  await page.getByRole('tab', { name: 'Files or folder' }).click();
  await page.getByTestId('import-folder').setInputFiles(path.join(corpus, 'prisma/dub-schema-folder'));
  await expect(page.getByTestId('import-file-list')).toContainText('37 files');
  await page.getByTestId('import-preview').click();
  await expect(page.getByTestId('import-summary')).toHaveText('85 tables, 953 columns, 182 relationships, 200 indexes, 53 enums', { timeout: 30_000 });
  await expect(page.getByTestId('import-project-name')).toHaveValue('dub-schema-folder');
});

test('merge into the open project: same-named tables kept or replaced, new tables added', async ({ page, request }) => {
  const document = {
    format: 'draftbase', version: 1, settings: { dialect: 'postgres' }, schemas: {},
    tables: {
      t_customers: {
        id: 't_customers', name: 'customers', uniques: [], checks: [], indexes: [],
        columns: [{ id: 'c_id', name: 'id', type: { kind: 'scalar', name: 'integer' }, nullable: false, default: { kind: 'none' } }],
        primaryKey: { columnIds: ['c_id'] },
      },
    },
    relationships: {}, enums: {}, domains: {}, views: {}, areas: {}, notes: {},
    design: { narrative: {}, requirements: {}, queryPatterns: [] },
    layout: { tables: { t_customers: { x: 0, y: 0 } }, notes: {} },
  };
  const project = await createProjectViaApi(request, { name: uniqueName('Merge target'), document });
  await page.goto(`/projects/${project.id}`);
  await openImport(page);
  await page.getByTestId('import-text').fill(DDL);
  await page.getByTestId('import-preview').click();
  await expect(page.getByTestId('import-preview-panel')).toContainText('1 table already exists in this project (customers)');
  await page.getByTestId('import-policy-keep').check();
  await page.getByTestId('import-merge').click();
  await expect(page.getByTestId('import-dialog')).toHaveCount(0);

  const tables = await page.evaluate(() => {
    const store = (window as unknown as { __draftbaseStore: { getState(): { doc: { tables: Record<string, { id: string; name: string; columns: { name: string }[] }> } } } }).__draftbaseStore;
    return Object.values(store.getState().doc.tables).map((t) => ({ id: t.id, name: t.name, columns: t.columns.map((c) => c.name) }));
  });
  // Kept: customers is untouched (same id, its one column); orders is new and points at it.
  expect(tables.find((t) => t.name === 'customers')).toEqual({ id: 't_customers', name: 'customers', columns: ['id'] });
  expect(tables.find((t) => t.name === 'orders')?.columns).toEqual(['id', 'customer_id']);
});

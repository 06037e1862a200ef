/**
 * SQLite as a DDL target in the editor (issue 20): the DDL panel offers it beside PostgreSQL and
 * MySQL, writes the script SQLite runs (PRAGMA foreign_keys = ON first, INTEGER PRIMARY KEY
 * AUTOINCREMENT for an identity key, enums as CHECK constraints) and lists what SQLite cannot keep.
 */
import { expect, test, type Page } from '@playwright/test';
import { documentOf, enumType, makeColumn, makeIndex, makeTable, scalar } from '../lib/model/build';
import type { SchemaDocument } from '../lib/model/document';
import { createProjectViaApi, uniqueName } from './support/api';

function shopDocument(): SchemaDocument {
  const status = { id: 'e_status', name: 'order_status', values: ['open', 'paid'] };
  const orders = makeTable({
    id: 't_orders',
    name: 'orders',
    columns: [
      makeColumn({ id: 'c_id', name: 'id', type: scalar('bigint'), nullable: false, identity: { always: false } }),
      makeColumn({ id: 'c_status', name: 'status', type: enumType('e_status'), nullable: false }),
      makeColumn({ id: 'c_doc', name: 'doc', type: scalar('jsonb'), nullable: true }),
    ],
    primaryKey: { columnIds: ['c_id'] },
    indexes: [makeIndex({ id: 'i_doc', name: 'orders_doc_gin', method: 'gin', parts: [{ kind: 'column', columnId: 'c_doc' }] })],
  });
  const doc = documentOf({ dialect: 'postgres', tables: [orders], enums: [status] });
  doc.layout.tables = { t_orders: { x: 40, y: 40 } };
  return doc;
}

async function open(page: Page, doc: SchemaDocument) {
  const project = await createProjectViaApi(page.request, { name: uniqueName('sqlite'), document: doc });
  await page.goto(`/projects/${encodeURIComponent(project.id)}`);
  await expect(page.getByTestId('canvas')).toBeVisible();
}

test('the DDL panel writes SQLite: foreign keys on, rowid alias, enum CHECK, and what it leaves out', async ({ page }) => {
  await open(page, shopDocument());
  const select = page.getByTestId('ddl-dialect-select');
  await expect(select.locator('option[value="sqlite"]')).toHaveText('SQLite');
  await select.selectOption('sqlite');
  const ddl = page.getByTestId('ddl-text');
  await expect(ddl).toContainText('PRAGMA foreign_keys = ON;');
  await expect(ddl).toContainText('"id" integer NOT NULL CONSTRAINT "orders_pkey" PRIMARY KEY AUTOINCREMENT');
  await expect(ddl).toContainText(`"status" text NOT NULL CHECK ("status" IN ('open', 'paid'))`);
  await expect(ddl).not.toContainText('orders_doc_gin');
  await expect(page.getByTestId('ddl-diagnostics')).toContainText('SQLite has no GIN indexes: skipped');
});

test('STRICT and WITHOUT ROWID are set per table in the inspector and written by the SQLite DDL', async ({ page }) => {
  await open(page, shopDocument());
  await page.getByTestId('ddl-dialect-select').selectOption('sqlite');
  const ddl = page.getByTestId('ddl-text');
  await expect(ddl).toContainText('PRAGMA foreign_keys = ON;');
  await expect(ddl).not.toContainText('STRICT');

  await page.locator('[data-testid="table-node"][data-table-name="orders"] .db-table-header').click();
  const inspector = page.getByTestId('inspector');
  await inspector.getByRole('button', { name: 'Table storage' }).click();
  await inspector.getByLabel('STRICT (column types enforced)').check();
  // STRICT takes only its own types: each declared type becomes its affinity's (json -> ANY).
  await expect(ddl).toContainText(') STRICT;');
  await expect(ddl).toContainText('"status" TEXT NOT NULL');
  await expect(ddl).toContainText('"doc" ANY');
  // orders' key is AUTOINCREMENT, which only a rowid table has: WITHOUT ROWID is left out, and the panel says why.
  await inspector.getByLabel('WITHOUT ROWID').check();
  const why = page.getByTestId('ddl-diagnostics').locator('[data-testid="ddl-diagnostic-group"][data-code="sqlite.without-rowid-skipped"]');
  await expect(why).toBeVisible();
  await expect(ddl).toContainText(') STRICT;');

  // One undo step per checkbox: undo takes WITHOUT ROWID back off, and its note goes with it.
  await page.getByRole('button', { name: /^Undo/ }).first().click();
  await expect(inspector.getByLabel('WITHOUT ROWID')).not.toBeChecked();
  await expect(why).toHaveCount(0);
  await expect(inspector.getByLabel('STRICT (column types enforced)')).toBeChecked();
  await expect(ddl).toContainText(') STRICT;');
});

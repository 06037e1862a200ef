/**
 * Extensions and sequences as a user meets them: with nothing selected the inspector shows the
 * database's Sequences and Extensions; an operator class that needs pg_trgm is offered for
 * declaration, and declaring it puts CREATE EXTENSION first in the live DDL. Typing `bigserial` as a
 * column's type makes it own a sequence (written `bigserial`); giving that sequence a start writes it
 * in pg_dump's shape, and MySQL output makes it AUTO_INCREMENT from that start.
 */
import { expect, test } from '@playwright/test';
import { createProjectViaApi } from './support/api';
import { ordersTable, usersTable } from './support/shop-tables';
import { documentOf } from '../lib/model/build';

test('declare a needed extension, make a column serial, edit its sequence; the DDL follows', async ({ page }) => {
  const users = usersTable();
  users.indexes[0] = { ...users.indexes[0], method: 'gin', parts: [{ kind: 'column', columnId: 'c_users_email', opclass: 'gin_trgm_ops' }] };
  const doc = documentOf({ dialect: 'postgres', tables: [users, ordersTable()] });
  doc.layout.tables = { t_users: { x: 0, y: 0 }, t_orders: { x: 400, y: 0 } };
  const project = await createProjectViaApi(page.request, { name: 'Database panel e2e', document: doc });
  await page.goto(`/projects/${encodeURIComponent(project.id)}`);
  await expect(page.locator('[data-testid="table-node"][data-table-name="orders"]')).toBeVisible();
  const inspector = page.getByTestId('inspector');
  const ddl = page.getByTestId('ddl-text');

  // Nothing selected: the database's own sections; pg_trgm is used but not declared.
  const needed = inspector.getByTestId('extension-needed');
  await expect(needed).toContainText('pg_trgm');
  await needed.getByRole('button', { name: 'Declare' }).click();
  await expect(needed).toHaveCount(0);
  await expect(inspector.getByRole('group', { name: 'Extension pg_trgm' })).toBeVisible();
  await expect(ddl).toContainText('CREATE EXTENSION IF NOT EXISTS "pg_trgm";');

  // orders.id becomes bigserial: it owns orders_id_seq.
  await page.locator('[data-testid="table-node"][data-table-name="orders"] [data-testid="column-row"][data-column-name="id"]').click();
  const type = inspector.getByLabel('Type', { exact: true });
  await type.fill('bigserial');
  await type.press('Enter');
  await expect(ddl).toContainText('"id" bigserial NOT NULL');

  // The sequence, in the database's section: a start of 100 is no longer plain bigserial.
  await inspector.locator('[data-testid="sequence-item"] summary', { hasText: 'orders_id_seq' }).click();
  const card = inspector.getByRole('group', { name: 'Sequence orders_id_seq' });
  await expect(card).toContainText('orders.id');
  const start = card.getByLabel('Start', { exact: true });
  await start.fill('100');
  await start.press('Enter');
  await expect(ddl).toContainText('CREATE SEQUENCE "orders_id_seq" START WITH 100;');
  await expect(ddl).toContainText(`"id" bigint NOT NULL DEFAULT nextval('"orders_id_seq"'::regclass)`);
  await expect(ddl).toContainText('ALTER SEQUENCE "orders_id_seq" OWNED BY "orders"."id";');

  await page.getByTestId('ddl-dialect-select').selectOption('mysql');
  await expect(ddl).toContainText('`id` bigint NOT NULL AUTO_INCREMENT');
  await expect(ddl).toContainText('AUTO_INCREMENT=100');
});

/**
 * Renames on the real engines: a shop whose checks, partial and expression indexes, generated
 * columns, expression defaults and views name the renamed columns and table. After the renames (each
 * one batch: rename + rewritten SQL) the generated script has no error and applies on the PostgreSQL
 * server and on MariaDB 10.11, and the views answer. The same renames without the rewrite are
 * reported (expression.unknown-column) and the engine indeed rejects that script.
 *
 * Needs DATABASE_URL_PG / DATABASE_URL_MYSQL (skipped with a notice when unset, required under CI).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDdlStatements } from '../ddl/generate-ddl';
import { documentOf, makeColumn, makeIndex, makeTable, scalar } from '../model/build';
import { applyCommand } from '../model/commands/apply';
import type { Command } from '../model/commands/types';
import type { Dialect, SchemaDocument } from '../model/document';
import { mariadbSession } from '../server/testing/mariadb';
import { pgServerSession } from '../server/testing/pg-engines';
import { requireServer } from '../server/testing/require-server';
import { applyStatements, type SqlClient } from '../server/testing/sql-client';
import { loadSqlParsers } from './load';
import { renameColumnPlan, renameTablePlan } from './rename';
import type { SqlParsers } from './types';

let parsers: SqlParsers;
beforeAll(async () => {
  parsers = await loadSqlParsers();
});

function shop(dialect: Dialect): SchemaDocument {
  const c = (id: string, name: string, more = {}) => makeColumn({ id, name, type: scalar('integer'), nullable: true, ...more });
  const customers = makeTable({ id: 't_customers', name: 'customers', columns: [c('c_id', 'id', { nullable: false }), c('c_name', 'name', { type: scalar('varchar', { length: 80 }) }), c('c_status', 'status', { type: scalar('varchar', { length: 20 }) })], primaryKey: { columnIds: ['c_id'] } });
  const orders = makeTable({
    id: 't_orders',
    name: 'orders',
    columns: [
      c('o_id', 'id', { nullable: false }),
      c('o_customer', 'customer_id'),
      c('o_status', 'status', { type: scalar('varchar', { length: 20 }), nullable: false }),
      c('o_qty', 'quantity'),
      c('o_double', 'double_qty', { generated: { expression: 'quantity * 2', stored: true } }),
      // PostgreSQL defaults cannot name columns; MySQL/MariaDB expression defaults can.
      ...(dialect === 'mysql' ? [c('o_spare', 'spare', { default: { kind: 'expression' as const, sql: '(quantity + 1)' } })] : []),
    ],
    primaryKey: { columnIds: ['o_id'] },
    checks: [
      { id: 'k_status', name: 'orders_status_check', expression: "status IN ('open', 'paid', 'status')" },
      { id: 'k_qty', name: 'orders_quantity_check', expression: 'quantity > 0 AND orders.quantity < 1000' },
      { id: 'k_new', expression: '' },
    ],
    indexes: [
      makeIndex({ id: 'i_open', name: 'orders_open_idx', parts: [{ kind: 'column', columnId: 'o_id' }], where: dialect === 'postgres' ? "status = 'open'" : undefined }),
      ...(dialect === 'postgres' ? [makeIndex({ id: 'i_lower', name: 'orders_status_lower_idx', parts: [{ kind: 'expression' as const, sql: 'lower(status)' }] })] : []),
    ],
  });
  const q = dialect === 'postgres' ? '"' : '`';
  const views = [
    { id: 'v_open', name: 'open_orders', dialect, materialized: false, sql: `SELECT o.id, o.status, o.quantity, c.name, c.status AS customer_status FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status <> 'status'` },
    { id: 'v_all', name: 'all_orders', dialect, materialized: false, sql: `SELECT orders.id, ${q}orders${q}.status, quantity FROM orders ORDER BY status` },
  ];
  return documentOf({ dialect, tables: [customers, orders], views });
}

/** Renames status (to a name that needs quotes), quantity and the table, rewriting (or not) the SQL. */
function renamed(dialect: Dialect, rewrite: boolean): SchemaDocument {
  let doc = shop(dialect);
  const steps: ((d: SchemaDocument) => Command)[] = [
    (d) => renameColumnPlan(d, 't_orders', 'o_status', 'Order State', rewrite ? parsers : {}).command,
    (d) => renameColumnPlan(d, 't_orders', 'o_qty', 'qty', rewrite ? parsers : {}).command,
    (d) => renameTablePlan(d, 't_orders', 'purchases', rewrite ? parsers : {}).command,
  ];
  for (const step of steps) doc = applyCommand(doc, step(doc)).doc;
  return doc;
}

async function exercise(db: SqlClient, dialect: Dialect): Promise<unknown[]> {
  const q = (s: string) => (dialect === 'postgres' ? `"${s}"` : `\`${s}\``);
  await db.query(`INSERT INTO customers (id, name, status) VALUES (1, 'Ada', 'vip')`);
  await db.query(`INSERT INTO purchases (id, customer_id, ${q('Order State')}, qty) VALUES (10, 1, 'open', 3)`);
  return db.query(`SELECT ${q('Order State')} AS s, qty, name, customer_status FROM open_orders`);
}

describe.each([
  ['postgres', 'pg', undefined],
  ['mysql', 'mysql', 'mariadb-10.11'],
] as const)('%s: renames with their expressions rewritten', (dialect, server, target) => {
  const url = requireServer(server);
  const session = url ? (dialect === 'postgres' ? pgServerSession(url) : mariadbSession(url)) : undefined;
  afterAll(() => session?.close());

  it.skipIf(!session)('the script has no error and applies; the views answer', async () => {
    const doc = renamed(dialect, true);
    const { statements, diagnostics } = generateDdlStatements(doc, dialect, { sqlParsers: parsers, target });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(diagnostics.filter((d) => d.code === 'check.empty')).toHaveLength(1);
    const script = statements.join(';\n');
    expect(script).not.toMatch(/\bstatus =|o\.status|\bquantity\b|FROM orders\b/);
    const db = await session!.fresh();
    await applyStatements(db, statements);
    expect(await exercise(db, dialect)).toEqual([{ s: 'open', qty: 3, name: 'Ada', customer_status: 'vip' }]);
  });

  it.skipIf(!session)('without the rewrite the stale names are reported, and the engine rejects the script', async () => {
    const doc = renamed(dialect, false);
    const { statements, diagnostics } = generateDdlStatements(doc, dialect, { sqlParsers: parsers, target });
    const stale = diagnostics.filter((d) => d.code === 'expression.unknown-column').map((d) => d.message);
    expect(stale).toEqual(expect.arrayContaining([expect.stringContaining('check "orders_status_check" on purchases: purchases has no column "status"'), expect.stringContaining('generated column purchases.double_qty: purchases has no column "quantity"')]));
    const db = await session!.fresh();
    await expect(applyStatements(db, statements)).rejects.toThrow(/status|quantity|orders/);
  });
});

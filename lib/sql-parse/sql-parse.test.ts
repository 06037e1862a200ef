/**
 * The parser interface over PostgreSQL's own parser and the MySQL grammar: where an expression fails
 * (line/column inside the text), and the rename rewrite over many expression shapes in both dialects
 * (predicates, function calls, casts, quoted names, string literals that must not change, qualified
 * references, view bodies with joins and aliases).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { applyCommand, undoPatches } from '../model/commands/apply';
import { documentOf, makeColumn, makeIndex, makeTable, scalar } from '../model/build';
import type { Dialect, SchemaDocument, View } from '../model/document';
import { generateDdl } from '../ddl/generate-ddl';
import { expressionDiagnostics } from './expression-diagnostics';
import { loadSqlParsers } from './load';
import { renameColumnPlan, renameTablePlan } from './rename';
import type { SqlParsers } from './types';

let parsers: SqlParsers;
beforeAll(async () => {
  parsers = await loadSqlParsers();
});

describe('parseExpression: a failure says where, inside the expression', () => {
  it.each<[Dialect, string, { line: number; column: number; message: RegExp } | 'ok']>([
    ['postgres', 'quantity > 0', 'ok'],
    ['postgres', "status IN ('open', 'paid') AND lower(note::text) LIKE 'x%'", 'ok'],
    ['postgres', 'quantity >', { line: 1, column: 11, message: /syntax error at end of input/ }],
    ['postgres', 'truequantity > 0 )', { line: 1, column: 18, message: /syntax error at or near "\)"/ }],
    ['postgres', 'a > 0 AND\n  b >> > 1', { line: 2, column: 8, message: /syntax error at or near ">"/ }],
    ['postgres', "'é' = name AND )", { line: 1, column: 16, message: /near "\)"/ }],
    ['postgres', 'a, b', { line: 1, column: 4, message: /one expression/ }],
    ['postgres', 'x > 0 FROM t', { line: 1, column: 1, message: /one expression/ }],
    ['postgres', '1; DROP TABLE t', { line: 1, column: 4, message: /one expression/ }],
    ['postgres', '   ', { line: 1, column: 1, message: /empty/ }],
    ['mysql', 'quantity > 0', 'ok'],
    ['mysql', "`status` IN ('open', 'paid') AND CHAR_LENGTH(note) > 2", 'ok'],
    ['mysql', 'quantity >', { line: 1, column: 11, message: /unexpected end of input/ }],
    ['mysql', 'truequantity > 0 )', { line: 1, column: 18, message: /unexpected "\)"/ }],
    ['mysql', 'a > 0 AND\n  b > > 1', { line: 2, column: 7, message: /syntax error/ }],
    ['mysql', 'a, b', { line: 1, column: 4, message: /one expression/ }],
  ])('%s: %j', (dialect, text, expected) => {
    const r = parsers[dialect]!.parseExpression(text);
    if (expected === 'ok') expect(r.ok).toBe(true);
    else {
      expect(r).toMatchObject({ ok: false, line: expected.line, column: expected.column });
      if (!r.ok) expect(r.message).toMatch(expected.message);
    }
  });
});

/** orders(id, status, quantity, customer_id, "Due Date"), customers(id, name, status), shipments(id, order_id, status). */
function shop(dialect: Dialect, extra: { check?: string; where?: string; indexExpr?: string; generated?: string; default?: string; views?: string[] } = {}): SchemaDocument {
  const c = (id: string, name: string, more = {}) => makeColumn({ id, name, type: scalar('integer'), ...more });
  const orders = makeTable({
    id: 't_orders',
    name: 'orders',
    columns: [
      c('o_id', 'id', { nullable: false }),
      c('o_status', 'status', { type: scalar('text') }),
      c('o_qty', 'quantity'),
      c('o_cust', 'customer_id'),
      c('o_due', 'Due Date', { type: scalar('date') }),
      ...(extra.generated ? [c('o_gen', 'total', { generated: { expression: extra.generated, stored: true } })] : []),
      ...(extra.default ? [c('o_def', 'label', { type: scalar('text'), default: { kind: 'expression', sql: extra.default } })] : []),
    ],
    primaryKey: { columnIds: ['o_id'] },
    checks: extra.check ? [{ id: 'k1', name: 'orders_check', expression: extra.check }] : [],
    indexes: [
      ...(extra.where ? [makeIndex({ id: 'ix1', name: 'ix_open', parts: [{ kind: 'column', columnId: 'o_qty' }], where: extra.where })] : []),
      ...(extra.indexExpr ? [makeIndex({ id: 'ix2', name: 'ix_expr', parts: [{ kind: 'expression', sql: extra.indexExpr }] })] : []),
    ],
  });
  const customers = makeTable({ id: 't_customers', name: 'customers', columns: [c('c_id', 'id'), c('c_name', 'name', { type: scalar('text') }), c('c_status', 'status', { type: scalar('text') })] });
  const shipments = makeTable({ id: 't_shipments', name: 'shipments', columns: [c('s_id', 'id'), c('s_order', 'order_id'), c('s_status', 'status', { type: scalar('text') })] });
  const views: View[] = (extra.views ?? []).map((sql, i) => ({ id: `v${i}`, name: `v${i}`, sql, dialect, materialized: false }));
  return documentOf({ dialect, tables: [orders, customers, shipments], views });
}

/** The texts after renaming orders.<from> to <to>, and the notes. */
function renamed(doc: SchemaDocument, columnId: string, to: string) {
  const plan = renameColumnPlan(doc, 't_orders', columnId, to, parsers);
  const after = applyCommand(doc, plan.command).doc;
  const o = after.tables.t_orders;
  return {
    check: o.checks[0]?.expression,
    where: o.indexes.find((i) => i.id === 'ix1')?.where,
    indexExpr: o.indexes.find((i) => i.id === 'ix2')?.parts[0],
    generated: o.columns.find((c) => c.id === 'o_gen')?.generated?.expression,
    default: o.columns.find((c) => c.id === 'o_def')?.default,
    views: Object.values(after.views).map((v) => v.sql),
    notes: plan.notes,
    plan,
    after,
  };
}

describe('renaming a column rewrites the table expressions that name it, through the parser', () => {
  it.each<[Dialect, string, string, string]>([
    ['postgres', "status = 'open'", 'state', "state = 'open'"],
    // A string literal holding the old name, and a function of the same name, stay as they are.
    ['postgres', "status <> 'status' AND status(1) IS NULL", 'state', "state <> 'status' AND status(1) IS NULL"],
    ['postgres', "lower(status::text) IN ('open', 'paid')", 'state', "lower(state::text) IN ('open', 'paid')"],
    ['postgres', 'CAST(status AS varchar(10)) <> \'\'', 'state', "CAST(state AS varchar(10)) <> ''"],
    ['postgres', '"status" IS NOT NULL', 'state', '"state" IS NOT NULL'],
    ['postgres', 'orders.status IS NOT NULL', 'state', 'orders.state IS NOT NULL'],
    // The new name needs quotes in PostgreSQL (upper case would fold; a space; a reserved word).
    ['postgres', "status = 'open'", 'State', `"State" = 'open'`],
    ['postgres', "status = 'open'", 'order', `"order" = 'open'`],
    ['postgres', 'coalesce(status, \'\') || \'-\' || status', 'st', "coalesce(st, '') || '-' || st"],
    // Comments and layout are kept.
    ['postgres', "status = 'open' -- status\n  AND quantity > 0", 'state', "state = 'open' -- status\n  AND quantity > 0"],
    ['mysql', "status = 'open'", 'state', "state = 'open'"],
    ['mysql', "`status` <> 'status' AND STATUS IS NOT NULL", 'state', "`state` <> 'status' AND state IS NOT NULL"],
    ['mysql', "CONCAT(status, 'x') = 'openx'", 'Due', "CONCAT(Due, 'x') = 'openx'"],
    ['mysql', "status = 'open'", 'new state', "`new state` = 'open'"],
    ['mysql', 'orders.status IS NOT NULL', 'state', 'orders.state IS NOT NULL'],
  ])('%s: %s  (status -> %s)', (dialect, text, to, expected) => {
    const r = renamed(shop(dialect, { check: text, where: text }), 'o_status', to);
    expect(r.check).toBe(expected);
    expect(r.where).toBe(expected);
    expect(r.notes).toEqual([]);
  });

  it.each<Dialect>(['postgres', 'mysql'])('%s: index expressions, generated columns and expression defaults too', (dialect) => {
    const r = renamed(shop(dialect, { indexExpr: 'lower(status)', generated: 'quantity * 2', default: "concat('q', quantity)" }), 'o_qty', 'qty');
    expect(r.indexExpr).toMatchObject({ kind: 'expression', sql: 'lower(status)' });
    expect(r.generated).toBe('qty * 2');
    expect(r.default).toEqual({ kind: 'expression', sql: "concat('q', qty)" });
    const r2 = renamed(shop(dialect, { indexExpr: 'lower(status)' }), 'o_status', 'state');
    expect(r2.indexExpr).toMatchObject({ kind: 'expression', sql: 'lower(state)' });
  });

  it('a quoted column name that needs quotes keeps them', () => {
    const r = renamed(shop('postgres', { check: '"Due Date" > \'2020-01-01\'' }), 'o_due', 'Due On');
    expect(r.check).toBe('"Due On" > \'2020-01-01\'');
  });

  it('the rename and its rewrites are one command: one undo step restores all', () => {
    const doc = shop('postgres', { check: 'status <> \'\'', where: "status = 'open'", views: ['SELECT id, status FROM orders'] });
    const plan = renameColumnPlan(doc, 't_orders', 'o_status', 'state', parsers);
    expect(plan.command).toMatchObject({ type: 'batch', label: 'Rename column orders.status to state' });
    expect(plan.rewritten).toBe(3);
    const result = applyCommand(doc, plan.command);
    expect(result.doc.views.v0.sql).toBe('SELECT id, state FROM orders');
    expect(undoPatches(result.doc, result.inversePatches)).toEqual(doc);
  });

  it('an expression that does not parse is left as it is and noted', () => {
    const r = renamed(shop('postgres', { check: 'status = = 1' }), 'o_status', 'state');
    expect(r.check).toBe('status = = 1');
    expect(r.notes).toEqual([expect.stringMatching(/^check "orders_check" on orders was not rewritten \(it does not parse: syntax error at or near "=" at line 1, column 10\); it may still name "status"$/)]);
  });
});

describe('renaming a column rewrites view bodies where the reference resolves to it', () => {
  it.each<[Dialect, string, string, string[]?]>([
    ['postgres', 'SELECT id, status FROM orders', 'SELECT id, state FROM orders'],
    ['postgres', 'SELECT o.id, o.status FROM orders o WHERE o.status = \'open\'', 'SELECT o.id, o.state FROM orders o WHERE o.state = \'open\''],
    ['postgres', 'SELECT orders.status AS status FROM orders ORDER BY status', 'SELECT orders.state AS status FROM orders ORDER BY status'],
    // A join: only orders' status changes (customers.status and shipments.status stay).
    [
      'postgres',
      "SELECT o.status, c.status AS customer_status, s.status FROM orders o JOIN customers c ON c.id = o.customer_id LEFT JOIN shipments AS s ON s.order_id = o.id WHERE o.status <> 'status'",
      "SELECT o.state, c.status AS customer_status, s.status FROM orders o JOIN customers c ON c.id = o.customer_id LEFT JOIN shipments AS s ON s.order_id = o.id WHERE o.state <> 'status'",
    ],
    // Subqueries: correlated reference to the outer orders; a subquery over customers is left alone.
    [
      'postgres',
      'SELECT id FROM orders WHERE EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = orders.id AND orders.status = s.status) AND customer_id IN (SELECT id FROM customers WHERE status = \'vip\')',
      'SELECT id FROM orders WHERE EXISTS (SELECT 1 FROM shipments s WHERE s.order_id = orders.id AND orders.state = s.status) AND customer_id IN (SELECT id FROM customers WHERE status = \'vip\')',
    ],
    ['postgres', 'WITH open AS (SELECT id, status FROM orders) SELECT status FROM open', 'WITH open AS (SELECT id, state FROM orders) SELECT status FROM open'],
    // Unqualified but unambiguous in a join: customers has no quantity.
    ['postgres', 'SELECT quantity FROM orders JOIN customers ON customers.id = orders.customer_id', 'SELECT quantity FROM orders JOIN customers ON customers.id = orders.customer_id'],
    // Ambiguous: both tables have status; left, noted.
    ['postgres', 'SELECT status FROM orders JOIN customers ON customers.id = orders.customer_id', 'SELECT status FROM orders JOIN customers ON customers.id = orders.customer_id', ['view v0: "status" may mean orders or customers: not rewritten, qualify it']],
    ['postgres', 'SELECT * FROM orders JOIN shipments USING (status)', 'SELECT * FROM orders JOIN shipments USING (status)', ['view v0: it joins USING ("status"): not rewritten, rename it by hand']],
    ['mysql', 'SELECT `o`.`status`, c.status FROM orders AS o JOIN customers c ON c.id = o.customer_id', 'SELECT `o`.`state`, c.status FROM orders AS o JOIN customers c ON c.id = o.customer_id'],
    ['mysql', "SELECT id, STATUS FROM orders WHERE status IN ('a', 'status') GROUP BY status", "SELECT id, state FROM orders WHERE state IN ('a', 'status') GROUP BY state"],
    ['mysql', 'SELECT status FROM orders JOIN customers ON customers.id = orders.customer_id', 'SELECT status FROM orders JOIN customers ON customers.id = orders.customer_id', ['view v0: "status" may mean orders or customers: not rewritten, qualify it']],
  ])('%s: %s', (dialect, sql, expected, notes = []) => {
    const r = renamed(shop(dialect, { views: [sql] }), 'o_status', 'state');
    expect(r.views[0]).toBe(expected);
    expect(r.notes).toEqual(notes);
  });
});

describe('renaming a table rewrites view bodies (FROM/JOIN names and qualified references)', () => {
  it.each<[Dialect, string, string]>([
    ['postgres', 'SELECT orders.id, orders.status FROM orders', 'SELECT purchases.id, purchases.status FROM purchases'],
    ['postgres', 'SELECT o.id FROM public.orders o JOIN customers c ON c.id = o.customer_id', 'SELECT o.id FROM public.purchases o JOIN customers c ON c.id = o.customer_id'],
    ['postgres', 'SELECT o.id FROM orders o JOIN customers ON customers.id = o.customer_id', 'SELECT o.id FROM purchases o JOIN customers ON customers.id = o.customer_id'],
    ['postgres', "SELECT \"orders\".id FROM \"orders\" WHERE 'orders' <> ''", "SELECT \"purchases\".id FROM \"purchases\" WHERE 'orders' <> ''"],
    ['mysql', 'SELECT `orders`.id FROM `orders` JOIN shipments ON shipments.order_id = orders.id', 'SELECT `purchases`.id FROM `purchases` JOIN shipments ON shipments.order_id = purchases.id'],
  ])('%s: %s', (dialect, sql, expected) => {
    const doc = shop(dialect, { views: [sql] });
    const plan = renameTablePlan(doc, 't_orders', 'purchases', parsers);
    expect(applyCommand(doc, plan.command).doc.views.v0.sql).toBe(expected);
  });
});

describe('expression diagnostics', () => {
  it('a removed column is flagged in every expression that used it, with its position', () => {
    const doc = shop('postgres', { check: 'quantity > 0', where: 'quantity > 10', views: ['SELECT id,\n  quantity FROM orders'] });
    const after = applyCommand(doc, { type: 'column.remove', tableId: 't_orders', columnId: 'o_qty' }).doc;
    const messages = expressionDiagnostics(after, parsers).map((d) => `${d.code} ${d.message}`);
    expect(messages).toEqual([
      'expression.unknown-column check "orders_check" on orders: orders has no column "quantity" (line 1, column 1 of the expression)',
      'expression.unknown-column view v0: no table of its FROM clause has a column "quantity" (line 2, column 3 of the view body)',
    ]);
  });

  it.each<Dialect>(['postgres', 'mysql'])('%s: generateDdl with the parsers reports a broken check with its position; an empty check is left out', (dialect) => {
    const doc = shop(dialect, { check: 'quantity > > 0' });
    doc.tables.t_orders.checks.push({ id: 'k2', expression: '' });
    const { sql, diagnostics } = generateDdl(doc, dialect, { sqlParsers: parsers });
    expect(sql).not.toMatch(/CHECK \(\)/);
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'check.empty', severity: 'warning', entityId: 'k2', message: 'check 2 of "orders" has no expression yet: left out' }));
    expect(diagnostics).toContainEqual(
      // PostgreSQL's own parser: an error the engine would raise. The MySQL grammar here is not MySQL's own: a warning.
      dialect === 'postgres'
        ? expect.objectContaining({ code: 'expression.syntax', severity: 'error', entityId: 'k1', path: 'tables.t_orders.checks.0.expression', textPosition: { line: 1, column: 12 }, message: expect.stringMatching(/^check "orders_check" on orders does not parse: .* \(line 1, column 12 of the expression\)$/) })
        : expect.objectContaining({ code: 'expression.syntax-unverified', severity: 'warning', entityId: 'k1', textPosition: { line: 1, column: 12 }, message: expect.stringMatching(/^check "orders_check" on orders does not parse with the MySQL grammar used here \(check it on the engine\): .* \(line 1, column 12 of the expression\)$/) }),
    );
  });
});

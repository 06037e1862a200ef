/**
 * Views that read other views are created after them, whatever order the document lists them in, and
 * dropped before them: the generated script applies on PGlite, the PostgreSQL server and MariaDB.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { generateDdlStatements } from '../../ddl/generate-ddl';
import { dropOrder, viewOrder } from '../../ddl/order';
import { documentOf, makeColumn, makeTable, scalar } from '../../model/build';
import type { Dialect, SchemaDocument, View } from '../../model/document';
import { mariadbSession } from './mariadb';
import { pgliteSession, pgServerSession, type EngineSession } from './pg-engines';
import { requireServer } from './require-server';
import { applyStatements } from './sql-client';

const view = (id: string, name: string, sql: string, dialect: Dialect): View => ({ id, name, sql, dialect, materialized: false });

/** The readers listed before what they read: top reads middle, middle reads base (and a string and a
 * comment that name `top` must not count as reading it). */
function layeredViews(dialect: Dialect): SchemaDocument {
  const q = dialect === 'mysql' ? '`' : '"';
  return documentOf({
    dialect,
    tables: [makeTable({ id: 't_orders', name: 'orders', columns: [makeColumn({ id: 'c_id', name: 'id', type: scalar('integer'), nullable: false }), makeColumn({ id: 'c_total', name: 'total', type: scalar('integer') })], primaryKey: { columnIds: ['c_id'] } })],
    views: [
      view('v_top', 'top_orders', `SELECT id FROM ${q}middle_orders${q} WHERE total > 10`, dialect),
      view('v_middle', 'middle_orders', "SELECT id, total FROM base_orders -- not top_orders\nWHERE 'top_orders' <> ''", dialect),
      view('v_base', 'base_orders', 'SELECT id, total FROM orders', dialect),
      view('v_alone', 'alone', 'SELECT 1 AS one', dialect),
    ],
  });
}

describe('viewOrder', () => {
  it('puts every view after the views it reads, keeps document order otherwise, and drops in reverse', () => {
    const doc = layeredViews('postgres');
    expect(viewOrder(doc).map((v) => v.name)).toEqual(['base_orders', 'middle_orders', 'top_orders', 'alone']);
    expect(dropOrder(doc).filter((d) => d.kind === 'view').map((d) => d.name)).toEqual(['alone', 'top_orders', 'middle_orders', 'base_orders']);
  });

  it('a cycle keeps document order; a chain of 5,000 views does not exhaust the stack', () => {
    const cyc = documentOf({ views: [view('a', 'a', 'SELECT * FROM b', 'postgres'), view('b', 'b', 'SELECT * FROM a', 'postgres')] });
    expect(viewOrder(cyc).map((v) => v.name)).toEqual(['b', 'a']);
    const chain = documentOf({ views: Array.from({ length: 5000 }, (_, i) => view(`v${i}`, `v${i}`, i === 4999 ? 'SELECT 1' : `SELECT * FROM v${i + 1}`, 'postgres')) });
    const names = viewOrder(chain).map((v) => v.name);
    expect(names[0]).toBe('v4999');
    expect(names[4999]).toBe('v0');
  });
});

const pglite = pgliteSession();
afterAll(() => pglite.close());

const engines: [string, Dialect, () => EngineSession | undefined][] = [
  ['PGlite', 'postgres', () => pglite],
  ['PostgreSQL server', 'postgres', () => { const url = requireServer('pg'); return url ? pgServerSession(url) : undefined; }],
  ['MariaDB', 'mysql', () => { const url = requireServer('mysql'); return url ? mariadbSession(url) : undefined; }],
];

describe.each(engines)('views in dependency order on %s', (_name, dialect, session) => {
  it('the script applies (and, with dropFirst, applies twice)', async () => {
    const engine = session();
    if (!engine) return;
    try {
      const client = await engine.fresh();
      const doc = layeredViews(dialect);
      await applyStatements(client, generateDdlStatements(doc, dialect).statements);
      await applyStatements(client, generateDdlStatements(doc, dialect, { dropFirst: true }).statements);
    } finally {
      if (engine !== pglite) await engine.close();
    }
  }, 60_000);
});

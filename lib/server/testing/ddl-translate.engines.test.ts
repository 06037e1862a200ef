/**
 * Expressions translated between dialects (lib/sql-translate), proven on the engines: a table of
 * defaults, generated columns, checks and views written in each source dialect is generated for the
 * OTHER dialect (and, as the reference, for its own), applied, and a row inserted; the translated
 * default or generated value, the check's verdict and the view's rows must equal what the case says
 * (the source engine gives the same, where it runs). Every case must translate: no verbatim warning.
 * PostgreSQL: PGlite always, the server too with DATABASE_URL_PG; MariaDB with DATABASE_URL_MYSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDdlStatements } from '../../ddl/generate-ddl';
import { documentOf, makeColumn, makeTable, scalar } from '../../model/build';
import type { Column, Dialect, SchemaDocument, ScalarType } from '../../model/document';
import { sequentialIds } from '../../model/ids';
import { loadSqlParsers } from '../../sql-parse/load';
import type { SqlParsers } from '../../sql-parse/types';
import { mariadbSession } from './mariadb';
import { pgliteSession, pgServerSession, type EngineSession } from './pg-engines';
import { requireServer } from './require-server';
import { applyStatements, type SqlClient } from './sql-client';

/** What a value must be: exact (numbers compare as numbers, booleans as 0/1), or a kind of value. */
type Expected = string | number | boolean | null | { recent: true } | { uuid: true } | { json: unknown };

interface ValueCase {
  kind: 'default' | 'generated';
  column: string;
  type: ScalarType;
  sql: string;
  expect: Expected;
}

interface CheckCase {
  sql: string;
  /** Columns that break only this check (the base row satisfies every check). */
  bad: Record<string, unknown>;
}

interface ViewCase {
  name: string;
  sql: string;
  /** Rows in the order of the first output column. */
  rows: Record<string, Expected>[];
}

interface DialectCases {
  values: ValueCase[];
  checks: CheckCase[];
  views: ViewCase[];
}

/** Base columns of `t`, and the rows every case reads (`name` 'Åsa' has a two-byte letter). */
const BASE = { id: scalar('integer'), qty: scalar('integer'), price: scalar('decimal', { precision: 10, scale: 2 }), name: scalar('varchar', { length: 40 }), active: scalar('boolean'), d: scalar('date') };
const ROWS = [
  { id: 1, qty: 7, price: '2.50', name: 'Åsa', active: true, d: '2024-01-01' },
  { id: 2, qty: 3, price: '1.00', name: 'Alice', active: false, d: '2024-02-01' },
  { id: 3, qty: 5, price: '4.00', name: 'Adam', active: true, d: '2024-03-01' },
];

const v = (kind: ValueCase['kind'], column: string, type: ScalarType, sql: string, expect: Expected): ValueCase => ({ kind, column, type, sql, expect });

const CASES: Record<Dialect, DialectCases> = {
  postgres: {
    values: [
      v('default', 'ts', scalar('timestamp'), 'now()', { recent: true }),
      v('default', 'ts_tz', scalar('timestamptz'), 'CURRENT_TIMESTAMP', { recent: true }),
      v('default', 'today', scalar('date'), 'CURRENT_DATE', { recent: true }),
      v('default', 'token', scalar('uuid'), 'gen_random_uuid()', { uuid: true }),
      v('default', 'doc', scalar('jsonb'), "'{}'::jsonb", { json: {} }),
      v('default', 'four', scalar('integer'), "length('abcd')", 4),
      v('default', 'ab', scalar('varchar', { length: 20 }), "'a' || 'b'", 'ab'),
      v('default', 'yes', scalar('boolean'), 'true', true),
      v('default', 'soon', scalar('timestamp'), "now() + interval '1 day'", { recent: true }),
      v('generated', 'amount', scalar('decimal', { precision: 12, scale: 2 }), 'price * qty', 17.5),
      v('generated', 'label', scalar('varchar', { length: 60 }), "name || '-' || qty::text", 'Åsa-7'),
      v('generated', 'chars', scalar('integer'), 'length(name)', 3),
      v('generated', 'half', scalar('integer'), 'qty / 2', 3),
      v('generated', 'yn', scalar('varchar', { length: 1 }), "CASE WHEN active THEN 'y' ELSE 'n' END", 'y'),
      v('generated', 'initials', scalar('varchar', { length: 4 }), 'upper(substring(name, 1, 2))', 'ÅS'),
      v('generated', 'fallback', scalar('varchar', { length: 40 }), 'coalesce(NULL::text, name)', 'Åsa'),
      v('generated', 'week_later', scalar('date'), 'd + 7', '2024-01-08'),
      v('generated', 'third', scalar('decimal', { precision: 10, scale: 2 }), 'round(price / 3, 2)', 0.83),
      v('generated', 'cents', scalar('integer'), 'CAST(price * 100 AS integer)', 250),
      v('generated', 'year', scalar('integer'), 'EXTRACT(YEAR FROM d)', 2024),
      v('default', 'trimmed', scalar('varchar', { length: 10 }), "trim('  ab  ')", 'ab'),
    ],
    checks: [
      { sql: "name ILIKE 'a%' OR name ILIKE '%SA'", bad: { name: 'Bob' } },
      { sql: 'qty BETWEEN 0 AND 100', bad: { qty: 101 } },
      { sql: 'active OR qty > 0', bad: { active: false, qty: 0 } },
      { sql: "char_length(name) > 1 AND name IS NOT NULL AND name <> 'xx'", bad: { name: 'xx' } },
      { sql: "d > '2000-01-01'::date", bad: { d: '1999-12-31' } },
      { sql: 'qty NOT IN (13, 666)', bad: { qty: 13 } },
    ],
    views: [
      { name: 'shouts', sql: "SELECT id, name || '!' AS shout, qty * 2 AS dbl FROM t WHERE active ORDER BY id", rows: [{ id: 1, shout: 'Åsa!', dbl: 14 }, { id: 3, shout: 'Adam!', dbl: 10 }] },
      {
        name: 'by_state',
        sql: "SELECT active, count(*) AS n, sum(qty) AS total, string_agg(name, ',' ORDER BY name) AS names FROM t GROUP BY active ORDER BY active",
        rows: [{ active: false, n: 1, total: 3, names: 'Alice' }, { active: true, n: 2, total: 12, names: 'Adam,Åsa' }],
      },
      // Unaliased items keep PostgreSQL's names (upper, ?column?, case) on the other engine.
      { name: 'unnamed', sql: 'SELECT id, upper(name), qty * 2, CASE WHEN active THEN 1 ELSE 0 END FROM t WHERE id = 1', rows: [{ id: 1, upper: 'ÅSA', '?column?': 14, case: 1 }] },
      { name: 'recent_rows', sql: "SELECT t.id FROM t JOIN t AS u ON u.id = t.id WHERE t.d >= CURRENT_DATE - interval '100 year' AND t.name ILIKE 'A%E'", rows: [{ id: 2 }] },
    ],
  },
  mysql: {
    values: [
      v('default', 'ts', scalar('timestamp'), 'CURRENT_TIMESTAMP', { recent: true }),
      v('default', 'ts3', scalar('timestamp', { precision: 3 }), 'NOW(3)', { recent: true }),
      v('default', 'today', scalar('date'), 'CURDATE()', { recent: true }),
      v('default', 'token', scalar('uuid'), 'uuid()', { uuid: true }),
      v('default', 'three', scalar('integer'), "CHAR_LENGTH('abc')", 3),
      v('default', 'ab', scalar('varchar', { length: 20 }), "CONCAT('a', 'b')", 'ab'),
      v('generated', 'amount', scalar('decimal', { precision: 12, scale: 2 }), 'price * qty', 17.5),
      v('generated', 'label', scalar('varchar', { length: 60 }), "CONCAT(name, '-', qty)", 'Åsa-7'),
      v('generated', 'bytes', scalar('integer'), 'LENGTH(name)', 4),
      v('generated', 'half', scalar('integer'), 'qty DIV 2', 3),
      v('generated', 'exact_half', scalar('decimal', { precision: 10, scale: 4 }), 'qty / 2', 3.5),
      v('generated', 'yn', scalar('varchar', { length: 1 }), "IF(active, 'y', 'n')", 'y'),
      v('generated', 'some', scalar('varchar', { length: 4 }), "IF(qty, 'some', 'none')", 'some'),
      v('generated', 'fallback', scalar('varchar', { length: 40 }), 'IFNULL(NULL, name)', 'Åsa'),
      v('generated', 'initials', scalar('varchar', { length: 4 }), 'UCASE(SUBSTR(name, 1, 2))', 'ÅS'),
      v('generated', 'week_later', scalar('date'), 'd + INTERVAL 7 DAY', '2024-01-08'),
      v('generated', 'price_text', scalar('varchar', { length: 20 }), 'CAST(price AS CHAR)', '2.50'),
      v('generated', 'year', scalar('integer'), 'YEAR(d)', 2024),
      v('generated', 'month', scalar('integer'), 'EXTRACT(MONTH FROM d)', 1),
      v('default', 'trimmed', scalar('varchar', { length: 10 }), "TRIM('  ab  ')", 'ab'),
    ],
    checks: [
      { sql: 'active IN (0, 1) AND active = 1 OR qty > 0', bad: { active: false, qty: 0 } },
      { sql: 'qty >= 0 AND qty <= 100', bad: { qty: 101 } },
      { sql: "name LIKE 'A%' OR name LIKE '%sa'", bad: { name: 'Bob' } },
      { sql: 'CHAR_LENGTH(name) BETWEEN 2 AND 40', bad: { name: 'x' } },
    ],
    views: [
      { name: 'shouts', sql: "SELECT id, CONCAT(name, '!') AS shout, IF(active, 'yes', 'no') AS state FROM t WHERE qty > 3 ORDER BY id", rows: [{ id: 1, shout: 'Åsa!', state: 'yes' }, { id: 3, shout: 'Adam!', state: 'yes' }] },
      {
        name: 'by_state',
        sql: "SELECT active, COUNT(*) AS n, SUM(qty) AS total, GROUP_CONCAT(name ORDER BY name SEPARATOR ',') AS names FROM t GROUP BY active ORDER BY active",
        rows: [{ active: false, n: 1, total: 3, names: 'Alice' }, { active: true, n: 2, total: 12, names: 'Adam,Åsa' }],
      },
      // Unaliased items keep MySQL's names (their text as written) on the other engine.
      { name: 'unnamed', sql: 'SELECT id, UCASE(name), qty * 2 FROM t WHERE id = 1', rows: [{ id: 1, 'UCASE(name)': 'ÅSA', 'qty * 2': 14 }] },
      { name: 'flagged', sql: 'SELECT t.id FROM t INNER JOIN t AS u ON u.id = t.id WHERE t.active AND u.d < DATE_ADD(CURDATE(), INTERVAL 1 DAY) ORDER BY t.id', rows: [{ id: 1 }, { id: 3 }] },
    ],
  },
  // No SQLite parser reads its expressions yet: nothing is translated from SQLite.
  sqlite: { values: [], checks: [], views: [] },
};

function documentFor(dialect: Dialect): SchemaDocument {
  const ids = sequentialIds();
  const cases = CASES[dialect];
  const columns: Column[] = Object.entries(BASE).map(([name, type]) => makeColumn({ name, type, nullable: name !== 'id' }, ids));
  for (const c of cases.values) {
    columns.push(
      makeColumn(
        c.kind === 'default' ? { name: c.column, type: c.type, nullable: true, default: { kind: 'expression', sql: c.sql } } : { name: c.column, type: c.type, nullable: true, generated: { expression: c.sql, stored: true } },
        ids,
      ),
    );
  }
  const t = makeTable({ name: 't', columns, primaryKey: { columnIds: [columns[0].id] }, checks: cases.checks.map((c, i) => ({ id: `k${i}`, name: `t_check_${i}`, expression: c.sql })) }, ids);
  const views = cases.views.map((view, i) => ({ id: `v${i}`, name: view.name, dialect, materialized: false, sql: view.sql }));
  return documentOf({ dialect, tables: [t], views });
}

function matches(actual: unknown, expected: Expected): boolean {
  if (expected === null) return actual === null;
  if (typeof expected === 'object') {
    if ('recent' in expected) return actual !== null && Math.abs(Date.parse(actual instanceof Date ? actual.toISOString() : String(actual).replace(' ', 'T')) - Date.now()) < 3 * 86_400_000;
    if ('uuid' in expected) return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(String(actual));
    return JSON.stringify(typeof actual === 'string' ? JSON.parse(actual) : actual) === JSON.stringify(expected.json);
  }
  if (typeof expected === 'boolean') return actual === expected || actual === (expected ? 1 : 0) || actual === (expected ? '1' : '0');
  if (typeof expected === 'number') return Number(actual) === expected;
  if (actual instanceof Date) return actual.toISOString().slice(0, 10) === expected;
  return String(actual) === expected;
}

function insertSql(db: SqlClient, row: Record<string, unknown>): { sql: string; params: unknown[] } {
  const names = Object.keys(row);
  const q = (n: string) => (db.engine === 'mariadb' ? `\`${n}\`` : `"${n}"`);
  const marks = names.map((_, i) => (db.engine === 'mariadb' ? '?' : `$${i + 1}`));
  return { sql: `INSERT INTO t (${names.map(q).join(', ')}) VALUES (${marks.join(', ')})`, params: Object.values(row) };
}

async function insert(db: SqlClient, row: Record<string, unknown>): Promise<void> {
  const { sql, params } = insertSql(db, row);
  await db.query(sql, params);
}

let sqlParsers: SqlParsers;
beforeAll(async () => {
  sqlParsers = await loadSqlParsers();
});

const pglite = pgliteSession();
const pgUrl = requireServer('pg');
const myUrl = requireServer('mysql');
const sessions: { engine: Dialect; label: string; session: EngineSession }[] = [{ engine: 'postgres', label: 'PGlite', session: pglite }];
if (pgUrl) sessions.push({ engine: 'postgres', label: 'PostgreSQL server', session: pgServerSession(pgUrl) });
if (myUrl) sessions.push({ engine: 'mysql', label: 'MariaDB', session: mariadbSession(myUrl) });
afterAll(async () => {
  for (const s of sessions) await s.session.close();
});

describe.each(['postgres', 'mysql'] as const)('expressions written for %s', (source) => {
  const doc = documentFor(source);
  const cases = CASES[source];

  it('all translate for the other dialect (no verbatim copy, no skipped view)', () => {
    const target = source === 'postgres' ? 'mysql' : 'postgres';
    const { diagnostics } = generateDdlStatements(doc, target, { sqlParsers, target: target === 'mysql' ? 'mariadb-10.11' : undefined });
    expect(diagnostics.filter((d) => d.code === 'expression.cross-dialect' || d.code === 'view.dialect-mismatch').map((d) => d.message)).toEqual([]);
    expect(diagnostics.find((d) => d.code === 'expression.translated')?.message).toContain(`${cases.values.length + cases.checks.length + cases.views.length} SQL expression`);
  });

  describe.each(sessions.map((s) => [s.label, s] as const))('on %s', (_label, { engine, session }) => {
    const translated = engine !== source;
    const statements = () => generateDdlStatements(doc, engine, { sqlParsers, target: engine === 'mysql' ? 'mariadb-10.11' : undefined }).statements;

    it(`${translated ? 'translated' : 'as written'}: defaults and generated columns give the expected values`, async () => {
      const db = await session.fresh();
      await applyStatements(db, statements());
      await insert(db, ROWS[0]);
      const [row] = await db.query(`SELECT * FROM t WHERE id = 1`);
      const wrong = cases.values.filter((c) => !matches(row[c.column], c.expect)).map((c) => `${c.column} (${c.sql}) = ${JSON.stringify(row[c.column])}, expected ${JSON.stringify(c.expect)}`);
      expect(wrong).toEqual([]);
    });

    it(`${translated ? 'translated' : 'as written'}: each check rejects its bad row and accepts the good ones`, async () => {
      const db = await session.fresh();
      await applyStatements(db, statements());
      for (const row of ROWS) await insert(db, row);
      const accepted: string[] = [];
      for (const [i, c] of cases.checks.entries()) {
        const ok = await insert(db, { ...ROWS[0], id: 100 + i, ...c.bad }).then(
          () => true,
          () => false,
        );
        if (ok) accepted.push(c.sql);
      }
      expect(accepted).toEqual([]);
    });

    it(`${translated ? 'translated' : 'as written'}: views return the expected rows`, async () => {
      const db = await session.fresh();
      await applyStatements(db, statements());
      for (const row of ROWS) await insert(db, row);
      const wrong: string[] = [];
      for (const view of cases.views) {
        const keys = Object.keys(view.rows[0]);
        // A view's ORDER BY does not order a SELECT from it: sort by the first column.
        const first = (r: Record<string, unknown>) => Number(r[keys[0]] === true ? 1 : r[keys[0]] === false ? 0 : r[keys[0]]);
        const rows = (await db.query(`SELECT * FROM ${view.name}`)).sort((a, b) => first(a) - first(b));
        const same = rows.length === view.rows.length && view.rows.every((r, i) => keys.every((k) => matches(rows[i][k], r[k])));
        if (!same) wrong.push(`${view.name}: ${JSON.stringify(rows)}`);
      }
      expect(wrong).toEqual([]);
    });
  });
});

/**
 * The catalog of a SQLite database, read the way SQLite describes itself: sqlite_schema (every
 * table, index, view and trigger with its CREATE text) and the pragmas table_xinfo, index_list,
 * index_xinfo and foreign_key_list, through their table-valued forms so every name is a bound
 * parameter (hostile names are data, never SQL). What only the CREATE text holds (constraint names,
 * CHECK expressions, collations, generated expressions, AUTOINCREMENT, DEFERRABLE, STRICT / WITHOUT
 * ROWID, index expressions and predicates, view bodies, `--` comments) comes from schema-text.ts.
 *
 * Read-only: only SELECTs are sent. The result has the engines' common shape (CatalogSnapshot), so
 * the document comparison and catalog diff used for PostgreSQL and MariaDB work on SQLite too, plus
 * what is SQLite's own (`sqlite`: per table its options and CREATE text).
 */
import 'server-only';
import type { Client } from '@libsql/client';
import type { ReferentialAction } from '../../model/document';
import type { CatalogCheck, CatalogColumn, CatalogForeignKey, CatalogIndex, CatalogRoutine, CatalogSnapshot, CatalogTable, CatalogUnique, CatalogView } from '../testing/catalog-types';
import { parseCreateIndex, parseCreateTable, viewBody, type ParsedTable } from './schema-text';

/** Anything that runs a statement with positional arguments the way @libsql/client does. */
export type SqliteExecutor = Pick<Client, 'execute'>;

export interface SqliteTableFacts {
  strict: boolean;
  withoutRowid: boolean;
  /** The CREATE TABLE statement as sqlite_schema keeps it. */
  sql: string;
}

export interface SqliteCatalog extends CatalogSnapshot {
  /** The schema name every table is read from (`main`). */
  schema: string;
  /** SQLite's own facts per table name. */
  sqlite: Record<string, SqliteTableFacts>;
}

type Row = Record<string, unknown>;

async function rows(db: SqliteExecutor, sql: string, args: (string | number)[] = []): Promise<Row[]> {
  const r = await db.execute({ sql, args });
  return r.rows as unknown as Row[];
}

const ACTIONS: Record<string, ReferentialAction> = { 'NO ACTION': 'no action', RESTRICT: 'restrict', CASCADE: 'cascade', 'SET NULL': 'set null', 'SET DEFAULT': 'set default' };

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const sameColumns = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => sameName(x, b[i]));

/**
 * Reads the catalog of `schema` (default `main`). Internal objects (`sqlite_%`: sqlite_sequence,
 * sqlite_stat1, the automatic indexes' names aside) are left out.
 */
export async function readSqliteCatalog(db: SqliteExecutor, schema = 'main'): Promise<SqliteCatalog> {
  // A schema name is an identifier here (ATTACH ... AS name): quoted, never interpolated raw.
  const qs = `"${schema.replace(/"/g, '""')}"`;
  const objects = await rows(db, `SELECT type, name, tbl_name, sql FROM ${qs}.sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid`);
  const catalog: SqliteCatalog = { schema, tables: [], views: [], enums: [], domains: [], sequences: [], extensions: [], routines: [], sqlite: {} };
  const indexSql = new Map<string, string>();
  for (const o of objects) if (o.type === 'index' && o.sql) indexSql.set(String(o.name), String(o.sql));
  const shadow = await shadowTables(db, schema);

  for (const o of objects) {
    const name = String(o.name);
    const sql = String(o.sql ?? '');
    if (o.type === 'table' && !shadow.has(name)) {
      // Virtual tables (FTS5, R*Tree) have no pragma columns of their own worth comparing: read as tables all the same.
      const parsed = parseCreateTable(sql);
      catalog.tables.push(await readTable(db, schema, name, parsed, indexSql));
      catalog.sqlite[name] = { strict: parsed.strict, withoutRowid: parsed.withoutRowid, sql };
    } else if (o.type === 'view') {
      const view: CatalogView = { schema, name, materialized: false, definition: viewBody(sql), comment: null };
      catalog.views.push(view);
    } else if (o.type === 'trigger') {
      const routine: CatalogRoutine = { schema, name, kind: 'trigger', signature: '', table: String(o.tbl_name), definition: sql };
      catalog.routines!.push(routine);
    }
  }
  return catalog;
}

/**
 * The tables a virtual table keeps its data in (FTS5's `docs_data`, `docs_idx`...): part of the
 * virtual table, not of the design. PRAGMA table_list says which (SQLite 3.37+); older engines list none.
 */
async function shadowTables(db: SqliteExecutor, schema: string): Promise<Set<string>> {
  try {
    return new Set((await rows(db, "SELECT name FROM pragma_table_list WHERE schema = ? AND type = 'shadow'", [schema])).map((r) => String(r.name)));
  } catch {
    return new Set();
  }
}

async function readTable(db: SqliteExecutor, schema: string, name: string, parsed: ParsedTable, indexSql: Map<string, string>): Promise<CatalogTable> {
  const columnRows = await rows(db, 'SELECT cid, name, type, "notnull", dflt_value, pk, hidden FROM pragma_table_xinfo(?, ?) ORDER BY cid', [name, schema]);
  const parsedColumn = (n: string) => parsed.columns.find((c) => sameName(c.name, n));
  const columns: CatalogColumn[] = [];
  const pk: { name: string; at: number }[] = [];
  for (const r of columnRows) {
    const hidden = Number(r.hidden);
    // 1: a hidden column of a virtual table.
    if (hidden === 1) continue;
    const columnName = String(r.name);
    const p = parsedColumn(columnName);
    if (Number(r.pk) > 0) pk.push({ name: columnName, at: Number(r.pk) });
    columns.push({
      name: columnName,
      type: String(r.type ?? ''),
      nullable: Number(r.notnull) === 0,
      default: hidden >= 2 ? null : text(r.dflt_value),
      identity: p?.autoincrement ? 'auto_increment' : null,
      generated: hidden >= 2 ? { expression: p?.generated?.expression ?? '', stored: hidden === 3 } : null,
      collation: p?.collation ?? null,
      comment: p?.comment ?? null,
      onUpdate: null,
    });
  }
  pk.sort((a, b) => a.at - b.at);
  // A rowid table's INTEGER PRIMARY KEY column is NOT NULL in effect, though table_xinfo says notnull 0.
  if (pk.length === 1) {
    const c = columns.find((x) => x.name === pk[0].name);
    if (c && c.type.toUpperCase() === 'INTEGER') c.nullable = false;
  }
  for (const p of pk) {
    const c = columns.find((x) => x.name === p.name);
    // SQLite lets a non-INTEGER primary key column hold NULLs (a legacy bug it keeps); the design says NOT NULL.
    if (c && c.nullable && parsed.withoutRowid) c.nullable = false;
  }

  const indexes: CatalogIndex[] = [];
  const uniques: CatalogUnique[] = [];
  for (const ix of await rows(db, 'SELECT name, "unique", origin, partial FROM pragma_index_list(?, ?) ORDER BY seq', [name, schema])) {
    const indexName = String(ix.name);
    const parts = await rows(db, 'SELECT seqno, cid, name, "desc", coll, "key" FROM pragma_index_xinfo(?, ?) WHERE "key" = 1 ORDER BY seqno', [indexName, schema]);
    const sql = indexSql.get(indexName);
    const fromText = sql ? parseCreateIndex(sql) : { expressions: [], predicate: null };
    const origin = String(ix.origin);
    const columnsOf = parts.map((p, i) => ({
      expression: Number(p.cid) === -2 ? (fromText.expressions[i] ?? '') : String(p.name ?? 'rowid'),
      isColumn: Number(p.cid) !== -2,
      order: Number(p.desc) === 1 ? ('desc' as const) : ('asc' as const),
    }));
    indexes.push({ name: indexName, unique: Number(ix.unique) === 1, primary: origin === 'pk', method: 'btree', parts: columnsOf, include: [], predicate: fromText.predicate, constraint: origin !== 'c' });
    if (origin === 'u') {
      const cols = columnsOf.map((c) => c.expression);
      const named = parsed.uniques.find((u) => sameColumns(u.columns, cols));
      uniques.push({ name: named?.name ?? indexName, columns: cols, nullsNotDistinct: false });
    }
  }

  const checks: CatalogCheck[] = parsed.checks.map((c) => ({ name: c.name ?? '', expression: c.expression }));
  const foreignKeys = await readForeignKeys(db, schema, name, parsed);
  const primaryKey = pk.length ? { name: parsed.primaryKeyName ?? '', columns: pk.map((p) => p.name) } : null;
  return { schema, name, comment: parsed.comment, columns, primaryKey, uniques, checks, foreignKeys, indexes, partitioning: null };
}

async function readForeignKeys(db: SqliteExecutor, schema: string, table: string, parsed: ParsedTable): Promise<CatalogForeignKey[]> {
  const byId = new Map<number, Row[]>();
  for (const r of await rows(db, 'SELECT id, seq, "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(?, ?) ORDER BY id, seq', [table, schema])) {
    const id = Number(r.id);
    const list = byId.get(id);
    if (list) list.push(r);
    else byId.set(id, [r]);
  }
  const out: CatalogForeignKey[] = [];
  // pragma ids count from the last foreign key written: read them back in the order the text has them.
  for (const parts of [...byId.values()].reverse()) {
    const columns = parts.map((p) => String(p.from));
    const refTable = String(parts[0].table);
    let refColumns = parts.map((p) => (p.to === null ? null : String(p.to)));
    // `REFERENCES parent` without columns means the parent's primary key.
    if (refColumns.some((c) => c === null)) {
      const parentPk = await rows(db, 'SELECT name FROM pragma_table_xinfo(?, ?) WHERE pk > 0 ORDER BY pk', [refTable, schema]);
      refColumns = parentPk.map((p) => String(p.name));
    }
    const named = parsed.foreignKeys.find((f) => sameColumns(f.columns, columns));
    out.push({
      name: named?.name ?? '',
      columns,
      refSchema: schema,
      refTable,
      refColumns: refColumns as string[],
      onDelete: ACTIONS[String(parts[0].on_delete).toUpperCase()] ?? 'no action',
      onUpdate: ACTIONS[String(parts[0].on_update).toUpperCase()] ?? 'no action',
      deferrable: named?.deferrable ?? 'not deferrable',
      comment: named?.comment ?? null,
    });
  }
  return out;
}

import 'server-only';
/**
 * Test support for proving SQLite imports on SQLite itself (the engine the app embeds, @libsql/client):
 * scratch databases, applying a script, reading two catalogs (readSqliteCatalog) and comparing them
 * (diffCatalogs) with what SQLite itself does not distinguish made equal, each with its reason.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { generateDdl } from '../../ddl/generate-ddl';
import { importSqlite } from '../../importers/sqlite/import-sqlite';
import { splitSqliteScript } from '../../importers/sqlite/split-sqlite';
import type { ImportResult } from '../../importers/types';
import type { SchemaDocument } from '../../model/document';
import { sqliteLexer } from '../../sql-lexer';
import { diffCatalogs, type CatalogDifference } from '../catalog/catalog-diff';
import { readSqliteCatalog, type SqliteCatalog } from '../sqlite/catalog';

/** Fresh databases (in memory, or files in a private folder), all closed and removed by `dispose`. */
export class SqliteScratch {
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'sqlite-roundtrip-'));
  private readonly clients: Client[] = [];
  private files = 0;

  fresh(onDisk = false): { client: Client; file?: string } {
    const file = onDisk ? path.join(this.dir, `db${++this.files}.db`) : undefined;
    const client = createClient({ url: file ? `file:${file}` : ':memory:' });
    this.clients.push(client);
    return { client, file };
  }

  dispose(): void {
    for (const c of this.clients) c.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export async function apply(client: Client, script: string): Promise<void> {
  await client.execute('PRAGMA foreign_keys = ON');
  await client.executeMultiple(script);
}

/**
 * A `.schema` printout applied as the sqlite3 shell's `.read` would, statement by statement: what
 * SQLite makes by itself cannot be created again (sqlite_stat1 is reserved; a virtual table's shadow
 * tables exist once it does), and those two refusals alone are expected.
 */
export async function applySchemaPrintout(client: Client, script: string): Promise<void> {
  await client.execute('PRAGMA foreign_keys = ON');
  for (const st of splitSqliteScript(script).statements) {
    const sql = script.slice(st.start, st.end);
    // One statement at a time: a BEGIN/COMMIT pair around them changes nothing in the schema.
    if (/^\s*(begin|commit|end)\b/i.test(sql)) continue;
    try {
      await client.execute(sql);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (!/reserved for internal use|already exists/.test(message)) throw new Error(`${message}\n${sql}`, { cause: e });
    }
  }
}

/** The `.schema` of a database: what the sqlite3 shell prints (sqlite_schema's CREATE texts). */
export async function dotSchema(client: Client): Promise<string> {
  const rows = (await client.execute('SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid')).rows;
  return rows.map((r) => `${String(r.sql)};`).join('\n');
}

/** Whitespace collapsed and redundant outer parentheses dropped (the generator wraps index expressions: `((lower(a)))`). */
export function sameExpression(e: string): string {
  let t = e.replace(/\s+/g, ' ').trim();
  while (t.startsWith('(') && sqliteLexer.matchingParen(t, 0) === t.length - 1) t = t.slice(1, -1).trim();
  return t;
}

/**
 * A default as SQLite keeps it is the text written: `null` and `NULL` are one value, and so are TRUE
 * and 1, FALSE and 0 (SQLite's TRUE is the integer 1); the import keeps the value, the generator
 * writes its own spelling.
 */
export function sameDefaultValue(d: string | null): string | null {
  if (d === null) return null;
  const upper = d.trim().toUpperCase();
  return upper === 'TRUE' ? '1' : upper === 'FALSE' ? '0' : upper === 'NULL' ? 'NULL' : d;
}

/**
 * SQLite keeps no name for an unnamed constraint (its pragmas have none; an unnamed UNIQUE's index is
 * `sqlite_autoindex_<table>_<n>`), while the generator writes the derived name (`t_pkey`, `t_col_key`,
 * `t_check`, `t_col_fkey`): cosmetic in SQLite. Where the original has no name, the regenerated
 * constraint of the same columns (expression) lends it its name; a written name is still compared.
 */
function lendDerivedNames(original: SqliteCatalog, regenerated: SqliteCatalog): void {
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  for (const a of original.tables) {
    const b = regenerated.tables.find((t) => t.name === a.name);
    if (!b) continue;
    if (a.primaryKey && b.primaryKey && a.primaryKey.name === '' && same(a.primaryKey.columns, b.primaryKey.columns)) a.primaryKey.name = b.primaryKey.name;
    for (const u of a.uniques) {
      const m = b.uniques.find((x) => same(x.columns, u.columns));
      if (m && u.name.startsWith('sqlite_autoindex_')) u.name = m.name;
    }
    for (const c of a.checks) {
      const m = b.checks.find((x) => sameExpression(x.expression) === sameExpression(c.expression));
      if (m && c.name === '') c.name = m.name;
    }
    for (const f of a.foreignKeys) {
      const m = b.foreignKeys.find((x) => same(x.columns, f.columns) && x.refTable === f.refTable);
      if (m && f.name === '') f.name = m.name;
    }
  }
}

/** Every difference between two SQLite databases' catalogs (also STRICT / WITHOUT ROWID, which diffCatalogs does not know). */
export async function compareSqliteDatabases(original: Client, regenerated: Client): Promise<CatalogDifference[]> {
  const [a, b] = [await readSqliteCatalog(original), await readSqliteCatalog(regenerated)];
  lendDerivedNames(a, b);
  const differences = diffCatalogs(a, b, { normalizeExpression: sameExpression, normalizeDefault: sameDefaultValue });
  for (const [name, facts] of Object.entries(a.sqlite)) {
    const other = b.sqlite[name];
    if (!other) continue;
    for (const option of ['strict', 'withoutRowid'] as const) {
      if (facts[option] !== other[option]) differences.push({ kind: `table.${option}`, object: `main.${name}`, message: `main.${name} ${option} ${facts[option]} vs ${other[option]}` });
    }
  }
  return differences;
}

export interface SqliteRoundtrip {
  import: ImportResult;
  ddl: string;
  differences: CatalogDifference[];
  /** Differences the import announced (virtual tables and their shadow tables; typeless columns written BLOB). */
  explained: CatalogDifference[];
}

/** script -> one database; script -> importSqlite -> generateDdl(sqlite) -> another; their catalogs compared. */
export async function roundtripSqliteScript(scratch: SqliteScratch, script: string): Promise<SqliteRoundtrip> {
  const original = scratch.fresh().client;
  await applySchemaPrintout(original, script);
  const result = await importSqlite(script);
  const ddl = generateDdl(result.document, 'sqlite');
  const regenerated = scratch.fresh().client;
  await apply(regenerated, ddl.sql);
  const differences = await compareSqliteDatabases(original, regenerated);
  // What the import said it does not model: virtual tables (and the shadow tables their module made).
  const notModeled = result.report.skipped.filter((s) => /virtual table|shadow table/.test(s.reason)).map((s) => /CREATE (?:VIRTUAL )?TABLE (?:IF NOT EXISTS )?("(?:[^"]|"")+"|'(?:[^']|'')+'|\[[^\]]+\]|`[^`]+`|[\w$]+)/i.exec(s.statement)?.[1]);
  const unquote = (n: string) => n.replace(/^["'`[]|["'`\]]$/g, '');
  const skippedTables = new Set(notModeled.filter((n): n is string => !!n).map((n) => `main.${unquote(n)}`));
  // A column without a declared type (BLOB affinity) is imported as blob and written BLOB: the same affinity.
  const typeless = new Set(result.report.diagnostics.filter((d) => d.code === 'sqlite.no-declared-type').map((d) => `main.${/^column "(.+)"\."(.+)" has no declared type/.exec(d.message)?.slice(1, 3).join('.')}`));
  // A key column SQLite let hold NULL is imported (and written) NOT NULL, as the import said.
  const keyColumns = new Set(
    result.report.diagnostics
      .filter((d) => d.code === 'sqlite.primary-key-nullable')
      .flatMap((d) => {
        const m = /^"(.+)": primary key column\(s\) (.+) accept NULL/.exec(d.message);
        return m ? [...m[2].matchAll(/"((?:[^"]|"")*)"/g)].map((c) => `main.${m[1]}.${c[1]}`) : [];
      }),
  );
  const isExplained = (d: CatalogDifference) =>
    (d.kind === 'table.missing' && skippedTables.has(d.object)) ||
    (d.kind === 'column.type' && typeless.has(d.object) && / type {2}vs BLOB$/.test(d.message)) ||
    (d.kind === 'column.nullable' && keyColumns.has(d.object) && / nullable true vs false$/.test(d.message));
  return { import: result, ddl: ddl.sql, differences: differences.filter((d) => !isExplained(d)), explained: differences.filter(isExplained) };
}

/** A document with its ids renumbered in order of appearance: two imports that read the same objects in the same order compare equal. */
export function canonical(doc: SchemaDocument): unknown {
  const ids = new Map<string, string>();
  const json = JSON.stringify(doc);
  return JSON.parse(
    json.replace(/"([a-z]+_\d+)"/g, (_m, id: string) => {
      if (!ids.has(id)) ids.set(id, `id${ids.size}`);
      return `"${ids.get(id)}"`;
    }),
  );
}

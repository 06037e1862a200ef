import 'server-only';
/**
 * The SQLite import proven on SQLite itself (the engine the app embeds, @libsql/client, in memory):
 * a script is applied to one fresh database; the script is imported, the document written back as
 * SQLite DDL (generateDdl) and applied to another; both catalogs are read (readSqliteCatalog) and
 * compared (diffCatalogs): no difference but the ones the import announced (a virtual table and its
 * shadow tables are not modeled; a column without a declared type comes back as BLOB, the same
 * affinity). Run on the real schemas of fixtures/ (README there: where each comes from), on the
 * `.schema` of the corpus generated for SQLite, and on hostile names. Also: the same schema read
 * from the script and from the database file gives the same document.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDdl } from '../../ddl/generate-ddl';
import { importSqlite } from '../../importers/sqlite/import-sqlite';
import { splitSqliteScript } from '../../importers/sqlite/split-sqlite';
import { sqliteLexer } from '../../sql-lexer';
import type { ImportResult } from '../../importers/types';
import type { SchemaDocument } from '../../model/document';
import { diffCatalogs, type CatalogDifference } from '../catalog/catalog-diff';
import { readSqliteCatalog, type SqliteCatalog } from '../sqlite/catalog';
import { importSqliteFile } from './sqlite-file';
import { importSource } from './import-source';
import { corpusAvailable, readCorpusFile, readCorpusFolder } from './test-corpus';

const fixturesDir = path.join(__dirname, '../../importers/sqlite/fixtures');
const fixture = (name: string) => readFileSync(path.join(fixturesDir, name), 'utf8');
const tmp = mkdtempSync(path.join(tmpdir(), 'sqlite-roundtrip-'));
const clients: Client[] = [];
afterAll(() => {
  for (const c of clients) c.close();
  rmSync(tmp, { recursive: true, force: true });
});

let fileCount = 0;
/** A fresh database: in memory, or a file (for the .db import). */
function fresh(onDisk = false): { client: Client; file?: string } {
  const file = onDisk ? path.join(tmp, `db${++fileCount}.db`) : undefined;
  const client = createClient({ url: file ? `file:${file}` : ':memory:' });
  clients.push(client);
  return { client, file };
}

async function apply(client: Client, script: string): Promise<void> {
  await client.execute('PRAGMA foreign_keys = ON');
  await client.executeMultiple(script);
}

/**
 * A `.schema` printout applied as the sqlite3 shell's `.read` would, statement by statement: what
 * SQLite makes by itself cannot be created again (sqlite_stat1 is reserved; a virtual table's shadow
 * tables exist once it does), and those two refusals alone are expected.
 */
async function applySchemaPrintout(client: Client, script: string): Promise<void> {
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
async function dotSchema(client: Client): Promise<string> {
  const rows = (await client.execute("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid")).rows;
  return rows.map((r) => `${String(r.sql)};`).join('\n');
}

/** Whitespace collapsed and redundant outer parentheses dropped (the generator wraps index expressions: `((lower(a)))`). */
function sameExpression(e: string): string {
  let t = e.replace(/\s+/g, ' ').trim();
  while (t.startsWith('(') && sqliteLexer.matchingParen(t, 0) === t.length - 1) t = t.slice(1, -1).trim();
  return t;
}

/**
 * A default as SQLite keeps it is the text written: `null` and `NULL` are one value, and so are TRUE
 * and 1, FALSE and 0 (SQLite's TRUE is the integer 1); the import keeps the value, the generator
 * writes its own spelling.
 */
function sameDefaultValue(d: string | null): string | null {
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

interface Roundtrip {
  import: ImportResult;
  ddl: string;
  differences: CatalogDifference[];
  /** Differences the import announced (virtual tables, typeless columns), by kind. */
  explained: CatalogDifference[];
}

async function roundtrip(script: string): Promise<Roundtrip> {
  const original = fresh().client;
  await applySchemaPrintout(original, script);
  const result = await importSqlite(script);
  const ddl = generateDdl(result.document, 'sqlite');
  const regenerated = fresh().client;
  await apply(regenerated, ddl.sql);
  const [a, b] = [await readSqliteCatalog(original), await readSqliteCatalog(regenerated)];
  lendDerivedNames(a, b);
  const differences = diffCatalogs(a, b, { normalizeExpression: sameExpression, normalizeDefault: sameDefaultValue });
  // SQLite's own table options (diffCatalogs compares what the engines share).
  for (const [name, facts] of Object.entries(a.sqlite)) {
    const other = b.sqlite[name];
    if (!other) continue;
    for (const option of ['strict', 'withoutRowid'] as const) {
      if (facts[option] !== other[option]) differences.push({ kind: `table.${option}`, object: `main.${name}`, message: `main.${name} ${option} ${facts[option]} vs ${other[option]}` });
    }
  }
  // What the import said it does not model: virtual tables (and the shadow tables their module made).
  const notModeled = new Set(result.report.skipped.filter((s) => /virtual table|shadow table/.test(s.reason)).map((s) => /CREATE (?:VIRTUAL )?TABLE (?:IF NOT EXISTS )?("(?:[^"]|"")+"|'(?:[^']|'')+'|\[[^\]]+\]|`[^`]+`|[\w$]+)/i.exec(s.statement)?.[1]));
  const unquote = (n: string) => n.replace(/^["'`[]|["'`\]]$/g, '');
  const skippedTables = new Set([...notModeled].filter((n): n is string => !!n).map((n) => `main.${unquote(n)}`));
  // A column without a declared type (BLOB affinity) is imported as blob and written BLOB: the same affinity.
  const typeless = new Set(result.report.diagnostics.filter((d) => d.code === 'sqlite.no-declared-type').map((d) => `main.${/^column "(.+)"\."(.+)" has no declared type/.exec(d.message)?.slice(1, 3).join('.')}`));
  const isExplained = (d: CatalogDifference) => (d.kind === 'table.missing' && skippedTables.has(d.object)) || (d.kind === 'column.type' && typeless.has(d.object) && / type {2}vs BLOB$/.test(d.message));
  return { import: result, ddl: ddl.sql, differences: differences.filter((d) => !isExplained(d)), explained: differences.filter(isExplained) };
}

/** A document with its ids renumbered in order of appearance: two imports that read the same objects in the same order compare equal. */
function canonical(doc: SchemaDocument): unknown {
  const ids = new Map<string, string>();
  const json = JSON.stringify(doc);
  return JSON.parse(json.replace(/"([a-z]+_\d+)"/g, (_m, id: string) => {
    if (!ids.has(id)) ids.set(id, `id${ids.size}`);
    return `"${ids.get(id)}"`;
  }));
}

describe('SQLite import round-trip on SQLite (script -> import -> SQLite DDL -> fresh database: catalogs equal)', () => {
  it.each([
    ['actual-budget.schema.sql', 33, 0],
    ['mbtiles-schema.sql', 7, 0],
    ['hebcal-geo.schema.sql', 7, 20],
    ['kitchen-sink.sql', 5, 0],
  ])('%s: 0 differences (%i tables; %i explained by the import report)', async (name, tables, explained) => {
    const r = await roundtrip(fixture(name));
    expect(r.import.report.counts.tables).toBe(tables);
    expect(r.import.report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.differences).toEqual([]);
    expect(r.explained).toHaveLength(explained);
  });

  it('hostile names round-trip exactly', async () => {
    const names = ['a"b', 'c`d', "e'f", 'g]h', 'sp ace', 'ünï 表', 'select', 'a;b', '--x', '/*y*/', 'x.y', '[z]'];
    const q = (n: string) => `"${n.split('"').join('""')}"`;
    const script = names
      .map((n, i) => `CREATE TABLE ${q(n)} (${q(`${n}_id`)} INTEGER PRIMARY KEY, ${q(n)} TEXT NOT NULL DEFAULT '${n.split("'").join("''")}', ref INT REFERENCES ${q(names[(i + 1) % names.length])});\nCREATE INDEX ${q(`${n} ix`)} ON ${q(n)} (${q(n)});`)
      .join('\n');
    const r = await roundtrip(script);
    expect(r.differences).toEqual([]);
    expect(Object.values(r.import.document.tables).map((t) => t.name)).toEqual(names);
    const catalog = await readSqliteCatalog((await (async () => {
      const c = fresh().client;
      await apply(c, r.ddl);
      return c;
    })()));
    expect(catalog.tables.map((t) => t.name).sort()).toEqual([...names].sort());
  });
});

describe('the .schema of the corpus generated for SQLite round-trips', () => {
  const hasCorpus = corpusAvailable('SQLite import round-trip on the corpus');
  const cases: [string, string][] = [
    ['postgres', 'postgres/pagila-schema.sql'],
    ['postgres', 'postgres/chinook-postgresql-schema.sql'],
    ['postgres', 'postgres/northwind-schema.sql'],
    ['mysql', 'mysql/sakila-schema.sql'],
    ['mysql', 'mysql/employees-schema.sql'],
    ['prisma', 'prisma/umami-schema.prisma'],
    ['dbml', 'dbml/holistics-playground-ecommerce.dbml'],
  ];
  it.skipIf(!hasCorpus).each(cases)('%s %s: generated for SQLite, applied, its .schema imported and regenerated: 0 differences', async (format, file) => {
    const source = file.endsWith('/') ? { files: readCorpusFolder(file) } : readCorpusFile(file);
    const { document } = await importSource(format as 'postgres', source);
    const db = fresh().client;
    await apply(db, generateDdl(document, 'sqlite').sql);
    const schema = await dotSchema(db);
    const r = await roundtrip(schema);
    expect(r.import.report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.import.report.counts.tables).toBe(Object.keys(document.tables).length);
    expect(r.differences).toEqual([]);
  });
});

describe('the same schema from the script and from the database file gives the same document', () => {
  it.each(['actual-budget.schema.sql', 'mbtiles-schema.sql', 'hebcal-geo.schema.sql', 'kitchen-sink.sql'])('%s', async (name) => {
    const script = fixture(name);
    const { client, file } = fresh(true);
    await applySchemaPrintout(client, script);
    client.close();
    const fromFile = await importSqliteFile(file!);
    const fromScript = await importSqlite(script);
    expect(canonical(fromFile.document)).toEqual(canonical(fromScript.document));
    expect(fromFile.report.diagnostics.filter((d) => d.code === 'sqlite.catalog-mismatch')).toEqual([]);
  });
});

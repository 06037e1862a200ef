/**
 * SQLite DDL on the engine the app embeds (@libsql/client, SQLite 3.45), with PRAGMA foreign_keys =
 * ON: the kitchen sink (plain, STRICT, WITHOUT ROWID, and on the oldest target), hostile names, and
 * every corpus import (PostgreSQL and MySQL dumps, Prisma schemas, DBML) apply, and the catalog read
 * back (readSqliteCatalog) is the document for everything SQLite keeps; what it does not keep has a
 * diagnostic (compareDocumentToSqliteCatalog). SQLite is embedded: nothing here is ever skipped but
 * the corpus, when it is missing (and never under CI=true).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDdlStatements, type DdlOptions } from '../../ddl/generate-ddl';
import { isCommentedOut } from '../../ddl/commented-statements';
import { kitchenSinkDocument } from '../../model/fixtures/kitchen-sink';
import { planMigration } from '../../evolution/plan';
import { HOSTILE, hostileNamesDocument } from '../../model/fixtures/hostile-names';
import type { SchemaDocument } from '../../model/document';
import { loadSqlParsers } from '../../sql-parse/load';
import type { SqlParsers } from '../../sql-parse/types';
import { importSource } from '../importers/import-source';
import { corpusAvailable, corpusDir, readCorpusFile, readCorpusFolder } from '../importers/test-corpus';
import { readSqliteCatalog, type SqliteCatalog } from '../sqlite/catalog';
import { catalogColumn, catalogTable } from './catalog-types';
import { compareDocumentToSqliteCatalog } from './sqlite-document-catalog';
import { sqliteSession } from './sqlite-engine';

const session = sqliteSession();
afterAll(() => session.close());

let sqlParsers: SqlParsers;
beforeAll(async () => {
  sqlParsers = await loadSqlParsers();
});

/** Applies every statement not written commented out; returns the failures (statement and message). */
async function apply(doc: SchemaDocument, options: DdlOptions = {}) {
  const run = generateDdlStatements(doc, 'sqlite', options);
  const db = await session.fresh();
  const failed: string[] = [];
  for (const s of run.statements) {
    if (isCommentedOut(s)) continue;
    await db.query(s).catch((e: Error) => failed.push(`${e.message.slice(0, 160)} :: ${s.slice(0, 120)}`));
  }
  // SQLite checks a foreign key's parent key only when rows change: foreign_key_check reports a
  // foreign key whose parent columns are no primary key or unique index ("foreign key mismatch") now.
  const fkMismatch = await db.query('PRAGMA foreign_key_check').then(() => undefined, (e: Error) => e.message);
  return { run, failed, fkMismatch, catalog: await readSqliteCatalog(db.db), db };
}

/** A foreign key mismatch is expected only where the generator warned that the parent key is not unique. */
function expectForeignKeysValid(result: { run: { diagnostics: { code: string }[] }; fkMismatch: string | undefined }): void {
  if (result.run.diagnostics.some((d) => d.code === 'fk.parent-key-not-unique')) return;
  expect(result.fkMismatch).toBeUndefined();
}

/** [table, column, declared type as SQLite shows it] */
const TYPES: [string, string, string][] = [
  ['customers', 'id', 'INTEGER'],
  ['customers', 'email', 'varchar(320)'],
  ['customers', 'tier', 'TEXT'],
  ['customers', 'created_at', 'timestamptz(3)'],
  ['type_zoo', 'c_decimal', 'decimal(10,3)'],
  ['type_zoo', 'c_boolean', 'boolean'],
  ['type_zoo', 'c_varchar', 'varchar(100)'],
  ['type_zoo', 'c_uuid', 'TEXT'],
  ['type_zoo', 'c_timestamp', 'timestamp(6)'],
  ['type_zoo', 'c_json', 'json'],
  ['type_zoo', 'c_blob', 'BLOB'],
  ['type_zoo', 'c_int_array', 'json'],
];

/** What SQLite must leave out of the kitchen sink, and the code that says so. */
const SKIPPED: Record<string, string> = {
  i_customers_profile: 'sqlite.index-method-skipped',
  i_products_fulltext: 'sqlite.index-method-skipped',
  i_products_search: 'sqlite.index-method-skipped',
  i_products_name_trgm: 'sqlite.index-method-skipped',
  i_type_zoo_inet: 'sqlite.index-method-skipped',
  i_type_zoo_text_spgist: 'sqlite.index-method-skipped',
  x_trgm: 'sqlite.extension-dropped',
  x_btree_gin: 'sqlite.extension-dropped',
};

describe('the kitchen sink on SQLite', () => {
  let result: Awaited<ReturnType<typeof apply>>;
  beforeAll(async () => {
    result = await apply(kitchenSinkDocument(), { sqlParsers });
  });

  it('applies whole with foreign keys on, no statement commented out', () => {
    expect(result.failed).toEqual([]);
    expectForeignKeysValid(result);
    expect(result.run.commented).toEqual([]);
    expect(result.run.statements[0]).toBe('PRAGMA foreign_keys = ON');
  });

  it('reads back as the document for everything SQLite keeps', () => {
    expect(compareDocumentToSqliteCatalog(kitchenSinkDocument(), result.catalog, result.run)).toEqual([]);
  });

  it('keeps declared types readable, as the dialect record writes them', () => {
    for (const [table, column, type] of TYPES) expect(catalogColumn(catalogTable(result.catalog, table), column).type, `${table}.${column}`).toBe(type);
  });

  it('reports what it leaves out', () => {
    for (const [id, code] of Object.entries(SKIPPED)) expect(result.run.diagnostics.some((d) => d.entityId === id && d.code === code), `${id} reported as ${code}`).toBe(true);
    const codes = new Set(result.run.diagnostics.map((d) => d.code));
    for (const code of ['sqlite.schema-dropped', 'sqlite.partitioning-dropped', 'sqlite.fk-cycle-inline', 'sqlite.comments-as-sql-comments', 'sqlite.rowid-alias']) expect(codes, code).toContain(code);
  });

  it('enforces what it wrote: enum checks, foreign keys, AUTOINCREMENT', async () => {
    const { db } = result;
    await db.query("INSERT INTO customers (email, full_name) VALUES ('a@example.com', 'A')");
    const [row] = await db.query<{ id: number; public_id: string; tier: string }>('SELECT id, public_id, tier FROM customers');
    expect(row.tier).toBe('free');
    expect(row.public_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await expect(db.query("INSERT INTO customers (email, full_name, tier) VALUES ('b@example.com', 'B', 'gold')")).rejects.toThrow(/CHECK constraint failed/);
    await expect(db.query('INSERT INTO orders (customer_id) VALUES (999)')).rejects.toThrow(/FOREIGN KEY constraint failed/);
    const seq = await db.query<{ name: string }>('SELECT name FROM sqlite_sequence');
    expect(seq.map((s) => s.name)).toContain('customers');
  });
});

describe('table options', () => {
  it('STRICT: every table STRICT, declared types their affinity\'s STRICT type', async () => {
    const { failed, catalog, run } = await apply(kitchenSinkDocument(), { strictTables: true, sqlParsers });
    expect(failed).toEqual([]);
    expect(compareDocumentToSqliteCatalog(kitchenSinkDocument(), catalog, run, { strictTables: true })).toEqual([]);
    expect(catalogColumn(catalogTable(catalog, 'type_zoo'), 'c_varchar').type).toBe('TEXT');
    expect(catalogColumn(catalogTable(catalog, 'type_zoo'), 'c_decimal').type).toBe('ANY');
  });

  it('STRICT per table (the inspector\'s flag): that table\'s declared types become STRICT types, the others stay as declared', async () => {
    const doc = kitchenSinkDocument();
    const zoo = Object.values(doc.tables).find((t) => t.name === 'type_zoo')!;
    zoo.options = { ...zoo.options, sqlite: { strict: true } };
    const { failed, catalog } = await apply(doc, { sqlParsers });
    expect(failed).toEqual([]);
    expect(catalog.sqlite.type_zoo.strict).toBe(true);
    expect(catalogColumn(catalogTable(catalog, 'type_zoo'), 'c_varchar').type).toBe('TEXT');
    expect(catalogColumn(catalogTable(catalog, 'type_zoo'), 'c_decimal').type).toBe('ANY');
    expect(catalog.sqlite.customers.strict).toBe(false);
  });

  it('WITHOUT ROWID where the key allows it (a primary key, no AUTOINCREMENT)', async () => {
    const { failed, catalog, run } = await apply(kitchenSinkDocument(), { withoutRowid: true, sqlParsers });
    expect(failed).toEqual([]);
    expect(compareDocumentToSqliteCatalog(kitchenSinkDocument(), catalog, run)).toEqual([]);
    expect(catalog.sqlite.order_items.withoutRowid).toBe(true);
    expect(catalog.sqlite.customers.withoutRowid).toBe(false);
    expect(run.diagnostics.some((d) => d.code === 'sqlite.without-rowid-skipped')).toBe(true);
  });

  it('STRICT on SQLite 3.31 is a warning, and the script applies without it', async () => {
    const { failed, catalog, run } = await apply(kitchenSinkDocument(), { strictTables: true, target: 'sqlite-3.31', sqlParsers });
    expect(failed).toEqual([]);
    expect(run.diagnostics.some((d) => d.code === 'table.strict-unsupported')).toBe(true);
    expect(Object.values(catalog.sqlite).every((t) => !t.strict)).toBe(true);
  });

  it('dropFirst re-runs over the same database, cycles included', async () => {
    const run = generateDdlStatements(kitchenSinkDocument(), 'sqlite', { dropFirst: true, sqlParsers });
    const db = await session.fresh();
    for (let pass = 0; pass < 2; pass++) for (const s of run.statements) if (!isCommentedOut(s)) await db.query(s);
    expect((await readSqliteCatalog(db.db)).tables.length).toBe(Object.keys(kitchenSinkDocument().tables).length);
  });
});

describe('migrations for SQLite', () => {
  it('what ALTER TABLE can do applies; what needs a table rebuild is written commented out with why', async () => {
    const a = kitchenSinkDocument();
    const b = kitchenSinkDocument();
    const customers = Object.values(b.tables).find((t) => t.name === 'customers')!;
    const fullName = customers.columns.find((c) => c.name === 'full_name')!;
    fullName.nullable = true;
    customers.columns.push({ ...fullName, id: 'c_nickname', name: 'nickname', comment: undefined });
    const plan = planMigration(a, b, 'sqlite');
    const added = plan.up.find((s) => s.kind === 'column.add')!;
    const rebuilt = plan.up.find((s) => s.kind === 'column.drop-not-null')!;
    expect(added.commented).toBeUndefined();
    expect(rebuilt.commented).toMatch(/table is rebuilt/);
    const { db } = await apply(a, { sqlParsers });
    for (const step of plan.up) if (!step.commented) await db.query(step.sql);
    expect(catalogTable(await readSqliteCatalog(db.db), 'customers').columns.map((c) => c.name)).toContain('nickname');
  });
});

describe('hostile names on SQLite', () => {
  let catalog: SqliteCatalog;
  let failed: string[];
  let run: Awaited<ReturnType<typeof apply>>['run'];
  beforeAll(async () => {
    ({ catalog, failed, run } = await apply(hostileNamesDocument()));
  });

  it('creates exactly the names asked for, with no error', () => {
    expect(failed).toEqual([]);
    expect(run.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(compareDocumentToSqliteCatalog(hostileNamesDocument(), catalog, run)).toEqual([]);
    const user = catalogTable(catalog, HOSTILE.tables.user);
    expect(user.columns.map((c) => c.name)).toEqual(['id', HOSTILE.columns.backtick, HOSTILE.columns.space, HOSTILE.columns.from, HOSTILE.columns.quoted, HOSTILE.columns.mixed]);
    expect(user.comment).toBe(HOSTILE.comment);
    expect(catalogColumn(user, HOSTILE.columns.backtick).comment).toBe(HOSTILE.comment);
  });
});

/** Every corpus file or folder, with the format it is imported as. */
function corpusEntries(): [string, 'postgres' | 'mysql' | 'prisma' | 'dbml'][] {
  if (!corpusAvailable('SQLite DDL of the corpus')) return [];
  const out: [string, 'postgres' | 'mysql' | 'prisma' | 'dbml'][] = [];
  for (const format of ['postgres', 'mysql', 'prisma', 'dbml'] as const) {
    const dir = path.join(corpusDir, format);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) out.push([`${format}/${name}`, format]);
  }
  return out;
}

/**
 * Statements that fail today per corpus entry, each explained by a warning of the run (an expression
 * of the source dialect copied verbatim): more is a regression, fewer means lower the figure.
 */
const FAILURE_BUDGET: Record<string, number> = {
  // lower(normalize(display_name, NFKC)): PostgreSQL's normalize() has no SQLite equivalent (warned, copied verbatim).
  'postgres/openstreetmap-structure.sql': 1,
};

describe('every corpus import, generated for SQLite', () => {
  const entries = corpusEntries();
  it('the corpus lists are not empty', () => {
    if (!entries.length) return;
    expect(entries.length).toBeGreaterThanOrEqual(18);
  });

  it.each(entries)('%s', async (rel, format) => {
    const full = path.join(corpusDir, rel);
    const source = statSync(full).isDirectory() ? { files: readCorpusFolder(rel) } : readCorpusFile(rel);
    const { document } = await importSource(format, source);
    const result = await apply(document, { sqlParsers });
    const { failed, catalog, run } = result;
    expectForeignKeysValid(result);
    const budget = FAILURE_BUDGET[rel] ?? 0;
    expect(failed.length, failed.join('\n')).toBeLessThanOrEqual(budget);
    if (failed.length) expect(run.diagnostics.some((d) => d.code === 'expression.cross-dialect')).toBe(true);
    else expect(compareDocumentToSqliteCatalog(document, catalog, run)).toEqual([]);
  }, 60_000);
});

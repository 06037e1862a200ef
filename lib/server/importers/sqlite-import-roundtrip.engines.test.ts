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
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDdl } from '../../ddl/generate-ddl';
import { importSqlite } from '../../importers/sqlite/import-sqlite';
import { readSqliteCatalog } from '../sqlite/catalog';
import { importSqliteFile } from './sqlite-file';
import { importSource } from './import-source';
import { apply, applySchemaPrintout, canonical, compareSqliteDatabases, dotSchema, roundtripSqliteScript, SqliteScratch } from './sqlite-roundtrip.test-support';
import { corpusAvailable, readCorpusFile, readCorpusFolder } from './test-corpus';

const fixturesDir = path.join(__dirname, '../../importers/sqlite/fixtures');
const fixture = (name: string) => readFileSync(path.join(fixturesDir, name), 'utf8');
const scratch = new SqliteScratch();
afterAll(() => scratch.dispose());
const fresh = (onDisk = false) => scratch.fresh(onDisk);
const roundtrip = (script: string) => roundtripSqliteScript(scratch, script);

describe('SQLite import round-trip on SQLite (script -> import -> SQLite DDL -> fresh database: catalogs equal)', () => {
  it.each([
    ['actual-budget.schema.sql', 33, 29],
    ['mbtiles-schema.sql', 7, 0],
    ['hebcal-geo.schema.sql', 7, 9],
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

describe('a folder of SQLite migrations round-trips', () => {
  it("Draftbase's own prisma/migrations/sqlite (CREATE TABLE, CREATE INDEX, ALTER TABLE ADD COLUMN), run in name order: 0 differences", async () => {
    const root = path.join(__dirname, '../../../prisma/migrations/sqlite');
    const files = readdirSync(root)
      .filter((d) => /^\d{4}_/.test(d))
      .sort()
      .map((d) => ({ name: `${d}/migration.sql`, content: readFileSync(path.join(root, d, 'migration.sql'), 'utf8') }));
    expect(files.length).toBeGreaterThanOrEqual(2);
    const original = fresh().client;
    for (const f of files) await apply(original, f.content);
    const { document, report } = await importSource('sqlite', { files });
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const regenerated = fresh().client;
    await apply(regenerated, generateDdl(document, 'sqlite').sql);
    expect(await compareSqliteDatabases(original, regenerated)).toEqual([]);
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

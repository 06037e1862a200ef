/**
 * Property tests over every import of ../shared/corpus (PostgreSQL and MySQL SQL through the pure
 * importers; Prisma, including the 37-file dub folder, and DBML through the server's importSource):
 * for each imported document and each dialect,
 * - DATABASE_DESIGN.md has every template heading in order at its level, and no other heading up to level 4;
 * - every mermaid block passes `mermaid.parse` and is under 50,000 characters;
 * - the Schema Design block is exactly generateDdl's SQL, and it applies statement by statement on
 *   PGlite (PostgreSQL 17) and on MariaDB 10.11 (DATABASE_URL_MYSQL); the statements that fail are
 *   listed per file below with the reason, anything else fails the test;
 * - the Index Strategy table has one row per index of the model (primary keys and uniques included;
 *   for MySQL plus the indexes InnoDB adds for foreign keys);
 * - the Prisma export passes getDMMF with every table and column under its real name;
 * - the DBML export parses with @dbml/core with every table, column and reference.
 */
import mermaid from 'mermaid';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDdl, generateDdlStatements } from '../ddl/generate-ddl';
import { importMysql } from '../importers/mysql/import-mysql';
import { importPostgres } from '../importers/postgres/import-postgres';
import { indexStrategy } from '../index-strategy/index-strategy';
import type { Dialect, SchemaDocument } from '../model/document';
import { exportDbml } from '../exporters/export-dbml';
import { exportPrisma } from '../exporters/export-prisma';
import { checkDbml, checkPrisma } from '../exporters/export-checks.test-support';
import { corpusAvailable, readCorpusFile, readCorpusFolder } from '../server/importers/test-corpus';
import { importSource } from '../server/importers/import-source';
import { pgliteSession } from '../server/testing/pg-engines';
import { mariadbSession } from '../server/testing/mariadb';
import { requireServer } from '../server/testing/require-server';
import type { SqlClient } from '../server/testing/sql-client';
import { generateDesignDoc } from './generate-design-doc';
import { checkDesignDocStructure, codeBlocks, firstTableRows } from './structure';

type Source = { file: string; load: () => Promise<SchemaDocument> };

const SOURCES: Source[] = [
  ...['azimutt-structure.sql', 'chinook-postgresql-schema.sql', 'guacamole-create-schema.sql', 'northwind-schema.sql', 'openstreetmap-structure.sql', 'pagila-schema-2024-pg12dump.sql', 'pagila-schema.sql'].map((f) => ({
    file: `postgres/${f}`,
    load: async () => (await importPostgres(readCorpusFile(`postgres/${f}`))).document,
  })),
  ...['chinook-mysql-schema.sql', 'employees-schema.sql', 'guacamole-create-schema.sql', 'northwind-mywind.sql', 'sakila-schema.sql'].map((f) => ({
    file: `mysql/${f}`,
    load: async () => (await importMysql(readCorpusFile(`mysql/${f}`))).document,
  })),
  ...['dariah-unr-schema.prisma', 'documenso-schema.prisma', 'hoppscotch-schema.prisma', 'umami-schema.prisma'].map((f) => ({
    file: `prisma/${f}`,
    load: async () => (await importSource('prisma', readCorpusFile(`prisma/${f}`))).document,
  })),
  { file: 'prisma/dub-schema-folder/', load: async () => (await importSource('prisma', { files: readCorpusFolder('prisma/dub-schema-folder') })).document },
  ...['dariah-unr-schema.dbml', 'dokploy-schema.dbml', 'holistics-playground-ecommerce.dbml'].map((f) => ({
    file: `dbml/${f}`,
    load: async () => (await importSource('dbml', readCorpusFile(`dbml/${f}`))).document,
  })),
];

/**
 * Statements of the generated DDL that fail, explained. A failure is explained when it matches one of
 * these categories for the engine and the case (own dialect = the dialect the schema was written for,
 * cross = the other one); the test fails on anything else. Each category is a known limitation of
 * the model or of lib/ddl (reported to their owners), not of the design document, which embeds
 * generateDdl's output unchanged.
 */
interface Explanation {
  engine: 'pglite' | 'mariadb';
  /** Applies to the schema's own dialect, the other one, or both. */
  when: 'own' | 'cross' | 'both';
  /** Only for these corpus files (absent = any). */
  files?: string[];
  pattern: RegExp;
  why: string;
}

const EXPLAINED: Explanation[] = [
  { engine: 'pglite', when: 'both', files: ['postgres/openstreetmap-structure.sql'], pattern: /extension "postgis" (is not available|does not exist)/, why: 'PostGIS is not available in PGlite (CREATE EXTENSION and its COMMENT)' },
  { engine: 'pglite', when: 'both', files: ['postgres/openstreetmap-structure.sql'], pattern: /type "public\.geometry" does not exist/, why: 'PostGIS is not available in PGlite' },
  { engine: 'pglite', when: 'both', files: ['postgres/openstreetmap-structure.sql'], pattern: /"moderation_zones" does not exist/, why: 'follows from the PostGIS table' },
  { engine: 'pglite', when: 'both', files: ['postgres/pagila-schema.sql'], pattern: /extension "vector" (is not available|does not exist)/, why: 'pgvector is not available in PGlite (CREATE EXTENSION and its COMMENT)' },
  { engine: 'pglite', when: 'both', files: ['postgres/pagila-schema.sql'], pattern: /type "public\.vector" does not exist/, why: 'pgvector is not available in PGlite' },
  { engine: 'pglite', when: 'both', files: ['postgres/pagila-schema.sql', 'postgres/pagila-schema-2024-pg12dump.sql'], pattern: /function public\.group_concat\(text\) does not exist/, why: 'the custom aggregate group_concat is not modeled (importer skips CREATE AGGREGATE)' },
  { engine: 'mariadb', when: 'own', files: ['mysql/sakila-schema.sql'], pattern: /^CREATE VIEW `actor_info`.*Table 'sakila\.actor' doesn't exist/s, why: 'the view body names the sakila database explicitly (view SQL is kept verbatim) and the test database has another name' },
  // Fixed, and kept out on purpose (so they cannot come back silently): TEXT key columns on MySQL
  // (now varchar(191)), Prisma enum-list defaults (now cast), DBML JSON defaults in backticks (now
  // literals), PostgreSQL array defaults on MySQL json columns (now left out), per-table MySQL index
  // names colliding in PostgreSQL (renamed) and 0/1 defaults on booleans (false/true).
  { engine: 'mariadb', when: 'cross', files: ['postgres/openstreetmap-structure.sql'], pattern: /errno: 150 "Foreign key constraint is incorrectly formed"|Table '[^']*' doesn't exist/, why: 'integer columns referencing bigint keys: PostgreSQL accepts them, InnoDB needs the same type (reported as mysql.foreign-key-type-mismatch), and the statements on the tables not created' },
  { engine: 'mariadb', when: 'cross', files: ['postgres/pagila-schema.sql', 'postgres/pagila-schema-2024-pg12dump.sql'], pattern: /Function or expression '`uuidv7`\(\)' cannot be used in the DEFAULT clause/, why: 'a PostgreSQL function in a default is not portable to MySQL' },
  { engine: 'mariadb', when: 'cross', files: ['dbml/dokploy-schema.dbml', 'postgres/pagila-schema-2024-pg12dump.sql'], pattern: /Incorrect table definition; there can be only one auto column and it must be defined as a key/, why: 'a serial column that does not lead a key (dokploy: not a key; pagila payment: second in the partitioned primary key): MySQL needs AUTO_INCREMENT to lead one (reported as mysql.auto-increment-not-key)' },
  { engine: 'pglite', when: 'cross', files: ['mysql/sakila-schema.sql'], pattern: /type "geometry" does not exist/, why: 'MySQL GEOMETRY needs PostGIS, which PGlite does not have (the tables referencing address follow)' },
];

/**
 * At most this many statements may fail per file and engine (absent: none). The counts measured when
 * the generator fixes of November 2026 landed: lower them when something improves; a rise fails the
 * test even when every failure matches a category above.
 */
// openstreetmap and pagila on PGlite: 2 of their failures each are the declared extension PGlite lacks
// (CREATE EXTENSION postgis / vector and its COMMENT); openstreetmap's GiST indexes on integers apply
// since its declared btree_gist is written. sakila on PGlite: address.location is a PostGIS geometry, so
// address and everything that reaches it fail; 26 since the import declares the index InnoDB creates for
// payment's foreign key to rental (fk_payment_rental), one more statement on a failed table.
const FAILURE_BUDGET: Record<string, { pglite?: number; mariadb?: number }> = {
  'postgres/openstreetmap-structure.sql': { pglite: 5, mariadb: 12 },
  'postgres/pagila-schema-2024-pg12dump.sql': { pglite: 3, mariadb: 1 },
  'postgres/pagila-schema.sql': { pglite: 5, mariadb: 11 },
  'mysql/sakila-schema.sql': { pglite: 26, mariadb: 1 },
  'dbml/dokploy-schema.dbml': { mariadb: 5 },
};

function expectWithinBudget(file: string, engine: 'pglite' | 'mariadb', failures: string[]): void {
  const budget = FAILURE_BUDGET[file]?.[engine] ?? 0;
  expect(failures.length, `${file} on ${engine}: ${failures.length} failed statements, at most ${budget} expected:\n${failures.join('\n')}`).toBeLessThanOrEqual(budget);
}

function ownDialect(file: string, doc: SchemaDocument): Dialect {
  if (file.startsWith('postgres/')) return 'postgres';
  if (file.startsWith('mysql/')) return 'mysql';
  return doc.settings.dialect;
}

const hasCorpus = corpusAvailable('design-doc corpus property tests');
const pglite = pgliteSession();
const mysqlUrl = requireServer('mysql');
const maria = mysqlUrl ? mariadbSession(mysqlUrl) : undefined;
afterAll(async () => {
  await pglite.close();
  await maria?.close();
});

async function applyAll(client: SqlClient, statements: readonly string[]): Promise<string[]> {
  const failures: string[] = [];
  for (const st of statements) {
    try {
      await client.query(st);
    } catch (e) {
      failures.push(`${st.slice(0, 120).replace(/\s+/g, ' ')}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return failures;
}

function unexplained(file: string, engine: 'pglite' | 'mariadb', own: boolean, failures: string[]): string[] {
  const rules = EXPLAINED.filter((e) => e.engine === engine && (e.when === 'both' || (e.when === 'own') === own) && (!e.files || e.files.includes(file)));
  // A statement on a table that an explained failure did not create fails too: a consequence,
  // accepted only when some earlier failure is itself explained.
  const cascade = /relation "[^"]*" does not exist|Table '[^']*' doesn't exist|errno: 150/;
  const roots = failures.filter((f) => !cascade.test(f));
  const left = roots.filter((f) => !rules.some((e) => e.pattern.test(f)));
  const consequences = failures.filter((f) => cascade.test(f) && !rules.some((e) => e.pattern.test(f)));
  return roots.length > 0 ? left : [...left, ...consequences];
}

const docs = new Map<string, SchemaDocument>();
async function load(s: Source): Promise<SchemaDocument> {
  let doc = docs.get(s.file);
  if (!doc) {
    doc = await s.load();
    docs.set(s.file, doc);
  }
  return doc;
}

describe.skipIf(!hasCorpus)('DATABASE_DESIGN.md and exports over the corpus', () => {
  describe.each(SOURCES)('$file', (source) => {
    it.each(['postgres', 'mysql'] as Dialect[])('%s: headings, mermaid, DDL identity, index rows', async (dialect) => {
      const doc = await load(source);
      expect(Object.keys(doc.tables).length).toBeGreaterThan(0);
      const md = generateDesignDoc(doc, { dialect });
      expect(checkDesignDocStructure(md)).toEqual([]);
      const blocks = codeBlocks(md);
      const diagrams = blocks.filter((b) => b.info === 'mermaid');
      expect(diagrams.length).toBeGreaterThan(0);
      for (const d of diagrams) {
        expect(d.content.length).toBeLessThan(50_000);
        await expect(mermaid.parse(d.content)).resolves.toBeTruthy();
      }
      expect(blocks.find((b) => b.info === 'sql')?.content).toBe(generateDdl(doc, dialect).sql);
      const section = md.slice(md.indexOf('#### Index Strategy'), md.indexOf('#### Partitioning Strategy'));
      // The index table is the section's first table (the design review's findings may follow it).
      const rows = firstTableRows(section);
      let modelIndexes = 0;
      for (const t of Object.values(doc.tables)) modelIndexes += t.indexes.length + t.uniques.length + (t.primaryKey ? 1 : 0);
      const strategy = indexStrategy(doc, dialect);
      const innodb = strategy.filter((r) => r.type.includes('created by InnoDB')).length;
      expect(rows).toBe(modelIndexes + innodb);
      if (dialect === 'postgres') expect(innodb).toBe(0);
    });

    it('postgres: the embedded DDL applies on PGlite', async () => {
      const doc = await load(source);
      const db = await pglite.fresh();
      // Extensions the non-PostgreSQL sources use without declaring them (documenso's trigram indexes).
      await db.query('CREATE EXTENSION IF NOT EXISTS citext');
      await db.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      const statements = generateDdlStatements(doc, 'postgres').statements;
      const failures = await applyAll(db, statements);
      const own = ownDialect(source.file, doc) === 'postgres';
      console.info(`[design-doc corpus] ${source.file} on PGlite (${own ? 'own dialect' : 'cross'}): ${statements.length - failures.length}/${statements.length} statements applied`);
      expect(unexplained(source.file, 'pglite', own, failures)).toEqual([]);
      expectWithinBudget(source.file, 'pglite', failures);
    });

    it.skipIf(!maria)('mysql: the embedded DDL applies on MariaDB', async () => {
      const doc = await load(source);
      const db = await maria!.fresh();
      const statements = generateDdlStatements(doc, 'mysql', { target: 'mariadb-10.11' }).statements;
      const failures = await applyAll(db, statements);
      const own = ownDialect(source.file, doc) === 'mysql';
      console.info(`[design-doc corpus] ${source.file} on MariaDB (${own ? 'own dialect' : 'cross'}): ${statements.length - failures.length}/${statements.length} statements applied`);
      expect(unexplained(source.file, 'mariadb', own, failures)).toEqual([]);
      expectWithinBudget(source.file, 'mariadb', failures);
    });

    it('the Prisma export passes getDMMF and the DBML export parses', async () => {
      const doc = await load(source);
      const prisma = exportPrisma(doc);
      await checkPrisma(doc, prisma.text);
      checkDbml(doc, exportDbml(doc).text);
    });
  });
});

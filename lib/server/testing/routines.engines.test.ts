/**
 * pagila (2024) on PGlite: its functions, the custom aggregate group_concat (three views call it) and
 * its triggers are kept as routines, so the DDL Draftbase regenerates recreates the database exactly:
 * zero catalog differences, routines included, and no statement rejected. Two PGlite instances (one
 * per side). The server round-trip (lib/importers/postgres/import-postgres.roundtrip.test.ts) proves
 * the same on DATABASE_URL_PG.
 *
 * sakila on MariaDB: the generated *script* (procedures, functions and triggers in DELIMITER blocks,
 * as mysqldump writes them) applies with the mysql client's rules, every routine created.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { generateDdl, generateDdlStatements } from '../../ddl/generate-ddl';
import { importMysql } from '../../importers/mysql/import-mysql';
import { importPostgres } from '../../importers/postgres/import-postgres';
import { diffCatalogs } from '../catalog/catalog-diff';
import { corpusAvailable, readCorpusFile } from '../importers/test-corpus';
import { applyEach, applyScript } from '../roundtrip/apply-script';
import { readPgCatalog } from './pg-catalog';
import { pgliteSession } from './pg-engines';
import { mariadbSession } from './mariadb';
import { readMysqlCatalog } from './mysql-catalog';
import { requireServer } from './require-server';

const hasCorpus = corpusAvailable('pagila routines on PGlite');

describe.skipIf(!hasCorpus)('routines round-trip on PGlite', () => {
  const original = pgliteSession();
  const regenerated = pgliteSession();
  afterAll(async () => {
    await original.close();
    await regenerated.close();
  });

  it('pagila-schema-2024-pg12dump.sql: 0 catalog differences, functions, aggregate and triggers included', async () => {
    const sql = readCorpusFile('postgres/pagila-schema-2024-pg12dump.sql');
    const a = await original.fresh();
    expect(await applyScript(a, 'postgres', sql)).toEqual([]);
    const { document } = await importPostgres(sql);
    const ddl = generateDdlStatements(document, 'postgres');
    const b = await regenerated.fresh();
    expect(await applyEach(b, ddl.statements)).toEqual([]);
    const [ca, cb] = [await readPgCatalog(a), await readPgCatalog(b)];
    expect(ca.tables.length).toBe(15);
    expect(ca.views.length).toBe(8);
    expect([ca.routines?.length, cb.routines?.length]).toEqual([25, 25]);
    expect(diffCatalogs(ca, cb).map((d) => `[${d.kind}] ${d.message}`)).toEqual([]);
  });

  it('pagila with dropFirst: the script runs twice (CREATE OR REPLACE for functions and the aggregate)', async () => {
    const { document } = await importPostgres(readCorpusFile('postgres/pagila-schema-2024-pg12dump.sql'));
    const ddl = generateDdlStatements(document, 'postgres', { dropFirst: true });
    expect(ddl.statements.some((s) => s.startsWith('CREATE OR REPLACE AGGREGATE public.group_concat'))).toBe(true);
    const b = await regenerated.fresh();
    expect(await applyEach(b, ddl.statements)).toEqual([]);
    expect(await applyEach(b, ddl.statements)).toEqual([]);
    expect((await readPgCatalog(b)).routines?.length).toBe(25);
  });
});

const mysqlUrl = requireServer('mysql');

describe.skipIf(!hasCorpus || !mysqlUrl)('MySQL routines in a script', () => {
  const maria = mysqlUrl ? mariadbSession(mysqlUrl) : undefined;
  afterAll(() => maria?.close());

  it('sakila-schema.sql: the DELIMITER-block script applies with the mysql client rules and creates its 9 routines', async () => {
    // The corpus file names its database (sakila.film): unqualified for the scratch database.
    const sql = readCorpusFile('mysql/sakila-schema.sql').replace(/\bsakila\s*\.\s*(?=[`\w])/g, '');
    const { document } = await importMysql(sql);
    const script = generateDdl(document, 'mysql', { target: 'mariadb-10.11' }).sql;
    expect(script).toContain('DELIMITER ;;\nCREATE PROCEDURE rewards_report');
    const db = await maria!.fresh();
    expect(await applyScript(db, 'mysql', script)).toEqual([]);
    const catalog = await readMysqlCatalog(db);
    expect(catalog.routines?.map((r) => `${r.kind} ${r.name}`).sort()).toEqual([
      'function get_customer_balance', 'function inventory_held_by_customer', 'function inventory_in_stock',
      'procedure film_in_stock', 'procedure film_not_in_stock', 'procedure rewards_report',
      'trigger del_film', 'trigger ins_film', 'trigger upd_film',
    ]);
    // dropFirst: DROP PROCEDURE|FUNCTION IF EXISTS before each; the triggers go with their tables.
    const again = generateDdl(document, 'mysql', { target: 'mariadb-10.11', dropFirst: true }).sql;
    expect(await applyScript(db, 'mysql', again)).toEqual([]);
    expect(await applyScript(db, 'mysql', again)).toEqual([]);
    expect((await readMysqlCatalog(db)).routines?.length).toBe(9);
  });
});

/**
 * pagila (2024) on PGlite: its functions, the custom aggregate group_concat (three views call it) and
 * its triggers are kept as routines, so the DDL Draftbase regenerates recreates the database exactly:
 * zero catalog differences, routines included, and no statement rejected. Two PGlite instances (one
 * per side). The server round-trip (lib/importers/postgres/import-postgres.roundtrip.test.ts) proves
 * the same on DATABASE_URL_PG.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { generateDdlStatements } from '../../ddl/generate-ddl';
import { importPostgres } from '../../importers/postgres/import-postgres';
import { diffCatalogs } from '../catalog/catalog-diff';
import { corpusAvailable, readCorpusFile } from '../importers/test-corpus';
import { applyEach, applyScript } from '../roundtrip/apply-script';
import { readPgCatalog } from './pg-catalog';
import { pgliteSession } from './pg-engines';

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
});

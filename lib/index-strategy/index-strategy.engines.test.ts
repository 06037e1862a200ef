/**
 * The index strategy table against real engines: for each document, generate the DDL, apply it on the
 * PostgreSQL server and on MariaDB, read every index from the catalog, and require that the rows the
 * table marks as created are exactly the indexes that exist (same names, same tables, same key
 * columns in order), and that what it marks as not created does not exist. This proves the implicit
 * names (PK/unique/FK), InnoDB's foreign-key indexes and every skip rule against the engines.
 * Needs DATABASE_URL_PG / DATABASE_URL_MYSQL (skipped with a notice when unset, required under CI).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { SchemaDocument } from '../model/document';
import { displayName } from '../model/lookup';
import { kitchenSinkDocument } from '../model/fixtures/kitchen-sink';
import { hostileNamesDocument } from '../model/fixtures/hostile-names';
import { generateDdlStatements } from '../ddl/generate-ddl';
import type { CatalogSnapshot } from '../server/testing/catalog-types';
import { mariadbSession } from '../server/testing/mariadb';
import { readMysqlCatalog } from '../server/testing/mysql-catalog';
import { readPgCatalog } from '../server/testing/pg-catalog';
import { pgServerSession, type EngineSession } from '../server/testing/pg-engines';
import { requireServer } from '../server/testing/require-server';
import { applyStatements } from '../server/testing/sql-client';
import { syntheticDocument } from '../../bench/synthetic';
import { indexStrategy } from './index-strategy';

const documents: Array<[string, () => SchemaDocument]> = [
  ['kitchen sink', kitchenSinkDocument],
  ['hostile names', hostileNamesDocument],
  ['synthetic 40 tables', () => syntheticDocument({ tables: 40 })],
];

/** `table|index -> key columns` of the document's tables in the catalog (partitions are left out). */
function catalogIndexes(snapshot: CatalogSnapshot, tableNames: Set<string>, qualify: (schema: string, name: string) => string): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of snapshot.tables) {
    const table = qualify(t.schema, t.name);
    if (!tableNames.has(table)) continue;
    for (const ix of t.indexes) out.set(`${table}|${ix.name}`, ix.parts.map((p) => p.expression).join(', '));
  }
  return out;
}

/** The same from the index strategy rows: key column names only (no DESC, prefix lengths, opclasses). */
function strategyIndexes(rows: ReturnType<typeof indexStrategy>, tableName: (id: string) => string) {
  const created = new Set<string>();
  const skipped = new Set<string>();
  for (const r of rows) (r.created ? created : skipped).add(`${tableName(r.tableId)}|${r.indexName}`);
  return { created, skipped };
}

function engineSuite(name: 'PostgreSQL' | 'MariaDB', url: string | undefined) {
  describe.skipIf(!url)(`index strategy on ${name}`, () => {
    let session: EngineSession | undefined;
    afterAll(async () => session?.close());

    it.each(documents)('%s: every created row exists and nothing else', async (_label, make) => {
      const doc = make();
      const pg = name === 'PostgreSQL';
      session ??= pg ? pgServerSession(url!) : mariadbSession(url!);
      const client = await session.fresh();
      const ddl = generateDdlStatements(doc, pg ? 'postgres' : 'mysql', pg ? {} : { target: 'mariadb-10.11' });
      await applyStatements(client, ddl.statements);
      const snapshot = pg ? await readPgCatalog(client) : await readMysqlCatalog(client);

      // PostgreSQL keeps schemas; MariaDB output flattens them into the one database.
      const tableName = (id: string) => (pg ? displayName(doc, doc.tables[id]).replace(/^(?![^.]*\.)/, 'public.') : doc.tables[id].name);
      const qualify = (schema: string, table: string) => (pg ? `${schema}.${table}` : table);
      const tableNames = new Set(Object.keys(doc.tables).map(tableName));
      // displayName joins schema and table with a dot; names with dots are not in these documents.
      const rows = indexStrategy(doc, pg ? 'postgres' : 'mysql', pg ? {} : { target: 'mariadb-10.11' });
      const { created, skipped } = strategyIndexes(rows, tableName);
      const actual = catalogIndexes(snapshot, tableNames, qualify);

      // Two empty sets are equal: the documents must make the generator create indexes.
      expect(created.size).toBeGreaterThan(0);
      expect([...actual.keys()].sort()).toEqual([...created].sort());
      for (const key of skipped) expect(actual.has(key), key).toBe(false);
      // Key columns, in order, for rows on plain columns (at least one row is compared).
      let compared = 0;
      for (const r of rows.filter((row) => row.created)) {
        const key = `${tableName(r.tableId)}|${r.indexName}`;
        const table = doc.tables[r.tableId];
        const columnNames = new Set(table.columns.map((c) => c.name));
        const expected = r.columns.split(', ').map((c) => c.replace(/ NULLS (FIRST|LAST)$/, '').replace(/ DESC$/, '').replace(/\(\d+\)$/, '').replace(/ \S+_ops$/, ''));
        if (expected.every((c) => columnNames.has(c)) && !r.type.includes('INCLUDE')) {
          expect(actual.get(key), key).toBe(expected.join(', '));
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(0);
    });
  });
}

engineSuite('PostgreSQL', requireServer('pg'));
engineSuite('MariaDB', requireServer('mysql'));

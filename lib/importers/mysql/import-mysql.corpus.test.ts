/**
 * Every MySQL file of ../shared/corpus imports with the counts the engine itself reports.
 *
 * How the expected numbers were obtained (NOT by running this importer): each file was applied with
 * the `mysql --force` client to a fresh database on the MariaDB 10.11 server of the development
 * machine (database names rewritten so nothing else is touched), and information_schema was counted:
 *   tables  = TABLES with TABLE_TYPE = 'BASE TABLE';  columns = their COLUMNS
 *   fks     = REFERENTIAL_CONSTRAINTS;   enums = COLUMNS with DATA_TYPE = 'enum' (one enum per column)
 *   indexes = distinct (TABLE_NAME, INDEX_NAME) in STATISTICS except PRIMARY (UNIQUE KEYs are indexes)
 *   views   = VIEWS
 * Corrections, by hand from the file:
 * - InnoDB creates an index for a foreign key whose columns lead no existing index (employees 2,
 *   guacamole 9, northwind 1, sakila 2); the import adds them under InnoDB's names, so they count.
 * - sakila: MariaDB ignores MySQL-5.7 executable comments (`/*!50705 ... *\/`), so it has no
 *   `address.location` GEOMETRY column and no SPATIAL index; MySQL 5.7+ has both and so does the
 *   import: +1 column, +1 index. One view failed on the engine only because of the database rename: 7.
 * - employees: the `source load_*.dump` client commands fail (the data files are not in the corpus).
 */
import { describe, expect, it } from 'vitest';
import { corpusAvailable, readCorpusFile } from '../../server/importers/test-corpus';
import type { ImportCounts } from '../types';
import { importMysql } from './import-mysql';

const EXPECTED: [file: string, counts: ImportCounts][] = [
  ['chinook-mysql-schema.sql', { tables: 11, columns: 64, relationships: 11, indexes: 11, enums: 0, views: 0 }],
  ['employees-schema.sql', { tables: 6, columns: 24, relationships: 6, indexes: 3, enums: 1, views: 2 }],
  ['guacamole-create-schema.sql', { tables: 23, columns: 104, relationships: 30, indexes: 31, enums: 9, views: 0 }],
  ['northwind-mywind.sql', { tables: 20, columns: 177, relationships: 21, indexes: 74, enums: 0, views: 0 }],
  ['sakila-schema.sql', { tables: 16, columns: 89 + 1, relationships: 22, indexes: 25 + 1, enums: 1, views: 6 + 1 }],
];

const hasCorpus = corpusAvailable('MySQL corpus import tests');

describe.skipIf(!hasCorpus)('importMysql on the real corpus', () => {
  it.each(EXPECTED)('%s has the engine-counted tables, columns, foreign keys, indexes, enums, views', async (file, expected) => {
    const { report } = await importMysql(readCorpusFile(`mysql/${file}`));
    expect(report.counts).toEqual(expected);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('sakila: DELIMITER blocks, conditional-comment columns, SET, FULLTEXT, ON UPDATE, unsigned, views', async () => {
    const { document: doc, report } = await importMysql(readCorpusFile('mysql/sakila-schema.sql'));
    const tables = Object.values(doc.tables);
    const address = tables.find((t) => t.name === 'address');
    expect(address?.columns.find((c) => c.name === 'location')).toMatchObject({ type: { name: 'geometry' }, nullable: false });
    expect(address?.indexes.find((i) => i.name === 'idx_location')?.method).toBe('spatial');
    const film = tables.find((t) => t.name === 'film');
    expect(film?.columns.find((c) => c.name === 'special_features')?.type).toEqual({
      kind: 'scalar',
      name: 'text',
      native: { mysql: "set('Trailers','Commentaries','Deleted Scenes','Behind the Scenes')" },
    });
    expect(film?.columns.find((c) => c.name === 'film_id')).toMatchObject({ identity: { always: false }, type: { name: 'smallint', unsigned: true } });
    expect(film?.columns.find((c) => c.name === 'last_update')).toMatchObject({ onUpdateCurrentTimestamp: true, default: { kind: 'builtin', name: 'current_timestamp' } });
    expect(tables.find((t) => t.name === 'film_text')?.indexes[0]).toMatchObject({ name: 'idx_title_description', method: 'fulltext' });
    expect(film?.options?.mysql).toEqual({ engine: 'InnoDB', charset: 'utf8' });
    // Triggers, procedures and functions (DELIMITER blocks) are kept as routines, not skipped.
    expect(Object.values(doc.routines ?? {}).map((r) => `${r.kind} ${r.name}`)).toEqual([
      'trigger ins_film', 'trigger upd_film', 'trigger del_film', 'procedure rewards_report', 'function get_customer_balance',
      'procedure film_in_stock', 'procedure film_not_in_stock', 'function inventory_held_by_customer', 'function inventory_in_stock',
    ]);
    expect(report.skipped.filter((s) => /routine|DELIMITER block/.test(s.reason))).toEqual([]);
  });

  it('northwind (Workbench): schema-qualified names collapse into the default database', async () => {
    const { document: doc } = await importMysql(readCorpusFile('mysql/northwind-mywind.sql'));
    expect(Object.keys(doc.schemas)).toEqual([]);
    const orders = Object.values(doc.tables).find((t) => t.name === 'orders');
    expect(orders?.columns.find((c) => c.name === 'shipping_fee')?.type).toMatchObject({ name: 'decimal', precision: 19, scale: 4 });
  });

  it('chinook: NVARCHAR read as VARCHAR, foreign keys added by ALTER TABLE', async () => {
    const { document: doc } = await importMysql(readCorpusFile('mysql/chinook-mysql-schema.sql'));
    const album = Object.values(doc.tables).find((t) => t.name === 'Album');
    expect(album?.columns.find((c) => c.name === 'Title')?.type).toEqual({ kind: 'scalar', name: 'varchar', length: 160 });
    expect(Object.values(doc.relationships).find((r) => r.name === 'FK_AlbumArtistId')?.fromTableId).toBe(album?.id);
  });

  it('employees: the inline ENUM becomes a document enum; client commands are skipped with lines', async () => {
    const { document: doc, report } = await importMysql(readCorpusFile('mysql/employees-schema.sql'));
    expect(Object.values(doc.enums)).toMatchObject([{ name: 'employees_gender', values: ['M', 'F'] }]);
    expect(report.skipped.find((s) => s.statement.startsWith('flush'))).toMatchObject({ line: 110, reason: 'mysql client command' });
  });
});

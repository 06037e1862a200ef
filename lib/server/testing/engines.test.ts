/**
 * The engine helpers and catalog readers against real engines: a small hand-written schema goes in,
 * the catalog must report exactly it. PGlite always runs; the servers when their URLs are set.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { catalogColumn, catalogTable } from './catalog-types';
import { mariadbSession } from './mariadb';
import { readMysqlCatalog } from './mysql-catalog';
import { readPgCatalog } from './pg-catalog';
import { pgliteSession, pgServerSession, type EngineSession } from './pg-engines';
import { requireServer } from './require-server';
import { applyStatements } from './sql-client';

const PG_SCHEMA = [
  `CREATE SCHEMA "s p"`,
  `CREATE TYPE "s p"."mood" AS ENUM ('ok', 'it''s')`,
  `CREATE TABLE "s p"."parent" ("id" integer GENERATED ALWAYS AS IDENTITY, "a" text NOT NULL DEFAULT 'x', CONSTRAINT "parent_pkey" PRIMARY KEY ("id"))`,
  `CREATE TABLE "s p"."child" ("id" integer PRIMARY KEY, "parent_id" integer, "m" "s p"."mood", "n" numeric(10,2) CHECK (n > 0),
     CONSTRAINT "child_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "s p"."parent" ("id") ON DELETE CASCADE ON UPDATE SET NULL)`,
  `CREATE INDEX "child_ix" ON "s p"."child" USING btree ("n" DESC NULLS LAST, ("n" * 2)) INCLUDE ("id") WHERE n > 1`,
];

const pgEngines: [string, () => EngineSession | undefined][] = [
  ['pglite', () => pgliteSession()],
  ['postgres server', () => { const url = requireServer('pg'); return url ? pgServerSession(url) : undefined; }],
];

describe.each(pgEngines)('%s helpers', (_name, make) => {
  const session = make();
  afterAll(() => session?.close());

  it.skipIf(!session)('applies statements and reads the catalog back', async () => {
    const db = await session!.fresh();
    await applyStatements(db, PG_SCHEMA);
    const cat = await readPgCatalog(db);
    expect(cat.enums).toEqual([{ schema: 's p', name: 'mood', values: ['ok', "it's"], comment: null }]);
    const parent = catalogTable(cat, 'parent', 's p');
    expect(catalogColumn(parent, 'id')).toMatchObject({ type: 'integer', nullable: false, identity: 'always' });
    expect(catalogColumn(parent, 'a')).toMatchObject({ type: 'text', nullable: false, default: "'x'::text" });
    const child = catalogTable(cat, 'child', 's p');
    expect(child.foreignKeys).toEqual([
      { name: 'child_parent_fk', columns: ['parent_id'], refSchema: 's p', refTable: 'parent', refColumns: ['id'], onDelete: 'cascade', onUpdate: 'set null', deferrable: 'not deferrable', comment: null },
    ]);
    expect(child.checks).toEqual([{ name: 'child_n_check', expression: 'CHECK (n > 0::numeric)' }]);
    expect(child.indexes.find((i) => i.name === 'child_ix')).toEqual({
      name: 'child_ix', unique: false, primary: false, method: 'btree', constraint: false, predicate: 'n > 1::numeric',
      parts: [
        { expression: 'n', isColumn: true, order: 'desc', nulls: 'last' },
        { expression: "(n * 2::numeric)", isColumn: false, order: 'asc', nulls: 'last' },
      ],
      include: ['id'],
    });
    // A fresh case starts empty.
    const again = await session!.fresh();
    expect((await readPgCatalog(again)).tables).toEqual([]);
  });

  it.skipIf(!session)('names the failing statement', async () => {
    const db = await session!.fresh();
    await expect(applyStatements(db, ['CREATE TABLE a (id int)', 'CREATE TABLE a (id int)'])).rejects.toThrow(/statement 2 of 2 failed.*already exists[\s\S]*CREATE TABLE a/);
  });
});

describe('mariadb helpers', () => {
  const url = requireServer('mysql');
  const session = url ? mariadbSession(url) : undefined;
  afterAll(() => session?.close());

  it.skipIf(!session)('applies statements and reads the catalog back', async () => {
    const db = await session!.fresh();
    await applyStatements(db, [
      'CREATE TABLE `pa``rent` (`id` int NOT NULL AUTO_INCREMENT, `j` json, PRIMARY KEY (`id`)) COMMENT \'it\'\'s\'',
      'CREATE TABLE `child` (`id` int NOT NULL, `pid` int, `e` enum(\'a\',\'b\') DEFAULT \'a\', CONSTRAINT `c_pos` CHECK (`id` > 0), UNIQUE KEY `u1` (`pid`, `e`), ' +
        'CONSTRAINT `fk1` FOREIGN KEY (`pid`) REFERENCES `pa``rent` (`id`) ON DELETE SET NULL ON UPDATE CASCADE)',
      'CREATE INDEX `ix` ON `child` (`e` DESC, `id`)',
    ]);
    const cat = await readMysqlCatalog(db);
    const parent = catalogTable(cat, 'pa`rent');
    expect(parent.comment).toBe("it's");
    expect(catalogColumn(parent, 'id')).toMatchObject({ type: 'int(11)', nullable: false, identity: 'auto_increment' });
    expect(catalogColumn(parent, 'j').type).toBe('longtext'); // MariaDB: JSON is an alias
    const child = catalogTable(cat, 'child');
    expect(catalogColumn(child, 'e')).toMatchObject({ type: "enum('a','b')", default: "'a'" });
    expect(child.foreignKeys).toEqual([
      { name: 'fk1', columns: ['pid'], refSchema: db.database, refTable: 'pa`rent', refColumns: ['id'], onDelete: 'set null', onUpdate: 'cascade', deferrable: 'not deferrable', comment: null },
    ]);
    expect(child.checks).toEqual([{ name: 'c_pos', expression: '`id` > 0', enforced: true }]);
    expect(child.uniques).toEqual([{ name: 'u1', columns: ['pid', 'e'], nullsNotDistinct: false }]);
    expect(child.indexes.find((i) => i.name === 'ix')?.parts).toEqual([
      { expression: 'e', isColumn: true, order: 'desc' },
      { expression: 'id', isColumn: true, order: 'asc' },
    ]);
  });
});

/**
 * Engine proofs of the generator fixes the design-doc corpus test found, on small documents:
 * - MariaDB: text columns in a primary key, a 4-column unique, a plain index and both sides of a
 *   foreign key (varchar(191)) create, and the catalog says varchar(191); an unkeyed one is longtext.
 *   The same DDL with the text columns left as longtext is rejected (the bug this fixes).
 * - PGlite: a Prisma enum-list default (`ARRAY['USER']::"Role"[]`) and a DBML JSON default in
 *   backticks apply, and the defaults are what the source says.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { generateDdlStatements } from '../../ddl/generate-ddl';
import { documentOf, makeColumn, makeIndex, makeRelationship, makeTable, scalar } from '../../model/build';
import { sequentialIds } from '../../model/ids';
import { importSource } from '../importers/import-source';
import { mariadbSession } from './mariadb';
import { pgliteSession } from './pg-engines';
import { requireServer } from './require-server';
import { applyStatements } from './sql-client';

const mysqlUrl = requireServer('mysql');
const maria = mysqlUrl ? mariadbSession(mysqlUrl) : undefined;
const pglite = pgliteSession();
afterAll(async () => {
  await maria?.close();
  await pglite.close();
});

function textKeysDocument() {
  const ids = sequentialIds();
  const text = (name: string) => makeColumn({ name, type: scalar('text'), nullable: false }, ids);
  const accountId = text('id');
  const account = makeTable({ name: 'account', columns: [accountId], primaryKey: { columnIds: [accountId.id] } }, ids);
  const parts = ['a', 'b', 'c', 'd'].map(text);
  const ref = text('account_id');
  const slug = text('slug');
  const body = text('body');
  const post = makeTable(
    {
      name: 'post',
      columns: [...parts, ref, slug, body],
      uniques: [{ id: ids('unq'), columnIds: parts.map((c) => c.id) }],
      indexes: [makeIndex({ name: 'post_slug_idx', parts: [{ kind: 'column', columnId: slug.id }] }, ids)],
    },
    ids,
  );
  const fk = makeRelationship({ fromTableId: post.id, toTableId: account.id, columnPairs: [{ fromColumnId: ref.id, toColumnId: accountId.id }] }, ids);
  return documentOf({ tables: [account, post], relationships: [fk] });
}

describe.skipIf(!maria)('MariaDB: text key columns', () => {
  it('create as varchar(191); an unkeyed text column stays longtext', async () => {
    const db = await maria!.fresh();
    const { statements } = generateDdlStatements(textKeysDocument(), 'mysql', { target: 'mariadb-10.11' });
    await applyStatements(db, statements);
    const rows = await db.query<{ TABLE_NAME: string; COLUMN_NAME: string; COLUMN_TYPE: string }>(
      'SELECT TABLE_NAME, COLUMN_NAME, COLUMN_TYPE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION',
    );
    expect(rows.map((r) => `${r.TABLE_NAME}.${r.COLUMN_NAME} ${r.COLUMN_TYPE}`)).toEqual([
      'account.id varchar(191)',
      'post.a varchar(191)',
      'post.b varchar(191)',
      'post.c varchar(191)',
      'post.d varchar(191)',
      'post.account_id varchar(191)',
      'post.slug varchar(191)',
      'post.body longtext',
    ]);
    const fks = await db.query<{ CONSTRAINT_NAME: string }>("SELECT CONSTRAINT_NAME FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND CONSTRAINT_TYPE = 'FOREIGN KEY'");
    expect(fks).toHaveLength(1);
  });

  it('the same keys on longtext are rejected (what the generator used to write)', async () => {
    const db = await maria!.fresh();
    const { statements } = generateDdlStatements(textKeysDocument(), 'mysql', { target: 'mariadb-10.11' });
    await expect(applyStatements(db, [statements[0].replace('varchar(191)', 'longtext')])).rejects.toThrow(/BLOB\/TEXT column 'id' used in key specification without a key length/);
  });
});

describe('PGlite: enum-list and JSON defaults from the importers', () => {
  it('Prisma Role[] @default([USER]) applies and defaults to {USER}', async () => {
    const prisma = `datasource db {\n  provider = "postgresql"\n}\n\nenum Role {\n  USER\n  ADMIN\n}\n\nmodel User {\n  id    Int    @id @default(autoincrement())\n  roles Role[] @default([USER])\n}\n`;
    const { document } = await importSource('prisma', { files: [{ name: 'schema.prisma', content: prisma }] });
    const db = await pglite.fresh();
    await applyStatements(db, generateDdlStatements(document, 'postgres').statements);
    await db.query('INSERT INTO "User" DEFAULT VALUES');
    const rows = await db.query<{ roles: string }>('SELECT roles::text AS roles FROM "User"');
    expect(rows).toEqual([{ roles: '{USER}' }]);
  });

  it('DBML jsonb default in backticks applies and defaults to the JSON document', async () => {
    const dbml = 'Table settings {\n  id int [pk]\n  config jsonb [not null, default: `{"server":{"port":4500},"tags":[]}`]\n}\n';
    const { document } = await importSource('dbml', dbml);
    const db = await pglite.fresh();
    await applyStatements(db, generateDdlStatements(document, 'postgres').statements);
    await db.query('INSERT INTO "settings" ("id") VALUES (1)');
    const rows = await db.query<{ port: number }>(`SELECT ("config"->'server'->>'port')::int AS port FROM "settings"`);
    expect(rows).toEqual([{ port: 4500 }]);
  });
});

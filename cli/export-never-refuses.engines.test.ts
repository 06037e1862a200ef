/**
 * `draftbase export` never refuses, proven end to end on the two schemas issue 13 names:
 * - a DBML logical model with a reference to a column that is not unique (`Ref: orders.product_code >
 *   products.code`): the CLI writes the DDL and exits 3; the script file, run whole as a user would run
 *   it, applies on PostgreSQL (PGlite, and the server with DATABASE_URL_PG) and MariaDB
 *   (DATABASE_URL_MYSQL): every table and the other foreign key exist, and the rejected foreign key is
 *   a commented statement with its reason, which the engine rejects when uncommented;
 * - a Prisma schema with `onDelete: SetNull` on a required field: PostgreSQL DDL is written with a
 *   warning (exit 0) and applies with the foreign key; MySQL DDL is written with the foreign key
 *   commented out (exit 3) and applies without it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { isCommentedOut } from '../lib/ddl/commented-statements';
import { mariadbSession } from '../lib/server/testing/mariadb';
import { readMysqlCatalog } from '../lib/server/testing/mysql-catalog';
import { readPgCatalog } from '../lib/server/testing/pg-catalog';
import { pgliteSession, pgServerSession, type EngineSession } from '../lib/server/testing/pg-engines';
import { requireServer } from '../lib/server/testing/require-server';
import type { SqlClient } from '../lib/server/testing/sql-client';
import type { CatalogSnapshot } from '../lib/server/testing/catalog-types';
import { run } from './export-command';
import { EXIT_OK, EXIT_WRITTEN_WITH_ERRORS } from './io';
import { memoryIo } from './memory-io.test-support';

const DBML = `Table products {
  id int [pk]
  code varchar(20)
  name varchar(100)
}

Table orders {
  id int [pk]
  product_code varchar(20)
  quantity int
}

Table order_notes {
  id int [pk]
  order_id int
  body text
}

Ref: orders.product_code > products.code
Ref: order_notes.order_id > orders.id
`;

const PRISMA = `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model User {
  id    Int    @id
  email String @unique
  posts Post[]
}

model Post {
  id       Int    @id
  title    String
  authorId Int
  author   User   @relation(fields: [authorId], references: [id], onDelete: SetNull)
}
`;

/** `draftbase export FILE --to FORMAT -o out.sql [...more]` through run() with files in memory. */
async function exportWith(file: string, content: string, format: 'postgres' | 'mysql', more: string[] = []) {
  const { io, out } = memoryIo({ [file]: content });
  const code = await run([file, '--to', format, '-o', 'out.sql', ...more], io);
  return { code, sql: out.written['out.sql'], stderr: out.stderr };
}

/** The comment block of the one commented-out statement, and the statement uncommented. */
function commentedStatement(sql: string): { comment: string; statement: string } {
  const blocks = sql.split(';\n').filter((s) => isCommentedOut(s.trim()) && s.includes('-- Commented out by Draftbase'));
  expect(blocks).toHaveLength(1);
  const lines = blocks[0].trim().split('\n');
  const body = lines.findIndex((l) => !/^-- (Commented out by Draftbase|error |warning )/.test(l));
  return { comment: lines.slice(0, body).join('\n'), statement: lines.slice(body).map((l) => l.replace(/^-- /, '')).join('\n') };
}

interface Engine {
  name: string;
  format: 'postgres' | 'mysql';
  options: string[];
  session: EngineSession | undefined;
  catalog: (db: SqlClient) => Promise<CatalogSnapshot>;
}

const pgUrl = requireServer('pg');
const mysqlUrl = requireServer('mysql');
const ENGINES: Engine[] = [
  { name: 'PGlite', format: 'postgres', options: [], session: pgliteSession(), catalog: (db) => readPgCatalog(db) },
  { name: 'PostgreSQL server', format: 'postgres', options: ['--target', 'postgres-15'], session: pgUrl ? pgServerSession(pgUrl) : undefined, catalog: (db) => readPgCatalog(db) },
  { name: 'MariaDB', format: 'mysql', options: ['--target', 'mariadb-10.11'], session: mysqlUrl ? mariadbSession(mysqlUrl) : undefined, catalog: (db) => readMysqlCatalog(db) },
];
afterAll(async () => {
  for (const e of ENGINES) await e.session?.close();
});

const foreignKeys = (catalog: CatalogSnapshot) => catalog.tables.flatMap((t) => t.foreignKeys.map((fk) => `${t.name}(${fk.columns.join(',')}) -> ${fk.refTable}(${fk.refColumns.join(',')})`)).sort();

describe('a DBML model referencing a column that is not unique', () => {
  it.each(['postgres', 'mysql'] as const)('%s: the CLI writes the DDL, says why on standard error, and exits 3; --strict writes nothing', async (format) => {
    const { code, sql, stderr } = await exportWith('model.dbml', DBML, format);
    expect(code).toBe(EXIT_WRITTEN_WITH_ERRORS);
    const errorCode = format === 'postgres' ? 'fk.parent-key-not-unique' : 'mysql.foreign-key-parent-index';
    expect(stderr).toMatch(new RegExp(`^model\\.dbml: error: relationship "orders -> products": .*\\[${errorCode.replace(/\./g, '\\.')}\\]`, 'm'));
    expect(stderr).toContain(`draftbase export: ${format} output written with 1 error: 1 statement is commented out`);
    const { comment, statement } = commentedStatement(sql);
    expect(comment).toContain(`-- error [${errorCode}] relationship "orders -> products"`);
    expect(statement).toMatch(/^ALTER TABLE .orders. ADD CONSTRAINT .orders_product_code_fkey. FOREIGN KEY \(.product_code.\) REFERENCES .products. \(.code.\)/);
    const strict = await exportWith('model.dbml', DBML, format, ['--strict']);
    expect(strict.code).toBe(2);
    expect(strict.sql).toBeUndefined();
  });

  for (const engine of ENGINES) {
    it.skipIf(!engine.session)(`${engine.name}: the written file applies whole; the other foreign key exists; the rejected one fails uncommented`, async () => {
      const { code, sql } = await exportWith('model.dbml', DBML, engine.format, engine.options);
      expect(code).toBe(EXIT_WRITTEN_WITH_ERRORS);
      const db = await engine.session!.fresh();
      // The file as a user runs it (psql -f / mysql < file): one script, comments and all.
      await db.query(sql);
      const catalog = await engine.catalog(db);
      expect(catalog.tables.map((t) => t.name).sort()).toEqual(['order_notes', 'orders', 'products']);
      expect(foreignKeys(catalog)).toEqual(['order_notes(order_id) -> orders(id)']);
      await expect(db.query(commentedStatement(sql).statement)).rejects.toThrow(/no unique constraint matching|errno: 150|incorrectly formed/);
    });
  }
});

describe('a Prisma schema with onDelete: SetNull on a required field', () => {
  it('PostgreSQL: written with a warning, exit 0, the foreign key in the script; MySQL: written with the foreign key commented out, exit 3', async () => {
    const pg = await exportWith('schema.prisma', PRISMA, 'postgres');
    expect(pg.code).toBe(EXIT_OK);
    expect(pg.stderr).toMatch(/^schema\.prisma: warning: relationship "Post -> User": ON DELETE SET NULL .*\[fk\.set-null-fails-at-runtime\]/m);
    expect(pg.sql).toContain('CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE SET NULL');
    expect(pg.sql).not.toContain('-- Commented out by Draftbase');
    const my = await exportWith('schema.prisma', PRISMA, 'mysql');
    expect(my.code).toBe(EXIT_WRITTEN_WITH_ERRORS);
    expect(my.stderr).toMatch(/^schema\.prisma: error: relationship "Post -> User": ON DELETE SET NULL .*\[fk\.set-null-on-not-null\]/m);
    const { comment, statement } = commentedStatement(my.sql);
    expect(comment).toContain('-- error [fk.set-null-on-not-null]');
    expect(statement).toMatch(/^ALTER TABLE `Post` ADD CONSTRAINT `Post_authorId_fkey` FOREIGN KEY \(`authorId`\) REFERENCES `User` \(`id`\) ON DELETE SET NULL/);
  });

  for (const engine of ENGINES) {
    it.skipIf(!engine.session)(`${engine.name}: the written file applies`, async () => {
      const { code, sql } = await exportWith('schema.prisma', PRISMA, engine.format, engine.options);
      const db = await engine.session!.fresh();
      await db.query(sql);
      const fks = foreignKeys(await engine.catalog(db));
      if (engine.format === 'postgres') {
        expect(code).toBe(EXIT_OK);
        expect(fks).toEqual(['Post(authorId) -> User(id)']);
      } else {
        expect(code).toBe(EXIT_WRITTEN_WITH_ERRORS);
        expect(fks).toEqual([]);
        await expect(db.query(commentedStatement(sql).statement)).rejects.toThrow(/errno: 150|incorrectly formed/);
      }
    });
  }
});

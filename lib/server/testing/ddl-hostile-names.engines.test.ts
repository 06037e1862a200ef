/**
 * Hostile names on real engines: quotes, backticks, spaces, reserved words, injection attempts,
 * unicode and names at the 63-byte limit must create exactly the names asked for — no more objects,
 * no fewer, no mangling — and literals (defaults, enum values, comments) must come back byte-exact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE, hostileNamesDocument } from '../../model/fixtures/hostile-names';
import { documentOf, makeColumn, makeTable, scalar } from '../../model/build';
import { catalogColumn, catalogTable, type CatalogSnapshot } from './catalog-types';
import { compareDocumentToCatalog } from './document-catalog';
import { mariadbSession } from './mariadb';
import { readMysqlCatalog } from './mysql-catalog';
import { readPgCatalog } from './pg-catalog';
import { pgliteSession, pgServerSession, type EngineSession } from './pg-engines';
import { requireServer } from './require-server';
import { applyStatements, type SqlClient } from './sql-client';
import { generateDdlStatements } from '../../ddl/generate-ddl';

const N = HOSTILE;

describe('hostile names: generated text', () => {
  it.each(['postgres', 'mysql'] as const)('%s: no errors, reserved words reported', (dialect) => {
    const { diagnostics } = generateDdlStatements(hostileNamesDocument(), dialect);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const reserved = diagnostics.filter((d) => d.code === 'name.reserved-word').map((d) => /"([^"]+)" is a reserved word/.exec(d.message)?.[1]);
    // USER is reserved in PostgreSQL only (a non-reserved keyword in MySQL); all are quoted anyway.
    expect(reserved).toEqual(expect.arrayContaining(dialect === 'postgres' ? ['user', 'order', 'select', 'from', 'group'] : ['order', 'select', 'from', 'group']));
    expect(reserved.includes('user')).toBe(dialect === 'postgres');
  });
});

const pgEngines: [string, () => EngineSession | undefined][] = [
  ['PGlite', () => pgliteSession()],
  ['PostgreSQL server', () => { const url = requireServer('pg'); return url ? pgServerSession(url) : undefined; }],
];

describe.each(pgEngines)('hostile names on %s', (_name, make) => {
  const session = make();
  let db: SqlClient;
  let catalog: CatalogSnapshot;
  beforeAll(async () => {
    if (!session) return;
    db = await session.fresh();
    await applyStatements(db, generateDdlStatements(hostileNamesDocument(), 'postgres', { dropFirst: true }).statements);
    catalog = await readPgCatalog(db);
  });
  afterAll(() => session?.close());

  it.skipIf(!session)('creates exactly the tables, columns, keys and indexes asked for', () => {
    expect(compareDocumentToCatalog(hostileNamesDocument(), catalog, { dialect: 'postgres', defaultSchema: 'public' })).toEqual([]);
    expect(catalog.tables.map((t) => `${t.schema}|${t.name}`).sort()).toEqual(
      [
        `public|${N.tables.user}`, `${N.schema}|${N.tables.order}`, `public|${N.tables.select}`, `${N.schema}|${N.tables.quotes}`,
        `public|${N.tables.injection}`, `public|${N.tables.unicode}`, `public|${N.tables.longest}`, `public|${N.tables.longestUnicode}`,
      ].sort(),
    );
    const user = catalogTable(catalog, N.tables.user, 'public');
    expect(user.columns.map((c) => c.name)).toEqual(['id', N.columns.backtick, N.columns.space, N.columns.from, N.columns.quoted, N.columns.mixed]);
    expect(user.comment).toBe(N.comment);
    expect(catalogColumn(user, N.columns.backtick).comment).toBe(N.comment);
    expect(user.uniques).toEqual([{ name: N.uniqueName, columns: [N.columns.from, N.columns.quoted], nullsNotDistinct: false }]);
    expect(user.indexes.map((i) => i.name).sort()).toEqual([N.indexName, 'user_pkey', N.uniqueName].sort());
    const order = catalogTable(catalog, N.tables.order, N.schema);
    expect(order.foreignKeys[0]).toMatchObject({ name: N.fkName, refTable: N.tables.user, onDelete: 'cascade', comment: N.comment });
    expect(catalog.enums).toEqual([{ schema: 'public', name: N.enumName, values: [...N.enumValues], comment: N.comment }]);
  });

  it.skipIf(!session)('a 64-byte name is a warning: PostgreSQL accepts it and silently truncates it', async () => {
    const long = 'n'.repeat(64);
    const { statements, diagnostics } = generateDdlStatements(documentOf({ tables: [makeTable({ id: 't64', name: long, columns: [] })] }), 'postgres');
    expect(diagnostics.map((d) => [d.severity, d.code, d.entityId])).toEqual([['warning', 'name.too-long', 't64']]);
    // Same database as the other cases (a fresh PGlite case would reset it): create, check, drop.
    await applyStatements(db, statements);
    expect((await readPgCatalog(db)).tables.map((t) => t.name)).toContain('n'.repeat(63));
    await db.query(`DROP TABLE "${'n'.repeat(63)}"`);
  });

  it.skipIf(!session)('literals round-trip byte for byte', async () => {
    await db.query(`INSERT INTO "user" ("id") VALUES (1)`);
    const rows = await db.query<{ v: string; m: string }>(`SELECT "has space" AS v, "MixedCase"::text AS m FROM "user"`);
    expect(rows).toEqual([{ v: N.defaultLiteral, m: N.enumValues[0] }]);
  });
});

describe('hostile names on MariaDB', () => {
  const url = requireServer('mysql');
  const session = url ? mariadbSession(url) : undefined;
  let db: SqlClient;
  let catalog: CatalogSnapshot;
  beforeAll(async () => {
    if (!session) return;
    db = await session.fresh();
    await applyStatements(db, generateDdlStatements(hostileNamesDocument(), 'mysql', { target: 'mariadb-10.11', dropFirst: true }).statements);
    catalog = await readMysqlCatalog(db);
  });
  afterAll(() => session?.close());

  it.skipIf(!session)('creates exactly the tables, columns, keys and indexes asked for', () => {
    expect(compareDocumentToCatalog(hostileNamesDocument(), catalog, { dialect: 'mysql', defaultSchema: db.database!, standaloneSequences: true })).toEqual([]);
    expect(catalog.tables.map((t) => t.name).sort()).toEqual(Object.values(N.tables).sort());
    const user = catalogTable(catalog, N.tables.user);
    expect(user.columns.map((c) => c.name)).toEqual(['id', N.columns.backtick, N.columns.space, N.columns.from, N.columns.quoted, N.columns.mixed]);
    expect(user.comment).toBe(N.comment);
    expect(catalogColumn(user, N.columns.backtick).comment).toBe(N.comment);
    expect(catalogColumn(user, N.columns.mixed).type).toBe(`enum(${N.enumValues.map((v) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(',')})`);
    expect(user.indexes.map((i) => i.name).sort()).toEqual([N.indexName, 'PRIMARY', N.uniqueName].sort());
    expect(catalogTable(catalog, N.tables.order).foreignKeys[0]).toMatchObject({ name: N.fkName, refTable: N.tables.user, onDelete: 'cascade' });
    const columnNames = catalog.tables.flatMap((t) => t.columns.map((c) => c.name));
    expect(columnNames).toEqual(expect.arrayContaining(Object.values(N.columns)));
  });

  it.skipIf(!session)('64 characters apply on MariaDB; 65 are diagnosed and rejected (written commented out); so are over-long table file names', async () => {
    const other = await session!.fresh();
    const table = (name: string) => documentOf({ tables: [makeTable({ id: 't', name, columns: [makeColumn({ id: 'c', name: 'é'.repeat(64), type: scalar('integer') })] })] });
    const ok = generateDdlStatements(table('x'.repeat(64)), 'mysql', { target: 'mariadb-10.11' });
    expect(ok.diagnostics).toEqual([]);
    await applyStatements(other, ok.statements);
    expect(catalogColumn(catalogTable(await readMysqlCatalog(other), 'x'.repeat(64)), 'é'.repeat(64)).type).toBe('int(11)');
    const tooLong = generateDdlStatements(table('x'.repeat(65)), 'mysql', { target: 'mariadb-10.11' });
    expect(tooLong.diagnostics.map((d) => d.code)).toEqual(['name.too-long']);
    // The script applies (the table is commented out); the statement itself is rejected.
    await applyStatements(other, tooLong.statements);
    expect(tooLong.commented.map((c) => c.summary)).toEqual([`CREATE TABLE \`${'x'.repeat(65)}\` (`]);
    await expect(other.query(tooLong.commented[0].sql)).rejects.toThrow(/Incorrect table name/);
    // 64 legal characters, but InnoDB's file name for them would be 64 x 5 + 4 bytes.
    const cjk = generateDdlStatements(table('表'.repeat(64)), 'mysql', { target: 'mariadb-10.11' });
    expect(cjk.diagnostics.map((d) => d.code)).toEqual(['mysql.table-file-name-too-long']);
    await applyStatements(other, cjk.statements);
    await expect(other.query(cjk.commented[0].sql)).rejects.toThrow(/File name too long/);
  });

  it.skipIf(!session)('literals round-trip byte for byte', async () => {
    await db.query('INSERT INTO `user` (`id`) VALUES (1)');
    const rows = await db.query<{ v: string; m: string }>('SELECT `has space` AS v, `MixedCase` AS m FROM `user`');
    expect(rows).toEqual([{ v: N.defaultLiteral, m: N.enumValues[0] }]);
  });
});

/**
 * A dump with MySQL attributes (CHARACTER SET, INVISIBLE, invisible indexes, NOT ENFORCED, ROW_FORMAT,
 * KEY_BLOCK_SIZE, AUTO_INCREMENT) generated for PostgreSQL applies whole (they are left out, with one
 * note), and on MariaDB the NOT ENFORCED check is enforced as the warning says. The catalog round-trip
 * is in lib/importers/mysql/import-mysql.roundtrip.test.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { generateDdlStatements } from '../../ddl/generate-ddl';
import { importMysql } from '../../importers/mysql/import-mysql';
import { loadSqlParsers } from '../../sql-parse/load';
import { mariadbSession } from './mariadb';
import { pgliteSession } from './pg-engines';
import { requireServer } from './require-server';
import { applyStatements } from './sql-client';

const DUMP = `
CREATE TABLE \`legacy\` (
  \`id\` int NOT NULL AUTO_INCREMENT,
  \`code\` char(3) CHARACTER SET latin1 NOT NULL,
  \`secret\` varchar(20) DEFAULT NULL INVISIBLE,
  \`qty\` int NOT NULL DEFAULT 0,
  PRIMARY KEY (\`id\`),
  KEY \`legacy_code\` (\`code\`) IGNORED,
  CONSTRAINT \`legacy_qty\` CHECK (\`qty\` >= 0) /*!80016 NOT ENFORCED */
) ENGINE=InnoDB AUTO_INCREMENT=1001 DEFAULT CHARSET=utf8mb4 ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8;
`;

const pglite = pgliteSession();
const url = requireServer('mysql');
const maria = url ? mariadbSession(url) : undefined;
afterAll(async () => {
  await pglite.close();
  await maria?.close();
});

describe('MySQL attributes on the engines', () => {
  it('PostgreSQL: the DDL applies whole; one note names what was left out', async () => {
    const { document } = await importMysql(DUMP);
    // With the parsers (as the editor, the API and the CLI render), the check is translated too.
    const { statements, diagnostics } = generateDdlStatements(document, 'postgres', { sqlParsers: await loadSqlParsers() });
    await applyStatements(await pglite.fresh(), statements);
    expect(diagnostics.filter((d) => d.code === 'postgres.mysql-attributes-ignored')).toHaveLength(1);
  });

  it.skipIf(!maria)('MariaDB: the NOT ENFORCED check is enforced (as the warning says); the invisible column is hidden from SELECT *', async () => {
    const { document } = await importMysql(DUMP);
    const db = await maria!.fresh();
    await applyStatements(db, generateDdlStatements(document, 'mysql', { target: 'mariadb-10.11' }).statements);
    await expect(db.query("INSERT INTO legacy (code, qty) VALUES ('abc', -1)")).rejects.toThrow(/legacy_qty/);
    await db.query("INSERT INTO legacy (code, secret, qty) VALUES ('abc', 's', 1)");
    const [row] = await db.query('SELECT * FROM legacy');
    expect(row).toEqual({ id: 1001, code: 'abc', qty: 1 });
  });
});

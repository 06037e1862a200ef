/**
 * Reads a MySQL/MariaDB schema (read-only session, timeouts) as the server's own `SHOW CREATE TABLE` /
 * `SHOW CREATE VIEW` text (and SHOW CREATE PROCEDURE / FUNCTION / TRIGGER / EVENT, in DELIMITER blocks
 * as mysqldump writes them), which the MySQL DDL importer turns into a document, so a live import and an
 * import of the same schema's DDL agree.
 */
import 'server-only';
import mysql from 'mysql2/promise';
import { ImportError } from '../../../importers/types';
import type { LiveTarget } from './connection-url';
import { ConnectPhaseError } from './live-errors';
import { delimitedStatement } from '../../../ddl/routine-sql';

export const STATEMENT_TIMEOUT_MS = 15_000;

const qi = (name: string) => `\`${name.replace(/`/g, '``')}\``;

export interface MysqlCatalogScript {
  sql: string;
  schemas: string[];
  tableCount: number;
}

/** mysql2's TLS options for a mode (verify-ca checks the chain, not the name). */
function tlsOptions(target: LiveTarget): mysql.ConnectionOptions['ssl'] {
  switch (target.tls) {
    case 'disable':
      return undefined;
    case 'require':
      return { rejectUnauthorized: false };
    case 'verify-ca':
      return { rejectUnauthorized: true, checkServerIdentity: () => undefined } as mysql.SslOptions;
    case 'verify-full':
      return { rejectUnauthorized: true };
  }
}

export async function readMysqlCatalog(target: LiveTarget, wantedSchemas: readonly string[] | undefined, connectTimeoutMs: number): Promise<MysqlCatalogScript> {
  const schemas = wantedSchemas?.length ? [...wantedSchemas] : target.database ? [target.database] : [];
  if (!schemas.length) throw new ImportError('name the database to read: add it to the connection string (mysql://user@host:3306/mydb) or pass schemas');
  let conn: mysql.Connection;
  try {
    // Options one by one (no URL): no socketPath, no LOCAL INFILE (a hostile server could ask
    // for a file of ours), no multiple statements.
    conn = await mysql.createConnection({
      host: target.host.replace(/^\[|\]$/g, ''),
      port: target.port,
      user: target.user,
      password: target.password,
      database: target.database,
      connectTimeout: connectTimeoutMs,
      multipleStatements: false,
      flags: ['-LOCAL_FILES'],
      ssl: tlsOptions(target),
    });
  } catch (e) {
    throw new ConnectPhaseError(e);
  }
  conn.on('error', () => undefined);
  try {
    await conn.query('SET SESSION TRANSACTION READ ONLY');
    // MySQL spells the per-statement limit max_execution_time (ms), MariaDB max_statement_time (s).
    await conn.query(`SET SESSION max_execution_time = ${STATEMENT_TIMEOUT_MS}`).catch(() => undefined);
    await conn.query(`SET SESSION max_statement_time = ${STATEMENT_TIMEOUT_MS / 1000}`).catch(() => undefined);
    const out: string[] = [];
    let tableCount = 0;
    for (const schema of schemas) {
      const [rows] = await conn.query<mysql.RowDataPacket[]>(
        'SELECT TABLE_NAME AS name, TABLE_TYPE AS type FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_TYPE, TABLE_NAME',
        [schema],
      );
      if (rows.length === 0) {
        const [exists] = await conn.query<mysql.RowDataPacket[]>('SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = ?', [schema]);
        if (!exists.length) throw new ImportError(`database "${schema}" does not exist or is not visible to user "${target.user}"`);
      }
      for (const row of rows) {
        const name = String(row.name);
        // A MariaDB sequence is a table of settings: not a table of the schema (the MySQL model has none).
        if (row.type === 'SEQUENCE') continue;
        if (row.type === 'VIEW') {
          const [v] = await conn.query<mysql.RowDataPacket[]>(`SHOW CREATE VIEW ${qi(schema)}.${qi(name)}`);
          const text = String(v[0]?.['Create View'] ?? '');
          // DEFINER/SQL SECURITY are about the server's accounts, not the schema design.
          if (text) out.push(`${text.replace(/\s+ALGORITHM=\w+/i, '').replace(/\s+DEFINER=\S+/i, '').replace(/\s+SQL SECURITY \w+/i, '')};`);
        } else {
          const [t] = await conn.query<mysql.RowDataPacket[]>(`SHOW CREATE TABLE ${qi(schema)}.${qi(name)}`);
          const text = String(t[0]?.['Create Table'] ?? '');
          if (text) {
            out.push(`${text};`);
            tableCount++;
          }
        }
      }
    }
    for (const schema of schemas) out.push(...(await routines(conn, schema)));
    return { sql: `${out.join('\n\n')}\n`, schemas, tableCount };
  } finally {
    await conn.end().catch(() => undefined);
  }
}

/** SHOW CREATE ... text column per routine kind. */
const SHOW_CREATE: Record<string, { what: string; column: string }> = {
  PROCEDURE: { what: 'PROCEDURE', column: 'Create Procedure' },
  FUNCTION: { what: 'FUNCTION', column: 'Create Function' },
  TRIGGER: { what: 'TRIGGER', column: 'SQL Original Statement' },
  EVENT: { what: 'EVENT', column: 'Create Event' },
};

/**
 * The schema's routines as the server prints them, triggers last (after their tables). A routine the
 * user may not read (SHOW CREATE gives NULL) is left out.
 */
async function routines(conn: mysql.Connection, schema: string): Promise<string[]> {
  const [rows] = await conn.query<mysql.RowDataPacket[]>(
    `SELECT ROUTINE_TYPE AS type, ROUTINE_NAME AS name FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ?
     UNION ALL SELECT 'EVENT', EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?
     UNION ALL SELECT 'TRIGGER', TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?`,
    [schema, schema, schema],
  );
  const out: string[] = [];
  for (const row of rows) {
    const how = SHOW_CREATE[String(row.type)];
    if (!how) continue;
    const [r] = await conn.query<mysql.RowDataPacket[]>(`SHOW CREATE ${how.what} ${qi(schema)}.${qi(String(row.name))}`);
    const text = r[0]?.[how.column];
    if (text) out.push(delimitedStatement(String(text)));
  }
  return out;
}

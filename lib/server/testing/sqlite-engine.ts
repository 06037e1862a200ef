/**
 * SQLite for tests: the engine the app embeds (@libsql/client, SQLite 3.45), one database file per
 * case in a temporary folder, so every case starts empty and a statement's failure names itself.
 * Always available: nothing to skip. Each connection runs `PRAGMA foreign_keys = ON`, as the DDL's
 * header asks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createClient, type Client } from '@libsql/client';
import type { SqlClient } from './sql-client';

export interface SqliteClient extends SqlClient {
  /** The libSQL client, for readSqliteCatalog. */
  readonly db: Client;
}

export interface SqliteSession {
  /** A new, empty database file with foreign keys on. */
  fresh(): Promise<SqliteClient>;
  /** Closes every client and removes the folder. Call in afterAll. */
  close(): Promise<void>;
}

export function sqliteSession(): SqliteSession {
  const dir = mkdtempSync(path.join(tmpdir(), 'draftbase-sqlite-'));
  const clients: Client[] = [];
  let n = 0;
  return {
    async fresh() {
      const db = createClient({ url: `file:${path.join(dir, `case-${++n}.db`)}` });
      clients.push(db);
      await db.execute('PRAGMA foreign_keys = ON');
      return {
        engine: 'sqlite',
        db,
        async query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
          const r = await db.execute({ sql, args: params as never });
          return r.rows as unknown as T[];
        },
      };
    },
    async close() {
      for (const c of clients) c.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

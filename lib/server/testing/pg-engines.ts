/**
 * PostgreSQL engines for tests: embedded PGlite (PostgreSQL 17 in WASM, always available) and a real
 * server reached through DATABASE_URL_PG. Both hand out SqlClients; both give every case a clean slate.
 *
 * PGlite costs 3-7 s and ~800 MB to start: a session starts ONE instance lazily and reuses it for all
 * cases of a test file; `fresh()` drops every user schema and recreates `public` between cases.
 */
import { PGlite, type Extensions } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { hstore } from '@electric-sql/pglite/contrib/hstore';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';
import pg from 'pg';
import type { SqlClient } from './sql-client';

export interface EngineSession {
  /** A clean database for one test case. */
  fresh(): Promise<SqlClient>;
  /** Stops the engine / drops the databases created by this session. Call in afterAll. */
  close(): Promise<void>;
}

const RESET_SQL = `
DO $reset$
DECLARE s record;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace
    WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s.nspname);
  END LOOP;
END
$reset$;
CREATE SCHEMA public;
SET search_path TO public;
`;

/**
 * The contrib extensions PGlite ships that schemas commonly declare (and the PostgreSQL 15 server of
 * the tests has too): each is loaded only when a script runs its CREATE EXTENSION. PostGIS and
 * pgvector are not among them.
 */
export const PGLITE_CONTRIB: Extensions = { btree_gin, btree_gist, citext, cube, hstore, ltree, pg_trgm, pgcrypto, uuid_ossp };

/** One lazily started PGlite per test file, with the contrib extensions above (or the ones given). */
export function pgliteSession(extensions: Extensions = PGLITE_CONTRIB): EngineSession {
  let instance: Promise<PGlite> | undefined;
  const start = () => (instance ??= PGlite.create({ extensions }));
  return {
    async fresh() {
      const db = await start();
      await db.exec(RESET_SQL);
      return {
        engine: 'pglite',
        async query<T>(sql: string, params?: unknown[]) {
          // exec runs a whole simple-protocol string; query runs one statement with parameters.
          if (params && params.length) return (await db.query<T>(sql, params)).rows;
          const results = await db.exec(sql);
          return (results.at(-1)?.rows ?? []) as T[];
        },
      };
    },
    async close() {
      if (instance) await (await instance).close();
      instance = undefined;
    },
  };
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}

/** A fresh database per case on the PostgreSQL server at `url`; all are dropped by close(). */
export function pgServerSession(url: string): EngineSession {
  const created: string[] = [];
  const clients: pg.Client[] = [];
  return {
    async fresh() {
      const name = uniqueDatabaseName('draftbase_t');
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE "${name}"`);
      } finally {
        await admin.end();
      }
      created.push(name);
      const client = new pg.Client({ connectionString: withDatabase(url, name) });
      await client.connect();
      clients.push(client);
      return {
        engine: 'postgres',
        database: name,
        async query<T>(sql: string, params?: unknown[]) {
          const result = await client.query(sql, params);
          // A multi-statement string returns one result per statement: keep the last.
          const last = Array.isArray(result) ? result.at(-1) : result;
          return (last?.rows ?? []) as T[];
        },
      };
    },
    async close() {
      for (const c of clients.splice(0)) await c.end().catch(() => undefined);
      if (!created.length) return;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        for (const name of created.splice(0)) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}

/** The names the issue uses for these helpers. */
export const withPglite = pgliteSession;
export const pgServer = pgServerSession;

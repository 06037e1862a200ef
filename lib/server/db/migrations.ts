/**
 * A small migration runner, used instead of `prisma migrate deploy` (which needs a Rust engine that
 * cannot be downloaded offline). Migrations are the committed SQL in prisma/migrations/<provider>/NNNN_name/
 * (written by scripts/make-migration.ts). Each run applies the pending ones in order, inside ONE
 * transaction that also records them in `_draftbase_migrations`, so a failure applies nothing. Concurrent
 * starters serialize: SQLite through BEGIN IMMEDIATE, PostgreSQL through an advisory transaction lock.
 */
import 'server-only';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createClient, type Client as LibsqlClient } from '@libsql/client';
import pg from 'pg';

export type MigrationProvider = 'sqlite' | 'postgres';

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationRun {
  applied: string[];
  alreadyApplied: number;
}

export const MIGRATIONS_TABLE = '_draftbase_migrations';
/** Arbitrary constant naming the advisory lock that serializes concurrent PostgreSQL migrators. */
const PG_MIGRATION_LOCK = 72_410_931;

/** prisma/migrations/<provider>, found from the working directory (the repo root for npm scripts and next start). */
export function migrationsDirectory(provider: MigrationProvider, root: string = process.env.DRAFTBASE_ROOT ?? process.cwd()): string {
  // turbopackIgnore: without it Next's file tracing cannot bound this runtime path and traces (and
  // compiles) the whole project into every route that opens the database.
  return path.join(/* turbopackIgnore: true */ root, 'prisma', 'migrations', provider);
}

export function loadMigrations(provider: MigrationProvider, dir: string = migrationsDirectory(provider)): Migration[] {
  if (!existsSync(dir)) throw new Error(`migrations directory not found: ${dir} (run from the Draftbase root or set DRAFTBASE_ROOT)`);
  return readdirSync(dir)
    .filter((n) => /^\d{4}_[a-z0-9_]+$/.test(n) && existsSync(path.join(dir, n, 'migration.sql')))
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** Which migrations to run, given those recorded as applied; a changed applied migration is an error. */
export function pendingMigrations(all: Migration[], applied: ReadonlyMap<string, string>): Migration[] {
  for (const m of all) {
    const recorded = applied.get(m.name);
    if (recorded !== undefined && recorded !== m.checksum) {
      throw new Error(`migration ${m.name} was changed after it was applied (checksum ${recorded.slice(0, 12)} in the database, ${m.checksum.slice(0, 12)} on disk); add a new migration instead`);
    }
  }
  const known = new Set(all.map((m) => m.name));
  const unknown = [...applied.keys()].filter((n) => !known.has(n));
  if (unknown.length) throw new Error(`the database has migrations this build does not know: ${unknown.join(', ')} (is this an older Draftbase?)`);
  return all.filter((m) => !applied.has(m.name));
}

const createTableSql = `CREATE TABLE IF NOT EXISTS "${MIGRATIONS_TABLE}" ("name" TEXT NOT NULL PRIMARY KEY, "checksum" TEXT NOT NULL, "applied_at" TEXT NOT NULL)`;

/**
 * Opens a SQLite file with the settings the app relies on: WAL (persisted in the file) so readers
 * never block the writer, and a busy timeout so a second process waits instead of failing.
 */
export async function prepareSqliteFile(client: LibsqlClient): Promise<void> {
  // busy_timeout first: switching to WAL takes a lock too, and another process may hold one.
  await client.execute('PRAGMA busy_timeout = 10000');
  await client.execute('PRAGMA journal_mode = WAL');
}

export async function migrateSqlite(url: string, migrations: Migration[] = loadMigrations('sqlite')): Promise<MigrationRun> {
  const client = createClient({ url });
  try {
    await prepareSqliteFile(client);
    const tx = await client.transaction('write'); // BEGIN IMMEDIATE: one migrator at a time
    try {
      await tx.execute(createTableSql);
      const rows = await tx.execute(`SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}"`);
      const applied = new Map(rows.rows.map((r) => [String(r.name), String(r.checksum)]));
      const pending = pendingMigrations(migrations, applied);
      for (const m of pending) {
        await tx.executeMultiple(m.sql);
        await tx.execute({ sql: `INSERT INTO "${MIGRATIONS_TABLE}" ("name", "checksum", "applied_at") VALUES (?, ?, ?)`, args: [m.name, m.checksum, new Date().toISOString()] });
      }
      await tx.commit();
      return { applied: pending.map((m) => m.name), alreadyApplied: applied.size };
    } finally {
      tx.close(); // rolls back when not committed
    }
  } finally {
    client.close();
  }
}

export async function migratePostgres(url: string, migrations: Migration[] = loadMigrations('postgres')): Promise<MigrationRun> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    try {
      await client.query('SELECT pg_advisory_xact_lock($1)', [PG_MIGRATION_LOCK]);
      await client.query(createTableSql);
      const rows = await client.query<{ name: string; checksum: string }>(`SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}"`);
      const applied = new Map(rows.rows.map((r) => [r.name, r.checksum]));
      const pending = pendingMigrations(migrations, applied);
      for (const m of pending) {
        await client.query(m.sql); // simple query protocol: several statements in one call
        await client.query(`INSERT INTO "${MIGRATIONS_TABLE}" ("name", "checksum", "applied_at") VALUES ($1, $2, $3)`, [m.name, m.checksum, new Date().toISOString()]);
      }
      await client.query('COMMIT');
      return { applied: pending.map((m) => m.name), alreadyApplied: applied.size };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  } finally {
    await client.end();
  }
}

/** Names of migrations not yet applied to a PostgreSQL database (read-only; for a startup warning). */
export async function pendingPostgresMigrations(url: string, migrations: Migration[] = loadMigrations('postgres')): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('"${MIGRATIONS_TABLE}"')::text AS t`);
    if (!exists.rows[0].t) return migrations.map((m) => m.name);
    const rows = await client.query<{ name: string; checksum: string }>(`SELECT "name", "checksum" FROM "${MIGRATIONS_TABLE}"`);
    return pendingMigrations(migrations, new Map(rows.rows.map((r) => [r.name, r.checksum]))).map((m) => m.name);
  } finally {
    await client.end();
  }
}

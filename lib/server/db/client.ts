/**
 * The app's database handle: one Prisma client per process, for SQLite (default) or PostgreSQL
 * (DATABASE_URL=postgresql://…). App servers keep no other state, so several can share one PostgreSQL.
 *
 * SQLite is migrated automatically the first time the handle is opened (a fresh clone needs no setup);
 * PostgreSQL is migrated by `npm run db:migrate`, or at start when DRAFTBASE_AUTO_MIGRATE=1.
 */
import 'server-only';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaLibSql } from '@prisma/adapter-libsql';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as PostgresPrismaClient } from '../../generated/postgres/client';
import { PrismaClient as SqlitePrismaClient } from '../../generated/sqlite/client';
import { describeDatabase, resolveDatabaseConfig, type DatabaseConfig } from './config';
import { migratePostgres, migrateSqlite, pendingPostgresMigrations } from './migrations';
import type { ProjectTables } from './tables';

/**
 * The full Prisma client, for the team tables (accounts, members, share links, comments, audit) and
 * Better Auth's adapter. Both providers are generated from one schema with only the provider swapped,
 * so the SQLite client's type describes the PostgreSQL one's models as well.
 */
export type AppPrisma = SqlitePrismaClient;

export interface Database {
  config: DatabaseConfig;
  tables: ProjectTables;
  prisma: AppPrisma;
  close(): Promise<void>;
}

function openSqlite(config: Extract<DatabaseConfig, { provider: 'sqlite' }>): Database {
  const client = new SqlitePrismaClient({ adapter: new PrismaLibSql({ url: config.url }) });
  const tables: ProjectTables = client; // compile-time proof that the SQLite client fits the interface
  return { config, tables, prisma: client, close: () => client.$disconnect() };
}

function openPostgres(config: Extract<DatabaseConfig, { provider: 'postgres' }>): Database {
  const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: config.url }) });
  const tables: ProjectTables = client; // ...and the PostgreSQL one
  return { config, tables, prisma: client as unknown as AppPrisma, close: () => client.$disconnect() };
}

/** Opens (and for SQLite, creates and migrates) the database described by `config`. */
export async function openDatabase(config: DatabaseConfig, opts: { migrate?: boolean } = {}): Promise<Database> {
  if (config.provider === 'sqlite') {
    mkdirSync(path.dirname(config.path), { recursive: true });
    if (opts.migrate ?? true) await migrateSqlite(config.url);
    return openSqlite(config);
  }
  if (opts.migrate ?? process.env.DRAFTBASE_AUTO_MIGRATE === '1') {
    await migratePostgres(config.url);
  } else {
    // Servers on PostgreSQL do not migrate by themselves (several may start at once, and schema
    // changes belong to a release step); say clearly what is missing instead of failing on a query.
    const pending = await pendingPostgresMigrations(config.url);
    if (pending.length) console.warn(`[draftbase] the PostgreSQL database lacks migrations ${pending.join(', ')}: run \`npm run db:migrate\` with the same DATABASE_URL (or start with DRAFTBASE_AUTO_MIGRATE=1)`);
  }
  return openPostgres(config);
}

// Kept on globalThis so `next dev` module reloads do not open a new pool on every edit.
const state = globalThis as typeof globalThis & { __draftbaseDb?: { url: string | undefined; db: Promise<Database> } };

/** The process-wide database for the current DATABASE_URL (reopened if the variable changed, e.g. in tests). */
export function getDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (state.__draftbaseDb && state.__draftbaseDb.url === url) return state.__draftbaseDb.db;
  const previous = state.__draftbaseDb?.db;
  const config = resolveDatabaseConfig(url);
  const db = (async () => {
    if (previous) await previous.then((d) => d.close()).catch(() => undefined);
    const opened = await openDatabase(config);
    console.log(`[draftbase] projects are stored in ${describeDatabase(config)}`);
    return opened;
  })();
  // A failed open must not be cached: the next request retries (e.g. the database was still starting).
  db.catch(() => {
    if (state.__draftbaseDb?.db === db) state.__draftbaseDb = undefined;
  });
  state.__draftbaseDb = { url, db };
  return db;
}

/** Closes the process-wide database (tests, scripts). */
export async function closeDatabase(): Promise<void> {
  const current = state.__draftbaseDb;
  state.__draftbaseDb = undefined;
  if (current) await (await current.db).close();
}

/**
 * Throwaway databases for tests: a temporary SQLite file always, and a fresh PostgreSQL database on
 * the DATABASE_URL_PG server when it is set (created, migrated by our runner, dropped after).
 * When DATABASE_URL_PG is unset the PostgreSQL cases are skipped with a notice, except under CI=true,
 * where that is an error.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseConfig } from './config';
import { openDatabase, type Database } from './client';

export interface TestDatabase {
  provider: DatabaseConfig['provider'];
  url: string;
  db: Database;
  dispose(): Promise<void>;
}

export interface ProviderCase {
  provider: DatabaseConfig['provider'];
  /** Null when this provider cannot run here (and that is allowed): the suite is skipped. */
  create: (() => Promise<TestDatabase>) | null;
}

export async function createSqliteTestDatabase(): Promise<TestDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'draftbase-test-'));
  const file = path.join(dir, 'test.db');
  const db = await openDatabase({ provider: 'sqlite', url: `file:${file}`, path: file });
  return {
    provider: 'sqlite',
    url: `file:${file}`,
    db,
    dispose: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The URL of another database on the same server. */
function withDatabase(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function createPostgresTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `draftbase_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(serverUrl, name);
  const db = await openDatabase({ provider: 'postgres', url }, { migrate: true });
  return {
    provider: 'postgres',
    url,
    db,
    dispose: async () => {
      await db.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** The providers to run persistence tests on, for `describe.each`. */
export function providerCases(): ProviderCase[] {
  const pgUrl = process.env.DATABASE_URL_PG;
  if (!pgUrl) {
    if (process.env.CI === 'true') throw new Error('DATABASE_URL_PG must be set when CI=true (PostgreSQL persistence tests are required in CI)');
    console.warn('[draftbase tests] DATABASE_URL_PG is not set: skipping the PostgreSQL persistence tests');
  }
  return [
    { provider: 'sqlite', create: createSqliteTestDatabase },
    { provider: 'postgres', create: pgUrl ? () => createPostgresTestDatabase(pgUrl) : null },
  ];
}

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { createClient } from '@libsql/client';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client';
import { loadMigrations, migratePostgres, migrateSqlite, MIGRATIONS_TABLE, pendingMigrations, pendingPostgresMigrations, type Migration } from './migrations';
import { createPostgresTestDatabase } from './test-databases';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'draftbase-migrations-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const freshSqliteUrl = () => `file:${path.join(tmp, `m${++n}.db`)}`;

const root = path.resolve(__dirname, '../../..');

function runDbMigrate(databaseUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/db-migrate.ts'], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl } }, (err, stdout, stderr) => {
      if (err) reject(new Error(`db:migrate failed: ${stderr || err.message}`));
      else resolve(stdout);
    });
  });
}

const m = (name: string, sql: string, checksum = `sum-${name}`): Migration => ({ name, sql, checksum });

describe('pendingMigrations', () => {
  const all = [m('0001_a', ''), m('0002_b', '')];
  it.each([
    ['nothing applied', new Map<string, string>(), ['0001_a', '0002_b']],
    ['first applied', new Map([['0001_a', 'sum-0001_a']]), ['0002_b']],
    ['all applied', new Map([['0001_a', 'sum-0001_a'], ['0002_b', 'sum-0002_b']]), []],
  ])('%s', (_label, applied, expected) => {
    expect(pendingMigrations(all, applied).map((x) => x.name)).toEqual(expected);
  });
  it('rejects an applied migration whose file changed', () => {
    expect(() => pendingMigrations(all, new Map([['0001_a', 'other']]))).toThrow(/0001_a was changed after it was applied/);
  });
  it('rejects a database newer than the build', () => {
    expect(() => pendingMigrations(all, new Map([['0003_c', 'x']]))).toThrow(/does not know: 0003_c/);
  });
});

describe('committed migrations', () => {
  it.each(['sqlite', 'postgres'] as const)('%s: are found in order and create both tables', (provider) => {
    const list = loadMigrations(provider);
    expect(list.map((x) => x.name)).toEqual(committed);
    expect(list[0].name).toBe('0001_init');
    expect(list.map((x) => x.name)).toEqual([...list.map((x) => x.name)].sort());
    const sql = list.map((x) => x.sql).join('\n');
    expect(sql).toMatch(/CREATE TABLE "projects"/);
    expect(sql).toMatch(/CREATE TABLE "project_versions"/);
  });
});

/** Every committed migration, by name (the same list for both providers). */
const committed = loadMigrations('sqlite').map((x) => x.name);

describe('SQLite runner', () => {
  it('applies the migrations once, records them, and is idempotent', async () => {
    const url = freshSqliteUrl();
    expect(await migrateSqlite(url)).toEqual({ applied: committed, alreadyApplied: 0 });
    expect(await migrateSqlite(url)).toEqual({ applied: [], alreadyApplied: committed.length });
    const c = createClient({ url });
    const rows = await c.execute(`SELECT name FROM "${MIGRATIONS_TABLE}"`);
    const tables = await c.execute(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`);
    c.close();
    expect(rows.rows.map((r) => r.name)).toEqual(committed);
    expect(tables.rows.map((r) => r.name)).toEqual(expect.arrayContaining(['projects', 'project_versions']));
  });

  it('applies nothing when a migration fails half way (one transaction)', async () => {
    const url = freshSqliteUrl();
    const broken = [m('0001_ok', 'CREATE TABLE "a" ("x" INTEGER);'), m('0002_bad', 'CREATE TABLE "b" ("y" INTEGER);\nTHIS IS NOT SQL;')];
    // The SQL error of 0002_bad, not any failure (one that happened before 0001_ok ran would pass too).
    await expect(migrateSqlite(url, broken)).rejects.toThrow(/near "THIS": syntax error/);
    const c = createClient({ url });
    const tables = await c.execute(`SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('a', 'b', '${MIGRATIONS_TABLE}')`);
    c.close();
    expect(tables.rows).toEqual([]);
  });

  it('serializes concurrent migrator processes (npm run db:migrate x3): exactly one applies', async () => {
    // Separate processes: libsql waits for a lock synchronously, so in-process concurrency is not the
    // case that matters (one process opens the database once); several processes on one file is.
    const url = freshSqliteUrl();
    const outputs = await Promise.all([1, 2, 3].map(() => runDbMigrate(url)));
    const applied = outputs.filter((o) => /applied 0001_init/.test(o)).length;
    const upToDate = outputs.filter((o) => /already up to date/.test(o)).length;
    expect([applied, upToDate]).toEqual([1, 2]);
  });

  it('leaves the file in WAL mode with FULL synchronous writes on the app connection', async () => {
    const file = path.join(tmp, 'wal.db');
    const db = await openDatabase({ provider: 'sqlite', url: `file:${file}`, path: file });
    try {
      const c = createClient({ url: `file:${file}` });
      const mode = await c.execute('PRAGMA journal_mode');
      const sync = await c.execute('PRAGMA synchronous');
      c.close();
      expect(mode.rows[0].journal_mode).toBe('wal');
      // 2 = FULL: every commit is fsynced before it is acknowledged (survives power loss, not just SIGKILL).
      expect(Number(sync.rows[0].synchronous)).toBe(2);
    } finally {
      await db.close();
    }
  });
});

const pgUrl = process.env.DATABASE_URL_PG;
if (!pgUrl && process.env.CI === 'true') throw new Error('DATABASE_URL_PG must be set when CI=true');
if (!pgUrl) console.warn('[draftbase tests] DATABASE_URL_PG is not set: skipping PostgreSQL migration tests');

describe.skipIf(!pgUrl)('PostgreSQL runner', () => {
  it('migrates a fresh database once; concurrent runs serialize on the advisory lock', async () => {
    // createPostgresTestDatabase already migrated it: the runner must find nothing to do, even 3 at once.
    const t = await createPostgresTestDatabase(pgUrl!);
    try {
      const runs = await Promise.all([migratePostgres(t.url), migratePostgres(t.url), migratePostgres(t.url)]);
      expect(runs).toEqual([0, 1, 2].map(() => ({ applied: [], alreadyApplied: committed.length })));
      const c = new pg.Client({ connectionString: t.url });
      await c.connect();
      const cols = await c.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'projects' ORDER BY ordinal_position`);
      await c.end();
      expect(cols.rows.map((r) => r.column_name)).toEqual(['id', 'name', 'document', 'table_count', 'version', 'created_at', 'updated_at', 'updated_by_id']);
    } finally {
      await t.dispose();
    }
  });

  it('reports pending migrations on an empty database and none after migrating', async () => {
    const t = await createPostgresTestDatabase(pgUrl!);
    try {
      expect(await pendingPostgresMigrations(t.url)).toEqual([]);
      const c = new pg.Client({ connectionString: t.url });
      await c.connect();
      await c.query(`DROP TABLE "${MIGRATIONS_TABLE}"`);
      await c.end();
      expect(await pendingPostgresMigrations(t.url)).toEqual(committed);
    } finally {
      await t.dispose();
    }
  });

  it('rolls back a failing migration entirely', async () => {
    const t = await createPostgresTestDatabase(pgUrl!);
    try {
      const list = [...loadMigrations('postgres'), m('9999_bad', 'CREATE TABLE "zzz" ("x" int); SELECT 1/0;')];
      await expect(migratePostgres(t.url, list)).rejects.toThrow(/division by zero/);
      const c = new pg.Client({ connectionString: t.url });
      await c.connect();
      const r = await c.query(`SELECT to_regclass('public.zzz') AS t, (SELECT count(*)::int FROM "${MIGRATIONS_TABLE}") AS n`);
      await c.end();
      expect(r.rows[0]).toEqual({ t: null, n: committed.length });
    } finally {
      await t.dispose();
    }
  });
});

/**
 * `npm run db:migrate`: applies pending migrations to the database named by DATABASE_URL
 * (SQLite by default at ./data/draftbase.db; PostgreSQL for postgresql:// URLs). Run it before starting
 * app servers on PostgreSQL; SQLite is also migrated automatically at start.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describeDatabase, resolveDatabaseConfig } from '../lib/server/db/config';
import { migratePostgres, migrateSqlite } from '../lib/server/db/migrations';

async function main(): Promise<void> {
  const config = resolveDatabaseConfig(process.env.DATABASE_URL);
  const started = performance.now();
  let result;
  if (config.provider === 'sqlite') {
    mkdirSync(path.dirname(config.path), { recursive: true });
    result = await migrateSqlite(config.url);
  } else {
    result = await migratePostgres(config.url);
  }
  const ms = Math.round(performance.now() - started);
  const what = result.applied.length ? `applied ${result.applied.join(', ')}` : 'already up to date';
  console.log(`[db:migrate] ${describeDatabase(config)}: ${what} (${result.alreadyApplied} previously applied, ${ms} ms)`);
}

main().catch((err: unknown) => {
  console.error(`[db:migrate] failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

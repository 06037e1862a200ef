/**
 * Which database the app uses, from DATABASE_URL:
 * - unset            -> SQLite at ./data/draftbase.db (relative to the working directory)
 * - file:<path>      -> SQLite at that path (relative paths resolve against the working directory)
 * - postgres(ql)://… -> PostgreSQL
 */
import 'server-only';
import path from 'node:path';

export type DatabaseConfig =
  | { provider: 'sqlite'; url: string; /** absolute file path */ path: string }
  | { provider: 'postgres'; url: string };

export const DEFAULT_SQLITE_PATH = path.join('data', 'draftbase.db');

export function resolveDatabaseConfig(databaseUrl: string | undefined, cwd: string = process.cwd()): DatabaseConfig {
  const url = databaseUrl?.trim();
  if (!url) {
    const file = path.resolve(cwd, DEFAULT_SQLITE_PATH);
    return { provider: 'sqlite', url: `file:${file}`, path: file };
  }
  if (/^postgres(ql)?:\/\//i.test(url)) return { provider: 'postgres', url };
  if (/^file:/i.test(url)) {
    // file:///abs, file:/abs and file:rel all occur in the wild; keep query strings out of the path.
    const raw = url.replace(/^file:(\/\/(?=\/))?/i, '').replace(/\?.*$/, '');
    if (!raw || raw === ':memory:') throw new Error('DATABASE_URL=file:… needs a file path (an in-memory database would lose every project at restart)');
    const file = path.resolve(cwd, decodeURIComponent(raw));
    return { provider: 'sqlite', url: `file:${file}`, path: file };
  }
  const scheme = /^([a-z0-9+.-]+):/i.exec(url)?.[1] ?? url.slice(0, 20);
  throw new Error(`DATABASE_URL has an unsupported scheme "${scheme}": use file:<path> (SQLite) or postgresql://… (PostgreSQL)`);
}

/** The URL with any password masked, for logs. */
export function describeDatabase(config: DatabaseConfig): string {
  if (config.provider === 'sqlite') return `SQLite at ${config.path}`;
  try {
    const u = new URL(config.url);
    if (u.password) u.password = '***';
    return `PostgreSQL at ${u.toString()}`;
  } catch {
    return 'PostgreSQL';
  }
}

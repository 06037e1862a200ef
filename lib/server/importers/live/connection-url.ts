/**
 * A live-import connection string: which engine, where, as whom. The password never leaves this
 * module in text form: everything shown to a user or a log goes through `describeTarget`/`redact`.
 */
import { ImportError } from '../../../importers/types';

export type LiveDialect = 'postgres' | 'mysql';

export interface LiveTarget {
  dialect: LiveDialect;
  url: URL;
  host: string;
  port: number;
  user: string;
  database: string | undefined;
}

const PROTOCOLS: Record<string, LiveDialect> = {
  'postgres:': 'postgres',
  'postgresql:': 'postgres',
  'mysql:': 'mysql',
  'mariadb:': 'mysql',
};

export function parseConnectionUrl(raw: string): LiveTarget {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ImportError('invalid connection string: expected postgresql://user:password@host:port/database or mysql://user:password@host:port/database');
  }
  const dialect = PROTOCOLS[url.protocol];
  if (!dialect) throw new ImportError(`unsupported connection string scheme "${url.protocol.replace(/:$/, '')}": use postgresql:// or mysql:// (MariaDB: mysql:// or mariadb://)`);
  if (!url.hostname) throw new ImportError('the connection string has no host');
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || undefined;
  return {
    dialect,
    url,
    host: url.hostname,
    port: url.port ? Number(url.port) : dialect === 'postgres' ? 5432 : 3306,
    user: decodeURIComponent(url.username) || (dialect === 'postgres' ? 'postgres' : 'root'),
    database,
  };
}

/** `host:port/database` for messages: never the password. */
export function describeTarget(t: LiveTarget): string {
  return `${t.host}:${t.port}${t.database ? `/${t.database}` : ''}`;
}

/** Removes the connection string and password from any text that might echo them (driver messages). */
export function redact(text: string, raw: string, t?: LiveTarget): string {
  let out = text.split(raw).join('[connection string]');
  const password = t ? decodeURIComponent(t.url.password) : '';
  if (password) out = out.split(password).join('[password]');
  if (t?.url.password) out = out.split(t.url.password).join('[password]');
  return out.replace(/(postgres(?:ql)?|mysql|mariadb):\/\/[^\s'"]*/gi, '$1://[redacted]');
}

/**
 * Live import lets whoever can reach the server make it open connections to arbitrary hosts (SSRF).
 * DRAFTBASE_ALLOW_LIVE_IMPORT=1/true enables it, 0/false disables it; unset, it is on for the local
 * single-user mode and off when DATABASE_URL points at PostgreSQL (team mode).
 */
export function liveImportAllowed(env: Record<string, string | undefined> = process.env): boolean {
  const flag = env.DRAFTBASE_ALLOW_LIVE_IMPORT?.trim().toLowerCase();
  if (flag === '1' || flag === 'true' || flag === 'yes' || flag === 'on') return true;
  if (flag === '0' || flag === 'false' || flag === 'no' || flag === 'off') return false;
  return !/^postgres(ql)?:/i.test(env.DATABASE_URL ?? '');
}

/**
 * Where live import may connect. It makes the server open connections wherever the caller says
 * (SSRF), so the operator decides:
 * - DRAFTBASE_ALLOW_LIVE_IMPORT=1/true enables it, 0/false disables it; unset, it is on for the local
 *   single-user mode and off when DATABASE_URL points at PostgreSQL (team mode);
 * - DRAFTBASE_LIVE_IMPORT_HOSTS, when set, is the only list of databases it may reach: comma- or
 *   space-separated `host` (any port) or `host:port` entries, written like in a connection string
 *   (`db.internal:5432, 10.0.0.7, [fd00::7]:3306`). Team deployments that enable live import set it.
 */
import 'server-only';
import { ImportError } from '../../../importers/types';
import { canonicalHost, type LiveTarget } from './connection-url';
import { LiveImportError } from './live-errors';

export const LIVE_IMPORT_HOSTS_ENV = 'DRAFTBASE_LIVE_IMPORT_HOSTS';

export function liveImportAllowed(env: Record<string, string | undefined> = process.env): boolean {
  const flag = env.DRAFTBASE_ALLOW_LIVE_IMPORT?.trim().toLowerCase();
  if (flag === '1' || flag === 'true' || flag === 'yes' || flag === 'on') return true;
  if (flag === '0' || flag === 'false' || flag === 'no' || flag === 'off') return false;
  return !/^postgres(ql)?:/i.test(env.DATABASE_URL ?? '');
}

interface HostEntry {
  host: string;
  port?: number;
}

const ENTRY = /^(\[[^\]]+\]|[^:]+)(?::(\d{1,5}))?$/;

/** The operator's list, or undefined when none is set (then any host is allowed). */
export function liveImportHostAllowlist(env: Record<string, string | undefined> = process.env): HostEntry[] | undefined {
  const raw = env[LIVE_IMPORT_HOSTS_ENV]?.trim();
  if (!raw) return undefined;
  return raw.split(/[\s,]+/).filter(Boolean).map((entry) => {
    const m = ENTRY.exec(entry);
    let host: string | undefined;
    try {
      host = m ? canonicalHost(m[1]) : undefined;
    } catch (e) {
      if (!(e instanceof ImportError)) throw e;
    }
    // An operator's typo must not silently open or close everything: say which entry is wrong.
    if (!m || !host) throw new Error(`${LIVE_IMPORT_HOSTS_ENV}: "${entry}" is not host or host:port`);
    return m[2] ? { host, port: Number(m[2]) } : { host };
  });
}

/** Throws before any connection when the operator's list does not name the target. */
export function assertTargetAllowed(target: LiveTarget, env: Record<string, string | undefined> = process.env): void {
  const list = liveImportHostAllowlist(env);
  if (!list) return;
  if (list.some((e) => e.host === target.host && (e.port === undefined || e.port === target.port))) return;
  throw new LiveImportError('not-allowed', `live import may not connect to ${target.host}:${target.port}: this server only reaches the databases its operator listed (${LIVE_IMPORT_HOSTS_ENV})`);
}

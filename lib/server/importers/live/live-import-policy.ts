/**
 * Where live import may connect. It makes the server open connections wherever the caller says
 * (SSRF), so the operator decides:
 * - DRAFTBASE_ALLOW_LIVE_IMPORT=1/true enables it, 0/false disables it; unset, it is on in solo mode
 *   and off in team mode (a PostgreSQL DATABASE_URL or DRAFTBASE_AUTH=on, lib/server/auth/mode.ts);
 * - in team mode, even when enabled, only signed-in users who own at least one project may use it
 *   (requireLiveImportUser): it is an operator-grade power, not something every invitee gets;
 * - DRAFTBASE_LIVE_IMPORT_HOSTS, when set, is the only list of databases it may reach: comma- or
 *   space-separated `host` (any port) or `host:port` entries, written like in a connection string
 *   (`db.internal:5432, 10.0.0.7, [fd00::7]:3306`). Team deployments that enable live import set it.
 */
import 'server-only';
import { ImportError } from '../../../importers/types';
import { requireUser } from '../../auth/access';
import { authMode } from '../../auth/mode';
import { getDatabase } from '../../db/client';
import { HttpError } from '../../http/error-response';
import { canonicalHost, type LiveTarget } from './connection-url';
import { LiveImportError } from './live-errors';

export const LIVE_IMPORT_HOSTS_ENV = 'DRAFTBASE_LIVE_IMPORT_HOSTS';

export function liveImportAllowed(env: Record<string, string | undefined> = process.env): boolean {
  const flag = env.DRAFTBASE_ALLOW_LIVE_IMPORT?.trim().toLowerCase();
  if (flag === '1' || flag === 'true' || flag === 'yes' || flag === 'on') return true;
  if (flag === '0' || flag === 'false' || flag === 'no' || flag === 'off') return false;
  return authMode(env) === 'solo';
}

/**
 * Who may run a live import when it is enabled: anyone in solo mode (the one local user); in team
 * mode a signed-in user (401 otherwise; share links 403) who owns at least one project (403 otherwise).
 */
export async function requireLiveImportUser(req: Request): Promise<void> {
  const actor = await requireUser(req);
  if (actor.kind !== 'user') return;
  const { prisma } = await getDatabase();
  const owned = await prisma.projectMember.count({ where: { userId: actor.userId, role: 'owner' } });
  if (owned === 0) throw new HttpError(403, 'live_import_owners_only', 'Live database import is available to project owners only on this server.');
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

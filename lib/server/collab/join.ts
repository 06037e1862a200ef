/**
 * The answer of GET /api/projects/:id/collab (lib/api/collab.ts CollabJoin): where the sync server
 * is, a fresh ticket, who this person is in the session and whether they may write.
 */
import 'server-only';
import { collabDocumentName, type CollabJoin } from '../../api/collab';
import { roleAllows } from '../../auth/roles';
import { colorFor } from '../../collab/presence';
import type { ProjectAccess } from '../auth/access';
import { getCollabHandle } from './handle';
import { collabSecret, issueTicket, type TicketClaims } from './ticket';

type Env = Record<string, string | undefined>;

export const DEFAULT_COLLAB_PORT = 3001;

/** DRAFTBASE_COLLAB_PORT as a port, `off` (or DRAFTBASE_COLLAB=off) as undefined. */
export function collabPortSetting(env: Env = process.env): number | 'off' {
  if (/^(off|0|false)$/i.test(env.DRAFTBASE_COLLAB?.trim() ?? '')) return 'off';
  const raw = env.DRAFTBASE_COLLAB_PORT?.trim();
  if (!raw) return DEFAULT_COLLAB_PORT;
  if (/^off$/i.test(raw)) return 'off';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`DRAFTBASE_COLLAB_PORT must be a port number or "off", not ${JSON.stringify(raw)}`);
  return port;
}

export function claimsOf(access: ProjectAccess): TicketClaims {
  const readOnly = !roleAllows(access.role, 'edit');
  const { actor, role, projectId } = access;
  if (actor.kind === 'solo') return { projectId, userId: 'local', name: 'Local user', role, via: 'solo', readOnly };
  if (actor.kind === 'share') return { projectId, userId: `share:${actor.linkId}`, name: 'Guest (share link)', role, via: 'share', shareLinkId: actor.linkId, readOnly };
  return { projectId, userId: actor.userId, name: (actor.name || actor.email).slice(0, 120), role, via: 'member', readOnly };
}

/** Where the browser reaches the sync server, or why there is no live session. */
async function syncServerUrl(req: Request, env: Env): Promise<{ url: string } | { reason: string }> {
  let setting: number | 'off';
  try {
    setting = collabPortSetting(env);
  } catch (e) {
    return { reason: e instanceof Error ? e.message : String(e) };
  }
  if (setting === 'off') return { reason: 'Live co-editing is turned off on this server (DRAFTBASE_COLLAB=off).' };
  const publicUrl = env.DRAFTBASE_COLLAB_PUBLIC_URL?.trim();
  const handle = getCollabHandle();
  // A sync server elsewhere (scripts/collab-server.ts behind the same load balancer) is named by its URL.
  if (publicUrl) return { url: publicUrl };
  let port: number | undefined;
  if (handle?.status === 'running') port = handle.server.port;
  else if (handle?.status === 'starting') port = (await handle.ready)?.port;
  if (port === undefined) return { reason: handle?.status === 'off' ? handle.reason : 'The live co-editing server is not running.' };
  // The host name the browser used (the Host header, which the request policy has checked), so the
  // WebSocket goes to the same machine by the same name; req.url may carry Next's own host name.
  const page = new URL(req.url);
  let hostname = page.hostname;
  const header = req.headers.get('host');
  if (header) {
    try {
      hostname = new URL(`http://${header}`).hostname;
    } catch {
      // keep the URL's
    }
  }
  return { url: `${page.protocol === 'https:' ? 'wss' : 'ws'}://${hostname}:${port}` };
}

export async function collabJoin(req: Request, access: ProjectAccess, env: Env = process.env, now: number = Date.now()): Promise<CollabJoin> {
  const where = await syncServerUrl(req, env);
  if ('reason' in where) return { enabled: false, reason: where.reason };
  const claims = claimsOf(access);
  const { ticket, expiresAt } = issueTicket(claims, collabSecret(env), now);
  return {
    enabled: true,
    url: where.url,
    documentName: collabDocumentName(access.projectId),
    ticket,
    expiresAt,
    user: { id: claims.userId, name: claims.name, color: colorFor(claims.userId) },
    readOnly: claims.readOnly,
  };
}

/**
 * The audit trail: who changed what on a project, when. Saves, renames, versions and every change to
 * members, invites and share links write one row (in the same transaction as the change where the
 * change is a single write). Never holds a token or a document.
 */
import 'server-only';
import type { ProjectEventInfo } from '../../api/teams';
import { randomBytes } from 'node:crypto';
import { actorName, actorUserId, type Actor } from '../auth/access';
import type { TeamsDb } from './db';

/** Who to record as the author of a change. */
export interface Author {
  id: string | null;
  name: string;
}

export function authorOf(actor: Actor): Author {
  return { id: actorUserId(actor), name: actorName(actor) };
}

export type ProjectEventAction =
  | 'create'
  | 'save'
  | 'rename'
  | 'version'
  | 'member.role'
  | 'member.remove'
  | 'member.join'
  | 'transfer'
  | 'invite'
  | 'invite.revoke'
  | 'share.create'
  | 'share.revoke';

/** The newest events GET /api/projects/:id/events returns (older ones stay stored). */
export const EVENTS_LIMIT = 200;

const DETAIL_MAX = 500;

let sequence = 0;

/**
 * Event ids sort by time, then by a per-process counter: two events in the same millisecond (a save
 * and its version) still list newest first when the timestamps tie.
 */
function eventId(now: number): string {
  sequence = (sequence + 1) % 36 ** 4;
  return `evt_${now.toString(36).padStart(9, '0')}${sequence.toString(36).padStart(4, '0')}${randomBytes(4).toString('hex')}`;
}

export async function recordEvent(
  db: TeamsDb,
  projectId: string,
  author: Author,
  action: ProjectEventAction,
  extra: { projectVersion?: number; detail?: string } = {},
): Promise<void> {
  const now = Date.now();
  await db.projectEvent.create({
    data: {
      id: eventId(now),
      createdAt: new Date(now),
      projectId,
      actorId: author.id,
      actorName: author.name,
      action,
      projectVersion: extra.projectVersion ?? null,
      detail: extra.detail === undefined ? null : extra.detail.slice(0, DETAIL_MAX),
    },
  });
}

/** A project's audit trail, newest first, at most `limit` rows. */
export async function listEvents(db: TeamsDb, projectId: string, limit = EVENTS_LIMIT): Promise<ProjectEventInfo[]> {
  const rows = await db.projectEvent.findMany({ where: { projectId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit });
  return rows.map((r) => ({
    id: r.id,
    actorName: r.actorName,
    action: r.action,
    projectVersion: r.projectVersion,
    detail: r.detail,
    at: r.createdAt.toISOString(),
  }));
}

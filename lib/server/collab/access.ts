/**
 * The sync server's own access check: a ticket proves the app let this person in a minute ago; the
 * database says whether they still may (a removed member, a revoked or expired share link, a role
 * lowered since) and with which role. Used when a connection opens and every 30 s after.
 */
import 'server-only';
import { isProjectRole, isShareLinkRole, type ProjectRole } from '../../auth/roles';
import { authMode } from '../auth/mode';
import type { TeamsDb } from '../teams/db';
import type { TicketClaims } from './ticket';

export interface CollabUserContext {
  projectId: string;
  userId: string;
  name: string;
  /** The role NOW (from the database), not the one in the ticket. */
  role: ProjectRole;
  via: TicketClaims['via'];
  shareLinkId?: string;
}

export async function currentAccess(db: TeamsDb, claims: Omit<TicketClaims, 'readOnly'>): Promise<CollabUserContext | undefined> {
  const base = { projectId: claims.projectId, userId: claims.userId, name: claims.name, via: claims.via };
  const project = await db.project.findUnique({ where: { id: claims.projectId }, select: { id: true } });
  if (!project) return undefined;
  if (claims.via === 'solo') return authMode() === 'solo' ? { ...base, role: 'owner' } : undefined;
  if (authMode() === 'solo') return undefined; // no members or links are honoured without accounts
  if (claims.via === 'member') {
    const member = await db.projectMember.findUnique({ where: { projectId_userId: { projectId: claims.projectId, userId: claims.userId } } });
    return member && isProjectRole(member.role) ? { ...base, role: member.role } : undefined;
  }
  if (!claims.shareLinkId) return undefined;
  const link = await db.shareLink.findUnique({ where: { id: claims.shareLinkId } });
  if (!link || link.projectId !== claims.projectId || link.revokedAt) return undefined;
  if (link.expiresAt && link.expiresAt.getTime() <= Date.now()) return undefined;
  return isShareLinkRole(link.role) ? { ...base, role: link.role, shareLinkId: link.id } : undefined;
}

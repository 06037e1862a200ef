/**
 * Who is asking, and may they do this to that project? Every project route calls
 * `requireProjectAccess` before it reads anything; other routes that do work for a person call
 * `requireActor`.
 *
 * - Solo mode: the one local user is the owner of everything (no accounts exist).
 * - Team mode: a signed-in user has the role their membership gives; someone who is not a member
 *   gets 404, exactly as for a project that does not exist, so ids reveal nothing. A share link
 *   (header `X-Draftbase-Share: <token>`) acts as a viewer or commenter on its one project, and is
 *   looked up again on every request, so a revoked or expired link stops working at once.
 */
import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { isShareLinkRole, roleAllows, type ProjectAction, type ProjectRole, type ShareLinkRole } from '../../auth/roles';
import { getDatabase } from '../db/client';
import { HttpError } from '../http/error-response';
import { authMode } from './mode';
import { sessionUser } from './session';

export type Actor =
  | { kind: 'solo' }
  | { kind: 'user'; userId: string; name: string; email: string }
  | { kind: 'share'; linkId: string; projectId: string; role: ShareLinkRole };

export interface ProjectAccess {
  actor: Actor;
  role: ProjectRole;
  projectId: string;
}

export const SHARE_HEADER = 'x-draftbase-share';

/** Share and invite tokens are stored only as this hash (a database leak does not leak links). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A token's shape: 43 base64url characters (32 random bytes = 256 bits) is what we issue. */
const TOKEN_SYNTAX = /^[A-Za-z0-9_-]{32,128}$/;

/** The user id to record as the author of a change (null in solo mode and for share links). */
export function actorUserId(actor: Actor): string | null {
  return actor.kind === 'user' ? actor.userId : null;
}

/** The name shown in the audit trail and on comments. */
export function actorName(actor: Actor): string {
  if (actor.kind === 'user') return actor.name || actor.email;
  if (actor.kind === 'share') return 'Share link';
  return 'Local user';
}

async function shareActor(token: string): Promise<Actor | undefined> {
  if (!TOKEN_SYNTAX.test(token)) return undefined;
  const hash = hashToken(token);
  const { prisma } = await getDatabase();
  const link = await prisma.shareLink.findUnique({ where: { tokenHash: hash } });
  if (!link) return undefined;
  // The lookup is by hash already; the constant-time compare keeps it that way if the lookup changes.
  if (!timingSafeEqual(Buffer.from(link.tokenHash, 'hex'), Buffer.from(hash, 'hex'))) return undefined;
  if (link.revokedAt) return undefined;
  if (link.expiresAt && link.expiresAt.getTime() <= Date.now()) return undefined;
  if (!isShareLinkRole(link.role)) return undefined;
  return { kind: 'share', linkId: link.id, projectId: link.projectId, role: link.role };
}

/** The actor behind `req`, or undefined when nobody is signed in (team mode). */
export async function currentActor(req: Request): Promise<Actor | undefined> {
  if (authMode() === 'solo') return { kind: 'solo' };
  const user = await sessionUser(req);
  if (user) return { kind: 'user', ...user };
  const token = req.headers.get(SHARE_HEADER);
  if (token) return shareActor(token.trim());
  return undefined;
}

const signedOut = () => new HttpError(401, 'signed_out', 'Sign in to continue.');

/** Any signed-in user (or solo). Share links are refused: they reach only their project's routes. */
export async function requireUser(req: Request): Promise<Actor> {
  const actor = await currentActor(req);
  if (!actor) throw signedOut();
  if (actor.kind === 'share') throw new HttpError(403, 'forbidden', 'A share link opens only its project; sign in for anything else.');
  return actor;
}

/** Any actor at all: a signed-in user, solo, or a valid share link (stateless work such as rendering). */
export async function requireActor(req: Request): Promise<Actor> {
  const actor = await currentActor(req);
  if (!actor) throw signedOut();
  return actor;
}

/** The role `actor` has on `projectId`, or undefined when it has none. */
export async function roleOn(actor: Actor, projectId: string): Promise<ProjectRole | undefined> {
  if (actor.kind === 'solo') return 'owner';
  if (actor.kind === 'share') return actor.projectId === projectId ? actor.role : undefined;
  const { prisma } = await getDatabase();
  const member = await prisma.projectMember.findUnique({ where: { projectId_userId: { projectId, userId: actor.userId } } });
  return member ? (member.role as ProjectRole) : undefined;
}

/**
 * Refuses unless the requester may do `action` on `projectId`: 401 signed out, 404 when they have no
 * role on it (same answer as a missing project), 403 when their role is too low.
 */
export async function requireProjectAccess(req: Request, projectId: string, action: ProjectAction): Promise<ProjectAccess> {
  const actor = await currentActor(req);
  if (!actor) throw signedOut();
  const role = await roleOn(actor, projectId);
  if (!role) throw new HttpError(404, 'not_found', `No project with id ${JSON.stringify(projectId)}.`);
  if (!roleAllows(role, action)) {
    throw new HttpError(403, 'forbidden', `Your role on this project (${role}) cannot ${action} it.`, { role });
  }
  return { actor, role, projectId };
}

/**
 * The teams HTTP API's request bodies and the small checks its routes share (app/api/projects/[id]/
 * {members,invites,share-links,transfer,events}, app/api/invites, app/api/share). Paths and response
 * shapes: lib/api/teams.ts.
 */
import 'server-only';
import { z } from 'zod';
import type { ProjectAccessInfo } from '../../api/teams';
import { capabilitiesOf, isProjectRole, isShareLinkRole, type ProjectRole, type ShareLinkRole } from '../../auth/roles';
import type { Actor, ProjectAccess } from '../auth/access';
import { HttpError } from '../http/error-response';

const roleSchema = z.string().refine(isProjectRole, 'must be owner, editor, commenter or viewer').transform((r) => r as ProjectRole);
const shareRoleSchema = z.string().refine(isShareLinkRole, 'must be viewer or commenter').transform((r) => r as ShareLinkRole);
const userIdSchema = z.string().min(1).max(128);

export const changeRoleBody = z.object({ role: roleSchema }).strict();

export const transferBody = z.object({ userId: userIdSchema }).strict();

export const inviteBody = z.object({ email: z.string().trim().max(320).pipe(z.email('must be an email address')), role: roleSchema }).strict();

/** How far ahead a share link may expire (longer lived links should simply not expire). */
const MAX_LINK_LIFETIME_MS = 5 * 366 * 24 * 60 * 60 * 1000;

export const shareLinkBody = z
  .object({
    role: shareRoleSchema,
    label: z.string().trim().min(1).max(100).optional(),
    expiresAt: z.iso
      .datetime({ offset: true })
      .transform((s) => new Date(s))
      .refine((d) => d.getTime() > Date.now(), 'must be in the future')
      .refine((d) => d.getTime() < Date.now() + MAX_LINK_LIFETIME_MS, 'must be within 5 years')
      .optional(),
  })
  .strict();

/** `access` on GET /api/projects/:id: what the editor may enable. */
export function accessInfo(access: ProjectAccess): ProjectAccessInfo {
  const via = access.actor.kind === 'solo' ? 'solo' : access.actor.kind === 'share' ? 'share' : 'member';
  return { role: access.role, capabilities: capabilitiesOf(access.role), via };
}

/** The signed-in account behind a request (invites are sent and accepted by people, not by links or solo). */
export function requireAccount(actor: Actor, what: string): Extract<Actor, { kind: 'user' }> {
  if (actor.kind === 'user') return actor;
  if (actor.kind === 'solo') throw new HttpError(409, 'solo_mode', `${what} needs team mode (sign-in): solo mode has no accounts.`);
  throw new HttpError(403, 'forbidden', `${what} needs a signed-in account, not a share link.`);
}

/**
 * The teams API (issue 18): paths and the shapes it answers with, shared by the route handlers and
 * the browser (which must not import server modules to know them). Every path below is relative to
 * the app's origin; every mutating call sends JSON and is refused cross-origin (proxy.ts).
 *
 * Who may call what (lib/auth/roles.ts): view < comment < edit < manage.
 *
 *   GET    /api/session                                 -> SessionInfo (anyone; says the mode and who is signed in)
 *   POST   /api/auth/*                                  Better Auth: sign-in/email, sign-up/email, sign-out, sign-in/social {provider:'oidc'}
 *   POST   /api/setup  { name, email, password }        first run only: creates the first owner, signs them in
 *
 *   GET    /api/projects/:id                            -> project + { access: ProjectAccessInfo }      (view)
 *   GET    /api/projects/:id/members                    -> { members: MemberInfo[], invites: InviteInfo[] } (view; invites only for owners)
 *   PATCH  /api/projects/:id/members/:userId { role }   -> { member: MemberInfo }                        (manage)
 *   DELETE /api/projects/:id/members/:userId            -> 204 (manage; or a member removing themself)
 *   POST   /api/projects/:id/transfer { userId }        -> 204: that member becomes owner, the old owner editor (manage)
 *   POST   /api/projects/:id/invites { email, role }    -> { invite: InviteInfo, url }  url shown once    (manage)
 *   DELETE /api/projects/:id/invites/:inviteId          -> 204 (manage)
 *   GET    /api/invites/:token                          -> { projectName, email, role, expiresAt } (anyone with the token)
 *   POST   /api/invites/:token/accept                   -> { projectId } (signed in; the invite's email must match)
 *   GET    /api/projects/:id/share-links                -> { links: ShareLinkInfo[] }                    (manage)
 *   POST   /api/projects/:id/share-links { role, label?, expiresAt? } -> { link: ShareLinkInfo, url } url shown once (manage)
 *   DELETE /api/projects/:id/share-links/:linkId        -> 204 revoked at once (manage)
 *   GET    /api/share/:token                            -> { projectId, projectName, role }  (the link itself; 404 when revoked/expired)
 *   GET    /api/projects/:id/events                     -> { events: ProjectEventInfo[] } audit trail (view)
 *   GET    /api/projects/:id/comments                   -> { threads: CommentThreadInfo[] }              (view)
 *   POST   /api/projects/:id/comments { anchor, body, authorName? }        -> { thread }               (comment)
 *   POST   /api/projects/:id/comments/:threadId/replies { body, authorName? } -> { thread }           (comment)
 *   PATCH  /api/projects/:id/comments/:threadId { resolved: boolean }      -> { thread }               (comment)
 *
 * A share link's page (/s/:token) calls the project routes with the header `X-Draftbase-Share: <token>`
 * and gets the link's role (viewer or commenter).
 */
import type { ProjectAction, ProjectRole, RoleCapabilities, ShareLinkRole } from '../auth/roles';

export type { ProjectAction, ProjectRole, RoleCapabilities, ShareLinkRole };

export const SHARE_HEADER = 'X-Draftbase-Share';

export interface UserInfo {
  id: string;
  name: string;
  email: string;
}

/** GET /api/session */
export interface SessionInfo {
  mode: 'solo' | 'team';
  /** Signed-in user (team mode), or null. */
  user: UserInfo | null;
  /** Team mode with no user yet: the first-run page (/setup) creates the first owner. */
  needsSetup: boolean;
  /** OpenID Connect sign-in is configured (button label), or null. */
  oidc: { label: string } | null;
}

/** What the requester may do on one project: sent with GET /api/projects/:id as `access`. */
export interface ProjectAccessInfo {
  role: ProjectRole;
  capabilities: RoleCapabilities;
  via: 'solo' | 'member' | 'share';
}

export interface MemberInfo {
  userId: string;
  name: string;
  email: string;
  role: ProjectRole;
  since: string;
}

export interface InviteInfo {
  id: string;
  email: string;
  role: ProjectRole;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

export interface ShareLinkInfo {
  id: string;
  role: ShareLinkRole;
  label: string | null;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

export interface ProjectEventInfo {
  id: string;
  actorName: string;
  action: string;
  projectVersion: number | null;
  detail: string | null;
  at: string;
}

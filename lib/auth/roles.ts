/**
 * Project roles and what each may do. Pure: the server enforces these (lib/server/auth/access.ts) and
 * the editor reads the same table to disable what the signed-in role cannot do.
 *
 * Roles are ranked: each one may do everything the roles below it may.
 */

export const PROJECT_ROLES = ['viewer', 'commenter', 'editor', 'owner'] as const;
export type ProjectRole = (typeof PROJECT_ROLES)[number];

/** The roles a share link may grant (never edit or manage: a link carries no identity). */
export const SHARE_LINK_ROLES = ['viewer', 'commenter'] as const satisfies readonly ProjectRole[];
export type ShareLinkRole = (typeof SHARE_LINK_ROLES)[number];

/** The least role each action needs. */
export const ACTION_MIN_ROLE = {
  /** Read the document, versions, exports, comments. */
  view: 'viewer',
  /** Start, reply to, resolve and reopen review comments. */
  comment: 'commenter',
  /** Save the document, rename, name versions. */
  edit: 'editor',
  /** Members, invites, roles, share links, ownership, delete. */
  manage: 'owner',
} as const satisfies Record<string, ProjectRole>;
export type ProjectAction = keyof typeof ACTION_MIN_ROLE;

const RANK: Record<ProjectRole, number> = { viewer: 0, commenter: 1, editor: 2, owner: 3 };

export function isProjectRole(value: unknown): value is ProjectRole {
  return typeof value === 'string' && (PROJECT_ROLES as readonly string[]).includes(value);
}

export function isShareLinkRole(value: unknown): value is ShareLinkRole {
  return typeof value === 'string' && (SHARE_LINK_ROLES as readonly string[]).includes(value);
}

export function roleAllows(role: ProjectRole, action: ProjectAction): boolean {
  return RANK[role] >= RANK[ACTION_MIN_ROLE[action]];
}

export type RoleCapabilities = Record<ProjectAction, boolean>;

/** Everything `role` may do, as the editor's flags (`canEdit` disables the canvas controls). */
export function capabilitiesOf(role: ProjectRole): RoleCapabilities {
  return { view: roleAllows(role, 'view'), comment: roleAllows(role, 'comment'), edit: roleAllows(role, 'edit'), manage: roleAllows(role, 'manage') };
}

export const ROLE_LABELS: Record<ProjectRole, string> = { viewer: 'Viewer', commenter: 'Commenter', editor: 'Editor', owner: 'Owner' };

/**
 * What the signed-in role (or a share link) lets this editor do, from the `access` that
 * GET /api/projects/:id answers with (issue 18). No `access` means solo mode: full access.
 */
import type { ProjectAccessInfo } from '@/lib/api/teams';
import { capabilitiesOf, isProjectRole } from '@/lib/auth/roles';

/** The reason shown on every disabled editing control, or undefined when this user may edit. */
export function readOnlyReason(access: ProjectAccessInfo | undefined): string | undefined {
  if (!access || access.capabilities.edit) return undefined;
  return `Read-only: your role is ${access.role}`;
}

/** The `access` of a project answer, checked; undefined when absent (solo) or malformed. */
export function accessFromBody(body: unknown): ProjectAccessInfo | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as { access?: unknown; project?: { access?: unknown } };
  const a = (b.access ?? b.project?.access) as Partial<ProjectAccessInfo> | undefined;
  if (!a || typeof a !== 'object' || !isProjectRole(a.role)) return undefined;
  const via = a.via === 'member' || a.via === 'share' || a.via === 'solo' ? a.via : 'member';
  // The role decides; capabilities are recomputed from it so a partial answer cannot grant more.
  return { role: a.role, capabilities: capabilitiesOf(a.role), via };
}

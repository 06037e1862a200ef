import { requireProjectAccess } from '@/lib/server/auth/access';
import { getDatabase } from '@/lib/server/db/client';
import { withErrors } from '@/lib/server/http/error-response';
import { readJsonBody } from '@/lib/server/http/read-json-body';
import { requireRouteId } from '@/lib/server/projects/api';
import { changeRoleBody } from '@/lib/server/teams/api';
import { authorOf } from '@/lib/server/teams/events';
import { changeMemberRole, removeMember } from '@/lib/server/teams/members';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

interface Ctx {
  params: Promise<{ id: string; userId: string }>;
}

/** PATCH /api/projects/:id/members/:userId { role } -> { member } (manage; the last owner cannot be demoted: 409). */
export const PATCH = withErrors(async (req: Request, { params }: Ctx) => {
  const { id: rawId, userId: rawUserId } = await params;
  const id = requireRouteId(rawId, 'project');
  const access = await requireProjectAccess(req, id, 'manage');
  const userId = requireRouteId(rawUserId, 'member');
  const body = await readJsonBody(req, changeRoleBody);
  const member = await changeMemberRole((await getDatabase()).prisma, id, userId, body.role, authorOf(access.actor));
  return Response.json({ member });
});

/**
 * DELETE /api/projects/:id/members/:userId -> 204 (manage, or any member leaving: their own id).
 * The last owner cannot be removed (409).
 */
export const DELETE = withErrors(async (req: Request, { params }: Ctx) => {
  const { id: rawId, userId: rawUserId } = await params;
  const id = requireRouteId(rawId, 'project');
  const view = await requireProjectAccess(req, id, 'view');
  const userId = requireRouteId(rawUserId, 'member');
  const self = view.actor.kind === 'user' && view.actor.userId === userId;
  const access = self ? view : await requireProjectAccess(req, id, 'manage');
  await removeMember((await getDatabase()).prisma, id, userId, authorOf(access.actor));
  return new Response(null, { status: 204 });
});

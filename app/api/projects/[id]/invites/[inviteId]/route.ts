import { requireProjectAccess } from '@/lib/server/auth/access';
import { getDatabase } from '@/lib/server/db/client';
import { withErrors } from '@/lib/server/http/error-response';
import { requireRouteId } from '@/lib/server/projects/api';
import { authorOf } from '@/lib/server/teams/events';
import { revokeInvite } from '@/lib/server/teams/invites';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** DELETE /api/projects/:id/invites/:inviteId -> 204: the invite link stops working (manage). */
export const DELETE = withErrors(async (req: Request, { params }: { params: Promise<{ id: string; inviteId: string }> }) => {
  const { id: rawId, inviteId: rawInviteId } = await params;
  const id = requireRouteId(rawId, 'project');
  const access = await requireProjectAccess(req, id, 'manage');
  await revokeInvite((await getDatabase()).prisma, id, requireRouteId(rawInviteId, 'invite'), authorOf(access.actor));
  return new Response(null, { status: 204 });
});

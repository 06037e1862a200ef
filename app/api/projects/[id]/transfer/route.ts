import { requireProjectAccess } from '@/lib/server/auth/access';
import { getDatabase } from '@/lib/server/db/client';
import { withErrors } from '@/lib/server/http/error-response';
import { readJsonBody } from '@/lib/server/http/read-json-body';
import { requireRouteId } from '@/lib/server/projects/api';
import { requireAccount, transferBody } from '@/lib/server/teams/api';
import { authorOf } from '@/lib/server/teams/events';
import { transferOwnership } from '@/lib/server/teams/members';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** POST /api/projects/:id/transfer { userId } -> 204: that member becomes owner, the caller editor (manage). */
export const POST = withErrors(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = requireRouteId((await params).id, 'project');
  const access = await requireProjectAccess(req, id, 'manage');
  const owner = requireAccount(access.actor, 'Transferring ownership');
  const body = await readJsonBody(req, transferBody);
  await transferOwnership((await getDatabase()).prisma, id, owner.userId, requireRouteId(body.userId, 'member'), authorOf(access.actor));
  return new Response(null, { status: 204 });
});

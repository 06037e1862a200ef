import { requireProjectAccess } from '@/lib/server/auth/access';
import { getDatabase } from '@/lib/server/db/client';
import { withErrors } from '@/lib/server/http/error-response';
import { readJsonBody } from '@/lib/server/http/read-json-body';
import { requireRouteId } from '@/lib/server/projects/api';
import { inviteBody, requireAccount } from '@/lib/server/teams/api';
import { authorOf } from '@/lib/server/teams/events';
import { createInvite } from '@/lib/server/teams/invites';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * POST /api/projects/:id/invites { email, role } -> 201 { invite, url } (manage). `url` (/invite/<token>)
 * is shown this once: only the token's hash is stored.
 */
export const POST = withErrors(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = requireRouteId((await params).id, 'project');
  const access = await requireProjectAccess(req, id, 'manage');
  const owner = requireAccount(access.actor, 'Inviting people');
  const body = await readJsonBody(req, inviteBody);
  const created = await createInvite((await getDatabase()).prisma, id, { email: body.email, role: body.role, createdById: owner.userId }, authorOf(access.actor));
  return Response.json(created, { status: 201, headers: { 'cache-control': 'no-store' } });
});

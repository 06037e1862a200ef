import { requireProjectAccess } from '@/lib/server/auth/access';
import { roleAllows } from '@/lib/auth/roles';
import { getDatabase } from '@/lib/server/db/client';
import { withErrors } from '@/lib/server/http/error-response';
import { requireRouteId } from '@/lib/server/projects/api';
import { listInvites } from '@/lib/server/teams/invites';
import { listMembers } from '@/lib/server/teams/members';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * GET /api/projects/:id/members -> { members: MemberInfo[], invites: InviteInfo[] } (view). Invites
 * only for owners; a share link's visitor sees names without email addresses.
 */
export const GET = withErrors(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = requireRouteId((await params).id, 'project');
  const access = await requireProjectAccess(req, id, 'view');
  const { prisma } = await getDatabase();
  const members = await listMembers(prisma, id, { withEmails: access.actor.kind !== 'share' });
  const invites = roleAllows(access.role, 'manage') && access.actor.kind !== 'share' ? await listInvites(prisma, id) : [];
  return Response.json({ members, invites }, { headers: { 'cache-control': 'no-store' } });
});

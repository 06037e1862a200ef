import { requireProjectAccess } from '@/lib/server/auth/access';
import { getDatabase } from '@/lib/server/db/client';
import { withErrors } from '@/lib/server/http/error-response';
import { requireRouteId } from '@/lib/server/projects/api';
import { authorOf } from '@/lib/server/teams/events';
import { revokeShareLink } from '@/lib/server/teams/share-links';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** DELETE /api/projects/:id/share-links/:linkId -> 204: the link is refused from its next request on (manage). */
export const DELETE = withErrors(async (req: Request, { params }: { params: Promise<{ id: string; linkId: string }> }) => {
  const { id: rawId, linkId: rawLinkId } = await params;
  const id = requireRouteId(rawId, 'project');
  const access = await requireProjectAccess(req, id, 'manage');
  await revokeShareLink((await getDatabase()).prisma, id, requireRouteId(rawLinkId, 'share link'), authorOf(access.actor));
  return new Response(null, { status: 204 });
});

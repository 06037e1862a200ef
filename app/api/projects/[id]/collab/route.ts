import { requireProjectAccess } from '@/lib/server/auth/access';
import { collabJoin } from '@/lib/server/collab/join';
import { withErrors } from '@/lib/server/http/error-response';
import { requireRouteId } from '@/lib/server/projects/api';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

interface Ctx {
  params: Promise<{ id: string }>;
}

/**
 * GET /api/projects/:id/collab -> CollabJoin (lib/api/collab.ts) (view: the same gate as
 * GET /api/projects/:id, share links included): the sync server's URL, a ticket valid for a minute,
 * the user shown to the others and whether the connection is read-only; `{ enabled: false, reason }`
 * when live co-editing is off or its server is not running (the editor then saves over REST).
 */
export const GET = withErrors(async (req: Request, { params }: Ctx) => {
  const id = requireRouteId((await params).id, 'project');
  const access = await requireProjectAccess(req, id, 'view');
  return Response.json(await collabJoin(req, access), { headers: { 'cache-control': 'no-store' } });
});

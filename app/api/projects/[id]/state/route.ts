import { requireProjectAccess } from '@/lib/server/auth/access';
import { getDatabase } from '@/lib/server/db/client';
import { withErrors } from '@/lib/server/http/error-response';
import { notFound, requireRouteId } from '@/lib/server/projects/api';
import { getProjectState } from '@/lib/server/projects/repository';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

interface Ctx {
  params: Promise<{ id: string }>;
}

/**
 * GET /api/projects/:id/state -> { version, updatedAt } (ETag: "version"): one indexed row read, no
 * document. An open editor polls it every few seconds while visible to learn that another tab saved
 * (view: a revoked share link or a removed member learns it on the next poll).
 */
export const GET = withErrors(async (req: Request, { params }: Ctx) => {
  const id = requireRouteId((await params).id, 'project');
  await requireProjectAccess(req, id, 'view');
  const state = await getProjectState((await getDatabase()).tables, id);
  if (!state) throw notFound('project', id);
  return Response.json(state, { headers: { etag: `"${state.version}"`, 'cache-control': 'no-store' } });
});

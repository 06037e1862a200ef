import { getDatabase } from '@/lib/server/db/client';
import { withErrors } from '@/lib/server/http/error-response';
import { notFound } from '@/lib/server/projects/api';
import { getProjectState } from '@/lib/server/projects/repository';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

interface Ctx {
  params: Promise<{ id: string }>;
}

/**
 * GET /api/projects/:id/state -> { version, updatedAt } (ETag: "version"): one indexed row read, no
 * document. An open editor polls it every few seconds while visible to learn that another tab saved.
 */
export const GET = withErrors(async (_req: Request, { params }: Ctx) => {
  const { id } = await params;
  const state = await getProjectState((await getDatabase()).tables, id);
  if (!state) throw notFound('project', id);
  return Response.json(state, { headers: { etag: `"${state.version}"`, 'cache-control': 'no-store' } });
});

import { requireProjectAccess } from '@/lib/server/auth/access';
import { getDatabase } from '@/lib/server/db/client';
import { withErrors } from '@/lib/server/http/error-response';
import { notFound, requireRouteId, versionResponse } from '@/lib/server/projects/api';
import { getVersion } from '@/lib/server/projects/repository';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/projects/:id/versions/:vid -> { id, projectId, name, projectVersion, tableCount, createdAt, author, document } (view) */
export const GET = withErrors(async (req: Request, { params }: { params: Promise<{ id: string; vid: string }> }) => {
  const { id: rawId, vid: rawVid } = await params;
  const id = requireRouteId(rawId, 'project');
  await requireProjectAccess(req, id, 'view');
  const vid = requireRouteId(rawVid, 'version');
  const version = await getVersion((await getDatabase()).tables, id, vid);
  if (!version) throw notFound('version', vid);
  return versionResponse(version);
});

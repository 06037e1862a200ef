import { getDatabase } from '@/lib/server/db/client';
import { withErrors } from '@/lib/server/http/error-response';
import { notFound, versionResponse } from '@/lib/server/projects/api';
import { getVersion } from '@/lib/server/projects/repository';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/projects/:id/versions/:vid -> { id, projectId, name, projectVersion, tableCount, createdAt, document } */
export const GET = withErrors(async (_req: Request, { params }: { params: Promise<{ id: string; vid: string }> }) => {
  const { id, vid } = await params;
  const version = await getVersion((await getDatabase()).tables, id, vid);
  if (!version) throw notFound('version', vid);
  return versionResponse(version);
});

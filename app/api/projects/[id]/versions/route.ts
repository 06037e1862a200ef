import { requireProjectAccess } from '@/lib/server/auth/access';
import { getDatabase } from '@/lib/server/db/client';
import { withErrors } from '@/lib/server/http/error-response';
import { readJsonBody } from '@/lib/server/http/read-json-body';
import { createVersionBody, notFound, requireRouteId } from '@/lib/server/projects/api';
import { authorOf } from '@/lib/server/teams/events';
import { createVersion, listVersions } from '@/lib/server/projects/repository';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

interface Ctx {
  params: Promise<{ id: string }>;
}

/** GET /api/projects/:id/versions -> { versions: VersionSummary[] } (each with its `author`), newest first (view). */
export const GET = withErrors(async (req: Request, { params }: Ctx) => {
  const id = requireRouteId((await params).id, 'project');
  await requireProjectAccess(req, id, 'view');
  const versions = await listVersions((await getDatabase()).tables, id);
  if (!versions) throw notFound('project', id);
  return Response.json({ versions }, { headers: { 'cache-control': 'no-store' } });
});

/** POST /api/projects/:id/versions { name } -> 201 { version }: snapshots the current document (edit). */
export const POST = withErrors(async (req: Request, { params }: Ctx) => {
  const id = requireRouteId((await params).id, 'project');
  const access = await requireProjectAccess(req, id, 'edit');
  const body = await readJsonBody(req, createVersionBody);
  const version = await createVersion((await getDatabase()).prisma, id, body.name, authorOf(access.actor));
  if (!version) throw notFound('project', id);
  return Response.json({ version }, { status: 201 });
});

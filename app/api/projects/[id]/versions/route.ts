import { getDatabase } from '@/lib/server/db/client';
import { withErrors } from '@/lib/server/http/error-response';
import { readJsonBody } from '@/lib/server/http/read-json-body';
import { createVersionBody, notFound } from '@/lib/server/projects/api';
import { createVersion, listVersions } from '@/lib/server/projects/repository';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

interface Ctx {
  params: Promise<{ id: string }>;
}

/** GET /api/projects/:id/versions -> { versions: VersionSummary[] }, newest first. */
export const GET = withErrors(async (_req: Request, { params }: Ctx) => {
  const { id } = await params;
  const versions = await listVersions((await getDatabase()).tables, id);
  if (!versions) throw notFound('project', id);
  return Response.json({ versions }, { headers: { 'cache-control': 'no-store' } });
});

/** POST /api/projects/:id/versions { name } -> 201 { version }: snapshots the current document. */
export const POST = withErrors(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const body = await readJsonBody(req, createVersionBody);
  const version = await createVersion((await getDatabase()).tables, id, body.name);
  if (!version) throw notFound('project', id);
  return Response.json({ version }, { status: 201 });
});

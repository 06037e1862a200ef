import { getDatabase } from '@/lib/server/db/client';
import { withErrors } from '@/lib/server/http/error-response';
import { readJsonBody } from '@/lib/server/http/read-json-body';
import { createProjectBody, notFound, requireValidDocument } from '@/lib/server/projects/api';
import { createProject, duplicateProject, listProjects } from '@/lib/server/projects/repository';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/projects -> { projects: ProjectSummary[] }, most recently edited first. */
export const GET = withErrors(async () => {
  const db = await getDatabase();
  return Response.json({ projects: await listProjects(db.tables) }, { headers: { 'cache-control': 'no-store' } });
});

/** POST /api/projects { name?, document? } or { duplicateOf, name? } -> 201 { project } */
export const POST = withErrors(async (req: Request) => {
  const body = await readJsonBody(req, createProjectBody);
  const db = await getDatabase();
  if (body.duplicateOf !== undefined) {
    const copy = await duplicateProject(db.tables, body.duplicateOf, body.name);
    if (!copy) throw notFound('project', body.duplicateOf);
    return Response.json({ project: copy }, { status: 201 });
  }
  const document = body.document === undefined ? undefined : requireValidDocument(body.document);
  const project = await createProject(db.tables, { name: body.name ?? 'Untitled project', document });
  return Response.json({ project }, { status: 201 });
});

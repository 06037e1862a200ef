import { requireUser, roleOn } from '@/lib/server/auth/access';
import { getDatabase } from '@/lib/server/db/client';
import { withErrors } from '@/lib/server/http/error-response';
import { readJsonBody } from '@/lib/server/http/read-json-body';
import { createProjectBody, notFound, requireRouteId, requireValidDocument } from '@/lib/server/projects/api';
import { createProject, duplicateProject, listProjects, listProjectsOfUser } from '@/lib/server/projects/repository';
import { authorOf } from '@/lib/server/teams/events';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * GET /api/projects -> { projects: ProjectSummary[] }, most recently edited first: in team mode only
 * the projects the signed-in user is a member of (each with their `role`); in solo mode all of them.
 */
export const GET = withErrors(async (req: Request) => {
  const actor = await requireUser(req);
  const db = await getDatabase();
  const projects = actor.kind === 'user' ? await listProjectsOfUser(db.prisma, actor.userId) : await listProjects(db.tables);
  return Response.json({ projects }, { headers: { 'cache-control': 'no-store' } });
});

/**
 * POST /api/projects { name?, document? } or { duplicateOf, name? } -> 201 { project }. The creator
 * owns the new project (team mode); copying needs view access to the source.
 */
export const POST = withErrors(async (req: Request) => {
  const actor = await requireUser(req);
  const body = await readJsonBody(req, createProjectBody);
  const db = await getDatabase();
  const author = authorOf(actor);
  if (body.duplicateOf !== undefined) {
    const sourceId = requireRouteId(body.duplicateOf, 'project');
    if (!(await roleOn(actor, sourceId))) throw notFound('project', sourceId);
    const copy = await duplicateProject(db.prisma, sourceId, body.name, author);
    if (!copy) throw notFound('project', sourceId);
    return Response.json({ project: copy }, { status: 201 });
  }
  const document = body.document === undefined ? undefined : requireValidDocument(body.document);
  const project = await createProject(db.prisma, { name: body.name ?? 'Untitled project', document, owner: author });
  return Response.json({ project }, { status: 201 });
});

import { requireProjectAccess } from '@/lib/server/auth/access';
import { runningCollabServer } from '@/lib/server/collab/handle';
import { hasLiveState, mergeRestSave } from '@/lib/server/collab/rest-merge';
import { getDatabase } from '@/lib/server/db/client';
import { errorResponse, withErrors } from '@/lib/server/http/error-response';
import { readJsonBody } from '@/lib/server/http/read-json-body';
import { notFound, projectResponse, renameProjectBody, requireIfMatchVersion, requireRouteId, requireValidDocument, saveProjectBody } from '@/lib/server/projects/api';
import { deleteProject, getProject, renameProject, saveProject } from '@/lib/server/projects/repository';
import { accessInfo } from '@/lib/server/teams/api';
import { authorOf } from '@/lib/server/teams/events';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

interface Ctx {
  params: Promise<{ id: string }>;
}

/**
 * GET /api/projects/:id -> { id, name, version, tableCount, createdAt, updatedAt, access, document }
 * (ETag: "version"); `access` is the requester's role and what it may do (view).
 */
export const GET = withErrors(async (req: Request, { params }: Ctx) => {
  const id = requireRouteId((await params).id, 'project');
  const access = await requireProjectAccess(req, id, 'view');
  const project = await getProject((await getDatabase()).tables, id);
  if (!project) throw notFound('project', id);
  return projectResponse(project, { access: accessInfo(access) });
});

/**
 * PUT /api/projects/:id { name?, document } with If-Match: <version> -> 200 { version, updatedAt } (edit).
 * 409 { error: { currentVersion } } when another save came first; 428 without If-Match.
 *
 * During a live session (issue 19; the project has a live state and this process runs the sync
 * server) the save is MERGED into the session instead (lib/server/collab/rest-merge.ts):
 * 200 { version, updatedAt, merged: true }; 409 only when the If-Match version is too old to be a
 * merge base or the two cannot be combined. Without a sync server in this process (it runs
 * standalone elsewhere) the optimistic check applies and the session merges the save when it next
 * stores (persistence.ts).
 */
export const PUT = withErrors(async (req: Request, { params }: Ctx) => {
  const id = requireRouteId((await params).id, 'project');
  const access = await requireProjectAccess(req, id, 'edit');
  const expectedVersion = requireIfMatchVersion(req);
  const body = await readJsonBody(req, saveProjectBody);
  const document = requireValidDocument(body.document);
  const { prisma } = await getDatabase();
  const collab = runningCollabServer();
  if (collab && (await hasLiveState(prisma, id))) {
    const merged = await mergeRestSave(prisma, collab, id, { expectedVersion, document, author: authorOf(access.actor) });
    if (merged.ok) {
      if (body.name !== undefined) await renameProject(prisma, id, body.name, authorOf(access.actor));
      return Response.json({ version: merged.version, updatedAt: merged.updatedAt, merged: true }, { headers: { etag: `"${merged.version}"` } });
    }
    if (merged.reason === 'not_found') throw notFound('project', id);
    const current = (await prisma.project.findUnique({ where: { id }, select: { version: true } }))?.version ?? expectedVersion;
    return errorResponse(409, 'version_conflict', `This save could not be merged into the live session: ${merged.message}. Reload the project.`, { currentVersion: current });
  }
  const result = await saveProject(prisma, id, { expectedVersion, document, name: body.name, author: authorOf(access.actor) });
  if (result.ok) return Response.json({ version: result.version, updatedAt: result.updatedAt }, { headers: { etag: `"${result.version}"` } });
  if (result.reason === 'not_found') throw notFound('project', id);
  return errorResponse(
    409,
    'version_conflict',
    `This project was saved elsewhere (now version ${result.currentVersion}; you edited version ${expectedVersion}). Reload it before saving again.`,
    { currentVersion: result.currentVersion },
  );
});

/** PATCH /api/projects/:id { name } -> 200 { project }: rename only; does not change the document version (edit). */
export const PATCH = withErrors(async (req: Request, { params }: Ctx) => {
  const id = requireRouteId((await params).id, 'project');
  const access = await requireProjectAccess(req, id, 'edit');
  const body = await readJsonBody(req, renameProjectBody);
  const project = await renameProject((await getDatabase()).prisma, id, body.name, authorOf(access.actor));
  if (!project) throw notFound('project', id);
  return Response.json({ project });
});

/** DELETE /api/projects/:id -> 204 (its versions, members, links, comments and events go with it) (manage). */
export const DELETE = withErrors(async (req: Request, { params }: Ctx) => {
  const id = requireRouteId((await params).id, 'project');
  await requireProjectAccess(req, id, 'manage');
  if (!(await deleteProject((await getDatabase()).tables, id))) throw notFound('project', id);
  return new Response(null, { status: 204 });
});

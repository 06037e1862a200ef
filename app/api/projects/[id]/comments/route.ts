/**
 * GET  /api/projects/:id/comments -> 200 { threads: CommentThreadInfo[] }             (view)
 * POST /api/projects/:id/comments { anchor, body, authorName? } -> 201 { thread }     (comment)
 *
 * Threads are stored beside the document, never in it (a comment changes no version and no DDL).
 * The author is the requester (a share-link guest types `authorName`); mentions are of project
 * members only. 404 for a project the requester cannot see, 403 when their role cannot comment.
 */
import { requireProjectAccess } from '@/lib/server/auth/access';
import { commentAuthor, createThreadBody, resolveMentions } from '@/lib/server/comments/api';
import { createThread, listThreads, projectExists } from '@/lib/server/comments/repository';
import { getDatabase } from '@/lib/server/db/client';
import { withErrors } from '@/lib/server/http/error-response';
import { readJsonBody } from '@/lib/server/http/read-json-body';
import { notFound } from '@/lib/server/projects/api';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

interface Ctx {
  params: Promise<{ id: string }>;
}

export const GET = withErrors(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  await requireProjectAccess(req, id, 'view');
  const { prisma } = await getDatabase();
  if (!(await projectExists(prisma, id))) throw notFound('project', id);
  return Response.json({ threads: await listThreads(prisma, id) }, { headers: { 'cache-control': 'no-store' } });
});

export const POST = withErrors(async (req: Request, { params }: Ctx) => {
  const { id } = await params;
  const { actor } = await requireProjectAccess(req, id, 'comment');
  const body = await readJsonBody(req, createThreadBody);
  const author = commentAuthor(actor, body.authorName);
  const { prisma } = await getDatabase();
  if (!(await projectExists(prisma, id))) throw notFound('project', id);
  const mentions = await resolveMentions(prisma, id, body.body);
  const thread = await createThread(prisma, { projectId: id, anchor: body.anchor, author, body: body.body, mentions });
  return Response.json({ thread }, { status: 201 });
});

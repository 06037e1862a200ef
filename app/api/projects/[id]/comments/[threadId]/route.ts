/**
 * PATCH /api/projects/:id/comments/:threadId { resolved, authorName? } -> 200 { thread }   (comment)
 * Resolves or reopens the thread. 404 when the project has no such thread (a thread id of another
 * project included).
 */
import { requireProjectAccess } from '@/lib/server/auth/access';
import { commentAuthor, resolveBody, threadNotFound } from '@/lib/server/comments/api';
import { setResolved } from '@/lib/server/comments/repository';
import { getDatabase } from '@/lib/server/db/client';
import { withErrors } from '@/lib/server/http/error-response';
import { readJsonBody } from '@/lib/server/http/read-json-body';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

interface Ctx {
  params: Promise<{ id: string; threadId: string }>;
}

export const PATCH = withErrors(async (req: Request, { params }: Ctx) => {
  const { id, threadId } = await params;
  const { actor } = await requireProjectAccess(req, id, 'comment');
  const body = await readJsonBody(req, resolveBody);
  const by = commentAuthor(actor, body.authorName);
  const thread = await setResolved((await getDatabase()).prisma, { projectId: id, threadId, resolved: body.resolved, by });
  if (!thread) throw threadNotFound(threadId);
  return Response.json({ thread });
});

/**
 * POST /api/projects/:id/comments/:threadId/replies { body, authorName? } -> 201 { thread }   (comment)
 * 404 when the project has no such thread (a thread id of another project included).
 */
import { requireProjectAccess } from '@/lib/server/auth/access';
import { commentAuthor, replyBody, resolveMentions, threadNotFound } from '@/lib/server/comments/api';
import { addReply } from '@/lib/server/comments/repository';
import { getDatabase } from '@/lib/server/db/client';
import { withErrors } from '@/lib/server/http/error-response';
import { readJsonBody } from '@/lib/server/http/read-json-body';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

interface Ctx {
  params: Promise<{ id: string; threadId: string }>;
}

export const POST = withErrors(async (req: Request, { params }: Ctx) => {
  const { id, threadId } = await params;
  const { actor } = await requireProjectAccess(req, id, 'comment');
  const body = await readJsonBody(req, replyBody);
  const author = commentAuthor(actor, body.authorName);
  const { prisma } = await getDatabase();
  const mentions = await resolveMentions(prisma, id, body.body);
  const thread = await addReply(prisma, { projectId: id, threadId, author, body: body.body, mentions });
  if (!thread) throw threadNotFound(threadId);
  return Response.json({ thread }, { status: 201 });
});

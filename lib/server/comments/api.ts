/**
 * The comments API's request bodies and the author of a request: the route handlers under
 * app/api/projects/[id]/comments/** stay a few lines each.
 */
import 'server-only';
import { z } from 'zod';
import { commentAnchorSchema } from '../../comments/anchor';
import { authorNameSchema, commentBodySchema } from '../../comments/limits';
import { mentionedMembers } from '../../comments/mentions';
import { actorName, actorUserId, type Actor } from '../auth/access';
import type { AppPrisma } from '../db/client';
import { HttpError } from '../http/error-response';
import { mentionCandidates, type CommentAuthor } from './repository';

export const createThreadBody = z.strictObject({ anchor: commentAnchorSchema, body: commentBodySchema, authorName: authorNameSchema.optional() });
export const replyBody = z.strictObject({ body: commentBodySchema, authorName: authorNameSchema.optional() });
export const resolveBody = z.strictObject({ resolved: z.boolean(), authorName: authorNameSchema.optional() });

/**
 * Who writes: a member or the local user as themselves (a typed name is ignored: it could pose as
 * someone else); a share-link guest has no account and must type a name, shown as a guest's.
 */
export function commentAuthor(actor: Actor, authorName: string | undefined): CommentAuthor {
  if (actor.kind === 'share') {
    if (!authorName) throw new HttpError(400, 'author_name_required', 'Commenting through a share link needs your name (authorName, 1-80 characters).');
    return { id: null, name: authorName, kind: 'share' };
  }
  return { id: actorUserId(actor), name: actorName(actor), kind: actor.kind };
}

/** The project members `body` mentions (no one else can be mentioned). */
export async function resolveMentions(prisma: AppPrisma, projectId: string, body: string): Promise<{ userId: string; handle: string }[]> {
  if (!body.includes('@')) return [];
  return mentionedMembers(body, await mentionCandidates(prisma, projectId));
}

export function threadNotFound(threadId: string): HttpError {
  return new HttpError(404, 'not_found', `No comment thread with id ${JSON.stringify(threadId)} in this project.`);
}

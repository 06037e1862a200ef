/**
 * Review threads and their comments, stored beside the project's document (comment_threads,
 * comments), never inside it: a comment never changes the document, its version or its DDL. Every
 * lookup is by project id and thread id together, so a thread id of another project is not found.
 */
import 'server-only';
import { commentAnchorSchema, type CommentAnchor } from '../../comments/anchor';
import { COMMENT_LIMITS } from '../../comments/limits';
import type { MentionCandidate } from '../../comments/mentions';
import type { CommentAuthorKind, CommentInfo, CommentThreadInfo } from '../../comments/types';
import { newId } from '../../model/ids';
import type { AppPrisma } from '../db/client';
import { HttpError } from '../http/error-response';

export interface CommentAuthor {
  /** A user id; null for the local user (solo) and for a share-link guest. */
  id: string | null;
  name: string;
  kind: CommentAuthorKind;
}

interface StoredMention {
  userId: string;
  handle: string;
}

const threadInclude = { comments: { orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }] } };

type ThreadRow = NonNullable<Awaited<ReturnType<AppPrisma['commentThread']['findFirst']>>> & {
  comments: Awaited<ReturnType<AppPrisma['comment']['findMany']>>;
};

function storedMentions(text: string): StoredMention[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((m): m is StoredMention => typeof m?.userId === 'string' && typeof m?.handle === 'string') : [];
  } catch {
    return [];
  }
}

function isAuthorKind(v: string): v is CommentAuthorKind {
  return v === 'solo' || v === 'user' || v === 'share';
}

/** Stored anchors were validated on the way in; one that no longer parses shows as an orphan. */
function anchorOf(text: string): CommentAnchor {
  try {
    const parsed = commentAnchorSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through
  }
  return { kind: 'section', slug: 'unknown', label: 'an element no longer known' };
}

/** Rows -> the API's shapes; mentioned users' current names are looked up once for all threads. */
async function toInfos(prisma: AppPrisma, rows: ThreadRow[]): Promise<CommentThreadInfo[]> {
  const ids = new Set<string>();
  for (const r of rows) for (const c of r.comments) for (const m of storedMentions(c.mentions)) ids.add(m.userId);
  const users = ids.size ? await prisma.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    anchor: anchorOf(r.anchor),
    createdAt: r.createdAt.toISOString(),
    resolved: r.resolvedAt !== null,
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    resolvedByName: r.resolvedAt ? (r.resolvedByName ?? null) : null,
    comments: r.comments.map(
      (c): CommentInfo => ({
        id: c.id,
        authorId: c.authorId,
        authorName: c.authorName,
        authorKind: isAuthorKind(c.authorKind) ? c.authorKind : 'user',
        body: c.body,
        mentions: storedMentions(c.mentions).map((m) => ({ ...m, name: names.get(m.userId) || m.handle })),
        createdAt: c.createdAt.toISOString(),
        editedAt: c.editedAt?.toISOString() ?? null,
      }),
    ),
  }));
}

export async function projectExists(prisma: AppPrisma, projectId: string): Promise<boolean> {
  return (await prisma.project.count({ where: { id: projectId } })) > 0;
}

/** The project's threads, oldest first, with their comments. */
export async function listThreads(prisma: AppPrisma, projectId: string): Promise<CommentThreadInfo[]> {
  const rows = await prisma.commentThread.findMany({ where: { projectId }, include: threadInclude, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  return toInfos(prisma, rows);
}

async function threadInfo(prisma: AppPrisma, projectId: string, threadId: string): Promise<CommentThreadInfo | null> {
  const row = await prisma.commentThread.findFirst({ where: { id: threadId, projectId }, include: threadInclude });
  return row ? (await toInfos(prisma, [row]))[0] : null;
}

/** Who can be mentioned on the project: its members (none in solo mode, where nobody has an account). */
export async function mentionCandidates(prisma: AppPrisma, projectId: string): Promise<MentionCandidate[]> {
  const members = await prisma.projectMember.findMany({ where: { projectId }, include: { user: { select: { id: true, name: true, email: true } } } });
  return members.map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email }));
}

async function requireRoom(prisma: AppPrisma, projectId: string): Promise<void> {
  const n = await prisma.comment.count({ where: { thread: { projectId } } });
  if (n >= COMMENT_LIMITS.commentsPerProject) {
    throw new HttpError(409, 'too_many_comments', `This project has ${n.toLocaleString('en-US')} comments, the most Draftbase keeps for one project.`);
  }
}

function commentData(author: CommentAuthor, body: string, mentions: StoredMention[]) {
  return { id: newId('cmt'), authorId: author.id, authorName: author.name, authorKind: author.kind, body, mentions: JSON.stringify(mentions) };
}

export async function createThread(
  prisma: AppPrisma,
  input: { projectId: string; anchor: CommentAnchor; author: CommentAuthor; body: string; mentions: StoredMention[] },
): Promise<CommentThreadInfo> {
  await requireRoom(prisma, input.projectId);
  const id = newId('cth');
  await prisma.commentThread.create({
    data: { id, projectId: input.projectId, anchor: JSON.stringify(input.anchor), createdById: input.author.id, comments: { create: [commentData(input.author, input.body, input.mentions)] } },
  });
  return (await threadInfo(prisma, input.projectId, id))!;
}

/** A reply; null when the project has no such thread. */
export async function addReply(
  prisma: AppPrisma,
  input: { projectId: string; threadId: string; author: CommentAuthor; body: string; mentions: StoredMention[] },
): Promise<CommentThreadInfo | null> {
  const thread = await prisma.commentThread.findFirst({ where: { id: input.threadId, projectId: input.projectId }, select: { id: true } });
  if (!thread) return null;
  await requireRoom(prisma, input.projectId);
  await prisma.comment.create({ data: { ...commentData(input.author, input.body, input.mentions), threadId: thread.id } });
  return threadInfo(prisma, input.projectId, thread.id);
}

/** Resolves or reopens a thread; null when the project has no such thread. */
export async function setResolved(
  prisma: AppPrisma,
  input: { projectId: string; threadId: string; resolved: boolean; by: CommentAuthor },
): Promise<CommentThreadInfo | null> {
  const data = input.resolved ? { resolvedAt: new Date(), resolvedById: input.by.id, resolvedByName: input.by.name } : { resolvedAt: null, resolvedById: null, resolvedByName: null };
  const { count } = await prisma.commentThread.updateMany({ where: { id: input.threadId, projectId: input.projectId }, data });
  return count ? threadInfo(prisma, input.projectId, input.threadId) : null;
}

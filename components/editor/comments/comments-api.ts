/**
 * The editor's calls to the comments API (lib/api/teams.ts). A share-link page passes its token,
 * sent as the share header on every call; everything else is the signed-in session or solo.
 */
import { SHARE_HEADER } from '@/lib/api/teams';
import type { CommentAnchor } from '@/lib/comments/anchor';
import type { CommentThreadInfo } from '@/lib/comments/types';

export class CommentsApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'CommentsApiError';
  }
}

export interface CommentsApi {
  list(): Promise<CommentThreadInfo[]>;
  start(anchor: CommentAnchor, body: string, authorName?: string): Promise<CommentThreadInfo>;
  reply(threadId: string, body: string, authorName?: string): Promise<CommentThreadInfo>;
  setResolved(threadId: string, resolved: boolean, authorName?: string): Promise<CommentThreadInfo>;
}

export function createCommentsApi(projectId: string, options: { shareToken?: string; fetchFn?: typeof fetch } = {}): CommentsApi {
  const base = `/api/projects/${encodeURIComponent(projectId)}/comments`;
  const fetchFn = options.fetchFn ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const call = async (path: string, method: string, body?: unknown): Promise<unknown> => {
    const headers: Record<string, string> = {};
    if (options.shareToken) headers[SHARE_HEADER] = options.shareToken;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetchFn(`${base}${path}`, { method, headers, cache: 'no-store', body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      throw new CommentsApiError(`the server is unreachable (${e instanceof Error ? e.message : String(e)})`, 0);
    }
    const json: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const err = (json as { error?: { message?: unknown; code?: unknown } } | undefined)?.error;
      throw new CommentsApiError(typeof err?.message === 'string' ? err.message : `HTTP ${res.status}`, res.status, typeof err?.code === 'string' ? err.code : undefined);
    }
    return json;
  };
  const thread = async (p: Promise<unknown>) => (await p as { thread: CommentThreadInfo }).thread;
  const named = (authorName?: string) => (authorName ? { authorName } : {});
  return {
    list: async () => ((await call('', 'GET')) as { threads: CommentThreadInfo[] }).threads,
    start: (anchor, body, authorName) => thread(call('', 'POST', { anchor, body, ...named(authorName) })),
    reply: (threadId, body, authorName) => thread(call(`/${encodeURIComponent(threadId)}/replies`, 'POST', { body, ...named(authorName) })),
    setResolved: (threadId, resolved, authorName) => thread(call(`/${encodeURIComponent(threadId)}`, 'PATCH', { resolved, ...named(authorName) })),
  };
}

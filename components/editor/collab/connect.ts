/**
 * Joining a project's live session (issue 19): ask the app (GET /api/projects/:id/collab, through
 * apiFetch so a share link's header goes along), open the sync server with the signed ticket, and wait
 * for the first sync: the server fills the Y.Doc from the stored document, the client never does (two
 * clients initialising an empty Y.Doc would each create the root's maps). Anything short of a synced
 * document (live editing off, no sync server, a refused ticket, a timeout) is a fallback to the REST
 * saver, the editor as it was before live editing.
 */
import * as Y from 'yjs';
import { HocuspocusProvider } from '@hocuspocus/provider';
import { CollabJoinSchema, type CollabUser } from '@/lib/api/collab';
import { apiFetch } from '../api-fetch';

export interface LiveConnection {
  provider: HocuspocusProvider;
  ydoc: Y.Doc;
  user: CollabUser;
  readOnly: boolean;
}

export type JoinResult = { live: LiveConnection } | { fallback: string };

/** How long the first sync may take before the editor opens on the REST saver instead. */
export const FIRST_SYNC_TIMEOUT_MS = 8000;

async function fetchJoin(projectId: string, signal?: AbortSignal) {
  const res = await apiFetch(`/api/projects/${encodeURIComponent(projectId)}/collab`, { cache: 'no-store', signal });
  if (!res.ok) throw new Error(`live session unavailable (HTTP ${res.status})`);
  const parsed = CollabJoinSchema.safeParse(await res.json());
  if (!parsed.success) throw new Error('live session answer not understood');
  return parsed.data;
}

export async function joinLive(projectId: string, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<JoinResult> {
  let join;
  try {
    join = await fetchJoin(projectId, options.signal);
  } catch (e) {
    return { fallback: e instanceof Error ? e.message : String(e) };
  }
  if (!join.enabled) return { fallback: join.reason };
  const ydoc = new Y.Doc();
  // The first ticket came with the join; every later (re)connect asks for a fresh one (TTL 60 s).
  let firstTicket: string | undefined = join.ticket;
  const provider = new HocuspocusProvider({
    url: join.url,
    name: join.documentName,
    document: ydoc,
    token: async () => {
      const t = firstTicket;
      firstTicket = undefined;
      if (t) return t;
      const again = await fetchJoin(projectId);
      if (!again.enabled) throw new Error(again.reason);
      return again.ticket;
    },
  });
  const outcome = await new Promise<'synced' | string>((resolve) => {
    const timer = setTimeout(() => resolve('the live session did not answer in time'), options.timeoutMs ?? FIRST_SYNC_TIMEOUT_MS);
    const done = (r: string) => {
      clearTimeout(timer);
      provider.off('synced', onSynced);
      provider.off('authenticationFailed', onFailed);
      resolve(r);
    };
    const onSynced = () => done('synced');
    const onFailed = ({ reason }: { reason: string }) => done(`the live session refused this tab (${reason})`);
    provider.on('synced', onSynced);
    provider.on('authenticationFailed', onFailed);
    options.signal?.addEventListener('abort', () => done('aborted'));
  });
  if (outcome !== 'synced') {
    provider.destroy();
    ydoc.destroy();
    return { fallback: outcome };
  }
  return { live: { provider, ydoc, user: join.user, readOnly: join.readOnly } };
}

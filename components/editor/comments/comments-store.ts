/**
 * The editor's review comments: a small store beside the editor store (as the design review's is)
 * holding the project's threads, the Comments panel's state, and what the canvas and the design-doc
 * preview draw from them: open threads per table and per section. A table node reads one number
 * from `tableCounts`, so a thread added elsewhere re-renders only the nodes whose count changed.
 *
 * Comments live beside the document, not in it: nothing here dispatches a command or touches the
 * document's history.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CommentAnchor } from '@/lib/comments/anchor';
import { openCountsBySection, openCountsByTable, type ThreadFilter } from '@/lib/comments/group';
import type { CommentThreadInfo } from '@/lib/comments/types';
import type { SchemaDocument } from '@/lib/model/document';
import type { EditorState } from '../store/editor-store';
import { CommentsApiError, type CommentsApi } from './comments-api';

export interface CommentsAccess {
  /** The role may start, reply to, resolve and reopen threads. */
  canComment: boolean;
  /** A share-link guest: has no account, types a name with each comment. */
  guest: boolean;
}

export interface CommentsState {
  status: 'loading' | 'ready' | 'error';
  error?: string;
  threads: CommentThreadInfo[];
  access: CommentsAccess;
  open: boolean;
  filter: ThreadFilter;
  /** The element group the panel scrolls to (anchorKey, or `table:<id>` from a canvas marker). */
  focusKey?: string;
  tableCounts: ReadonlyMap<string, number>;
  sectionCounts: ReadonlyMap<string, number>;
}

export interface CommentsController {
  store: StoreApi<CommentsState>;
  load(): Promise<void>;
  start(anchor: CommentAnchor, body: string, authorName?: string): Promise<CommentThreadInfo>;
  reply(threadId: string, body: string, authorName?: string): Promise<CommentThreadInfo>;
  setResolved(threadId: string, resolved: boolean, authorName?: string): Promise<CommentThreadInfo>;
  setOpen(open: boolean | ((open: boolean) => boolean)): void;
  setFilter(filter: ThreadFilter): void;
  /** Opens the panel at an element's threads. */
  focus(key: string): void;
  dispose(): void;
}

/** A count map equal to the previous one is kept, so selectors reading it see no change. */
function sameCounts(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/** How often an open editor picks up others' comments (also on focus). */
export const COMMENTS_REFRESH_MS = 30_000;

export function createCommentsController(editor: StoreApi<EditorState>, api: CommentsApi, access: CommentsAccess): CommentsController {
  const store = createStore<CommentsState>()(() => ({
    status: 'loading',
    threads: [],
    access,
    open: false,
    filter: 'open',
    tableCounts: new Map(),
    sectionCounts: new Map(),
  }));

  const counted = (threads: CommentThreadInfo[], doc: SchemaDocument): Partial<CommentsState> => {
    const s = store.getState();
    const tableCounts = openCountsByTable(threads, doc);
    const sectionCounts = openCountsBySection(threads);
    return { tableCounts: sameCounts(s.tableCounts, tableCounts) ? s.tableCounts : tableCounts, sectionCounts: sameCounts(s.sectionCounts, sectionCounts) ? s.sectionCounts : sectionCounts };
  };
  const setThreads = (threads: CommentThreadInfo[]) => store.setState({ threads, status: 'ready', error: undefined, ...counted(threads, editor.getState().doc) });
  const upsert = (thread: CommentThreadInfo) => {
    const threads = store.getState().threads;
    const at = threads.findIndex((t) => t.id === thread.id);
    setThreads(at < 0 ? [...threads, thread] : threads.map((t, i) => (i === at ? thread : t)));
    return thread;
  };
  /** A 403 means the role changed under us: the panel turns read-only. */
  const guard = async <T>(p: Promise<T>): Promise<T> => {
    try {
      return await p;
    } catch (e) {
      if (e instanceof CommentsApiError && e.status === 403) store.setState({ access: { ...store.getState().access, canComment: false } });
      throw e;
    }
  };

  // Only a relationship thread's table depends on the document (its child table): recount when
  // relationships change and such a thread is open.
  const unsubscribe = editor.subscribe((s, prev) => {
    if (s.doc.relationships === prev.doc.relationships) return;
    const threads = store.getState().threads;
    if (threads.some((t) => !t.resolved && t.anchor.kind === 'relationship')) store.setState(counted(threads, s.doc));
  });

  let loading: Promise<void> | undefined;
  const load = () =>
    (loading ??= api
      .list()
      .then(setThreads, (e: unknown) => {
        // Keep what is shown; say why it could not be refreshed.
        store.setState({ status: store.getState().threads.length ? 'ready' : 'error', error: e instanceof Error ? e.message : String(e) });
      })
      .finally(() => {
        loading = undefined;
      }));

  const refresh = () => {
    if (typeof document === 'undefined' || document.visibilityState === 'visible') void load();
  };
  const timer = typeof window === 'undefined' ? undefined : window.setInterval(refresh, COMMENTS_REFRESH_MS);
  if (typeof window !== 'undefined') window.addEventListener('focus', refresh);

  return {
    store,
    load,
    start: (anchor, body, authorName) => guard(api.start(anchor, body, authorName)).then(upsert),
    reply: (threadId, body, authorName) => guard(api.reply(threadId, body, authorName)).then(upsert),
    setResolved: (threadId, resolved, authorName) => guard(api.setResolved(threadId, resolved, authorName)).then(upsert),
    setOpen: (open) => store.setState((s) => ({ open: typeof open === 'function' ? open(s.open) : open })),
    setFilter: (filter) => store.setState({ filter }),
    focus: (key) => store.setState({ open: true, focusKey: key, filter: 'open' }),
    dispose() {
      unsubscribe();
      if (timer !== undefined) window.clearInterval(timer);
      if (typeof window !== 'undefined') window.removeEventListener('focus', refresh);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// React access

export const CommentsContext = createContext<CommentsController | null>(null);

/** Outside an editor with comments (e.g. a test canvas): no threads, nothing to mark. */
const NO_COMMENTS = createStore<CommentsState>()(() => ({
  status: 'ready',
  threads: [],
  access: { canComment: false, guest: false },
  open: false,
  filter: 'open',
  tableCounts: new Map(),
  sectionCounts: new Map(),
}));

export function useComments<T>(selector: (s: CommentsState) => T): T {
  return useStore(useContext(CommentsContext)?.store ?? NO_COMMENTS, selector);
}

export function useCommentsController(): CommentsController | null {
  return useContext(CommentsContext);
}

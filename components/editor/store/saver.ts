/**
 * Autosave: a small state machine between the editor store and `PUT /api/projects/:id`.
 *
 *   saved --edit--> dirty --(debounce)--> saving --200--> saved (or dirty again if edited meanwhile)
 *                                          saving --409--> conflict   (stops; the user chooses)
 *   dirty --(debounce, the server known to be ahead)--> conflict   (no doomed PUT is sent)
 *                                          saving --network error--> offline --(backoff)--> saving
 *                                          saving --5xx--> error --(backoff)--> saving
 *                                          saving --4xx--> error      (waits for the next edit)
 *
 * The edit is never dropped: the document stays in the store, and the next attempt sends whatever
 * the store holds then. A conflict never overwrites: saving stops until the user merges, reloads
 * theirs or keeps theirs as a copy (all handled by the page). The server is known to be ahead when
 * remote-watch.ts polled a newer version or a 409 named one (store.remote, isBehind).
 */
import type { StoreApi } from 'zustand/vanilla';
import { apiFetch } from '../api-fetch';
import type { SchemaDocument } from '@/lib/model/document';
import { isBehind, type EditorState, type SaveState } from './editor-store';

export type PutOutcome =
  | { kind: 'ok'; version: number }
  | { kind: 'conflict'; currentVersion?: number; message: string }
  | { kind: 'offline'; message: string }
  | { kind: 'error'; message: string; retry: boolean };

export interface Saver {
  /** Called once by createEditorStore: the saver follows the store's document from now on. */
  attach(store: StoreApi<EditorState>): void;
  /** The document now matches the server at this point (after a reload): nothing to save. */
  reset(doc: SchemaDocument): void;
  /** The document the server last acknowledged from this tab (or loaded): the base of a merge. */
  base(): SchemaDocument | undefined;
  /**
   * The server's document at `version` is now the base (a merge with it was just applied): the next
   * save sends If-Match `version`, and only if the store's document differs from `serverDoc`.
   */
  rebase(serverDoc: SchemaDocument, version: number): void;
  /** Saves now if there are unsaved changes; resolves when that attempt ends. */
  flush(): Promise<void>;
  /** True while the store holds changes the server has not acknowledged. */
  hasUnsavedChanges(): boolean;
  /** Stops timers and the subscription. */
  dispose(): void;
}

export interface SaverOptions {
  fetch?: typeof fetch;
  /** How one save is sent; default: putProject with `fetch` on this thread. */
  put?: (projectId: string, doc: SchemaDocument, version: number) => Promise<PutOutcome>;
  /** Quiet time after the last edit before saving. */
  debounceMs?: number;
  /** First retry delay after a network or server error; doubles up to retryMaxMs. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /**
   * Where `online` events come from (default: the window, when there is one): when the browser
   * says the network is back, a pending retry runs at once instead of after its backoff.
   */
  onlineEvents?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
}

export const DEFAULT_DEBOUNCE_MS = 800;

/** One PUT with If-Match, its response turned into an outcome. Never throws. */
export async function putProject(
  fetchFn: typeof fetch,
  projectId: string,
  doc: SchemaDocument,
  version: number,
): Promise<PutOutcome> {
  let res: Response;
  try {
    res = await fetchFn(`/api/projects/${encodeURIComponent(projectId)}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'if-match': String(version) },
      body: JSON.stringify({ document: doc }),
    });
  } catch (e) {
    return { kind: 'offline', message: `server unreachable (${e instanceof Error ? e.message : String(e)}); your changes are kept and will be retried` };
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (res.ok) {
    const version = readNumber(body, ['version']);
    if (version === undefined) return { kind: 'error', message: 'the server answered without a version', retry: false };
    return { kind: 'ok', version };
  }
  const message = readString(body, ['error', 'message']) ?? `HTTP ${res.status}`;
  if (res.status === 409) {
    return { kind: 'conflict', currentVersion: readNumber(body, ['error', 'currentVersion']), message };
  }
  // 5xx and 429 are transient; other 4xx mean this document will be refused again as it is.
  const retry = res.status >= 500 || res.status === 429;
  return { kind: 'error', message: `save failed: ${message}`, retry };
}

export function createSaver(options: SaverOptions = {}): Saver {
  const fetchFn = options.fetch ?? apiFetch;
  const put = options.put ?? ((projectId: string, doc: SchemaDocument, version: number) => putProject(fetchFn, projectId, doc, version));
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const retryBaseMs = options.retryBaseMs ?? 1000;
  const retryMaxMs = options.retryMaxMs ?? 30_000;

  let store: StoreApi<EditorState> | undefined;
  let unsubscribe: (() => void) | undefined;
  /** The document the server has acknowledged. */
  let savedDoc: SchemaDocument | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | undefined;
  let failures = 0;
  const onlineEvents = options.onlineEvents ?? (typeof window !== 'undefined' ? window : undefined);
  const onOnline = () => {
    if (store && state().saveState.status === 'offline') {
      failures = 0;
      void save();
    }
  };

  const state = () => store!.getState();
  const setSave = (s: SaveState) => store!.getState().setSaveState(s);
  const clearTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
  const schedule = (ms: number) => {
    clearTimer();
    timer = setTimeout(() => {
      timer = undefined;
      void save();
    }, ms);
  };

  const onDocChange = () => {
    const { saveState, doc } = state();
    if (saveState.status === 'conflict') return; // the user decides; nothing is sent meanwhile
    if (inFlight) return; // the end of the current save looks at the document again
    if (doc === savedDoc) {
      clearTimer();
      if (saveState.status !== 'saved') setSave({ status: 'saved', version: saveState.version });
      return;
    }
    if (saveState.status === 'offline' || (saveState.status === 'error' && timer !== undefined)) return; // retry pending
    setSave({ status: 'dirty', version: saveState.version });
    schedule(debounceMs);
  };

  const save = (): Promise<void> => {
    if (inFlight) return inFlight;
    clearTimer();
    const { doc, saveState, projectId, remote } = state();
    if (saveState.status === 'conflict') return Promise.resolve();
    if (doc === savedDoc) {
      if (saveState.status !== 'saved') setSave({ status: 'saved', version: saveState.version });
      return Promise.resolve();
    }
    if (remote && isBehind(state())) {
      // The server would refuse it (409): ask the user now instead of sending it.
      setSave({
        status: 'conflict',
        version: saveState.version,
        currentVersion: remote.version,
        message: `version ${remote.version} was saved elsewhere since you loaded version ${saveState.version}`,
      });
      return Promise.resolve();
    }
    setSave({ status: 'saving', version: saveState.version });
    inFlight = put(projectId, doc, saveState.version).then((outcome) => {
      inFlight = undefined;
      if (!store) return;
      const version = state().saveState.version;
      switch (outcome.kind) {
        case 'ok': {
          failures = 0;
          savedDoc = doc;
          if (state().doc === doc) {
            setSave({ status: 'saved', version: outcome.version });
          } else {
            setSave({ status: 'dirty', version: outcome.version });
            schedule(debounceMs);
          }
          return;
        }
        case 'conflict':
          if (outcome.currentVersion !== undefined) state().setRemote({ version: outcome.currentVersion });
          setSave({ status: 'conflict', version, currentVersion: outcome.currentVersion, message: outcome.message });
          return;
        case 'offline':
          setSave({ status: 'offline', version, message: outcome.message });
          schedule(backoff());
          return;
        case 'error':
          setSave({ status: 'error', version, message: outcome.message });
          if (outcome.retry) schedule(backoff());
          return;
        default: {
          const never: never = outcome;
          return never;
        }
      }
    });
    return inFlight;
  };

  const backoff = () => {
    const ms = Math.min(retryMaxMs, retryBaseMs * 2 ** failures);
    failures += 1;
    return ms;
  };

  return {
    attach(s) {
      store = s;
      savedDoc = s.getState().doc;
      unsubscribe = s.subscribe((next, prev) => {
        if (next.doc !== prev.doc) onDocChange();
      });
      onlineEvents?.addEventListener('online', onOnline);
    },
    reset(doc) {
      clearTimer();
      failures = 0;
      savedDoc = doc;
    },
    base() {
      return savedDoc;
    },
    rebase(serverDoc, version) {
      clearTimer();
      failures = 0;
      savedDoc = serverDoc;
      if (store) setSave({ status: state().doc === serverDoc ? 'saved' : 'dirty', version });
    },
    flush() {
      return save();
    },
    hasUnsavedChanges() {
      return !!store && (state().doc !== savedDoc || inFlight !== undefined);
    },
    dispose() {
      clearTimer();
      unsubscribe?.();
      onlineEvents?.removeEventListener('online', onOnline);
      store = undefined;
    },
  };
}

function readPath(body: unknown, path: string[]): unknown {
  let cur: unknown = body;
  for (const key of path) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function readNumber(body: unknown, path: string[]): number | undefined {
  const v = readPath(body, path);
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function readString(body: unknown, path: string[]): string | undefined {
  const v = readPath(body, path);
  return typeof v === 'string' ? v : undefined;
}

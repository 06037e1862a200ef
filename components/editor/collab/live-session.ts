/**
 * A live session in the browser (issue 19): the connection (connect.ts), the store binding
 * (collab-session.ts) and presence (presence-model.ts) held together for the page's lifetime, with the
 * small state the UI reads: connection status, unsynced edits, the others here.
 *
 * Offline is explicit: when the browser says the network is gone the provider is disconnected (so no
 * half-dead socket swallows edits), the editor keeps working on the local Y.Doc, and when the network
 * is back the provider reconnects with a fresh ticket and Yjs merges both sides.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Presence } from '@/lib/collab/presence';
import { createEditorStore, sameSelection, type EditorInit, type EditorState } from '../store/editor-store';
import { createCollabSession, type CollabSession } from './collab-session';
import type { LiveConnection } from './connect';
import type { Saver } from '../store/saver';
import { peersFrom, selectionPresence, SelectionMemory, type Peer } from './presence-model';

export type ConnectionStatus = 'connected' | 'connecting' | 'disconnected';

export interface LiveState {
  connection: ConnectionStatus;
  /** The browser reports no network (navigator.onLine false). */
  offline: boolean;
  /** Updates sent or made that the server has not acknowledged yet (the provider's count). */
  unsynced: number;
  peers: Peer[];
}

export interface LiveSession {
  readonly connection: LiveConnection;
  readonly session: CollabSession;
  readonly store: StoreApi<EditorState>;
  readonly state: StoreApi<LiveState>;
  /** My pointer on the canvas in flow coordinates (null: off the canvas); sent at most ~30 times a second. */
  setCursor(cursor: { x: number; y: number } | null): void;
  /** The narrative section I am typing in, or null. */
  setTyping(section: string | null): void;
  /** True when closing the tab now would lose edits the server has not acknowledged. */
  hasUnsyncedChanges(): boolean;
  dispose(): void;
}

const CURSOR_INTERVAL_MS = 33;

/**
 * Builds the replica on the synced Y.Doc and the editor store over it (commands through the replica,
 * no saver), and starts presence. `init.readOnly` (the role) wins; the join's readOnly adds to it.
 */
export function startLiveSession(connection: LiveConnection, init: Omit<EditorInit, 'doc' | 'collab' | 'saver'>): LiveSession {
  const { provider, ydoc, user } = connection;
  const memory = new SelectionMemory();
  // The origin is this tab's (user id + Yjs client id): undo takes back this tab's changes only.
  const session = createCollabSession(ydoc, `${user.id}#${ydoc.clientID}`, { deleterOf: (id) => memory.deleterOf(id) });
  const readOnly = init.readOnly ?? (connection.readOnly ? 'Read-only: this live session is view-only' : undefined);
  const store = createEditorStore({ ...init, doc: session.replica.doc, collab: session.engine, readOnly });
  const unbind = session.bind(store);
  const online = () => typeof navigator === 'undefined' || navigator.onLine !== false;
  const state = createStore<LiveState>()(() => ({ connection: 'connected', offline: !online(), unsynced: provider.unsyncedChanges, peers: [] }));

  const awareness = provider.awareness;
  const me: Presence = { user, cursor: null, selection: selectionPresence(store.getState().selection), typing: null };
  awareness?.setLocalState(me);
  const publish = (field: keyof Omit<Presence, 'user'>, value: unknown) => awareness?.setLocalStateField(field, value);

  const onAwareness = () => {
    if (!awareness) return;
    const peers = peersFrom(awareness.getStates(), ydoc.clientID);
    memory.see(peers);
    state.setState({ peers });
  };
  awareness?.on('change', onAwareness);
  onAwareness();

  const stopSelection = store.subscribe((next, prev) => {
    if (!sameSelection(next.selection, prev.selection)) publish('selection', selectionPresence(next.selection));
  });

  const onStatus = ({ status }: { status: string }) => {
    const connectionStatus: ConnectionStatus = status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'disconnected';
    state.setState({ connection: connectionStatus });
  };
  const onUnsynced = ({ number }: { number: number }) => state.setState({ unsynced: number });
  provider.on('status', onStatus);
  provider.on('unsyncedChanges', onUnsynced);

  const onOffline = () => {
    state.setState({ offline: true, connection: 'disconnected' });
    provider.disconnect();
  };
  const onOnline = () => {
    state.setState({ offline: false, connection: 'connecting' });
    void provider.connect();
  };
  if (typeof window !== 'undefined') {
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
  }

  // The pointer: the newest position goes out at most every CURSOR_INTERVAL_MS (a trailing send keeps the last one).
  let lastSent = 0;
  let pending: { x: number; y: number } | null | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flushCursor = () => {
    timer = undefined;
    if (pending === undefined) return;
    lastSent = Date.now();
    publish('cursor', pending && { x: Math.round(pending.x), y: Math.round(pending.y) });
    pending = undefined;
  };

  return {
    connection,
    session,
    store,
    state,
    setCursor(cursor) {
      pending = cursor;
      if (timer) return;
      const wait = CURSOR_INTERVAL_MS - (Date.now() - lastSent);
      if (wait <= 0) flushCursor();
      else timer = setTimeout(flushCursor, wait);
    },
    setTyping(section) {
      if ((awareness?.getLocalState() as Presence | null)?.typing !== section) publish('typing', section);
    },
    // The provider counts every update made, offline included, until the server acknowledges it.
    hasUnsyncedChanges: () => provider.unsyncedChanges > 0,
    dispose() {
      if (timer) clearTimeout(timer);
      if (typeof window !== 'undefined') {
        window.removeEventListener('offline', onOffline);
        window.removeEventListener('online', onOnline);
      }
      stopSelection();
      awareness?.off('change', onAwareness);
      provider.off('status', onStatus);
      provider.off('unsyncedChanges', onUnsynced);
      unbind();
      session.destroy();
      provider.destroy();
      ydoc.destroy();
    },
  };
}

/**
 * What the panels that ask the saver get in a live session (Versions saves "the saved design first"):
 * nothing to save here, and flush waits until the sync server has acknowledged this tab's edits (it
 * stores them; the canonical document is its write-back), for at most `timeoutMs`.
 */
export function liveSaver(live: Pick<LiveSession, 'hasUnsyncedChanges'>, timeoutMs = 5000): Saver {
  return {
    attach: () => undefined,
    reset: () => undefined,
    base: () => undefined,
    rebase: () => undefined,
    async flush() {
      const until = Date.now() + timeoutMs;
      while (live.hasUnsyncedChanges() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    },
    hasUnsavedChanges: () => false,
    dispose: () => undefined,
  };
}

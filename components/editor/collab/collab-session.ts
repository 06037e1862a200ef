/**
 * The editor store bound to a live session (issue 19): no React, no network, testable in Node with two
 * stores on two Y.Docs. The flow stays one-way:
 *
 *   store.dispatch(command) -> engine.dispatch -> CollabReplica.dispatch (patches -> one Y transaction
 *     with this tab's origin) -> the store commits the replica's document
 *   someone else's transaction (or my undo, which Yjs performs) -> replica.onChange -> store.applyRemote
 *
 * Nothing copies the store back into Yjs: the store never writes the document except through a command.
 * Undo and redo are the replica's Y.UndoManager, which tracks this tab's origin only (MY changes); the
 * store's past/future hold their labels so the toolbar and the keys read them as in solo mode.
 *
 * What the user is told (through the store's lastChanges, shown as the usual toast):
 * - a repair made after a merge (a foreign key whose column someone else removed...), in the
 *   commands' own words, prefixed so it reads as the merge's doing, not the user's;
 * - deletion wins: a table this user has selected (the inspector shows it) deleted by someone else:
 *   who (from presence: the last person seen selecting it), and that the edits inside it went with it.
 */
import type * as Y from 'yjs';
import type { StoreApi } from 'zustand/vanilla';
import { CollabReplica, type ReplicaChange } from '@/lib/collab/replica';
import type { Change, Command, CommandResult } from '@/lib/model/commands/apply';
import type { SchemaDocument } from '@/lib/model/document';
import { selectedTableIds, type CollabEngine, type EditorState, type HistoryEntry } from '../store/editor-store';

/** Prefix of a repair explained to the user: the merge did it, not them. */
export const REPAIR_PREFIX = 'Merged with someone else’s edit: ';

export interface CollabSessionOptions {
  /** Who most probably deleted a table (presence: the last person seen selecting it), for the notice. */
  deleterOf?: (tableId: string) => string | undefined;
}

export interface CollabSession {
  readonly replica: CollabReplica;
  /** What createEditorStore takes as `collab`: commands, undo and redo go through the replica. */
  readonly engine: CollabEngine;
  /** Follows the replica into the store (remote changes, history); returns the unbinding. */
  bind(store: StoreApi<EditorState>): () => void;
  /** Local commands made since the session started (for "N unsynced edits" when the provider cannot say). */
  localEdits(): number;
  destroy(): void;
}

const LABEL = 'label';

/**
 * A session over a Y.Doc that already holds the project (the server initialised it; the client never
 * does). `user` is this tab's identity: the origin is per replica, so two tabs of one person each undo
 * their own changes.
 */
export function createCollabSession(ydoc: Y.Doc, user: string, options: CollabSessionOptions = {}): CollabSession {
  const replica = new CollabReplica(ydoc, user);
  const um = replica.undoManager;
  let store: StoreApi<EditorState> | undefined;
  /** The label of the step being recorded (a command's, or the step undone or redone). */
  let pendingLabel: string | undefined;
  /** True while this tab's own undo or redo runs: its result arrives as a remote change, but is mine. */
  let undoing = false;
  let edits = 0;

  const onAdded = (event: { stackItem: { meta: Map<string, unknown> } }) => {
    if (!event.stackItem.meta.has(LABEL)) event.stackItem.meta.set(LABEL, pendingLabel ?? 'Edit');
  };
  um.on('stack-item-added', onAdded);

  const labelOf = (item: { meta: Map<string, unknown> } | undefined) => {
    const l = item?.meta.get(LABEL);
    return typeof l === 'string' ? l : 'Edit';
  };
  const entry = (label: string): HistoryEntry => ({ label, patches: [], inversePatches: [] });
  const syncHistory = () => {
    store?.getState().setHistory(
      um.undoStack.map((i) => entry(labelOf(i))),
      [...um.redoStack].reverse().map((i) => entry(labelOf(i))),
    );
  };

  const step = (stack: 'undo' | 'redo') => {
    const items = stack === 'undo' ? um.undoStack : um.redoStack;
    if (!items.length) return;
    pendingLabel = labelOf(items[items.length - 1]);
    undoing = true;
    try {
      if (stack === 'undo') replica.undo();
      else replica.redo();
    } finally {
      undoing = false;
      pendingLabel = undefined;
      syncHistory();
    }
  };

  const engine: CollabEngine = {
    dispatch(command: Command, label: string): CommandResult {
      pendingLabel = label;
      try {
        const result = replica.dispatch(command);
        if (result.patches.length) edits++;
        return result;
      } finally {
        pendingLabel = undefined;
        syncHistory();
      }
    },
    undo: () => step('undo'),
    redo: () => step('redo'),
  };

  const onChange = (change: ReplicaChange) => {
    if (!change.remote || !store) return; // my commands: the store commits the result itself
    const state = store.getState();
    const notices: Change[] = change.repairs.map((r) => ({ ...r, message: REPAIR_PREFIX + r.message }));
    if (!undoing) notices.unshift(...deletedUnderMe(state, change.doc, options.deleterOf));
    state.applyRemote(change.doc, notices);
  };

  return {
    replica,
    engine,
    bind(s) {
      store = s;
      const stop = replica.onChange(onChange);
      // The store may have been made from an older read of the replica: start from its document.
      s.getState().applyRemote(replica.doc, []);
      syncHistory();
      return () => {
        stop();
        if (store === s) store = undefined;
      };
    },
    localEdits: () => edits,
    destroy() {
      um.off('stack-item-added', onAdded);
      replica.destroy();
    },
  };
}

/** Tables this user has selected that a remote change deleted: deletion wins, and the user is told. */
function deletedUnderMe(state: EditorState, next: SchemaDocument, deleterOf: CollabSessionOptions['deleterOf']): Change[] {
  return selectedTableIds(state.selection)
    .filter((id) => state.doc.tables[id] && !next.tables[id])
    .map((id) => {
      const who = deleterOf?.(id) ?? 'Someone';
      const name = state.doc.tables[id].name;
      return {
        entityId: id,
        kind: 'removed' as const,
        message: `${who} deleted table ${name}; your edits inside it went with it — they can undo`,
      };
    });
}

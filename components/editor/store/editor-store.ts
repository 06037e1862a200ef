/**
 * The editor store: the one place in the browser that holds the document, the selection and the
 * history, and the only place that commits a change. Every edit is a Command from lib/model
 * (applied by `applyCommand`, which returns immer patches); undo/redo replay the stored patches.
 *
 * It is a vanilla zustand store so it can be tested in Node without a DOM; React reads it through
 * `useEditor(selector)` with narrow selectors (a table node selects its own table only).
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Patch } from 'immer';
import type { Dialect, SchemaDocument } from '@/lib/model/document';
import { applyCommand, describeCommand, redoPatches, undoPatches, type Change, type Command, type CommandResult } from '@/lib/model/commands/apply';
import type { Saver } from './saver';
import { loadedSqlParsers } from '@/lib/sql-parse/load';
import { renamePlanFor } from '@/lib/sql-parse/rename';

export type Selection =
  | { kind: 'none' }
  | { kind: 'tables'; tableIds: string[] }
  | { kind: 'column'; tableId: string; columnId: string }
  | { kind: 'relationship'; relationshipId: string }
  | { kind: 'index'; tableId: string; indexId: string }
  | { kind: 'note'; noteId: string }
  | { kind: 'area'; areaId: string };

export const NO_SELECTION: Selection = { kind: 'none' };

export interface HistoryEntry {
  label: string;
  patches: Patch[];
  inversePatches: Patch[];
}

export type SaveStatus = 'saved' | 'saving' | 'dirty' | 'offline' | 'conflict' | 'error';

export interface SaveState {
  status: SaveStatus;
  message?: string;
  /** The server version the document was last loaded or saved at (sent as If-Match). */
  version: number;
  /** On a conflict: the version another tab or user saved. */
  currentVersion?: number;
}

/** The newest version the server reported (polled, or named by a 409): another tab or person saved it. */
export interface RemoteState {
  version: number;
  /** When it was saved (ISO), when known. */
  updatedAt?: string;
}

/**
 * True when the server holds a version this tab has not seen: a save from here would be refused, so
 * the user is told and offered a merge. Not while a save of ours is in flight: the version we
 * polled may be that very save.
 */
export function isBehind(s: Pick<EditorState, 'remote' | 'saveState'>): boolean {
  return !!s.remote && s.remote.version > s.saveState.version && s.saveState.status !== 'saving';
}

/** A node position while it is being dragged: shown on the canvas, committed on drag end as one command. */
export type DragPositions = Readonly<Record<string, { x: number; y: number }>>;

export interface EditorState {
  projectId: string;
  name: string;
  doc: SchemaDocument;
  selection: Selection;
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** Integrity side effects of the last command (e.g. an index removed with its column), shown as a toast. */
  lastChanges: Change[];
  saveState: SaveState;
  /** The server's newest version when it is known to be ahead of ours (see isBehind). */
  remote: RemoteState | undefined;
  /** The DDL panel's dialect; starts as the document's dialect. */
  dialect: Dialect;
  /**
   * Why this user may not edit (their role, or a share link), or undefined when they may. While set,
   * dispatch, undo and redo refuse everything (the one guard: buttons, keys, drags and the inspector
   * all end in dispatch) and no saver is attached, so nothing is ever sent.
   */
  readOnly: string | undefined;
  /**
   * True in a live session (issue 19): commands go through the shared document (CollabEngine), the
   * history is the engine's (MY changes only), and no saver is attached: the sync server stores.
   */
  live: boolean;

  /** Applies a command, records one history entry, clears redo, schedules autosave. Never throws. */
  dispatch(command: Command): CommandResult | { error: string };
  undo(): void;
  redo(): void;
  select(selection: Selection): void;
  setDialect(dialect: Dialect): void;
  clearChanges(): void;

  // --- canvas view state (never saved, never in history) ---
  /** Live positions of nodes being dragged; merged over layout positions by toFlow. */
  dragPositions: DragPositions;
  setDragPositions(positions: DragPositions): void;
  /** A table whose name should open for inline editing (set right after adding it). */
  renameRequest: string | undefined;
  requestRename(tableId: string | undefined): void;
  /** Show one area only (undefined = all tables). */
  focusAreaId: string | undefined;
  setFocusArea(areaId: string | undefined): void;

  // --- persistence (driven by the Saver) ---
  setSaveState(state: SaveState): void;
  /** Records a version the server reported; older or equal ones than what is known are ignored. */
  setRemote(remote: RemoteState): void;
  /** Replaces the document with the server's (reload after a conflict); history starts afresh. */
  replaceDocument(doc: SchemaDocument, version: number): void;

  // --- live session (driven by components/editor/collab/collab-session.ts) ---
  /** A document that changed elsewhere (someone else, or my undo in Yjs); `changes` explain repairs. */
  applyRemote(doc: SchemaDocument, changes: Change[]): void;
  /** The engine's undo and redo stacks (labels only: the steps themselves live in the engine). */
  setHistory(past: HistoryEntry[], future: HistoryEntry[]): void;
}

/**
 * Where commands go in a live session: the shared document (CollabReplica behind
 * components/editor/collab/collab-session.ts). `dispatch` throws like applyCommand; undo and redo
 * land in the store through applyRemote, as Yjs reports them.
 */
export interface CollabEngine {
  dispatch(command: Command, label: string): CommandResult;
  undo(): void;
  redo(): void;
}

export interface EditorInit {
  projectId: string;
  name: string;
  version: number;
  doc: SchemaDocument;
  saver?: Saver;
  /** The reason edits are refused (readOnlyReason(access)); the saver is then never attached. */
  readOnly?: string;
  /** A live session: commands go through it; the saver is then never attached (the server stores). */
  collab?: CollabEngine;
}

/** Undo depth; older entries are dropped. Patches are small, so this is generous. */
export const HISTORY_LIMIT = 500;

export function createEditorStore(init: EditorInit): StoreApi<EditorState> {
  const store = createStore<EditorState>()((set, get) => {
    /** The new document after a change, with the selection pruned of elements that no longer exist. */
    const commitDoc = (doc: SchemaDocument, extra: Partial<EditorState>) => {
      set({ doc, selection: pruneSelection(doc, get().selection), ...extra });
    };

    return {
      projectId: init.projectId,
      name: init.name,
      doc: init.doc,
      selection: NO_SELECTION,
      past: [],
      future: [],
      lastChanges: [],
      saveState: { status: 'saved', version: init.version },
      remote: undefined,
      dialect: init.doc.settings.dialect,
      readOnly: init.readOnly,
      live: !!init.collab,
      dragPositions: {},
      focusAreaId: undefined,
      renameRequest: undefined,

      dispatch(command) {
        const { doc, past, readOnly } = get();
        if (readOnly) return { error: readOnly };
        let result: CommandResult;
        // A rename also rewrites the expressions and view bodies that name the old name (one undo step).
        const rename = renamePlanFor(doc, command, loadedSqlParsers());
        const engine = init.collab;
        try {
          const applied = rename?.command ?? command;
          result = engine ? engine.dispatch(applied, labelOf(command, doc)) : applyCommand(doc, applied);
          if (rename?.changes.length) result = { ...result, changes: [...result.changes, ...rename.changes] };
        } catch (e) {
          // A refused rename says why as the plain rename would, not as a step of the batch.
          if (rename && rename.command !== command) {
            try {
              applyCommand(doc, command);
            } catch (plain) {
              return { error: plain instanceof Error ? plain.message : String(plain) };
            }
          }
          return { error: e instanceof Error ? e.message : String(e) };
        }
        if (result.patches.length === 0) {
          set({ lastChanges: result.changes });
          return result;
        }
        // Live: the engine recorded the step on its undo stack (setHistory), the document is its result.
        if (engine) {
          commitDoc(result.doc, { lastChanges: result.changes });
          return result;
        }
        const label = labelOf(command, doc);
        const entry: HistoryEntry = { label, patches: result.patches, inversePatches: result.inversePatches };
        const nextPast = past.length >= HISTORY_LIMIT ? [...past.slice(past.length - HISTORY_LIMIT + 1), entry] : [...past, entry];
        commitDoc(result.doc, { past: nextPast, future: [], lastChanges: result.changes });
        return result;
      },

      undo() {
        if (init.collab) {
          if (!get().readOnly) init.collab.undo();
          return;
        }
        const { past, future, doc, readOnly } = get();
        const entry = past[past.length - 1];
        if (!entry || readOnly) return;
        commitDoc(undoPatches(doc, entry.inversePatches), { past: past.slice(0, -1), future: [entry, ...future], lastChanges: [] });
      },

      redo() {
        if (init.collab) {
          if (!get().readOnly) init.collab.redo();
          return;
        }
        const { past, future, doc, readOnly } = get();
        const entry = future[0];
        if (!entry || readOnly) return;
        commitDoc(redoPatches(doc, entry.patches), { past: [...past, entry], future: future.slice(1), lastChanges: [] });
      },

      select(selection) {
        if (sameSelection(get().selection, selection)) return;
        set({ selection });
      },

      setDialect(dialect) {
        set({ dialect });
      },

      clearChanges() {
        set({ lastChanges: [] });
      },

      setDragPositions(dragPositions) {
        if (get().readOnly) return;
        set({ dragPositions });
      },

      requestRename(renameRequest) {
        if (get().renameRequest !== renameRequest) set({ renameRequest });
      },

      setFocusArea(focusAreaId) {
        set({ focusAreaId });
      },

      setSaveState(saveState) {
        set({ saveState });
      },

      setRemote(remote) {
        // Live, the server's versions are its own write-backs of the session this tab is in: not news.
        if (init.collab) return;
        const known = get().remote;
        if (known && known.version >= remote.version) return;
        set({ remote });
      },

      replaceDocument(doc, version) {
        init.saver?.reset(doc);
        set({
          doc,
          selection: NO_SELECTION,
          past: [],
          future: [],
          lastChanges: [],
          dragPositions: {},
          saveState: { status: 'saved', version },
          dialect: doc.settings.dialect,
        });
      },

      applyRemote(doc, changes) {
        if (doc === get().doc && !changes.length) return;
        commitDoc(doc, changes.length ? { lastChanges: changes } : {});
      },

      setHistory(past, future) {
        set({ past, future });
      },
    };
  });
  // A read-only editor never saves: no saver follows its document. Nor does a live one: the sync
  // server stores the shared document.
  if (!init.readOnly && !init.collab) init.saver?.attach(store);
  return store;
}

function labelOf(command: Command, doc: SchemaDocument): string {
  try {
    return describeCommand(command, doc);
  } catch {
    return command.type;
  }
}

/** Drops references to elements that an undo, redo or removal took away. */
export function pruneSelection(doc: SchemaDocument, selection: Selection): Selection {
  switch (selection.kind) {
    case 'none':
      return selection;
    case 'tables': {
      const kept = selection.tableIds.filter((id) => doc.tables[id]);
      if (kept.length === selection.tableIds.length) return selection;
      return kept.length ? { kind: 'tables', tableIds: kept } : NO_SELECTION;
    }
    case 'column': {
      const t = doc.tables[selection.tableId];
      return t?.columns.some((c) => c.id === selection.columnId) ? selection : NO_SELECTION;
    }
    case 'relationship':
      return doc.relationships[selection.relationshipId] ? selection : NO_SELECTION;
    case 'index': {
      const t = doc.tables[selection.tableId];
      return t?.indexes.some((ix) => ix.id === selection.indexId) ? selection : NO_SELECTION;
    }
    case 'note':
      return doc.notes[selection.noteId] ? selection : NO_SELECTION;
    case 'area':
      return doc.areas[selection.areaId] ? selection : NO_SELECTION;
    default: {
      const never: never = selection;
      return never;
    }
  }
}

export function sameSelection(a: Selection, b: Selection): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'tables' && b.kind === 'tables') {
    return a.tableIds.length === b.tableIds.length && a.tableIds.every((id, i) => id === b.tableIds[i]);
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Table ids of the selection (tables, or the table of a selected column/index). */
export function selectedTableIds(selection: Selection): string[] {
  switch (selection.kind) {
    case 'tables':
      return selection.tableIds;
    case 'column':
    case 'index':
      return [selection.tableId];
    default:
      return [];
  }
}

// ---------------------------------------------------------------------------------------------
// React access

export const EditorStoreContext = createContext<StoreApi<EditorState> | null>(null);

/** The store itself, for event handlers that read state at call time (`store.getState()`). */
export function useEditorStore(): StoreApi<EditorState> {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditor must be used inside <EditorStoreContext.Provider>');
  return store;
}

/**
 * Reads the store through a selector; the component re-renders only when the selected value changes
 * (Object.is). Select narrowly: `useEditor((s) => s.doc.tables[id])`, not `useEditor((s) => s.doc)`.
 * For derived objects/arrays wrap the selector with zustand's `useShallow`.
 */
export function useEditor<T>(selector: (s: EditorState) => T): T {
  return useStore(useEditorStore(), selector);
}

/**
 * The editor's actions as data: one list read by the toolbar (label, tooltip, enabled, perform), the
 * keyboard handler (keys, enabled, perform) and the help overlay (label, group, keys), so what a key
 * does, what the button does and what the overlay says cannot drift apart.
 *
 * No React here: `perform` gets an ActionContext from the editor shell with the store and the few
 * view operations only the shell can do (React Flow's viewport, panels, dialogs).
 */
import type { StoreApi } from 'zustand/vanilla';
import type { Command, CommandResult } from '@/lib/model/commands/apply';
import type { LayoutScope } from '../layout/layout-input';
import { selectedTableIds, type EditorState } from '../store/editor-store';
import { comboIdentity, comboMatches, comboText, comboWeight, type KeyCombo, type KeyEventLike } from './keys';
import {
  addArea,
  addNote,
  columnMoveCommand,
  copySelection,
  deleteSelection,
  manyToMany,
  moveColumn,
  pasteClip,
  runLayout,
  type PendingDelete,
} from './edit-actions';

export type ActionGroup = 'Tables' | 'Edit' | 'View' | 'Help';
/** The help overlay's sections, in order. */
export const ACTION_GROUPS: readonly ActionGroup[] = ['Tables', 'Edit', 'View', 'Help'];

/** What `enabled` and tooltips may read: plain store state. */
export type ActionState = Pick<EditorState, 'doc' | 'selection' | 'past' | 'future'> & Partial<Pick<EditorState, 'readOnly'>>;

/** What `perform` may do: the store, plus what only the editor shell can do. */
export interface ActionContext {
  store: StoreApi<EditorState>;
  /** Dispatches a command; an error is shown as a toast and returned. */
  run(command: Command): CommandResult | { error: string };
  toast(message: string, kind?: 'info' | 'error'): void;
  /** The visible canvas's centre in flow coordinates (less half a new box). */
  viewCenter(): { x: number; y: number };
  /** Adds a table in free space near the view's centre or the selection, and opens its name. */
  addTable(): void;
  /** Asks before removing tables (the confirmation dialog runs the command). */
  confirmDelete(pending: PendingDelete): void;
  layout(scope: LayoutScope): void;
  zoomToFit(): void;
  openSearch(): void;
  openHelp(): void;
  toggleTheme(): void;
  toggleInspector(): void;
  toggleDdl(): void;
  toggleProblems(): void;
  /** The Versions panel: named versions, compare, restore, the migration between two (issue 17). */
  toggleVersions(): void;
}

export interface EditorAction {
  id: string;
  /** What it does, as the help overlay lists it and the toolbar's tooltip says it. */
  label: string;
  group: ActionGroup;
  /** Any of these triggers it; the first is the one tooltips name. */
  keys?: readonly KeyCombo[];
  /** Fires while a text field has focus (only combos with Ctrl/Cmd ever do). */
  whileTyping?: boolean;
  /** Fires while a modal dialog is open. */
  overDialogs?: boolean;
  /** When false the toolbar button is disabled and the key is left to the browser. */
  enabled?(state: ActionState): boolean;
  /** It changes the document: disabled (with the reason as its tooltip) while the editor is read-only. */
  edits?: boolean;
  /** The tooltip's words when they differ from the label (before the key, which is added). */
  title?(state: ActionState): string;
  perform(ctx: ActionContext): void;
}

const mod = (key: string, extra: Omit<KeyCombo, 'key' | 'mod'> = {}): KeyCombo => ({ key, mod: true, ...extra });

export const EDITOR_ACTIONS = [
  { id: 'addTable', edits: true, group: 'Tables', label: 'Add a table', keys: [{ key: 'n' }], perform: (c) => c.addTable() },
  { id: 'addNote', edits: true, group: 'Tables', label: 'Add a sticky note', perform: addNote },
  { id: 'addArea', edits: true, group: 'Tables', label: 'Group the selected tables into an area', perform: addArea },
  { id: 'manyToMany', edits: true, group: 'Tables', label: 'Link the two selected tables through a junction table', perform: manyToMany },
  { id: 'search', group: 'Tables', label: 'Search tables and columns', keys: [mod('k')], whileTyping: true, perform: (c) => c.openSearch() },
  {
    id: 'delete',
    edits: true,
    group: 'Tables',
    label: 'Delete the selection (asks first)',
    title: () => 'Delete the selection',
    keys: [{ key: 'Delete' }, { key: 'Backspace' }],
    enabled: (s) => s.selection.kind !== 'none',
    perform: deleteSelection,
  },
  { id: 'copy', group: 'Edit', label: 'Copy selected tables', keys: [mod('c')], perform: copySelection },
  { id: 'paste', edits: true, group: 'Edit', label: 'Paste tables', keys: [mod('v')], perform: pasteClip },
  {
    id: 'undo',
    edits: true,
    group: 'Edit',
    label: 'Undo',
    title: (s) => {
      const last = s.past.at(-1);
      return last ? `Undo: ${last.label}` : 'Undo';
    },
    keys: [mod('z')],
    enabled: (s) => s.past.length > 0,
    perform: (c) => c.store.getState().undo(),
  },
  {
    id: 'redo',
    edits: true,
    group: 'Edit',
    label: 'Redo',
    title: (s) => (s.future[0] ? `Redo: ${s.future[0].label}` : 'Redo'),
    keys: [mod('z', { shift: true }), mod('y')],
    enabled: (s) => s.future.length > 0,
    perform: (c) => c.store.getState().redo(),
  },
  {
    id: 'selectAll',
    group: 'Edit',
    label: 'Select all tables',
    keys: [mod('a')],
    perform: (c) => c.store.getState().select({ kind: 'tables', tableIds: Object.keys(c.store.getState().doc.tables) }),
  },
  {
    id: 'clearSelection',
    group: 'Edit',
    label: 'Clear the selection, close dialogs',
    keys: [{ key: 'Escape' }],
    overDialogs: true,
    perform: (c) => c.store.getState().select({ kind: 'none' }),
  },
  {
    id: 'moveColumnUp',
    edits: true,
    group: 'Edit',
    label: 'Move the selected column up',
    keys: [{ key: 'ArrowUp', alt: true }],
    enabled: (s) => columnMoveCommand(s, -1) !== undefined,
    perform: (c) => moveColumn(c, -1),
  },
  {
    id: 'moveColumnDown',
    edits: true,
    group: 'Edit',
    label: 'Move the selected column down',
    keys: [{ key: 'ArrowDown', alt: true }],
    enabled: (s) => columnMoveCommand(s, 1) !== undefined,
    perform: (c) => moveColumn(c, 1),
  },
  { id: 'zoomToFit', group: 'View', label: 'Zoom to fit', keys: [{ key: '1', shift: true }], perform: (c) => c.zoomToFit() },
  {
    id: 'autoLayout',
    edits: true,
    group: 'View',
    label: 'Auto-layout',
    keys: [{ key: 'l', shift: true }],
    // Two or more selected tables: those; otherwise everything.
    perform: (c) => runLayout(c, selectedTableIds(c.store.getState().selection).length > 1 ? 'selection' : 'all'),
  },
  { id: 'layoutAll', edits: true, group: 'View', label: 'Lay out everything', perform: (c) => runLayout(c, 'all') },
  { id: 'layoutSelection', edits: true, group: 'View', label: 'Lay out the selection', perform: (c) => runLayout(c, 'selection') },
  { id: 'layoutArea', edits: true, group: 'View', label: 'Lay out the area', perform: (c) => runLayout(c, 'area') },
  { id: 'toggleDdlPanel', group: 'View', label: 'Show or hide the DDL panel', keys: [{ key: 'd', shift: true }], perform: (c) => c.toggleDdl() },
  { id: 'toggleInspector', group: 'View', label: 'Show or hide the inspector', perform: (c) => c.toggleInspector() },
  {
    id: 'toggleProblems',
    group: 'View',
    label: 'Show or hide the Problems panel (the design review)',
    title: () => 'Problems: the design review’s findings',
    keys: [{ key: 'p', shift: true }],
    perform: (c) => c.toggleProblems(),
  },
  {
    id: 'toggleVersions',
    group: 'View',
    label: 'Show or hide Versions: save a named version, open, compare, restore, migrate',
    title: () => 'Versions: save a named version, compare, restore, migrate',
    keys: [{ key: 'v', shift: true }],
    perform: (c) => c.toggleVersions(),
  },
  { id: 'toggleDarkMode', group: 'View', label: 'Toggle dark mode', title: () => 'Dark mode', keys: [{ key: 'm', shift: true }], perform: (c) => c.toggleTheme() },
  { id: 'help', group: 'Help', label: 'Show keyboard shortcuts', title: () => 'Keyboard shortcuts', keys: [{ key: '?' }], perform: (c) => c.openHelp() },
] as const satisfies readonly EditorAction[];

export type ActionId = (typeof EDITOR_ACTIONS)[number]['id'];

const BY_ID = new Map<string, EditorAction>(EDITOR_ACTIONS.map((a) => [a.id, a]));

export function actionById(id: ActionId): EditorAction {
  return BY_ID.get(id)!;
}

export function isEnabled(action: EditorAction, state: ActionState): boolean {
  if (action.edits && state.readOnly) return false;
  return action.enabled?.(state) ?? true;
}

/** The toolbar's tooltip: the words, then the first key ('Undo: Rename table (Ctrl+Z)'). */
export function actionTooltip(action: EditorAction, state: ActionState, isMac: boolean): string {
  if (action.edits && state.readOnly) return state.readOnly;
  const words = action.title?.(state) ?? action.label;
  const key = action.keys?.[0];
  return key ? `${words} (${comboText(key, isMac)})` : words;
}

export interface KeyContext {
  isMac: boolean;
  /** The event's target takes text: plain keys type, only Ctrl/Cmd combos may be shortcuts. */
  inTextField?: boolean;
  /** A modal dialog is open: it owns the keyboard. */
  dialogOpen?: boolean;
}

/** The action a keypress triggers, if any (enabled or not; the caller asks). */
export function actionForKey(event: KeyEventLike, context: KeyContext, actions: readonly EditorAction[] = EDITOR_ACTIONS): EditorAction | undefined {
  let best: { action: EditorAction; weight: number } | undefined;
  for (const action of actions) {
    for (const combo of action.keys ?? []) {
      if (context.inTextField && !combo.mod) continue;
      if (!comboMatches(event, combo, context.isMac)) continue;
      // Longer combos win, so Ctrl+Shift+Z is redo even if an action bound Ctrl+Z loosely.
      const weight = Math.max(...action.keys!.map(comboWeight));
      if (!best || weight > best.weight) best = { action, weight };
    }
  }
  return best?.action;
}

/**
 * The action a keypress runs now, or undefined to leave the key to the browser: typing in a text
 * field keeps the browser's own undo/copy/paste/select-all (only `whileTyping` actions fire there),
 * a modal dialog owns the keyboard (except `overDialogs` actions), and a disabled action does nothing.
 */
export function actionToRun(event: KeyEventLike, context: KeyContext, state: ActionState, actions: readonly EditorAction[] = EDITOR_ACTIONS): EditorAction | undefined {
  const action = actionForKey(event, context, actions);
  if (!action) return undefined;
  if (context.inTextField && !action.whileTyping) return undefined;
  if (context.dialogOpen && !action.overDialogs) return undefined;
  return isEnabled(action, state) ? action : undefined;
}

/** The help overlay's content: every action with keys, by group, in list order. */
export function helpSections(actions: readonly EditorAction[] = EDITOR_ACTIONS): { group: ActionGroup; actions: EditorAction[] }[] {
  return ACTION_GROUPS.map((group) => ({ group, actions: actions.filter((a) => a.group === group && a.keys?.length) }));
}

/** Combos bound to more than one action (or twice to one), as "key: id, id"; empty when none. */
export function duplicateKeys(actions: readonly EditorAction[] = EDITOR_ACTIONS): string[] {
  const owners = new Map<string, string[]>();
  for (const a of actions) for (const c of a.keys ?? []) owners.set(comboIdentity(c), [...(owners.get(comboIdentity(c)) ?? []), a.id]);
  return [...owners].filter(([, ids]) => ids.length > 1).map(([key, ids]) => `${key}: ${ids.join(', ')}`);
}

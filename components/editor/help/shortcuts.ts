/**
 * The editor's keyboard shortcuts as data: one table used both by the canvas's key handler
 * (`matchesShortcut`) and by the help overlay (`formatCombo`), so the docs cannot drift from
 * what the keys do. Pure: no React, no DOM beyond the KeyboardEvent fields it reads.
 */

export interface KeyCombo {
  /** `KeyboardEvent.key`, compared case-insensitively ('k', 'Delete', '?', 'Escape'). */
  key: string;
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
}

export type ShortcutGroup = 'Tables' | 'Edit' | 'View' | 'Help';

export interface Shortcut {
  id: ShortcutId;
  description: string;
  group: ShortcutGroup;
  /** Any of these triggers the action. */
  combos: readonly KeyCombo[];
}

export type ShortcutId =
  | 'addTable'
  | 'search'
  | 'undo'
  | 'redo'
  | 'delete'
  | 'copy'
  | 'paste'
  | 'selectAll'
  | 'clearSelection'
  | 'zoomToFit'
  | 'autoLayout'
  | 'toggleDdlPanel'
  | 'toggleDarkMode'
  | 'help';

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'addTable', group: 'Tables', description: 'Add a table', combos: [{ key: 'n' }] },
  { id: 'search', group: 'Tables', description: 'Search tables and columns', combos: [{ key: 'k', mod: true }] },
  { id: 'delete', group: 'Tables', description: 'Delete the selection (asks first)', combos: [{ key: 'Delete' }, { key: 'Backspace' }] },
  { id: 'copy', group: 'Edit', description: 'Copy selected tables', combos: [{ key: 'c', mod: true }] },
  { id: 'paste', group: 'Edit', description: 'Paste tables', combos: [{ key: 'v', mod: true }] },
  { id: 'undo', group: 'Edit', description: 'Undo', combos: [{ key: 'z', mod: true }] },
  { id: 'redo', group: 'Edit', description: 'Redo', combos: [{ key: 'z', mod: true, shift: true }, { key: 'y', mod: true }] },
  { id: 'selectAll', group: 'Edit', description: 'Select all tables', combos: [{ key: 'a', mod: true }] },
  { id: 'clearSelection', group: 'Edit', description: 'Clear the selection, close dialogs', combos: [{ key: 'Escape' }] },
  { id: 'zoomToFit', group: 'View', description: 'Zoom to fit', combos: [{ key: '1', shift: true }] },
  { id: 'autoLayout', group: 'View', description: 'Auto-layout', combos: [{ key: 'l', shift: true }] },
  { id: 'toggleDdlPanel', group: 'View', description: 'Show or hide the DDL panel', combos: [{ key: 'd', shift: true }] },
  { id: 'toggleDarkMode', group: 'View', description: 'Toggle dark mode', combos: [{ key: 'm', shift: true }] },
  { id: 'help', group: 'Help', description: 'Show keyboard shortcuts', combos: [{ key: '?' }] },
];

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = ['Tables', 'Edit', 'View', 'Help'];

/** What the mouse does on the canvas, shown under the shortcuts (what newcomers asked for). */
export const GESTURES: readonly { task: string; how: string }[] = [
  { task: 'Add a column', how: 'Click + in the table header, type its name, Tab, its type; Enter adds the next column.' },
  { task: 'Draw a foreign key', how: "Drag from the dot at either end of the foreign-key column's row onto the referenced column in the other table." },
  { task: 'Rename', how: 'Double-click a table name or a column name or type.' },
  { task: 'Reorder columns', how: 'Drag a row by its ⠿ grip, or Alt+Up / Alt+Down on the selected column.' },
  { task: 'Collapse a table', how: 'Click ▾ in its header: only the key columns stay.' },
  { task: 'Select a relationship', how: 'Click its line; the inspector shows its columns, actions and cardinality.' },
  { task: 'Zoomed out', how: 'Click a table to select it, drag to move it, double-click to zoom in on it.' },
];

export function shortcutById(id: ShortcutId): Shortcut {
  const s = SHORTCUTS.find((x) => x.id === id);
  if (!s) throw new Error(`unknown shortcut ${id}`);
  return s;
}

type KeyEventLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/** Shift changes the produced character for these keys, so shift is implied and not compared. */
const SHIFTED_CHARACTERS = new Set(['?', '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_', '+', '{', '}', '|', ':', '"', '<', '>', '~']);
/** With Shift held, digit keys report their shifted character on US layouts ('1' -> '!'). */
const SHIFTED_DIGITS: Record<string, string> = { '1': '!', '2': '@', '3': '#', '4': '$', '5': '%', '6': '^', '7': '&', '8': '*', '9': '(', '0': ')' };

export function comboMatches(event: KeyEventLike, combo: KeyCombo, isMac: boolean): boolean {
  const mod = isMac ? event.metaKey : event.ctrlKey;
  // The other platform's modifier must not be held: Ctrl+Z on a Mac is not undo.
  const otherMod = isMac ? event.ctrlKey : event.metaKey;
  if (mod !== (combo.mod ?? false) || otherMod) return false;
  if (event.altKey !== (combo.alt ?? false)) return false;
  const key = event.key.toLowerCase();
  const wanted = combo.key.toLowerCase();
  if (SHIFTED_CHARACTERS.has(combo.key)) return key === wanted;
  if (event.shiftKey !== (combo.shift ?? false)) return false;
  return key === wanted || (combo.shift === true && SHIFTED_DIGITS[combo.key] === event.key);
}

/**
 * True when the event triggers the shortcut. Typing in a text field never triggers shortcuts
 * without a modifier (so `n` types an n); pass `inTextField` from the event target.
 */
export function matchesShortcut(event: KeyEventLike, id: ShortcutId, options: { isMac: boolean; inTextField?: boolean }): boolean {
  return shortcutById(id).combos.some((combo) => {
    if (options.inTextField && !combo.mod) return false;
    return comboMatches(event, combo, options.isMac);
  });
}

/** The first shortcut the event triggers, if any. */
export function shortcutForEvent(event: KeyEventLike, options: { isMac: boolean; inTextField?: boolean }): ShortcutId | undefined {
  // Longer combos first so Ctrl+Shift+Z is redo, not undo.
  const ordered = [...SHORTCUTS].sort((a, b) => comboWeight(b) - comboWeight(a));
  return ordered.find((s) => matchesShortcut(event, s.id, options))?.id;
}

function comboWeight(s: Shortcut): number {
  return Math.max(...s.combos.map((c) => Number(c.mod ?? false) + Number(c.shift ?? false) + Number(c.alt ?? false)));
}

const KEY_LABELS: Record<string, string> = { delete: 'Del', backspace: 'Backspace', escape: 'Esc', ' ': 'Space' };

/** Key caps for display, e.g. ['Ctrl', 'Shift', 'Z'] or ['⌘', '⇧', 'Z'] on macOS. */
export function formatCombo(combo: KeyCombo, isMac: boolean): string[] {
  const caps: string[] = [];
  if (combo.mod) caps.push(isMac ? '⌘' : 'Ctrl');
  if (combo.alt) caps.push(isMac ? '⌥' : 'Alt');
  if (combo.shift) caps.push(isMac ? '⇧' : 'Shift');
  const label = KEY_LABELS[combo.key.toLowerCase()] ?? (combo.key.length === 1 ? combo.key.toUpperCase() : combo.key);
  caps.push(label);
  return caps;
}

/** True when the element takes text input, where plain-key shortcuts must not fire. */
export function isTextInputTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(type);
}

export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

/**
 * Key combinations as data: matching a KeyboardEvent against one, and spelling one as key caps for
 * the help overlay and the toolbar's tooltips. Pure: no React, no DOM beyond the event fields read.
 */

export interface KeyCombo {
  /** `KeyboardEvent.key`, compared case-insensitively ('k', 'Delete', '?', 'Escape', 'ArrowUp'). */
  key: string;
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
}

export type KeyEventLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

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

/** How many modifiers the combo holds: a longer combo is tried first (Ctrl+Shift+Z before Ctrl+Z). */
export function comboWeight(combo: KeyCombo): number {
  return Number(combo.mod ?? false) + Number(combo.shift ?? false) + Number(combo.alt ?? false);
}

/**
 * One spelling per physical combination, for finding two actions bound to the same keys: Shift+1
 * and '!' are the same keypress, and so are '?' with or without an explicit Shift.
 */
export function comboIdentity(combo: KeyCombo): string {
  let key = combo.key.toLowerCase();
  let shift = combo.shift ?? false;
  if (shift && SHIFTED_DIGITS[combo.key]) key = SHIFTED_DIGITS[combo.key];
  if (SHIFTED_CHARACTERS.has(key)) shift = true;
  return JSON.stringify([key, combo.mod ?? false, shift, combo.alt ?? false]);
}

const KEY_LABELS: Record<string, string> = { delete: 'Del', backspace: 'Backspace', escape: 'Esc', ' ': 'Space', arrowup: '↑', arrowdown: '↓', arrowleft: '←', arrowright: '→' };

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

/** The combo as one piece of text for a tooltip: 'Ctrl+Shift+Z', or '⌘⇧Z' on macOS. */
export function comboText(combo: KeyCombo, isMac: boolean): string {
  return formatCombo(combo, isMac).join(isMac ? '' : '+');
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

import { describe, expect, it } from 'vitest';
import { formatCombo, matchesShortcut, SHORTCUT_GROUPS, SHORTCUTS, shortcutForEvent, type ShortcutId } from './shortcuts';

type Ev = { key: string; ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean; altKey?: boolean };
const ev = (e: Ev) => ({ ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...e });

describe('shortcutForEvent', () => {
  it.each<[Ev, boolean, ShortcutId | undefined]>([
    [{ key: 'z', ctrlKey: true }, false, 'undo'],
    [{ key: 'Z', ctrlKey: true, shiftKey: true }, false, 'redo'],
    [{ key: 'y', ctrlKey: true }, false, 'redo'],
    [{ key: 'z', metaKey: true }, true, 'undo'],
    [{ key: 'z', ctrlKey: true }, true, undefined],
    [{ key: 'z', metaKey: true }, false, undefined],
    [{ key: 'k', ctrlKey: true }, false, 'search'],
    [{ key: 'n' }, false, 'addTable'],
    [{ key: 'N', shiftKey: true }, false, undefined],
    [{ key: 'Delete' }, false, 'delete'],
    [{ key: 'Backspace' }, false, 'delete'],
    [{ key: '?', shiftKey: true }, false, 'help'],
    [{ key: '!', shiftKey: true }, false, 'zoomToFit'],
    [{ key: 'L', shiftKey: true }, false, 'autoLayout'],
    [{ key: 'a', ctrlKey: true }, false, 'selectAll'],
    [{ key: 'Escape' }, false, 'clearSelection'],
    [{ key: 'x' }, false, undefined],
  ])('%j (mac=%s) -> %s', (e, isMac, id) => {
    expect(shortcutForEvent(ev(e), { isMac })).toBe(id);
  });

  it('ignores plain-key shortcuts while typing, keeps modifier ones', () => {
    expect(matchesShortcut(ev({ key: 'n' }), 'addTable', { isMac: false, inTextField: true })).toBe(false);
    expect(matchesShortcut(ev({ key: 'Backspace' }), 'delete', { isMac: false, inTextField: true })).toBe(false);
    expect(matchesShortcut(ev({ key: 'k', ctrlKey: true }), 'search', { isMac: false, inTextField: true })).toBe(true);
  });
});

describe('SHORTCUTS table', () => {
  it('has unique ids, known groups, and no combo bound twice', () => {
    expect(new Set(SHORTCUTS.map((s) => s.id)).size).toBe(SHORTCUTS.length);
    for (const s of SHORTCUTS) expect(SHORTCUT_GROUPS).toContain(s.group);
    const combos = SHORTCUTS.flatMap((s) => s.combos.map((c) => JSON.stringify([c.key.toLowerCase(), !!c.mod, !!c.shift, !!c.alt])));
    expect(new Set(combos).size).toBe(combos.length);
  });

  it('formats key caps per platform', () => {
    expect(formatCombo({ key: 'z', mod: true, shift: true }, false)).toEqual(['Ctrl', 'Shift', 'Z']);
    expect(formatCombo({ key: 'z', mod: true, shift: true }, true)).toEqual(['⌘', '⇧', 'Z']);
    expect(formatCombo({ key: 'Delete' }, false)).toEqual(['Del']);
  });
});

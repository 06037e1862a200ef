import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { commandsFixture } from '@/lib/model/commands/test-fixture';
import { addTableCommand } from '@/lib/model/commands/apply';
import { HelpOverlay } from '../help/help-overlay';
import { createEditorStore, type HistoryEntry, type Selection } from '../store/editor-store';
import {
  actionById,
  actionForKey,
  actionToRun,
  actionTooltip,
  duplicateKeys,
  EDITOR_ACTIONS,
  helpSections,
  isEnabled,
  type ActionContext,
  type ActionId,
  type ActionState,
  type EditorAction,
} from './editor-actions';
import { formatCombo } from './keys';
import { columnMoveCommand } from './edit-actions';

type Ev = { key: string; ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean; altKey?: boolean };
const ev = (e: Ev) => ({ ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...e });
const entry = (label: string): HistoryEntry => ({ label, patches: [], inversePatches: [] });
const state = (over: Partial<ActionState> = {}): ActionState => ({ doc: commandsFixture(), selection: { kind: 'none' }, past: [], future: [], ...over });
const withKeys = EDITOR_ACTIONS.filter((a: EditorAction) => a.keys?.length);

describe('one list of actions', () => {
  it('has unique ids', () => {
    expect(new Set(EDITOR_ACTIONS.map((a) => a.id)).size).toBe(EDITOR_ACTIONS.length);
  });

  it('binds no key combination to two actions (Shift+1 and ! count as one)', () => {
    expect(duplicateKeys()).toEqual([]);
    const clash: EditorAction[] = [...EDITOR_ACTIONS, { id: 'x', label: 'x', group: 'View', keys: [{ key: '!' }], perform: () => {} }];
    expect(duplicateKeys(clash)).toEqual(['["!",false,true,false]: zoomToFit, x']);
  });

  it('lists every action that has keys in the help overlay, with its label and keys', () => {
    const listed = helpSections().flatMap((s) => s.actions.map((a) => a.id));
    expect(listed.sort()).toEqual(withKeys.map((a) => a.id).sort());
    // What the overlay actually renders, not only the list it is given.
    const html = renderToStaticMarkup(createElement(HelpOverlay, { open: true, onClose: () => {} }));
    const rendered = [...html.matchAll(/data-action="([^"]+)"/g)].map((m) => m[1]);
    expect(rendered.sort()).toEqual(withKeys.map((a) => a.id).sort());
    for (const a of withKeys) expect(html).toContain(`<dt>${a.label}</dt>`);
    expect(html).toMatch(/data-action="moveColumnUp".*?<kbd[^>]*>Alt<\/kbd><kbd[^>]*>↑<\/kbd>/);
    expect(html).toMatch(/data-action="moveColumnDown".*?<kbd[^>]*>Alt<\/kbd><kbd[^>]*>↓<\/kbd>/);
  });
});

describe('actionForKey', () => {
  it.each<[Ev, boolean, ActionId | undefined]>([
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
    [{ key: 'D', shiftKey: true }, false, 'toggleDdlPanel'],
    [{ key: 'M', shiftKey: true }, false, 'toggleDarkMode'],
    [{ key: 'a', ctrlKey: true }, false, 'selectAll'],
    [{ key: 'c', ctrlKey: true }, false, 'copy'],
    [{ key: 'v', ctrlKey: true }, false, 'paste'],
    [{ key: 'Escape' }, false, 'clearSelection'],
    [{ key: 'ArrowUp', altKey: true }, false, 'moveColumnUp'],
    [{ key: 'ArrowDown', altKey: true }, true, 'moveColumnDown'],
    [{ key: 'ArrowUp' }, false, undefined],
    [{ key: 'x' }, false, undefined],
  ])('%j (mac=%s) -> %s', (e, isMac, id) => {
    expect(actionForKey(ev(e), { isMac })?.id).toBe(id);
  });

  it('ignores plain keys while typing, keeps Ctrl/Cmd ones', () => {
    expect(actionForKey(ev({ key: 'n' }), { isMac: false, inTextField: true })).toBeUndefined();
    expect(actionForKey(ev({ key: 'Backspace' }), { isMac: false, inTextField: true })).toBeUndefined();
    expect(actionForKey(ev({ key: 'ArrowUp', altKey: true }), { isMac: false, inTextField: true })).toBeUndefined();
    expect(actionForKey(ev({ key: 'k', ctrlKey: true }), { isMac: false, inTextField: true })?.id).toBe('search');
  });
});

describe('actionToRun: when a key is left to the browser', () => {
  const column: Selection = { kind: 'column', tableId: 't_users', columnId: 'c_users_email' };
  it.each<[string, Ev, { inTextField?: boolean; dialogOpen?: boolean }, Partial<ActionState>, ActionId | undefined]>([
    ['Ctrl+Z with history', { key: 'z', ctrlKey: true }, {}, { past: [entry('Add table')] }, 'undo'],
    ['Ctrl+Z with nothing to undo', { key: 'z', ctrlKey: true }, {}, {}, undefined],
    ['Ctrl+Z in a text field (the field undoes)', { key: 'z', ctrlKey: true }, { inTextField: true }, { past: [entry('Add table')] }, undefined],
    ['Ctrl+K in a text field', { key: 'k', ctrlKey: true }, { inTextField: true }, {}, 'search'],
    ['Delete with nothing selected', { key: 'Delete' }, {}, {}, undefined],
    ['Delete with a column selected', { key: 'Delete' }, {}, { selection: column }, 'delete'],
    ['Delete under a dialog', { key: 'Delete' }, { dialogOpen: true }, { selection: column }, undefined],
    ['Escape under a dialog', { key: 'Escape' }, { dialogOpen: true }, {}, 'clearSelection'],
    ['Alt+Up on a column that can move', { key: 'ArrowUp', altKey: true }, {}, { selection: column }, 'moveColumnUp'],
    ['Alt+Up on the first column', { key: 'ArrowUp', altKey: true }, {}, { selection: { ...column, columnId: 'c_users_id' } }, undefined],
    ['Alt+Down with a table selected', { key: 'ArrowDown', altKey: true }, {}, { selection: { kind: 'tables', tableIds: ['t_users'] } }, undefined],
  ])('%s', (_name, e, ctx, over, id) => {
    expect(actionToRun(ev(e), { isMac: false, ...ctx }, state(over))?.id).toBe(id);
  });
});

describe('toolbar tooltips come from the list', () => {
  it.each<[ActionId, Partial<ActionState>, string]>([
    ['addTable', {}, 'Add a table (N)'],
    ['addNote', {}, 'Add a sticky note'],
    ['addArea', {}, 'Group the selected tables into an area'],
    ['manyToMany', {}, 'Link the two selected tables through a junction table'],
    ['delete', {}, 'Delete the selection (Del)'],
    ['undo', {}, 'Undo (Ctrl+Z)'],
    ['undo', { past: [entry('Rename users')] }, 'Undo: Rename users (Ctrl+Z)'],
    ['redo', { future: [entry('Add table'), entry('x')] }, 'Redo: Add table (Ctrl+Shift+Z)'],
    ['search', {}, 'Search tables and columns (Ctrl+K)'],
    ['zoomToFit', {}, 'Zoom to fit (Shift+1)'],
    ['autoLayout', {}, 'Auto-layout (Shift+L)'],
    ['toggleDarkMode', {}, 'Dark mode (Shift+M)'],
    ['toggleInspector', {}, 'Show or hide the inspector'],
    ['toggleDdlPanel', {}, 'Show or hide the DDL panel (Shift+D)'],
    ['help', {}, 'Keyboard shortcuts (?)'],
  ])('%s', (id, over, title) => {
    expect(actionTooltip(actionById(id), state(over), false)).toBe(title);
  });

  it('spells keys the macOS way on a Mac', () => {
    expect(actionTooltip(actionById('redo'), state(), true)).toBe('Redo (⌘⇧Z)');
  });
});

describe('formatCombo', () => {
  it('formats key caps per platform', () => {
    expect(formatCombo({ key: 'z', mod: true, shift: true }, false)).toEqual(['Ctrl', 'Shift', 'Z']);
    expect(formatCombo({ key: 'z', mod: true, shift: true }, true)).toEqual(['⌘', '⇧', 'Z']);
    expect(formatCombo({ key: 'Delete' }, false)).toEqual(['Del']);
    expect(formatCombo({ key: 'ArrowUp', alt: true }, true)).toEqual(['⌥', '↑']);
  });
});

describe('columnMoveCommand (Alt+Up/Down)', () => {
  const doc = commandsFixture(); // users: id, email, name, manager_id
  const sel = (columnId: string): Selection => ({ kind: 'column', tableId: 't_users', columnId });
  it.each([
    ['c_users_email', -1, 0],
    ['c_users_email', 1, 2],
    ['c_users_manager_id', -1, 2],
  ] as const)('%s by %i -> index %i', (columnId, step, toIndex) => {
    expect(columnMoveCommand({ doc, selection: sel(columnId) }, step)).toEqual({ type: 'column.move', tableId: 't_users', columnId, toIndex });
  });
  const cases: [string, Selection, -1 | 1][] = [
    ['first column up', sel('c_users_id'), -1],
    ['last column down', sel('c_users_manager_id'), 1],
    ['a table selection', { kind: 'tables', tableIds: ['t_users'] }, 1],
    ['an unknown column', sel('c_gone'), 1],
  ];
  it.each(cases)('nothing for %s', (_name, selection, step) => {
    expect(columnMoveCommand({ doc, selection }, step)).toBeUndefined();
  });
});

describe('read-only (issue 18): the actions that edit are disabled, and the store refuses them anyway', () => {
  const reason = 'Read-only: your role is viewer';
  const column: Selection = { kind: 'column', tableId: 't_users', columnId: 'c_users_email' };

  it('every editing action is disabled with the reason as its tooltip; viewing actions stay', () => {
    const s = state({ readOnly: reason, selection: column, past: [entry('x')], future: [entry('y')] });
    const editing = EDITOR_ACTIONS.filter((a: EditorAction) => a.edits);
    expect(editing.map((a) => a.id).sort()).toEqual(
      ['addArea', 'addNote', 'addTable', 'autoLayout', 'delete', 'layoutAll', 'layoutArea', 'layoutSelection', 'manyToMany', 'moveColumnDown', 'moveColumnUp', 'paste', 'redo', 'undo'].sort(),
    );
    for (const a of editing) {
      expect(isEnabled(a, s), a.id).toBe(false);
      expect(actionTooltip(a, s, false)).toBe(reason);
      expect(isEnabled(a, { ...s, readOnly: undefined }), a.id).toBe(true);
    }
    for (const id of ['search', 'copy', 'zoomToFit', 'toggleVersions', 'help'] as const) expect(isEnabled(actionById(id), s)).toBe(true);
  });

  it.each<[string, Ev]>([
    ['N (add a table)', { key: 'n' }],
    ['Delete', { key: 'Delete' }],
    ['Ctrl+Z', { key: 'z', ctrlKey: true }],
    ['Ctrl+V', { key: 'v', ctrlKey: true }],
    ['Alt+Up', { key: 'ArrowUp', altKey: true }],
    ['Shift+L', { key: 'l', shiftKey: true }],
  ])('%s is left to the browser', (_name, e) => {
    expect(actionToRun(ev(e), { isMac: false }, state({ readOnly: reason, selection: column, past: [entry('x')] }))).toBeUndefined();
  });

  it('performing every action against a read-only store leaves the document as it was', async () => {
    const store = createEditorStore({ projectId: 'p1', name: 'Shop', version: 1, doc: commandsFixture(), readOnly: reason });
    const errors: string[] = [];
    const run: ActionContext['run'] = (command) => {
      const r = store.getState().dispatch(command);
      if ('error' in r) errors.push(r.error);
      return r;
    };
    const ctx: ActionContext = {
      store,
      run,
      toast: () => {},
      viewCenter: () => ({ x: 0, y: 0 }),
      addTable: () => void run(addTableCommand(store.getState().doc, { position: { x: 0, y: 0 } })),
      confirmDelete: (pending) => void run(pending.command),
      layout: () => {},
      zoomToFit: () => {},
      openSearch: () => {},
      openHelp: () => {},
      toggleTheme: () => {},
      toggleInspector: () => {},
      toggleDdl: () => {},
      toggleProblems: () => {},
      toggleVersions: () => {},
    };
    const doc = store.getState().doc;
    for (const selection of [column, { kind: 'tables', tableIds: ['t_users', 't_orders'] }] as Selection[]) {
      for (const action of EDITOR_ACTIONS as readonly EditorAction[]) {
        store.getState().select(selection);
        await Promise.resolve(action.perform(ctx));
      }
    }
    expect(store.getState().doc).toBe(doc);
    expect(store.getState().past).toEqual([]);
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors)).toEqual(new Set([reason]));
  });
});

'use client';
/**
 * The editor's keyboard handling: the shared SHORTCUTS table (components/editor/help/shortcuts.ts,
 * also what the help overlay lists) mapped to actions, plus Alt+Up/Down to reorder the selected
 * column. Typing in a text field keeps the browser's own undo/copy/paste/select-all.
 */
import { useEffect, useRef } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { isMacPlatform, isTextInputTarget, shortcutForEvent, type ShortcutId } from '@/components/editor/help/shortcuts';
import type { Command } from '@/lib/model/commands/apply';
import type { EditorState } from './store/editor-store';

/** One action per shortcut; `help` is absent because the help overlay binds `?` itself. */
export type ShortcutActions = Record<Exclude<ShortcutId, 'help'>, () => void>;

export function useEditorShortcuts(store: StoreApi<EditorState>, actions: ShortcutActions, run: (command: Command) => unknown): void {
  // The latest actions without re-subscribing on every render.
  const latest = useRef({ actions, run });
  useEffect(() => {
    latest.current = { actions, run };
  }, [actions, run]);

  useEffect(() => {
    const isMac = isMacPlatform();
    const onKeyDown = (e: KeyboardEvent) => {
      const inTextField = isTextInputTarget(e.target);
      if (!inTextField && e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
        const command = columnMoveCommand(store.getState(), e.key === 'ArrowUp' ? -1 : 1);
        if (command) {
          e.preventDefault();
          latest.current.run(command);
        }
        return;
      }
      const id = shortcutForEvent(e, { isMac, inTextField });
      if (!id || id === 'help') return;
      if (inTextField && id !== 'search') return;
      // A modal (delete confirmation, conflict) owns the keyboard, except Escape.
      if (document.querySelector('dialog[open]') && id !== 'clearSelection') return;
      e.preventDefault();
      latest.current.actions[id]();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}

/** Moves the selected column one place up (-1) or down (+1), or undefined when it cannot move. */
export function columnMoveCommand(state: Pick<EditorState, 'selection' | 'doc'>, step: -1 | 1): Command | undefined {
  const { selection, doc } = state;
  if (selection.kind !== 'column') return undefined;
  const cols = doc.tables[selection.tableId]?.columns ?? [];
  const from = cols.findIndex((c) => c.id === selection.columnId);
  const to = from + step;
  if (from < 0 || to < 0 || to >= cols.length) return undefined;
  return { type: 'column.move', tableId: selection.tableId, columnId: selection.columnId, toIndex: to };
}

/**
 * What the editor's actions do to the document and the selection (see editor-actions.ts). Each
 * reads the store when it runs; a selection that does not fit says so in a toast.
 */
import { manyToManyCommand, pasteTablesCommand, removeTablesPlan, type Command } from '@/lib/model/commands/apply';
import { newId } from '@/lib/model/ids';
import { copyTables, readClip } from '../clipboard';
import { selectedTableIds, type EditorState } from '../store/editor-store';
import type { ActionContext } from './editor-actions';

/** Tables about to be removed, waiting for the user's confirmation. */
export interface PendingDelete {
  names: string[];
  consequences: string[];
  command: Command;
}

const AREA_COLORS = ['#3b82f6', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6', '#ec4899', '#14b8a6', '#64748b'];

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function addNote(ctx: ActionContext): void {
  const id = newId('note');
  const c = ctx.viewCenter();
  const r = ctx.run({ type: 'note.add', note: { id, text: '', color: '#fef3c7' }, geometry: { x: c.x, y: c.y, width: 220, height: 140 } });
  if (!('error' in r)) ctx.store.getState().select({ kind: 'note', noteId: id });
}

export function addArea(ctx: ActionContext): void {
  const { doc, selection } = ctx.store.getState();
  const tableIds = selectedTableIds(selection);
  if (!tableIds.length) return ctx.toast('Select the tables to group first (Shift+drag or Ctrl/Cmd+click).', 'error');
  const n = Object.keys(doc.areas).length;
  const id = newId('area');
  const r = ctx.run({ type: 'area.add', area: { id, name: `area_${n + 1}`, color: AREA_COLORS[n % AREA_COLORS.length], tableIds } });
  if (!('error' in r)) ctx.store.getState().select({ kind: 'area', areaId: id });
}

export function manyToMany(ctx: ActionContext): void {
  const { doc, selection } = ctx.store.getState();
  const ids = selectedTableIds(selection);
  if (ids.length !== 2) return ctx.toast('Select exactly two tables for a many-to-many link.', 'error');
  try {
    const r = ctx.run(manyToManyCommand(doc, ids[0], ids[1]));
    if (!('error' in r)) ctx.toast('Junction table created.');
  } catch (e) {
    ctx.toast(message(e), 'error');
  }
}

/** Tables are removed after a confirmation that lists what goes with them; anything else at once. */
export function deleteSelection(ctx: ActionContext): void {
  const { doc, selection } = ctx.store.getState();
  switch (selection.kind) {
    case 'tables': {
      try {
        const plan = removeTablesPlan(doc, selection.tableIds);
        ctx.confirmDelete({ names: selection.tableIds.map((id) => doc.tables[id]?.name ?? id), consequences: plan.consequences, command: plan.command });
      } catch (e) {
        ctx.toast(message(e), 'error');
      }
      return;
    }
    case 'column':
      ctx.run({ type: 'column.remove', tableId: selection.tableId, columnId: selection.columnId });
      return;
    case 'index':
      ctx.run({ type: 'index.remove', tableId: selection.tableId, indexId: selection.indexId });
      return;
    case 'relationship':
      ctx.run({ type: 'relationship.remove', relationshipId: selection.relationshipId });
      return;
    case 'note':
      ctx.run({ type: 'note.remove', noteId: selection.noteId });
      return;
    case 'area':
      ctx.run({ type: 'area.remove', areaId: selection.areaId });
      return;
    case 'none':
      return;
    default: {
      const never: never = selection;
      return never;
    }
  }
}

export function copySelection(ctx: ActionContext): void {
  const { doc, selection } = ctx.store.getState();
  const clip = copyTables(doc, selectedTableIds(selection));
  if (clip) ctx.toast(`Copied ${clip.tables.length} table${clip.tables.length === 1 ? '' : 's'}.`);
}

/** Pastes the copied tables (from any tab) offset from where they were, and selects them. */
export function pasteClip(ctx: ActionContext): void {
  const clip = readClip();
  if (!clip) return;
  const doc = ctx.store.getState().doc;
  try {
    const command = pasteTablesCommand(doc, clip.tables, clip.relationships, { x: 40, y: 40 }, { positions: clip.positions, sequences: clip.sequences });
    const before = new Set(Object.keys(doc.tables));
    const r = ctx.run(command);
    if (!('error' in r)) {
      const added = Object.keys(r.doc.tables).filter((id) => !before.has(id));
      ctx.store.getState().select({ kind: 'tables', tableIds: added });
    }
  } catch (e) {
    ctx.toast(message(e), 'error');
  }
}

/** Lays out everything, the selected tables (two or more) or the selected or shown area. */
export function runLayout(ctx: ActionContext, kind: 'all' | 'selection' | 'area'): void {
  const { selection, focusAreaId } = ctx.store.getState();
  if (kind === 'all') return ctx.layout({ kind: 'all' });
  if (kind === 'area') {
    const areaId = selection.kind === 'area' ? selection.areaId : focusAreaId;
    if (!areaId) return ctx.toast('Select an area (or show one area) to lay it out.', 'error');
    return ctx.layout({ kind: 'area', areaId });
  }
  const ids = selectedTableIds(selection);
  if (ids.length < 2) return ctx.toast('Select two or more tables to lay them out.', 'error');
  ctx.layout({ kind: 'tables', tableIds: ids });
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

export function moveColumn(ctx: ActionContext, step: -1 | 1): void {
  const command = columnMoveCommand(ctx.store.getState(), step);
  if (command) ctx.run(command);
}

/**
 * The element a new comment goes on: the editor's selection (one table, a column, a relationship or
 * an index), or nothing when the selection is none of those.
 */
import type { AnchorTarget } from '@/lib/comments/anchor';
import type { Selection } from '../store/editor-store';

export function anchorForSelection(selection: Selection): AnchorTarget | undefined {
  switch (selection.kind) {
    case 'tables':
      return selection.tableIds.length === 1 ? { kind: 'table', tableId: selection.tableIds[0] } : undefined;
    case 'column':
      return { kind: 'column', tableId: selection.tableId, columnId: selection.columnId };
    case 'relationship':
      return { kind: 'relationship', relationshipId: selection.relationshipId };
    case 'index':
      return { kind: 'index', tableId: selection.tableId, indexId: selection.indexId };
    default:
      return undefined;
  }
}

/** The selection that shows a thread's element on the canvas; undefined for sections. */
export function selectionForAnchor(anchor: AnchorTarget): Selection | undefined {
  switch (anchor.kind) {
    case 'table':
      return { kind: 'tables', tableIds: [anchor.tableId] };
    case 'column':
      return { kind: 'column', tableId: anchor.tableId, columnId: anchor.columnId };
    case 'relationship':
      return { kind: 'relationship', relationshipId: anchor.relationshipId };
    case 'index':
      return { kind: 'index', tableId: anchor.tableId, indexId: anchor.indexId };
    case 'section':
      return undefined;
  }
}

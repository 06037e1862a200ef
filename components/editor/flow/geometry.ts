/**
 * Fixed node geometry. React Flow mounts a node just to measure it unless the node declares its
 * width, height and handle positions; declaring them keeps off-screen nodes unmounted (see
 * ../shared/design/CANVAS-PERF.md). The CSS (editor.css) uses the same numbers, so the declared
 * handle positions are exact.
 */
import { Position, type NodeHandle } from '@xyflow/react';
import type { Table } from '@/lib/model/document';

export const TABLE_WIDTH = 260;
export const HEADER_HEIGHT = 34;
export const ROW_HEIGHT = 24;
/** Padding under the last row. */
export const FOOTER_HEIGHT = 6;
export const HANDLE_SIZE = 8;

/** Below this zoom, tables show their names only (level of detail). */
export const LOW_DETAIL_ZOOM = 0.5;

export function tableHeight(columnCount: number): number {
  return HEADER_HEIGHT + Math.max(1, columnCount) * ROW_HEIGHT + FOOTER_HEIGHT;
}

export type Side = 'l' | 'r';

/** Handle id for one side of a column row: `<columnId>:l` / `<columnId>:r`. */
export function handleId(columnId: string, side: Side): string {
  return `${columnId}:${side}`;
}

/** The column id and side of a handle id made by handleId. */
export function parseHandleId(id: string | null | undefined): { columnId: string; side: Side } | undefined {
  if (!id) return undefined;
  const at = id.lastIndexOf(':');
  if (at <= 0) return undefined;
  const side = id.slice(at + 1);
  if (side !== 'l' && side !== 'r') return undefined;
  return { columnId: id.slice(0, at), side };
}

/**
 * One handle per column per side, all of type `source`: the canvas runs in ConnectionMode.Loose, so
 * an edge may end on a source handle. That halves the handle elements in the DOM.
 */
const handleCache = new WeakMap<Table, NodeHandle[]>();

export function tableHandles(table: Table): NodeHandle[] {
  // Handles depend on the columns only: a moved table (same table object) reuses them.
  const cached = handleCache.get(table);
  if (cached) return cached;
  const handles: NodeHandle[] = [];
  table.columns.forEach((col, i) => {
    const y = HEADER_HEIGHT + i * ROW_HEIGHT + (ROW_HEIGHT - HANDLE_SIZE) / 2;
    handles.push(
      { id: handleId(col.id, 'l'), type: 'source', position: Position.Left, x: -HANDLE_SIZE / 2, y, width: HANDLE_SIZE, height: HANDLE_SIZE },
      { id: handleId(col.id, 'r'), type: 'source', position: Position.Right, x: TABLE_WIDTH - HANDLE_SIZE / 2, y, width: HANDLE_SIZE, height: HANDLE_SIZE },
    );
  });
  handleCache.set(table, handles);
  return handles;
}

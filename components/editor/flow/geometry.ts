/**
 * Fixed node geometry. React Flow mounts a node just to measure it unless the node declares its
 * width, height and handle positions; declaring them keeps off-screen nodes unmounted (see
 * ../shared/design/CANVAS-PERF.md). The CSS (editor.css) uses the same numbers, so the declared
 * handle positions are exact — and the relationship layer draws its lines to the same points.
 */
import { Position, type NodeHandle } from '@xyflow/react';
import type { Column, Relationship, SchemaDocument, Table } from '@/lib/model/document';

export const TABLE_WIDTH = 260;
export const HEADER_HEIGHT = 34;
export const ROW_HEIGHT = 24;
/** Padding under the last row. */
export const FOOTER_HEIGHT = 6;
export const HANDLE_SIZE = 8;

/** Below this zoom, tables show their names only (level of detail). */
export const LOW_DETAIL_ZOOM = 0.5;

export function tableHeight(rowCount: number): number {
  return HEADER_HEIGHT + Math.max(1, rowCount) * ROW_HEIGHT + FOOTER_HEIGHT;
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

type Relationships = Readonly<Record<string, Pick<Relationship, 'fromTableId' | 'toTableId' | 'columnPairs'>>>;

/** Per table, the columns a relationship attaches to (either end). Cached per relationships record. */
const attachedCache = new WeakMap<object, Map<string, Set<string>>>();

export function attachedColumnsByTable(relationships: Relationships): Map<string, Set<string>> {
  const cached = attachedCache.get(relationships);
  if (cached) return cached;
  const out = new Map<string, Set<string>>();
  const add = (tableId: string, columnId: string) => {
    let s = out.get(tableId);
    if (!s) out.set(tableId, (s = new Set()));
    s.add(columnId);
  };
  for (const r of Object.values(relationships)) {
    for (const p of r.columnPairs) {
      add(r.fromTableId, p.fromColumnId);
      add(r.toTableId, p.toColumnId);
    }
  }
  attachedCache.set(relationships, out);
  return out;
}

/**
 * The rows a table node shows: every column, or — collapsed — its key columns only (the primary key
 * and every column a relationship attaches to), so every line still ends on a visible row.
 */
export function shownColumns(table: Table, collapsed: boolean, relationships: Relationships): Column[] {
  if (!collapsed) return table.columns;
  const pk = new Set(table.primaryKey?.columnIds ?? []);
  const attached = attachedColumnsByTable(relationships).get(table.id);
  return table.columns.filter((c) => pk.has(c.id) || attached?.has(c.id));
}

/** The geometry one table node declares: its size and the vertical centre of each shown row. */
export interface TableShape {
  width: number;
  height: number;
  rowIds: readonly string[];
  collapsed: boolean;
}

const shapeCache = new WeakMap<Table, { collapsed: boolean; relationships: object; shape: TableShape }>();

export function tableShape(doc: Pick<SchemaDocument, 'relationships' | 'layout'>, table: Table): TableShape {
  const collapsed = doc.layout.tables[table.id]?.collapsed === true;
  const hit = shapeCache.get(table);
  // An expanded table's shape depends on its columns only; a collapsed one's also on the relationships.
  if (hit && hit.collapsed === collapsed && (!collapsed || hit.relationships === doc.relationships)) return hit.shape;
  const rows = shownColumns(table, collapsed, doc.relationships);
  const shape: TableShape = { width: TABLE_WIDTH, height: tableHeight(rows.length), rowIds: rows.map((c) => c.id), collapsed };
  shapeCache.set(table, { collapsed, relationships: doc.relationships, shape });
  return shape;
}

/** Offset from the node's top of the row's vertical centre; a row a collapsed table hides attaches to the header. */
export function rowCenterY(shape: TableShape, columnId: string): number {
  const i = shape.rowIds.indexOf(columnId);
  return i < 0 ? HEADER_HEIGHT / 2 : HEADER_HEIGHT + i * ROW_HEIGHT + ROW_HEIGHT / 2;
}

/**
 * One handle per shown column per side, all of type `source`: the canvas runs in ConnectionMode.Loose,
 * so a connection may end on a source handle. That halves the handle elements in the DOM.
 */
const handleCache = new WeakMap<TableShape, NodeHandle[]>();

export function tableHandles(shape: TableShape): NodeHandle[] {
  const cached = handleCache.get(shape);
  if (cached) return cached;
  const handles: NodeHandle[] = [];
  shape.rowIds.forEach((id, i) => {
    const y = HEADER_HEIGHT + i * ROW_HEIGHT + (ROW_HEIGHT - HANDLE_SIZE) / 2;
    handles.push(
      { id: handleId(id, 'l'), type: 'source', position: Position.Left, x: -HANDLE_SIZE / 2, y, width: HANDLE_SIZE, height: HANDLE_SIZE },
      { id: handleId(id, 'r'), type: 'source', position: Position.Right, x: shape.width - HANDLE_SIZE / 2, y, width: HANDLE_SIZE, height: HANDLE_SIZE },
    );
  });
  handleCache.set(shape, handles);
  return handles;
}

/**
 * React Flow nodes, and the boxes the relationship layer draws between, derived from the document by
 * a pure function (never mirrored state).
 *
 * `createFlowDeriver()` returns a `toFlow` that remembers the node object it made for each element
 * and returns the same object while its inputs are the same objects: immer keeps unchanged tables
 * identical, so editing one column yields one new node object and React Flow re-renders one node.
 * Node `data` is empty: a node reads its table from the store by its id.
 *
 * Relationships are not React Flow edges: React Flow attaches an edge to handle bounds it measures
 * when a node mounts, so a node first mounted at names-only detail (no handles in the DOM) never got
 * its lines. The relationship layer (relationship-layer.tsx) draws them from `boxes` instead, with
 * the same geometry the nodes declare.
 */
import type { Node } from '@xyflow/react';
import type { Area, Note, SchemaDocument, Table } from '@/lib/model/document';
import type { DragPositions, Selection } from '../store/editor-store';
import { TABLE_WIDTH, tableHandles, tableShape, type TableShape } from './geometry';

export type TableNode = Node<Record<string, never>, 'table'>;
export type NoteNode = Node<Record<string, never>, 'note'>;
export type AreaNode = Node<{ name: string; color: string }, 'area'>;
export type FlowNode = TableNode | NoteNode | AreaNode;

/** Where a table is drawn (flow coordinates) and the shape it declares. */
export interface TableBox {
  x: number;
  y: number;
  shape: TableShape;
}

export interface FlowInput {
  doc: SchemaDocument;
  selection: Selection;
  dragPositions: DragPositions;
  /** Show this area's tables only. */
  focusAreaId?: string;
  /** Zoomed out: the map layer draws the tables, React Flow's table nodes are hidden (not mounted). */
  mapMode?: boolean;
}

export interface Flow {
  nodes: FlowNode[];
  /** Every drawn table (focus applied), for the relationship layer and view fitting. */
  boxes: Map<string, TableBox>;
}

const EMPTY_DATA: Record<string, never> = Object.freeze({}) as Record<string, never>;

/**
 * Where tables without a stored position go (an import, a document made by a script): a grid in
 * document order, 12 per row, each row as tall as its tallest table, below any placed tables.
 * Memoized per `tables` record, so it is computed once per document change, not per node.
 */
const gridCache = new WeakMap<object, { placed: object; grid: Map<string, { x: number; y: number }> }>();

export function fallbackPositions(doc: Pick<SchemaDocument, 'tables' | 'layout' | 'relationships'>): Map<string, { x: number; y: number }> {
  const cached = gridCache.get(doc.tables);
  if (cached && cached.placed === doc.layout.tables) return cached.grid;
  const out = new Map<string, { x: number; y: number }>();
  let top = 0;
  for (const id in doc.tables) {
    const p = doc.layout.tables[id];
    if (p) top = Math.max(top, p.y + tableShape(doc, doc.tables[id]).height + 100);
  }
  const perRow = 12;
  let col = 0;
  let rowHeight = 0;
  for (const t of Object.values(doc.tables)) {
    if (doc.layout.tables[t.id]) continue;
    out.set(t.id, { x: col * (TABLE_WIDTH + 80), y: top });
    rowHeight = Math.max(rowHeight, tableShape(doc, t).height);
    if (++col === perRow) {
      col = 0;
      top += rowHeight + 60;
      rowHeight = 0;
    }
  }
  gridCache.set(doc.tables, { placed: doc.layout.tables, grid: out });
  return out;
}

/** A table's position as the canvas shows it when it is not being dragged. */
export function tablePosition(doc: Pick<SchemaDocument, 'tables' | 'layout' | 'relationships'>, tableId: string): { x: number; y: number } {
  return doc.layout.tables[tableId] ?? fallbackPositions(doc).get(tableId) ?? { x: 0, y: 0 };
}

export const NOTE_DEFAULT = { width: 220, height: 140 };
const AREA_PADDING = 30;
const AREA_LABEL = 28;

interface TableMemo {
  table: Table;
  shape: TableShape;
  x: number;
  y: number;
  selected: boolean;
  hidden: boolean;
  node: TableNode;
}

/** Returns the previous object when the new one is equal in every listed field (shallow). */
function keep<T extends object>(prev: T | undefined, next: T, fields: (keyof T)[]): T {
  if (!prev) return next;
  for (const f of fields) {
    const a = prev[f];
    const b = next[f];
    if (a === b) continue;
    if (a && b && typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b)) continue;
    return next;
  }
  return prev;
}

const AREA_FIELDS: (keyof AreaNode)[] = ['position', 'width', 'height', 'selected', 'data'];
const NOTE_FIELDS: (keyof NoteNode)[] = ['position', 'width', 'height', 'selected'];

export function createFlowDeriver(): (input: FlowInput) => Flow {
  let tableMemo = new Map<string, TableMemo>();
  let areaMemo = new Map<string, AreaNode>();
  let noteMemo = new Map<string, NoteNode>();

  return function toFlow({ doc, selection, dragPositions, focusAreaId, mapMode = false }: FlowInput): Flow {
    const selectedTables = new Set<string>(
      selection.kind === 'tables' ? selection.tableIds : selection.kind === 'column' || selection.kind === 'index' ? [selection.tableId] : [],
    );
    const focusArea = focusAreaId ? doc.areas[focusAreaId] : undefined;
    const visible = focusArea ? new Set(focusArea.tableIds) : undefined;

    const nodes: FlowNode[] = [];
    const boxes = new Map<string, TableBox>();
    const nextTableMemo = new Map<string, TableMemo>();

    // Areas first so they paint under the tables.
    const areaNodes: AreaNode[] = [];

    for (const table of Object.values(doc.tables)) {
      if (visible && !visible.has(table.id)) continue;
      const pos = dragPositions[table.id] ?? tablePosition(doc, table.id);
      const selected = selectedTables.has(table.id);
      const shape = tableShape(doc, table);
      boxes.set(table.id, { x: pos.x, y: pos.y, shape });
      const prev = tableMemo.get(table.id);
      let node: TableNode;
      if (prev && prev.table === table && prev.shape === shape && prev.x === pos.x && prev.y === pos.y && prev.selected === selected && prev.hidden === mapMode) {
        node = prev.node;
        nextTableMemo.set(table.id, prev);
      } else {
        node = {
          id: table.id,
          type: 'table',
          position: { x: pos.x, y: pos.y },
          data: EMPTY_DATA,
          width: shape.width,
          height: shape.height,
          // Declared as already measured: React Flow then treats the node as initialized without
          // mounting it (fitView and the minimap use these numbers for culled nodes too).
          measured: { width: shape.width, height: shape.height },
          handles: tableHandles(shape),
          selected,
          hidden: mapMode,
          ariaLabel: `table ${table.name}`,
        };
        nextTableMemo.set(table.id, { table, shape, x: pos.x, y: pos.y, selected, hidden: mapMode, node });
      }
      nodes.push(node);
    }
    tableMemo = nextTableMemo;

    // Areas and notes are few; they are rebuilt and then swapped for the previous object when equal.
    const nextAreaMemo = new Map<string, AreaNode>();
    for (const area of Object.values(doc.areas)) {
      if (focusArea && area.id !== focusArea.id) continue;
      const fresh = areaNode(area, boxes, selection.kind === 'area' && selection.areaId === area.id);
      if (!fresh) continue;
      const node = keep(areaMemo.get(area.id), fresh, AREA_FIELDS);
      nextAreaMemo.set(area.id, node);
      areaNodes.push(node);
    }
    areaMemo = nextAreaMemo;

    const nextNoteMemo = new Map<string, NoteNode>();
    if (!focusArea) {
      let n = 0;
      for (const note of Object.values(doc.notes)) {
        const fresh = noteNode(note, doc.layout.notes[note.id], dragPositions[note.id], n++, selection.kind === 'note' && selection.noteId === note.id);
        const node = keep(noteMemo.get(note.id), fresh, NOTE_FIELDS);
        nextNoteMemo.set(note.id, node);
        nodes.push(node);
      }
    }
    noteMemo = nextNoteMemo;

    return { nodes: areaNodes.length ? [...areaNodes, ...nodes] : nodes, boxes };
  };
}

function areaNode(area: Area, boxes: Map<string, TableBox>, selected: boolean): AreaNode | undefined {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const id of area.tableIds) {
    const p = boxes.get(id);
    if (!p) continue;
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + p.shape.width);
    maxY = Math.max(maxY, p.y + p.shape.height);
  }
  if (minX === Infinity) return undefined;
  const x = minX - AREA_PADDING;
  const y = minY - AREA_PADDING - AREA_LABEL;
  const width = maxX - minX + 2 * AREA_PADDING;
  const height = maxY - minY + 2 * AREA_PADDING + AREA_LABEL;
  return {
    id: area.id,
    type: 'area',
    position: { x, y },
    data: { name: area.name, color: area.color },
    width,
    height,
    handles: [],
    // Dragging an area moves its tables (canvas.tsx); its own position always follows them.
    draggable: true,
    connectable: false,
    selectable: true,
    selected,
    zIndex: -1,
    ariaLabel: `area ${area.name}`,
  };
}

function noteNode(
  note: Note,
  geometry: SchemaDocument['layout']['notes'][string] | undefined,
  drag: { x: number; y: number } | undefined,
  index: number,
  selected: boolean,
): NoteNode {
  const g = geometry ?? { x: -NOTE_DEFAULT.width - 60, y: index * (NOTE_DEFAULT.height + 20), ...NOTE_DEFAULT };
  return {
    id: note.id,
    type: 'note',
    position: drag ?? { x: g.x, y: g.y },
    data: EMPTY_DATA,
    width: g.width,
    height: g.height,
    handles: [],
    connectable: false,
    selected,
    ariaLabel: 'note',
  };
}

/**
 * What the auto-layout needs from a document, and nothing more (the page sends it to the worker):
 * each table's box, its area, and the table pairs joined by relationships.
 */
import type { SchemaDocument } from '@/lib/model/document';
import type { LayoutEdge, LayoutNode, Point } from '@/lib/layout/types';
import { tableShape } from '../flow/geometry';

export type { Point };

export type LayoutScope = { kind: 'all' } | { kind: 'tables'; tableIds: string[] } | { kind: 'area'; areaId: string };

/** A table's box on the canvas (a collapsed table is shorter): the one place the layout asks the canvas geometry. */
export function tableBox(doc: SchemaDocument, tableId: string): { width: number; height: number } {
  const { width, height } = tableShape(doc, doc.tables[tableId]);
  return { width, height };
}

export function scopeTableIds(doc: SchemaDocument, scope: LayoutScope): string[] {
  switch (scope.kind) {
    case 'all':
      return Object.keys(doc.tables);
    case 'tables':
      return scope.tableIds.filter((id) => doc.tables[id]);
    case 'area':
      return (doc.areas[scope.areaId]?.tableIds ?? []).filter((id) => doc.tables[id]);
    default: {
      const never: never = scope;
      return never;
    }
  }
}

export interface LayoutInput {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

/**
 * The tables to lay out with their sizes and areas (a table in several areas counts in the first),
 * and the relationships among them. When one area is laid out, areas are not used to group.
 */
export function layoutInput(doc: SchemaDocument, tableIds: readonly string[], options: { groupByArea?: boolean } = {}): LayoutInput {
  const included = new Set(tableIds);
  const areaOf = new Map<string, string>();
  if (options.groupByArea ?? true) {
    for (const area of Object.values(doc.areas)) for (const id of area.tableIds) if (!areaOf.has(id)) areaOf.set(id, area.id);
  }
  const nodes: LayoutNode[] = tableIds.map((id) => {
    const group = areaOf.get(id);
    return { id, ...tableBox(doc, id), ...(group ? { group } : {}) };
  });
  const edges: LayoutEdge[] = [];
  for (const rel of Object.values(doc.relationships)) {
    if (included.has(rel.fromTableId) && included.has(rel.toTableId)) edges.push({ source: rel.fromTableId, target: rel.toTableId });
  }
  return { nodes, edges };
}

/**
 * Where a partial layout goes: the top-left of the tables' current bounding box, so laying out a
 * selection or an area rearranges it in place.
 */
export function layoutOrigin(current: Record<string, Point | undefined>, tableIds: readonly string[]): Point {
  let x = Infinity;
  let y = Infinity;
  for (const id of tableIds) {
    const p = current[id];
    if (!p) continue;
    x = Math.min(x, p.x);
    y = Math.min(y, p.y);
  }
  return x === Infinity ? { x: 0, y: 0 } : { x, y };
}

/**
 * The auto-layout's data on both sides of the worker boundary: the ELK graph built from the
 * document (tables as fixed-size nodes, foreign keys as table-level edges) and the positions read
 * back. Pure, so it is tested in Node and shared by the worker and the page.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { SchemaDocument } from '@/lib/model/document';
import { TABLE_WIDTH, tableHeight } from '../flow/geometry';

export type Point = { x: number; y: number };

export type LayoutScope = { kind: 'all' } | { kind: 'tables'; tableIds: string[] } | { kind: 'area'; areaId: string };

/** Message from the page to the worker. */
export interface LayoutRequest {
  requestId: number;
  graph: ElkNode;
}

/** Messages from the worker to the page. */
export type LayoutResponse =
  | { requestId: number; type: 'progress'; phase: string }
  | { requestId: number; type: 'done'; positions: Record<string, Point>; elkMs: number }
  | { requestId: number; type: 'error'; message: string };

/** Layered, left to right: children (FK holders) on the left, the tables they reference to their right. */
export const ELK_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '90',
  'elk.spacing.componentComponent': '80',
  'elk.separateConnectedComponents': 'true',
  // Measured on the 1,000-table synthetic schema (Node, 2 cores): ELK's defaults took 14.9 s and
  // gave a 17k x 154k px tall strip; these took 4.1 s for a 20k x 35k px picture. Longest-path
  // layering suits schemas, where foreign keys mostly point "back" to older tables.
  'elk.layered.layering.strategy': 'LONGEST_PATH',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  'elk.layered.thoroughness': '1',
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
  'elk.edgeRouting': 'POLYLINE',
};

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

/** The ELK graph of the given tables and the relationships among them (one edge per table pair). */
export function buildElkGraph(doc: SchemaDocument, tableIds: readonly string[]): ElkNode {
  const included = new Set(tableIds);
  const children: ElkNode[] = tableIds.map((id) => ({ id, width: TABLE_WIDTH, height: tableHeight(doc.tables[id].columns.length) }));
  const edges: ElkExtendedEdge[] = [];
  const seen = new Set<string>();
  for (const rel of Object.values(doc.relationships)) {
    if (rel.fromTableId === rel.toTableId) continue; // self-references do not affect the order
    if (!included.has(rel.fromTableId) || !included.has(rel.toTableId)) continue;
    const key = `${rel.fromTableId}\u0000${rel.toTableId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({ id: `e${edges.length}`, sources: [rel.fromTableId], targets: [rel.toTableId] });
  }
  return { id: 'root', layoutOptions: ELK_OPTIONS, children, edges };
}

/** Positions of the laid-out children, moved so their bounding box starts at `origin`. */
export function positionsFromElk(result: ElkNode, origin: Point = { x: 0, y: 0 }): Record<string, Point> {
  const kids = result.children ?? [];
  let minX = Infinity;
  let minY = Infinity;
  for (const k of kids) {
    minX = Math.min(minX, k.x ?? 0);
    minY = Math.min(minY, k.y ?? 0);
  }
  const out: Record<string, Point> = {};
  for (const k of kids) out[k.id] = { x: Math.round((k.x ?? 0) - minX + origin.x), y: Math.round((k.y ?? 0) - minY + origin.y) };
  return out;
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

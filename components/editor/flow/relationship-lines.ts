/**
 * Where every relationship is drawn: for each column pair, the point on the child's row and the point
 * on the parent's row, on the sides that face each other — the same points the nodes declare as
 * handles (geometry.ts), computed from the document and the drawn boxes, never from the DOM. So a
 * line exists for every relationship whatever the zoom, the level of detail or which nodes React
 * Flow has mounted.
 *
 * `createLineDeriver()` keeps the previous line object while its inputs are equal, so a drag or an
 * edit re-renders the lines it moved and no others.
 */
import type { CardinalityEnd, Relationship, SchemaDocument, Table } from '@/lib/model/document';
import { cardinalityOf } from '@/lib/model/cardinality';
import { rowCenterY, type Side } from './geometry';
import type { TableBox } from './to-flow';

export interface PairLine {
  fromColumnId: string;
  toColumnId: string;
  sx: number;
  sy: number;
  sourceSide: Side;
  tx: number;
  ty: number;
  targetSide: Side;
}

export interface RelationshipLine {
  id: string;
  fromTableId: string;
  toTableId: string;
  /** One per column pair: a composite foreign key connects every pair of rows. */
  pairs: PairLine[];
  /** Crow's-foot ends: how many child rows per parent (at the child), parents per child (at the parent). */
  childEnd: CardinalityEnd;
  parentEnd: CardinalityEnd;
  /** Not enforced by the database (a logical relationship): drawn dashed. */
  logical: boolean;
  label: string;
}

/** Crow's-foot marker ids (defined once in <FlowMarkers/>), one per cardinality end. */
export function markerId(end: string): string {
  return `db-cf-${end}`;
}

interface Memo {
  rel: Relationship;
  from: Table;
  to: Table;
  fromBox: TableBox;
  toBox: TableBox;
  line: RelationshipLine;
}

const sameBox = (a: TableBox, b: TableBox) => a.x === b.x && a.y === b.y && a.shape === b.shape;

export function createLineDeriver(): (doc: SchemaDocument, boxes: ReadonlyMap<string, TableBox>) => RelationshipLine[] {
  let memo = new Map<string, Memo>();
  return (doc, boxes) => {
    const next = new Map<string, Memo>();
    const lines: RelationshipLine[] = [];
    for (const rel of Object.values(doc.relationships)) {
      const from = doc.tables[rel.fromTableId];
      const to = doc.tables[rel.toTableId];
      const fromBox = boxes.get(rel.fromTableId);
      const toBox = boxes.get(rel.toTableId);
      if (!from || !to || !fromBox || !toBox) continue;
      const prev = memo.get(rel.id);
      if (prev && prev.rel === rel && prev.from === from && prev.to === to && sameBox(prev.fromBox, fromBox) && sameBox(prev.toBox, toBox)) {
        next.set(rel.id, prev);
        lines.push(prev.line);
        continue;
      }
      const line = relationshipLine(doc, rel, from, to, fromBox, toBox);
      next.set(rel.id, { rel, from, to, fromBox, toBox, line });
      lines.push(line);
    }
    memo = next;
    return lines;
  };
}

function relationshipLine(doc: SchemaDocument, rel: Relationship, from: Table, to: Table, fromBox: TableBox, toBox: TableBox): RelationshipLine {
  const self = rel.fromTableId === rel.toTableId;
  // Leave the child on the side that faces the parent; a self-reference loops out on the right.
  const parentRight = self || toBox.x + toBox.shape.width / 2 >= fromBox.x + fromBox.shape.width / 2;
  const sourceSide: Side = parentRight ? 'r' : 'l';
  const targetSide: Side = self ? 'r' : parentRight ? 'l' : 'r';
  const sideX = (box: TableBox, side: Side) => (side === 'r' ? box.x + box.shape.width : box.x);
  const pairs = rel.columnPairs.map((p) => ({
    fromColumnId: p.fromColumnId,
    toColumnId: p.toColumnId,
    sx: sideX(fromBox, sourceSide),
    sy: fromBox.y + rowCenterY(fromBox.shape, p.fromColumnId),
    sourceSide,
    tx: sideX(toBox, targetSide),
    ty: toBox.y + rowCenterY(toBox.shape, p.toColumnId),
    targetSide,
  }));
  const card = cardinalityOf(doc, rel);
  return {
    id: rel.id,
    fromTableId: rel.fromTableId,
    toTableId: rel.toTableId,
    pairs,
    childEnd: card.from,
    parentEnd: card.to,
    logical: !rel.enforced,
    label: `relationship ${from.name} to ${to.name}`,
  };
}

export interface Rect {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export function boxIntersects(box: TableBox, r: Rect): boolean {
  return box.x <= r.x2 && box.x + box.shape.width >= r.x1 && box.y <= r.y2 && box.y + box.shape.height >= r.y1;
}

/** The lines with at least one of their tables inside `rect`: what must be drawn for that view. */
export function linesTouching(lines: readonly RelationshipLine[], boxes: ReadonlyMap<string, TableBox>, rect: Rect): RelationshipLine[] {
  return lines.filter((l) => boxIntersects(boxes.get(l.fromTableId)!, rect) || boxIntersects(boxes.get(l.toTableId)!, rect));
}

/**
 * The overview's form of a line (names-only detail): one straight segment between the facing sides'
 * mid-heights, or a small loop for a self-reference. All of them go into one SVG path: at fit-all
 * zoom thousands of separate edge elements are what made panning slow.
 */
export function overviewSegment(line: RelationshipLine, boxes: ReadonlyMap<string, TableBox>): string {
  const a = boxes.get(line.fromTableId)!;
  const b = boxes.get(line.toTableId)!;
  const { sourceSide, targetSide } = line.pairs[0] ?? { sourceSide: 'r', targetSide: 'l' };
  const ax = Math.round(sourceSide === 'r' ? a.x + a.shape.width : a.x);
  const ay = Math.round(a.y + a.shape.height / 2);
  if (line.fromTableId === line.toTableId) {
    return `M${ax} ${ay - 16}h40v32h-40`;
  }
  const bx = Math.round(targetSide === 'r' ? b.x + b.shape.width : b.x);
  const by = Math.round(b.y + b.shape.height / 2);
  return `M${ax} ${ay}L${bx} ${by}`;
}

/**
 * Where a new table goes: in free space near `want` (the view's centre, beside the selected table,
 * or where the user double-clicked) — never on top of another table.
 */
import type { SchemaDocument } from '@/lib/model/document';
import { freeSpot } from './free-spot';
import { TABLE_WIDTH, tableHeight, tableShape } from './geometry';
import { tablePosition, type TableBox } from './to-flow';

export function newTableSpot(doc: SchemaDocument, want: { x: number; y: number }, view?: { x1: number; y1: number; x2: number; y2: number }): { x: number; y: number } {
  const boxes: TableBox[] = Object.values(doc.tables).map((t) => ({ ...tablePosition(doc, t.id), shape: tableShape(doc, t) }));
  return freeSpot(boxes, want, { width: TABLE_WIDTH, height: tableHeight(3) }, view);
}

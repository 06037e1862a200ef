/**
 * Column order advice for heap layouts (PostgreSQL): values are aligned to their type's alignment, so
 * a boolean followed by a bigint wastes 7 bytes on every row. Ordering columns by alignment, widest
 * first, with variable-length values last, removes that padding. Reports the bytes per row (and at
 * the declared 5-year volume) the reordering saves. Dialects whose rows are not aligned (InnoDB) get
 * nothing: the layout decides, not the dialect's name.
 */
import { dialectSpec } from '../dialects/dialects';
import type { HeapLayout } from '../dialects/storage';
import type { Dialect, SchemaDocument, Table } from '../model/document';
import type { VolumesByTable } from '../workload/types';
import { foreignKeyParentRows, sizeColumns, type SizedColumn } from './columns';
import { heapPages, heapRow } from './heap';

export interface ColumnOrderAdvice {
  tableId: string;
  /** Bytes per row saved (tuple size after MAXALIGN, before and after). */
  savedBytesPerRow: number;
  rowBytesNow: number;
  rowBytesReordered: number;
  /** Heap bytes saved at the 5-year row count, when volumes are declared. */
  savedBytesIn5y: number | undefined;
  /** Column ids in the suggested order. */
  order: string[];
}

/** Fixed-width values by alignment (widest first), then variable-length ones; ties keep the current order. */
export function alignedOrder(cols: SizedColumn[]): SizedColumn[] {
  const rank = (c: SizedColumn) => (c.storage.kind === 'fixed' ? -c.storage.align : 1);
  return cols.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map((x) => x.c);
}

/**
 * The advice for one table, or undefined when the layout has no alignment padding to save or the
 * reordering saves nothing. Without declared volumes the row is sized with the default lengths.
 */
export function columnOrderAdvice(doc: SchemaDocument, table: Table, volumes: VolumesByTable, dialect: Dialect, fk = foreignKeyParentRows(doc, volumes)): ColumnOrderAdvice | undefined {
  const spec = dialectSpec(dialect);
  const layout = spec.storage.layout;
  if (layout.model !== 'heap') return undefined;
  const caps = spec.capabilities(spec.defaultTarget);
  const cols = sizeColumns({ doc, spec, caps, volumes, fkParentRows: fk.parentRows }, table, volumes[table.id], fk.keyed.get(table.id) ?? new Set());
  return adviceFor(layout, table, cols, volumes[table.id]?.rowsIn5y);
}

/** The advice for every table that has some (the foreign key lookups built once). */
export function columnOrderAdvices(doc: SchemaDocument, volumes: VolumesByTable, dialect: Dialect, tableIds: Iterable<string> = Object.keys(doc.tables)): ColumnOrderAdvice[] {
  if (dialectSpec(dialect).storage.layout.model !== 'heap') return [];
  const fk = foreignKeyParentRows(doc, volumes);
  const out: ColumnOrderAdvice[] = [];
  for (const id of tableIds) {
    const a = columnOrderAdvice(doc, doc.tables[id], volumes, dialect, fk);
    if (a) out.push(a);
  }
  return out;
}

function adviceFor(layout: HeapLayout, table: Table, cols: SizedColumn[], rowsIn5y: number | undefined): ColumnOrderAdvice | undefined {
  const reordered = alignedOrder(cols);
  const before = heapRow(layout, cols).totalBytes;
  const after = heapRow(layout, reordered).totalBytes;
  const saved = before - after;
  if (saved <= 0) return undefined;
  let savedBytesIn5y: number | undefined;
  if (rowsIn5y !== undefined) {
    savedBytesIn5y = (heapPages(layout, heapRow(layout, cols), rowsIn5y).main - heapPages(layout, heapRow(layout, reordered), rowsIn5y).main) * layout.pageBytes;
  }
  return { tableId: table.id, savedBytesPerRow: saved, rowBytesNow: before, rowBytesReordered: after, savedBytesIn5y, order: reordered.map((c) => c.column.id) };
}

/**
 * The statistics the PostgreSQL planner is made to believe for a designed schema that holds no rows
 * (lib/server/advisor restores them with pg_restore_relation_stats / pg_restore_attribute_stats):
 * per table its rows (declared, else DEFAULT_ASSUMED_ROWS) and heap pages, per column the average width,
 * the NULL fraction and the number of distinct values where the design says it, per index its pages.
 *
 * What the design says and what is assumed (the limits of the method, also in the advisor's README):
 * - rows: `volumesOf(doc)` rows now; a table without a declared volume gets DEFAULT_ASSUMED_ROWS.
 * - widths: declared average lengths, else per-type defaults (TYPE_WIDTH; varchar(n) at most n).
 * - distinct values: unique (primary key, unique constraint, identity) columns are all distinct; a
 *   single-column foreign key has as many distinct values as its parent has rows; booleans 2, enums
 *   their labels. Other columns: unknown, and the planner then uses its own defaults (200 distinct
 *   values, 1/3 for a range), which is what it does on a freshly created table too.
 * - NULLs: NOT NULL columns none, nullable columns half (neither "rare" nor "everything").
 * - no histograms or most-common values: skew is invisible to the planner here.
 * Pure.
 */
import type { Column, ScalarType, SchemaDocument, Table } from '../model/document';
import { volumesOf } from './types';
import { DEFAULT_ASSUMED_ROWS } from './advice';

export const PAGE_BYTES = 8192;
/** Heap tuple header (23 bytes, aligned) + the line pointer. */
const TUPLE_OVERHEAD = 24 + 4;
/** Index tuple header + line pointer. */
const INDEX_TUPLE_OVERHEAD = 8 + 4;
/** B-tree leaf pages are built 90 % full. */
const BTREE_FILL = 0.9;
/** Nullable columns: the fraction of NULLs assumed. */
export const ASSUMED_NULL_FRACTION = 0.5;

type ScalarName = ScalarType['name'];

/** Average stored bytes per logical type when no length is declared. */
const TYPE_WIDTH: Record<ScalarName, number> = {
  smallint: 2, integer: 4, bigint: 8, decimal: 8, real: 4, double: 8, boolean: 1,
  char: 1, varchar: 32, text: 64, uuid: 16, date: 4, time: 8, timetz: 12, timestamp: 8, timestamptz: 8,
  interval: 16, year: 2, json: 128, jsonb: 128, binary: 16, varbinary: 32, blob: 256, inet: 7, cidr: 7,
  macaddr: 6, bit: 1, varbit: 8, xml: 256, money: 8, tsvector: 128, geometry: 64,
};

export interface ColumnStats {
  columnId: string;
  name: string;
  avgWidth: number;
  nullFrac: number;
  /** PostgreSQL's convention: > 0 a count, < 0 minus a fraction of the rows, absent = unknown. */
  nDistinct?: number;
  /** 1 for ever-increasing keys (identity, serial): index order is heap order. */
  correlation?: number;
}

export interface TableStats {
  tableId: string;
  rows: number;
  /** False when the rows are DEFAULT_ASSUMED_ROWS. */
  declared: boolean;
  pages: number;
  rowWidth: number;
  columns: ColumnStats[];
}

function scalarOf(doc: SchemaDocument, col: Column): ScalarType | undefined {
  if (col.type.kind === 'scalar') return col.type;
  if (col.type.kind === 'domain') return doc.domains[col.type.domainId]?.type;
  return undefined;
}

export function columnWidth(doc: SchemaDocument, col: Column, declared: number | undefined): number {
  if (declared !== undefined) return Math.max(1, Math.round(declared));
  if (col.type.kind === 'enum') return 4;
  const s = scalarOf(doc, col);
  if (!s) return 8;
  let w = TYPE_WIDTH[s.name];
  if ((s.name === 'varchar' || s.name === 'varbinary') && s.length) w = Math.min(w, s.length);
  if ((s.name === 'char' || s.name === 'binary') && s.length) w = s.length;
  if (s.name === 'bit' && s.length) w = Math.ceil(s.length / 8);
  // Arrays: a handful of elements behind an array header.
  return (col.arrayDims ? w * 4 + 24 : w);
}

/** Heap pages for `rows` rows of `rowWidth` bytes (data only). */
export function heapPages(rows: number, rowWidth: number): number {
  if (rows <= 0) return 0;
  const perPage = Math.max(1, Math.floor((PAGE_BYTES - 24) / (TUPLE_OVERHEAD + Math.ceil(rowWidth / 8) * 8)));
  return Math.ceil(rows / perPage);
}

/** B-tree pages (leaves at 90 % and the metapage) for `rows` entries of `keyWidth` bytes. */
export function btreePages(rows: number, keyWidth: number): number {
  if (rows <= 0) return 1;
  const perPage = Math.max(1, Math.floor(((PAGE_BYTES - 24 - 16) * BTREE_FILL) / (INDEX_TUPLE_OVERHEAD + Math.ceil(keyWidth / 8) * 8)));
  const leaves = Math.ceil(rows / perPage);
  return leaves + Math.ceil(leaves / perPage) + 1;
}

function uniqueColumnIds(table: Table): Set<string> {
  const out = new Set<string>();
  if (table.primaryKey?.columnIds.length === 1) out.add(table.primaryKey.columnIds[0]);
  for (const u of table.uniques) if (u.columnIds.length === 1) out.add(u.columnIds[0]);
  for (const ix of table.indexes) if (ix.unique && !ix.where && ix.parts.length === 1 && ix.parts[0].kind === 'column') out.add(ix.parts[0].columnId);
  for (const c of table.columns) if (c.identity) out.add(c.id);
  return out;
}

/** Rows per table as the advisor plans with them: declared rows now, else DEFAULT_ASSUMED_ROWS. */
export function plannedRows(doc: SchemaDocument): Map<string, { rows: number; declared: boolean }> {
  const vols = volumesOf(doc);
  const out = new Map<string, { rows: number; declared: boolean }>();
  for (const t of Object.values(doc.tables)) {
    const v = vols[t.id];
    const declared = v?.rowsNow !== undefined;
    out.set(t.id, { rows: declared ? v.rowsNow! : DEFAULT_ASSUMED_ROWS, declared });
  }
  return out;
}

/** The statistics of every table of the document. */
export function plannerStats(doc: SchemaDocument): Map<string, TableStats> {
  const vols = volumesOf(doc);
  const rowsBy = plannedRows(doc);
  const fkParent = new Map<string, string>();
  for (const r of Object.values(doc.relationships)) {
    if (r.columnPairs.length === 1) fkParent.set(`${r.fromTableId}\u0000${r.columnPairs[0].fromColumnId}`, r.toTableId);
  }
  const out = new Map<string, TableStats>();
  for (const t of Object.values(doc.tables)) {
    const { rows, declared } = rowsBy.get(t.id)!;
    const unique = uniqueColumnIds(t);
    const columns: ColumnStats[] = t.columns.map((c) => {
      const avgWidth = columnWidth(doc, c, vols[t.id]?.avgLength[c.id]);
      const st: ColumnStats = { columnId: c.id, name: c.name, avgWidth, nullFrac: c.nullable ? ASSUMED_NULL_FRACTION : 0 };
      const parent = fkParent.get(`${t.id}\u0000${c.id}`);
      const scalar = scalarOf(doc, c);
      if (unique.has(c.id)) {
        st.nDistinct = -1;
        st.nullFrac = c.nullable ? Math.min(st.nullFrac, 0.1) : 0;
      } else if (parent) {
        const parentRows = rowsBy.get(parent)?.rows ?? DEFAULT_ASSUMED_ROWS;
        st.nDistinct = Math.max(1, Math.min(parentRows, rows));
      } else if (scalar?.name === 'boolean') {
        st.nDistinct = 2;
      } else if (c.type.kind === 'enum') {
        st.nDistinct = doc.enums[c.type.enumId]?.values.length ?? 4;
      }
      const ascending = c.identity || c.default.kind === 'sequence';
      if (ascending) st.correlation = 1;
      return st;
    });
    const rowWidth = columns.reduce((s, c) => s + c.avgWidth * (1 - c.nullFrac), 0) + Math.ceil(t.columns.length / 8);
    out.set(t.id, { tableId: t.id, rows, declared, pages: heapPages(rows, rowWidth), rowWidth, columns });
  }
  return out;
}

/**
 * The capacity plan: per table, the row's bytes (with where they go), the table's own storage (heap or
 * clustered index, plus TOAST / overflow pages) and each index's, now and at 5 years, from the declared
 * volumes (read only through volumesOf). Pure and per dialect: every engine fact comes from
 * DialectSpec.storage (lib/dialects/storage.ts); the layout model decides which arithmetic applies.
 *
 * What is estimated: the compact state after a bulk load or REINDEX / OPTIMIZE TABLE (B-tree leaves at
 * the fill factor). Indexes filled by random-order inserts settle around 70 % full, up to 1.3x this.
 * Every value is assumed present (NULLs only save their bytes); TOAST assumes incompressible data.
 */
import { dialectSpec } from '../dialects/dialects';
import { DEFAULT_AVG_LENGTHS, type ClusteredLayout, type HeapLayout } from '../dialects/storage';
import type { Capabilities, DdlTarget } from '../dialects/types';
import type { Dialect, Index, Relationship, SchemaDocument, Table } from '../model/document';
import { displayName } from '../model/lookup';
import { indexName, uniqueConstraintName } from '../naming/derived-names';
import type { VolumesByTable } from '../workload/types';
import { foreignKeyParentRows, sizeColumns, type ColumnContext, type SizedColumn } from './columns';
import { btreePages, heapPages, heapRow, type RowBreakdown } from './heap';
import { clusteredRow, innodbRecordBytes, innodbTreePages } from './innodb';

export interface IndexCapacity {
  /** The index id (declared indexes), the unique constraint id, or undefined for the primary key. */
  id: string | undefined;
  name: string;
  source: 'primary-key' | 'unique' | 'index' | 'foreign-key';
  method: string;
  bytesNow: number;
  bytesIn5y: number;
  /** Sized by a rule of thumb (GIN, GiST, BRIN, hash, full-text, expressions, partial predicates). */
  approximate: boolean;
  /** Why it is approximate, or what was assumed. */
  note?: string;
}

export interface TableCapacity {
  tableId: string;
  name: string;
  rowsNow: number;
  rowsIn5y: number;
  growthPerMonth: number;
  row: RowBreakdown;
  /** Heap (PostgreSQL) or clustered index (InnoDB) bytes, including TOAST / overflow pages. */
  tableBytesNow: number;
  tableBytesIn5y: number;
  /** Of which out of line (TOAST table, InnoDB overflow pages). */
  outOfLineBytesNow: number;
  indexes: IndexCapacity[];
  indexBytesNow: number;
  indexBytesIn5y: number;
  totalBytesNow: number;
  totalBytesIn5y: number;
  /** Write-ahead / redo log bytes per month from the declared growth (formula in CapacityPlan.walFormula). */
  walBytesPerMonth: number;
  /** Variable-length columns sized with the default average length (none declared). */
  defaultedColumns: number;
}

export interface CapacityPlan {
  dialect: Dialect;
  engine: string;
  tables: TableCapacity[];
  /** Tables without declared volumes: not sized (not zero). */
  notDeclared: { tableId: string; name: string }[];
  totals: { tableBytesNow: number; tableBytesIn5y: number; indexBytesNow: number; indexBytesIn5y: number; totalBytesNow: number; totalBytesIn5y: number; walBytesPerMonth: number };
  backup: { retentionDays: number; fullBackupBytesNow: number; fullBackupBytesIn5y: number; retainedBytesIn5y: number };
  walFormula: string;
  backupFormula: string;
  /** What the figures assume, in sentences (quoted by the design document). */
  assumptions: string[];
}

export interface CapacityOptions {
  /** The DDL target (capabilities decide native types, e.g. MariaDB's uuid); default the dialect's. */
  target?: DdlTarget;
  /** Days of WAL / binary log kept for point-in-time recovery (default 30). */
  backupRetentionDays?: number;
}

const DAYS_PER_MONTH = 30.4;

/** The key columns of an index part: the column, or for an expression the first column it names (approximate). */
function partColumn(table: Table, sized: Map<string, SizedColumn>, part: Index['parts'][number]): { col: SizedColumn | undefined; approximate: boolean; prefix?: number } {
  if (part.kind === 'column') return { col: sized.get(part.columnId), approximate: false, prefix: part.length };
  for (const c of table.columns) {
    if (new RegExp(`(^|[^A-Za-z0-9_$])"?${c.name.replace(/[^A-Za-z0-9_]/g, '\\$&')}"?($|[^A-Za-z0-9_$])`).test(part.sql)) return { col: sized.get(c.id), approximate: true };
  }
  return { col: undefined, approximate: true };
}

interface KeySpec {
  id: string | undefined;
  name: string;
  source: IndexCapacity['source'];
  method: string;
  unique: boolean;
  cols: SizedColumn[];
  lengths: number[];
  approximate: boolean;
  note?: string;
}

function keySpecs(table: Table, sizedCols: SizedColumn[], inlineLengths: number[], caps: Capabilities, childRelationships: readonly Relationship[] | undefined, createsFkIndexes: boolean): KeySpec[] {
  const sized = new Map(sizedCols.map((c) => [c.column.id, c]));
  const lengthOf = new Map(sizedCols.map((c, i) => [c.column.id, inlineLengths[i]]));
  const out: KeySpec[] = [];
  const fromIds = (ids: string[]) => {
    const cols = ids.map((id) => sized.get(id)).filter((c): c is SizedColumn => c !== undefined);
    return { cols, lengths: cols.map((c) => lengthOf.get(c.column.id) ?? c.avgBytes) };
  };
  if (table.primaryKey) out.push({ id: undefined, name: table.primaryKey.name ?? 'primary key', source: 'primary-key', method: 'btree', unique: true, approximate: false, ...fromIds(table.primaryKey.columnIds) });
  for (const u of table.uniques) {
    if (u.columnIds.length === 0) continue;
    out.push({ id: u.id, name: uniqueConstraintName(table, u), source: 'unique', method: 'btree', unique: true, approximate: false, ...fromIds(u.columnIds) });
  }
  for (const ix of table.indexes) {
    if (ix.parts.length === 0) continue;
    const cols: SizedColumn[] = [];
    const lengths: number[] = [];
    let approximate = false;
    const notes: string[] = [];
    for (const p of ix.parts) {
      const r = partColumn(table, sized, p);
      approximate ||= r.approximate;
      if (!r.col) continue;
      cols.push(r.col);
      const len = lengthOf.get(r.col.column.id) ?? r.col.avgBytes;
      lengths.push(r.prefix !== undefined && caps.prefixLengths ? Math.min(len, r.prefix) : len);
    }
    if (approximate) notes.push('expression key sized as the column it names');
    for (const id of ix.includeColumnIds ?? []) {
      const c = sized.get(id);
      if (!c) continue;
      cols.push(c);
      lengths.push(lengthOf.get(id) ?? c.avgBytes);
    }
    if (ix.where) {
      approximate = true;
      notes.push('partial: sized for every row (an upper bound)');
    }
    out.push({ id: ix.id, name: indexName(table, ix), source: 'index', method: ix.method ?? 'btree', unique: ix.unique, cols, lengths, approximate, note: notes.join('; ') || undefined });
  }
  // InnoDB creates an index for a foreign key whose columns lead no index.
  if (createsFkIndexes && childRelationships) {
    const leading = new Set(out.map((k) => k.cols[0]?.column.id));
    for (const rel of childRelationships) {
      if (!rel.enforced) continue;
      const first = rel.columnPairs[0].fromColumnId;
      if (leading.has(first)) continue;
      leading.add(first);
      out.push({ id: rel.id, name: rel.name ?? `${sized.get(first)?.column.name ?? first} (foreign key)`, source: 'foreign-key', method: 'btree', unique: false, approximate: false, ...fromIds(rel.columnPairs.map((p) => p.fromColumnId)) });
    }
  }
  return out;
}

/** Bytes of the approximated access methods (hash, GIN, GiST, BRIN, full-text, spatial). */
function otherIndexBytes(layout: HeapLayout | ClusteredLayout, method: string, rows: number, tablePages: number, keyBytes: number): number {
  const pageBytes = layout.pageBytes;
  if (layout.model === 'heap') {
    const o = layout.otherIndexBytesPerRow;
    if (method === 'brin') return (3 + Math.ceil((Math.ceil(tablePages / o.brinPagesPerRange) * o.brinPerRange) / pageBytes)) * pageBytes;
    if (method === 'hash') {
      const h = layout.hash;
      const perBucket = Math.floor(((pageBytes - layout.pageHeaderBytes - layout.btree.specialBytes) * h.fillfactor) / 100 / h.entryBytes);
      const buckets = 2 ** Math.max(1, Math.ceil(Math.log2(Math.max(2, rows / perBucket))));
      return (buckets + h.metaPages) * pageBytes;
    }
    if (method === 'gin') return Math.max(pageBytes, Math.ceil((rows * (o.gin + o.ginPerValueByte * keyBytes)) / pageBytes) * pageBytes);
  }
  const bytes = (layout.otherIndexBytesPerRow as Record<string, number>)[method] ?? 40;
  return Math.max(pageBytes, Math.ceil((rows * bytes) / pageBytes) * pageBytes);
}

function sizeHeapTable(layout: HeapLayout, cols: SizedColumn[], keys: (lengths: number[]) => KeySpec[], rowsNow: number, rows5y: number) {
  const row = heapRow(layout, cols);
  const at = (rows: number) => {
    const p = heapPages(layout, row, rows);
    return { table: (p.main + p.toast) * layout.pageBytes, toast: p.toast * layout.pageBytes, pages: p.main };
  };
  const now = at(rowsNow);
  const later = at(rows5y);
  const indexes: IndexCapacity[] = keys(row.inlineLengths).map((k) => {
    const size = (rows: number, tablePages: number) => {
      if (k.method === 'btree') return btreePages(layout, k.cols, k.lengths, rows, { unique: k.unique, distinct: distinctOf(k.cols, rows) }).pages * layout.pageBytes;
      return otherIndexBytes(layout, k.method, rows, tablePages, k.lengths.reduce((a, b) => a + b, 0));
    };
    const approximate = k.approximate || k.method !== 'btree';
    return { id: k.id, name: k.name, source: k.source, method: k.method, bytesNow: size(rowsNow, now.pages), bytesIn5y: size(rows5y, later.pages), approximate, note: k.method !== 'btree' ? `${k.method}: rule of thumb` : k.note };
  });
  return { row, now, later, indexes };
}

/** Distinct keys of a composite key: the product of what each column's type or foreign key says, when all say. */
function distinctOf(cols: SizedColumn[], rows: number): number | undefined {
  let d = 1;
  for (const c of cols) {
    if (c.distinct === undefined) return undefined;
    d *= c.distinct;
    if (d >= rows) return undefined;
  }
  return d;
}

function sizeClusteredTable(layout: ClusteredLayout, cols: SizedColumn[], hasPk: boolean, keys: (lengths: number[]) => KeySpec[], rowsNow: number, rows5y: number) {
  const row = clusteredRow(layout, cols, hasPk);
  const keyList = keys(row.inlineLengths);
  const pk = keyList.find((k) => k.source === 'primary-key');
  const pkCols = pk?.cols ?? [];
  const pkLengths = pk?.lengths ?? [];
  const rowId = hasPk ? 0 : layout.rowIdBytes;
  const nodeRecord = innodbRecordBytes(layout, pkCols, pkLengths, layout.childPointerBytes + rowId);
  const at = (rows: number) => {
    const overflow = Math.ceil(rows * row.overflowPagesPerRow);
    const t = innodbTreePages(layout, row.totalBytes - row.slotBytes, nodeRecord, rows, true, overflow);
    return { table: t.pages * layout.pageBytes, toast: overflow * layout.pageBytes, pages: t.pages };
  };
  const now = at(rowsNow);
  const later = at(rows5y);
  const indexes: IndexCapacity[] = [];
  for (const k of keyList) {
    if (k.source === 'primary-key') continue; // the clustered index is the table
    if (k.method !== 'btree' && k.method !== 'hash') {
      indexes.push({ id: k.id, name: k.name, source: k.source, method: k.method, bytesNow: otherIndexBytes(layout, k.method, rowsNow, now.pages, k.lengths.reduce((a, b) => a + b, 0)), bytesIn5y: otherIndexBytes(layout, k.method, rows5y, later.pages, k.lengths.reduce((a, b) => a + b, 0)), approximate: true, note: `${k.method}: rule of thumb` });
      continue;
    }
    // Secondary records carry the primary key columns the key does not already hold.
    const keyIds = new Set(k.cols.map((c) => c.column.id));
    const cols = [...k.cols];
    const lengths = [...k.lengths];
    pkCols.forEach((c, i) => {
      if (keyIds.has(c.column.id)) return;
      cols.push(c);
      lengths.push(pkLengths[i]);
    });
    const leaf = innodbRecordBytes(layout, cols, lengths, rowId);
    const node = leaf + layout.childPointerBytes;
    const size = (rows: number) => innodbTreePages(layout, leaf, node, rows, false).pages * layout.pageBytes;
    indexes.push({ id: k.id, name: k.name, source: k.source, method: 'btree', bytesNow: size(rowsNow), bytesIn5y: size(rows5y), approximate: k.approximate, note: k.method === 'hash' ? 'InnoDB builds HASH indexes as B-trees' : k.note });
  }
  return { row, now, later, indexes };
}

/** The capacity plan of every table with declared volumes. */
export function capacityPlan(doc: SchemaDocument, volumes: VolumesByTable, dialect: Dialect, options: CapacityOptions = {}): CapacityPlan {
  const spec = dialectSpec(dialect);
  const caps = spec.capabilities(options.target ?? spec.defaultTarget);
  const layout = spec.storage.layout;
  const fk = foreignKeyParentRows(doc, volumes);
  const byChild = new Map<string, Relationship[]>();
  for (const rel of Object.values(doc.relationships)) {
    const list = byChild.get(rel.fromTableId);
    if (list) list.push(rel);
    else byChild.set(rel.fromTableId, [rel]);
  }
  const ctx: ColumnContext = { doc, spec, caps, volumes, fkParentRows: fk.parentRows };
  const tables: TableCapacity[] = [];
  const notDeclared: CapacityPlan['notDeclared'] = [];
  for (const table of Object.values(doc.tables)) {
    const v = volumes[table.id];
    if (!v?.declared || v.rowsNow === undefined) {
      notDeclared.push({ tableId: table.id, name: displayName(doc, table) });
      continue;
    }
    const rowsNow = v.rowsNow;
    const rows5y = v.rowsIn5y ?? rowsNow;
    const cols = sizeColumns(ctx, table, v, fk.keyed.get(table.id) ?? new Set());
    const keys = (lengths: number[]) => keySpecs(table, cols, lengths, caps, byChild.get(table.id), spec.createsForeignKeyIndexes);
    const s = layout.model === 'heap' ? sizeHeapTable(layout, cols, keys, rowsNow, rows5y) : sizeClusteredTable(layout, cols, table.primaryKey !== undefined, keys, rowsNow, rows5y);
    const indexBytesNow = s.indexes.reduce((a, i) => a + i.bytesNow, 0);
    const indexBytesIn5y = s.indexes.reduce((a, i) => a + i.bytesIn5y, 0);
    const growth = v.growthPerMonth ?? (v.rowsIn5y !== undefined ? Math.max(0, (v.rowsIn5y - rowsNow) / 60) : 0);
    // WAL per inserted row: the row image, each index entry, and the record overhead.
    const indexBytesPerRow = rowsNow > 0 ? indexBytesNow / rowsNow : 0;
    const walBytesPerMonth = Math.round(growth * (s.row.totalBytes + s.row.outOfLineBytes + indexBytesPerRow + layout.walRecordOverheadBytes));
    tables.push({
      tableId: table.id,
      name: displayName(doc, table),
      rowsNow,
      rowsIn5y: rows5y,
      growthPerMonth: growth,
      row: s.row,
      tableBytesNow: s.now.table,
      tableBytesIn5y: s.later.table,
      outOfLineBytesNow: s.now.toast,
      indexes: s.indexes,
      indexBytesNow,
      indexBytesIn5y,
      totalBytesNow: s.now.table + indexBytesNow,
      totalBytesIn5y: s.later.table + indexBytesIn5y,
      walBytesPerMonth,
      defaultedColumns: cols.filter((c) => c.avgSource === 'default').length,
    });
  }
  const sum = (f: (t: TableCapacity) => number) => tables.reduce((a, t) => a + f(t), 0);
  const totals = {
    tableBytesNow: sum((t) => t.tableBytesNow),
    tableBytesIn5y: sum((t) => t.tableBytesIn5y),
    indexBytesNow: sum((t) => t.indexBytesNow),
    indexBytesIn5y: sum((t) => t.indexBytesIn5y),
    totalBytesNow: sum((t) => t.totalBytesNow),
    totalBytesIn5y: sum((t) => t.totalBytesIn5y),
    walBytesPerMonth: sum((t) => t.walBytesPerMonth),
  };
  const retentionDays = options.backupRetentionDays ?? 30;
  const walInWindow = Math.round((totals.walBytesPerMonth * retentionDays) / DAYS_PER_MONTH);
  return {
    dialect,
    engine: spec.storage.engine,
    tables,
    notDeclared,
    totals,
    backup: { retentionDays, fullBackupBytesNow: totals.totalBytesNow, fullBackupBytesIn5y: totals.totalBytesIn5y, retainedBytesIn5y: totals.totalBytesIn5y + walInWindow },
    walFormula: `log per month = rows added per month x (row bytes + out-of-line bytes + index bytes per row + ${layout.walRecordOverheadBytes} bytes of record overhead); full-page images after checkpoints come on top`,
    assumptions: [
      'indexes in their compact state, as after a bulk load, REINDEX or OPTIMIZE TABLE (B-trees filled by inserts in random key order, such as UUIDs or text, settle up to 1.4x larger)',
      'every value present (a NULL saves its bytes)',
      ...(layout.model === 'heap' ? ['values past the TOAST threshold stored incompressible (the worst case)'] : []),
      `variable-length columns without a declared average length: text ${DEFAULT_AVG_LENGTHS.text} bytes, varchar(n) half of n up to 64, json ${DEFAULT_AVG_LENGTHS.json}, binary ${DEFAULT_AVG_LENGTHS.binary}, arrays ${DEFAULT_AVG_LENGTHS.array}`,
    ],
    backupFormula: `retained backup = one full backup (data + indexes at 5 years) + ${retentionDays} days of log (log per month x ${retentionDays} / 30.4)`,
  };
}

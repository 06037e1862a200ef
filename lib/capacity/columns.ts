/**
 * Each column as the capacity plan sees it: how the dialect stores its native type, the average data
 * length it is sized with (declared in the table's volume, else the dialect's default for the type),
 * and a guess at how many distinct values it holds (B-tree deduplication needs one).
 */
import type { Capabilities, DialectSpec, } from '../dialects/types';
import type { TypeStorage } from '../dialects/storage';
import type { Column, ScalarType, SchemaDocument, Table } from '../model/document';
import type { ResolvedVolume, VolumesByTable } from '../workload/types';

export interface SizedColumn {
  column: Column;
  /** The native type the generator writes. */
  nativeSql: string;
  storage: TypeStorage;
  /** Average data bytes per value (without length headers). */
  avgBytes: number;
  /** Where avgBytes came from. */
  avgSource: 'fixed' | 'declared' | 'default';
  nullable: boolean;
  /** Distinct values expected, when the type or a foreign key says (boolean: 2, enum: labels, FK: parent rows). */
  distinct: number | undefined;
}

/** Keyed text columns become the dialect's bounded key type (MySQL varchar(191)), as the generator does. */
function keyedColumnIds(table: Table): Set<string> {
  const ids = new Set<string>(table.primaryKey?.columnIds ?? []);
  for (const u of table.uniques) for (const id of u.columnIds) ids.add(id);
  for (const i of table.indexes) for (const p of i.parts) if (p.kind === 'column') ids.add(p.columnId);
  return ids;
}

function scalarNative(spec: DialectSpec, caps: Capabilities, t: ScalarType, keyed: boolean): string {
  const native = t.native?.[spec.name];
  if (native) return native;
  if (t.name === 'text' && keyed && caps.textKeyType) return caps.textKeyType.sql;
  return spec.mapType(t, caps).sql;
}

export interface ColumnContext {
  doc: SchemaDocument;
  spec: DialectSpec;
  caps: Capabilities;
  volumes: VolumesByTable;
  /** Parent table rows by child table id + column id (foreign key columns). */
  fkParentRows: Map<string, number | undefined>;
  /** Storage by native type text, shared by a run (a schema repeats a few dozen type texts). */
  typeCache?: Map<string, TypeStorage>;
}

export function sizeColumns(ctx: ColumnContext, table: Table, volume: ResolvedVolume | undefined, fkKeyed: Set<string>): SizedColumn[] {
  const keyed = keyedColumnIds(table);
  for (const id of fkKeyed) keyed.add(id);
  const storage = ctx.spec.storage;
  const cache = (ctx.typeCache ??= new Map());
  const typeStorage = (sql: string) => {
    let st = cache.get(sql);
    if (!st) cache.set(sql, (st = storage.typeStorage(sql)));
    return st;
  };
  return table.columns.map((column) => {
    let nativeSql: string;
    let st: TypeStorage;
    let distinct: number | undefined;
    const type = column.type;
    if (type.kind === 'enum') {
      const labels = ctx.doc.enums[type.enumId]?.values.length ?? 4;
      nativeSql = `enum(${labels})`;
      st = storage.enumStorage(labels);
      distinct = labels;
    } else {
      const scalar = type.kind === 'domain' ? ctx.doc.domains[type.domainId]?.type : type;
      nativeSql = scalar ? scalarNative(ctx.spec, ctx.caps, scalar, keyed.has(column.id)) : 'text';
      st = typeStorage(nativeSql);
      if (scalar?.name === 'boolean') distinct = 2;
    }
    if ((column.arrayDims ?? 0) > 0) {
      nativeSql = ctx.caps.arrays ? `${nativeSql}[]` : 'json';
      st = typeStorage(nativeSql);
    }
    const fkRows = ctx.fkParentRows.get(`${table.id}\u0000${column.id}`);
    if (fkRows !== undefined) distinct = fkRows;
    const declared = volume?.avgLength[column.id];
    let avgBytes: number;
    let avgSource: SizedColumn['avgSource'];
    if (st.kind === 'fixed') {
      avgBytes = st.bytes;
      avgSource = 'fixed';
    } else if (declared !== undefined) {
      avgBytes = st.maxBytes !== undefined ? Math.min(declared, st.maxBytes) : declared;
      avgSource = 'declared';
    } else {
      avgBytes = st.avg;
      avgSource = 'default';
    }
    return { column, nativeSql, storage: st, avgBytes, avgSource, nullable: column.nullable, distinct };
  });
}

/** Foreign key columns mapped to their parent table's declared rows (the number of distinct values they can hold). */
export function foreignKeyParentRows(doc: SchemaDocument, volumes: VolumesByTable): { parentRows: Map<string, number | undefined>; keyed: Map<string, Set<string>> } {
  const parentRows = new Map<string, number | undefined>();
  const keyed = new Map<string, Set<string>>();
  for (const rel of Object.values(doc.relationships)) {
    const rows = volumes[rel.toTableId]?.rowsNow;
    let set = keyed.get(rel.fromTableId);
    if (!set) keyed.set(rel.fromTableId, (set = new Set()));
    for (const p of rel.columnPairs) {
      set.add(p.fromColumnId);
      // Only a single-column key bounds the column's distinct values by the parent's rows.
      if (rel.columnPairs.length === 1 && rows !== undefined) parentRows.set(`${rel.fromTableId}\u0000${p.fromColumnId}`, Math.max(1, rows));
    }
  }
  return { parentRows, keyed };
}

/**
 * What the canvas draws when two versions are compared (issue 17): the newer document with what the
 * older one had and the newer one lost put back in as ghosts (removed tables at their old place,
 * removed columns at their old position, removed indexes and relationships), and a mark per element
 * id saying how it changed. The canvas then needs no second drawing path: it draws one document and
 * reads the marks by id.
 *
 * Pure; reads the `DocumentDiff` of lib/evolution/diff.ts (by stable id, so a rename is one changed
 * element, never a ghost and an addition).
 */
import type { SchemaDocument, Table } from '../../model/document';
import { indexName, uniqueConstraintName } from '../../naming/derived-names';
import type { ChangeKind, DiffEntry, DocumentDiff, ElementKind, FieldChange } from '../diff';

export interface DiffMark {
  change: ChangeKind;
  kind: ElementKind;
  name: string;
  fields: readonly FieldChange[];
  renamed?: { from: string; to: string };
}

/** A table's own change, or `changed` when only something inside it changed. */
export type TableStatus = ChangeKind;

/** Changes inside a table that have no row of their own on the canvas (indexes, keys, checks, partitioning). */
export interface TableExtra {
  entry: DiffEntry;
}

export interface CompareView {
  /** The diff's entries, an unnamed index or unique key named as the DDL names it (not by its id). */
  entries: readonly DiffEntry[];
  /** The newer document plus ghosts of what was removed. Layout from the newer one, ghosts at their old places. */
  doc: SchemaDocument;
  /** By element id: tables, columns, indexes, checks, uniques, relationships. Keys and partitioning by `<kind>:<tableId>`. */
  marks: ReadonlyMap<string, DiffMark>;
  /** Every table with any change, and how. */
  tables: ReadonlyMap<string, TableStatus>;
  /** Per table: its non-row changes (indexes, keys, checks, partitioning), shown below the table. */
  extras: ReadonlyMap<string, readonly DiffEntry[]>;
}

const ROWLESS: ReadonlySet<ElementKind> = new Set(['index', 'unique', 'check', 'primaryKey', 'partitioning']);

/** The key of a mark: the element id, or `<kind>:<tableId>` for the entries that carry their table's id. */
export function markKey(entry: Pick<DiffEntry, 'kind' | 'id'>): string {
  return entry.kind === 'primaryKey' || entry.kind === 'partitioning' ? `${entry.kind}:${entry.id}` : entry.id;
}

/** The table an entry belongs to, if any. */
export function tableOf(entry: DiffEntry): string | undefined {
  if (entry.kind === 'table') return entry.id;
  if (entry.kind === 'primaryKey' || entry.kind === 'partitioning') return entry.id;
  if (entry.kind === 'column' || entry.kind === 'index' || entry.kind === 'unique' || entry.kind === 'check') return entry.parentId;
  return undefined;
}

export function compareView(from: SchemaDocument, to: SchemaDocument, diff: DocumentDiff): CompareView {
  const marks = new Map<string, DiffMark>();
  const tables = new Map<string, TableStatus>();
  const extras = new Map<string, DiffEntry[]>();
  // Copy-on-write: only the tables that receive ghosts are copied.
  const outTables: Record<string, Table> = { ...to.tables };
  const layoutTables = { ...to.layout.tables };
  const relationships = { ...to.relationships };
  const copied = new Set<string>();
  const writable = (id: string): Table | undefined => {
    const t = outTables[id];
    if (!t) return undefined;
    if (!copied.has(id)) {
      outTables[id] = { ...t, columns: [...t.columns], indexes: [...t.indexes] };
      copied.add(id);
    }
    return outTables[id];
  };

  const entries = diff.entries.map((e) => withDisplayName(e, from, to));
  for (const e of entries) {
    marks.set(markKey(e), { change: e.change, kind: e.kind, name: e.name, fields: e.fields, ...(e.renamed ? { renamed: e.renamed } : {}) });
    const tableId = tableOf(e);
    if (tableId) {
      if (e.kind === 'table') tables.set(tableId, e.change);
      else if (!tables.has(tableId)) tables.set(tableId, 'changed');
      if (ROWLESS.has(e.kind)) extras.set(tableId, [...(extras.get(tableId) ?? []), e]);
    }
    if (e.change !== 'removed') continue;
    if (e.kind === 'table') {
      const old = from.tables[e.id];
      if (old && !outTables[e.id]) {
        outTables[e.id] = old;
        const place = from.layout.tables[e.id];
        if (place) layoutTables[e.id] = place;
      }
    } else if (e.kind === 'column' && e.parentId) {
      const oldTable = from.tables[e.parentId];
      const t = to.tables[e.parentId] && writable(e.parentId);
      const col = oldTable?.columns.find((c) => c.id === e.id);
      if (!t || !col || !oldTable) continue;
      // After the nearest earlier column of the old table that the shown table still has.
      const before = oldTable.columns.slice(0, oldTable.columns.indexOf(col)).reverse();
      const anchor = before.map((c) => t.columns.findIndex((x) => x.id === c.id)).find((i) => i >= 0) ?? -1;
      t.columns.splice(anchor + 1, 0, col);
    } else if (e.kind === 'index' && e.parentId) {
      const ix = from.tables[e.parentId]?.indexes.find((x) => x.id === e.id);
      const t = to.tables[e.parentId] && writable(e.parentId);
      if (t && ix) t.indexes.push(ix);
    }
  }
  // Removed relationships last: their tables and columns are back by now.
  for (const e of diff.entries) {
    if (e.kind !== 'relationship' || e.change !== 'removed') continue;
    const r = from.relationships[e.id];
    if (!r || !outTables[r.fromTableId] || !outTables[r.toTableId]) continue;
    const has = (tableId: string, columnId: string) => outTables[tableId].columns.some((c) => c.id === columnId);
    if (r.columnPairs.every((p) => has(r.fromTableId, p.fromColumnId) && has(r.toTableId, p.toColumnId))) relationships[e.id] = r;
  }
  return {
    entries,
    doc: { ...to, tables: outTables, relationships, layout: { ...to.layout, tables: layoutTables } },
    marks,
    tables,
    extras,
  };
}

/** An index or unique key without a name of its own is shown by its derived name, as the DDL writes it. */
function withDisplayName(e: DiffEntry, from: SchemaDocument, to: SchemaDocument): DiffEntry {
  if ((e.kind !== 'index' && e.kind !== 'unique') || !e.parentId || e.name !== e.id) return e;
  const table = (e.change === 'removed' ? from : to).tables[e.parentId];
  const ix = e.kind === 'index' ? table?.indexes.find((x) => x.id === e.id) : undefined;
  const uq = e.kind === 'unique' ? table?.uniques.find((x) => x.id === e.id) : undefined;
  const name = table && (ix ? indexName(table, ix) : uq ? uniqueConstraintName(table, uq) : undefined);
  return name ? { ...e, name } : e;
}

/** The kinds a diff list filters by, in the order they are offered. */
export const FILTER_KINDS = ['table', 'column', 'relationship', 'index', 'other'] as const;
export type FilterKind = (typeof FILTER_KINDS)[number];

export function filterKindOf(kind: ElementKind): FilterKind {
  return kind === 'table' || kind === 'column' || kind === 'relationship' || kind === 'index' ? kind : 'other';
}

/** A value of a field change as one short line (whole values are objects: a type, column pairs). */
export function formatFieldValue(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** Read-only queries over a document, shared by generators, commands and the canvas. */
import type { Column, Relationship, SchemaDocument, Table } from './document';

/** Up to this many columns a table is scanned; wider ones get a map (cheaper than a map for few lookups). */
const NARROW_TABLE = 24;

export function columnOf(table: Table, columnId: string): Column | undefined {
  return table.columns.find((c) => c.id === columnId);
}

export function columnName(table: Table, columnId: string): string {
  return columnOf(table, columnId)?.name ?? columnId;
}

/** The schema (namespace) name of an element, or undefined for the default schema. */
export function schemaNameOf(doc: SchemaDocument, schemaId: string | undefined): string | undefined {
  return schemaId ? doc.schemas[schemaId]?.name : undefined;
}

/** `schema.table` for display, or the bare name in the default schema. */
export function displayName(doc: SchemaDocument, el: { name: string; schemaId?: string }): string {
  const s = schemaNameOf(doc, el.schemaId);
  return s ? `${s}.${el.name}` : el.name;
}

export function isPrimaryKeyColumn(table: Table, columnId: string): boolean {
  return table.primaryKey?.columnIds.includes(columnId) ?? false;
}

/** True when the given column set is exactly covered by the primary key or a unique constraint/index. */
export function isUniqueColumnSet(table: Table, columnIds: readonly string[]): boolean {
  const same = (ids: readonly string[]) => ids.length === columnIds.length && ids.every((id) => columnIds.includes(id));
  if (table.primaryKey && same(table.primaryKey.columnIds)) return true;
  if (table.uniques.some((u) => same(u.columnIds))) return true;
  return table.indexes.some(
    (ix) => ix.unique && !ix.where && ix.parts.every((p) => p.kind === 'column') && same(ix.parts.map((p) => (p.kind === 'column' ? p.columnId : ''))),
  );
}

export function relationshipsOfTable(doc: SchemaDocument, tableId: string): Relationship[] {
  return Object.values(doc.relationships).filter((r) => r.fromTableId === tableId || r.toTableId === tableId);
}

export function isForeignKeyColumn(doc: SchemaDocument, tableId: string, columnId: string): boolean {
  return Object.values(doc.relationships).some((r) => r.fromTableId === tableId && r.columnPairs.some((p) => p.fromColumnId === columnId));
}

/** The same text for the same column ids in any order (JSON: no separator an id could contain). */
function columnSetKey(ids: readonly string[]): string {
  return JSON.stringify([...ids].sort());
}

const hasDuplicates = (ids: readonly string[]) => new Set(ids).size !== ids.length;

/**
 * A list of column sets (keys) asked many times "is this one of them?", answered as isUniqueColumnSet
 * compares (same length, every id of the key in the question), but by hash lookup: sets without
 * repeated ids are compared by key; the rare ones with repeats, and questions with repeats, the
 * old way.
 */
export class ColumnSets {
  private readonly keys = new Set<string>();
  private readonly lists: (readonly string[])[] = [];
  private readonly irregular: (readonly string[])[] = [];

  add(ids: readonly string[]): void {
    this.lists.push(ids);
    if (hasDuplicates(ids)) this.irregular.push(ids);
    else this.keys.add(columnSetKey(ids));
  }

  has(columnIds: readonly string[]): boolean {
    const same = (ids: readonly string[]) => ids.length === columnIds.length && ids.every((id) => columnIds.includes(id));
    if (hasDuplicates(columnIds)) return this.lists.some(same);
    // Without repeats on either side, "same length and every id included" is set equality.
    return this.keys.has(columnSetKey(columnIds)) || this.irregular.some(same);
  }
}

/**
 * The lookups above, answered in constant time for code that asks many of them about one document
 * (the generators: a column name per key part, a uniqueness check per foreign key). Scanning instead
 * made a table with thousands of foreign keys and unique constraints quadratic. Built lazily per
 * table; the document must not change while an index is in use (make one per run).
 */
export class DocumentIndex {
  private readonly columnMaps = new Map<Table, Map<string, Column>>();
  private readonly uniqueSets = new Map<Table, ColumnSets>();

  column(table: Table, columnId: string): Column | undefined {
    const columns = table.columns;
    if (columns.length <= NARROW_TABLE) return columnOf(table, columnId);
    let map = this.columnMaps.get(table);
    if (!map) {
      map = new Map();
      // The first of duplicate ids wins, as with columns.find.
      for (const c of columns) if (!map.has(c.id)) map.set(c.id, c);
      this.columnMaps.set(table, map);
    }
    return map.get(columnId);
  }

  columnName(table: Table, columnId: string): string {
    return this.column(table, columnId)?.name ?? columnId;
  }

  /** isUniqueColumnSet, with the table's keys looked up instead of scanned. */
  isUniqueColumnSet(table: Table, columnIds: readonly string[]): boolean {
    let sets = this.uniqueSets.get(table);
    if (!sets) {
      sets = new ColumnSets();
      if (table.primaryKey) sets.add(table.primaryKey.columnIds);
      for (const u of table.uniques) sets.add(u.columnIds);
      for (const ix of table.indexes) {
        if (ix.unique && !ix.where && ix.parts.every((p) => p.kind === 'column')) sets.add(ix.parts.map((p) => (p.kind === 'column' ? p.columnId : '')));
      }
      this.uniqueSets.set(table, sets);
    }
    return sets.has(columnIds);
  }
}

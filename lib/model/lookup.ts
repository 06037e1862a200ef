/** Read-only queries over a document, shared by generators, commands and the canvas. */
import type { Column, Relationship, SchemaDocument, Table } from './document';

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

/**
 * The names an index or unique constraint goes by until the architect names it: PostgreSQL's own
 * conventions (`<table>_<columns>_idx`, `<table>_<columns>_key`), derived from the current table and
 * columns, so a derived name follows its columns. The DDL generator writes these (made unique and
 * fitted to the identifier limit there); the editor shows them as placeholders.
 */
import type { Index, Table, UniqueConstraint } from '../model/document';

type TableColumns = Pick<Table, 'name' | 'columns'>;

function columnName(table: TableColumns, columnId: string): string {
  return table.columns.find((c) => c.id === columnId)?.name ?? columnId;
}

/** An expression part's word in a derived name: its leading function or column name, as PostgreSQL does. */
function expressionWord(sql: string): string {
  return /^[\s(]*"?([A-Za-z_][A-Za-z0-9_$]*)/.exec(sql)?.[1] ?? 'expr';
}

function joined(table: TableColumns, words: readonly string[], suffix: string): string {
  return [table.name, ...words, suffix].join('_');
}

export function derivedIndexName(table: TableColumns, index: Pick<Index, 'parts'>): string {
  return joined(table, index.parts.map((p) => (p.kind === 'column' ? columnName(table, p.columnId) : expressionWord(p.sql))), 'idx');
}

export function derivedUniqueName(table: TableColumns, unique: Pick<UniqueConstraint, 'columnIds'>): string {
  return joined(table, unique.columnIds.map((id) => columnName(table, id)), 'key');
}

/** The index's name: the architect's, or the derived one. */
export function indexName(table: TableColumns, index: Pick<Index, 'name' | 'parts'>): string {
  return index.name ?? derivedIndexName(table, index);
}

/** The unique constraint's name: the architect's, or the derived one. */
export function uniqueConstraintName(table: TableColumns, unique: Pick<UniqueConstraint, 'name' | 'columnIds'>): string {
  return unique.name ?? derivedUniqueName(table, unique);
}

/**
 * Counts and labels about a document that several sections (Executive Summary, drafts) repeat.
 */
import type { Dialect, SchemaDocument } from '../model/document';

export interface DocumentFacts {
  tables: number;
  relationships: number;
  /** Declared indexes plus the ones behind primary keys and unique constraints. */
  indexes: number;
  views: number;
  enums: number;
  columns: number;
  partitionedTables: number;
}

export const DIALECT_LABEL: Record<Dialect, string> = { postgres: 'PostgreSQL', mysql: 'MySQL', sqlite: 'SQLite' };

export function factsOf(doc: SchemaDocument): DocumentFacts {
  let indexes = 0;
  let columns = 0;
  let partitionedTables = 0;
  for (const t of Object.values(doc.tables)) {
    indexes += t.indexes.length + t.uniques.length + (t.primaryKey ? 1 : 0);
    columns += t.columns.length;
    if (t.partitioning) partitionedTables++;
  }
  return {
    tables: Object.keys(doc.tables).length,
    relationships: Object.keys(doc.relationships).length,
    indexes,
    views: Object.keys(doc.views).length,
    enums: Object.keys(doc.enums).length,
    columns,
    partitionedTables,
  };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

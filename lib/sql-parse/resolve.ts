/**
 * Which table column a reference in a view body means, read the way the engine reads it: a qualified
 * name through the FROM items (alias, else table name) of its SELECT and the enclosing ones; a bare
 * name through the tables of the innermost SELECT that has such a column. Tables come from the
 * document; a FROM item that is not a document table (a subquery, a WITH query, a table function, an
 * outside table) has unknown columns, so a bare name there stays unresolved rather than guessed.
 */
import { dialectSpec } from '../dialects/dialects';
import type { Dialect, SchemaDocument, Table } from '../model/document';
import type { ColumnRefSite, QueryScope, RelationSite } from './types';

export interface Catalog {
  same(a: string, b: string): boolean;
  /** The document table a FROM item names, if any. */
  tableOf(rel: RelationSite): Table | undefined;
  hasColumn(table: Table, name: string): boolean;
}

const catalogs = new WeakMap<SchemaDocument, Partial<Record<Dialect, Catalog>>>();

/** The catalog of a document for a dialect, built once per (frozen) document: every view reads it. */
export function catalog(doc: SchemaDocument, dialect: Dialect): Catalog {
  let byDialect = catalogs.get(doc);
  if (!byDialect) catalogs.set(doc, (byDialect = {}));
  return (byDialect[dialect] ??= buildCatalog(doc, dialect));
}

function buildCatalog(doc: SchemaDocument, dialect: Dialect): Catalog {
  const spec = dialectSpec(dialect);
  const fold = spec.caseInsensitiveNames ? (s: string) => s.toLowerCase() : (s: string) => s;
  // `public.orders` is the default schema's orders (tables without a schema) in PostgreSQL.
  const defaultSchema = spec.defaultSchema !== undefined ? fold(spec.defaultSchema) : undefined;
  const byName = new Map<string, Table[]>();
  for (const t of Object.values(doc.tables)) {
    const key = fold(t.name);
    const list = byName.get(key);
    if (list) list.push(t);
    else byName.set(key, [t]);
  }
  const columnSets = new Map<Table, Set<string>>();
  return {
    same: (a, b) => fold(a) === fold(b),
    tableOf(rel) {
      if (!rel.name || rel.cte) return undefined;
      const list = byName.get(fold(rel.name.value));
      if (!list) return undefined;
      const schema = rel.schema ? fold(rel.schema.value) : undefined;
      // Unqualified: the default schema's table (search_path / the connection's database).
      return list.find((t) =>
        t.schemaId === undefined ? schema === undefined || schema === defaultSchema : schema !== undefined && fold(doc.schemas[t.schemaId]?.name ?? '') === schema,
      );
    },
    hasColumn(table, name) {
      let set = columnSets.get(table);
      if (!set) columnSets.set(table, (set = new Set(table.columns.map((c) => fold(c.name)))));
      return set.has(fold(name));
    },
  };
}

export type Resolution =
  /** A column of a document table (for a qualified name: the table it names; `exists` false = no such column). */
  | { kind: 'table'; table: Table; relation: RelationSite; exists: boolean }
  /** A bare name no table of the FROM clauses has. */
  | { kind: 'missing' }
  /** A bare name two document tables of one FROM clause both have. */
  | { kind: 'ambiguous'; tables: Table[] }
  /** A JOIN ... USING / NATURAL column: the engine merges it; the parser gives no position. */
  | { kind: 'using'; tables: Table[] }
  /** An output column name (ORDER BY), a whole-row reference, or a FROM item whose columns are unknown. */
  | { kind: 'other' };

function relationMatches(rel: RelationSite, qualifier: string, schema: string | undefined, cat: Catalog): boolean {
  if (rel.alias !== undefined) return schema === undefined && cat.same(rel.alias, qualifier);
  if (!rel.name || !cat.same(rel.name.value, qualifier)) return false;
  return schema === undefined || (rel.schema !== undefined && cat.same(rel.schema.value, schema));
}

export function resolveColumnRef(ref: ColumnRefSite, scopes: readonly QueryScope[], cat: Catalog): Resolution {
  const parts = ref.parts;
  const column = parts[parts.length - 1].value;
  if (parts.length >= 2) {
    const qualifier = parts[parts.length - 2].value;
    const schema = parts.length >= 3 ? parts[parts.length - 3].value : undefined;
    for (let s: number | undefined = ref.scope; s !== undefined; s = scopes[s].parent) {
      const rel = scopes[s].relations.find((r) => relationMatches(r, qualifier, schema, cat));
      if (!rel) continue;
      const table = cat.tableOf(rel);
      return table ? { kind: 'table', table, relation: rel, exists: cat.hasColumn(table, column) } : { kind: 'other' };
    }
    return { kind: 'other' };
  }
  for (let s: number | undefined = ref.scope; s !== undefined; s = scopes[s].parent) {
    const scope = scopes[s];
    if (ref.mayBeOutputName && [...scope.outputNames].some((n) => cat.same(n, column))) return { kind: 'other' };
    // `SELECT o FROM orders o`: the whole row.
    if (scope.relations.some((r) => (r.alias !== undefined ? cat.same(r.alias, column) : r.name && cat.same(r.name.value, column)))) return { kind: 'other' };
    const having: { table: Table; rel: RelationSite }[] = [];
    let unknown = false;
    for (const rel of scope.relations) {
      const table = cat.tableOf(rel);
      if (!table) unknown = true;
      else if (cat.hasColumn(table, column)) having.push({ table, rel });
    }
    const merged = scope.usingColumns.some((u) => cat.same(u, column)) || (scope.natural && having.length > 1);
    if (merged && having.length) return { kind: 'using', tables: having.map((h) => h.table) };
    if (having.length === 1) return { kind: 'table', table: having[0].table, relation: having[0].rel, exists: true };
    if (having.length > 1) return { kind: 'ambiguous', tables: having.map((h) => h.table) };
    if (unknown || merged) return { kind: 'other' };
  }
  return { kind: 'missing' };
}

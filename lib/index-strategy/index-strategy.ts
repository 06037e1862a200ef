/**
 * The Index Strategy table of DATABASE_DESIGN.md: one row per index of every table, including the
 * indexes the engine creates behind the primary key and unique constraints, in the template's columns
 * (Table, Index Name, Columns, Type, Purpose). Type spells the method and every property that matters
 * for a review (composite, unique, partial with its predicate, covering with its INCLUDE columns,
 * expression); what the chosen dialect cannot build says so. Purpose is the architect's note, else
 * derived from what the index serves (a primary key, a unique rule, a foreign key lookup).
 */
import type { Dialect, Index, IndexMethod, IndexPart, Relationship, SchemaDocument, Table } from '../model/document';
import { columnName, displayName } from '../model/lookup';
import { markdownTable } from '../markdown/escape';
import { mysqlUniqueNameChooser, pgNameChooser } from './implicit-index-names';

export interface IndexStrategyRow {
  tableId: string;
  table: string;
  indexName: string;
  columns: string;
  type: string;
  purpose: string;
  source: 'primary-key' | 'unique' | 'index';
}

const METHOD_LABEL: Record<IndexMethod, string> = {
  btree: 'B-tree',
  hash: 'Hash',
  gin: 'GIN',
  gist: 'GiST',
  brin: 'BRIN',
  spgist: 'SP-GiST',
  fulltext: 'Full-text',
  spatial: 'Spatial',
};

/** Which index methods each dialect builds (InnoDB builds B-tree for HASH; it is accepted and noted). */
const METHODS_BY_DIALECT: Record<Dialect, ReadonlySet<IndexMethod>> = {
  postgres: new Set(['btree', 'hash', 'gin', 'gist', 'brin', 'spgist']),
  mysql: new Set(['btree', 'hash', 'fulltext', 'spatial']),
};

/** Partial indexes and INCLUDE columns exist on PostgreSQL only. */
const SUPPORTS_PARTIAL: Record<Dialect, boolean> = { postgres: true, mysql: false };
const SUPPORTS_INCLUDE: Record<Dialect, boolean> = { postgres: true, mysql: false };
const DIALECT_NAME: Record<Dialect, string> = { postgres: 'PostgreSQL', mysql: 'MySQL' };

function partLabel(table: Table, part: IndexPart): string {
  let text = part.kind === 'column' ? columnName(table, part.columnId) : `(${part.sql})`;
  if (part.kind === 'column' && part.length !== undefined) text += `(${part.length})`;
  if (part.opclass) text += ` ${part.opclass}`;
  if (part.order === 'desc') text += ' DESC';
  if (part.nulls) text += ` NULLS ${part.nulls.toUpperCase()}`;
  return text;
}

function names(table: Table, columnIds: readonly string[]): string {
  return columnIds.map((id) => columnName(table, id)).join(', ');
}

/** `email` or `(tenant_id, email)`: how a purpose sentence names a column set. */
function columnSetPhrase(table: Table, columnIds: readonly string[]): string {
  const list = names(table, columnIds);
  return columnIds.length > 1 ? `(${list})` : list;
}

function indexType(ix: Index, dialect: Dialect, table: Table): string {
  const method = ix.method ?? 'btree';
  const parts: string[] = [METHOD_LABEL[method]];
  if (!METHODS_BY_DIALECT[dialect].has(method)) parts[0] += ` (not available on ${DIALECT_NAME[dialect]})`;
  if (ix.parts.length > 1) parts.push('composite');
  if (ix.unique) parts.push('unique');
  if (ix.parts.some((p) => p.kind === 'expression')) parts.push('expression');
  if (ix.where) parts.push(`partial (WHERE ${ix.where})${SUPPORTS_PARTIAL[dialect] ? '' : ` (not available on ${DIALECT_NAME[dialect]})`}`);
  if (ix.includeColumnIds?.length) {
    parts.push(`covering (INCLUDE ${names(table, ix.includeColumnIds)})${SUPPORTS_INCLUDE[dialect] ? '' : ` (not available on ${DIALECT_NAME[dialect]})`}`);
  }
  return parts.join(', ');
}

function constraintType(columnCount: number, extra?: string): string {
  return ['B-tree', ...(columnCount > 1 ? ['composite'] : []), 'unique', ...(extra ? [extra] : [])].join(', ');
}

/** The foreign keys of `table` whose columns are the leading columns of `columnIds` (in any order). */
function foreignKeysServed(table: Table, leading: readonly string[], outgoing: readonly Relationship[]): Relationship[] {
  return outgoing.filter((r) => {
    const fk = r.columnPairs.map((p) => p.fromColumnId);
    if (fk.length > leading.length) return false;
    const prefix = new Set(leading.slice(0, fk.length));
    return fk.every((id) => prefix.has(id));
  });
}

function derivedIndexPurpose(doc: SchemaDocument, table: Table, ix: Index, outgoing: readonly Relationship[]): string {
  const columnParts = ix.parts.filter((p) => p.kind === 'column');
  const leading: string[] = [];
  for (const p of ix.parts) {
    if (p.kind !== 'column') break;
    leading.push(p.columnId);
  }
  const list = ix.parts.map((p) => partLabel(table, p).replace(/ (DESC|NULLS \w+)$/g, '')).join(', ');
  const method = ix.method ?? 'btree';
  const condition = ix.where ? ` where ${ix.where}` : '';
  if (method === 'fulltext') return `Full-text search on ${list}`;
  if (method === 'spatial' || method === 'gist' || method === 'spgist') return `Spatial/range searches on ${list}`;
  if (method === 'gin') return `Containment and search queries on ${list}`;
  if (ix.unique) return `Enforces unique ${ix.parts.length > 1 ? `(${list})` : list}${condition}`;
  const served = foreignKeysServed(table, leading, outgoing);
  if (served.length > 0 && columnParts.length > 0) {
    const fks = served.map((r) => `${table.name}.${r.columnPairs.map((p) => columnName(table, p.fromColumnId)).join(', ')}`);
    const rest = ix.parts.length > served[0].columnPairs.length ? ` (then ${ix.parts.slice(served[0].columnPairs.length).map((p) => partLabel(table, p)).join(', ')})` : '';
    const parents = served.map((r) => doc.tables[r.toTableId]?.name).filter(Boolean);
    return `FK lookup for ${fks.join('; ')}${rest}${condition}${parents.length ? `; joins and cascades from ${[...new Set(parents)].join(', ')}` : ''}`;
  }
  if (method === 'brin') return `Range scans on ${list} (large, naturally ordered data)`;
  if (ix.parts.length > 1) return `Queries filtering by ${list}${condition}`;
  return `Lookups by ${list}${condition}`;
}

/**
 * The rows of the index strategy table for `dialect`, in document order: per table the primary key,
 * the unique constraints, then the declared indexes.
 */
export function indexStrategy(doc: SchemaDocument, dialect: Dialect): IndexStrategyRow[] {
  const rows: IndexStrategyRow[] = [];
  const outgoingByTable = new Map<string, Relationship[]>();
  for (const r of Object.values(doc.relationships)) {
    const list = outgoingByTable.get(r.fromTableId);
    if (list) list.push(r);
    else outgoingByTable.set(r.fromTableId, [r]);
  }

  // PostgreSQL index names are unique per schema: one chooser per schema, seeded with every explicit
  // index and constraint name in it so implicit names avoid them as the server would.
  const pgChoosers = new Map<string, ReturnType<typeof pgNameChooser>>();
  if (dialect === 'postgres') {
    const explicit = new Map<string, string[]>();
    for (const t of Object.values(doc.tables)) {
      const key = t.schemaId ?? '';
      const list = explicit.get(key) ?? [];
      list.push(t.name, ...t.indexes.map((i) => i.name), ...t.uniques.flatMap((u) => (u.name ? [u.name] : [])));
      if (t.primaryKey?.name) list.push(t.primaryKey.name);
      explicit.set(key, list);
    }
    for (const [key, list] of explicit) pgChoosers.set(key, pgNameChooser(list));
  }

  for (const table of Object.values(doc.tables)) {
    const tableLabel = displayName(doc, table);
    const base = { tableId: table.id, table: tableLabel };
    const pgChoose = pgChoosers.get(table.schemaId ?? '');
    const mysqlChoose = mysqlUniqueNameChooser([...table.indexes.map((i) => i.name), ...table.uniques.flatMap((u) => (u.name ? [u.name] : []))]);

    if (table.primaryKey) {
      const pk = table.primaryKey;
      rows.push({
        ...base,
        indexName: dialect === 'mysql' ? 'PRIMARY' : (pk.name ?? pgChoose!(table.name, undefined, 'pkey')),
        columns: names(table, pk.columnIds),
        type: constraintType(pk.columnIds.length),
        purpose: pk.columnIds.length > 1 ? `Primary key (${names(table, pk.columnIds)})` : 'Primary key',
        source: 'primary-key',
      });
    }

    for (const u of table.uniques) {
      const columnNames = u.columnIds.map((id) => columnName(table, id));
      const indexName =
        u.name ?? (dialect === 'mysql' ? mysqlChoose(columnNames[0]) : pgChoose!(table.name, columnNames.join('_'), 'key'));
      const nnd = u.nullsNotDistinct ? (dialect === 'postgres' ? 'NULLS NOT DISTINCT' : 'NULLS NOT DISTINCT (not available on MySQL)') : undefined;
      rows.push({
        ...base,
        indexName,
        columns: columnNames.join(', '),
        type: constraintType(u.columnIds.length, nnd),
        purpose: `Enforces unique ${columnSetPhrase(table, u.columnIds)}`,
        source: 'unique',
      });
    }

    const outgoing = outgoingByTable.get(table.id) ?? [];
    for (const ix of table.indexes) {
      rows.push({
        ...base,
        indexName: ix.name,
        columns: ix.parts.map((p) => partLabel(table, p)).join(', '),
        type: indexType(ix, dialect, table),
        purpose: ix.purpose?.trim() || derivedIndexPurpose(doc, table, ix, outgoing),
        source: 'index',
      });
    }
  }
  return rows;
}

export const INDEX_STRATEGY_HEADERS = ['Table', 'Index Name', 'Columns', 'Type', 'Purpose'] as const;

/** The rows as the template's GFM table; every value escaped (names may hold `|`, backticks, HTML). */
export function indexStrategyMarkdown(rows: IndexStrategyRow[]): string {
  return markdownTable(
    INDEX_STRATEGY_HEADERS,
    rows.map((r) => [r.table, r.indexName, r.columns, r.type, r.purpose]),
  );
}

/**
 * The Index Strategy table of DATABASE_DESIGN.md: one row per index of every table, including the
 * indexes the engine creates behind the primary key and unique constraints, in the template's columns
 * (Table, Index Name, Columns, Type, Purpose). Type spells the method and every property that matters
 * for a review (composite, unique, partial with its predicate, covering with its INCLUDE columns,
 * expression); what the chosen dialect cannot build says so. Purpose is the architect's note, else
 * derived from what the index serves (a primary key, a unique rule, a foreign key lookup).
 */
import type { DdlTarget } from '../dialects/types';
import { dialectSpec, editorCapabilities } from '../dialects/dialects';
import { planDdl, type DdlDecisions, type IndexDecision } from '../ddl/generate-ddl';
import { INDEX_METHOD_LABEL } from '../dialects/index-methods';
import type { Dialect, Index, IndexPart, Relationship, SchemaDocument, Table } from '../model/document';
import { displayName, DocumentIndex } from '../model/lookup';
import { indexName, uniqueConstraintName } from '../naming/derived-names';
import { markdownTable } from '../markdown/escape';

export interface IndexStrategyRow {
  tableId: string;
  table: string;
  indexName: string;
  columns: string;
  type: string;
  purpose: string;
  source: 'primary-key' | 'unique' | 'index';
  /** false when the target cannot build this index (the type says why); the DDL skips it too. */
  created: boolean;
}

export interface IndexStrategyOptions {
  /** Engine version, as DdlOptions.target (e.g. `mariadb-10.11`, `postgres-14`); default the dialect's. */
  target?: DdlTarget;
  /** As DdlOptions.schemaQualified (MySQL schemas kept as databases). */
  schemaQualified?: boolean;
  /**
   * The decisions of a generateDdlStatements call with the same dialect and options, when the caller
   * generated the DDL already; planned here (planDdl) otherwise.
   */
  decisions?: DdlDecisions;
}

function names(index: DocumentIndex, table: Table, columnIds: readonly string[]): string {
  return columnIds.map((id) => index.columnName(table, id)).join(', ');
}

/** `email` or `(tenant_id, email)`: how a purpose sentence names a column set. */
function columnSetPhrase(index: DocumentIndex, table: Table, columnIds: readonly string[]): string {
  const list = names(index, table, columnIds);
  return columnIds.length > 1 ? `(${list})` : list;
}

function indexType(ix: Index, outcome: IndexDecision, dialect: Dialect): string {
  const parts: string[] = [INDEX_METHOD_LABEL[outcome.method]];
  if (outcome.columns.length > 1) parts.push('composite');
  if (ix.unique) parts.push('unique');
  if (ix.parts.some((p) => p.kind === 'expression')) parts.push('expression');
  if (outcome.where) parts.push(`partial (WHERE ${outcome.where})`);
  if (outcome.include.length) parts.push(`covering (INCLUDE ${outcome.include.join(', ')}${editorCapabilities(dialect).includeColumns ? '' : ' as trailing key columns'})`);
  const text = parts.join(', ');
  return outcome.notes.length ? `${text} (${outcome.notes.join('; ')})` : text;
}

function constraintType(columnCount: number, extra?: string): string {
  return ['B-tree', ...(columnCount > 1 ? ['composite'] : []), 'unique', ...(extra ? [extra] : [])].join(', ');
}

/** Whether `fk` covers the first fk.length of `leading` in any order (the old definition, kept exact). */
function serves(fk: readonly string[], leading: readonly string[]): boolean {
  if (fk.length > leading.length) return false;
  const prefix = new Set(leading.slice(0, fk.length));
  return fk.every((id) => prefix.has(id));
}

/** A 32-bit hash of a column id; a set's hash is the sum of its ids' (order-free, built one id at a time). */
function idHash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The outgoing foreign keys of one table, grouped by column count and column-set hash, so each
 * index finds the ones it serves in O(its leading columns) instead of scanning them all (a table
 * with thousands of indexes and foreign keys was quadratic). Foreign keys that repeat a column are
 * few and checked the old way.
 */
class ServedForeignKeys {
  private readonly groups = new Map<string, { r: Relationship; at: number; fk: string[] }[]>();
  private readonly irregular: { r: Relationship; at: number; fk: string[] }[] = [];

  constructor(outgoing: readonly Relationship[]) {
    outgoing.forEach((r, at) => {
      const fk = r.columnPairs.map((p) => p.fromColumnId);
      if (new Set(fk).size !== fk.length) return void this.irregular.push({ r, at, fk });
      let h = 0;
      for (const id of fk) h = (h + idHash(id)) >>> 0;
      const key = `${fk.length}:${h}`;
      const list = this.groups.get(key);
      if (list) list.push({ r, at, fk });
      else this.groups.set(key, [{ r, at, fk }]);
    });
  }

  /** The foreign keys whose columns are the leading key columns (any order) of an index, in document order. */
  servedBy(leading: readonly string[]): Relationship[] {
    if (!this.groups.size && !this.irregular.length) return [];
    const found: { r: Relationship; at: number }[] = [];
    let h = 0;
    for (let k = 1; k <= leading.length; k++) {
      h = (h + idHash(leading[k - 1])) >>> 0;
      for (const c of this.groups.get(`${k}:${h}`) ?? []) if (serves(c.fk, leading)) found.push(c);
    }
    for (const c of this.irregular) if (serves(c.fk, leading)) found.push(c);
    return found.sort((a, b) => a.at - b.at).map((c) => c.r);
  }
}

/**
 * Which column lists lead the indexes of a table (MySQL: a foreign key needs an index that starts
 * with its columns, in order): a trie of the lists, so each foreign key is one walk.
 */
class LeadingKeys {
  private readonly root = new Map<string, LeadingKeysNode>();

  add(keys: readonly string[]): void {
    let level = this.root;
    for (const id of keys) {
      let node = level.get(id);
      if (!node) level.set(id, (node = { next: new Map() }));
      level = node.next;
    }
  }

  /** True when some added list starts with exactly `fk`, in order. */
  leadsWith(fk: readonly string[]): boolean {
    let level = this.root;
    for (const id of fk) {
      const node = level.get(id);
      if (!node) return false;
      level = node.next;
    }
    return true;
  }
}
interface LeadingKeysNode {
  next: Map<string, LeadingKeysNode>;
}

function fkLookupPurpose(doc: SchemaDocument, index: DocumentIndex, table: Table, served: readonly Relationship[], then = ''): string {
  const fks = served.map((r) => `${table.name}.${r.columnPairs.map((p) => index.columnName(table, p.fromColumnId)).join(', ')}`);
  const parents = [...new Set(served.map((r) => doc.tables[r.toTableId]?.name).filter(Boolean))];
  return `FK lookup for ${fks.join('; ')}${then}${parents.length ? `; joins and cascades from ${parents.join(', ')}` : ''}`;
}

/** A part as a purpose sentence names it: the column, or the expression in parentheses. */
function plainPart(index: DocumentIndex, table: Table, part: IndexPart): string {
  return part.kind === 'column' ? index.columnName(table, part.columnId) : `(${part.sql})`;
}

// Module-level helpers rather than closures: this runs once per index of the document.
function derivedIndexPurpose(doc: SchemaDocument, index: DocumentIndex, table: Table, ix: Index, outgoing: ServedForeignKeys): string {
  const leading: string[] = [];
  for (const p of ix.parts) {
    if (p.kind !== 'column') break;
    leading.push(p.columnId);
  }
  const list = ix.parts.map((p) => plainPart(index, table, p)).join(', ');
  const method = ix.method ?? 'btree';
  const condition = ix.where ? ` where ${ix.where}` : '';
  if (method === 'fulltext') return `Full-text search on ${list}`;
  if (method === 'spatial' || method === 'gist' || method === 'spgist') return `Spatial/range searches on ${list}`;
  if (method === 'gin') return `Containment and search queries on ${list}`;
  if (ix.unique) return `Enforces unique ${ix.parts.length > 1 ? `(${list})` : list}${condition}`;
  const served = outgoing.servedBy(leading);
  if (served.length > 0) {
    let width = 0;
    for (const r of served) width = Math.max(width, r.columnPairs.length);
    const rest = ix.parts.length > width ? ` (then ${ix.parts.slice(width).map((p) => plainPart(index, table, p)).join(', ')})` : '';
    return `${fkLookupPurpose(doc, index, table, served, rest)}${condition}`;
  }
  if (method === 'brin') return `Range scans on ${list} (large, naturally ordered data)`;
  if (ix.parts.length > 1) return `Queries filtering by ${list}${condition}`;
  return `Lookups by ${list}${condition}`;
}

/** An index the generator recorded nothing for (the document is invalid, so no DDL was written). */
function undecided(index: DocumentIndex, table: Table, ix: Index): IndexDecision {
  return {
    name: indexName(table, ix),
    created: false,
    method: ix.method ?? 'btree',
    columns: ix.parts.map((p) => plainPart(index, table, p)),
    include: [],
    notes: ['not created: the document is invalid'],
  };
}

/**
 * The rows of the index strategy table for `dialect`, in document order: per table the primary key,
 * the unique constraints, the declared indexes, and (MySQL) the indexes InnoDB creates for foreign
 * keys that no other index leads with. Names, and whether and how each index is built, are read from
 * what the DDL generator decided (planDdl), so the table describes that DDL exactly.
 */
export function indexStrategy(doc: SchemaDocument, dialect: Dialect, options: IndexStrategyOptions = {}): IndexStrategyRow[] {
  const spec = dialectSpec(dialect);
  const target = options.target && spec.targets.includes(options.target) ? options.target : spec.defaultTarget;
  const caps = spec.capabilities(target);
  const ddl = options.decisions ?? planDdl(doc, dialect, { target: options.target, schemaQualified: options.schemaQualified });
  const outgoingByTable = new Map<string, Relationship[]>();
  for (const r of Object.values(doc.relationships)) {
    const list = outgoingByTable.get(r.fromTableId);
    if (list) list.push(r);
    else outgoingByTable.set(r.fromTableId, [r]);
  }

  const rows: IndexStrategyRow[] = [];
  const index = new DocumentIndex();
  for (const table of Object.values(doc.tables)) {
    const tableId = table.id;
    const tableLabel = displayName(doc, table);
    const outgoing = outgoingByTable.get(table.id) ?? [];
    const served = new ServedForeignKeys(outgoing);
    // Key column lists of every index MySQL will have: an FK needs one that leads with its columns.
    const keyLists = new LeadingKeys();

    if (table.primaryKey) {
      const pk = table.primaryKey;
      keyLists.add(pk.columnIds);
      rows.push({
        tableId,
        table: tableLabel,
        indexName: ddl.primaryKeys.get(table.id) ?? pk.name ?? 'PRIMARY',
        columns: names(index, table, pk.columnIds),
        type: constraintType(pk.columnIds.length),
        purpose: pk.columnIds.length > 1 ? `Primary key (${names(index, table, pk.columnIds)})` : 'Primary key',
        source: 'primary-key',
        created: true,
      });
    }

    for (const u of table.uniques) {
      // No columns yet: not generated, nothing to describe (the DDL panel reports it).
      if (!u.columnIds.length) continue;
      keyLists.add(u.columnIds);
      const nnd = u.nullsNotDistinct ? (caps.nullsNotDistinct ? 'NULLS NOT DISTINCT' : `NULLS NOT DISTINCT left out (not on ${caps.label})`) : undefined;
      rows.push({
        tableId,
        table: tableLabel,
        indexName: ddl.uniques.get(u.id) ?? uniqueConstraintName(table, u),
        columns: names(index, table, u.columnIds),
        type: constraintType(u.columnIds.length, nnd),
        purpose: `Enforces unique ${columnSetPhrase(index, table, u.columnIds)}`,
        source: 'unique',
        created: true,
      });
    }

    for (const ix of table.indexes) {
      const outcome = ddl.indexes.get(ix.id) ?? undecided(index, table, ix);
      if (outcome.created && outcome.method !== 'fulltext' && outcome.method !== 'spatial') {
        const keys: string[] = [];
        for (const p of ix.parts) {
          if (p.kind !== 'column' || p.length !== undefined) break;
          keys.push(p.columnId);
        }
        if (keys.length === ix.parts.length && outcome.include.length) for (const id of ix.includeColumnIds ?? []) keys.push(id);
        keyLists.add(keys);
      }
      rows.push({
        tableId,
        table: tableLabel,
        indexName: outcome.name,
        columns: outcome.columns.join(', '),
        type: indexType(ix, outcome, dialect),
        purpose: ix.purpose?.trim() || derivedIndexPurpose(doc, index, table, ix, served),
        source: 'index',
        created: outcome.created,
      });
    }

    // InnoDB gives every foreign key an index, named after the constraint, unless one leads with it.
    if (dialectSpec(dialect).createsForeignKeyIndexes && !table.partitioning) {
      for (const r of outgoing) {
        const name = ddl.foreignKeys.get(r.id);
        const parent = doc.tables[r.toTableId];
        if (!name || !parent || parent.partitioning) continue;
        const fk = r.columnPairs.map((p) => p.fromColumnId);
        if (keyLists.leadsWith(fk)) continue;
        keyLists.add(fk);
        rows.push({
          tableId,
          table: tableLabel,
          indexName: name,
          columns: names(index, table, fk),
          type: `${constraintType(fk.length).replace(', unique', '')} (created by InnoDB for the foreign key)`,
          purpose: fkLookupPurpose(doc, index, table, [r]),
          source: 'index',
          created: true,
        });
      }
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

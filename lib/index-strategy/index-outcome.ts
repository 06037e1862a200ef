/**
 * What a target engine really builds for a declared index, as lib/ddl/index-sql.ts generates it:
 * the method it ends up with, the key parts as written, and what was changed or left out. The index
 * strategy describes this, not the wish, so the table matches the database; where the target cannot
 * build the index at all, the row says so (`created: false`).
 */
import type { Capabilities } from '../dialects/types';
import type { Dialect, Index, IndexMethod, IndexPart, Table } from '../model/document';
import { columnName } from '../model/lookup';

export const METHOD_LABEL: Record<IndexMethod, string> = {
  btree: 'B-tree',
  hash: 'Hash',
  gin: 'GIN',
  gist: 'GiST',
  brin: 'BRIN',
  spgist: 'SP-GiST',
  fulltext: 'Full-text',
  spatial: 'Spatial',
};

export interface IndexOutcome {
  created: boolean;
  /** Method actually built. */
  method: IndexMethod;
  /** Key parts as built (`name(20)`, `created_at DESC`, `(lower(email))`...). */
  columns: string[];
  /** Covering columns as built: PostgreSQL INCLUDE, or MySQL trailing key columns. */
  include: string[];
  /** The partial predicate, when the target keeps it. */
  where?: string;
  /** Why it is not created, or what differs from the document (short phrases). */
  notes: string[];
}

function partText(table: Table, part: IndexPart, dialect: Dialect, ordered: boolean): string {
  let text = part.kind === 'column' ? columnName(table, part.columnId) : `(${part.sql})`;
  if (dialect === 'mysql' && part.kind === 'column' && part.length !== undefined) text += `(${part.length})`;
  if (dialect === 'postgres' && part.opclass) text += ` ${part.opclass}`;
  if (ordered && part.order === 'desc') text += ' DESC';
  if (ordered && dialect === 'postgres' && part.nulls) text += ` NULLS ${part.nulls.toUpperCase()}`;
  return text;
}

function notCreated(table: Table, ix: Index, dialect: Dialect, caps: Capabilities, method: IndexMethod, reason: string): IndexOutcome {
  return {
    created: false,
    method,
    columns: ix.parts.map((p) => partText(table, p, dialect, true)),
    include: (ix.includeColumnIds ?? []).map((id) => columnName(table, id)),
    where: ix.where,
    notes: [`not created on ${caps.label}: ${reason}`],
  };
}

const PG_INCLUDE_METHODS: ReadonlySet<IndexMethod> = new Set(['btree', 'gist', 'spgist']);

export function indexOutcome(table: Table, ix: Index, dialect: Dialect, caps: Capabilities): IndexOutcome {
  let method: IndexMethod = ix.method ?? 'btree';
  const notes: string[] = [];
  const includeNames = ix.includeColumnIds?.length ? ix.includeColumnIds.map((id) => columnName(table, id)) : [];

  if (dialect === 'postgres') {
    if (method === 'fulltext') return notCreated(table, ix, dialect, caps, method, 'no FULLTEXT indexes (index a tsvector column with GIN)');
    if (method === 'spatial') {
      notes.push('SPATIAL built as GiST');
      method = 'gist';
    }
    const ordered = method === 'btree';
    if (!ordered && ix.parts.some((p) => p.order || p.nulls)) notes.push('unordered method: ASC/DESC/NULLS left out');
    const include = PG_INCLUDE_METHODS.has(method) ? includeNames : [];
    if (includeNames.length && !include.length) notes.push('INCLUDE left out');
    if (ix.parts.some((p) => p.kind === 'column' && p.length !== undefined)) notes.push('prefix length left out');
    return { created: true, method, columns: ix.parts.map((p) => partText(table, p, dialect, ordered)), include, where: ix.where, notes };
  }

  // MySQL / MariaDB
  if (!caps.indexMethods.has(method)) {
    if (method === 'brin') {
      notes.push('BRIN not available: built as B-tree');
      method = 'btree';
    } else return notCreated(table, ix, dialect, caps, method, `no ${METHOD_LABEL[method]} indexes`);
  }
  if (method === 'hash') {
    notes.push('InnoDB builds HASH as B-tree');
    method = 'btree';
  }
  if (ix.unique && ix.where) return notCreated(table, ix, dialect, caps, method, 'no partial indexes, and a UNIQUE index over all rows would reject valid rows');
  if (ix.where) notes.push(`no partial indexes: covers all rows (WHERE ${ix.where} left out)`);
  if (!caps.expressionIndexes && ix.parts.some((p) => p.kind === 'expression')) return notCreated(table, ix, dialect, caps, method, 'no functional index parts');
  const ordered = method !== 'fulltext' && method !== 'spatial';
  if (ix.parts.some((p) => p.nulls)) notes.push('NULLS order left out');
  if (ix.parts.some((p) => p.opclass)) notes.push('operator class left out');
  let include: string[] = [];
  if (includeNames.length) {
    if (ix.unique) notes.push('INCLUDE left out (would change what is unique)');
    else include = includeNames;
  }
  return { created: true, method, columns: ix.parts.map((p) => partText(table, p, dialect, ordered)), include, notes };
}

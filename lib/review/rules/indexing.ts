/**
 * Indexing: foreign keys without an index to support them, indexes that repeat one another, and
 * tables carrying more indexes than their writes can pay for.
 */
import { makeIndex } from '../../model/build';
import type { Command } from '../../model/commands/types';
import type { Index, IndexMethod, IndexPart, Relationship, Table } from '../../model/document';
import { indexName, uniqueConstraintName } from '../../naming/derived-names';
import type { ReviewModel } from '../model';
import { numberOption } from '../options';
import { count } from '../text';
import type { FindingTarget, RawFinding, Rule } from '../types';

/** The method the engine actually builds (InnoDB builds HASH as a B-tree; MySQL builds BRIN as one). */
function builtMethod(model: ReviewModel, method: IndexMethod | undefined): IndexMethod {
  const m = method ?? 'btree';
  const fact = model.spec.indexMethodFacts[m];
  if (fact.engineBuildsAs) return fact.engineBuildsAs;
  return fact.fallback && fact.fallback !== 'skip' ? fact.fallback : m;
}

/** An index-like key of a table: the primary key, a unique constraint or an index, in one shape. */
interface Key {
  kind: 'primary key' | 'unique constraint' | 'index';
  id: string;
  name: string;
  unique: boolean;
  method: IndexMethod;
  where: string;
  /** One signature per key part (column, order, nulls, prefix length, opclass; or the expression). */
  parts: string[];
  columnIds: (string | undefined)[];
  include: string[];
  index?: Index;
}

const norm = (sql: string | undefined) => (sql ? sql.toLowerCase().replace(/\s+/g, ' ').trim() : '');

/** The table's keys, built once per run (four rules read them). */
function keysOf(model: ReviewModel, table: Table): Key[] {
  const all = model.memo('indexing:keys', () => new Map<string, Key[]>());
  let keys = all.get(table.id);
  if (!keys) all.set(table.id, (keys = buildKeys(model, table)));
  return keys;
}

/** A key part's signature: a plain ascending column is its id (the common case, and the primary key's), else every option spelled out. */
function partSignature(p: IndexPart): string {
  if (p.kind === 'expression') return `e:${norm(p.sql)}:${p.order ?? 'asc'}:${p.nulls ?? ''}:${p.opclass ?? ''}`;
  if ((p.order ?? 'asc') === 'asc' && !p.nulls && !p.length && !p.opclass) return `c:${p.columnId}`;
  return `c:${p.columnId}:${p.order ?? 'asc'}:${p.nulls ?? ''}:${p.length ?? ''}:${p.opclass ?? ''}`;
}

function buildKeys(model: ReviewModel, table: Table): Key[] {
  const column = (id: string) => `c:${id}`;
  const keys: Key[] = [];
  if (table.primaryKey) {
    keys.push({ kind: 'primary key', id: 'pk', name: table.primaryKey.name ?? 'primary key', unique: true, method: 'btree', where: '', parts: table.primaryKey.columnIds.map(column), columnIds: table.primaryKey.columnIds, include: [] });
  }
  for (const u of table.uniques) {
    if (!u.columnIds.length) continue;
    keys.push({ kind: 'unique constraint', id: u.id, name: uniqueConstraintName(table, u), unique: true, method: 'btree', where: '', parts: u.columnIds.map(column), columnIds: u.columnIds, include: [] });
  }
  for (const ix of table.indexes) {
    if (!ix.parts.length) continue;
    keys.push({
      kind: 'index',
      id: ix.id,
      name: indexName(table, ix),
      unique: ix.unique,
      method: builtMethod(model, ix.method),
      where: norm(ix.where),
      parts: ix.parts.map(partSignature),
      columnIds: ix.parts.map((p) => (p.kind === 'column' ? p.columnId : undefined)),
      include: [...(ix.includeColumnIds ?? [])].sort(),
      index: ix,
    });
  }
  return keys;
}

const keyTarget = (table: Table, key: Key): FindingTarget =>
  key.kind === 'index' ? { kind: 'index', tableId: table.id, indexId: key.id } : key.kind === 'unique constraint' ? { kind: 'unique', tableId: table.id, uniqueId: key.id } : { kind: 'table', tableId: table.id };

const keyLabel = (model: ReviewModel, table: Table, key: Key) =>
  `${key.kind === 'primary key' ? 'the primary key' : `${key.unique && key.kind === 'index' ? 'unique index' : key.kind} ${key.name}`} (${key.columnIds.map((id) => (id ? model.index.columnName(table, id) : 'expression')).join(', ')})`;

const removeKey = (table: Table, key: Key): Command =>
  key.kind === 'index' ? { type: 'index.remove', tableId: table.id, indexId: key.id } : { type: 'unique.remove', tableId: table.id, uniqueId: key.id };

const SEP = '\u0000';
const signature = (k: Key) => `${k.method}${SEP}${k.where}${SEP}${k.parts.join(SEP)}${SEP}${SEP}${k.include.join(SEP)}`;

/** A set of column ids as one string, whatever their order. */
const setKey = (ids: readonly string[]) => (ids.length === 1 ? ids[0] : [...ids].sort().join(SEP));

/**
 * Per table, the column sets some B-tree key starts with (in any order), so "is this foreign key
 * supported?" is one lookup: every prefix of every key, as a set key. Built from the table's keys
 * directly (not keysOf): this runs for every child table of the document.
 */
function leadingSets(model: ReviewModel, table: Table): Set<string> {
  const all = model.memo('indexing:leading-sets', () => new Map<string, Set<string>>());
  let sets = all.get(table.id);
  if (sets) return sets;
  sets = new Set();
  const add = (columnIds: readonly (string | undefined)[]) => {
    const lead: string[] = [];
    for (const id of columnIds) {
      if (id === undefined) break;
      lead.push(id);
      sets!.add(setKey(lead));
    }
  };
  if (table.primaryKey) add(table.primaryKey.columnIds);
  for (const u of table.uniques) add(u.columnIds);
  for (const ix of table.indexes) if (!ix.where && builtMethod(model, ix.method) === 'btree') add(ix.parts.map((p) => (p.kind === 'column' ? p.columnId : undefined)));
  all.set(table.id, sets);
  return sets;
}

/** True when some B-tree index, the primary key or a unique key starts with exactly these columns (in any order). */
export function hasLeadingIndex(model: ReviewModel, table: Table, columnIds: readonly string[]): boolean {
  return leadingSets(model, table).has(setKey(columnIds));
}

function unindexedForeignKeys(model: ReviewModel, engineIndexes: boolean): { rel: Relationship; child: Table; columnIds: string[] }[] {
  const out = [];
  for (const rel of model.relationships) {
    const child = model.table(rel.fromTableId);
    if (!child || !model.table(rel.toTableId)) continue;
    // InnoDB indexes an enforced foreign key itself; an unenforced one (Prisma relationMode) gets nothing.
    if ((model.caps.foreignKeyCreatesIndex && rel.enforced) !== engineIndexes) continue;
    const columnIds = rel.columnPairs.map((p) => p.fromColumnId);
    if (columnIds.some((id) => !model.column(child, id)) || hasLeadingIndex(model, child, columnIds)) continue;
    out.push({ rel, child, columnIds });
  }
  return out;
}

function addIndexFix(model: ReviewModel, child: Table, columnIds: string[], ids: (p: string) => string) {
  const columns = model.columnList(child, columnIds);
  return { title: `Add index on ${child.name} (${columns})`, command: { type: 'index.add' as const, tableId: child.id, index: makeIndex({ parts: columnIds.map((columnId) => ({ kind: 'column' as const, columnId })) }, ids) } };
}

const fkWithoutIndex: Rule = {
  id: 'fk-without-index',
  title: 'Foreign key without a supporting index',
  category: 'indexing',
  defaultSeverity: 'warning',
  rationale:
    'Deleting or updating a parent row looks up its children, and joins from parent to children do too: without an index whose leading columns are the foreign key, each one scans the child table. PostgreSQL never indexes foreign keys by itself, and nothing does for a relationship the database does not enforce.',
  suggestion: 'Add an index whose leading columns are the foreign key columns.',
  fix: 'Adds an index on the foreign key columns.',
  sources: ['tbls lint requireForeignKeyIndex', 'Azimutt analyze index-on-relation', 'PostgreSQL wiki: unindexed foreign keys', 'Prisma docs: relationMode "prisma" needs indexes on relation scalars'],
  check: ({ model, ids }) =>
    unindexedForeignKeys(model, false).map(({ rel, child, columnIds }) => ({
      target: { kind: 'relationship' as const, relationshipId: rel.id },
      key: `fk-without-index:${rel.id}`,
      message: `no index on ${model.tableLabel(child)} (${model.columnList(child, columnIds)}) supports the foreign key to ${model.tableLabel(model.table(rel.toTableId)!)}`,
      fix: addIndexFix(model, child, columnIds, ids),
    })),
};

const fkImplicitIndex: Rule = {
  id: 'fk-implicit-index',
  title: 'Foreign key indexed only by the engine (InnoDB)',
  category: 'indexing',
  defaultSeverity: 'info',
  rationale:
    'InnoDB creates an index for a foreign key that no index starts with, silently and named after the constraint. The design then hides an index the table pays for on every write, and the index strategy cannot say why it exists.',
  suggestion: 'Declare the index, so it is named, documented and reviewed with the others.',
  fix: 'Adds the index InnoDB would create (on the foreign key columns).',
  sources: ['MySQL manual: "an index is created on the referencing table automatically if it does not exist"', 'tbls lint requireForeignKeyIndex'],
  check: ({ model, ids }) =>
    unindexedForeignKeys(model, true).map(({ rel, child, columnIds }) => ({
      target: { kind: 'relationship' as const, relationshipId: rel.id },
      key: `fk-implicit-index:${rel.id}`,
      message: `InnoDB will create an index on ${model.tableLabel(child)} (${model.columnList(child, columnIds)}) for the foreign key to ${model.tableLabel(model.table(rel.toTableId)!)} by itself; the design does not show it`,
      fix: addIndexFix(model, child, columnIds, ids),
    })),
};

const duplicateIndex: Rule = {
  id: 'duplicate-index',
  title: 'Duplicate index',
  category: 'indexing',
  defaultSeverity: 'warning',
  rationale: 'Two indexes with the same columns, order, method and predicate serve the same queries; the second one only slows every write and takes space.',
  suggestion: 'Remove the duplicate (keep the unique one, or the primary key / unique constraint).',
  fix: 'Removes the duplicate index.',
  sources: ['Azimutt analyze index-duplicated', 'Percona pt-duplicate-key-checker'],
  check: ({ model }) => {
    const out: RawFinding[] = [];
    for (const table of model.tables) {
      const seen = new Map<string, Key>();
      // Keys before indexes and unique indexes before plain ones, so the one kept is the stronger.
      const keys = [...keysOf(model, table)].sort((a, b) => Number(a.kind === 'index') - Number(b.kind === 'index') || Number(b.unique) - Number(a.unique));
      for (const key of keys) {
        const sig = signature(key);
        const first = seen.get(sig);
        if (!first) {
          seen.set(sig, key);
          continue;
        }
        // A unique index repeating a unique key is unique-duplicated-by-index's finding.
        if (key.kind !== 'index' || (key.unique && first.unique && first.kind !== 'index')) continue;
        out.push({
          target: keyTarget(table, key),
          key: `duplicate-index:${table.id}:${key.id}`,
          message: `${keyLabel(model, table, key)} on ${model.tableLabel(table)} repeats ${keyLabel(model, table, first)}`,
          fix: { title: `Remove index ${key.name}`, command: removeKey(table, key) },
        });
      }
    }
    return out;
  },
};

const uniqueDuplicated: Rule = {
  id: 'unique-duplicated-by-index',
  title: 'Unique key declared twice',
  category: 'indexing',
  defaultSeverity: 'warning',
  rationale: 'A unique constraint already builds a unique index: a unique index (or another unique constraint) over the same columns enforces the same rule a second time, at the cost of a second index.',
  suggestion: 'Keep one: the constraint (it can be referenced by foreign keys) or the index.',
  fix: 'Removes the second declaration.',
  sources: ['Percona pt-duplicate-key-checker', 'Azimutt analyze index-duplicated', 'PostgreSQL docs: "adding a unique constraint will automatically create a unique B-tree index"'],
  check: ({ model }) => {
    const out: RawFinding[] = [];
    for (const table of model.tables) {
      const byColumns = new Map<string, Key>();
      for (const key of keysOf(model, table)) {
        if (!key.unique || key.method !== 'btree' || key.where || key.include.length || key.columnIds.some((id) => id === undefined)) continue;
        const sig = key.columnIds.join(SEP);
        const first = byColumns.get(sig);
        if (!first) {
          byColumns.set(sig, key);
          continue;
        }
        // Two unique indexes are duplicate-index's finding (parts may differ only in order or opclass there).
        if (first.kind === 'index' && key.kind === 'index') continue;
        out.push({
          target: keyTarget(table, key),
          key: `unique-duplicated-by-index:${table.id}:${key.id}`,
          message: `${keyLabel(model, table, key)} on ${model.tableLabel(table)} enforces the same uniqueness as ${keyLabel(model, table, first)}`,
          fix: { title: `Remove ${key.kind} ${key.name}`, command: removeKey(table, key) },
        });
      }
    }
    return out;
  },
};

const redundantIndex: Rule = {
  id: 'redundant-index',
  title: 'Redundant index (a leading prefix of another)',
  category: 'indexing',
  defaultSeverity: 'warning',
  rationale:
    'A B-tree index on (a) is served by any B-tree index on (a, b) with the same predicate: the longer one answers the same lookups and sorts, so the shorter one only costs writes and memory. A unique index is never redundant: it enforces a rule.',
  suggestion: 'Remove the shorter index, unless its smaller size matters for a hot query.',
  fix: 'Removes the shorter index.',
  sources: ['Percona pt-duplicate-key-checker (left-prefix indexes)', 'Azimutt analyze index-duplicated'],
  check: ({ model }) => {
    const out: RawFinding[] = [];
    for (const table of model.tables) {
      const keys = keysOf(model, table);
      if (keys.length < 2) continue;
      // Every strict prefix of every ordered key, to the key it is a prefix of.
      const prefixes = new Map<string, Key>();
      for (const k of keys) {
        if (!model.spec.indexMethodFacts[k.method].ordered) continue;
        for (let n = 1; n < k.parts.length; n++) {
          const sig = `${k.method}${SEP}${k.where}${SEP}${k.parts.slice(0, n).join(SEP)}`;
          if (!prefixes.has(sig)) prefixes.set(sig, k);
        }
      }
      for (const k of keys) {
        if (k.kind !== 'index' || k.unique) continue;
        const longer = prefixes.get(`${k.method}${SEP}${k.where}${SEP}${k.parts.join(SEP)}`);
        if (!longer) continue;
        const covered = new Set([...longer.columnIds, ...longer.include]);
        if (k.include.some((id) => !covered.has(id))) continue;
        out.push({
          target: keyTarget(table, k),
          key: `redundant-index:${table.id}:${k.id}`,
          message: `${keyLabel(model, table, k)} on ${model.tableLabel(table)} is a leading part of ${keyLabel(model, table, longer)}, which serves the same lookups`,
          fix: { title: `Remove index ${k.name}`, command: removeKey(table, k) },
        });
      }
    }
    return out;
  },
};

const tooManyIndexes: Rule = {
  id: 'too-many-indexes',
  title: 'Too many indexes on one table',
  category: 'indexing',
  defaultSeverity: 'warning',
  rationale: 'Every insert, and every update of an indexed column, writes every index: past a handful, writes slow down and the indexes compete for memory with the data.',
  suggestion: 'Review which indexes the queries use; merge those that share leading columns.',
  options: { max: { type: 'number', default: 10, min: 1, description: 'Most indexes (unique constraints included, primary key not) a table may have.' } },
  sources: ['Azimutt analyze entity-index-too-many', 'Bytebase SQL review index.total-number-limit'],
  check: (ctx) => {
    const max = numberOption(ctx, 'max');
    return ctx.model.tables
      .filter((t) => t.indexes.length + t.uniques.length > max)
      .map((t) => ({
        target: { kind: 'table' as const, tableId: t.id },
        key: `too-many-indexes:${t.id}`,
        message: `${ctx.model.tableLabel(t)} has ${count(t.indexes.length + t.uniques.length, 'index', 'indexes')} (unique constraints included); the project allows ${max}`,
      }));
  },
};

const wideIndex: Rule = {
  id: 'index-too-many-columns',
  title: 'Index with many key columns',
  category: 'indexing',
  defaultSeverity: 'info',
  rationale: 'An index with many key columns is large, and only queries that constrain its leading columns use it; past a few columns a narrower index (or INCLUDE columns) usually serves better.',
  suggestion: 'Keep the columns the queries filter and sort on; move the others to INCLUDE (PostgreSQL) or drop them.',
  options: { max: { type: 'number', default: 5, min: 1, description: 'Most key parts (columns or expressions) an index may have.' } },
  sources: ['Bytebase SQL review index.key-number-limit'],
  check: (ctx) => {
    const max = numberOption(ctx, 'max');
    const out: RawFinding[] = [];
    for (const t of ctx.model.tables) {
      for (const ix of t.indexes) {
        if (ix.parts.length <= max) continue;
        out.push({
          target: { kind: 'index', tableId: t.id, indexId: ix.id },
          key: `index-too-many-columns:${t.id}:${ix.id}`,
          message: `index ${indexName(t, ix)} on ${ctx.model.tableLabel(t)} has ${ix.parts.length} key parts; the project allows ${max}`,
        });
      }
    }
    return out;
  },
};

export const indexingRules: Rule[] = [fkWithoutIndex, fkImplicitIndex, duplicateIndex, uniqueDuplicated, redundantIndex, tooManyIndexes, wideIndex];

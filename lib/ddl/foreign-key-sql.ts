/**
 * Foreign keys: which relationships become FOREIGN KEY constraints on this target (and why not), their
 * names, and their SQL, inline in CREATE TABLE or as ALTER TABLE ... ADD CONSTRAINT for cycles.
 */
import type { Column, ReferentialAction, Relationship, Table } from '../model/document';
import { resolveColumnTypeQuietly } from './column-sql';
import type { DdlContext } from './context';
import { joinedColumnNames } from './context';
import { sqlCommentLines } from './sql-comments';

export interface ForeignKeyPlan {
  relationship: Relationship;
  name: string;
  /** `CONSTRAINT ... FOREIGN KEY ... REFERENCES ...` */
  clause: string;
  /** PostgreSQL COMMENT ON CONSTRAINT, emitted after the constraint exists. */
  comment?: string;
  /**
   * The document path of the parent's key or index the engine matches the referenced columns with
   * (`tables.<id>.primaryKey`, `.uniques.<i>`, `.indexes.<i>`), when there is one: the foreign key
   * needs it to exist (commented-statements.ts comments the foreign key out when it is).
   */
  parentKey?: string;
  /** The parent key is an index (CREATE INDEX runs after every table): added with ALTER TABLE after the indexes. */
  afterIndexes: boolean;
  /** What must exist for the constraint besides its own table: the parent table (when another) and key. */
  needs: string[];
}

/** How diagnostics name a relationship; built only when one is reported. */
function relationshipWhere(r: Relationship, from: Table, to: Table): string {
  return `relationship "${r.name ?? `${from.name} -> ${to.name}`}"`;
}

/**
 * `set default` becomes `no action` where InnoDB rejects it. `set null` on NOT NULL columns is an error
 * where the engine rejects the statement (InnoDB), and a warning where it is accepted and fails only
 * when a parent row is deleted or updated (PostgreSQL).
 */
function checkedAction(ctx: DdlContext, r: Relationship, from: Table, to: Table, fromColumns: readonly (Column | undefined)[], action: ReferentialAction, event: 'DELETE' | 'UPDATE'): ReferentialAction {
  if (action === 'set null' && fromColumns.some((c) => c && !c.nullable)) {
    const columns = fromColumns.filter((c) => c && !c.nullable).map((c) => `"${c!.name}"`).join(', ');
    if (ctx.caps.setNullOnNotNull === 'rejected') {
      ctx.diag('error', 'fk.set-null-on-not-null', `${relationshipWhere(r, from, to)}: ON ${event} SET NULL on NOT NULL column(s) ${columns}: ${ctx.caps.label} rejects it`, r.id, `relationships.${r.id}`);
    } else {
      ctx.diag('warning', 'fk.set-null-fails-at-runtime', `${relationshipWhere(r, from, to)}: ON ${event} SET NULL on NOT NULL column(s) ${columns}: accepted, but every ${event} of a referenced row will fail`, r.id, `relationships.${r.id}`);
    }
  }
  if (action === 'set default' && !ctx.caps.setDefaultAction) {
    ctx.diag('warning', `${ctx.dialect}.set-default-action`, `${relationshipWhere(r, from, to)}: InnoDB rejects ON ${event} SET DEFAULT: NO ACTION used`, r.id, `relationships.${r.id}`);
    return 'no action';
  }
  return action;
}

/** Decides and renders every relationship's foreign key; relationships left out get a diagnostic. */
export function planForeignKeys(ctx: DdlContext): Map<string, ForeignKeyPlan> {
  const plans = new Map<string, ForeignKeyPlan>();
  const keysCache = new Map<Table, ParentKeys>();
  for (const r of Object.values(ctx.doc.relationships)) {
    const from = ctx.doc.tables[r.fromTableId];
    const to = ctx.doc.tables[r.toTableId];
    const path = `relationships.${r.id}`;
    if (!r.enforced) {
      ctx.diag('info', 'fk.not-enforced', `${relationshipWhere(r, from, to)} is logical only (not enforced): no FOREIGN KEY is generated`, r.id, path);
      continue;
    }
    if (!ctx.caps.foreignKeysOnPartitionedTables && (from.partitioning || to.partitioning)) {
      ctx.diag('warning', `${ctx.dialect}.foreign-key-on-partitioned-table`, `${relationshipWhere(r, from, to)}: InnoDB partitioned tables cannot have or be referenced by foreign keys: skipped`, r.id, path);
      continue;
    }
    const pairs = r.columnPairs;
    const toIds = pairs.map((p) => p.toColumnId);
    const parentKey = parentKeyOf(ctx, keysCache, r, from, to, toIds, path);
    if (ctx.caps.foreignKeyCollationsMatch) checkMysqlCollations(ctx, r, path);
    if (ctx.caps.schemas === 'databases' && ctx.options.schemaQualified && from.schemaId && !to.schemaId) {
      // The default schema is "the connection's database", which has no name to qualify with, and an
      // unqualified REFERENCES inside `db`.`t` means `db`.
      ctx.diag('error', `${ctx.dialect}.cross-database-reference`, `${relationshipWhere(r, from, to)}: "${from.name}" is in database "${ctx.doc.schemas[from.schemaId]?.name}" but "${to.name}" has no schema, so MySQL would look for it in "${ctx.doc.schemas[from.schemaId]?.name}": give "${to.name}" a schema, or generate without schema-qualified names`, r.id, path);
    }
    let onDelete = r.onDelete;
    let onUpdate = r.onUpdate;
    if (onDelete === 'set null' || onDelete === 'set default' || onUpdate === 'set null' || onUpdate === 'set default') {
      const fromColumns = pairs.map((p) => ctx.column(from, p.fromColumnId));
      onDelete = checkedAction(ctx, r, from, to, fromColumns, onDelete, 'DELETE');
      onUpdate = checkedAction(ctx, r, from, to, fromColumns, onUpdate, 'UPDATE');
    }

    let name: string;
    if (r.name) {
      ctx.checkIdentifier(r.name, 'foreign key', r.id, `${path}.name`);
      name = r.name;
    } else name = ctx.derivedName(ctx.constraintNames, ctx.constraintScope(from), `${from.name}_${joinedColumnNames(ctx, from, pairs.map((p) => p.fromColumnId))}_fkey`, r.id, path);

    let fromList = '';
    let toList = '';
    for (let i = 0; i < pairs.length; i++) {
      if (i) {
        fromList += ', ';
        toList += ', ';
      }
      fromList += ctx.q(ctx.columnNameOf(from, pairs[i].fromColumnId));
      toList += ctx.q(ctx.columnNameOf(to, pairs[i].toColumnId));
    }
    let clause = `CONSTRAINT ${ctx.q(name)} FOREIGN KEY (${fromList}) REFERENCES ${ctx.qualified(to)} (${toList})`;
    const unwritten = ctx.spec.unwrittenReferentialAction;
    if (onDelete !== unwritten) clause += ` ON DELETE ${onDelete.toUpperCase()}`;
    if (onUpdate !== unwritten) clause += ` ON UPDATE ${onUpdate.toUpperCase()}`;
    if (r.deferrable && r.deferrable !== 'not deferrable') {
      if (ctx.caps.deferrableConstraints) clause += ` ${r.deferrable.toUpperCase()}`;
      else ctx.diag('warning', `${ctx.dialect}.deferrable-dropped`, `${relationshipWhere(r, from, to)}: ${ctx.spec.label} checks foreign keys immediately: ${r.deferrable.toUpperCase()} left out`, r.id, path);
    }
    let comment: string | undefined;
    if (r.comment) {
      if (ctx.caps.commentStyle === 'comment-on') comment = `COMMENT ON CONSTRAINT ${ctx.q(name)} ON ${ctx.qualified(from)} IS ${ctx.str(r.comment)}`;
      // Inside CREATE TABLE, on the lines before the constraint (sql-comments.ts).
      else if (ctx.caps.commentStyle === 'sql-comment') clause = `${sqlCommentLines(ctx, r.comment, '  ')}\n  ${clause}`;
      else ctx.diag('info', `${ctx.dialect}.comment-dropped`, `${relationshipWhere(r, from, to)}: ${ctx.spec.label} has no comments on constraints: comment left out`, r.id, path);
    }
    const needs = to.id === from.id ? [] : [`tables.${to.id}`];
    if (parentKey) needs.push(parentKey.path);
    plans.set(r.id, { relationship: r, name, clause, comment, parentKey: parentKey?.path, afterIndexes: parentKey?.index === true, needs });
  }
  return plans;
}

/** A key or index of a parent table a foreign key can reference: its document path, and whether it is an index. */
interface ParentKey {
  path: string;
  index: boolean;
}

/** Per parent table: its keys by column set (any order), and (InnoDB) by leading columns in order. */
interface ParentKeys {
  exact: Map<string, ParentKey>;
  leading: Map<string, ParentKey>;
}

const setKey = (ids: readonly string[]) => JSON.stringify([...ids].sort());
const listKey = (ids: readonly string[]) => JSON.stringify(ids);

/** The keys of `table` a foreign key can point at on this target; built once per parent table. */
function parentKeys(ctx: DdlContext, table: Table): ParentKeys {
  const exact = new Map<string, ParentKey>();
  const leading = new Map<string, ParentKey>();
  const path = `tables.${table.id}`;
  // Every prefix of a key's column list, first key wins (primary key, uniques, indexes: document order).
  const add = (ids: readonly string[], key: ParentKey, unique: boolean) => {
    if (unique && !exact.has(setKey(ids))) exact.set(setKey(ids), key);
    for (let n = 1; n <= ids.length; n++) {
      const k = listKey(ids.slice(0, n));
      if (!leading.has(k)) leading.set(k, key);
    }
  };
  if (table.primaryKey) add(table.primaryKey.columnIds, { path: `${path}.primaryKey`, index: false }, true);
  table.uniques.forEach((u, i) => {
    if (u.columnIds.length) add(u.columnIds, { path: `${path}.uniques.${i}`, index: false }, true);
  });
  const facts = ctx.spec.indexMethodFacts;
  table.indexes.forEach((ix, i) => {
    const declared = ix.method ?? 'btree';
    const fallback = facts[declared].fallback;
    if (fallback === 'skip') return;
    const method = fallback ?? declared;
    // Not built as a key here: text search, a unique partial index (skipped where predicates are dropped).
    if (facts[method].textSearch) return;
    if (ix.unique && ix.where && !ctx.caps.partialIndexes) return;
    if (!ctx.caps.expressionIndexes && ix.parts.some((p) => p.kind === 'expression')) return;
    // The column parts up to the first expression or prefix (neither can back a foreign key).
    const ids: string[] = [];
    for (const p of ix.parts) {
      if (p.kind !== 'column' || p.length !== undefined) break;
      ids.push(p.columnId);
    }
    if (!ids.length) return;
    const whole = ids.length === ix.parts.length;
    const key = { path: `${path}.indexes.${i}`, index: true };
    if (ctx.spec.foreignKeyParent === 'leading-index') add(ids, key, ix.unique && whole && !ix.where);
    else if (ix.unique && whole && !ix.where) add(ids, key, true);
  });
  return { exact, leading };
}

/**
 * The parent key the engine will match the referenced columns with, with the diagnostics of a
 * foreign key that has none: PostgreSQL needs a unique key on exactly those columns (else an error);
 * InnoDB accepts any index leading with them, in order (a warning when it is not unique, an error
 * when there is no such index).
 */
function parentKeyOf(ctx: DdlContext, cache: Map<Table, ParentKeys>, r: Relationship, from: Table, to: Table, toIds: readonly string[], path: string): ParentKey | undefined {
  let keys = cache.get(to);
  if (!keys) cache.set(to, (keys = parentKeys(ctx, to)));
  const columns = () => `(${toIds.map((id) => ctx.columnNameOf(to, id)).join(', ')}) of "${to.name}"`;
  if (!ctx.lookup.isUniqueColumnSet(to, toIds)) {
    ctx.diag(ctx.spec.foreignKeyToNonKey.severity, 'fk.parent-key-not-unique', `${relationshipWhere(r, from, to)}: ${columns()} is not its primary key or a unique constraint; ${ctx.spec.foreignKeyToNonKey.consequence}`, r.id, path);
  }
  if (ctx.spec.foreignKeyParent === 'unique-key') return keys.exact.get(setKey(toIds));
  const key = keys.leading.get(listKey(toIds));
  if (!key) {
    ctx.diag('error', `${ctx.dialect}.foreign-key-parent-index`, `${relationshipWhere(r, from, to)}: no primary key, unique or index of "${to.name}" starts with (${toIds.map((id) => ctx.columnNameOf(to, id)).join(', ')}), in this order; ${ctx.caps.label} rejects the foreign key without one`, r.id, path);
  }
  return key;
}

const STRING_TYPES = /^(var)?char\b|^(tiny|medium|long)?text\b|^enum\(/i;

/** The collation a MySQL string column really gets: its own, else its table's, else the charset default. */
function effectiveCollation(ctx: DdlContext, table: Table, columnIndex: number): string | undefined {
  const type = resolveColumnTypeQuietly(ctx, table, columnIndex);
  if (!STRING_TYPES.test(type.sql)) return undefined;
  const own = table.columns[columnIndex].collation;
  const options = table.options?.mysql;
  return own && /^[a-z0-9]+_[a-z0-9_]+$/i.test(own) ? own.toLowerCase() : (options?.collation?.toLowerCase() ?? `default of ${options?.charset?.toLowerCase() ?? 'utf8mb4'}`);
}

const EXACT_NUMERIC = /^(tinyint|smallint|mediumint|int|bigint|decimal|float|double)\b/i;
const INTEGER_WIDTH = /^(tinyint|smallint|mediumint|int|bigint)\s*\(\d+\)/i;

/**
 * The type as InnoDB compares key columns: an integer's display width and ZEROFILL are presentation
 * (`int(11)` and `int` are one type; ZEROFILL implies UNSIGNED), size and sign are not.
 */
function innodbKeyType(sql: string): string {
  const lower = sql.toLowerCase().replace(INTEGER_WIDTH, '$1');
  if (!/\bzerofill\b/.test(lower)) return lower;
  const withoutFill = lower.replace(/\s*\bzerofill\b/, '');
  return /\bunsigned\b/.test(withoutFill) ? withoutFill : `${withoutFill} unsigned`;
}

/** `varchar` of `varchar(20) CHARACTER SET ...`: the type name, lower-cased. */
function baseTypeName(sql: string): string {
  let end = 0;
  while (end < sql.length && sql[end] !== ' ' && sql[end] !== '(') end++;
  return sql.slice(0, end).toLowerCase();
}

/** InnoDB rejects a foreign key between string columns of different collations ("incorrectly formed"). */
function checkMysqlCollations(ctx: DdlContext, r: Relationship, path: string): void {
  const from = ctx.doc.tables[r.fromTableId];
  const to = ctx.doc.tables[r.toTableId];
  for (const p of r.columnPairs) {
    const fi = ctx.columnIndex(from, p.fromColumnId);
    const ti = ctx.columnIndex(to, p.toColumnId);
    if (fi < 0 || ti < 0) continue;
    const fromType = resolveColumnTypeQuietly(ctx, from, fi).sql;
    const toType = resolveColumnTypeQuietly(ctx, to, ti).sql;
    // The common case, the same integer type on both sides: nothing to compare further.
    if (fromType === toType && !STRING_TYPES.test(fromType)) continue;
    const bothStrings = STRING_TYPES.test(fromType) && STRING_TYPES.test(toType);
    const mismatch = !bothStrings && (EXACT_NUMERIC.test(fromType) || EXACT_NUMERIC.test(toType) ? innodbKeyType(fromType) !== innodbKeyType(toType) : baseTypeName(fromType) !== baseTypeName(toType));
    if (mismatch) {
      ctx.diag('error', 'mysql.foreign-key-type-mismatch', `${relationshipWhere(r, from, to)}: "${from.columns[fi].name}" is ${fromType} but "${to.columns[ti].name}" is ${toType}; InnoDB needs the same type (size and sign) on both sides`, r.id, path);
      continue;
    }
    const a = effectiveCollation(ctx, from, fi);
    const b = effectiveCollation(ctx, to, ti);
    if (a !== b) {
      ctx.diag('error', 'mysql.foreign-key-collation-mismatch', `${relationshipWhere(r, from, to)}: "${from.columns[fi].name}" (${a ?? 'not a string'}) and "${to.columns[ti].name}" (${b ?? 'not a string'}) must have the same type and collation in MySQL`, r.id, path);
    }
  }
}

/**
 * CREATE INDEX statements. PostgreSQL takes every feature of the model; MySQL/MariaDB lose partial
 * predicates, INCLUDE, NULLS order, operator classes, GIN/GiST/SP-GiST/BRIN, and (MariaDB) expression
 * parts: each loss is a diagnostic naming the index, and what happens instead is stated. Each index's
 * outcome (name, built or not, method, parts, short notes) is recorded in ctx.decisions.indexes.
 */
import type { Index, IndexMethod, IndexPart, Table } from '../model/document';
import type { DialectSpec } from '../dialects/types';
import type { DdlContext } from './context';
import { derivedIndexName, indexName } from '../naming/derived-names';
import { inlineComment, resolveColumnTypeQuietly } from './column-sql';
import { INDEX_METHOD_LABEL } from '../dialects/index-methods';
import { expressionFor } from './translate-sql';
import { indexVisibilitySql } from './mysql-attributes-sql';
import { sqlCommentLines } from './sql-comments';

export interface IndexSql {
  statement: string;
  /** PostgreSQL COMMENT ON INDEX for the purpose note. */
  comment?: string;
}

/** A key part as the decision shows it: unquoted, with what the target keeps of length/opclass/order. */
function partDisplay(ctx: DdlContext, table: Table, part: IndexPart, ordered: boolean): string {
  let text = part.kind === 'column' ? ctx.columnNameOf(table, part.columnId) : `(${part.sql})`;
  const caps = ctx.caps;
  if (caps.prefixLengths && part.kind === 'column' && part.length !== undefined) text += `(${part.length})`;
  if (caps.operatorClasses && part.opclass) text += ` ${part.opclass}`;
  if (ordered && part.order === 'desc') text += ' DESC';
  if (ordered && caps.indexNullsOrder && part.nulls) text += ` NULLS ${part.nulls.toUpperCase()}`;
  return text;
}

/** Records an index the target cannot build. */
function skipped(ctx: DdlContext, table: Table, index: Index, name: string, method: IndexMethod, reason: string): undefined {
  ctx.decisions.indexes.set(index.id, {
    name,
    created: false,
    method,
    columns: index.parts.map((p) => partDisplay(ctx, table, p, true)),
    include: (index.includeColumnIds ?? []).map((id) => ctx.columnNameOf(table, id)),
    where: index.where,
    notes: [`not created on ${ctx.caps.label}: ${reason}`],
  });
  return undefined;
}

/** The index a diagnostic is about; its where and path are built only when one is reported. */
interface IndexSite {
  ctx: DdlContext;
  table: Table;
  index: Index;
  /** The name written: the architect's (made unique on PostgreSQL) or the derived one. */
  name: string;
  position: number;
}

function warn(site: IndexSite, severity: 'info' | 'warning' | 'error', code: string, message: string): void {
  const { table, index } = site;
  site.ctx.diag(severity, code, `index "${site.name}" on "${table.name}": ${message}`, index.id, `tables.${table.id}.indexes.${site.position}`);
}

/** An expression part or predicate of a built index, as the target needs it (translate-sql.ts). */
function indexExpression(ctx: DdlContext, table: Table, index: Index, name: string, text: string, condition: boolean): string {
  return expressionFor(ctx, text, { entityId: index.id, what: 'index', where: () => `index ${name}`, table, condition });
}

export function indexSql(ctx: DdlContext, table: Table, index: Index, position: number): IndexSql | undefined {
  if (!index.parts.length) {
    // Added, columns not picked yet: nothing to build, and no name claimed for it.
    const site: IndexSite = { ctx, table, index, name: indexName(table, index), position };
    warn(site, 'warning', 'index.no-columns', 'has no columns yet: not generated');
    return skipped(ctx, table, index, site.name, index.method ?? 'btree', 'no columns yet');
  }
  if (index.name !== undefined && ctx.needsIdentifierCheck(index.name)) ctx.checkIdentifier(index.name, 'index', index.id, `tables.${table.id}.indexes.${position}.name`);
  const name =
    ctx.renamed.get(index.id) ?? index.name ?? ctx.derivedName(ctx.names, ctx.indexScope(table), derivedIndexName(table, index), index.id, `tables.${table.id}.indexes.${position}`);
  const site: IndexSite = { ctx, table, index, name, position };
  return INDEX_WRITERS[ctx.spec.indexStatement](ctx, table, index, name, site);
}

function pgOpclass(ctx: DdlContext, opclass: string): string {
  return opclass.split('.').map((p) => ctx.q(p)).join('.');
}

function postgresIndex(ctx: DdlContext, table: Table, index: Index, name: string, site: IndexSite): IndexSql | undefined {
  const facts = ctx.spec.indexMethodFacts;
  let method: IndexMethod = index.method ?? 'btree';
  const fallback = facts[method].fallback;
  if (fallback === 'skip') {
    const upper = method.toUpperCase();
    warn(site, 'warning', `postgres.${method}-index-skipped`, `PostgreSQL has no ${upper} index: skipped (${facts[method].instead} instead)`);
    return skipped(ctx, table, index, name, method, `no ${upper} indexes (${facts[method].instead})`);
  }
  const notes: string[] = [];
  if (fallback) {
    const upper = method.toUpperCase();
    warn(site, 'info', `postgres.${method}-as-${fallback}`, `${upper} becomes a ${INDEX_METHOD_LABEL[fallback]} index`);
    notes.push(`${upper} built as ${INDEX_METHOD_LABEL[fallback]}`);
    method = fallback;
  }
  if (index.unique && !facts[method].unique) {
    warn(site, 'error', 'postgres.unique-method', `PostgreSQL builds UNIQUE indexes only with btree, not ${method}`);
  }
  const ordered = facts[method].ordered;
  let droppedOrder = false;
  let droppedPrefix = false;
  const parts = index.parts.map((part) => {
    let sql: string;
    if (part.kind === 'column') {
      sql = ctx.q(ctx.columnNameOf(table, part.columnId));
      if (part.length !== undefined) {
        droppedPrefix = true;
        warn(site, 'info', 'postgres.prefix-length-dropped', `PostgreSQL has no prefix indexes: (${part.length}) on "${ctx.columnNameOf(table, part.columnId)}" is left out`);
      }
    } else sql = `(${indexExpression(ctx, table, index, name, part.sql, false)})`;
    if (part.opclass) sql += ` ${pgOpclass(ctx, part.opclass)}`;
    if (part.order || part.nulls) {
      if (!ordered) droppedOrder = true;
      else {
        if (part.order === 'desc') sql += ' DESC';
        else if (part.order === 'asc') sql += ' ASC';
        if (part.nulls) sql += part.nulls === 'first' ? ' NULLS FIRST' : ' NULLS LAST';
      }
    }
    return sql;
  });
  if (droppedOrder) {
    warn(site, 'warning', 'postgres.index-order-dropped', `${method} indexes are unordered: ASC/DESC/NULLS are left out`);
    notes.push('unordered method: ASC/DESC/NULLS left out');
  }
  let statement = `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${ctx.q(name)} ON ${ctx.qualified(table)}${method === 'btree' ? '' : ` USING ${method}`} (${parts.join(', ')})`;
  let include: string[] = [];
  if (index.includeColumnIds?.length) {
    if (facts[method].include) {
      include = index.includeColumnIds.map((id) => ctx.columnNameOf(table, id));
      statement += ` INCLUDE (${include.map((n) => ctx.q(n)).join(', ')})`;
    } else {
      warn(site, 'warning', 'postgres.include-dropped', `${method} indexes cannot INCLUDE columns: left out`);
      notes.push('INCLUDE left out');
    }
  }
  if (droppedPrefix) notes.push('prefix length left out');
  if (index.where) statement += ` WHERE ${indexExpression(ctx, table, index, name, index.where, true)}`;
  ctx.decisions.indexes.set(index.id, { name, created: true, method, columns: index.parts.map((p) => partDisplay(ctx, table, p, ordered)), include, where: index.where, notes });
  const schemaName = ctx.schemaOf(table.schemaId);
  // PostgreSQL has no invisible indexes: recorded for the one note on MySQL attributes.
  statement += indexVisibilitySql(ctx, table, index, name);
  const qualifiedIndex = schemaName ? `${ctx.q(schemaName)}.${ctx.q(name)}` : ctx.q(name);
  return { statement, comment: index.purpose ? `COMMENT ON INDEX ${qualifiedIndex} IS ${ctx.str(index.purpose)}` : undefined };
}

function isLobColumn(ctx: DdlContext, table: Table, columnId: string): boolean {
  const i = ctx.columnIndex(table, columnId);
  return i >= 0 && resolveColumnTypeQuietly(ctx, table, i).lob;
}

/**
 * A prefix at least as long as a keyed text column's bounded type (see caps.textKeyType) would be
 * rejected ("Incorrect prefix key"): the whole column is the same key.
 */
function prefixCoversKeyedText(ctx: DdlContext, table: Table, columnId: string, length: number): boolean {
  const keyType = ctx.caps.textKeyType;
  if (!keyType || length < keyType.length) return false;
  const column = ctx.column(table, columnId);
  return column !== undefined && ctx.isKeyedTextColumn(column);
}

function mysqlIndex(ctx: DdlContext, table: Table, index: Index, name: string, site: IndexSite): IndexSql | undefined {
  const facts = ctx.spec.indexMethodFacts;
  let method: IndexMethod = index.method ?? 'btree';
  const fallback = facts[method].fallback;
  if (fallback === 'skip') {
    warn(site, 'warning', 'mysql.index-method-unsupported', `${ctx.caps.label} has no ${method.toUpperCase()} indexes: skipped`);
    return skipped(ctx, table, index, name, method, `no ${INDEX_METHOD_LABEL[method]} indexes`);
  }
  const notes: string[] = [];
  if (fallback) {
    warn(site, 'warning', 'mysql.index-method-unsupported', `${ctx.caps.label} has no ${method.toUpperCase()} indexes: created as a ${INDEX_METHOD_LABEL[fallback]}`);
    notes.push(`${INDEX_METHOD_LABEL[method]} not available: built as ${INDEX_METHOD_LABEL[fallback]}`);
    method = fallback;
  }
  const engineMethod = facts[method].engineBuildsAs;
  if (engineMethod) {
    const upper = method.toUpperCase();
    warn(site, 'info', `mysql.${method}-index-as-${engineMethod}`, `InnoDB builds ${upper} indexes as ${INDEX_METHOD_LABEL[engineMethod]}s`);
    notes.push(`InnoDB builds ${upper} as ${INDEX_METHOD_LABEL[engineMethod]}`);
    method = engineMethod;
  }
  if (index.unique && index.where) {
    warn(site, 'warning', 'mysql.partial-index', `${ctx.caps.label} has no partial indexes; a UNIQUE index without "WHERE ${index.where}" would reject valid rows: skipped`);
    return skipped(ctx, table, index, name, method, 'no partial indexes, and a UNIQUE index over all rows would reject valid rows');
  }
  if (index.where) {
    warn(site, 'warning', 'mysql.partial-index', `${ctx.caps.label} has no partial indexes: created over all rows (predicate "${index.where}" left out)`);
    notes.push(`no partial indexes: covers all rows (WHERE ${index.where} left out)`);
  }
  if (!ctx.caps.expressionIndexes && index.parts.some((p) => p.kind === 'expression')) {
    warn(site, 'warning', 'mysql.expression-index-unsupported', `${ctx.caps.label} has no functional index parts: skipped (index a generated column instead)`);
    return skipped(ctx, table, index, name, method, 'no functional index parts');
  }
  const textSearch = facts[method].textSearch === true;
  if (textSearch && table.partitioning) {
    warn(site, 'warning', 'mysql.index-on-partitioned-table', `InnoDB partitioned tables cannot have ${method.toUpperCase()} indexes: skipped`);
    return skipped(ctx, table, index, name, method, `InnoDB partitioned tables cannot have ${INDEX_METHOD_LABEL[method]} indexes`);
  }
  let droppedNulls = false;
  let droppedOpclass = false;
  const parts = index.parts.map((part) => {
    let sql: string;
    if (part.kind === 'column') {
      sql = ctx.q(ctx.columnNameOf(table, part.columnId));
      if (part.length !== undefined) {
        if (prefixCoversKeyedText(ctx, table, part.columnId, part.length)) {
          warn(site, 'info', 'mysql.prefix-length-dropped', `column "${ctx.columnNameOf(table, part.columnId)}" is ${ctx.caps.textKeyType?.sql} (a keyed TEXT column): the prefix (${part.length}) covers it whole and is left out`);
        } else sql += `(${part.length})`;
      } else if (!textSearch && isLobColumn(ctx, table, part.columnId)) {
        warn(site, 'warning', 'mysql.key-needs-prefix-length', `column "${ctx.columnNameOf(table, part.columnId)}" is a TEXT/BLOB/JSON type: MySQL needs a prefix length to index it`);
      }
    } else sql = `(${indexExpression(ctx, table, index, name, part.sql, false)})`;
    if (part.opclass) {
      droppedOpclass = true;
      warn(site, 'info', 'mysql.opclass-dropped', `operator class ${part.opclass} is PostgreSQL-only: left out`);
    }
    if (part.nulls) {
      droppedNulls = true;
      warn(site, 'info', 'mysql.nulls-order-dropped', `${ctx.caps.label} sorts NULLs first ascending and last descending: NULLS ${part.nulls.toUpperCase()} left out`);
    }
    if (part.order === 'desc' && !textSearch) sql += ' DESC';
    return sql;
  });
  if (droppedNulls) notes.push('NULLS order left out');
  if (droppedOpclass) notes.push('operator class left out');
  let include: string[] = [];
  if (index.includeColumnIds?.length) {
    const names = index.includeColumnIds.map((id) => ctx.columnNameOf(table, id));
    if (index.unique) {
      warn(site, 'warning', 'mysql.include-dropped', `${ctx.caps.label} has no INCLUDE; adding ${names.join(', ')} as key columns would change what is unique: left out`);
      notes.push('INCLUDE left out (would change what is unique)');
    } else {
      warn(site, 'info', 'mysql.include-as-key-columns', `${ctx.caps.label} has no INCLUDE: ${names.join(', ')} become trailing key columns (still covering)`);
      for (const n of names) parts.push(ctx.q(n));
      include = names;
    }
  }
  ctx.decisions.indexes.set(index.id, { name, created: true, method, columns: index.parts.map((p) => partDisplay(ctx, table, p, !textSearch)), include, notes });
  const kind = textSearch ? `${method.toUpperCase()} ` : index.unique ? 'UNIQUE ' : '';
  let statement = `CREATE ${kind}INDEX ${ctx.q(name)} ON ${ctx.qualified(table)} (${parts.join(', ')})`;
  if (index.purpose) statement += ` COMMENT ${inlineComment(ctx, index.purpose, 'index', `index "${name}"`, index.id, `tables.${table.id}.indexes`)}`;
  statement += indexVisibilitySql(ctx, table, index, name);
  return { statement };
}

/**
 * `CREATE [UNIQUE] INDEX name ON t (col [COLLATE x] [ASC|DESC], (expr)) [WHERE pred]` (SQLite): every
 * index a B-tree, partial and expression indexes kept; no INCLUDE, NULLS order, operator classes or
 * prefixes (each a diagnostic). A purpose is a `--` line above the statement.
 */
function plainIndex(ctx: DdlContext, table: Table, index: Index, name: string, site: IndexSite): IndexSql | undefined {
  const facts = ctx.spec.indexMethodFacts;
  let method: IndexMethod = index.method ?? 'btree';
  const fallback = facts[method].fallback;
  const label = ctx.spec.label;
  if (fallback === 'skip') {
    warn(site, 'warning', `${ctx.dialect}.index-method-skipped`, `${label} has no ${INDEX_METHOD_LABEL[method]} indexes: skipped (${facts[method].instead} instead)`);
    return skipped(ctx, table, index, name, method, `no ${INDEX_METHOD_LABEL[method]} indexes (${facts[method].instead})`);
  }
  const notes: string[] = [];
  if (fallback) {
    warn(site, 'info', `${ctx.dialect}.index-method-as-btree`, `${label} has only B-tree indexes: ${INDEX_METHOD_LABEL[method]} becomes a ${INDEX_METHOD_LABEL[fallback]}`);
    notes.push(`${INDEX_METHOD_LABEL[method]} built as ${INDEX_METHOD_LABEL[fallback]}`);
    method = fallback;
  }
  const lost = new Set<string>();
  const parts = index.parts.map((part) => {
    let sql: string;
    if (part.kind === 'column') {
      sql = ctx.q(ctx.columnNameOf(table, part.columnId));
      if (part.length !== undefined) lost.add(`prefix length (${part.length})`);
    } else sql = `(${indexExpression(ctx, table, index, name, part.sql, false)})`;
    if (part.opclass) lost.add(`operator class ${part.opclass}`);
    if (part.nulls) lost.add(`NULLS ${part.nulls.toUpperCase()} (${label} sorts NULLs first ascending, last descending)`);
    if (part.order === 'desc') sql += ' DESC';
    return sql;
  });
  let include: string[] = [];
  if (index.includeColumnIds?.length) {
    const names = index.includeColumnIds.map((id) => ctx.columnNameOf(table, id));
    if (index.unique) lost.add(`INCLUDE (${names.join(', ')}) (as key columns they would change what is unique)`);
    else {
      // Covering still works: SQLite reads trailing key columns from the index like INCLUDE columns.
      warn(site, 'info', `${ctx.dialect}.include-as-key-columns`, `${label} has no INCLUDE: ${names.join(', ')} become trailing key columns (still covering)`);
      for (const n of names) parts.push(ctx.q(n));
      include = names;
    }
  }
  if (lost.size) {
    warn(site, 'info', `${ctx.dialect}.index-options-dropped`, `${label} indexes have no ${[...lost].join(', ')}: left out`);
    notes.push(`left out: ${[...lost].join(', ')}`);
  }
  let statement = `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${ctx.q(name)} ON ${ctx.qualified(table)} (${parts.join(', ')})`;
  if (index.where) statement += ` WHERE ${indexExpression(ctx, table, index, name, index.where, true)}`;
  if (index.purpose) statement = `${sqlCommentLines(ctx, index.purpose)}\n${statement}`;
  ctx.decisions.indexes.set(index.id, { name, created: true, method, columns: index.parts.map((p) => partDisplay(ctx, table, p, true)), include, where: index.where, notes });
  return { statement };
}

/** One writer per CREATE INDEX shape (DialectSpec.indexStatement). */
const INDEX_WRITERS: Record<DialectSpec['indexStatement'], typeof postgresIndex> = {
  'create-index-using': postgresIndex,
  'create-kind-index': mysqlIndex,
  'create-index-plain': plainIndex,
};

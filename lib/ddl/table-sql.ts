/**
 * One CREATE TABLE: columns, primary key, uniques, checks (including inlined domain checks), the
 * foreign keys that do not close a cycle, MySQL table options and partitioning, and PostgreSQL's
 * partitions and COMMENT ON statements. Plus the MySQL rules a table must satisfy to be created.
 */
import type { Table } from '../model/document';
import { columnSql, inlineComment, resolveColumnTypeQuietly } from './column-sql';
import type { DdlContext } from './context';
import type { ForeignKeyPlan } from './foreign-key-sql';
import { checkPartitionKeyInUniques, mysqlPartitionClause, postgresPartitionClause, postgresPartitions } from './partition-sql';
import { identifiersIn } from './sql-text';
import { SQL_LEXERS } from '../sql-lexer';
import { expressionFor } from './translate-sql';
import { checkEnforcementSql, tableStorageOptionsSql } from './mysql-attributes-sql';
import { derivedUniqueName, uniqueConstraintName } from '../naming/derived-names';
import { isAutoIncrement } from './sequence-sql';
import { plannedTable, type PlannedClause, type PlannedStatement } from './planned-statement';
import { tableNeeds } from './statement-needs';
import { rowidAliasOf, tableModifiersSql } from './rowid-sql';
import { sqlCommentLines } from './sql-comments';

/**
 * The CREATE TABLE (its constraint clauses each with their element's path, so the one the target
 * rejects can be taken out), PostgreSQL partitions and COMMENT ON statements of one table.
 */
export function tableStatements(ctx: DdlContext, table: Table, foreignKeys: Map<string, ForeignKeyPlan>, deferred: Set<string>): PlannedStatement[] {
  const path = `tables.${table.id}`;
  const lines: PlannedClause[] = [];
  const checks: PlannedClause[] = [];
  let autoIncrementStart: number | undefined;
  let autoIncrementCount = 0;
  const seen = new Set<string>();
  const columns = table.columns;
  // SQLite: an identity primary key is the rowid, its PRIMARY KEY written on the column (rowid-sql.ts).
  const rowidAlias = rowidAliasOf(ctx, table);
  if (rowidAlias) ctx.rowidAliases.set(rowidAlias, primaryKeyName(ctx, table));
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i];
    const key = ctx.spec.caseInsensitiveNames ? column.name.toLowerCase() : column.name;
    if (seen.has(key)) ctx.diag('error', 'name.duplicate', `column "${column.name}" appears twice in "${table.name}"`, column.id, `${path}.columns.${i}.name`);
    seen.add(key);
    const c = columnSql(ctx, table, column, i);
    lines.push({ sql: c.definition });
    if (isAutoIncrement(ctx, table, column)) autoIncrementCount++;
    if (c.autoIncrementStart !== undefined) autoIncrementStart = c.autoIncrementStart;
    for (const check of c.inlinedChecks) {
      if (!check.expression.trim()) continue; // reported on the domain
      // Translated from the domain's own text, VALUE standing for the column (translate-sql.ts).
      const where = () => `check ${check.name ?? check.source} of domain ${check.domain}`;
      const expression = ctx.crossDialect ? expressionFor(ctx, check.source, { entityId: check.id, what: 'check', where, table, valueColumn: column, condition: true }) : check.expression;
      const name = ctx.derivedName(ctx.constraintNames, ctx.constraintScope(table), `${table.name}_${column.name}_${check.name ?? 'check'}`, column.id, `${path}.columns.${i}`);
      checks.push({ sql: `CONSTRAINT ${ctx.q(name)} CHECK (${expression === check.source ? check.expression : expression})`, path: domainCheckPath(ctx, column, check.id) });
    }
  }
  if (!table.columns.length && ctx.caps.tablesNeedColumns) ctx.diag('error', `${ctx.dialect}.table-without-columns`, `table "${table.name}" has no columns: ${ctx.caps.label} rejects it`, table.id, path);
  if (autoIncrementCount > 1) ctx.diag('error', `${ctx.dialect}.auto-increment-multiple`, `table "${table.name}" has ${autoIncrementCount} identity columns; MySQL allows one AUTO_INCREMENT column`, table.id, path);
  if (autoIncrementCount === 1) checkAutoIncrementIsKey(ctx, table);

  if (table.primaryKey && !rowidAlias) {
    const pk = table.primaryKey;
    checkKeyColumnsIndexable(ctx, table, pk.columnIds, 'primary key');
    const name = primaryKeyName(ctx, table);
    if (ctx.caps.namedPrimaryKeys) {
      lines.push({ sql: `CONSTRAINT ${ctx.q(name)} PRIMARY KEY (${quotedColumns(ctx, table, pk.columnIds)})`, path: `${path}.primaryKey` });
    } else {
      if (pk.name) ctx.diag('info', `${ctx.dialect}.primary-key-name-ignored`, `primary key "${pk.name}" of "${table.name}": MySQL always names the primary key PRIMARY`, table.id, `${path}.primaryKey.name`);
      lines.push({ sql: `PRIMARY KEY (${quotedColumns(ctx, table, pk.columnIds)})`, path: `${path}.primaryKey` });
    }
  }
  table.uniques.forEach((u, i) => {
    const upath = `${path}.uniques.${i}`;
    if (!u.columnIds.length) {
      ctx.diag('warning', 'unique.no-columns', `unique constraint "${uniqueConstraintName(table, u)}" of "${table.name}" has no columns yet: not generated`, u.id, upath);
      return;
    }
    const name = uniqueName(ctx, table, i);
    checkKeyColumnsIndexable(ctx, table, u.columnIds, `unique constraint "${name}"`);
    let nnd = '';
    if (u.nullsNotDistinct) {
      if (ctx.caps.nullsNotDistinct) nnd = ' NULLS NOT DISTINCT';
      else ctx.diag('warning', `${ctx.dialect}.nulls-not-distinct-dropped`, `unique constraint "${name}" of "${table.name}": ${ctx.caps.label} has no NULLS NOT DISTINCT (PostgreSQL 15+): rows with NULLs will not conflict`, u.id, upath);
    }
    lines.push({ sql: ctx.caps.uniqueSyntax === 'unique-key' ? `UNIQUE KEY ${ctx.q(name)} (${quotedColumns(ctx, table, u.columnIds)})` : `CONSTRAINT ${ctx.q(name)} UNIQUE${nnd} (${quotedColumns(ctx, table, u.columnIds)})`, path: upath });
  });
  const restricted = !ctx.caps.checksOnActionColumns || !ctx.caps.checksOnAutoIncrement;
  const forbidden = restricted && table.checks.length ? mysqlCheckForbiddenColumns(ctx, table) : NOTHING_FORBIDDEN;
  table.checks.forEach((c, i) => {
    if (!c.expression.trim()) {
      // A check just added in the editor: `CHECK ()` would fail the whole script.
      ctx.diag('warning', 'check.empty', `check ${c.name ? `"${c.name}"` : i + 1} of "${table.name}" has no expression yet: left out`, c.id, `${path}.checks.${i}.expression`);
      return;
    }
    const name = c.name ?? ctx.derivedName(ctx.constraintNames, ctx.constraintScope(table), `${table.name}_check`, c.id, `${path}.checks.${i}`);
    const used = [...identifiersIn(c.expression, SQL_LEXERS[ctx.doc.settings.dialect])].filter((id) => forbidden.has(id));
    if (used.length) {
      ctx.diag('warning', `${ctx.dialect}.check-skipped`, `check "${name}" of "${table.name}": ${ctx.caps.label} rejects a CHECK on ${used.map((u) => `"${u}" (${forbidden.get(u)})`).join(', ')}: skipped`, c.id, `${path}.checks.${i}`);
      return;
    }
    const expression = expressionFor(ctx, c.expression, { entityId: c.id, what: 'check', where: () => `check ${c.name ?? c.expression} on ${table.name}`, table, condition: true });
    checks.push({ sql: `CONSTRAINT ${ctx.q(name)} CHECK (${expression})${checkEnforcementSql(ctx, table, c, name, i)}`, path: `${path}.checks.${i}` });
  });
  for (const check of checks) lines.push(check);
  // Foreign keys whose parent already exists (dependency order) or that point at this table itself.
  for (const r of ctx.relationshipsFrom(table.id)) {
    if (deferred.has(r.id)) continue;
    const fk = foreignKeys.get(r.id);
    if (fk) lines.push({ sql: fk.clause, path: `relationships.${r.id}`, needs: fk.needs, late: true });
  }

  let tail = '';
  const after: PlannedStatement[] = [];
  if (table.partitioning) {
    checkPartitionKeyInUniques(ctx, table, table.partitioning);
    if (ctx.caps.partitionSyntax === 'partition-of') {
      tail = ` ${postgresPartitionClause(ctx, table, table.partitioning)}`;
      after.push(...postgresPartitions(ctx, table, table.partitioning));
    } else if (ctx.caps.partitionSyntax === 'none') {
      ctx.diag('warning', `${ctx.dialect}.partitioning-dropped`, `table "${table.name}": ${ctx.spec.label} has no partitioning: one table holds every row (${table.partitioning.partitions.length} partition(s) left out)`, table.id, `${path}.partitioning`);
    }
  }
  if (ctx.caps.tableOptions) tail = mysqlTableOptions(ctx, table, autoIncrementStart);
  else if (table.options?.mysql) tableStorageOptionsSql(ctx, table);
  if (ctx.caps.strictTables || ctx.caps.withoutRowid) tail += tableModifiersSql(ctx, table, rowidAlias !== undefined);

  const qualified = ctx.qualified(table);
  // Between the name and the parenthesis, a table's `--` comment stays in the statement SQLite keeps.
  const head = table.comment && ctx.caps.commentStyle === 'sql-comment' ? `CREATE TABLE ${qualified}\n${sqlCommentLines(ctx, table.comment)}\n(` : `CREATE TABLE ${qualified} (`;
  const out = [plannedTable(path, tableNeeds(ctx, table), { head, clauses: lines, tail, alter: `ALTER TABLE ${qualified}` })];
  for (const statement of after) out.push(statement);
  if (ctx.caps.commentStyle === 'comment-on') {
    const needs = [path];
    if (table.comment) out.push({ sql: `COMMENT ON TABLE ${qualified} IS ${ctx.str(table.comment)}`, needs });
    for (const c of columns) if (c.comment) out.push({ sql: `COMMENT ON COLUMN ${qualified}.${ctx.q(c.name)} IS ${ctx.str(c.comment)}`, needs });
    for (const r of ctx.relationshipsFrom(table.id)) {
      const fk = foreignKeys.get(r.id);
      if (!deferred.has(r.id) && fk?.comment) out.push({ sql: fk.comment, needs: [`relationships.${r.id}`] });
    }
  }
  return out;
}

/**
 * The primary key's name as written (derived `<table>_pkey` when unnamed; `PRIMARY` on MySQL), recorded
 * in ctx.decisions. Call once per table, in creation order: a derived name claims its place.
 */
export function primaryKeyName(ctx: DdlContext, table: Table): string {
  let name = 'PRIMARY';
  if (ctx.caps.namedPrimaryKeys) {
    name = ctx.renamed.get(`${table.id}:pk`) ?? table.primaryKey?.name ?? ctx.derivedName(ctx.names, ctx.indexScope(table), `${table.name}_pkey`, table.id, `tables.${table.id}.primaryKey`);
  }
  ctx.decisions.primaryKeys.set(table.id, name);
  return name;
}

/** The name of `table.uniques[i]` as written (derived `<table>_<cols>_key` when unnamed), recorded. */
export function uniqueName(ctx: DdlContext, table: Table, i: number): string {
  const u = table.uniques[i];
  const name = ctx.renamed.get(u.id) ?? u.name ?? ctx.derivedName(ctx.names, ctx.indexScope(table), derivedUniqueName(table, u), u.id, `tables.${table.id}.uniques.${i}`);
  ctx.decisions.uniques.set(u.id, name);
  return name;
}

/** An inlined domain check's element, `domains.<id>.checks.<i>` (its errors point there). */
function domainCheckPath(ctx: DdlContext, column: Table['columns'][number], checkId: string): string | undefined {
  if (column.type.kind !== 'domain') return undefined;
  const domainId = column.type.domainId;
  return `domains.${domainId}.checks.${ctx.doc.domains[domainId].checks.findIndex((k) => k.id === checkId)}`;
}

const NOTHING_FORBIDDEN: ReadonlyMap<string, string> = new Map();
const SAFE_OPTION = /^[A-Za-z0-9_]+$/;

/** `"a", "b"`: the columns of a key, quoted. */
function quotedColumns(ctx: DdlContext, table: Table, ids: readonly string[]): string {
  let out = '';
  for (let i = 0; i < ids.length; i++) out += (i ? ', ' : '') + ctx.q(ctx.columnNameOf(table, ids[i]));
  return out;
}

/** A MySQL table option value: kept when it is a plain name, else the fallback (with a warning). */
function tableOption(ctx: DdlContext, table: Table, value: string | undefined, fallback: string | undefined, what: string): string | undefined {
  if (value === undefined) return fallback;
  if (SAFE_OPTION.test(value)) return value;
  ctx.diag('warning', 'mysql.table-option-invalid', `table "${table.name}": ${what} "${value}" is not a valid name: left out`, table.id, `tables.${table.id}.options.mysql`);
  return fallback;
}

function mysqlTableOptions(ctx: DdlContext, table: Table, autoIncrementStart: number | undefined): string {
  const o = table.options?.mysql ?? {};
  const engine = tableOption(ctx, table, o.engine, 'InnoDB', 'engine');
  const charset = tableOption(ctx, table, o.charset, 'utf8mb4', 'charset');
  const collation = tableOption(ctx, table, o.collation, undefined, 'collation');
  let tail = ` ENGINE=${engine} DEFAULT CHARSET=${charset}${collation ? ` COLLATE=${collation}` : ''}`;
  // A dump's AUTO_INCREMENT=n is the table's counter; an identity's START WITH otherwise.
  const counter = o.autoIncrement ?? autoIncrementStart;
  if (counter !== undefined) tail += ` AUTO_INCREMENT=${counter}`;
  tail += tableStorageOptionsSql(ctx, table);
  if (table.comment) tail += ` COMMENT=${inlineComment(ctx, table.comment, 'table', `table "${table.name}"`, table.id, `tables.${table.id}.comment`)}`;
  if (table.partitioning) {
    const clause = mysqlPartitionClause(ctx, table, table.partitioning);
    if (clause) tail += `\n${clause}`;
  }
  return tail;
}

/**
 * MySQL 8 and MariaDB reject CHECK constraints on columns used by a foreign key with a referential
 * action (CASCADE, SET NULL, SET DEFAULT); MySQL 8 also on AUTO_INCREMENT columns. Lower-cased
 * column name -> why.
 */
const REFERENTIAL_ACTIONS: ReadonlySet<string> = new Set(['cascade', 'set null', 'set default']);

function mysqlCheckForbiddenColumns(ctx: DdlContext, table: Table): Map<string, string> {
  const out = new Map<string, string>();
  const actions = REFERENTIAL_ACTIONS;
  for (const r of ctx.caps.checksOnActionColumns ? [] : ctx.relationshipsFrom(table.id)) {
    if (!r.enforced) continue;
    if (!actions.has(r.onDelete) && !actions.has(r.onUpdate)) continue;
    for (const p of r.columnPairs) out.set(ctx.columnNameOf(table, p.fromColumnId).toLowerCase(), 'a foreign key column with ON DELETE/UPDATE actions');
  }
  if (!ctx.caps.checksOnAutoIncrement) {
    for (const c of table.columns) if (isAutoIncrement(ctx, table, c)) out.set(c.name.toLowerCase(), 'an AUTO_INCREMENT column');
  }
  return out;
}

/** MySQL: the AUTO_INCREMENT column must lead some key, or CREATE TABLE fails. */
function checkAutoIncrementIsKey(ctx: DdlContext, table: Table): void {
  const column = table.columns.find((c) => isAutoIncrement(ctx, table, c));
  if (!column) return;
  const leads = (ids: readonly string[] | undefined) => ids?.[0] === column.id;
  const ok =
    leads(table.primaryKey?.columnIds) ||
    table.uniques.some((u) => leads(u.columnIds)) ||
    table.indexes.some((ix) => ix.parts[0]?.kind === 'column' && ix.parts[0].columnId === column.id);
  if (!ok) ctx.diag('error', `${ctx.dialect}.auto-increment-not-key`, `column "${column.name}" of "${table.name}": MySQL needs an AUTO_INCREMENT column to lead a key (primary key, unique or index)`, column.id, `tables.${table.id}`);
}

/** MySQL: TEXT/BLOB/JSON columns cannot be (whole) key columns. */
function checkKeyColumnsIndexable(ctx: DdlContext, table: Table, columnIds: readonly string[], what: string): void {
  if (!ctx.caps.lobKeysNeedPrefix) return;
  for (const id of columnIds) {
    const i = ctx.columnIndex(table, id);
    if (i < 0) continue;
    const type = resolveColumnTypeQuietly(ctx, table, i);
    if (type.lob) ctx.diag('warning', 'mysql.key-needs-prefix-length', `${what} of "${table.name}": column "${table.columns[i].name}" is ${type.sql}; MySQL cannot use it whole as a key column`, id, `tables.${table.id}`);
  }
}

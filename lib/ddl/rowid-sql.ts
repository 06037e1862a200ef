/**
 * Rowid tables (SQLite, DialectSpec.rowidAliasType): an identity column that is its table's whole
 * primary key is written `INTEGER PRIMARY KEY AUTOINCREMENT`, which makes it the table's rowid (a
 * 64-bit signed integer, so a bigint key loses nothing). Any other identity has no counter there.
 * And the table modifiers after CREATE TABLE's parenthesis: STRICT and WITHOUT ROWID, each where the
 * target and the table allow it.
 */
import type { Column, Table } from '../model/document';
import type { DdlContext } from './context';
import { ownsAutoIncrementSequence } from './sequence-sql';

const INTEGER_TYPES: ReadonlySet<string> = new Set(['smallint', 'integer', 'bigint']);

/** The column of `table` that becomes its rowid alias, or undefined. */
export function rowidAliasOf(ctx: DdlContext, table: Table): Column | undefined {
  if (ctx.caps.identity !== 'rowid-alias' || !ctx.spec.rowidAliasType) return undefined;
  const ids = table.primaryKey?.columnIds;
  if (ids?.length !== 1) return undefined;
  const column = ctx.column(table, ids[0]);
  if (!column || column.generated || column.arrayDims || column.type.kind !== 'scalar' || !INTEGER_TYPES.has(column.type.name)) return undefined;
  return column.identity || ownsAutoIncrementSequence(ctx, column) ? column : undefined;
}

/** ` STRICT`, ` WITHOUT ROWID`, both (comma-separated), or '' for `table`. */
export function tableModifiersSql(ctx: DdlContext, table: Table, hasRowidAlias: boolean): string {
  const modifiers: string[] = [];
  // Script-wide options, or the table's own (an imported SQLite table keeps STRICT / WITHOUT ROWID per table).
  const own = table.options?.sqlite;
  if (ctx.isStrict(table)) modifiers.push('STRICT');
  if (ctx.withoutRowid || (own?.withoutRowid && ctx.caps.withoutRowid)) {
    if (!table.primaryKey) ctx.diag('info', `${ctx.dialect}.without-rowid-skipped`, `table "${table.name}" has no primary key: kept as a rowid table (WITHOUT ROWID needs one)`, table.id, `tables.${table.id}`);
    else if (hasRowidAlias) ctx.diag('info', `${ctx.dialect}.without-rowid-skipped`, `table "${table.name}": its primary key counts by itself (AUTOINCREMENT), which only a rowid table can: kept as a rowid table`, table.id, `tables.${table.id}`);
    else modifiers.push('WITHOUT ROWID');
  }
  return modifiers.length ? ` ${modifiers.join(', ')}` : '';
}

/** Warnings for table options the target cannot honour (once per script). */
export function tableModifierNotes(ctx: DdlContext): void {
  const { strictTables, withoutRowid } = ctx.options;
  if (strictTables && !ctx.strictTables) ctx.diag('warning', 'table.strict-unsupported', `STRICT tables need SQLite 3.37 or later; ${ctx.caps.label} has none: tables are written without STRICT`);
  if (withoutRowid && !ctx.withoutRowid) ctx.diag('warning', 'table.without-rowid-unsupported', `${ctx.caps.label} has no WITHOUT ROWID tables: the option is ignored`);
  if (ctx.strictTables) ctx.diag('info', `${ctx.dialect}.strict-types`, 'STRICT tables: each declared type is written as its affinity\'s STRICT type (varchar(255) -> TEXT, decimal -> ANY); lengths and precisions are not kept');
}

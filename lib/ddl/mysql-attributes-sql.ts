/**
 * The MySQL attributes a dump carries, kept by the import (column CHARACTER SET, INVISIBLE columns
 * and indexes, CHECK ... NOT ENFORCED, ROW_FORMAT, AUTO_INCREMENT, KEY_BLOCK_SIZE): written where the
 * target has them (Capabilities.mysqlAttributes, spelled per target), and otherwise collected into ONE
 * note per script (`postgres.mysql-attributes-ignored`), not a diagnostic per table.
 */
import type { CheckConstraint, Column, Index, Table } from '../model/document';
import type { DdlContext } from './context';

const PLAIN_NAME = /^[A-Za-z0-9_]+$/;

/** Records an attribute the target ignores, for the one note at the end (ignoredAttributesNote). */
function ignored(ctx: DdlContext, attribute: string, where: string): void {
  const list = ctx.ignoredMysqlAttributes.get(attribute);
  if (list) list.push(where);
  else ctx.ignoredMysqlAttributes.set(attribute, [where]);
}

/** ` CHARACTER SET x` after a MySQL column's type. */
export function columnCharsetSql(ctx: DdlContext, table: Table, column: Column): string {
  if (!column.charset) return '';
  if (!ctx.caps.mysqlAttributes) {
    ignored(ctx, 'CHARACTER SET', `${table.name}.${column.name}`);
    return '';
  }
  if (!PLAIN_NAME.test(column.charset)) {
    ctx.diag('warning', 'mysql.table-option-invalid', `column "${column.name}" of "${table.name}": character set "${column.charset}" is not a valid name: left out`, column.id);
    return '';
  }
  return ` CHARACTER SET ${column.charset}`;
}

/** ` INVISIBLE` on a MySQL column. */
export function columnVisibilitySql(ctx: DdlContext, table: Table, column: Column): string {
  if (!column.invisible) return '';
  if (ctx.caps.mysqlAttributes) return ' INVISIBLE';
  ignored(ctx, 'INVISIBLE columns', `${table.name}.${column.name}`);
  return '';
}

/** ` INVISIBLE` (MySQL 8) / ` IGNORED` (MariaDB) after an index. */
export function indexVisibilitySql(ctx: DdlContext, table: Table, index: Index, name: string): string {
  if (!index.invisible) return '';
  if (ctx.caps.mysqlAttributes) return ` ${ctx.caps.mysqlAttributes.invisibleIndex}`;
  ignored(ctx, 'invisible indexes', `${table.name}.${name}`);
  return '';
}

/** ` NOT ENFORCED` after a check where the target has it; elsewhere the check is written enforced, with a warning. */
export function checkEnforcementSql(ctx: DdlContext, table: Table, check: CheckConstraint, name: string, index: number): string {
  if (check.enforced !== false) return '';
  if (ctx.caps.mysqlAttributes?.checkNotEnforced) return ' NOT ENFORCED';
  ctx.diag(
    'warning',
    'check.not-enforced-enforced',
    `check "${name}" of "${table.name}" is NOT ENFORCED (MySQL 8): ${ctx.caps.label} has no unenforced checks, so it is written enforced and rejects rows that break it (MariaDB does the same with a MySQL 8 dump: it skips the /*!80016 NOT ENFORCED */ comment)`,
    check.id,
    `tables.${table.id}.checks.${index}`,
  );
  return '';
}

/** ROW_FORMAT and KEY_BLOCK_SIZE table options; AUTO_INCREMENT is written with the other options. */
export function tableStorageOptionsSql(ctx: DdlContext, table: Table): string {
  const o = table.options?.mysql;
  if (!o) return '';
  if (!ctx.caps.tableOptions) {
    if (o.rowFormat) ignored(ctx, 'ROW_FORMAT', table.name);
    if (o.keyBlockSize) ignored(ctx, 'KEY_BLOCK_SIZE', table.name);
    if (o.autoIncrement) ignored(ctx, 'AUTO_INCREMENT counters', table.name);
    return '';
  }
  let out = '';
  if (o.rowFormat) {
    if (PLAIN_NAME.test(o.rowFormat)) out += ` ROW_FORMAT=${o.rowFormat}`;
    else ctx.diag('warning', 'mysql.table-option-invalid', `table "${table.name}": row format "${o.rowFormat}" is not a valid name: left out`, table.id, `tables.${table.id}.options.mysql`);
  }
  if (o.keyBlockSize) out += ` KEY_BLOCK_SIZE=${o.keyBlockSize}`;
  return out;
}

/** The one note naming the MySQL attributes the target ignored (a few examples each). */
export function ignoredAttributesNote(ctx: DdlContext): void {
  if (!ctx.ignoredMysqlAttributes.size) return;
  const parts = [...ctx.ignoredMysqlAttributes].map(([attribute, where]) => `${attribute} (${where.length}: ${where.slice(0, 3).join(', ')}${where.length > 3 ? ', ...' : ''})`);
  ctx.diag('info', `${ctx.dialect}.mysql-attributes-ignored`, `MySQL attributes with no ${ctx.spec.label} meaning are left out: ${parts.join('; ')}`);
}

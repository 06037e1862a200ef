/**
 * Statements that change or remove what earlier statements created (migration-style scripts):
 * RENAME of tables, columns and constraints, DROP TABLE/INDEX/VIEW, ALTER TABLE DROP COLUMN /
 * DROP CONSTRAINT. A DROP of something the script never created (pg_dump --clean's preamble) is
 * reported as skipped, as before.
 */
import type { DropStmt, RenameStmt } from 'libpg-query';
import type { Table } from '../../model/document';
import { nodeAs, stringList } from './pg-ast';
import type { PgContext } from './pg-context';
import type { ParsedStatement } from './parse-script';
import { checkNamesChanged, statementSql } from './pg-tables';

export function renameObject(ctx: PgContext, s: RenameStmt, st: ParsedStatement): void {
  const b = ctx.b;
  const sql = statementSql(ctx, st);
  const schema = s.relation?.schemaname;
  if (s.renameType === 'OBJECT_SEQUENCE') return renameSequence(ctx, s, st);
  const table = s.relation ? b.findTable(schema, s.relation.relname ?? '') : undefined;
  const newName = s.newname ?? '';
  if (!table || !newName) return b.skip(st.start, sql, 'RENAME of something not defined in the import (not modeled)');
  switch (s.renameType) {
    case 'OBJECT_TABLE': {
      const oldKey = [...b.tables.entries()].find(([, t]) => t === table)?.[0];
      if (oldKey === undefined) return;
      const oldName = table.name;
      table.name = b.name(newName, st.start);
      // Re-key in place: the document keeps the order tables were created in.
      const entries = [...b.tables.entries()].map(([k, t]): [string, Table] => (k === oldKey ? [b.key(schema, newName), t] : [k, t]));
      b.tables.clear();
      for (const [k, t] of entries) b.tables.set(k, t);
      // Foreign keys waiting for their target name it by its old name.
      for (const fk of b.foreignKeys) if (fk.parentName === oldName && fk.parentSchema === schema) fk.parentName = newName;
      return;
    }
    case 'OBJECT_COLUMN': {
      const col = b.findColumn(table, s.subname ?? '');
      if (!col) return b.skip(st.start, sql, `RENAME of column "${s.subname}", which "${table.name}" does not have`);
      const oldName = col.name;
      col.name = b.name(newName, st.start);
      b.columnsChanged(table);
      for (const fk of b.foreignKeys) {
        if (fk.table === table) fk.columns = fk.columns.map((c) => (c === oldName ? newName : c));
        if (fk.parentName === table.name && fk.parentColumns) fk.parentColumns = fk.parentColumns.map((c) => (c === oldName ? newName : c));
      }
      return;
    }
    case 'OBJECT_TABCONSTRAINT': {
      const old = s.subname ?? '';
      const named = [table.primaryKey, ...table.uniques, ...table.checks, ...b.foreignKeys.filter((f) => f.table === table)].find((c) => c?.name === old);
      if (!named) return b.skip(st.start, sql, `RENAME of constraint "${old}", which "${table.name}" does not have`);
      named.name = b.name(newName, st.start);
      checkNamesChanged(table);
      return;
    }
    default:
      return b.skip(st.start, sql, `RENAME of ${(s.renameType ?? 'object').replace('OBJECT_', '').toLowerCase()} (not modeled)`);
  }
}

export function dropObjects(ctx: PgContext, s: DropStmt, st: ParsedStatement): void {
  const b = ctx.b;
  const sql = statementSql(ctx, st);
  // Most objects are name lists; an extension is a bare name.
  const names = (s.objects ?? []).map((o) => { const bare = nodeAs(o, 'String')?.sval; return bare !== undefined ? [bare] : stringList(nodeAs(o, 'List')?.items); }).filter((n) => n.length > 0);
  if (s.removeType === 'OBJECT_EXTENSION') {
    const dropped = names.filter(([n]) => b.extensions.delete(n));
    if (!dropped.length) b.skip(st.start, sql, 'DROP (the import describes what exists)');
    return;
  }
  const missing: string[] = [];
  for (const parts of names) {
    const { schema, name } = ctx.qualify(parts);
    if (s.removeType === 'OBJECT_TABLE') {
      const table = b.findTable(schema, name);
      if (!table) missing.push(name);
      else removeTable(ctx, table, st);
    } else if (s.removeType === 'OBJECT_INDEX') {
      const owner = [...b.tables.values()].find((t) => t.indexes.some((i) => i.name === name));
      if (!owner) missing.push(name);
      else owner.indexes = owner.indexes.filter((i) => i.name !== name);
    } else if (s.removeType === 'OBJECT_SEQUENCE') {
      const entry = [...b.sequences.entries()].find(([k]) => b.lookupKeys(schema, name).includes(k));
      if (!entry) missing.push(name);
      else dropSequence(ctx, entry[0]);
    } else if (s.removeType === 'OBJECT_VIEW' || s.removeType === 'OBJECT_MATVIEW') {
      const entry = [...b.views.entries()].find(([k]) => b.lookupKeys(schema, name).includes(k));
      if (!entry) missing.push(name);
      else b.views.delete(entry[0]);
    } else missing.push(name);
  }
  if (missing.length === names.length) b.skip(st.start, sql, 'DROP (the import describes what exists)');
  else if (missing.length) b.diag('info', 'postgres.drop-partly-applied', `DROP: ${missing.join(', ')} not defined in the import`, st.start);
}

function removeTable(ctx: PgContext, table: Table, st: ParsedStatement) {
  const b = ctx.b;
  for (const [k, t] of b.tables) if (t === table) b.tables.delete(k);
  b.diag('info', 'postgres.table-dropped', `table "${table.name}" is created and later dropped by the script: not imported`, st.start);
}

/** ALTER TABLE ... DROP COLUMN: the column and every key, index and foreign key that uses it go. */
export function dropColumn(ctx: PgContext, table: Table, name: string): boolean {
  const b = ctx.b;
  const col = b.findColumn(table, name);
  if (!col) return false;
  const uses = (ids: readonly string[]) => ids.includes(col.id);
  table.columns = table.columns.filter((c) => c !== col);
  if (table.primaryKey && uses(table.primaryKey.columnIds)) delete table.primaryKey;
  table.uniques = table.uniques.filter((u) => !uses(u.columnIds));
  table.indexes = table.indexes.filter((i) => !i.parts.some((p) => p.kind === 'column' && p.columnId === col.id) && !uses(i.includeColumnIds ?? []));
  // PostgreSQL drops the checks that mention the column too; the expression is text here.
  const mention = new RegExp(`(^|[^\\w"])("${col.name.replace(/"/g, '""')}"|${col.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})(?![\\w"])`);
  table.checks = table.checks.filter((c) => !mention.test(c.expression));
  keepOnly(b.foreignKeys, (fk) => !(fk.table === table && fk.columns.includes(col.name)));
  return true;
}

/** ALTER TABLE ... DROP CONSTRAINT name. */
export function dropConstraint(ctx: PgContext, table: Table, name: string): boolean {
  const b = ctx.b;
  if (table.primaryKey && (table.primaryKey.name ?? `${table.name}_pkey`) === name) {
    delete table.primaryKey;
    return true;
  }
  const before = table.uniques.length + table.checks.length + b.foreignKeys.length;
  table.uniques = table.uniques.filter((u) => u.name !== name);
  table.checks = table.checks.filter((c) => c.name !== name);
  keepOnly(b.foreignKeys, (fk) => !(fk.table === table && fk.name === name));
  return table.uniques.length + table.checks.length + b.foreignKeys.length < before;
}

/**
 * Filters `list` in place. Not `splice(0, n, ...list.filter())`: a spread of 100,000 pending foreign
 * keys is more arguments than a call can take (RangeError).
 */
function keepOnly<T>(list: T[], keep: (item: T) => boolean): void {
  let kept = 0;
  for (const item of list) if (keep(item)) list[kept++] = item;
  list.length = kept;
}


function renameSequence(ctx: PgContext, s: RenameStmt, st: ParsedStatement): void {
  const b = ctx.b;
  const schema = s.relation?.schemaname;
  const oldKey = b.lookupKeys(schema, s.relation?.relname ?? '').find((k) => b.sequences.has(k));
  const seq = oldKey === undefined ? undefined : b.sequences.get(oldKey);
  if (oldKey === undefined || !seq || !s.newname) return b.skip(st.start, statementSql(ctx, st), 'RENAME of a sequence not defined in the import');
  seq.name = b.name(s.newname, st.start);
  b.sequences.delete(oldKey);
  b.sequences.set(b.key(schema, s.newname), seq);
}

/** DROP SEQUENCE: the defaults drawing from it go too (PostgreSQL needs CASCADE for that). */
function dropSequence(ctx: PgContext, key: string): void {
  const b = ctx.b;
  const seq = b.sequences.get(key);
  b.sequences.delete(key);
  if (!seq) return;
  for (const t of b.tables.values()) {
    for (const c of t.columns) if (c.default.kind === 'sequence' && c.default.sequenceId === seq.id) c.default = { kind: 'none' };
  }
}

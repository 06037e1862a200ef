/**
 * Functions, procedures, aggregates and triggers of a PostgreSQL script, kept as routines: the exact
 * source text of the statement (from the parser's statement location), its kind, name and schema,
 * and for a trigger the table it is on. Draftbase does not model their bodies; it writes them back
 * verbatim (lib/ddl/routine-sql.ts), so the views and defaults that call them still apply.
 */
import type { CreateFunctionStmt, CreateTrigStmt, DefineStmt } from 'libpg-query';
import type { Routine, RoutineKind } from '../../model/document';
import { qualifiedName, stringList } from './pg-ast';
import type { PgContext } from './pg-context';
import type { ParsedStatement } from './parse-script';
import { statementSql } from './pg-tables';

function keep(ctx: PgContext, st: ParsedStatement, kind: RoutineKind, parts: string[], table?: Parameters<PgContext['b']['routines']['push']>[0]['table']): void {
  const b = ctx.b;
  const { schema, name } = qualifiedName(parts);
  const sql = statementSql(ctx, st).replace(/;\s*$/, '');
  const routine: Routine = { id: b.ids('rtn'), kind, name: b.name(name || kind, st.start), dialect: 'postgres', sql };
  const schemaId = table ? table.schemaId : b.schemaId(schema ?? b.searchSchema);
  if (schemaId) routine.schemaId = schemaId;
  b.routines.push({ routine, table, offset: st.start });
}

/** CREATE [OR REPLACE] FUNCTION | PROCEDURE. */
export function createFunction(ctx: PgContext, s: CreateFunctionStmt, st: ParsedStatement): void {
  keep(ctx, st, s.is_procedure ? 'procedure' : 'function', stringList(s.funcname));
}

/** DefineStmt: CREATE AGGREGATE is kept; operators, text search objects and base types stay skipped. */
export function defineObject(ctx: PgContext, s: DefineStmt, st: ParsedStatement): void {
  if (s.kind !== 'OBJECT_AGGREGATE') return ctx.b.skip(st.start, statementSql(ctx, st), 'operator/type definition (not modeled)');
  keep(ctx, st, 'aggregate', stringList(s.defnames));
}

/** CREATE TRIGGER (and CONSTRAINT TRIGGER) on a table of the script; on anything else it is skipped. */
export function createTrigger(ctx: PgContext, s: CreateTrigStmt, st: ParsedStatement): void {
  const rel = s.relation;
  const table = ctx.b.findTable(rel?.schemaname, rel?.relname ?? '');
  if (!table) return ctx.b.skip(st.start, statementSql(ctx, st), `trigger on "${rel?.relname ?? ''}", which is not a table of the script (a view or partition)`);
  keep(ctx, st, 'trigger', [s.trigname ?? ''], table);
}

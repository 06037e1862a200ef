/**
 * PostgreSQL DDL (hand-written scripts and `pg_dump --schema-only` output) -> a Draftbase document.
 *
 * Parsing is done by the real PostgreSQL parser (libpg-query, WebAssembly, loaded on first use).
 * Functions, procedures, aggregates and triggers are kept verbatim as routines (pg-routines.ts).
 * Statements that define no schema (grants, policies, ownership, SET) are reported as skipped with their line, never fatal. Only input that yields nothing (binary data,
 * an unterminated string, every statement a syntax error) raises an ImportError with a position.
 *
 * Modeling choices (see lib/importers/postgres/README.md):
 * - Sequences, serial columns (a column owning its sequence) and `DEFAULT nextval('seq')` are kept as
 *   such, extensions too (pg-database-objects.ts); identity columns stay identity.
 * - Partitions (`PARTITION OF`, or pg_dump's CREATE TABLE + ATTACH PARTITION) are entries of their
 *   parent's `partitioning`; their own indexes, keys and foreign keys are reported as skipped.
 * - The `public` schema is the default namespace; other schemas become namespaces.
 */
import { sequentialIds, type IdFactory } from '../../model/ids';
import { ImportBuilder } from '../sql-common/import-builder';
import { assertInputSize, assertLooksLikeText, assertNoLexProblems, withoutBom, wrongDialectHint } from '../sql-common/guard-input';
import { LineIndex } from '../sql-common/positions';
import { ImportError, type ImportResult } from '../types';
import { loadPgParser } from './load-pg-parser';
import { nodeAs, nodeKind } from './pg-ast';
import { dropObjects, renameObject } from './pg-changes';
import { PgContext } from './pg-context';
import { alterEnum, comment, createDomain, createEnum, createSchema, createTableAs, createView } from './pg-objects';
import { createExtension } from './pg-database-objects';
import { createFunction, createTrigger, defineObject } from './pg-routines';
import { alterTable, createIndex, createTable, statementSql } from './pg-tables';
import { parseScript, type ParsedStatement } from './parse-script';

/** Why common non-schema statements are skipped, by AST node type. */
const SKIP_REASONS: Record<string, string> = {
  VariableSetStmt: 'session setting',
  SelectStmt: 'query (not schema)',
  InsertStmt: 'data (not schema)',
  UpdateStmt: 'data (not schema)',
  DeleteStmt: 'data (not schema)',
  CopyStmt: 'data (not schema)',
  CreateEventTrigStmt: 'event trigger (not modeled)',
  GrantStmt: 'privileges (not modeled)',
  GrantRoleStmt: 'privileges (not modeled)',
  AlterDefaultPrivilegesStmt: 'privileges (not modeled)',
  CreatePolicyStmt: 'row-level security policy (not modeled)',
  AlterOwnerStmt: 'ownership (not modeled)',
  CompositeTypeStmt: 'composite type (not modeled)',
  CreateRangeStmt: 'range type (not modeled)',
  CreatedbStmt: 'database creation',
  DropdbStmt: 'database removal',
  TransactionStmt: 'transaction control',
  CreateRoleStmt: 'role (not modeled)',
  RuleStmt: 'rule (not modeled)',
  CreateCastStmt: 'cast (not modeled)',
  CreateStatsStmt: 'extended statistics (not modeled)',
  CreatePublicationStmt: 'publication (not modeled)',
  AlterFunctionStmt: 'function (not modeled)',
  DoStmt: 'anonymous code block (not modeled)',
  ClusterStmt: 'maintenance',
  VacuumStmt: 'maintenance',
  RefreshMatViewStmt: 'data (not schema)',
};

function walk(ctx: PgContext, st: ParsedStatement): void {
  const n = st.node;
  const kind = nodeKind(n);
  switch (kind) {
    case 'CreateStmt':
      return createTable(ctx, nodeAs(n, 'CreateStmt') ?? {}, st);
    case 'AlterTableStmt':
      return alterTable(ctx, nodeAs(n, 'AlterTableStmt') ?? {}, st);
    case 'IndexStmt':
      return createIndex(ctx, nodeAs(n, 'IndexStmt') ?? {}, st);
    case 'CreateEnumStmt':
      return createEnum(ctx, nodeAs(n, 'CreateEnumStmt') ?? {}, st);
    case 'AlterEnumStmt':
      return alterEnum(ctx, nodeAs(n, 'AlterEnumStmt') ?? {}, st);
    case 'CreateDomainStmt':
      return createDomain(ctx, nodeAs(n, 'CreateDomainStmt') ?? {}, st);
    case 'ViewStmt':
      return createView(ctx, nodeAs(n, 'ViewStmt') ?? {}, st);
    case 'CreateTableAsStmt':
      return createTableAs(ctx, nodeAs(n, 'CreateTableAsStmt') ?? {}, st);
    case 'CreateSchemaStmt':
      return createSchema(ctx, nodeAs(n, 'CreateSchemaStmt')?.schemaname, st);
    case 'CreateSeqStmt':
      return ctx.sequences.create(nodeAs(n, 'CreateSeqStmt') ?? {}, st);
    case 'AlterSeqStmt':
      return ctx.sequences.alter(nodeAs(n, 'AlterSeqStmt') ?? {}, st);
    case 'CreateExtensionStmt':
      return createExtension(ctx, nodeAs(n, 'CreateExtensionStmt') ?? {}, st);
    case 'CreateFunctionStmt':
      return createFunction(ctx, nodeAs(n, 'CreateFunctionStmt') ?? {}, st);
    case 'DefineStmt':
      return defineObject(ctx, nodeAs(n, 'DefineStmt') ?? {}, st);
    case 'CreateTrigStmt':
      return createTrigger(ctx, nodeAs(n, 'CreateTrigStmt') ?? {}, st);
    case 'CommentStmt':
      return comment(ctx, nodeAs(n, 'CommentStmt') ?? {}, st);
    case 'RenameStmt':
      return renameObject(ctx, nodeAs(n, 'RenameStmt') ?? {}, st);
    case 'DropStmt':
      return dropObjects(ctx, nodeAs(n, 'DropStmt') ?? {}, st);
    case 'VariableSetStmt': {
      // SET search_path decides where unqualified names live; every SET is still reported.
      const set = nodeAs(n, 'VariableSetStmt');
      if (set?.name === 'search_path') {
        const first = set.args?.map((a) => nodeAs(a, 'A_Const')?.sval?.sval).find((v) => v !== undefined && v !== '' && v !== '$user');
        ctx.b.searchSchema = first && first !== 'public' ? first : undefined;
      }
      return ctx.b.skip(st.start, statementSql(ctx, st), 'session setting');
    }
    default: {
      const reason = SKIP_REASONS[kind] ?? `${kind.replace(/Stmt$/, '')} statement (not modeled)`;
      return ctx.b.skip(st.start, statementSql(ctx, st), reason);
    }
  }
}

export async function importPostgres(source: string, options: { ids?: IdFactory } = {}): Promise<ImportResult> {
  assertInputSize(source);
  const sql = withoutBom(source);
  const lines = new LineIndex(sql);
  assertLooksLikeText(sql, lines);
  const parser = await loadPgParser();
  const script = parseScript(sql, parser);
  assertNoLexProblems(script.split.problems, lines);

  if (script.statements.length === 0 && script.errors.length > 0) {
    const e = script.errors[0];
    const p = lines.position(e.offset);
    const more = script.errors.length > 1 ? ` (and ${script.errors.length - 1} more statement(s) with errors)` : '';
    const hint = wrongDialectHint(sql, 'postgres');
    throw new ImportError(`${e.message} at line ${p.line}, column ${p.column}${more}${hint ? `; ${hint}` : ''}`, { line: p.line, column: p.column, excerpt: lines.lineText(p.line) });
  }

  const b = new ImportBuilder('postgres', sql, options.ids ?? sequentialIds(), (s) => s, 'public');
  const ctx = new PgContext(b, parser.deparser);
  for (const cmd of script.split.clientCommands) {
    if (cmd.text !== 'COPY data') b.skip(cmd.start, cmd.text, 'psql meta-command');
  }
  for (const e of script.errors) {
    const p = lines.position(e.offset);
    b.skip(e.start, sql.slice(e.start, e.end), `syntax error at line ${p.line}, column ${p.column}: ${e.message}`);
    b.diag('error', 'postgres.syntax-error', `${e.message} (statement skipped)`, e.offset);
  }
  for (const st of script.statements) {
    try {
      walk(ctx, st);
    } catch (err) {
      // A statement shape this importer does not expect must not lose the rest of the import.
      b.skip(st.start, statementSql(ctx, st), `could not be imported: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  ctx.finish();
  const hint = script.errors.length > 0 ? wrongDialectHint(sql, 'postgres') : undefined;
  if (hint) b.diag('warning', 'import.wrong-dialect', hint);
  b.skipped.sort((x, y) => x.line - y.line);
  return b.finish();
}

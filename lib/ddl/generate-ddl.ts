/**
 * The shared DDL generator: one walk over the document, dialect differences read from lib/dialects.
 *
 * Output order (each step commented where it happens):
 *   0. DROP statements (option dropFirst), reverse dependency order
 *   1. schemas (PostgreSQL namespaces; MySQL databases when schemaQualified), then extensions
 *   2. types: enums (CREATE TYPE) and domains (PostgreSQL); sequences
 *   3. tables in dependency order (referenced first), each with its columns, keys, checks, the foreign
 *      keys that do not close a cycle, partitions and comments; then the sequences' OWNED BY
 *   4. indexes
 *   5. foreign keys that close a cycle or reference an index (ALTER TABLE ... ADD CONSTRAINT)
 *   6. views
 * Routines (functions, aggregates, procedures) go between 2 and 3, or, when their signature needs a
 * table, between 5 and 6; triggers and events after 6 (routine-sql.ts).
 * Output is deterministic: document order wherever dependency order leaves a choice.
 * Nothing is dropped silently: every loss is a Diagnostic. Nothing is refused either: a statement the
 * target would reject is written commented out in its place, with its error above it, and so is every
 * statement that needs it (commented-statements.ts); the rest applies.
 */
import { dialectSpec } from '../dialects/dialects';
import type { DdlTarget } from '../dialects/types';
import type { Dialect, SchemaDocument } from '../model/document';
import type { Diagnostic } from '../model/diagnostics';
import { emptyDocument } from '../model/empty';
import { integrityIssues } from '../model/validate';
import { DdlContext, type DdlOptions } from './context';
import type { DdlDecisions } from './decisions';
import { dropStatements } from './drop-sql';
import { planForeignKeys } from './foreign-key-sql';
import { indexSql } from './index-sql';
import { tableOrder } from './order';
import { reserveExplicitNames } from './reserve-names';
import { schemaStatements, typeStatements } from './schema-type-sql';
import { extensionStatements, missingExtensionDiagnostics } from './extension-sql';
import { ownedByStatements, planSerialColumns, sequenceStatements } from './sequence-sql';
import { tableStatements } from './table-sql';
import { viewStatements } from './view-sql';
import { ignoredAttributesNote } from './mysql-attributes-sql';
import { expressionDiagnostics } from '../sql-parse/expression-diagnostics';
import { commentOutRejected, type CommentedStatement } from './commented-statements';
import type { PlannedStatement } from './planned-statement';
import { delimitedStatement, routineStatements } from './routine-sql';
import { tableModifierNotes } from './rowid-sql';
import { sqlCommentsNote } from './sql-comments';

export type { DdlOptions } from './context';
export type { MysqlTarget, PostgresTarget, DdlTarget } from '../dialects/types';
export { dropOrder, type DropItem } from './order';
export type { DdlDecisions, IndexDecision } from './decisions';
export type { CommentedStatement } from './commented-statements';

export interface DdlResult {
  sql: string;
  diagnostics: Diagnostic[];
  /** The statements written commented out because the target would reject them, and why. */
  commented: CommentedStatement[];
}

export interface DdlStatements {
  /** Header comment lines (`-- ...`), not statements. */
  header: string;
  /** Statements without their trailing semicolon, in execution order. */
  statements: string[];
  diagnostics: Diagnostic[];
  /**
   * The names the statements give keys, indexes and foreign keys, and per index whether it is built
   * and how (empty when the document is invalid): what the index strategy table describes.
   */
  decisions: DdlDecisions;
  /** The statements written commented out (their positions in `statements`), and why. */
  commented: CommentedStatement[];
  /** Statements a script writes in a DELIMITER block (MySQL routines whose bodies hold semicolons). */
  delimited?: ReadonlySet<string>;
}

export function generateDdl(doc: SchemaDocument, dialect: Dialect, options: DdlOptions = {}): DdlResult {
  const run = generateDdlStatements(doc, dialect, options);
  return { sql: ddlScript(run), diagnostics: run.diagnostics, commented: run.commented };
}

/** The SQL script of a generateDdlStatements run: exactly what generateDdl returns as `sql`. */
export function ddlScript({ header, statements, delimited }: Pick<DdlStatements, 'header' | 'statements' | 'delimited'>): string {
  if (!statements.length) return `${header}\n`;
  if (!delimited?.size) return `${header}\n${statements.join(';\n\n')};\n`;
  return `${header}\n${statements.map((s) => (delimited.has(s) ? delimitedStatement(s) : `${s};`)).join('\n\n')}\n`;
}

/**
 * V8 collects the hidden class of DdlContext instances when none is alive, and with it every
 * optimized function of the generator that was specialised for it (deoptimised for "weak objects").
 * So a run after a full garbage collection (an editor regenerating after a pause; the benchmark's GC
 * between runs) re-optimised the whole generator, doubling its CPU time. A small context kept for the
 * module's life keeps the class, and the optimized code, alive. Empty document: retains nothing else.
 */
const retainedContexts: DdlContext[] = [];
function retainContextClass(): void {
  const spec = dialectSpec('postgres');
  retainedContexts.push(new DdlContext(emptyDocument(), 'postgres', spec, spec.capabilities(spec.defaultTarget), {}));
}
retainContextClass();

/** The context of one run; `valid` is false (and the diagnostics say why) when the document is invalid. */
function startRun(doc: SchemaDocument, dialect: Dialect, options: DdlOptions): { ctx: DdlContext; valid: boolean } {
  const spec = dialectSpec(dialect);
  let target: DdlTarget = spec.defaultTarget;
  const early: Diagnostic[] = [];
  if (options.target) {
    if (spec.targets.includes(options.target)) target = options.target;
    else early.push({ severity: 'warning', code: 'target.unknown', message: `target "${options.target}" is not a ${spec.label} target (${spec.targets.join(', ')}): ${spec.defaultTarget} used` });
  }
  const ctx = new DdlContext(doc, dialect, spec, spec.capabilities(target), options);
  for (const d of early) ctx.diagnostics.push(d);
  // A document with dangling references (a paste, a hand-edited file) gets diagnostics, not a crash.
  const broken = integrityIssues(doc);
  for (const issue of broken) ctx.diag('error', 'document.invalid', `${issue.path}: ${issue.message}`, undefined, issue.path);
  return { ctx, valid: broken.length === 0 };
}

/**
 * Only the decisions of generateDdlStatements (names of keys, indexes and foreign keys; per index
 * built or not, and how). They are those of a full run: an index is "built" only if its statement is
 * not commented out, which depends on every error of the run, including those found while writing
 * the tables. Writing the statements costs little more than deciding the names (1,000 tables: 194
 * vs 167 ms here), so there is one path, not a second walk that could drift from it. Empty when the
 * document is invalid.
 */
export function planDdl(doc: SchemaDocument, dialect: Dialect, options: DdlOptions = {}): DdlDecisions {
  return generateDdlStatements(doc, dialect, options).decisions;
}

/**
 * The same output as a list of statements: apply them one by one to name a failing one. Statements
 * the target would reject are in the list commented out (`commented` says which, and why); sending one
 * to an engine is sending a comment.
 */
export function generateDdlStatements(doc: SchemaDocument, dialect: Dialect, options: DdlOptions = {}): DdlStatements {
  const run = runDdl(doc, dialect, options);
  const { ctx } = run;
  if (!run.valid) {
    return { header: `-- Generated by Draftbase for ${ctx.caps.label}: nothing generated, the document is invalid`, statements: [], diagnostics: ctx.diagnostics, decisions: ctx.decisions, commented: [] };
  }
  // Now every error is known: what the target rejects is written commented out, with what needs it.
  const { statements, commented } = commentOutRejected(ctx, run.planned, run.lateAt);
  let header = `-- Generated by Draftbase for ${ctx.caps.label}`;
  if (ctx.spec.scriptPreamble) header += `\n-- ${ctx.spec.scriptPreamble.statements.join('; ')}: ${ctx.spec.scriptPreamble.why}.`;
  if (commented.length) header += `\n-- ${commented.length} statement${commented.length === 1 ? ' is' : 's are'} commented out: ${ctx.caps.label} would reject ${commented.length === 1 ? 'it' : 'them'} (the reason is above each; everything else applies).`;
  const result: DdlStatements = { header, statements, diagnostics: ctx.diagnostics, decisions: ctx.decisions, commented };
  if (run.delimited?.size) result.delimited = new Set([...run.delimited].map((p) => (typeof p === 'string' ? p : p.sql)));
  return result;
}

/**
 * One generator run before the script is written: the context (names decided, diagnostics) and the
 * planned statements with the document paths they create and need. The migration planner
 * (lib/evolution) takes its CREATE statements from here, so a migration writes new objects exactly as
 * generateDdl does. `valid` false: the document is invalid and nothing is planned.
 */
export interface DdlRun {
  ctx: DdlContext;
  valid: boolean;
  planned: (PlannedStatement | string)[];
  /** Where the foreign keys added after the indexes start in `planned`. */
  lateAt: number;
  /** Routine statements a MySQL script wraps in DELIMITER (their bodies hold semicolons). */
  delimited?: ReadonlySet<PlannedStatement | string>;
}

export function runDdl(doc: SchemaDocument, dialect: Dialect, options: DdlOptions = {}): DdlRun {
  const { ctx, valid } = startRun(doc, dialect, options);
  if (!valid) return { ctx, valid, planned: [], lateAt: 0 };

  reserveExplicitNames(ctx);
  const foreignKeys = planForeignKeys(ctx);
  for (const [id, fk] of foreignKeys) ctx.decisions.foreignKeys.set(id, fk.name);
  const order = tableOrder(doc, (r) => foreignKeys.has(r.id));
  // Added after the indexes: foreign keys that close a cycle, and those whose parent key is an index.
  // Where constraints cannot be added later (SQLite), every foreign key stays in its CREATE TABLE.
  const late = new Set<string>();
  if (ctx.caps.alterAddConstraint) {
    for (const id of order.deferred) late.add(id);
    for (const [id, fk] of foreignKeys) if (fk.afterIndexes) late.add(id);
  } else if (order.deferred.size) {
    const first = order.deferred.values().next().value!;
    ctx.diag('info', `${dialect}.fk-cycle-inline`, `${order.deferred.size} foreign key(s) close a cycle between tables: written in their CREATE TABLE all the same, as ${ctx.spec.label} cannot add constraints later and checks foreign keys only when rows change (insert rows of a cycle inside one transaction with PRAGMA defer_foreign_keys = ON, or make one side DEFERRABLE INITIALLY DEFERRED)`, first, `relationships.${first}`);
  }

  // Statements are pushed one by one into one array (no spreads of per-table arrays).
  const body: (PlannedStatement | string)[] = [];
  // SQLite: PRAGMA foreign_keys = ON first (the header says why).
  if (ctx.spec.scriptPreamble) pushAll(body, ctx.spec.scriptPreamble.statements);
  if (options.dropFirst) pushAll(body, dropStatements(ctx, order.tables, order.deferred.size > 0));
  pushAll(body, schemaStatements(ctx));
  pushAll(body, extensionStatements(ctx));
  pushAll(body, typeStatements(ctx));
  planSerialColumns(ctx);
  pushAll(body, sequenceStatements(ctx));
  const routines = routineStatements(ctx);
  pushAll(body, routines.beforeTables);
  for (const table of order.tables) {
    pushAll(body, tableStatements(ctx, table, foreignKeys, late));
    const added = ctx.partitionsAdded.get(table.id);
    if (added) pushAll(body, added);
  }
  pushAll(body, ownedByStatements(ctx));
  // Indexes after all tables: CREATE INDEX statements are independent of table order.
  for (const table of order.tables) {
    const indexes = table.indexes;
    const needs = [`tables.${table.id}`];
    for (let i = 0; i < indexes.length; i++) {
      const ix = indexSql(ctx, table, indexes[i], i);
      if (!ix) continue;
      const path = `tables.${table.id}.indexes.${i}`;
      body.push({ sql: ix.statement, path, needs });
      if (ix.comment) body.push({ sql: ix.comment, needs: [path] });
    }
  }
  // Foreign keys that close a cycle or reference an index: every table and index exists now.
  const lateAt = body.length;
  if (late.size) {
    for (const r of Object.values(doc.relationships)) {
      const fk = foreignKeys.get(r.id);
      if (!fk || !late.has(r.id)) continue;
      const from = doc.tables[r.fromTableId];
      const to = doc.tables[r.toTableId];
      if (order.deferred.has(r.id)) ctx.diag('info', 'fk.cycle', `foreign key "${fk.name}" closes a cycle (${from.name} -> ${to.name}): added with ALTER TABLE after the tables`, r.id, `relationships.${r.id}`);
      else ctx.diag('info', 'fk.after-index', `foreign key "${fk.name}" (${from.name} -> ${to.name}) references columns keyed by an index, which is created after the tables: added with ALTER TABLE after the indexes`, r.id, `relationships.${r.id}`);
      const path = `relationships.${r.id}`;
      body.push({ sql: `ALTER TABLE ${ctx.qualified(from)} ADD ${fk.clause}`, path, needs: [`tables.${from.id}`, ...fk.needs] });
      if (fk.comment) body.push({ sql: fk.comment, needs: [path] });
    }
  }
  pushAll(body, routines.afterTables);
  pushAll(body, viewStatements(ctx));
  pushAll(body, routines.last);
  missingExtensionDiagnostics(ctx);
  tableModifierNotes(ctx);
  sqlCommentsNote(ctx);
  reportCrossDialectExpressions(ctx);
  ignoredAttributesNote(ctx);
  if (options.sqlParsers) pushAll(ctx.diagnostics, expressionDiagnostics(doc, options.sqlParsers, { outputDialect: dialect }));
  return { ctx, valid, planned: body, lateAt, delimited: routines.delimited };
}

function pushAll<T>(into: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) into.push(items[i]);
}

/**
 * Expressions are SQL in the dialect the document was designed for: translated where every part has a
 * translation (with the parsers loaded), else copied verbatim: one warning listing where, and why.
 * Only what the statements wrote counts (ctx.copiedVerbatim): a dropped expression has its own
 * diagnostic already.
 */
function reportCrossDialectExpressions(ctx: DdlContext): void {
  const from = dialectSpec(ctx.doc.settings.dialect).label;
  if (ctx.translatedCount) ctx.diag('info', 'expression.translated', `the document is designed for ${from}: ${ctx.translatedCount} SQL expression(s) and view bodies were translated for ${ctx.spec.label}`);
  const copied = ctx.verbatimExpressions;
  if (!copied.size) return;
  // Only the first five places are described (a large document may have thousands: every expression default).
  const shown: string[] = [];
  let firstId = '';
  for (const { entityId, where } of copied.values()) {
    if (!firstId) firstId = entityId;
    if (where === undefined) break;
    shown.push(where);
  }
  const count = copied.size;
  ctx.diag('warning', 'expression.cross-dialect', `the document is designed for ${from}: ${count} SQL expression(s) are copied verbatim and may need rewriting for ${ctx.spec.label} (${shown.join('; ')}${count > 5 ? '; ...' : ''})`, firstId);
}

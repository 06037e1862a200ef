/**
 * Routines (functions, procedures, aggregates, triggers, events) are written back verbatim, in an
 * order where each finds what it needs:
 * - functions, procedures and aggregates before the tables, since a default or a check may call them
 *   (PostgreSQL: with `SET check_function_bodies = false` first, as pg_dump writes it, so a SQL-language
 *   body that reads tables is not validated before they exist);
 * - except a PostgreSQL function whose signature names a table or view of the document (`RETURNS SETOF
 *   customer`: the row type must exist) or whose body is standard SQL (`BEGIN ATOMIC`, `RETURN expr`,
 *   always analysed at creation): after the tables, before the views; an aggregate over such a
 *   function goes with it;
 * - triggers and events last, after their tables and the views.
 * A routine written in another dialect than the output is written commented out (its body is not
 * translated), with one info diagnostic.
 */
import { dialectSpec } from '../dialects/dialects';
import type { Routine } from '../model/document';
import { SQL_LEXERS, unquotedValue } from '../sql-lexer';
import type { DdlContext } from './context';
import type { PlannedStatement } from './planned-statement';
import { schemaNeeds } from './statement-needs';
import { oneLine } from './sql-text';

export interface RoutinePlan {
  /** `SET check_function_bodies = false` and the routines that go before the tables. */
  beforeTables: (PlannedStatement | string)[];
  /** After the tables, indexes and foreign keys; before the views. */
  afterTables: (PlannedStatement | string)[];
  /** Triggers and events: after everything. */
  last: (PlannedStatement | string)[];
  /** The statements a script wraps in DELIMITER (mysql client). */
  delimited: Set<PlannedStatement | string>;
}

/** Words of a function's signature and options that are never a table's name (`LANGUAGE sql`: pagila has a table "language"). */
const SIGNATURE_KEYWORDS = new Set([
  'create', 'or', 'replace', 'function', 'procedure', 'returns', 'setof', 'table', 'language', 'immutable', 'stable', 'volatile',
  'strict', 'called', 'on', 'null', 'input', 'security', 'definer', 'invoker', 'external', 'leakproof', 'not', 'parallel', 'safe',
  'unsafe', 'restricted', 'cost', 'rows', 'support', 'set', 'to', 'from', 'current', 'window', 'as', 'in', 'out', 'inout',
  'variadic', 'default', 'transform', 'for', 'type', 'begin', 'atomic', 'return', 'end',
]);

/**
 * Lower-cased names the signature may use as types: quoted identifiers, qualified names' parts and
 * words that are not signature keywords, read up to the first quoted or dollar-quoted body.
 */
function signatureNames(r: Routine): { names: Set<string>; standardBody: boolean } {
  const names = new Set<string>();
  let sawBody = false;
  let standard = false;
  let afterDot = false;
  for (const t of SQL_LEXERS[r.dialect].tokens(r.sql)) {
    if (t.kind === 'dollar-quote' || t.kind === 'string') {
      sawBody = true;
      break;
    }
    if (t.kind === 'space' || t.kind === 'comment') continue;
    const text = r.sql.slice(t.start, t.end);
    if (t.kind === 'word') {
      const word = text.toLowerCase();
      if (word === 'atomic' || word === 'return') standard = true;
      if (afterDot || !SIGNATURE_KEYWORDS.has(word)) names.add(word);
    } else if (t.kind === 'identifier') names.add(unquotedValue(r.sql, t).toLowerCase());
    afterDot = t.kind === 'punct' && text === '.';
  }
  // No quoted body: a SQL-standard body (BEGIN ATOMIC ... END, RETURN expr), analysed when created.
  return { names, standardBody: !sawBody && standard && r.kind !== 'aggregate' };
}

/** PostgreSQL functions that must wait for the tables (see the module comment), by id. */
function lateRoutines(ctx: DdlContext, routines: Routine[]): Set<string> {
  const late = new Set<string>();
  if (!ctx.spec.routines.signatureNeedsRelations) return late;
  const relations = new Set<string>();
  for (const t of Object.values(ctx.doc.tables)) relations.add(t.name.toLowerCase());
  for (const v of Object.values(ctx.doc.views)) relations.add(v.name.toLowerCase());
  const lateNames = new Set<string>();
  for (const r of routines) {
    if (r.kind !== 'function' && r.kind !== 'procedure') continue;
    const { names, standardBody } = signatureNames(r);
    if (standardBody || [...names].some((n) => relations.has(n))) {
      late.add(r.id);
      lateNames.add(r.name.toLowerCase());
    }
  }
  if (lateNames.size) {
    for (const r of routines) {
      if (r.kind === 'aggregate' && [...signatureNames(r).names].some((n) => lateNames.has(n))) late.add(r.id);
    }
  }
  return late;
}

/** `CREATE [OR REPLACE] FUNCTION ...` with OR REPLACE (the statement's first word is CREATE). */
function orReplace(r: Routine): string {
  const words: { text: string; end: number }[] = [];
  for (const t of SQL_LEXERS[r.dialect].tokens(r.sql)) {
    if (t.kind === 'space' || t.kind === 'comment') continue;
    if (t.kind !== 'word') break;
    words.push({ text: r.sql.slice(t.start, t.end).toLowerCase(), end: t.end });
    if (words.length === 2) break;
  }
  if (words[0]?.text !== 'create' || words[1]?.text === 'or') return r.sql;
  return `${r.sql.slice(0, words[0].end)} OR REPLACE${r.sql.slice(words[0].end)}`;
}

/** `-- ` before every line, under a line that says why. */
function commentedRoutine(r: Routine, why: string): string {
  const lines = [`-- ${oneLine(why)}`];
  for (const line of r.sql.split(/\r\n|\r|\n|\u2028|\u2029/)) lines.push(`-- ${line}`);
  return lines.join('\n');
}

export function routineStatements(ctx: DdlContext): RoutinePlan {
  const plan: RoutinePlan = { beforeTables: [], afterTables: [], last: [], delimited: new Set() };
  const routines = Object.values(ctx.doc.routines ?? {});
  if (!routines.length) return plan;
  // Identity: a routine is run as written only by its own dialect's engines (bodies are not translated).
  const ownDialect = (r: Routine) => r.dialect === ctx.dialect && ctx.spec.routines.kinds.has(r.kind);
  const mine = routines.filter(ownDialect);
  const late = lateRoutines(ctx, mine);
  const setting = ctx.spec.routines.beforeFunctions;
  if (setting && mine.some((r) => r.kind !== 'trigger' && r.kind !== 'event')) plan.beforeTables.push(setting);
  const other: Routine[] = [];
  for (const r of routines) {
    const path = `routines.${r.id}`;
    const into = r.kind === 'trigger' || r.kind === 'event' ? plan.last : late.has(r.id) ? plan.afterTables : plan.beforeTables;
    if (!ownDialect(r)) {
      other.push(r);
      const why = r.dialect !== ctx.dialect ? `is written in ${dialectSpec(r.dialect).label} SQL, which ${ctx.spec.label} does not run` : `is a ${r.kind}, which ${ctx.spec.label} does not have`;
      into.push(commentedRoutine(r, `Draftbase: ${r.kind} "${r.name}" ${why}: commented out`));
      continue;
    }
    const needs = schemaNeeds(ctx, r.schemaId);
    if (r.tableId) needs.push(`tables.${r.tableId}`);
    const rerunnable = ctx.options.dropFirst && r.kind !== 'trigger';
    if (rerunnable && ctx.spec.routines.rerun === 'drop-if-exists') into.push(`DROP ${r.kind === 'aggregate' ? 'FUNCTION' : r.kind.toUpperCase()} IF EXISTS ${ctx.qualified(r)}`);
    const st: PlannedStatement = { sql: rerunnable && ctx.spec.routines.rerun === 'or-replace' ? orReplace(r) : r.sql, path, needs };
    into.push(st);
    // The mysql client ends a statement at the first `;`: a body with one needs another delimiter.
    if (ctx.spec.routines.scriptDelimiter && r.sql.includes(';')) plan.delimited.add(st);
  }
  if (other.length) {
    const shown = other.slice(0, 5).map((r) => `${r.kind} "${r.name}"`).join(', ');
    ctx.diag('info', 'routine.other-dialect', `${other.length} routine(s) written in another dialect than ${ctx.spec.label} are commented out (their bodies are not translated): ${shown}${other.length > 5 ? ', ...' : ''}`, other[0].id, `routines.${other[0].id}`);
  }
  return plan;
}

/**
 * A MySQL statement as the mysql client reads it from a script: in a DELIMITER block (mysqldump's
 * `;;`, or the first of `$$`, `//`... that the text does not hold) when its body has semicolons of its own.
 */
export function delimitedStatement(sql: string): string {
  const d = DELIMITERS.find((x) => !sql.includes(x)) ?? `$$${sql.length}$$`;
  return `DELIMITER ${d}\n${sql}${d}\nDELIMITER ;`;
}

/** mysqldump's `;;` first, then others a body is unlikely to hold. */
const DELIMITERS = [';;', '$$', '//', '$$$', '@@@'];

/**
 * The script never refuses: every statement the target would reject is written commented out, in
 * place, with its diagnostics above it, and every other statement applies.
 *
 * From the planned statements (planned-statement.ts) and the run's error diagnostics:
 * 1. each error rejects the statement or clause creating the element it points at (its path, else
 *    its entity), as its code says (diagnostic-codes.ts `rejects`): a constraint clause of CREATE
 *    TABLE alone (the table is created without it; the clause follows as a commented
 *    `ALTER TABLE ... ADD`), anything else its whole statement;
 * 2. every statement or clause that needs a rejected one (an index on a rejected table, a foreign key
 *    to a rejected key, a comment on it, a view reading it) is rejected too, with a
 *    `dependency.commented-out` diagnostic naming what it needs, until nothing changes;
 * 3. the script is written: rejected statements with every line prefixed `-- `.
 * Linear in the statements when nothing is rejected (the common case: one pass over the errors).
 */
import type { Diagnostic } from '../model/diagnostics';
import type { SchemaDocument } from '../model/document';
import type { DdlContext } from './context';
import { DDL_DIAGNOSTIC_CODES } from './diagnostic-codes';
import { createTableSql, type PlannedClause, type PlannedStatement } from './planned-statement';
import { oneLine } from './sql-text';

/** A statement of the script written commented out. */
export interface CommentedStatement {
  /** Its position in the statements. */
  index: number;
  /** Its first line (`CREATE TABLE "orders" (`), as lists show it. */
  summary: string;
  /** The statement as it would have been written (what its comment lines hold). */
  sql: string;
  /** Why: the errors that reject it (`dependency.commented-out` when it needs a rejected statement). */
  diagnostics: Diagnostic[];
}

interface Unit {
  path?: string;
  needs?: readonly string[];
  /** The position of its statement in the planned list. */
  statement: number;
  /** The statement's unit, for a clause; undefined for a statement. */
  parent?: Unit;
  clause?: PlannedClause;
  /** A statement's constraint clauses that have a path. */
  children?: Unit[];
  reasons?: Diagnostic[];
}

/** The elements a script writes in a statement or clause of their own. */
const OWN_UNIT = /^tables\.[^.]+\.(?:(?:checks|uniques|indexes)\.\d+|primaryKey)$|^(?:relationships|views|sequences|extensions|routines)\.[^.]+$/;

/**
 * The element a path points into: `tables.t.checks.2.expression` -> `tables.t.checks.2`; a column,
 * a table's name or partition key -> `tables.t.columns.3` / `tables.t`.
 */
function elementOf(path: string): string {
  const m = /^(tables\.[^.]+(?:\.(?:(?:checks|uniques|indexes|columns)\.\d+|primaryKey|partitioning\.partitions\.\d+))?|domains\.[^.]+(?:\.checks\.\d+)?|(?:relationships|views|enums|schemas|sequences|extensions|routines)\.[^.]+)/.exec(path);
  return m ? m[1] : path;
}

/** Each shorter prefix of a dotted path, longest first, the path itself included. */
function* prefixes(path: string): Generator<string> {
  let p = path;
  for (;;) {
    yield p;
    const dot = p.lastIndexOf('.');
    if (dot < 0) return;
    p = p.slice(0, dot);
  }
}

export function commentOutRejected(ctx: DdlContext, planned: readonly (PlannedStatement | string)[], lateAt: number): { statements: string[]; commented: CommentedStatement[] } {
  const errors = ctx.diagnostics.filter((d) => d.severity === 'error' && DDL_DIAGNOSTIC_CODES[d.code]?.rejects !== 'document');
  const statementUnits: Unit[] = planned.map((p, i) => (typeof p === 'string' ? { statement: i } : { path: p.path, needs: p.needs, statement: i }));
  const clauses = errors.length ? reject(ctx, planned, statementUnits, errors) : NO_CLAUSES;
  return writeScript(ctx, planned, statementUnits, clauses, lateAt);
}

/** Per statement unit: its constraint clauses taken out, and why. */
type RejectedClauses = Map<Unit, Map<PlannedClause, Diagnostic[]>>;
const NO_CLAUSES: RejectedClauses = new Map();

/** Marks the rejected statement units (their `reasons`) and returns the rejected clauses of the others. */
function reject(ctx: DdlContext, planned: readonly (PlannedStatement | string)[], statementUnits: readonly Unit[], errors: Diagnostic[]): RejectedClauses {
  const units: Unit[] = [];
  const byPath = new Map<string, Unit[]>();
  const index = (u: Unit) => {
    units.push(u);
    if (u.path === undefined) return;
    const list = byPath.get(u.path);
    if (list) list.push(u);
    else byPath.set(u.path, [u]);
  };
  planned.forEach((p, i) => {
    const unit = statementUnits[i];
    index(unit);
    if (typeof p === 'string' || !p.table) return;
    for (const clause of p.table.clauses) {
      if (clause.path === undefined) continue;
      const child: Unit = { path: clause.path, needs: clause.needs, statement: i, parent: unit, clause };
      (unit.children ??= []).push(child);
      index(child);
    }
  });

  // Elements with an error but no statement of their own (a MySQL enum is written into its columns):
  // what needs one is rejected for that element's errors.
  const rejectedRoots = new Map<string, Diagnostic[]>();
  let entityPaths: Map<string, string> | undefined;
  for (const d of errors) {
    const path = d.path ?? (d.entityId ? (entityPaths ??= pathsOfEntities(ctx.doc)).get(d.entityId) : undefined);
    if (path === undefined) continue;
    const element = elementOf(path);
    let found: Unit[] | undefined;
    let at = '';
    for (const p of prefixes(path)) {
      found = byPath.get(p);
      if (found) {
        at = p;
        break;
      }
    }
    if (!found) {
      const list = rejectedRoots.get(element);
      if (list) list.push(d);
      else rejectedRoots.set(element, [d]);
      continue;
    }
    // A check, key, index, foreign key or view the script leaves out already: nothing to comment out.
    if (at.length < element.length && OWN_UNIT.test(element)) continue;
    const whole = (DDL_DIAGNOSTIC_CODES[d.code]?.rejects ?? 'clause') === 'statement';
    for (const u of found) {
      const target = whole && u.parent ? u.parent : u;
      (target.reasons ??= []).push(d);
    }
  }

  // Every path rejected so far; then whatever needs one of them, until nothing changes.
  const rejected = new Set<string>(rejectedRoots.keys());
  // A rejected statement takes its clauses (a comment on its foreign key needs `relationships.<id>`).
  const mark = (u: Unit) => {
    if (u.path !== undefined) rejected.add(u.path);
    if (!u.parent) for (const c of u.children ?? []) if (c.path !== undefined) rejected.add(c.path);
  };
  for (const u of units) if (u.reasons || u.parent?.reasons) mark(u);
  if (!rejected.size) return NO_CLAUSES;
  const covering = (need: string): string | undefined => {
    for (const p of prefixes(need)) if (rejected.has(p)) return p;
    return undefined;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const u of units) {
      if (!u.needs || u.reasons || u.parent?.reasons) continue;
      for (const need of u.needs) {
        const gone = covering(need);
        if (gone === undefined) continue;
        const own = rejectedRoots.get(gone);
        if (own) {
          u.reasons = own;
          mark(u);
          changed = true;
          break;
        }
        const what = u.path !== undefined ? describePath(ctx, u.path) : summaryOf(planned[u.statement]);
        const d: Diagnostic = { severity: 'error', code: 'dependency.commented-out', message: `${what}: needs ${describePath(ctx, gone)}, which the script does not create (see its error)`, path: u.path ?? need };
        const entityId = entityAt(ctx.doc, u.path ?? need);
        if (entityId) d.entityId = entityId;
        ctx.diagnostics.push(d);
        u.reasons = [d];
        mark(u);
        changed = true;
        break;
      }
    }
  }
  return collectRejectedClauses(units);
}

/** The script: kept statements as they are, rejected ones commented out, taken-out clauses as commented ALTER TABLE. */
function writeScript(ctx: DdlContext, planned: readonly (PlannedStatement | string)[], units: Unit[], rejectedClauses: RejectedClauses, lateAt: number): { statements: string[]; commented: CommentedStatement[] } {
  const statements: string[] = [];
  const commented: CommentedStatement[] = [];
  const late: { sql: string; reasons: Diagnostic[] }[] = [];
  const write = (sql: string, reasons: Diagnostic[]) => {
    commented.push({ index: statements.length, summary: firstLine(sql), sql, diagnostics: reasons });
    statements.push(commentedOut(ctx, sql, reasons));
  };
  for (let i = 0; i <= planned.length; i++) {
    if (i === lateAt) for (const l of late) write(l.sql, l.reasons);
    if (i === planned.length) break;
    const p = planned[i];
    if (typeof p === 'string') {
      statements.push(p);
      continue;
    }
    const unit = units[i];
    if (unit.reasons) {
      write(p.sql, unit.reasons);
      noteIndexNotCreated(ctx, p.path);
      continue;
    }
    const out = p.table ? rejectedClauses.get(unit) : undefined;
    if (!out || !p.table) {
      statements.push(p.sql);
      continue;
    }
    const table = p.table;
    statements.push(createTableSql(table, table.clauses.filter((c) => !out.has(c))));
    for (const [clause, reasons] of out) {
      const sql = `${table.alter} ADD ${clause.sql}`;
      if (clause.late && i < lateAt) late.push({ sql, reasons });
      else write(sql, reasons);
    }
  }
  return { statements, commented };
}

function collectRejectedClauses(units: Unit[]): RejectedClauses {
  const out: RejectedClauses = new Map();
  for (const u of units) {
    if (!u.parent || !u.clause || !u.reasons || u.parent.reasons) continue;
    let m = out.get(u.parent);
    if (!m) out.set(u.parent, (m = new Map()));
    m.set(u.clause, u.reasons);
  }
  return out;
}

/** The index strategy table describes what the script builds: a commented-out index is not built. */
function noteIndexNotCreated(ctx: DdlContext, path: string | undefined): void {
  const m = path ? /^tables\.([^.]+)\.indexes\.(\d+)$/.exec(path) : null;
  if (!m) return;
  const index = ctx.doc.tables[m[1]]?.indexes[Number(m[2])];
  const decision = index ? ctx.decisions.indexes.get(index.id) : undefined;
  if (!decision) return;
  decision.created = false;
  decision.notes.push(`commented out: ${ctx.caps.label} would reject it`);
}

/** `sql` as comment lines under its reasons. Every line break ends a line (a lone CR too: it ends a PostgreSQL comment). */
function commentedOut(ctx: DdlContext, sql: string, reasons: readonly Diagnostic[]): string {
  const dependency = reasons.every((d) => d.code === 'dependency.commented-out');
  const lines = [dependency ? `-- Commented out by Draftbase: it needs a statement that is commented out.` : `-- Commented out by Draftbase: ${oneLine(ctx.caps.label)} would reject it.`];
  for (const d of reasons) lines.push(`-- ${d.severity} [${d.code}] ${oneLine(d.message)}`);
  for (const line of sql.split(/\r\n|\r|\n|\u2028|\u2029/)) lines.push(`-- ${line}`);
  return lines.join('\n');
}

/** A statement of the script written commented out (every line a `--` comment): nothing to send to an engine. */
export function isCommentedOut(statement: string): boolean {
  return statement.split('\n').every((line) => line.startsWith('--'));
}

function firstLine(sql: string): string {
  const line = sql.split(/\r\n|\r|\n/, 1)[0];
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}

function summaryOf(p: PlannedStatement | string | undefined): string {
  return p === undefined ? 'a statement' : firstLine(typeof p === 'string' ? p : p.sql);
}

/** How dependency messages name an element: `table "orders"`, `index "ix" on "orders"`... */
function describePath(ctx: DdlContext, path: string): string {
  const doc = ctx.doc;
  const s = path.split('.');
  const table = s[0] === 'tables' ? doc.tables[s[1]] : undefined;
  if (table) {
    const of = `"${table.name}"`;
    if (s[2] === 'primaryKey') return `the primary key of ${of}`;
    if (s[2] === 'uniques') return `unique constraint "${ctx.decisions.uniques.get(table.uniques[Number(s[3])]?.id ?? '') ?? s[3]}" of ${of}`;
    if (s[2] === 'checks') return `check "${table.checks[Number(s[3])]?.name ?? s[3]}" of ${of}`;
    if (s[2] === 'indexes') return `index "${ctx.decisions.indexes.get(table.indexes[Number(s[3])]?.id ?? '')?.name ?? s[3]}" on ${of}`;
    if (s[2] === 'partitioning') return `partition "${table.partitioning?.partitions[Number(s[4])]?.name ?? s[4]}" of ${of}`;
    return `table ${of}`;
  }
  if (s[0] === 'relationships') return `foreign key "${ctx.decisions.foreignKeys.get(s[1]) ?? s[1]}"`;
  if (s[0] === 'views') return `view "${doc.views[s[1]]?.name ?? s[1]}"`;
  if (s[0] === 'enums') return `enum "${doc.enums[s[1]]?.name ?? s[1]}"`;
  if (s[0] === 'domains') return s[2] === 'checks' ? `a check of domain "${doc.domains[s[1]]?.name ?? s[1]}"` : `domain "${doc.domains[s[1]]?.name ?? s[1]}"`;
  if (s[0] === 'schemas') return `schema "${doc.schemas[s[1]]?.name ?? s[1]}"`;
  if (s[0] === 'sequences') return `sequence "${doc.sequences[s[1]]?.name ?? s[1]}"`;
  if (s[0] === 'extensions') return `extension "${doc.extensions[s[1]]?.name ?? s[1]}"`;
  return path;
}

/** The element id at a path (what the editor selects for a diagnostic). */
function entityAt(doc: SchemaDocument, path: string): string | undefined {
  const s = path.split('.');
  const table = s[0] === 'tables' ? doc.tables[s[1]] : undefined;
  if (table) {
    if (s[2] === 'uniques') return table.uniques[Number(s[3])]?.id;
    if (s[2] === 'checks') return table.checks[Number(s[3])]?.id;
    if (s[2] === 'indexes') return table.indexes[Number(s[3])]?.id;
    if (s[2] === 'partitioning' && s[3] === 'partitions') return table.partitioning?.partitions[Number(s[4])]?.id;
    return table.id;
  }
  return s.length > 1 ? s[1] : undefined;
}

/** Element id -> path, for the rare error that names an element but no path. */
function pathsOfEntities(doc: SchemaDocument): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of Object.values(doc.tables)) {
    const base = `tables.${t.id}`;
    out.set(t.id, base);
    t.columns.forEach((c, i) => out.set(c.id, `${base}.columns.${i}`));
    t.uniques.forEach((u, i) => out.set(u.id, `${base}.uniques.${i}`));
    t.checks.forEach((c, i) => out.set(c.id, `${base}.checks.${i}`));
    t.indexes.forEach((x, i) => out.set(x.id, `${base}.indexes.${i}`));
    t.partitioning?.partitions.forEach((p, i) => out.set(p.id, `${base}.partitioning.partitions.${i}`));
  }
  for (const [kind, map] of [['relationships', doc.relationships], ['views', doc.views], ['enums', doc.enums], ['domains', doc.domains], ['schemas', doc.schemas], ['sequences', doc.sequences], ['extensions', doc.extensions]] as const) {
    for (const id of Object.keys(map)) out.set(id, `${kind}.${id}`);
  }
  for (const d of Object.values(doc.domains)) d.checks.forEach((c, i) => out.set(c.id, `domains.${d.id}.checks.${i}`));
  return out;
}

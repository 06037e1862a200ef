/**
 * Reads SQLite's CREATE TABLE (lang_createtable.html) into plain data: columns with their declared
 * type text exactly as written (SQLite keeps it, and its affinity comes from it), column and table
 * constraints, and the table options (WITHOUT ROWID, STRICT). Expressions (DEFAULT, CHECK, generated
 * columns) are kept as source text. Nothing here builds a document: import-sqlite.ts maps this.
 */
import { SqliteSyntaxError, type StatementCursor } from './cursor';

export interface Span {
  text: string;
  start: number;
  end: number;
}

export type ConflictClause = 'rollback' | 'abort' | 'fail' | 'ignore' | 'replace';

export interface ForeignKeyClause {
  schema?: string;
  table: string;
  columns: string[];
  onDelete?: string;
  onUpdate?: string;
  match?: string;
  /** `DEFERRABLE INITIALLY DEFERRED` etc.; absent when not written. */
  deferrable?: 'not deferrable' | 'deferrable initially immediate' | 'deferrable initially deferred';
  at: number;
}

/** A key part of PRIMARY KEY / UNIQUE / CREATE INDEX: a column or an expression, with COLLATE and order. */
export interface IndexedColumn {
  /** The whole part's expression text (without COLLATE and ASC/DESC). */
  expr: Span;
  /** Set when the expression is a single name. */
  column?: string;
  collate?: string;
  order?: 'asc' | 'desc';
}

export type ColumnConstraint =
  | { kind: 'primary-key'; name?: string; order?: 'asc' | 'desc'; conflict?: ConflictClause; autoincrement: boolean; at: number }
  | { kind: 'not-null'; conflict?: ConflictClause; at: number }
  | { kind: 'null'; at: number }
  | { kind: 'unique'; name?: string; conflict?: ConflictClause; at: number }
  | { kind: 'check'; name?: string; expr: Span; at: number }
  | { kind: 'default'; value: DefaultSyntax; at: number }
  | { kind: 'collate'; collation: string; at: number }
  | { kind: 'references'; name?: string; fk: ForeignKeyClause; at: number }
  | { kind: 'generated'; name?: string; expr: Span; stored: boolean; at: number };

/** DEFAULT as written: `(expr)`, a literal or signed number, or a bare word (CURRENT_TIMESTAMP, TRUE, an identifier). */
export type DefaultSyntax =
  | { form: 'expression'; expr: Span }
  | { form: 'string'; value: string; raw: string }
  | { form: 'number'; raw: string }
  | { form: 'word'; raw: string };

export interface ColumnSyntax {
  name: string;
  at: number;
  /** `--` comments written just before the column (after the previous comma). */
  comment?: string;
  /** The declared type as written (`VARCHAR(255)`, `UNSIGNED BIG INT`); absent when none is. */
  declaredType?: string;
  constraints: ColumnConstraint[];
}

export type TableConstraint =
  | { kind: 'primary-key'; name?: string; columns: IndexedColumn[]; autoincrement: boolean; conflict?: ConflictClause; at: number }
  | { kind: 'unique'; name?: string; columns: IndexedColumn[]; conflict?: ConflictClause; at: number }
  | { kind: 'check'; name?: string; expr: Span; at: number }
  | { kind: 'foreign-key'; name?: string; columns: string[]; fk: ForeignKeyClause; at: number };

export interface CreateTableSyntax {
  schema?: string;
  name: string;
  at: number;
  temporary: boolean;
  ifNotExists: boolean;
  /** CREATE TABLE ... AS SELECT: no column list. */
  asSelect: boolean;
  columns: ColumnSyntax[];
  constraints: TableConstraint[];
  withoutRowid: boolean;
  strict: boolean;
  /** `--` comments between the table's name and its parenthesis. */
  comment?: string;
}

/** Words that end a column's type name and start a constraint. */
const CONSTRAINT_START = new Set(['constraint', 'primary', 'not', 'null', 'unique', 'check', 'default', 'collate', 'references', 'generated', 'as']);
const TABLE_CONSTRAINT_START = new Set(['constraint', 'primary', 'unique', 'check', 'foreign']);

const CONFLICTS: readonly ConflictClause[] = ['rollback', 'abort', 'fail', 'ignore', 'replace'];

function conflictClause(c: StatementCursor): ConflictClause | undefined {
  if (!c.acceptWords('on', 'conflict')) return undefined;
  const w = c.peek() && c.isName() ? c.textOf(c.peek()!).toLowerCase() : '';
  const found = CONFLICTS.find((x) => x === w);
  if (!found) c.fail('expected ROLLBACK, ABORT, FAIL, IGNORE or REPLACE after ON CONFLICT');
  c.pos++;
  return found;
}

function order(c: StatementCursor): 'asc' | 'desc' | undefined {
  if (c.acceptWords('asc')) return 'asc';
  if (c.acceptWords('desc')) return 'desc';
  return undefined;
}

/** `name [, name]*` inside parentheses. */
export function nameList(c: StatementCursor, what: string): string[] {
  c.expectPunct('(');
  const names: string[] = [];
  do names.push(c.name(what).value);
  while (c.acceptPunct(','));
  c.expectPunct(')');
  return names;
}

/** `( indexed-column [, ...] )`: each a column or an expression, with COLLATE and ASC/DESC. */
export function indexedColumns(c: StatementCursor, allowAutoincrement = false): { columns: IndexedColumn[]; autoincrement: boolean } {
  c.expectPunct('(');
  const columns: IndexedColumn[] = [];
  let autoincrement = false;
  do {
    const from = c.pos;
    const expr = c.expressionUntil(['collate', 'asc', 'desc', 'autoincrement']);
    const part: IndexedColumn = { expr };
    if (c.pos === from + 1) {
      // One token: a name (SQLite also reads a 'string' here as the column it names).
      const save = c.pos;
      c.pos = from;
      if (c.isName()) part.column = c.name().value;
      c.pos = save;
    }
    if (c.acceptWords('collate')) part.collate = c.name('a collation name').value;
    const o = order(c);
    if (o) part.order = o;
    if (allowAutoincrement && c.acceptWords('autoincrement')) autoincrement = true;
    columns.push(part);
  } while (c.acceptPunct(','));
  c.expectPunct(')');
  return { columns, autoincrement };
}

function foreignKeyClause(c: StatementCursor): ForeignKeyClause {
  const at = c.here();
  c.expectWords('references');
  const target = c.qualifiedName('the referenced table');
  const fk: ForeignKeyClause = { table: target.name, columns: [], at };
  if (target.schema !== undefined) fk.schema = target.schema;
  if (c.isPunct('(')) fk.columns = nameList(c, 'a referenced column');
  for (;;) {
    if (c.acceptWords('on')) {
      const which = c.acceptWords('delete') ? 'onDelete' : c.acceptWords('update') ? 'onUpdate' : c.acceptWords('insert') ? 'onInsert' : c.fail('expected DELETE or UPDATE after ON');
      let action: string;
      if (c.acceptWords('set', 'null')) action = 'set null';
      else if (c.acceptWords('set', 'default')) action = 'set default';
      else if (c.acceptWords('cascade')) action = 'cascade';
      else if (c.acceptWords('restrict')) action = 'restrict';
      else if (c.acceptWords('no', 'action')) action = 'no action';
      else c.fail('expected SET NULL, SET DEFAULT, CASCADE, RESTRICT or NO ACTION');
      if (which !== 'onInsert') fk[which] = action;
      continue;
    }
    if (c.acceptWords('match')) {
      fk.match = c.name('a MATCH name').value;
      continue;
    }
    const not = c.isWord('not') && c.isWord('deferrable', 1);
    if (not || c.isWord('deferrable')) {
      c.pos += not ? 2 : 1;
      let initially: 'deferred' | 'immediate' | undefined;
      if (c.acceptWords('initially', 'deferred')) initially = 'deferred';
      else if (c.acceptWords('initially', 'immediate')) initially = 'immediate';
      // SQLite: only DEFERRABLE INITIALLY DEFERRED defers; the others are immediate.
      fk.deferrable = not ? 'not deferrable' : initially === 'deferred' ? 'deferrable initially deferred' : 'deferrable initially immediate';
      continue;
    }
    return fk;
  }
}

function defaultValue(c: StatementCursor): DefaultSyntax {
  if (c.isPunct('(')) return { form: 'expression', expr: c.parenthesized('DEFAULT') };
  const t = c.peek();
  if (!t) c.fail('expected a default value');
  if (t.kind === 'string') {
    if (!t.closed) throw new SqliteSyntaxError('unterminated quoted string', t.start);
    c.pos++;
    const raw = c.textOf(t);
    return { form: 'string', value: raw.slice(1, -1).split("''").join("'"), raw };
  }
  if (c.isPunct('+') || c.isPunct('-')) {
    const sign = c.textOf(t);
    c.pos++;
    const n = c.peek();
    if (!n || !/^[0-9.]/.test(c.textOf(n))) c.fail('expected a number after the sign');
    return { form: 'number', raw: sign + numberText(c) };
  }
  if (/^[0-9.]/.test(c.textOf(t))) return { form: 'number', raw: numberText(c) };
  if (t.kind === 'word' || t.kind === 'identifier') {
    c.pos++;
    // A blob literal X'ABCD' lexes as a word followed by a string.
    const next = c.peek();
    if (t.kind === 'word' && /^x$/i.test(c.textOf(t)) && next?.kind === 'string' && next.start === t.end) {
      c.pos++;
      return { form: 'word', raw: c.text.slice(t.start, next.end) };
    }
    return { form: 'word', raw: c.textOf(t) };
  }
  return c.fail('expected a default value');
}

/**
 * A numeric literal: the lexer cuts `1.5e-3` into `1`, `.`, `5e`, `-`, `3` (digits start no word):
 * glue adjacent pieces back together.
 */
function numberText(c: StatementCursor): string {
  const first = c.peek()!;
  let end = first.end;
  c.pos++;
  for (;;) {
    const t = c.peek();
    if (!t || t.start !== end) break;
    const s = c.textOf(t);
    const prev = c.text.slice(first.start, end);
    const expSign = (s === '-' || s === '+') && /[eE]$/.test(prev) && /^[0-9]/.test(prev);
    if (!(/^[0-9A-Za-z_.]/.test(s) || expSign)) break;
    end = t.end;
    c.pos++;
  }
  return c.text.slice(first.start, end);
}

function columnConstraints(c: StatementCursor): ColumnConstraint[] {
  const out: ColumnConstraint[] = [];
  for (;;) {
    const at = c.here();
    let name: string | undefined;
    if (c.acceptWords('constraint')) name = c.name('a constraint name').value;
    if (c.acceptWords('primary', 'key')) {
      const o = order(c);
      const conflict = conflictClause(c);
      const autoincrement = c.acceptWords('autoincrement');
      out.push({ kind: 'primary-key', ...(name !== undefined ? { name } : {}), ...(o ? { order: o } : {}), ...(conflict ? { conflict } : {}), autoincrement, at });
    } else if (c.acceptWords('not', 'null')) {
      const conflict = conflictClause(c);
      out.push({ kind: 'not-null', ...(conflict ? { conflict } : {}), at });
    } else if (c.acceptWords('null')) {
      conflictClause(c);
      out.push({ kind: 'null', at });
    } else if (c.acceptWords('unique')) {
      const conflict = conflictClause(c);
      out.push({ kind: 'unique', ...(name !== undefined ? { name } : {}), ...(conflict ? { conflict } : {}), at });
    } else if (c.acceptWords('check')) {
      out.push({ kind: 'check', ...(name !== undefined ? { name } : {}), expr: c.parenthesized('CHECK'), at });
    } else if (c.acceptWords('default')) {
      out.push({ kind: 'default', value: defaultValue(c), at });
    } else if (c.acceptWords('collate')) {
      out.push({ kind: 'collate', collation: c.name('a collation name').value, at });
    } else if (c.isWord('references')) {
      out.push({ kind: 'references', ...(name !== undefined ? { name } : {}), fk: foreignKeyClause(c), at });
    } else if (c.isWord('generated') || c.isWord('as')) {
      if (c.acceptWords('generated')) c.expectWords('always');
      c.expectWords('as');
      const expr = c.parenthesized('a generated column');
      const stored = c.acceptWords('stored') ? true : (c.acceptWords('virtual'), false);
      out.push({ kind: 'generated', ...(name !== undefined ? { name } : {}), expr, stored, at });
    } else if (name !== undefined) {
      c.fail('expected a constraint after CONSTRAINT name');
    } else return out;
  }
}

export function readColumnDef(c: StatementCursor): ColumnSyntax {
  const n = c.name('a column name');
  const col: ColumnSyntax = { name: n.value, at: n.at, constraints: [] };
  // The type name: names up to a constraint keyword, then an optional (n) or (n, m).
  const typeStart = c.pos;
  while (c.isName() && !(c.peek()!.kind === 'word' && CONSTRAINT_START.has(c.textOf(c.peek()!).toLowerCase()))) c.pos++;
  if (c.pos > typeStart && c.isPunct('(')) c.parenthesized('the type size');
  if (c.pos > typeStart) col.declaredType = c.text.slice(c.tokens[typeStart].start, c.tokens[c.pos - 1].end);
  col.constraints = columnConstraints(c);
  return col;
}

function tableConstraint(c: StatementCursor): TableConstraint {
  const at = c.here();
  let name: string | undefined;
  if (c.acceptWords('constraint')) name = c.name('a constraint name').value;
  const named = name !== undefined ? { name } : {};
  if (c.acceptWords('primary', 'key')) {
    const { columns, autoincrement } = indexedColumns(c, true);
    const conflict = conflictClause(c);
    return { kind: 'primary-key', ...named, columns, autoincrement, ...(conflict ? { conflict } : {}), at };
  }
  if (c.acceptWords('unique')) {
    const { columns } = indexedColumns(c);
    const conflict = conflictClause(c);
    return { kind: 'unique', ...named, columns, ...(conflict ? { conflict } : {}), at };
  }
  if (c.acceptWords('check')) return { kind: 'check', ...named, expr: c.parenthesized('CHECK'), at };
  if (c.acceptWords('foreign', 'key')) {
    const columns = nameList(c, 'a column name');
    return { kind: 'foreign-key', ...named, columns, fk: foreignKeyClause(c), at };
  }
  return c.fail('expected PRIMARY KEY, UNIQUE, CHECK or FOREIGN KEY');
}

/** The cursor stands after CREATE [TEMP|TEMPORARY]; `temporary` says whether it was written. */
export function readCreateTable(c: StatementCursor, temporary: boolean): CreateTableSyntax {
  c.expectWords('table');
  const ifNotExists = c.acceptWords('if', 'not', 'exists');
  const target = c.qualifiedName('the table name');
  const table: CreateTableSyntax = {
    ...(target.schema !== undefined ? { schema: target.schema } : {}),
    name: target.name,
    at: target.at,
    temporary,
    ifNotExists,
    asSelect: false,
    columns: [],
    constraints: [],
    withoutRowid: false,
    strict: false,
  };
  if (c.acceptWords('as')) {
    table.asSelect = true;
    return table;
  }
  const open = c.expectPunct('(');
  const tableComment = c.commentsBetween(c.tokens[c.pos - 2]?.end ?? open.start, open.start);
  if (tableComment !== undefined) table.comment = tableComment;
  // Columns first; once a table constraint starts, only constraints follow (SQLite's grammar).
  let inConstraints = false;
  do {
    const itemStart = c.tokens[c.pos - 1].end;
    const t = c.peek();
    const word = t?.kind === 'word' ? c.textOf(t).toLowerCase() : '';
    // `CONSTRAINT`, `PRIMARY KEY`, `UNIQUE (`, `CHECK (`, `FOREIGN KEY` start a table constraint; a column may be named `unique`... only when followed by a type or a comma.
    const startsConstraint =
      TABLE_CONSTRAINT_START.has(word) &&
      (word === 'constraint' ? true : word === 'primary' ? c.isWord('key', 1) : word === 'foreign' ? c.isWord('key', 1) : c.isPunct('(', 1));
    if (startsConstraint || inConstraints) {
      inConstraints = true;
      table.constraints.push(tableConstraint(c));
    } else {
      const col = readColumnDef(c);
      const comment = c.commentsBetween(itemStart, col.at);
      if (comment !== undefined) col.comment = comment;
      table.columns.push(col);
    }
  } while (c.acceptPunct(','));
  c.expectPunct(')');
  // Table options: WITHOUT ROWID and STRICT, comma-separated, in any order.
  if (!c.done) {
    do {
      if (c.acceptWords('without')) {
        const w = c.name('ROWID');
        if (w.value.toLowerCase() !== 'rowid') throw new SqliteSyntaxError(`unknown table option "WITHOUT ${w.value}"`, w.at);
        table.withoutRowid = true;
      } else if (c.acceptWords('strict')) table.strict = true;
      else c.fail('expected WITHOUT ROWID or STRICT after the column list');
    } while (c.acceptPunct(','));
  }
  if (!c.done) c.fail('unexpected text after the table definition');
  return table;
}

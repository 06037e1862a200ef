/**
 * What SQLite keeps only in the text of its CREATE statements (sqlite_schema.sql), read back: the
 * pragmas give columns, declared types, NOT NULL, defaults, keys, indexes and foreign keys, but not
 * constraint names, CHECK expressions, collations, generated expressions, AUTOINCREMENT, DEFERRABLE,
 * STRICT / WITHOUT ROWID, index expressions and predicates, view bodies, or the `--` comments a
 * script wrote inside CREATE TABLE. Lexed with SQLite's own quoting rules (lib/sql-lexer); never run.
 */
import 'server-only';
import { sqliteLexer, unquotedValue, type Token } from '../../sql-lexer';

interface Tok {
  kind: Token['kind'];
  /** Words upper-cased; identifiers and strings unquoted; punctuation as is. */
  value: string;
  start: number;
  end: number;
}

/** Non-space tokens of `text` (comments kept, for the comments a script wrote). */
function lex(text: string): Tok[] {
  const out: Tok[] = [];
  for (const t of sqliteLexer.tokens(text)) {
    if (t.kind === 'space') continue;
    const raw = text.slice(t.start, t.end);
    const value = t.kind === 'word' ? raw.toUpperCase() : t.kind === 'identifier' || t.kind === 'string' ? unquotedValue(text, t) : raw;
    out.push({ kind: t.kind, value, start: t.start, end: t.end });
  }
  return out;
}

/** A `--` comment's text (`-- x` -> `x`); a block comment's inside. */
function commentText(text: string, t: Tok): string {
  const raw = text.slice(t.start, t.end);
  if (raw.startsWith('--')) return raw.slice(2).replace(/^ /, '');
  return raw.slice(2, raw.endsWith('*/') ? -2 : undefined).trim();
}

const joinComments = (lines: string[]): string | null => (lines.length ? lines.join('\n') : null);

/** A name as written: a quoted identifier, a bare word (in its written case), or a legacy 'string' name. */
function nameOf(text: string, t: Tok | undefined): string | undefined {
  if (!t) return undefined;
  if (t.kind === 'identifier' || t.kind === 'string') return t.value;
  if (t.kind === 'word') return text.slice(t.start, t.end);
  return undefined;
}

/** The index of the token closing the parenthesis at `open` (depth counted over tokens). */
function closing(toks: Tok[], open: number): number {
  let depth = 0;
  for (let i = open; i < toks.length; i++) {
    if (toks[i].kind !== 'punct') continue;
    if (toks[i].value === '(') depth++;
    else if (toks[i].value === ')' && --depth === 0) return i;
  }
  return toks.length - 1;
}

/** Splits tokens [from, to) at top-level commas. */
function splitItems(toks: Tok[], from: number, to: number): Tok[][] {
  const items: Tok[][] = [];
  let current: Tok[] = [];
  let depth = 0;
  for (let i = from; i < to; i++) {
    const t = toks[i];
    if (t.kind === 'punct' && t.value === '(') depth++;
    else if (t.kind === 'punct' && t.value === ')') depth--;
    if (depth === 0 && t.kind === 'punct' && t.value === ',') {
      items.push(current);
      current = [];
    } else current.push(t);
  }
  items.push(current);
  return items;
}

/** The source text between two tokens' bounds (inclusive), trimmed. */
const between = (text: string, a: Tok, b: Tok) => text.slice(a.start, b.end).trim();

/** The names of a parenthesised column list (`("a" COLLATE NOCASE, b DESC)` -> [a, b]). */
function columnList(text: string, toks: Tok[], open: number): { names: string[]; end: number } {
  const close = closing(toks, open);
  const names = splitItems(toks, open + 1, close).map((item) => nameOf(text, item.find((t) => t.kind !== 'comment')) ?? '');
  return { names, end: close };
}

export interface ParsedCheck {
  name: string | null;
  expression: string;
}

export interface ParsedForeignKey {
  name: string | null;
  /** `--` lines written before a table-level FOREIGN KEY clause. */
  comment?: string | null;
  columns: string[];
  deferrable: 'not deferrable' | 'deferrable initially immediate' | 'deferrable initially deferred';
}

export interface ParsedColumn {
  name: string;
  comment: string | null;
  collation: string | null;
  generated: { expression: string; stored: boolean } | null;
  autoincrement: boolean;
}

export interface ParsedTable {
  comment: string | null;
  columns: ParsedColumn[];
  primaryKeyName: string | null;
  uniques: { name: string | null; columns: string[] }[];
  checks: ParsedCheck[];
  foreignKeys: ParsedForeignKey[];
  strict: boolean;
  withoutRowid: boolean;
}

const COLUMN_CONSTRAINT = new Set(['CONSTRAINT', 'PRIMARY', 'NOT', 'NULL', 'UNIQUE', 'CHECK', 'DEFAULT', 'COLLATE', 'REFERENCES', 'GENERATED', 'AS']);
const TABLE_CONSTRAINT = new Set(['CONSTRAINT', 'PRIMARY', 'UNIQUE', 'CHECK', 'FOREIGN']);

/** `DEFERRABLE INITIALLY DEFERRED` and its variants inside a foreign key clause's tokens. */
function deferrability(toks: Tok[], from: number, to: number): ParsedForeignKey['deferrable'] {
  for (let i = from; i < to; i++) {
    if (toks[i].value !== 'DEFERRABLE' || toks[i - 1]?.value === 'NOT') continue;
    return toks[i + 1]?.value === 'INITIALLY' && toks[i + 2]?.value === 'DEFERRED' ? 'deferrable initially deferred' : 'deferrable initially immediate';
  }
  return 'not deferrable';
}

/** Where a REFERENCES clause ends: at the next constraint keyword outside parentheses. */
function referencesEnd(toks: Tok[], from: number, stop: ReadonlySet<string>): number {
  let i = from;
  while (i < toks.length) {
    const t = toks[i];
    if (t.kind === 'punct' && t.value === '(') {
      i = closing(toks, i) + 1;
      continue;
    }
    if (t.kind === 'word' && stop.has(t.value) && !(t.value === 'NOT' && toks[i + 1]?.value === 'DEFERRABLE')) return i;
    i++;
  }
  return i;
}

/** The parts of one CREATE TABLE statement that only its text holds. */
export function parseCreateTable(sql: string): ParsedTable {
  const toks = lex(sql);
  const out: ParsedTable = { comment: null, columns: [], primaryKeyName: null, uniques: [], checks: [], foreignKeys: [], strict: false, withoutRowid: false };
  const open = toks.findIndex((t) => t.kind === 'punct' && t.value === '(');
  if (open < 0) return out;
  // A comment between the table's name and its parenthesis is the table's.
  const tableComments: string[] = [];
  for (let i = 0; i < open; i++) if (toks[i].kind === 'comment') tableComments.push(commentText(sql, toks[i]));
  out.comment = joinComments(tableComments);
  const close = closing(toks, open);
  for (const item of splitItems(toks, open + 1, close)) {
    const comments: string[] = [];
    let k = 0;
    while (k < item.length && item[k].kind === 'comment') comments.push(commentText(sql, item[k++]));
    const body = item.slice(k).filter((t) => t.kind !== 'comment');
    if (!body.length) continue;
    if (body[0].kind === 'word' && TABLE_CONSTRAINT.has(body[0].value) && !(body[0].value === 'PRIMARY' && body[1]?.value !== 'KEY')) tableConstraint(sql, body, out, joinComments(comments));
    else out.columns.push(columnDefinition(sql, body, joinComments(comments), out));
  }
  for (let i = close + 1; i < toks.length; i++) {
    if (toks[i].value === 'STRICT') out.strict = true;
    if (toks[i].value === 'WITHOUT' && toks[i + 1]?.value === 'ROWID') out.withoutRowid = true;
  }
  return out;
}

function tableConstraint(sql: string, toks: Tok[], out: ParsedTable, comment: string | null): void {
  let i = 0;
  let name: string | null = null;
  if (toks[0].value === 'CONSTRAINT') {
    name = nameOf(sql, toks[1]) ?? null;
    i = 2;
  }
  const kind = toks[i]?.value;
  const paren = toks.findIndex((t, j) => j > i && t.kind === 'punct' && t.value === '(');
  if (kind === 'PRIMARY') out.primaryKeyName = name;
  else if (kind === 'UNIQUE' && paren >= 0) out.uniques.push({ name, columns: columnList(sql, toks, paren).names });
  else if (kind === 'CHECK' && paren >= 0) out.checks.push({ name, expression: between(sql, toks[paren + 1], toks[closing(toks, paren) - 1]) });
  else if (kind === 'FOREIGN' && paren >= 0) {
    const cols = columnList(sql, toks, paren);
    out.foreignKeys.push({ name, columns: cols.names, deferrable: deferrability(toks, cols.end, toks.length), comment });
  }
}

function columnDefinition(sql: string, toks: Tok[], comment: string | null, out: ParsedTable): ParsedColumn {
  const column: ParsedColumn = { name: nameOf(sql, toks[0]) ?? '', comment, collation: null, generated: null, autoincrement: false };
  let i = 1;
  // The declared type: words and a parenthesised size, up to the first constraint keyword.
  while (i < toks.length && !(toks[i].kind === 'word' && COLUMN_CONSTRAINT.has(toks[i].value))) i = toks[i].value === '(' ? closing(toks, i) + 1 : i + 1;
  let name: string | null = null;
  while (i < toks.length) {
    const t = toks[i];
    switch (t.kind === 'word' ? t.value : '') {
      case 'CONSTRAINT':
        name = nameOf(sql, toks[i + 1]) ?? null;
        i += 2;
        continue;
      case 'PRIMARY': {
        out.primaryKeyName = name;
        let j = i + 2;
        while (j < toks.length && !(toks[j].kind === 'word' && COLUMN_CONSTRAINT.has(toks[j].value))) {
          if (toks[j].value === 'AUTOINCREMENT') column.autoincrement = true;
          j++;
        }
        i = j;
        break;
      }
      case 'UNIQUE':
        out.uniques.push({ name, columns: [column.name] });
        i++;
        break;
      case 'CHECK': {
        const close = closing(toks, i + 1);
        out.checks.push({ name, expression: between(sql, toks[i + 2], toks[close - 1]) });
        i = close + 1;
        break;
      }
      case 'COLLATE':
        column.collation = nameOf(sql, toks[i + 1]) ?? null;
        i += 2;
        break;
      case 'REFERENCES': {
        const end = referencesEnd(toks, i + 1, COLUMN_CONSTRAINT);
        out.foreignKeys.push({ name, columns: [column.name], deferrable: deferrability(toks, i, end) });
        i = end;
        break;
      }
      case 'GENERATED':
      case 'AS': {
        const open = toks.findIndex((x, j) => j > i && x.kind === 'punct' && x.value === '(');
        if (open < 0) return column;
        const close = closing(toks, open);
        column.generated = { expression: between(sql, toks[open + 1], toks[close - 1]), stored: toks[close + 1]?.value === 'STORED' };
        i = close + 1;
        break;
      }
      case 'DEFAULT':
        // A parenthesised expression, or a (signed) literal or word up to the next constraint.
        i++;
        if (toks[i]?.value === '(') i = closing(toks, i) + 1;
        else {
          i++;
          while (i < toks.length && !(toks[i].kind === 'word' && COLUMN_CONSTRAINT.has(toks[i].value))) i++;
        }
        break;
      default:
        i++;
        continue;
    }
    name = null;
  }
  return column;
}

export interface ParsedIndex {
  /** Per key part, in order: the expression's text for expression parts (undefined for columns). */
  expressions: (string | undefined)[];
  predicate: string | null;
}

/** `CREATE [UNIQUE] INDEX name ON t (parts) [WHERE predicate]`: expression parts and the predicate. */
export function parseCreateIndex(sql: string): ParsedIndex {
  const toks = lex(sql).filter((t) => t.kind !== 'comment');
  const on = toks.findIndex((t) => t.value === 'ON' && t.kind === 'word');
  const open = toks.findIndex((t, j) => j > on && t.kind === 'punct' && t.value === '(');
  if (on < 0 || open < 0) return { expressions: [], predicate: null };
  const close = closing(toks, open);
  const expressions = splitItems(toks, open + 1, close).map((part) => {
    let end = part.length;
    // Trailing ASC/DESC and COLLATE name are not part of the key's expression.
    for (;;) {
      if (end > 0 && (part[end - 1].value === 'ASC' || part[end - 1].value === 'DESC') && part[end - 1].kind === 'word') end--;
      else if (end > 1 && part[end - 2].value === 'COLLATE' && part[end - 2].kind === 'word') end -= 2;
      else break;
    }
    const isColumn = end === 1 && (part[0].kind === 'word' || part[0].kind === 'identifier' || part[0].kind === 'string');
    return isColumn || end === 0 ? undefined : between(sql, part[0], part[end - 1]);
  });
  const where = toks.findIndex((t, j) => j > close && t.kind === 'word' && t.value === 'WHERE');
  const predicate = where >= 0 && where + 1 < toks.length ? sql.slice(toks[where + 1].start).trim().replace(/;\s*$/, '') : null;
  return { expressions, predicate };
}

/** The SELECT of `CREATE VIEW name [(cols)] AS select`. */
export function viewBody(sql: string): string {
  const toks = lex(sql);
  let depth = 0;
  for (const t of toks) {
    if (t.kind === 'punct' && t.value === '(') depth++;
    else if (t.kind === 'punct' && t.value === ')') depth--;
    else if (depth === 0 && t.kind === 'word' && t.value === 'AS') return sql.slice(t.end).trim();
  }
  return sql;
}

/**
 * Attributes node-sql-parser rejects, read from the statement text before the rewrite blanks them:
 * INVISIBLE columns (MySQL 8.0.23+, MariaDB 10.3+), invisible indexes (MySQL 8 `INVISIBLE`, MariaDB
 * 10.6+ `IGNORED`) and MySQL 8.0.16+ `CHECK (...) NOT ENFORCED`. The statement's items are split at
 * the top level with the one SQL lexer; each item says which column, index or check it is.
 */
import { mysqlLexer, unquotedValue } from '../../sql-lexer';

export interface ItemAttributes {
  invisibleColumns: string[];
  invisibleIndexes: string[];
  /** Checks declared NOT ENFORCED: by name, or by position among the statement's unnamed checks (column-level first, as imported). */
  notEnforcedChecks: { name?: string; columnLevel: boolean; ordinal: number }[];
}

interface Word {
  text: string;
  lower: string;
  depth: number;
}

/** The words of `sql[start, end)` with their parenthesis depth (identifiers unquoted; strings and comments skipped). */
function words(sql: string, start: number, end: number): Word[] {
  const out: Word[] = [];
  let depth = 0;
  let i = start;
  while (i < end) {
    const lexeme = mysqlLexer.opaqueAt(sql, i);
    if (lexeme) {
      if (lexeme.kind === 'identifier') out.push({ text: unquotedValue(sql, lexeme), lower: '`', depth });
      i = Math.max(lexeme.end, i + 1);
      continue;
    }
    const ch = sql[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    const m = /^[A-Za-z_][\w$]*/.exec(sql.slice(i, Math.min(end, i + 128)));
    if (m && !/[\w$]/.test(sql[i - 1] ?? '')) {
      out.push({ text: m[0], lower: m[0].toLowerCase(), depth });
      i += m[0].length;
    } else i++;
  }
  return out;
}

const INDEX_WORDS = new Set(['key', 'index', 'unique', 'fulltext', 'spatial']);

/** Whether the item's own words (outside its parentheses) say INVISIBLE / IGNORED (not VISIBLE, NOT IGNORED). */
function hidden(ws: Word[]): boolean {
  return ws.some((w, i) => w.depth === 0 && (w.lower === 'invisible' || (w.lower === 'ignored' && ws[i - 1]?.lower !== 'not')));
}

function notEnforced(ws: Word[]): boolean {
  return ws.some((w, i) => w.depth === 0 && w.lower === 'enforced' && ws[i - 1]?.lower === 'not');
}

/** `name` of an index item: the word after KEY/INDEX (or after UNIQUE/FULLTEXT/SPATIAL when no KEY follows). */
function indexName(ws: Word[]): string | undefined {
  let i = ws[0]?.lower === 'constraint' ? (ws[1] && ws[1].lower !== 'unique' ? 2 : 1) : 0;
  while (i < ws.length && INDEX_WORDS.has(ws[i].lower)) i++;
  const w = ws[i];
  return w && w.depth === 0 && w.lower !== 'using' ? w.text : undefined;
}

/** The items of a CREATE TABLE's column list, or of an ALTER TABLE's comma-separated actions (ADD [COLUMN] dropped). */
function items(sql: string, head: Word[]): Word[][] {
  if (head[0]?.lower === 'alter') {
    const after = sql.search(/\btable\b/i);
    const afterName = after < 0 ? -1 : sql.slice(after).search(/\s(add|alter|modify|change)\b/i);
    if (afterName < 0) return [];
    const from = after + afterName;
    return mysqlLexer.splitTopLevel(sql.slice(from)).map(({ start, end }) => {
      const ws = words(sql, from + start, from + end);
      let i = 0;
      if (ws[i]?.lower === 'add') i++;
      if (ws[i]?.lower === 'column') i++;
      // ALTER INDEX k INVISIBLE: an index item.
      if (ws[0]?.lower === 'alter' && ws[1]?.lower === 'index') return ws.slice(1);
      return ws[0]?.lower === 'add' ? ws.slice(i) : [];
    });
  }
  const open = sql.indexOf('(');
  const close = open < 0 ? undefined : mysqlLexer.matchingParen(sql, open);
  if (open < 0 || close === undefined) return [];
  return mysqlLexer.splitTopLevel(sql.slice(open + 1, close)).map(({ start, end }) => words(sql, open + 1 + start, open + 1 + end));
}

export function itemAttributes(sql: string): ItemAttributes {
  const out: ItemAttributes = { invisibleColumns: [], invisibleIndexes: [], notEnforcedChecks: [] };
  if (!/\b(invisible|ignored|enforced)\b/i.test(sql)) return out;
  const head = words(sql, 0, Math.min(sql.length, 400));
  const at = head.findIndex((w) => w.lower === 'index');
  // CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX name ON t (...) INVISIBLE
  if (head[0]?.lower === 'create' && at > 0 && at < 3) {
    if (head[at + 1] && hidden(words(sql, 0, sql.length))) out.invisibleIndexes.push(head[at + 1].text);
    return out;
  }
  let columnChecks = 0;
  let tableChecks = 0;
  for (const ws of items(sql, head)) {
    const first = ws[0]?.lower;
    if (!first) continue;
    const isCheck = first === 'check' || (first === 'constraint' && ws.some((w) => w.lower === 'check' && w.depth === 0));
    if (isCheck) {
      const name = first === 'constraint' && ws[1]?.lower !== 'check' ? ws[1].text : undefined;
      if (notEnforced(ws)) out.notEnforcedChecks.push({ name, columnLevel: false, ordinal: tableChecks });
      if (!name) tableChecks++;
      continue;
    }
    if (INDEX_WORDS.has(first) || (first === 'constraint' && ws.some((w) => w.lower === 'unique'))) {
      const name = hidden(ws) ? indexName(ws) : undefined;
      if (name) out.invisibleIndexes.push(name);
      continue;
    }
    if (first === 'primary' || first === 'foreign' || first === 'constraint') continue;
    // A column: its name first; an inline CHECK counts among the column-level checks.
    if (hidden(ws.slice(1))) out.invisibleColumns.push(ws[0].text);
    if (ws.some((w) => w.lower === 'check' && w.depth === 0)) {
      if (notEnforced(ws)) out.notEnforcedChecks.push({ columnLevel: true, ordinal: columnChecks });
      columnChecks++;
    }
  }
  return out;
}

/**
 * node-sql-parser takes time quadratic in the number of definitions of one CREATE TABLE (measured:
 * 100 FOREIGN KEY clauses 18 ms, 400 0.26 s, 1,600 3.5 s, 4,096 ~30 s), so a 350 KB table could
 * hold a server worker for its whole time budget. A CREATE TABLE with many definitions is parsed
 * in chunks instead: the same statement head and tail around CHUNK definitions at a time, the
 * definition lists joined. Each definition is parsed alone in any case (none refers to another's
 * syntax), so the AST is the same; an error position is mapped back to the original text.
 */

import { mysqlLexer } from '../../sql-lexer';

/** Definitions per parse: small enough to stay in the parser's linear range (50: ~4 ms). */
export const CHUNK = 50;

interface Span {
  start: number;
  end: number;
}

/**
 * The outer parenthesised list of `CREATE TABLE name (...)` and its top-level definitions, skipping
 * quoted text and comments; undefined when the statement has no such list.
 */
export function createTableDefinitions(sql: string): { open: number; close: number; definitions: Span[] } | undefined {
  let depth = 0;
  let open = -1;
  const definitions: Span[] = [];
  let start = -1;
  let i = 0;
  while (i < sql.length) {
    const past = mysqlLexer.skip(sql, i);
    if (past !== i) {
      i = past;
      continue;
    }
    const c = sql[i];
    if (c === '(') {
      if (depth === 0 && open < 0) {
        open = i;
        start = i + 1;
      }
      depth++;
    } else if (c === ')') {
      depth--;
      if (depth === 0 && open >= 0) {
        definitions.push({ start, end: i });
        return { open, close: i, definitions };
      }
      if (depth < 0) return undefined;
    } else if (c === ',' && depth === 1 && open >= 0) {
      definitions.push({ start, end: i });
      start = i + 1;
    }
    i++;
  }
  return undefined;
}

/** A parse failure with a position in the text that was parsed (node-sql-parser's shape). */
interface PositionedError {
  location?: { start?: { offset?: number } };
}

/**
 * `astify(sql)` for a CREATE TABLE statement; more than CHUNK definitions are parsed CHUNK at a time
 * and their `create_definitions` joined into the first chunk's AST. Errors keep the parser's shape,
 * their offset moved to the original text.
 */
export function astifyCreateTable(astify: (sql: string) => unknown, sql: string, chunkSize = CHUNK): unknown {
  const list = createTableDefinitions(sql);
  if (!list || list.definitions.length <= chunkSize) return astify(sql);
  const head = sql.slice(0, list.open + 1);
  const tail = sql.slice(list.close);
  let merged: { create_definitions?: unknown[] } | undefined;
  for (let from = 0; from < list.definitions.length; from += chunkSize) {
    const chunk = list.definitions.slice(from, from + chunkSize);
    // Where each definition sits in the chunk's text and in the original, for error positions.
    const placed: { at: number; span: Span }[] = [];
    let text = head;
    chunk.forEach((span, k) => {
      if (k) text += ',';
      placed.push({ at: text.length, span });
      text += sql.slice(span.start, span.end);
    });
    const closeAt = text.length;
    text += tail;
    let ast: unknown;
    try {
      ast = astify(text);
    } catch (e) {
      const loc = (e as PositionedError | undefined)?.location?.start;
      if (loc && typeof loc.offset === 'number') loc.offset = originalOffset(loc.offset, placed, closeAt, list.close, head.length);
      throw e;
    }
    const node = (Array.isArray(ast) ? ast[0] : ast) as { create_definitions?: unknown[] } | undefined;
    if (!merged) merged = node;
    else if (node?.create_definitions && merged) {
      merged.create_definitions ??= [];
      for (const d of node.create_definitions) merged.create_definitions.push(d);
    }
  }
  return merged;
}

function originalOffset(offset: number, placed: readonly { at: number; span: Span }[], closeAt: number, close: number, headLength: number): number {
  if (offset < headLength) return offset;
  if (offset >= closeAt) return close + (offset - closeAt);
  for (let k = placed.length - 1; k >= 0; k--) {
    if (offset >= placed[k].at) return Math.min(placed[k].span.start + (offset - placed[k].at), placed[k].span.end);
  }
  return offset;
}

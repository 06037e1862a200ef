/**
 * Parses a PostgreSQL script with libpg-query: psql client lines (`\c`, `\set`, COPY data) are blanked
 * first (same length, so offsets stay valid), the script is parsed in chunks of whole statements
 * (memory stays flat on large dumps), and a chunk that fails is re-parsed statement by statement so
 * every syntax error is reported, not only the first.
 */
import type { RawStmt } from 'libpg-query';
import { postgresLexer } from '../../sql-lexer';
import { Utf8OffsetMap } from '../sql-common/positions';
import { blankRanges, postgresLexOptions, splitStatements, type SplitResult } from '../sql-common/split-statements';
import type { PgParser } from './load-pg-parser';
import type { PgNode } from './pg-ast';

export interface ParsedStatement {
  node: PgNode;
  /** UTF-16 offsets of the statement in the original text (from its first token). */
  start: number;
  end: number;
}

export interface StatementSyntaxError {
  start: number;
  end: number;
  /** UTF-16 offset of the error. */
  offset: number;
  message: string;
}

export interface ParsedScript {
  statements: ParsedStatement[];
  errors: StatementSyntaxError[];
  split: SplitResult;
}

const CHUNK_CHARS = 512 * 1024;

function errorDetails(e: unknown): { message: string; cursor?: number } {
  if (e && typeof e === 'object') {
    const details = (e as { sqlDetails?: { message?: string; cursorPosition?: number } }).sqlDetails;
    const message = details?.message ?? (e instanceof Error ? e.message : String(e));
    return { message, cursor: details?.cursorPosition };
  }
  return { message: String(e) };
}

/** libpg-query's error cursor (0-based, in code points, measured: see the tests) to a UTF-16 offset. */
function cursorToOffset(sql: string, cursor: number): number {
  let units = 0;
  let points = 0;
  while (units < sql.length && points < cursor) {
    const c = sql.charCodeAt(units);
    units += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    points++;
  }
  return units;
}

export function parseScript(text: string, parser: PgParser): ParsedScript {
  const split = splitStatements(text, postgresLexOptions);
  const clean = blankRanges(text, split.clientCommands);
  const statements: ParsedStatement[] = [];
  const errors: StatementSyntaxError[] = [];

  const addRaw = (raws: RawStmt[] | undefined, base: number, chunk: string) => {
    const map = new Utf8OffsetMap(chunk);
    for (const raw of raws ?? []) {
      if (!raw.stmt) continue;
      const byteStart = raw.stmt_location ?? 0;
      const startInChunk = map.toCharOffset(byteStart);
      const endInChunk = raw.stmt_len ? map.toCharOffset(byteStart + raw.stmt_len) : chunk.length;
      // libpg-query's statement locations include the whitespace and comments before the statement.
      const start = postgresLexer.skipTrivia(clean, base + startInChunk, base + endInChunk);
      statements.push({ node: raw.stmt, start, end: base + endInChunk });
    }
  };

  const stmts = split.statements;
  let i = 0;
  while (i < stmts.length) {
    // Whole statements up to CHUNK_CHARS (at least one).
    let j = i + 1;
    while (j < stmts.length && stmts[j].end - stmts[i].start < CHUNK_CHARS) j++;
    const base = stmts[i].start;
    const chunk = clean.slice(base, stmts[j - 1].end);
    try {
      addRaw(parser.parse(chunk).stmts, base, chunk);
    } catch {
      for (let k = i; k < j; k++) {
        const s = stmts[k];
        const sql = clean.slice(s.start, s.end);
        try {
          addRaw(parser.parse(sql).stmts, s.start, sql);
        } catch (e) {
          const d = errorDetails(e);
          const offset = s.start + (d.cursor ? cursorToOffset(sql, d.cursor) : 0);
          errors.push({ start: s.start, end: s.end, offset, message: d.message });
        }
      }
    }
    i = j;
  }
  return { statements, errors, split };
}

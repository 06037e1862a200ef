/**
 * Checks run before @dbml/core sees the text, so that bad input fails fast with a position instead of
 * a parser that spends tens of seconds on megabytes of garbage or overflows its stack on deep nesting.
 */
import { dbmlLexer } from '../../sql-lexer';
import { ImportError, lineExcerpt, positionOf } from '../types';

/** Real DBML files are small (1,000 tables is ~0.2 MB); the parser needs ~8 s per 0.2 MB here. */
export const MAX_DBML_INPUT_CHARS = 4 * 1024 * 1024;
export const MAX_DBML_NESTING = 64;

/**
 * Characters the DBML lexer accepts outside strings and comments (from @dbml/parse's scanner):
 * whitespace, letters/marks, digits, `_`, and `, ( ) [ ] { } ; : # * + - / % < > = ! ? . & | ~`.
 * Anything else is an "Unexpected token" there; finding it here takes microseconds, not minutes.
 */
const VALID_OUTSIDE_STRINGS = /[\s\p{L}\p{M}\p{N}_,()[\]{};:#*+\-/%<>=!?.&|~]/u;

const TOP_LEVEL = /^(table|ref|enum|project|tablegroup|note|tablepartial|records|diagramview)\b/i;

function fail(text: string, offset: number, message: string): never {
  const { line, column } = positionOf(text, offset);
  throw new ImportError(`${message} at line ${line}, column ${column}`, { line, column, excerpt: lineExcerpt(text, line, 120).replace(/[\u0000-\u0008\u000e-\u001f]/g, '?') });
}

export function guardDbmlInput(text: string): void {
  if (text.length > MAX_DBML_INPUT_CHARS) {
    throw new ImportError(`the input is ${(text.length / 1024 / 1024).toFixed(1)} MB; DBML imports are limited to ${MAX_DBML_INPUT_CHARS / 1024 / 1024} MB`);
  }
  const nul = text.indexOf('\u0000');
  if (nul >= 0) fail(text, nul, 'the input contains NUL bytes: this looks like a binary file, not DBML');

  // One pass: skip comments and strings, track bracket depth, and check the first element's keyword.
  let depth = 0;
  let sawToken = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const opaque = dbmlLexer.opaqueAt(text, i);
    if (opaque) {
      // A '...' or "..." string does not span lines in DBML: the lexer leaves it unclosed at the newline.
      if (!opaque.closed) fail(text, i, opaque.kind === 'comment' ? 'unterminated /* comment' : 'unterminated string');
      if (opaque.kind !== 'comment') sawToken = true;
      i = opaque.end;
      continue;
    }
    const c = text[i];
    if (!VALID_OUTSIDE_STRINGS.test(c)) {
      const code = c.charCodeAt(0);
      fail(text, i, code < 32 ? `unexpected control character U+${code.toString(16).padStart(4, '0')}` : `unexpected character '${c}'`);
    }
    if (!sawToken && !/\s/.test(c)) {
      if (!TOP_LEVEL.test(text.slice(i, i + 16))) fail(text, i, 'expected a DBML element (Table, Ref, Enum, Project, TableGroup, Note)');
      sawToken = true;
    }
    if (c === '(' || c === '[' || c === '{') {
      depth++;
      if (depth > MAX_DBML_NESTING) fail(text, i, `brackets nested deeper than ${MAX_DBML_NESTING} levels`);
    } else if (c === ')' || c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
    }
    i++;
  }
}

/**
 * Checks run before any parser sees the input, so that bad input fails fast with a position instead
 * of hanging a parser, overflowing its stack, or exhausting memory.
 */
import { detectFormat } from '../detect-format';
import { ImportError } from '../types';
import { LineIndex } from './positions';
import type { LexProblem } from './split-statements';

/** Above this the importer refuses (the API caps requests earlier; this protects direct callers). */
export const MAX_SQL_INPUT_CHARS = 20 * 1024 * 1024;

export function assertInputSize(text: string): void {
  if (text.length > MAX_SQL_INPUT_CHARS) {
    const mb = (text.length / 1024 / 1024).toFixed(1);
    throw new ImportError(`the input is ${mb} MB; SQL imports are limited to ${MAX_SQL_INPUT_CHARS / 1024 / 1024} MB`);
  }
}

/** NUL characters or mostly control characters: not SQL text (a binary file, an image, a dump archive). */
export function assertLooksLikeText(text: string, lines: LineIndex): void {
  const nul = text.indexOf('\u0000');
  const sample = text.slice(0, 65_536);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) control++;
  }
  if (nul >= 0 || (sample.length > 0 && control / sample.length > 0.1)) {
    const at = nul >= 0 ? nul : 0;
    const p = lines.position(at);
    throw new ImportError(
      nul >= 0 ? 'the input contains NUL bytes: this looks like a binary file, not SQL text' : 'the input is mostly control characters: this looks like a binary file, not SQL text',
      { line: p.line, column: p.column, excerpt: lines.lineText(p.line, 80).replace(/[\u0000-\u0008\u000e-\u001f]/g, '?') },
    );
  }
}

/** Lexer problems that make the rest of the file unreadable are fatal: report the first one. */
export function assertNoLexProblems(problems: readonly LexProblem[], lines: LineIndex): void {
  const p = problems[0];
  if (!p) return;
  const pos = lines.position(p.offset);
  throw new ImportError(`${p.message} at line ${pos.line}, column ${pos.column}`, { line: pos.line, column: pos.column, excerpt: lines.lineText(pos.line) });
}

/** A UTF-8 byte-order mark (editors on Windows add one) becomes a space: offsets stay the same. */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
}

/**
 * When a script has syntax errors and reads like another format, say so: the most common cause of a
 * failed SQL import is the wrong dialect chosen.
 */
export function wrongDialectHint(text: string, importer: 'postgres' | 'mysql' | 'sqlite'): string | undefined {
  const guess = detectFormat({ text });
  if (guess === importer) return undefined;
  const names: Record<string, string> = { postgres: 'PostgreSQL', mysql: 'MySQL/MariaDB', sqlite: 'SQLite', prisma: 'a Prisma schema', dbml: 'DBML', json: 'a Draftbase JSON document' };
  return `this looks like ${names[guess]}, not ${names[importer]}: try importing it as ${guess}`;
}

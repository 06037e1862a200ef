import type { SqlLexer } from './lexer';

/**
 * Splits a comma-separated list of SQL literals (partition bounds: `'a,b', 'c', 10`) at the commas
 * outside quotes, comments and parentheses, in the dialect `lexer` reads. An unterminated quote or an
 * empty item is an error.
 */
export function splitSqlList(text: string, lexer: SqlLexer): { ok: true; items: string[] } | { ok: false; error: string } {
  for (const t of lexer.tokens(text)) if (!t.closed) return { ok: false, error: t.kind === 'comment' ? 'Unterminated comment' : 'Unterminated quoted string' };
  const items = lexer.splitTopLevel(text).map((s) => text.slice(s.start, s.end).trim());
  if (items.length === 1 && items[0] === '') return { ok: true, items: [] };
  if (items.some((s) => s === '')) return { ok: false, error: 'Empty value in the list' };
  return { ok: true, items };
}

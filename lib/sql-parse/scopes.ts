/** Building blocks shared by the dialect parsers: syntax failures with positions, query scopes. */
import { LineIndex } from '../importers/sql-common/positions';
import type { QueryScope, SyntaxFailure } from './types';

export function syntaxFailure(text: string, message: string, offset: number): SyntaxFailure {
  const at = Math.min(Math.max(offset, 0), text.length);
  const { line, column } = new LineIndex(text).position(at);
  return { ok: false, message, offset: at, line, column };
}

/** An expression the user left empty (a new check): not a syntax error of the parser's. */
export function emptyFailure(): SyntaxFailure {
  return { ok: false, message: 'the expression is empty', offset: 0, line: 1, column: 1 };
}

export function newScope(scopes: QueryScope[], parent: number | undefined): number {
  scopes.push({ parent, relations: [], outputNames: new Set(), usingColumns: [], natural: false });
  return scopes.length - 1;
}

/** A code-point cursor (libpg-query's error position) to a UTF-16 offset. */
export function codePointsToOffset(text: string, cursor: number): number {
  let units = 0;
  let points = 0;
  while (units < text.length && points < cursor) {
    const c = text.charCodeAt(units);
    units += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    points++;
  }
  return units;
}

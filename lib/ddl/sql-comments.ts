/**
 * Comments where the dialect has no COMMENT statement or clause (commentStyle 'sql-comment', SQLite):
 * written as `--` lines. Inside a CREATE TABLE (before the column, or between the table's name and its
 * parenthesis) they are part of the statement text, which SQLite keeps in sqlite_schema, so a reader of
 * the catalog finds them again. One note per script says how many were written this way.
 */
import type { DdlContext } from './context';

/**
 * `-- line` for every line of `text`, joined by `\n` + `indent`. Lines split at `\n` only: SQLite ends
 * a `--` comment at a newline and nowhere else, so a `\r` stays inside its line and reads back as written.
 */
export function sqlCommentLines(ctx: DdlContext, text: string, indent = ''): string {
  ctx.sqlComments++;
  return text
    .split('\n')
    .map((line) => (line ? `-- ${line}` : '--'))
    .join(`\n${indent}`);
}

/** The one note on comments written as `--` lines (after the run, when there were any). */
export function sqlCommentsNote(ctx: DdlContext): void {
  if (!ctx.sqlComments) return;
  ctx.diag('info', `${ctx.dialect}.comments-as-sql-comments`, `${ctx.spec.label} has no COMMENT statement: ${ctx.sqlComments} comment(s) are written as -- lines (those of tables and columns inside CREATE TABLE, which ${ctx.spec.label} keeps in its schema text; those of indexes, views and constraints above their statement)`);
}

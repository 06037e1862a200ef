/**
 * Translates an SQL expression or view body written for one dialect into the other: parsed with the
 * source dialect's parser (libpg-query for PostgreSQL, node-sql-parser for MySQL), read into the
 * portable form, written for the target. Pure and synchronous once the parsers are loaded. The text
 * out is built from the tree only; nothing of the input is copied through as text. What cannot be
 * translated says why (the function or operator), for the generator's warning.
 */
import type { Dialect } from '../model/document';
import type { SqlParsers } from '../sql-parse/types';
import { Untranslatable, type Expr, type Query } from './ir';
import { readMysqlExpr, readMysqlView } from './read-mysql';
import { readPgExpr, readPgView } from './read-pg';
import { Writer, type WriteEnv } from './write';

export type { WriteEnv } from './write';
export type Translation = { ok: true; text: string; expr?: Expr } | { ok: false; reason: string };

interface Reader {
  expr(tree: Record<string, unknown>): Expr;
  view(tree: Record<string, unknown>, text: string): Query;
}

/**
 * Per source dialect: an expression, and a view body (its output columns named as that engine names
 * them). SQLite has no parser here yet: its expressions are copied verbatim to the other dialects.
 */
const READERS: Partial<Record<Dialect, Reader>> = {
  postgres: { expr: readPgExpr, view: (tree) => readPgView(tree) },
  mysql: { expr: readMysqlExpr, view: (tree, text) => readMysqlView(tree, text) },
};

function run<T>(build: () => T, write: (value: T) => string): { ok: true; text: string; value: T } | { ok: false; reason: string } {
  try {
    const value = build();
    return { ok: true, text: write(value), value };
  } catch (e) {
    if (e instanceof Untranslatable) return { ok: false, reason: e.what };
    throw e;
  }
}

/** One scalar expression (default, check, generated column, index part or predicate); a check or predicate is a `condition`. */
export function translateExpression(text: string, parsers: SqlParsers, env: WriteEnv, condition = false): Translation {
  const parser = parsers[env.from];
  const reader = READERS[env.from];
  if (!parser || !reader) return { ok: false, reason: 'the parser for the source dialect is not loaded' };
  const tree = parser.expressionTree(text);
  if (!tree.ok) return { ok: false, reason: `it does not parse (${tree.message})` };
  const writer = new Writer(env);
  const r = run(() => reader.expr(tree.tree), (e: Expr) => writer.expr(condition ? writer.condition(e, undefined) : e));
  return r.ok ? { ok: true, text: r.text, expr: r.value } : r;
}

/** A view body. */
export function translateQuery(text: string, parsers: SqlParsers, env: WriteEnv): Translation {
  const parser = parsers[env.from];
  const reader = READERS[env.from];
  if (!parser || !reader) return { ok: false, reason: 'the parser for the source dialect is not loaded' };
  const tree = parser.queryTree(text);
  if (!tree.ok) return { ok: false, reason: `it does not parse (${tree.message})` };
  const writer = new Writer(env);
  const r = run(() => reader.view(tree.tree, text), (q: Query) => writer.query(q));
  return r.ok ? { ok: true, text: r.text } : r;
}

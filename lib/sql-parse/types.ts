/**
 * What Draftbase needs from an SQL parser, independent of the dialect: does an expression or a view
 * body parse (and where not), and where in the text it names columns and tables. Offsets are UTF-16
 * offsets into the text the user wrote, so a rewrite can splice a new name in place and keep the
 * rest of the text as typed.
 */
import type { Dialect } from '../model/document';

export interface Span {
  start: number;
  end: number;
}

/** One identifier as written: `value` is the name the engine sees (PostgreSQL folds unquoted names). */
export interface NamePart {
  value: string;
  quoted: boolean;
  span: Span;
}

/** A column reference: `status`, `o.status`, `public.orders.status` (the last part is the column). */
export interface ColumnRefSite {
  parts: NamePart[];
  /** The query scope it is read in (view bodies); 0 for a scalar expression. */
  scope: number;
  /** ORDER BY / GROUP BY items, where a bare name may be an output column instead of a table column. */
  mayBeOutputName?: boolean;
}

/** A relation in a FROM clause. `name` is absent for subqueries and table functions (columns unknown). */
export interface RelationSite {
  schema?: NamePart;
  name?: NamePart;
  alias?: string;
  /** A WITH query's name, not a table. */
  cte?: boolean;
}

export interface QueryScope {
  parent: number | undefined;
  relations: RelationSite[];
  /** Output column names of the SELECT (for ORDER BY / GROUP BY). */
  outputNames: Set<string>;
  /** Column names given by JOIN ... USING (...): the parser gives no position for them. */
  usingColumns: string[];
  /** A NATURAL join: which columns it joins on depends on the tables. */
  natural: boolean;
}

export interface SyntaxFailure {
  ok: false;
  message: string;
  /** UTF-16 offset into the text, and the 1-based line/column there. */
  offset: number;
  line: number;
  column: number;
}

export type ExpressionParse = { ok: true; refs: ColumnRefSite[] } | SyntaxFailure;
export type QueryParse = { ok: true; refs: ColumnRefSite[]; scopes: QueryScope[]; relations: { site: RelationSite; scope: number }[] } | SyntaxFailure;

export interface SqlParser {
  dialect: Dialect;
  /**
   * True when this is the engine's own grammar (PostgreSQL's parser): a failure is an error the
   * engine will raise. The MySQL grammar is node-sql-parser's, which lacks some MySQL syntax: its
   * failures are warnings.
   */
  authoritative: boolean;
  /** One scalar expression (a CHECK, a predicate, a default, an index or generated expression). */
  parseExpression(text: string): ExpressionParse;
  /** A view body (one SELECT, possibly with WITH, joins, subqueries, set operations). */
  parseQuery(text: string): QueryParse;
  /** The parser's own tree of an expression (the translator reads it: lib/sql-translate). */
  expressionTree(text: string): TreeParse;
  /** The parser's own tree of a view body's SELECT. */
  queryTree(text: string): TreeParse;
}

export type TreeParse = { ok: true; tree: Record<string, unknown> } | SyntaxFailure;

/** The parsers loaded so far, per dialect (the document's dialect and each view's). */
export type SqlParsers = Partial<Record<Dialect, SqlParser>>;

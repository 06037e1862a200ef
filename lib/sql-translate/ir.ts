/**
 * The portable form of an SQL expression or view body: what both dialects can say, built from the
 * source dialect's parse tree (read-pg.ts, read-mysql.ts) and written for the target (write.ts).
 * Names are the values the engine sees (PostgreSQL's folded, MySQL's as written); functions carry
 * their portable name (lib/dialects/expression-facts.ts). Anything the readers cannot put here makes
 * the whole text untranslatable, with the reason (the function or operator) in the warning.
 */
import type { IntervalUnit } from '../dialects/expression-facts';
import type { ScalarType } from '../model/document';

export type Expr =
  | { k: 'null' }
  | { k: 'bool'; value: boolean }
  /** A numeric literal as written (digits, `.`, exponent). */
  | { k: 'number'; text: string }
  | { k: 'string'; value: string }
  | { k: 'column'; parts: string[] }
  /** `*` or `t.*` in a select list or count(*). */
  | { k: 'star'; qualifier?: string[] }
  | { k: 'call'; name: string; args: Expr[]; distinct?: boolean }
  /** string_agg / GROUP_CONCAT. */
  | { k: 'string-agg'; arg: Expr; separator: Expr; distinct: boolean; orderBy: OrderItem[] }
  | { k: 'cast'; expr: Expr; type: ScalarType }
  | { k: 'binary'; op: BinaryOp; left: Expr; right: Expr; integersDivide?: 'truncating' | 'exactly' }
  | { k: 'not'; expr: Expr }
  | { k: 'negate'; expr: Expr }
  | { k: 'logic'; op: 'AND' | 'OR'; args: Expr[] }
  | { k: 'is'; expr: Expr; what: 'NULL' | 'TRUE' | 'FALSE'; not: boolean }
  | { k: 'in'; expr: Expr; list: Expr[]; not: boolean }
  | { k: 'in-query'; expr: Expr; query: Query; not: boolean }
  | { k: 'between'; expr: Expr; low: Expr; high: Expr; not: boolean }
  | { k: 'like'; expr: Expr; pattern: Expr; not: boolean; insensitive: boolean }
  | { k: 'case'; subject?: Expr; whens: { when: Expr; then: Expr }[]; else?: Expr }
  /** String concatenation, NULL if any part is NULL (PostgreSQL `||` on text, MySQL CONCAT). */
  | { k: 'concat'; args: Expr[] }
  /** EXTRACT(field FROM expr); `numeric`: the source returns numeric (PostgreSQL), else an integer (MySQL). */
  | { k: 'extract'; field: Exclude<IntervalUnit, 'week'>; expr: Expr; numeric: boolean }
  /** A quantity of one unit: `INTERVAL '1 day'`, `INTERVAL n DAY`. */
  | { k: 'interval'; value: Expr; unit: IntervalUnit }
  | { k: 'subquery'; query: Query }
  | { k: 'exists'; query: Query; not: boolean };

/**
 * `/` is the source dialect's division: `divides` says how integers divide there (PostgreSQL truncates,
 * MySQL gives a decimal), so the writer can keep the meaning; DIV is MySQL's integer division.
 */
export type BinaryOp = '=' | '<>' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%' | 'DIV';

export interface OrderItem {
  expr: Expr;
  desc: boolean;
}

export type FromItem =
  | { k: 'table'; schema?: string; name: string; alias?: string }
  | { k: 'subquery'; query: Query; alias: string }
  | { k: 'join'; type: 'INNER' | 'LEFT' | 'RIGHT' | 'CROSS'; left: FromItem; right: FromItem; on?: Expr; using?: string[] };

export interface Select {
  distinct: boolean;
  columns: { expr: Expr; alias?: string }[];
  from: FromItem[];
  where?: Expr;
  groupBy: Expr[];
  having?: Expr;
}

export interface Query {
  /** One SELECT, or a chain joined by UNION [ALL]. */
  selects: Select[];
  unions: ('UNION' | 'UNION ALL')[];
  orderBy: OrderItem[];
  limit?: Expr;
  offset?: Expr;
}

/** Thrown by the readers and the writer: what makes a text untranslatable, e.g. `function uuidv7()`. */
export class Untranslatable extends Error {
  constructor(readonly what: string) {
    super(what);
  }
}

export function untranslatable(what: string): never {
  throw new Untranslatable(what);
}

/**
 * PostgreSQL's own parser (libpg-query) behind the SqlParser interface. The AST says which nodes are
 * column and table references (ColumnRef, RangeVar) and where they start; the scanner's tokens from
 * there give the exact span of each name part, quoted or not. libpg-query counts UTF-8 bytes: offsets
 * are converted to UTF-16 so they index the JavaScript string.
 */
import { Utf8OffsetMap } from '../importers/sql-common/positions';
import type { PgBinding, PgScanToken } from './pg-binding';
import { codePointsToOffset, emptyFailure, newScope, syntaxFailure } from './scopes';
import type { ColumnRefSite, ExpressionParse, NamePart, QueryParse, QueryScope, RelationSite, SqlParser, SyntaxFailure, TreeParse } from './types';

type Node = Record<string, unknown>;
const EXPRESSION_PREFIX = 'SELECT ';

/** Tokens of one parsed text, addressable by their UTF-8 start offset. */
class Tokens {
  private readonly byStart = new Map<number, number>();
  private readonly tokens: PgScanToken[];
  private readonly utf16: Utf8OffsetMap;

  constructor(binding: PgBinding, private readonly sql: string, private readonly base: number) {
    this.tokens = binding.scan(sql);
    this.utf16 = new Utf8OffsetMap(sql);
    for (let i = 0; i < this.tokens.length; i++) this.byStart.set(this.tokens[i].start, i);
  }

  /**
   * The `count` dotted name parts that start at byte `location`, with their values from the AST
   * (`values`), or undefined when the tokens there do not read as such a name.
   */
  nameAt(location: unknown, values: string[]): NamePart[] | undefined {
    if (typeof location !== 'number') return undefined;
    let i = this.byStart.get(location);
    if (i === undefined) return undefined;
    const parts: NamePart[] = [];
    for (let k = 0; k < values.length; k++) {
      const t = this.tokens[i];
      if (!t || t.text === '.' || t.text === '*') return undefined;
      const start = this.utf16.toCharOffset(t.start) - this.base;
      const end = this.utf16.toCharOffset(t.end) - this.base;
      parts.push({ value: values[k], quoted: t.text.startsWith('"') || /^u&"/i.test(t.text), span: { start, end } });
      if (k < values.length - 1) {
        if (this.tokens[i + 1]?.text !== '.') return undefined;
        i += 2;
      }
    }
    return parts;
  }
}

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null;
}

/** The single key of a wrapped node (`{ ColumnRef: {...} }`) and its body. */
function unwrap(v: unknown): [string, Node] | undefined {
  if (!isNode(v) || Array.isArray(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length !== 1 || !/^[A-Z]/.test(keys[0])) return undefined;
  const body = v[keys[0]];
  return isNode(body) ? [keys[0], body] : undefined;
}

function stringFields(fields: unknown): string[] | undefined {
  if (!Array.isArray(fields)) return undefined;
  const out: string[] = [];
  for (const f of fields) {
    const s = unwrap(f);
    if (!s || s[0] !== 'String') return undefined;
    out.push(String(s[1].sval ?? ''));
  }
  return out;
}

class Collector {
  readonly refs: ColumnRefSite[] = [];
  readonly scopes: QueryScope[] = [];
  readonly relations: { site: RelationSite; scope: number }[] = [];
  private readonly ctes: Set<string>[] = [];

  constructor(private readonly tokens: Tokens) {}

  columnRef(body: Node, scope: number, mayBeOutputName: boolean): void {
    const values = stringFields(body.fields);
    if (!values) return; // `t.*` / `*`
    const parts = this.tokens.nameAt(body.location, values);
    // No span: the name cannot be rewritten in place (say, a name inside a macro-like construct).
    this.refs.push({ parts: parts ?? values.map((value) => ({ value, quoted: false, span: { start: -1, end: -1 } })), scope, mayBeOutputName: mayBeOutputName || undefined });
  }

  /** Every node under `v`; SELECTs and ColumnRefs are handled, the rest walked. */
  visit(v: unknown, scope: number): void {
    if (Array.isArray(v)) {
      for (const x of v) this.visit(x, scope);
      return;
    }
    const u = unwrap(v);
    if (!u) {
      if (isNode(v)) for (const x of Object.values(v)) if (isNode(x)) this.visit(x, scope);
      return;
    }
    const [type, body] = u;
    if (type === 'ColumnRef') this.columnRef(body, scope, false);
    else if (type === 'SelectStmt') this.select(body, scope);
    else for (const x of Object.values(body)) if (isNode(x)) this.visit(x, scope);
  }

  private isCte(name: string, scope: number | undefined): boolean {
    for (let s = scope; s !== undefined; s = this.scopes[s].parent) if (this.ctes[s]?.has(name)) return true;
    return false;
  }

  private addRelation(site: RelationSite, scope: number): void {
    this.scopes[scope].relations.push(site);
    this.relations.push({ site, scope });
  }

  private from(v: unknown, scope: number): void {
    const u = unwrap(v);
    if (!u) return;
    const [type, body] = u;
    const alias = isNode(body.alias) ? String(body.alias.aliasname ?? '') || undefined : undefined;
    if (type === 'RangeVar') {
      const values = [body.catalogname, body.schemaname, body.relname].filter((x): x is string => typeof x === 'string');
      const parts = this.tokens.nameAt(body.location, values);
      const relname = String(body.relname);
      const name = parts?.[parts.length - 1] ?? { value: relname, quoted: false, span: { start: -1, end: -1 } };
      const schema = parts && parts.length > 1 ? parts[parts.length - 2] : typeof body.schemaname === 'string' ? { value: body.schemaname, quoted: false, span: { start: -1, end: -1 } } : undefined;
      const cte = !schema && this.isCte(relname, scope);
      this.addRelation({ schema, name, alias, cte: cte || undefined }, scope);
    } else if (type === 'JoinExpr') {
      this.from(body.larg, scope);
      this.from(body.rarg, scope);
      const using = stringFields(body.usingClause);
      if (using) this.scopes[scope].usingColumns.push(...using);
      if (body.isNatural) this.scopes[scope].natural = true;
      this.visit(body.quals, scope);
    } else if (type === 'RangeSubselect') {
      this.visit(body.subquery, scope);
      this.addRelation({ alias }, scope);
    } else {
      // Table functions, VALUES lists, XMLTABLE...: their arguments may name columns; their columns are unknown.
      for (const [k, x] of Object.entries(body)) if (k !== 'alias' && isNode(x)) this.visit(x, scope);
      this.addRelation({ alias }, scope);
    }
  }

  /** ORDER BY / GROUP BY items: a bare column name there may be an output column. */
  private items(list: unknown, scope: number): void {
    if (!Array.isArray(list)) return;
    for (const item of list) {
      const u = unwrap(item);
      const inner = u && u[0] === 'SortBy' ? unwrap(u[1].node) : u;
      if (inner && inner[0] === 'ColumnRef') this.columnRef(inner[1], scope, true);
      else this.visit(u && u[0] === 'SortBy' ? u[1] : item, scope);
    }
  }

  select(sel: Node, parent: number | undefined): number {
    const scope = newScope(this.scopes, parent);
    const withClause = isNode(sel.withClause) ? sel.withClause : undefined;
    if (withClause && Array.isArray(withClause.ctes)) {
      const names = new Set<string>();
      this.ctes[scope] = names;
      for (const c of withClause.ctes) {
        const cte = unwrap(c);
        if (!cte) continue;
        // A recursive CTE sees its own name; later CTEs see earlier ones.
        if (withClause.recursive) names.add(String(cte[1].ctename));
        this.visit(cte[1].ctequery, scope);
        names.add(String(cte[1].ctename));
      }
    }
    if (sel.op && sel.op !== 'SETOP_NONE') {
      const left = isNode(sel.larg) ? this.select(sel.larg, scope) : undefined;
      if (isNode(sel.rarg)) this.select(sel.rarg, scope);
      if (left !== undefined) this.scopes[scope].outputNames = this.scopes[left].outputNames;
      this.items(sel.sortClause, scope);
      this.visit([sel.limitCount, sel.limitOffset], scope);
      return scope;
    }
    if (Array.isArray(sel.fromClause)) for (const f of sel.fromClause) this.from(f, scope);
    if (Array.isArray(sel.targetList)) {
      for (const t of sel.targetList) {
        const rt = unwrap(t);
        if (!rt) continue;
        // Only aliases: a bare column's output name is the column itself, renamed with it.
        if (typeof rt[1].name === 'string') this.scopes[scope].outputNames.add(rt[1].name);
        this.visit(rt[1].val, scope);
      }
    }
    this.visit([sel.whereClause, sel.havingClause, sel.valuesLists, sel.distinctClause, sel.windowClause, sel.limitCount, sel.limitOffset], scope);
    this.items(sel.groupClause, scope);
    this.items(sel.sortClause, scope);
    return scope;
  }
}

function failure(text: string, sql: string, base: number, message: string, cursor: number): SyntaxFailure {
  return syntaxFailure(text, message, codePointsToOffset(sql, cursor) - base);
}

/** Clauses a bare `SELECT <expression>` has; anything else means the text was more than an expression. */
const EXPRESSION_SELECT_KEYS = new Set(['targetList', 'limitOption', 'op']);

/** `SELECT <text>` parsed and checked to be one bare expression: its node, or where it is not. */
function parseAsExpression(binding: PgBinding, text: string): { ok: true; sql: string; node: unknown } | SyntaxFailure {
  if (!text.trim()) return emptyFailure();
  const sql = EXPRESSION_PREFIX + text;
  const base = EXPRESSION_PREFIX.length;
  const parsed = binding.parse(sql);
  if (!parsed.ok) return failure(text, sql, base, parsed.error.message, parsed.error.cursor);
  const stmts = parsed.tree.stmts ?? [];
  if (stmts.length !== 1) {
    const second = stmts[1]?.stmt_location;
    return syntaxFailure(text, 'expected one expression, found more than one statement', typeof second === 'number' ? new Utf8OffsetMap(sql).toCharOffset(second) - base : 0);
  }
  const sel = unwrap(stmts[0].stmt);
  const targets = sel && sel[0] === 'SelectStmt' && Array.isArray(sel[1].targetList) ? sel[1].targetList : [];
  const extra = sel ? Object.keys(sel[1]).find((k) => !EXPRESSION_SELECT_KEYS.has(k)) : 'statement';
  const first = unwrap(targets[0]);
  if (!sel || extra || targets.length !== 1 || !first || first[1].name !== undefined) {
    const second = unwrap(targets[1]);
    const at = second && typeof second[1].location === 'number' ? new Utf8OffsetMap(sql).toCharOffset(second[1].location) - base : 0;
    return syntaxFailure(text, targets.length > 1 ? 'expected one expression, found a list' : 'expected one expression', at);
  }
  return { ok: true, sql, node: first[1].val };
}

export function pgSqlParser(binding: PgBinding): SqlParser {
  const parser: SqlParser = {
    dialect: 'postgres',
    authoritative: true,
    parseExpression(text: string): ExpressionParse {
      const parsed = parseAsExpression(binding, text);
      if (!parsed.ok) return parsed;
      const c = new Collector(new Tokens(binding, parsed.sql, EXPRESSION_PREFIX.length));
      newScope(c.scopes, undefined);
      c.visit(parsed.node, 0);
      return { ok: true, refs: c.refs };
    },
    parseQuery(text: string): QueryParse {
      if (!text.trim()) return emptyFailure();
      const parsed = binding.parse(text);
      if (!parsed.ok) return failure(text, text, 0, parsed.error.message, parsed.error.cursor);
      const stmts = parsed.tree.stmts ?? [];
      const sel = stmts.length === 1 ? unwrap(stmts[0].stmt) : undefined;
      if (!sel || sel[0] !== 'SelectStmt') return syntaxFailure(text, 'a view body must be one SELECT statement', 0);
      const c = new Collector(new Tokens(binding, text, 0));
      c.select(sel[1], undefined);
      return { ok: true, refs: c.refs, scopes: c.scopes, relations: c.relations };
    },
    expressionTree(text: string): TreeParse {
      // One parse, no scan: the translator needs the tree only.
      const parsed = parseAsExpression(binding, text);
      if (!parsed.ok) return parsed;
      return isNode(parsed.node) ? { ok: true, tree: parsed.node } : syntaxFailure(text, 'expected one expression', 0);
    },
    queryTree(text: string): TreeParse {
      if (!text.trim()) return emptyFailure();
      const parsed = binding.parse(text);
      if (!parsed.ok) return failure(text, text, 0, parsed.error.message, parsed.error.cursor);
      const stmts = parsed.tree.stmts ?? [];
      const sel = stmts.length === 1 ? unwrap(stmts[0].stmt) : undefined;
      return sel && sel[0] === 'SelectStmt' ? { ok: true, tree: sel[1] } : syntaxFailure(text, 'a view body must be one SELECT statement', 0);
    },
  };
  return parser;
}

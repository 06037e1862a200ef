/**
 * MySQL/MariaDB expressions and view bodies through node-sql-parser's MySQL grammar (the one the
 * MySQL importer uses), behind the SqlParser interface. The parser gives each column reference and
 * FROM item a source span; the dotted name parts inside that span are read with a small lexer.
 */
import { mysqlLexer, unquotedValue } from '../sql-lexer';
import { emptyFailure, newScope, syntaxFailure } from './scopes';
import type { ColumnRefSite, ExpressionParse, NamePart, QueryParse, QueryScope, RelationSite, SqlParser, SyntaxFailure, TreeParse } from './types';

/** What is used of node-sql-parser's Parser. */
export interface MysqlAstParser {
  astify(sql: string, opt: { database: string; parseOptions: { includeLocations: boolean } }): unknown;
}

type Node = Record<string, unknown>;
interface Loc {
  start: { offset: number };
  end: { offset: number };
}

const EXPRESSION_PREFIX = 'SELECT ';
const OPTIONS = { database: 'MySQL', parseOptions: { includeLocations: true } };

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null;
}

function locOf(n: Node): Loc | undefined {
  const loc = n.loc as Loc | undefined;
  return loc && typeof loc.start?.offset === 'number' ? loc : undefined;
}

const BARE = /[A-Za-z0-9_$\u0080-\uffff]/;

/** Dotted identifier parts from `start` (backquoted or bare), at most `max`. */
export function lexNameParts(text: string, start: number, end: number, max: number): NamePart[] {
  const parts: NamePart[] = [];
  let i = start;
  const skipSpace = () => {
    while (i < end && /\s/.test(text[i])) i++;
  };
  while (parts.length < max) {
    skipSpace();
    const from = i;
    let value = '';
    let quoted = false;
    const quote = mysqlLexer.opaqueAt(text, i);
    if (quote) {
      if (quote.kind !== 'identifier' || !quote.closed || quote.end > end) return parts;
      quoted = true;
      value = unquotedValue(text, quote);
      i = quote.end;
    } else {
      while (i < end && BARE.test(text[i])) value += text[i++];
      if (!value) return parts;
    }
    parts.push({ value, quoted, span: { start: from, end: i } });
    skipSpace();
    if (text[i] !== '.') break;
    i++;
  }
  return parts;
}

/** A name node-sql-parser gives as a string or as `{ type: 'backticks_quote_string', value }`. */
function nameValue(v: unknown): string | undefined {
  if (typeof v === 'string') return v || undefined;
  return isNode(v) && typeof v.value === 'string' ? v.value || undefined : undefined;
}

function columnName(ref: Node): string | undefined {
  if (typeof ref.column === 'string') return ref.column;
  const c = ref.column as Node | undefined;
  const expr = isNode(c) && isNode(c.expr) ? c.expr : undefined;
  return expr && typeof expr.value === 'string' ? expr.value : undefined;
}

class Collector {
  readonly refs: ColumnRefSite[] = [];
  readonly scopes: QueryScope[] = [];
  readonly relations: { site: RelationSite; scope: number }[] = [];
  private readonly ctes: Set<string>[] = [];

  constructor(private readonly sql: string, private readonly base: number) {}

  private shift(parts: NamePart[]): NamePart[] {
    return parts.map((p) => ({ ...p, span: { start: p.span.start - this.base, end: p.span.end - this.base } }));
  }

  private columnRef(ref: Node, scope: number, mayBeOutputName: boolean): void {
    const column = columnName(ref);
    if (column === undefined || column === '*') return;
    const values = [nameValue(ref.db), nameValue(ref.table), column].filter((x): x is string => x !== undefined);
    const loc = locOf(ref);
    const lexed = loc ? lexNameParts(this.sql, loc.start.offset, loc.end.offset, values.length) : [];
    const parts =
      lexed.length === values.length && lexed[lexed.length - 1].value === column
        ? this.shift(lexed)
        : values.map((value) => ({ value, quoted: false, span: { start: -1, end: -1 } }));
    this.refs.push({ parts, scope, mayBeOutputName: mayBeOutputName || undefined });
  }

  visit(v: unknown, scope: number): void {
    if (Array.isArray(v)) {
      for (const x of v) this.visit(x, scope);
      return;
    }
    if (!isNode(v)) return;
    if (v.type === 'column_ref') return this.columnRef(v, scope, false);
    if (v.type === 'select') {
      this.select(v, scope);
      return;
    }
    for (const [k, x] of Object.entries(v)) if (k !== 'loc' && isNode(x)) this.visit(x, scope);
  }

  private isCte(name: string, scope: number | undefined): boolean {
    for (let s = scope; s !== undefined; s = this.scopes[s].parent) if (this.ctes[s]?.has(name.toLowerCase())) return true;
    return false;
  }

  private addRelation(site: RelationSite, scope: number): void {
    this.scopes[scope].relations.push(site);
    this.relations.push({ site, scope });
  }

  private from(item: Node, scope: number): void {
    const alias = nameValue(item.as);
    const table = nameValue(item.table);
    if (table) {
      const values = [nameValue(item.db), table].filter((x): x is string => x !== undefined);
      const loc = locOf(item);
      const lexed = loc ? lexNameParts(this.sql, loc.start.offset, loc.end.offset, values.length) : [];
      const parts = lexed.length === values.length && lexed[lexed.length - 1].value === table ? this.shift(lexed) : values.map((value) => ({ value, quoted: false, span: { start: -1, end: -1 } }));
      const name = parts[parts.length - 1];
      const schema = parts.length > 1 ? parts[0] : undefined;
      this.addRelation({ schema, name, alias, cte: (!schema && this.isCte(table, scope)) || undefined }, scope);
    } else {
      this.visit(item.expr, scope);
      this.addRelation({ alias }, scope);
    }
    if (Array.isArray(item.using)) {
      for (const u of item.using) {
        const name = typeof u === 'string' ? u : isNode(u) && typeof u.value === 'string' ? u.value : undefined;
        if (name) this.scopes[scope].usingColumns.push(name);
      }
    }
    if (typeof item.join === 'string' && /natural/i.test(item.join)) this.scopes[scope].natural = true;
    this.visit(item.on, scope);
  }

  private items(list: unknown, scope: number): void {
    const arr = Array.isArray(list) ? list : isNode(list) && Array.isArray(list.columns) ? list.columns : [];
    for (const item of arr) {
      const expr = isNode(item) && 'expr' in item ? item.expr : item;
      if (isNode(expr) && expr.type === 'column_ref') this.columnRef(expr, scope, true);
      else this.visit(expr, scope);
    }
  }

  select(sel: Node, parent: number | undefined): number {
    const scope = newScope(this.scopes, parent);
    if (Array.isArray(sel.with)) {
      const names = new Set<string>();
      this.ctes[scope] = names;
      for (const w of sel.with) {
        if (!isNode(w)) continue;
        const name = isNode(w.name) ? String(w.name.value ?? '') : String(w.name ?? '');
        if (w.recursive) names.add(name.toLowerCase());
        this.visit(w.stmt, scope);
        names.add(name.toLowerCase());
      }
    }
    if (Array.isArray(sel.from)) for (const f of sel.from) if (isNode(f)) this.from(f, scope);
    if (Array.isArray(sel.columns)) {
      for (const c of sel.columns) {
        if (!isNode(c)) continue;
        // Only aliases: a bare column's output name is the column itself, renamed with it.
        const alias = nameValue(c.as);
        if (alias) this.scopes[scope].outputNames.add(alias);
        this.visit(c.expr, scope);
      }
    }
    this.visit([sel.where, sel.having, sel.limit], scope);
    this.items(sel.groupby, scope);
    this.items(sel.orderby, scope);
    if (isNode(sel._next)) this.select(sel._next, parent);
    return scope;
  }
}

/**
 * Charset introducers (`_utf8mb4'x'`, `_utf8'x'`) blanked to spaces: node-sql-parser knows only a
 * few; the string after one is what matters here. Same length, so offsets stay the user's.
 */
export function withoutIntroducers(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const past = mysqlLexer.skip(text, i);
    if (past !== i) {
      out += text.slice(i, past);
      i = past;
      continue;
    }
    const ch = text[i];
    if (ch === '_' && !/[\w$]/.test(text[i - 1] ?? '')) {
      const m = /^_[A-Za-z0-9]+(?=')/.exec(text.slice(i, i + 40));
      out += m ? ' '.repeat(m[0].length) : ch;
      i += m ? m[0].length : 1;
    } else {
      out += ch;
      i++;
    }
  }
  return out;
}

function errorOffset(e: unknown): number {
  const loc = isNode(e) && isNode(e.location) ? (e.location as unknown as Loc) : undefined;
  return loc?.start?.offset ?? 0;
}

function errorMessage(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  // node-sql-parser lists every token it expected (hundreds of characters): keep what it found.
  const found = /but (.+) found\.?$/.exec(raw);
  return found ? `syntax error: unexpected ${found[1]}` : raw;
}

function singleSelect(ast: unknown): Node | undefined {
  const one = Array.isArray(ast) ? (ast.length === 1 ? ast[0] : undefined) : ast;
  return isNode(one) && one.type === 'select' ? one : undefined;
}

/** `SELECT <text>` parsed and checked to be one bare expression: the select list's node, or where it is not. */
function parseAsExpression(parser: MysqlAstParser, text: string): { ok: true; sql: string; node: unknown } | SyntaxFailure {
  if (!text.trim()) return emptyFailure();
  const sql = EXPRESSION_PREFIX + withoutIntroducers(text);
  const base = EXPRESSION_PREFIX.length;
  let ast: unknown;
  try {
    ast = parser.astify(sql, OPTIONS);
  } catch (e) {
    return syntaxFailure(text, errorMessage(e), errorOffset(e) - base);
  }
  const sel = singleSelect(ast);
  const columns = sel && Array.isArray(sel.columns) ? (sel.columns as Node[]) : [];
  const extra = sel && (sel.from || sel.where || sel.groupby || sel.having || sel.orderby || sel.limit || sel.with || sel._next);
  if (!sel || extra || columns.length !== 1 || columns[0].as) {
    const second = columns[1] && isNode(columns[1].expr) ? locOf(columns[1].expr) : undefined;
    return syntaxFailure(text, columns.length > 1 ? 'expected one expression, found a list' : 'expected one expression', second ? second.start.offset - base : 0);
  }
  return { ok: true, sql, node: columns[0].expr };
}

function parseAsQuery(parser: MysqlAstParser, text: string): { ok: true; sql: string; sel: Node } | SyntaxFailure {
  if (!text.trim()) return emptyFailure();
  const sql = withoutIntroducers(text).replace(/[\s;]+$/, '');
  let ast: unknown;
  try {
    ast = parser.astify(sql, OPTIONS);
  } catch (e) {
    return syntaxFailure(text, errorMessage(e), errorOffset(e));
  }
  const sel = singleSelect(ast);
  return sel ? { ok: true, sql, sel } : syntaxFailure(text, 'a view body must be one SELECT statement', 0);
}

export function mysqlSqlParser(parser: MysqlAstParser): SqlParser {
  return {
    dialect: 'mysql',
    authoritative: false,
    parseExpression(text: string): ExpressionParse {
      const parsed = parseAsExpression(parser, text);
      if (!parsed.ok) return parsed;
      const c = new Collector(parsed.sql, EXPRESSION_PREFIX.length);
      newScope(c.scopes, undefined);
      c.visit(parsed.node, 0);
      return { ok: true, refs: c.refs };
    },
    parseQuery(text: string): QueryParse {
      const parsed = parseAsQuery(parser, text);
      if (!parsed.ok) return parsed;
      const c = new Collector(parsed.sql, 0);
      c.select(parsed.sel, undefined);
      return { ok: true, refs: c.refs, scopes: c.scopes, relations: c.relations };
    },
    expressionTree(text: string): TreeParse {
      const parsed = parseAsExpression(parser, text);
      if (!parsed.ok) return parsed;
      return isNode(parsed.node) ? { ok: true, tree: parsed.node } : syntaxFailure(text, 'expected one expression', 0);
    },
    queryTree(text: string): TreeParse {
      const parsed = parseAsQuery(parser, text);
      return parsed.ok ? { ok: true, tree: parsed.sel } : parsed;
    },
  };
}

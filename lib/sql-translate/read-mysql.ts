/**
 * node-sql-parser's MySQL tree -> the portable form. Only nodes whose meaning is known are read;
 * anything else makes the text untranslatable, naming what it was. MySQL's `||` is OR or string
 * concatenation depending on sql_mode (PIPES_AS_CONCAT): it is left untranslated.
 */
import { EXPRESSION_FACTS, INTERVAL_UNITS, type IntervalUnit } from '../dialects/expression-facts';
import type { ScalarType } from '../model/document';
import { untranslatable, type BinaryOp, type Expr, type FromItem, type OrderItem, type Query, type Select } from './ir';

type Node = Record<string, unknown>;
const FACTS = EXPRESSION_FACTS.mysql;
const BINARY: ReadonlySet<string> = new Set(['=', '<>', '<', '<=', '>', '>=', '+', '-', '*', '/', '%']);

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** A name given as a string or as `{ value }` (backquoted). */
function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (isNode(v) && typeof v.value === 'string') return v.value;
  if (isNode(v) && isNode(v.expr) && typeof v.expr.value === 'string') return v.expr.value;
  return undefined;
}

function functionName(n: Node): string {
  const parts = isNode(n.name) ? list(n.name.name).map(nameOf) : [nameOf(n.name)];
  if (parts.length !== 1 || !parts[0]) return untranslatable('a qualified function');
  return parts[0];
}

function stringValue(n: Node, quote: string): Expr {
  const raw = String(n.value ?? '');
  // The grammar keeps some escapes as written and decodes others: only plain strings are certain.
  if (raw.includes('\\')) return untranslatable('a string with backslash escapes');
  return { k: 'string', value: raw.split(quote + quote).join(quote) };
}

function args(n: Node): Expr[] {
  const a = n.args;
  return isNode(a) && a.type === 'expr_list' ? list(a.value).map(readMysqlExpr) : [];
}

function castType(target: unknown): ScalarType {
  const t = isNode(list(target)[0]) ? (list(target)[0] as Node) : untranslatable('a cast');
  const name = String(t.dataType ?? '').toLowerCase();
  const logical = FACTS.readCastTypes[name];
  if (!logical) return untranslatable(`CAST AS ${name.toUpperCase()}`);
  const type: ScalarType = { kind: 'scalar', name: logical };
  const length = typeof t.length === 'number' ? t.length : undefined;
  if (logical === 'varchar') return length ? { ...type, length } : { kind: 'scalar', name: 'text' };
  // DECIMAL alone is DECIMAL(10,0) in MySQL.
  if (logical === 'decimal') return { ...type, precision: length ?? 10, scale: typeof t.scale === 'number' ? t.scale : 0 };
  if (logical === 'timestamp' && length !== undefined) return { ...type, precision: length };
  return type;
}

function aggregate(n: Node): Expr {
  const name = String(n.name).toLowerCase();
  if (n.over) return untranslatable(`window function ${name.toUpperCase()}()`);
  const a = isNode(n.args) ? n.args : {};
  const distinct = typeof a.distinct === 'string' && a.distinct.toUpperCase() === 'DISTINCT';
  if (name === 'group_concat') {
    const exprs = isNode(a.expr) && a.expr.type === 'expr_list' ? list(a.expr.value) : [a.expr];
    if (exprs.length !== 1) return untranslatable('GROUP_CONCAT of several expressions');
    const sep = isNode(a.separator) ? readMysqlExpr(a.separator.value) : { k: 'string' as const, value: ',' };
    return { k: 'string-agg', arg: readMysqlExpr(exprs[0]), separator: sep, distinct, orderBy: list(a.orderby).map(orderItem) };
  }
  const portable = FACTS.readFunctions[name];
  if (!portable || !['count', 'sum', 'avg', 'min', 'max'].includes(portable)) return untranslatable(`aggregate ${name.toUpperCase()}()`);
  if (isNode(a.expr) && a.expr.type === 'star') return { k: 'call', name: 'count', args: [{ k: 'star' }] };
  return { k: 'call', name: portable, args: [readMysqlExpr(a.expr)], distinct: distinct || undefined };
}

function func(n: Node): Expr {
  if (n.over) return untranslatable('a window function');
  const raw = functionName(n);
  const name = raw.toLowerCase();
  const a = args(n);
  if (name === 'if' && a.length === 3) return { k: 'case', whens: [{ when: a[0], then: a[1] }], else: a[2] };
  if (name === 'concat') return a.length ? { k: 'concat', args: a } : untranslatable('CONCAT()');
  if (name === 'exists') {
    const q = list(isNode(n.args) ? n.args.value : undefined)[0];
    return { k: 'exists', query: subquery(q), not: false };
  }
  if (name === 'date_add' || name === 'date_sub') {
    if (a.length !== 2 || a[1].k !== 'interval') return untranslatable(`${raw}()`);
    return { k: 'binary', op: name === 'date_add' ? '+' : '-', left: a[0], right: a[1] };
  }
  const field = EXTRACT_FUNCTIONS[name];
  if (field && a.length === 1) return { k: 'extract', field, expr: a[0], numeric: false };
  const portable = FACTS.readFunctions[name];
  if (!portable) return untranslatable(`function ${raw}()`);
  return { k: 'call', name: portable, args: a };
}

/** YEAR(d), MONTH(d)...: EXTRACT of one field (an integer in MySQL). */
const EXTRACT_FUNCTIONS: Record<string, Extract<Expr, { k: 'extract' }>['field']> = { year: 'year', month: 'month', day: 'day', dayofmonth: 'day', hour: 'hour', minute: 'minute', second: 'second' };

function subquery(v: unknown): Query {
  if (isNode(v) && isNode(v.ast)) return readMysqlSelect(v.ast);
  return untranslatable('a subquery');
}

function binary(n: Node): Expr {
  const op = String(n.operator).toUpperCase();
  const left = readMysqlExpr(n.left);
  const r = n.right;
  switch (op) {
    case 'AND':
    case '&&':
    case 'OR': {
      const o = op === 'OR' ? 'OR' : 'AND';
      const right = readMysqlExpr(r);
      return { k: 'logic', op: o, args: [left, right].flatMap((x) => (x.k === 'logic' && x.op === o ? x.args : [x])) };
    }
    case 'IS':
    case 'IS NOT': {
      const right = readMysqlExpr(r);
      const what = right.k === 'null' ? 'NULL' : right.k === 'bool' ? (right.value ? 'TRUE' : 'FALSE') : untranslatable(`${op} ...`);
      return { k: 'is', expr: left, what, not: op === 'IS NOT' };
    }
    case 'IN':
    case 'NOT IN': {
      const items = isNode(r) && r.type === 'expr_list' ? list(r.value) : untranslatable('IN');
      if (items.length === 1 && isNode(items[0]) && isNode(items[0].ast)) return { k: 'in-query', expr: left, query: subquery(items[0]), not: op === 'NOT IN' };
      return { k: 'in', expr: left, list: items.map(readMysqlExpr), not: op === 'NOT IN' };
    }
    case 'BETWEEN':
    case 'NOT BETWEEN': {
      const items = isNode(r) && r.type === 'expr_list' ? list(r.value) : [];
      if (items.length !== 2) return untranslatable('BETWEEN');
      return { k: 'between', expr: left, low: readMysqlExpr(items[0]), high: readMysqlExpr(items[1]), not: op === 'NOT BETWEEN' };
    }
    case 'LIKE':
    case 'NOT LIKE':
      if (isNode(r) && r.escape) return untranslatable('LIKE ... ESCAPE');
      return { k: 'like', expr: left, pattern: readMysqlExpr(r), not: op === 'NOT LIKE', insensitive: false };
    case '!=':
      return { k: 'binary', op: '<>', left, right: readMysqlExpr(r) };
    case 'MOD':
      return { k: 'binary', op: '%', left, right: readMysqlExpr(r) };
    default:
      if (op === 'DIV') return { k: 'binary', op: 'DIV', left, right: readMysqlExpr(r) };
      if (BINARY.has(op)) return { k: 'binary', op: op as BinaryOp, left, right: readMysqlExpr(r), integersDivide: op === '/' ? 'exactly' : undefined };
      return untranslatable(`operator ${op}`);
  }
}

export function readMysqlExpr(v: unknown): Expr {
  if (!isNode(v)) return untranslatable('an empty expression');
  if (isNode(v.ast)) return { k: 'subquery', query: subquery(v) };
  if (v.collate) return untranslatable('COLLATE');
  switch (v.type) {
    case 'null':
      return { k: 'null' };
    case 'bool':
      return { k: 'bool', value: v.value === true };
    case 'number': {
      const text = String(v.value);
      return /^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? { k: 'number', text } : untranslatable(`the number ${text}`);
    }
    case 'single_quote_string':
      return stringValue(v, "'");
    case 'double_quote_string':
      return stringValue(v, '"');
    case 'column_ref': {
      const column = nameOf(v.column);
      // The grammar reads `1e3` and `_utf8` as columns.
      if (!column || /^\d/.test(column)) return untranslatable(`"${String(column)}"`);
      const table = nameOf(v.table);
      if (column === '*') return { k: 'star', qualifier: table ? [table] : undefined };
      return { k: 'column', parts: [nameOf(v.db), table, column].filter((x): x is string => !!x) };
    }
    case 'star':
      return { k: 'star' };
    case 'function':
      return func(v);
    case 'aggr_func':
      return aggregate(v);
    case 'cast':
      if (list(v.target).length !== 1) return untranslatable('a chained cast');
      return { k: 'cast', expr: readMysqlExpr(v.expr), type: castType(v.target) };
    case 'binary_expr':
      return binary(v);
    case 'unary_expr': {
      const op = String(v.operator).toUpperCase();
      const expr = readMysqlExpr(v.expr);
      if (op === 'NOT' || op === '!') return { k: 'not', expr };
      if (op === '-') return { k: 'negate', expr };
      if (op === '+') return expr;
      return untranslatable(`operator ${op}`);
    }
    case 'case': {
      const whens: { when: Expr; then: Expr }[] = [];
      let otherwise: Expr | undefined;
      for (const a of list(v.args)) {
        if (!isNode(a)) continue;
        if (a.type === 'when') whens.push({ when: readMysqlExpr(a.cond), then: readMysqlExpr(a.result) });
        else otherwise = readMysqlExpr(a.result);
      }
      return { k: 'case', subject: v.expr ? readMysqlExpr(v.expr) : undefined, whens, else: otherwise };
    }
    case 'extract': {
      const a = isNode(v.args) ? v.args : {};
      const field = String(a.field ?? '').toLowerCase();
      if (!Object.values(EXTRACT_FUNCTIONS).includes(field as never)) return untranslatable(`EXTRACT(${field.toUpperCase()} FROM ...)`);
      return { k: 'extract', field: field as Extract<Expr, { k: 'extract' }>['field'], expr: readMysqlExpr(a.source), numeric: false };
    }
    case 'interval': {
      const unit = String(v.unit).toLowerCase() as IntervalUnit;
      if (!INTERVAL_UNITS.includes(unit)) return untranslatable(`INTERVAL ... ${String(v.unit).toUpperCase()}`);
      return { k: 'interval', value: readMysqlExpr(v.expr), unit };
    }
    default:
      return untranslatable(String(v.type));
  }
}

function orderItem(v: unknown): OrderItem {
  const n = isNode(v) ? v : untranslatable('ORDER BY');
  return { expr: readMysqlExpr(n.expr), desc: String(n.type ?? '').toUpperCase() === 'DESC' };
}

const JOINS: Record<string, 'INNER' | 'LEFT' | 'RIGHT' | 'CROSS'> = { 'INNER JOIN': 'INNER', JOIN: 'INNER', 'LEFT JOIN': 'LEFT', 'LEFT OUTER JOIN': 'LEFT', 'RIGHT JOIN': 'RIGHT', 'RIGHT OUTER JOIN': 'RIGHT', 'CROSS JOIN': 'CROSS' };

function fromList(items: unknown[]): FromItem[] {
  const out: FromItem[] = [];
  for (const raw of items) {
    const n = isNode(raw) ? raw : untranslatable('FROM');
    const alias = nameOf(n.as) || undefined;
    let item: FromItem;
    if (isNode(n.expr) && isNode(n.expr.ast)) {
      if (!alias) return untranslatable('an unnamed subquery');
      item = { k: 'subquery', query: readMysqlSelect(n.expr.ast), alias };
    } else {
      const name = nameOf(n.table);
      if (!name) return untranslatable('a table function');
      item = { k: 'table', schema: nameOf(n.db) || undefined, name, alias };
    }
    if (!n.join) {
      out.push(item);
      continue;
    }
    const type = JOINS[String(n.join).toUpperCase()];
    if (!type || !out.length) return untranslatable(String(n.join));
    const using = n.using ? list(n.using).map((u) => nameOf(u) ?? untranslatable('USING')) : undefined;
    const on = n.on ? readMysqlExpr(n.on) : undefined;
    out.push({ k: 'join', type: type === 'INNER' && !on && !using ? 'CROSS' : type, left: out.pop()!, right: item, on, using });
  }
  return out;
}

function simpleSelect(n: Node): Select {
  for (const k of ['with', 'window', 'options']) if (n[k] && list(n[k]).length !== 0) return untranslatable(k.toUpperCase());
  if (n.into && isNode(n.into) && n.into.position) return untranslatable('INTO');
  const group = isNode(n.groupby) ? list(n.groupby.columns) : list(n.groupby);
  if (isNode(n.groupby) && list(n.groupby.modifiers).some(Boolean)) return untranslatable('WITH ROLLUP');
  const distinct = typeof n.distinct === 'string' ? n.distinct.toUpperCase() === 'DISTINCT' : isNode(n.distinct) && n.distinct.type === 'DISTINCT';
  return {
    distinct,
    columns: list(n.columns).map((c) => {
      const col = isNode(c) ? c : untranslatable('a select item');
      return { expr: readMysqlExpr(col.expr), alias: nameOf(col.as) || undefined };
    }),
    from: fromList(list(n.from)),
    where: n.where ? readMysqlExpr(n.where) : undefined,
    groupBy: group.map(readMysqlExpr),
    having: n.having ? readMysqlExpr(n.having) : undefined,
  };
}

function limitOf(n: Node, q: Query): void {
  const l = isNode(n.limit) ? n.limit : undefined;
  const values = l ? list(l.value) : [];
  if (!values.length) return;
  if (values.length === 1) q.limit = readMysqlExpr(values[0]);
  else if (l!.seperator === 'offset') {
    q.limit = readMysqlExpr(values[0]);
    q.offset = readMysqlExpr(values[1]);
  } else {
    // LIMIT offset, count
    q.offset = readMysqlExpr(values[0]);
    q.limit = readMysqlExpr(values[1]);
  }
}

/**
 * A view body: an unaliased output column other than a plain column is named by MySQL after its
 * text as written (`UCASE(name)`); the translation spells that name as an alias (`source` is the text
 * the tree was parsed from, with the same offsets). Names MySQL would replace (over 64 characters) are left.
 */
export function readMysqlView(n: Node, source: string): Query {
  const q = readMysqlSelect(n);
  const columns = list(n.columns);
  q.selects[0].columns.forEach((c, i) => {
    const raw = columns[i];
    if (c.alias !== undefined || c.expr.k === 'column' || c.expr.k === 'star' || !isNode(raw) || !isNode(raw.expr)) return;
    const loc = raw.expr.loc as { start?: { offset?: number }; end?: { offset?: number } } | undefined;
    const text = typeof loc?.start?.offset === 'number' && typeof loc.end?.offset === 'number' ? source.slice(loc.start.offset, loc.end.offset).trim() : undefined;
    if (text && text.length <= 64) c.alias = text;
  });
  return q;
}

export function readMysqlSelect(n: Node): Query {
  const q: Query = { selects: [], unions: [], orderBy: [] };
  let s: Node | undefined = n;
  let last: Node = n;
  while (s) {
    q.selects.push(simpleSelect(s));
    last = s;
    const next: Node | undefined = isNode(s._next) ? s._next : undefined;
    if (next) {
      const op = String(s.set_op ?? '').toUpperCase();
      if (op !== 'UNION' && op !== 'UNION ALL') return untranslatable(op || 'a set operation');
      if (list(s.orderby).length || (isNode(s.limit) && list(s.limit.value).length)) return untranslatable('ORDER BY inside UNION');
      q.unions.push(op);
    }
    s = next;
  }
  // ORDER BY / LIMIT after the last SELECT apply to the whole chain.
  q.orderBy = list(last.orderby).map(orderItem);
  limitOf(last, q);
  return q;
}

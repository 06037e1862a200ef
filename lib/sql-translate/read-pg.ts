/**
 * libpg-query's parse tree (PostgreSQL's own parser) -> the portable form. Only nodes whose meaning
 * is known are read; any other node makes the text untranslatable, naming what it was.
 */
import { EXPRESSION_FACTS, INTERVAL_UNITS, type IntervalUnit } from '../dialects/expression-facts';
import { parseTypeText } from '../dialects/type-text';
import type { ScalarType } from '../model/document';
import { untranslatable, type BinaryOp, type Expr, type FromItem, type OrderItem, type Query, type Select } from './ir';

type Node = Record<string, unknown>;
const FACTS = EXPRESSION_FACTS.postgres;
const COMPARISONS: ReadonlySet<string> = new Set(['=', '<>', '<', '<=', '>', '>=', '+', '-', '*', '/', '%']);

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function unwrap(v: unknown): [string, Node] {
  if (!isNode(v)) return untranslatable('an empty expression');
  const keys = Object.keys(v);
  const body = v[keys[0]];
  if (keys.length !== 1 || !isNode(body)) return untranslatable('an unknown construct');
  return [keys[0], body];
}

function strings(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((x) => {
    const [t, b] = unwrap(x);
    return t === 'String' ? String(b.sval ?? '') : untranslatable(`a ${t} name part`);
  });
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function constant(b: Node): Expr {
  if (b.isnull) return { k: 'null' };
  if (isNode(b.ival)) return { k: 'number', text: String(b.ival.ival ?? 0) };
  if (isNode(b.fval)) return { k: 'number', text: String(b.fval.fval) };
  if (isNode(b.boolval)) return { k: 'bool', value: b.boolval.boolval === true };
  if (isNode(b.sval)) return { k: 'string', value: String(b.sval.sval ?? '') };
  return untranslatable(isNode(b.bsval) ? 'a bit string' : 'a constant');
}

/** `'3 days'` -> 3 day; anything richer (`'1 day 2 hours'`, ISO 8601) stays untranslated. */
function intervalLiteral(text: string): Expr {
  const m = /^\s*(-?\d+)\s*([a-z]+?)s?\s*$/i.exec(text);
  const unit = m?.[2].toLowerCase() as IntervalUnit | undefined;
  if (!m || !unit || !INTERVAL_UNITS.includes(unit)) return untranslatable(`interval '${text}'`);
  return { k: 'interval', value: { k: 'number', text: m[1] }, unit };
}

export function pgTypeName(tn: Node): ScalarType {
  const names = strings(tn.names).filter((n, i, all) => !(i === 0 && n === 'pg_catalog' && all.length > 1));
  const mods = list(tn.typmods).map((m) => {
    const [t, b] = unwrap(m);
    const c = t === 'A_Const' ? constant(b) : undefined;
    return c?.k === 'number' ? c.text : untranslatable('a type modifier');
  });
  const text = `${names.join('.')}${mods.length ? `(${mods.join(',')})` : ''}`;
  if (list(tn.arrayBounds).length) return untranslatable(`a cast to ${text}[]`);
  // libpg-query's internal names for the SQL-standard spellings.
  const spelled = ({ int4: 'integer', int8: 'bigint', int2: 'smallint', float8: 'double precision', float4: 'real', bool: 'boolean', bpchar: 'char' } as Record<string, string>)[names[0]];
  const parsed = parseTypeText(spelled ? text.replace(names[0], spelled) : text, { dialect: 'postgres' });
  if (!parsed.ok || parsed.value.type.kind !== 'scalar' || parsed.value.type.native) return untranslatable(`a cast to ${text}`);
  return parsed.value.type;
}

function call(b: Node): Expr {
  const names = strings(b.funcname);
  const shown = `${names.join('.')}()`;
  if (b.over) return untranslatable(`window function ${shown}`);
  if (b.agg_filter || b.agg_within_group || b.func_variadic) return untranslatable(`${shown} with FILTER/WITHIN GROUP/VARIADIC`);
  // pg_catalog.x is the built-in; any other schema is a user function.
  const name = names.length === 2 && names[0] === 'pg_catalog' ? names[1] : names.length === 1 ? names[0] : undefined;
  if (name === undefined) return untranslatable(`function ${shown}`);
  // SQL-syntax forms (EXTRACT, TRIM, POSITION, OVERLAY) have argument orders of their own; substring's is the call's.
  const sqlSyntax = b.funcformat === 'COERCE_SQL_SYNTAX';
  if (name === 'extract' || name === 'date_part') return extract(list(b.args));
  // TRIM(x) is btrim(x); TRIM(LEADING ..)/with characters have other forms.
  if (sqlSyntax && !(name === 'substring' || (name === 'btrim' && list(b.args).length === 1))) return untranslatable(`${name.toUpperCase()}(...)`);
  const args = list(b.args).map(readPgExpr);
  const orderBy = list(b.agg_order).map(sortItem);
  if (name === 'string_agg' && args.length === 2) return { k: 'string-agg', arg: args[0], separator: args[1], distinct: b.agg_distinct === true, orderBy };
  if (orderBy.length) return untranslatable(`${shown} with ORDER BY`);
  if (b.agg_star) return name === 'count' ? { k: 'call', name: 'count', args: [{ k: 'star' }] } : untranslatable(shown);
  const portable = FACTS.readFunctions[name];
  if (!portable) return untranslatable(`function ${name}()`);
  return { k: 'call', name: portable, args, distinct: b.agg_distinct === true || undefined };
}

const EXTRACT_FIELDS: ReadonlySet<string> = new Set(['year', 'month', 'day', 'hour', 'minute', 'second']);

/** EXTRACT(field FROM x) / date_part('field', x): PostgreSQL returns numeric (double for date_part). */
function extract(args: unknown[]): Expr {
  const field = args.length === 2 ? readPgExpr(args[0]) : undefined;
  const name = field?.k === 'string' ? field.value.toLowerCase() : undefined;
  if (!name || !EXTRACT_FIELDS.has(name)) return untranslatable(`EXTRACT(${name?.toUpperCase() ?? '...'} FROM ...)`);
  return { k: 'extract', field: name as Extract<Expr, { k: 'extract' }>['field'], expr: readPgExpr(args[1]), numeric: true };
}

const SQL_VALUE_FUNCTIONS: Record<string, string> = {
  SVFOP_CURRENT_TIMESTAMP: 'current_timestamp',
  SVFOP_CURRENT_TIMESTAMP_N: 'current_timestamp',
  SVFOP_LOCALTIMESTAMP: 'localtimestamp',
  SVFOP_LOCALTIMESTAMP_N: 'localtimestamp',
  SVFOP_CURRENT_DATE: 'current_date',
  SVFOP_CURRENT_TIME: 'current_time',
};

function aExpr(b: Node): Expr {
  const op = strings(b.name).join('.');
  const l = b.lexpr === undefined ? undefined : readPgExpr(b.lexpr);
  const rexpr = b.rexpr;
  switch (b.kind) {
    case 'AEXPR_OP': {
      const r = readPgExpr(rexpr);
      if (!l) return op === '-' ? { k: 'negate', expr: r } : op === '+' ? r : untranslatable(`prefix operator ${op}`);
      if (op === '||') return { k: 'concat', args: [...(l.k === 'concat' ? l.args : [l]), ...(r.k === 'concat' ? r.args : [r])] };
      if (op === '!=') return { k: 'binary', op: '<>', left: l, right: r };
      if (COMPARISONS.has(op)) return { k: 'binary', op: op as BinaryOp, left: l, right: r, integersDivide: op === '/' ? 'truncating' : undefined };
      return untranslatable(`operator ${op}`);
    }
    case 'AEXPR_LIKE':
    case 'AEXPR_ILIKE':
      if (!l) return untranslatable('LIKE');
      return { k: 'like', expr: l, pattern: readPgExpr(rexpr), not: op.startsWith('!'), insensitive: b.kind === 'AEXPR_ILIKE' };
    case 'AEXPR_IN': {
      const items = isNode(rexpr) && isNode(rexpr.List) ? list(rexpr.List.items) : list(rexpr);
      return { k: 'in', expr: l ?? untranslatable('IN'), list: items.map(readPgExpr), not: op === '<>' };
    }
    case 'AEXPR_BETWEEN':
    case 'AEXPR_NOT_BETWEEN': {
      const items = isNode(rexpr) && isNode(rexpr.List) ? list(rexpr.List.items) : list(rexpr);
      if (!l || items.length !== 2) return untranslatable('BETWEEN');
      return { k: 'between', expr: l, low: readPgExpr(items[0]), high: readPgExpr(items[1]), not: b.kind === 'AEXPR_NOT_BETWEEN' };
    }
    case 'AEXPR_NULLIF':
      return { k: 'call', name: 'nullif', args: [l ?? untranslatable('NULLIF'), readPgExpr(rexpr)] };
    case 'AEXPR_DISTINCT':
      return untranslatable('IS DISTINCT FROM');
    default:
      return untranslatable(`operator ${op || String(b.kind)}`);
  }
}

export function readPgExpr(v: unknown): Expr {
  const [type, b] = unwrap(v);
  switch (type) {
    case 'A_Const':
      return constant(b);
    case 'ColumnRef': {
      const fields = list(b.fields);
      const last = fields.length ? unwrap(fields[fields.length - 1]) : undefined;
      if (last && last[0] === 'A_Star') return { k: 'star', qualifier: fields.length > 1 ? strings(fields.slice(0, -1)) : undefined };
      return { k: 'column', parts: strings(fields) };
    }
    case 'FuncCall':
      return call(b);
    case 'SQLValueFunction': {
      const name = SQL_VALUE_FUNCTIONS[String(b.op)];
      if (!name) return untranslatable(String(b.op).replace('SVFOP_', ''));
      const p = typeof b.typmod === 'number' && b.typmod >= 0 ? b.typmod : undefined;
      return { k: 'call', name, args: p === undefined ? [] : [{ k: 'number', text: String(p) }] };
    }
    case 'TypeCast': {
      const tn = isNode(b.typeName) ? b.typeName : untranslatable('a cast');
      const names = strings(tn.names);
      const arg = readPgExpr(b.arg);
      if (names[names.length - 1] === 'interval') {
        if (arg.k !== 'string' || list(tn.typmods).length) return untranslatable('an interval');
        return intervalLiteral(arg.value);
      }
      return { k: 'cast', expr: arg, type: pgTypeName(tn) };
    }
    case 'A_Expr':
      return aExpr(b);
    case 'BoolExpr': {
      const args = list(b.args).map(readPgExpr);
      if (b.boolop === 'NOT_EXPR') return { k: 'not', expr: args[0] };
      const op = b.boolop === 'AND_EXPR' ? 'AND' : 'OR';
      return { k: 'logic', op, args: args.flatMap((a) => (a.k === 'logic' && a.op === op ? a.args : [a])) };
    }
    case 'NullTest':
      return { k: 'is', expr: readPgExpr(b.arg), what: 'NULL', not: b.nulltesttype === 'IS_NOT_NULL' };
    case 'BooleanTest': {
      const t = String(b.booltesttype);
      if (t.endsWith('UNKNOWN')) return untranslatable('IS UNKNOWN');
      return { k: 'is', expr: readPgExpr(b.arg), what: t.includes('TRUE') ? 'TRUE' : 'FALSE', not: t.includes('NOT') };
    }
    case 'CaseExpr':
      return {
        k: 'case',
        subject: b.arg === undefined ? undefined : readPgExpr(b.arg),
        whens: list(b.args).map((w) => {
          const [, cw] = unwrap(w);
          return { when: readPgExpr(cw.expr), then: readPgExpr(cw.result) };
        }),
        else: b.defresult === undefined ? undefined : readPgExpr(b.defresult),
      };
    case 'CoalesceExpr':
      return { k: 'call', name: 'coalesce', args: list(b.args).map(readPgExpr) };
    case 'MinMaxExpr':
      // PostgreSQL's GREATEST/LEAST skip NULLs; MySQL's return NULL: not the same function.
      return untranslatable(b.op === 'IS_GREATEST' ? 'GREATEST (NULL handling differs)' : 'LEAST (NULL handling differs)');
    case 'SubLink': {
      const query = readPgSelect(unwrap(b.subselect)[1]);
      if (b.subLinkType === 'EXPR_SUBLINK') return { k: 'subquery', query };
      if (b.subLinkType === 'EXISTS_SUBLINK') return { k: 'exists', query, not: false };
      if (b.subLinkType === 'ANY_SUBLINK' && (b.operName === undefined || strings(b.operName).join() === '=')) return { k: 'in-query', expr: readPgExpr(b.testexpr), query, not: false };
      return untranslatable('a subquery comparison');
    }
    default:
      return untranslatable(type);
  }
}

function sortItem(v: unknown): OrderItem {
  const [t, b] = unwrap(v);
  if (t !== 'SortBy') return untranslatable('ORDER BY');
  if (b.sortby_nulls && b.sortby_nulls !== 'SORTBY_NULLS_DEFAULT') return untranslatable('NULLS FIRST/LAST');
  if (b.useOp) return untranslatable('ORDER BY USING');
  return { expr: readPgExpr(b.node), desc: b.sortby_dir === 'SORTBY_DESC' };
}

function fromItem(v: unknown): FromItem {
  const [t, b] = unwrap(v);
  const alias = isNode(b.alias) ? (list(b.alias.colnames).length ? untranslatable('column aliases in FROM') : String(b.alias.aliasname)) : undefined;
  if (t === 'RangeVar') {
    if (b.inh === false) return untranslatable('ONLY');
    return { k: 'table', schema: typeof b.schemaname === 'string' ? b.schemaname : undefined, name: String(b.relname), alias };
  }
  if (t === 'RangeSubselect') {
    if (b.lateral || !alias) return untranslatable('a LATERAL or unnamed subquery');
    return { k: 'subquery', query: readPgSelect(unwrap(b.subquery)[1]), alias };
  }
  if (t === 'JoinExpr') {
    if (b.isNatural) return untranslatable('NATURAL JOIN');
    if (isNode(b.alias) || b.join_using_alias) return untranslatable('an aliased join');
    const type = ({ JOIN_INNER: 'INNER', JOIN_LEFT: 'LEFT', JOIN_RIGHT: 'RIGHT' } as const)[String(b.jointype) as 'JOIN_INNER'];
    if (!type) return untranslatable(String(b.jointype).replace('JOIN_', '') + ' JOIN');
    const using = b.usingClause ? strings(b.usingClause) : undefined;
    const on = b.quals === undefined ? undefined : readPgExpr(b.quals);
    return { k: 'join', type: !on && !using && type === 'INNER' ? 'CROSS' : type, left: fromItem(b.larg), right: fromItem(b.rarg), on, using };
  }
  return untranslatable(`${t} in FROM`);
}

function simpleSelect(b: Node): Select {
  for (const k of ['intoClause', 'windowClause', 'valuesLists', 'lockingClause', 'withClause']) if (b[k]) return untranslatable(k.replace('Clause', '').toUpperCase());
  const distinct = list(b.distinctClause);
  if (distinct.some((d) => isNode(d) && Object.keys(d).length)) return untranslatable('DISTINCT ON');
  return {
    distinct: distinct.length > 0,
    columns: list(b.targetList).map((t) => {
      const [, rt] = unwrap(t);
      return { expr: readPgExpr(rt.val), alias: typeof rt.name === 'string' ? rt.name : undefined };
    }),
    from: list(b.fromClause).map(fromItem),
    where: b.whereClause === undefined ? undefined : readPgExpr(b.whereClause),
    groupBy: list(b.groupClause).map(readPgExpr),
    having: b.havingClause === undefined ? undefined : readPgExpr(b.havingClause),
  };
}

const SVF_NAMES: Record<string, string> = {
  SVFOP_CURRENT_DATE: 'current_date',
  SVFOP_CURRENT_TIME: 'current_time',
  SVFOP_CURRENT_TIME_N: 'current_time',
  SVFOP_CURRENT_TIMESTAMP: 'current_timestamp',
  SVFOP_CURRENT_TIMESTAMP_N: 'current_timestamp',
  SVFOP_LOCALTIMESTAMP: 'localtimestamp',
  SVFOP_LOCALTIMESTAMP_N: 'localtimestamp',
};

/**
 * The name PostgreSQL gives an unaliased select item (FigureColname): a column's name, a function's,
 * `case`, `coalesce`, a cast's type when its operand has none, else `?column?`. A translated view
 * spells it as an alias so its columns keep their names on the other engine.
 */
function figureColname(v: unknown): string | undefined {
  if (!isNode(v)) return undefined;
  const [type, b] = unwrap(v);
  switch (type) {
    case 'ColumnRef': {
      const fields = list(b.fields);
      const last = unwrap(fields[fields.length - 1]);
      return last[0] === 'String' ? String(last[1].sval) : undefined;
    }
    case 'FuncCall':
      return strings(b.funcname).at(-1);
    case 'TypeCast':
      return figureColname(b.arg) ?? (isNode(b.typeName) ? strings(b.typeName.names).at(-1) : undefined);
    case 'CaseExpr':
      return 'case';
    case 'CoalesceExpr':
      return 'coalesce';
    case 'MinMaxExpr':
      return b.op === 'IS_GREATEST' ? 'greatest' : 'least';
    case 'A_Expr':
      return b.kind === 'AEXPR_NULLIF' ? 'nullif' : undefined;
    case 'SQLValueFunction':
      return SVF_NAMES[String(b.op)];
    case 'SubLink': {
      if (b.subLinkType === 'EXISTS_SUBLINK') return 'exists';
      const sub = isNode(b.subselect) ? unwrap(b.subselect)[1] : undefined;
      const first = sub ? unwrap(list(sub.targetList)[0])[1] : undefined;
      return first ? (typeof first.name === 'string' ? first.name : figureColname(first.val)) : undefined;
    }
    default:
      return undefined;
  }
}

/** Names every output column of a view the way PostgreSQL did (see figureColname). */
function nameOutputColumns(select: Select, targets: unknown[]): void {
  select.columns.forEach((c, i) => {
    if (c.alias !== undefined || c.expr.k === 'column' || c.expr.k === 'star') return;
    c.alias = figureColname(unwrap(targets[i])[1].val) ?? '?column?';
  });
}

/** A view body: the first SELECT's output columns named as PostgreSQL names them. */
export function readPgView(b: Node): Query {
  const q = readPgSelect(b);
  let first = b;
  while (first.op && first.op !== 'SETOP_NONE') first = unwrap(first.larg)[1];
  nameOutputColumns(q.selects[0], list(first.targetList));
  return q;
}

export function readPgSelect(b: Node): Query {
  if (b.withClause) return untranslatable('WITH');
  const q: Query = { selects: [], unions: [], orderBy: list(b.sortClause).map(sortItem) };
  if (b.limitOption && b.limitOption !== 'LIMIT_OPTION_DEFAULT' && b.limitOption !== 'LIMIT_OPTION_COUNT') return untranslatable('FETCH ... WITH TIES');
  q.limit = b.limitCount === undefined ? undefined : readPgExpr(b.limitCount);
  q.offset = b.limitOffset === undefined ? undefined : readPgExpr(b.limitOffset);
  const walk = (s: Node): void => {
    if (!s.op || s.op === 'SETOP_NONE') {
      q.selects.push(simpleSelect(s));
      return;
    }
    if (s.op !== 'SETOP_UNION') return untranslatable(String(s.op).replace('SETOP_', ''));
    const left = unwrap(s.larg)[1];
    const right = unwrap(s.rarg)[1];
    if (right.op && right.op !== 'SETOP_NONE') return untranslatable('nested set operations');
    for (const part of [left, right]) if (list(part.sortClause).length || part.limitCount) return untranslatable('ORDER BY inside UNION');
    walk(left);
    q.unions.push(s.all ? 'UNION ALL' : 'UNION');
    walk(right);
  };
  if (b.op && b.op !== 'SETOP_NONE') walk(b);
  else q.selects.push(simpleSelect(b));
  return q;
}

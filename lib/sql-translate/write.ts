/**
 * The portable form -> SQL text for the target dialect. Every spelling comes from lib/dialects (the
 * dialect record's quoting, boolean literals and type table; expression-facts.ts for functions, casts,
 * concatenation, ILIKE, intervals, division). Where the meaning depends on a type (is `a || b` text
 * concatenation? does `a / b` divide integers?), the types the writer can tell (literals, casts, the
 * table's columns, known functions) decide; where it cannot tell, the text stays untranslated.
 * One class past 400 lines on purpose: expressions and view bodies share the scope resolution and the
 * type inference that those decisions read.
 */
import { EXPRESSION_FACTS, type ExpressionFacts } from '../dialects/expression-facts';
import type { Capabilities, DialectSpec } from '../dialects/types';
import type { Dialect, LogicalTypeName } from '../model/document';
import { untranslatable, type Expr, type FromItem, type OrderItem, type Query, type Select } from './ir';

/** A column of a relation a view body reads. */
export interface ColumnInfo {
  name: string;
  type: LogicalTypeName | undefined;
}

/** What the writer knows of the surroundings. */
export interface WriteEnv {
  from: Dialect;
  spec: DialectSpec;
  caps: Capabilities;
  /** A column reference of a table-scoped expression: the column's name and logical type (undefined: unknown). */
  column?(name: string): { name: string; type: LogicalTypeName | undefined } | undefined;
  /** A view body's relation: how the target names it, and its columns (undefined: not in the document). */
  relation?(schema: string | undefined, name: string): { sql: string; columns: readonly ColumnInfo[] | undefined } | undefined;
}

type Kind = 'integer' | 'number' | 'text' | 'boolean' | 'date' | 'timestamp' | 'json' | 'unknown';

const TYPE_KIND: Partial<Record<LogicalTypeName, Kind>> = {
  smallint: 'integer',
  integer: 'integer',
  bigint: 'integer',
  decimal: 'number',
  real: 'number',
  double: 'number',
  text: 'text',
  varchar: 'text',
  char: 'text',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'timestamp',
  timestamptz: 'timestamp',
  json: 'json',
  jsonb: 'json',
};

const FUNCTION_KIND: Record<string, Kind> = {
  char_length: 'integer',
  octet_length: 'integer',
  count: 'integer',
  lower: 'text',
  upper: 'text',
  substring: 'text',
  replace: 'text',
  left: 'text',
  right: 'text',
  lpad: 'text',
  rpad: 'text',
  md5: 'text',
  trim: 'text',
  concat_ws: 'text',
  reverse: 'text',
  repeat: 'text',
  current_date: 'date',
  current_timestamp: 'timestamp',
  localtimestamp: 'timestamp',
};

/** Binding strength: an operand weaker than its operator's level is parenthesized. */
const ATOM = 100;
const MULTIPLY = 80;
const ADD = 70;
const CONCAT = 60;
const COMPARE = 40;
const NOT = 30;
const AND = 20;
const OR = 10;

interface Scope {
  parent?: Scope;
  /** Alias or relation name -> its columns (undefined: a subquery, columns unknown). */
  names: Map<string, readonly ColumnInfo[] | undefined>;
}

export class Writer {
  private readonly facts: ExpressionFacts;

  constructor(private readonly env: WriteEnv) {
    this.facts = EXPRESSION_FACTS[env.spec.name];
  }

  private q(name: string): string {
    return this.env.spec.quoteIdentifier(name);
  }

  kind(e: Expr, scope?: Scope): Kind {
    switch (e.k) {
      case 'number':
        return /^-?\d+$/.test(e.text) ? 'integer' : 'number';
      case 'string':
      case 'concat':
      case 'string-agg':
        return 'text';
      case 'bool':
      case 'not':
      case 'logic':
      case 'is':
      case 'in':
      case 'in-query':
      case 'between':
      case 'like':
      case 'exists':
        return 'boolean';
      case 'column': {
        const type = scope ? this.resolve(e.parts, scope)?.column?.type : e.parts.length === 1 ? this.env.column?.(e.parts[0])?.type : undefined;
        return (type && TYPE_KIND[type]) ?? 'unknown';
      }
      case 'cast':
        return TYPE_KIND[e.type.name] ?? 'unknown';
      case 'call':
        return FUNCTION_KIND[e.name] ?? 'unknown';
      case 'negate':
        return this.kind(e.expr, scope);
      case 'binary': {
        if (e.op === 'DIV') return 'integer';
        if (['=', '<>', '<', '<=', '>', '>='].includes(e.op)) return 'boolean';
        const l = this.kind(e.left, scope);
        const r = this.kind(e.right, scope);
        if (l === 'integer' && r === 'integer') return e.op === '/' ? 'unknown' : 'integer';
        if ((l === 'integer' || l === 'number') && (r === 'integer' || r === 'number')) return 'number';
        return 'unknown';
      }
      case 'case':
        return this.kind(e.whens[0].then, scope);
      case 'extract':
        return e.numeric ? 'number' : 'integer';
      default:
        return 'unknown';
    }
  }

  private level(e: Expr): number {
    switch (e.k) {
      case 'negate':
        return MULTIPLY + 5;
      case 'binary':
        return e.op === '+' || e.op === '-' ? ADD : ['*', '/', '%', 'DIV'].includes(e.op) ? MULTIPLY : COMPARE;
      case 'concat':
        return this.facts.concat === 'operator' && e.args.length > 1 ? CONCAT : ATOM;
      case 'is':
      case 'in':
      case 'in-query':
      case 'between':
      case 'like':
        return COMPARE;
      case 'not':
        return NOT;
      case 'logic':
        return e.op === 'AND' ? AND : OR;
      case 'exists':
        return ATOM;
      default:
        return ATOM;
    }
  }

  /** `e` as an operand that must bind at least as strongly as `min` (strictly more when `strict`). */
  private operand(e: Expr, scope: Scope | undefined, min: number, strict = false): string {
    const text = this.expr(e, scope);
    const l = this.level(e);
    return l < min || (strict && l === min) ? `(${text})` : text;
  }

  /**
   * A truth value where the source takes any number (MySQL `IF(qty, ..)`, `WHERE active`) and the
   * target only booleans: a number becomes `<> 0`; an operand of unknown type stays untranslated.
   */
  condition(e: Expr, scope: Scope | undefined): Expr {
    if (!EXPRESSION_FACTS[this.env.from].numericConditions || this.facts.numericConditions) return e;
    const kind = this.kind(e, scope);
    if (kind === 'boolean') return e;
    if (kind === 'integer' || kind === 'number') return { k: 'binary', op: '<>', left: e, right: { k: 'number', text: '0' } };
    return untranslatable('a condition that is not a comparison (its type is unknown)');
  }

  private stringLiteral(value: string): string {
    return this.env.spec.quoteString(value);
  }

  private cast(inner: string, atomic: boolean, typeSql: string): string {
    return this.facts.cast === 'double-colon' ? `${atomic ? inner : `(${inner})`}::${typeSql}` : `CAST(${inner} AS ${typeSql})`;
  }

  private toText(e: Expr, scope: Scope | undefined): string {
    const text = this.expr(e, scope);
    if (this.kind(e, scope) === 'text') return text;
    if (this.facts.concat === 'function') return text;
    return this.cast(text, this.level(e) === ATOM, 'text');
  }

  expr(e: Expr, scope?: Scope): string {
    const spec = this.env.spec;
    switch (e.k) {
      case 'null':
        return 'NULL';
      case 'bool':
        return e.value ? spec.booleanLiterals.true : spec.booleanLiterals.false;
      case 'number':
        return e.text;
      case 'string':
        return this.stringLiteral(e.value);
      case 'column':
        return this.column(e.parts, scope);
      case 'star':
        return e.qualifier ? `${e.qualifier.map((p) => this.q(p)).join('.')}.*` : '*';
      case 'call':
        return this.call(e, scope);
      case 'string-agg': {
        // With DISTINCT, PostgreSQL needs the ORDER BY expressions to be the argument as written (cast included).
        const same = (o: OrderItem) => JSON.stringify(o.expr) === JSON.stringify(e.arg);
        if (e.distinct && this.facts.stringAggregate === 'string_agg' && !e.orderBy.every(same)) return untranslatable('DISTINCT aggregation ordered by another expression');
        const order = e.orderBy.length ? ` ORDER BY ${e.orderBy.map((o) => `${this.facts.stringAggregate === 'string_agg' && same(o) ? this.toText(o.expr, scope) : this.expr(o.expr, scope)}${o.desc ? ' DESC' : ''}`).join(', ')}` : '';
        const distinct = e.distinct ? 'DISTINCT ' : '';
        if (this.facts.stringAggregate === 'string_agg') return `string_agg(${distinct}${this.toText(e.arg, scope)}, ${this.expr(e.separator, scope)}${order})`;
        return `GROUP_CONCAT(${distinct}${this.expr(e.arg, scope)}${order} SEPARATOR ${this.expr(e.separator, scope)})`;
      }
      case 'cast':
        return this.castExpr(e.expr, e.type, scope);
      case 'binary':
        return this.binary(e, scope);
      case 'not':
        return `NOT ${this.operand(this.condition(e.expr, scope), scope, NOT)}`;
      case 'negate':
        return `-${this.operand(e.expr, scope, MULTIPLY + 5, true)}`;
      case 'logic': {
        const lv = e.op === 'AND' ? AND : OR;
        return e.args.map((a) => this.operand(this.condition(a, scope), scope, lv)).join(` ${e.op} `);
      }
      case 'is':
        return `${this.operand(e.expr, scope, COMPARE, true)} IS ${e.not ? 'NOT ' : ''}${e.what}`;
      case 'in': {
        const items = e.list.map((x) => this.expr(this.comparedTo(e.expr, x, scope), scope));
        return `${this.operand(e.expr, scope, COMPARE, true)} ${e.not ? 'NOT IN' : 'IN'} (${items.join(', ')})`;
      }
      case 'in-query':
        return `${this.operand(e.expr, scope, COMPARE, true)} ${e.not ? 'NOT IN' : 'IN'} (${this.query(e.query, scope)})`;
      case 'between':
        return `${this.operand(e.expr, scope, COMPARE, true)} ${e.not ? 'NOT BETWEEN' : 'BETWEEN'} ${this.operand(e.low, scope, COMPARE, true)} AND ${this.operand(e.high, scope, COMPARE, true)}`;
      case 'like': {
        const op = e.not ? 'NOT LIKE' : 'LIKE';
        if (!e.insensitive) return `${this.operand(e.expr, scope, COMPARE, true)} ${op} ${this.operand(e.pattern, scope, COMPARE, true)}`;
        if (this.facts.caseInsensitiveLike === 'ilike') return `${this.operand(e.expr, scope, COMPARE, true)} ${e.not ? 'NOT ILIKE' : 'ILIKE'} ${this.operand(e.pattern, scope, COMPARE, true)}`;
        const lower = this.facts.writeFunctions.lower.name;
        return `${lower}(${this.expr(e.expr, scope)}) ${op} ${lower}(${this.expr(e.pattern, scope)})`;
      }
      case 'case': {
        let out = 'CASE';
        if (e.subject) out += ` ${this.expr(e.subject, scope)}`;
        for (const w of e.whens) out += ` WHEN ${this.expr(e.subject ? w.when : this.condition(w.when, scope), scope)} THEN ${this.expr(w.then, scope)}`;
        if (e.else) out += ` ELSE ${this.expr(e.else, scope)}`;
        return `${out} END`;
      }
      case 'concat': {
        // PostgreSQL's `||` concatenates strings only when an operand is text (jsonb || jsonb merges, arrays append).
        if (EXPRESSION_FACTS[this.env.from].concat === 'operator' && !e.args.every((a) => a.k === 'string') && !e.args.some((a) => a.k !== 'string' && this.kind(a, scope) === 'text')) {
          return untranslatable('|| without a text operand (jsonb or array concatenation?)');
        }
        if (this.facts.concat === 'function') return `CONCAT(${e.args.map((a) => this.expr(a, scope)).join(', ')})`;
        if (e.args.length === 1) return this.toText(e.args[0], scope);
        return e.args.map((a) => (this.kind(a, scope) === 'text' ? this.operand(a, scope, CONCAT) : this.toText(a, scope))).join(' || ');
      }
      case 'interval':
        return this.interval(e, scope);
      case 'extract':
        return `EXTRACT(${e.field.toUpperCase()} FROM ${this.expr(e.expr, scope)})`;
      case 'subquery':
        return `(${this.query(e.query, scope)})`;
      case 'exists':
        return `${e.not ? 'NOT ' : ''}EXISTS (${this.query(e.query, scope)})`;
    }
  }

  private interval(e: Extract<Expr, { k: 'interval' }>, scope: Scope | undefined): string {
    if (this.facts.interval === 'none') return untranslatable('an interval');
    if (this.facts.interval === 'keyword') return `INTERVAL ${this.operand(e.value, scope, ATOM)} ${e.unit.toUpperCase()}`;
    if (e.value.k === 'number') return `INTERVAL '${e.value.text} ${e.unit}'`;
    return `(${this.operand(e.value, scope, MULTIPLY)} * INTERVAL '1 ${e.unit}')`;
  }

  private castExpr(inner: Expr, type: Extract<Expr, { k: 'cast' }>['type'], scope: Scope | undefined): string {
    const castType = this.facts.castType(type);
    if (castType === 'literal-passes') return inner.k === 'string' ? this.expr(inner, scope) : untranslatable(`a cast to ${type.name}`);
    let sql = castType;
    if (sql === undefined) {
      if (this.facts.cast === 'cast') return untranslatable(`a cast to ${type.name}`);
      // The column type spelling (mapType) is what a cast names too; a loss there is a loss here.
      const mapped = this.env.spec.mapType(type, this.env.caps);
      if (mapped.loss && mapped.loss.severity !== 'info') return untranslatable(`a cast to ${type.name}`);
      sql = mapped.sql;
    }
    // A string literal cast to a string type is the literal.
    if (inner.k === 'string' && (type.name === 'text' || ((type.name === 'varchar' || type.name === 'char') && !type.length))) return this.expr(inner, scope);
    return this.cast(this.expr(inner, scope), this.level(inner) === ATOM && inner.k !== 'negate', sql);
  }

  /** 0/1 compared with a boolean column is a boolean (MySQL spells booleans as numbers). */
  private comparedTo(other: Expr, e: Expr, scope: Scope | undefined): Expr {
    if (e.k === 'number' && (e.text === '0' || e.text === '1') && this.kind(other, scope) === 'boolean') return { k: 'bool', value: e.text === '1' };
    return e;
  }

  private binary(e: Extract<Expr, { k: 'binary' }>, scope: Scope | undefined): string {
    const l = this.kind(e.left, scope);
    const r = this.kind(e.right, scope);
    let op: string = e.op;
    let left = e.left;
    let right = e.right;
    let castLeft = false;
    if (['=', '<>', '<', '<=', '>', '>='].includes(e.op)) {
      left = this.comparedTo(e.right, e.left, scope);
      right = this.comparedTo(e.left, e.right, scope);
      return `${this.operand(left, scope, COMPARE, true)} ${op} ${this.operand(right, scope, COMPARE, true)}`;
    }
    const numeric = (k: Kind) => k === 'integer' || k === 'number';
    if (e.op === '/' || e.op === 'DIV') {
      const integers = l === 'integer' && r === 'integer';
      if (e.op === 'DIV' || (integers && e.integersDivide === 'truncating')) {
        if (!integers) return untranslatable('integer division of operands of unknown type');
        op = this.facts.integerDivision;
      } else if (integers) {
        // MySQL's `/` of two integers gives a decimal: divide a numeric where `/` truncates.
        if (this.facts.integerDivision === '/') castLeft = true;
      } else if (!(numeric(l) && numeric(r) && (l === 'number' || r === 'number'))) {
        return untranslatable('a division of operands of unknown type');
      }
    }
    if ((e.op === '+' || e.op === '-') && l === 'date' && r === 'integer') {
      if (!EXPRESSION_FACTS[this.env.from].dateAddsIntegerDays) return untranslatable('a date plus a number');
      if (!this.facts.dateAddsIntegerDays) right = { k: 'interval', value: e.right, unit: 'day' };
    }
    const lv = op === '+' || op === '-' ? ADD : MULTIPLY;
    let leftSql = this.operand(left, scope, lv);
    if (castLeft) leftSql = this.cast(leftSql, this.level(left) >= lv && this.level(left) === ATOM, 'numeric');
    return `${leftSql} ${op} ${this.operand(right, scope, lv, true)}`;
  }

  private call(e: Extract<Expr, { k: 'call' }>, scope: Scope | undefined): string {
    const spelling = this.facts.writeFunctions[e.name];
    if (!spelling) return untranslatable(`function ${e.name}()`);
    if (e.name === 'substring' && e.args[1] && this.kind(e.args[1], scope) === 'text') return untranslatable('substring with a pattern');
    if (e.name === 'trim' && e.args.length !== 1) return untranslatable('TRIM with characters to remove');
    if (spelling.niladic) {
      if (e.args.length > 1 || (e.args[0] && e.args[0].k !== 'number')) return untranslatable(`${spelling.name}(...)`);
      return e.args.length ? `${spelling.name}(${this.expr(e.args[0])})` : spelling.name;
    }
    const distinct = e.distinct ? 'DISTINCT ' : '';
    return `${spelling.name}(${distinct}${e.args.map((a) => this.expr(a, scope)).join(', ')})`;
  }

  /** A view body's column reference: the relation name it goes by and the column, when known. */
  private resolve(parts: string[], scope: Scope): { qualifier?: string; column?: ColumnInfo } | undefined {
    const name = parts[parts.length - 1];
    const qualifier = parts.length > 1 ? parts[parts.length - 2] : undefined;
    const fold = (x: string) => x.toLowerCase();
    const find = (columns: readonly ColumnInfo[] | undefined) => columns?.find((c) => c.name === name) ?? columns?.find((c) => fold(c.name) === fold(name));
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      if (qualifier !== undefined) {
        const key = s.names.has(qualifier) ? qualifier : [...s.names.keys()].find((k) => fold(k) === fold(qualifier));
        if (key !== undefined) return { qualifier: key, column: find(s.names.get(key)) };
        continue;
      }
      const found = [...s.names.values()].map(find).filter((x): x is ColumnInfo => x !== undefined);
      if (found.length === 1) return { column: found[0] };
      // A relation with unknown columns (a subquery) may hold it: not this scope's to decide.
      if (found.length > 1 || [...s.names.values()].some((c) => c === undefined)) return undefined;
    }
    return undefined;
  }

  private column(parts: string[], scope: Scope | undefined): string {
    if (!scope) {
      // A table-scoped expression: the column as the table spells it (MySQL names ignore case).
      if (parts.length !== 1) return untranslatable(`the qualified name ${parts.join('.')}`);
      const c = this.env.column?.(parts[0]);
      return this.q(c ? c.name : parts[0]);
    }
    const r = this.resolve(parts, scope);
    const name = r?.column?.name ?? parts[parts.length - 1];
    const qualifier = r?.qualifier ?? (parts.length > 1 ? parts[parts.length - 2] : undefined);
    return qualifier !== undefined ? `${this.q(qualifier)}.${this.q(name)}` : this.q(name);
  }

  private orderList(items: OrderItem[], scope: Scope | undefined): string {
    return items.map((o) => `${this.expr(o.expr, scope)}${o.desc ? ' DESC' : ''}`).join(', ');
  }

  private fromItem(f: FromItem, scope: Scope): string {
    switch (f.k) {
      case 'table': {
        const rel = this.env.relation?.(f.schema, f.name);
        if (!rel) return untranslatable(`the relation ${f.schema ? `${f.schema}.` : ''}${f.name}`);
        scope.names.set(f.alias ?? f.name, rel.columns);
        return f.alias ? `${rel.sql} AS ${this.q(f.alias)}` : rel.sql;
      }
      case 'subquery':
        scope.names.set(f.alias, undefined);
        return `(${this.query(f.query, scope)}) AS ${this.q(f.alias)}`;
      case 'join': {
        const left = this.fromItem(f.left, scope);
        const right = this.fromItem(f.right, scope);
        const cond = f.using ? ` USING (${f.using.map((u) => this.q(u)).join(', ')})` : f.on ? ` ON ${this.expr(this.condition(f.on, scope), scope)}` : '';
        return `${left} ${f.type} JOIN ${right}${cond}`;
      }
    }
  }

  private select(s: Select, parent: Scope | undefined): string {
    const scope: Scope = { parent, names: new Map() };
    // FROM first: the select list's names resolve against it.
    const from = s.from.map((f) => this.fromItem(f, scope));
    const columns = s.columns.map((c) => `${this.expr(c.expr, scope)}${c.alias !== undefined ? ` AS ${this.q(c.alias)}` : ''}`);
    let out = `SELECT ${s.distinct ? 'DISTINCT ' : ''}${columns.join(', ')}`;
    if (from.length) out += `\nFROM ${from.join(', ')}`;
    if (s.where) out += `\nWHERE ${this.expr(this.condition(s.where, scope), scope)}`;
    if (s.groupBy.length) out += `\nGROUP BY ${s.groupBy.map((g) => this.expr(g, scope)).join(', ')}`;
    if (s.having) out += `\nHAVING ${this.expr(this.condition(s.having, scope), scope)}`;
    return out;
  }

  query(q: Query, parent?: Scope): string {
    let out = this.select(q.selects[0], parent);
    for (let i = 1; i < q.selects.length; i++) out += `\n${q.unions[i - 1]}\n${this.select(q.selects[i], parent)}`;
    // ORDER BY names output columns or the last SELECT's columns: resolved against an empty scope.
    if (q.orderBy.length) out += `\nORDER BY ${this.orderList(q.orderBy, { parent, names: new Map() })}`;
    if (q.offset && !q.limit) return untranslatable('OFFSET without LIMIT');
    if (q.limit) out += `\nLIMIT ${this.expr(q.limit)}`;
    if (q.offset) out += ` OFFSET ${this.expr(q.offset)}`;
    return out;
  }
}

/**
 * The generator's one door to the expression translator (lib/sql-translate): when the document was
 * designed for the other dialect and the SQL parsers are loaded (DdlOptions.sqlParsers), a default,
 * check, generated column, index expression or predicate, or view body is translated for the target;
 * what cannot be is written verbatim and listed in the expression.cross-dialect warning with the
 * reason (the function or operator). Without parsers everything is verbatim, as before.
 */
import type { Column, LogicalTypeName, Table, View } from '../model/document';
import type { Expr } from '../sql-translate/ir';
import { translateExpression, translateQuery, type WriteEnv } from '../sql-translate/translate';
import type { DdlContext } from './context';

function logicalType(ctx: DdlContext, column: Column): LogicalTypeName | undefined {
  if (column.arrayDims) return undefined;
  const t = column.type;
  if (t.kind === 'scalar') return t.native ? undefined : t.name;
  if (t.kind === 'domain') return ctx.doc.domains[t.domainId]?.type.name;
  return 'varchar';
}

function findByName<T extends { name: string }>(items: readonly T[], name: string): T | undefined {
  return items.find((x) => x.name === name) ?? items.find((x) => x.name.toLowerCase() === name.toLowerCase());
}

/** Tables and views by lower-cased name, built once per generator run (a view chain looks up every view). */
const relationIndexes = new WeakMap<DdlContext, Map<string, (Table | View)[]>>();
function relationsByName(ctx: DdlContext): Map<string, (Table | View)[]> {
  let m = relationIndexes.get(ctx);
  if (!m) {
    m = new Map();
    for (const r of [...Object.values(ctx.doc.tables), ...Object.values(ctx.doc.views)]) {
      const key = r.name.toLowerCase();
      const list = m.get(key);
      if (list) list.push(r);
      else m.set(key, [r]);
    }
    relationIndexes.set(ctx, m);
  }
  return m;
}

function env(ctx: DdlContext, table: Table | undefined, valueColumn?: Column): WriteEnv {
  return {
    from: ctx.doc.settings.dialect,
    spec: ctx.spec,
    caps: ctx.caps,
    column: (name) => {
      // A domain check inlined on a column names it VALUE.
      const c = valueColumn && name.toLowerCase() === 'value' ? valueColumn : table ? findByName(table.columns, name) : undefined;
      return c ? { name: c.name, type: logicalType(ctx, c) } : undefined;
    },
    relation: (schema, name) => {
      const candidates = relationsByName(ctx).get(name.toLowerCase()) ?? [];
      const exact = candidates.filter((r) => r.name === name);
      const pool = exact.length ? exact : candidates;
      const inSchema = schema === undefined ? [] : pool.filter((r) => r.schemaId && ctx.doc.schemas[r.schemaId]?.name === schema);
      const r = inSchema.length === 1 ? inSchema[0] : pool.length === 1 ? pool[0] : undefined;
      if (!r || ctx.skippedViews.has(r.id)) return undefined;
      return { sql: ctx.qualified(r), columns: 'columns' in r ? r.columns.map((c) => ({ name: c.name, type: logicalType(ctx, c) })) : undefined };
    },
  };
}

export interface ExpressionSiteInfo {
  entityId: string;
  /** Tells two expressions of one element apart ('default', 'check', ...). */
  what: string;
  where: () => string;
  table?: Table;
  /** For a domain check inlined on a column: the column VALUE stands for. */
  valueColumn?: Column;
  /** A check or index predicate: a truth value. */
  condition?: boolean;
}

/** Translated text (and its portable form), or the text verbatim, recorded for the warning. */
function translated(ctx: DdlContext, text: string, site: ExpressionSiteInfo): { text: string; expr?: Expr } {
  if (!ctx.crossDialect) return { text };
  const parsers = ctx.options.sqlParsers;
  if (!parsers) {
    ctx.copiedVerbatim(site.entityId, site.what, site.where);
    return { text };
  }
  const r = translateExpression(text, parsers, env(ctx, site.table, site.valueColumn), site.condition);
  if (r.ok) {
    ctx.translatedCount++;
    return { text: r.text, expr: r.expr };
  }
  ctx.copiedVerbatim(site.entityId, site.what, () => `${site.where()}: ${r.reason}`);
  return { text };
}

/** The expression as the target needs it: translated, or verbatim (recorded for the warning). */
export function expressionFor(ctx: DdlContext, text: string, site: ExpressionSiteInfo): string {
  return translated(ctx, text, site).text;
}

/**
 * A column default written as an expression: translated, and a bare portable default (now(),
 * CURRENT_TIMESTAMP, gen_random_uuid(), uuid()...) spelled as the target spells that builtin, so a
 * column's precision and MySQL's rules for bare CURRENT_TIMESTAMP are honoured.
 */
export function expressionDefaultFor(ctx: DdlContext, text: string, site: ExpressionSiteInfo, column: { temporalColumn: boolean; fsp?: number }): string {
  const r = translated(ctx, text, site);
  const e = r.expr;
  if (e?.k === 'call' && e.args.length === 0 && (BUILTINS as readonly string[]).includes(e.name)) return ctx.spec.builtinDefault(e.name as (typeof BUILTINS)[number], column);
  // MySQL needs parentheses around expression defaults (8.0.13+, MariaDB 10.2+); PostgreSQL's DEFAULT
  // takes only a restricted expression (no AND, IS NULL...) without them. They never hurt.
  return `(${r.text})`;
}

const BUILTINS = ['current_timestamp', 'current_date', 'current_time', 'uuid'] as const;

/** A view written in the other dialect's SQL: its body for the target, or why it cannot be translated. */
export function viewBodyFor(ctx: DdlContext, view: View): { ok: true; text: string } | { ok: false; reason: string } {
  const parsers = ctx.options.sqlParsers;
  if (!parsers) return { ok: false, reason: 'the SQL parsers are not loaded' };
  const r = translateQuery(view.sql, parsers, { ...env(ctx, undefined), from: view.dialect });
  if (r.ok) ctx.translatedCount++;
  return r.ok ? { ok: true, text: r.text } : r;
}

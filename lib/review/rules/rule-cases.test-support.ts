/**
 * Table-driven rule tests: small documents written in a few lines (`tbl('orders', [col('id', 'bigint')],
 * { pk: ['id'] })`, `rel('orders.customer_id', 'customers.id')`), and one runner that proves, for each
 * case, that the rule fires on the bad document and not on the good ones, and that its fix (when the
 * rule offers one) clears the finding in one command whose undo brings it back.
 */
import { expect, it } from 'vitest';
import { applyCommand, undoPatches } from '../../model/commands/apply';
import { scalar } from '../../model/build';
import type { Column, ColumnType, Dialect, EnumType, Index, LogicalTypeName, Relationship, ScalarType, SchemaDocument, Table } from '../../model/document';
import { documentOf } from '../../model/build';
import { sequentialIds } from '../../model/ids';
import { loadDocument } from '../../model/migrate';
import { lintDocument } from '../lint';
import { ruleById } from '.';
import type { Finding, FindingTarget } from '../types';

export type ColSpec = { name: string; type: ColumnType; extra: Partial<Omit<Column, 'id' | 'name' | 'type'>> };

/** A column: NOT NULL unless `nullable: true` is given (most test columns are required). */
export function col(name: string, type: LogicalTypeName | ColumnType, extra: Partial<Omit<Column, 'id' | 'name' | 'type'>> = {}): ColSpec {
  return { name, type: typeof type === 'string' ? scalar(type) : type, extra };
}

export const sc = (name: LogicalTypeName, extra: Omit<Partial<ScalarType>, 'kind' | 'name'> = {}) => scalar(name, extra);

/** A column's id: `table.column`, shortened for names past the 64-character id limit. */
export const cid = (table: string, column: string) => (table.length + column.length < 64 ? `${table}.${column}` : `${table}.${column.slice(0, 40)}~${column.length}`);

export type IndexSpec = string[] | (Partial<Omit<Index, 'parts'>> & { columns: string[] });

export interface TableSpec {
  pk?: string[];
  pkName?: string;
  uniques?: (string[] | { columns: string[]; name?: string; nullsNotDistinct?: boolean })[];
  indexes?: IndexSpec[];
  checks?: string[];
  comment?: string;
  schemaId?: string;
}

/** A table whose ids are readable: table `orders`, column `orders.customer_id`, index `orders#ix0`. */
export function tbl(name: string, columns: ColSpec[], spec: TableSpec = {}): Table {
  const c = (n: string) => cid(name, n);
  return {
    id: name,
    name,
    ...(spec.schemaId && { schemaId: spec.schemaId }),
    ...(spec.comment && { comment: spec.comment }),
    columns: columns.map((x) => ({ id: c(x.name), name: x.name, type: x.type, nullable: false, default: { kind: 'none' }, ...x.extra })),
    ...(spec.pk && { primaryKey: { columnIds: spec.pk.map(c), ...(spec.pkName && { name: spec.pkName }) } }),
    uniques: (spec.uniques ?? []).map((u, i) => (Array.isArray(u) ? { id: `${name}#uq${i}`, columnIds: u.map(c) } : { id: `${name}#uq${i}`, columnIds: u.columns.map(c), ...(u.name && { name: u.name }), ...(u.nullsNotDistinct && { nullsNotDistinct: true }) })),
    checks: (spec.checks ?? []).map((expression, i) => ({ id: `${name}#ck${i}`, expression })),
    indexes: (spec.indexes ?? []).map((ix, i) => {
      const { columns: cols, ...rest } = Array.isArray(ix) ? { columns: ix } : ix;
      return { id: `${name}#ix${i}`, unique: false, ...rest, parts: cols.map((n) => ({ kind: 'column' as const, columnId: c(n) })) };
    }),
  };
}

/** A relationship `child.col[,col2]` -> `parent.col[,col2]`. */
export function rel(from: string, to: string, extra: Partial<Omit<Relationship, 'fromTableId' | 'toTableId' | 'columnPairs'>> = {}): Relationship {
  const [ft, fc] = from.split('.');
  const [tt, tc] = to.split('.');
  const fcs = fc.split(',');
  const tcs = tc.split(',');
  return {
    id: `${from}>${to}`,
    fromTableId: ft,
    toTableId: tt,
    columnPairs: fcs.map((x, i) => ({ fromColumnId: cid(ft, x), toColumnId: cid(tt, tcs[i]) })),
    onDelete: 'no action',
    onUpdate: 'no action',
    enforced: true,
    ...extra,
  };
}

export function doc(parts: { tables: Table[]; relationships?: Relationship[]; enums?: EnumType[]; dialect?: Dialect }): SchemaDocument {
  return documentOf(parts);
}

/** customers (id) and orders (id, customer_id -> customers.id): the usual fixture, adjustable. */
export function shop(options: { fkType?: LogicalTypeName | ColumnType; orderIndexes?: IndexSpec[]; rel?: Partial<Relationship>; dialect?: Dialect; fkNullable?: boolean } = {}): SchemaDocument {
  return doc({
    dialect: options.dialect,
    tables: [
      tbl('customers', [col('id', 'bigint')], { pk: ['id'] }),
      tbl('orders', [col('id', 'bigint'), col('customer_id', options.fkType ?? 'bigint', { nullable: options.fkNullable ?? false })], { pk: ['id'], indexes: options.orderIndexes ?? [['customer_id']] }),
    ],
    relationships: [rel('orders.customer_id', 'customers.id', options.rel)],
  });
}

export interface RuleCase {
  rule: string;
  /** What the case shows (the test's name). */
  name?: string;
  bad: () => SchemaDocument;
  /** Documents the rule must not fire on (the fixed shape, and look-alikes it must leave alone). */
  good: (() => SchemaDocument)[];
  /** The rule's options for this case. */
  options?: Record<string, string | number | boolean>;
  /** Findings expected on `bad` (default: at least one). */
  count?: number;
  /** Some finding on `bad` reads like this. */
  message?: RegExp;
  /** Some finding on `bad` targets this element. */
  target?: FindingTarget;
  /** The rule has a fix, but not for this shape (e.g. the target cannot express it). */
  noFix?: boolean;
}

function lint(d: SchemaDocument, c: RuleCase): Finding[] {
  const rule = ruleById(c.rule);
  if (!rule) throw new Error(`no rule ${c.rule}`);
  // The case's rule only, turned on (opt-in rules too), with its options.
  const result = lintDocument(d, { rules: [rule], ids: sequentialIds(), config: { rules: { [rule.id]: { enabled: true, ...(c.options && { options: c.options }) } } } });
  return result.findings;
}

/** Registers the tests of a list of cases (call at the top level of a describe). */
export function ruleCases(cases: readonly RuleCase[]): void {
  for (const c of cases) {
    it(`${c.rule}: ${c.name ?? 'fires on the bad shape only'}`, () => {
      const bad = c.bad();
      // Fixtures are valid documents: a rule is never tested on a shape the app cannot hold.
      expect(loadDocument(bad).ok, 'bad fixture is a valid document').toBe(true);
      const findings = lint(bad, c);
      if (c.count !== undefined) expect(findings).toHaveLength(c.count);
      else expect(findings.length).toBeGreaterThan(0);
      for (const f of findings) {
        expect(f.ruleId).toBe(c.rule);
        expect(f.key.startsWith(`${c.rule}:`), f.key).toBe(true);
        // Messages name elements, not ids.
        expect(f.message).not.toMatch(/#(uq|ix|ck)\d/);
      }
      expect(new Set(findings.map((f) => f.key)).size, 'keys are unique').toBe(findings.length);
      if (c.message) expect(findings.map((f) => f.message).find((m) => c.message!.test(m)), findings.map((f) => f.message).join('\n')).toBeDefined();
      if (c.target) expect(findings.map((f) => f.target)).toContainEqual(c.target);
      for (const good of c.good) {
        const g = good();
        expect(loadDocument(g).ok, 'good fixture is a valid document').toBe(true);
        expect(lint(g, c).map((f) => f.message)).toEqual([]);
      }

      const rule = ruleById(c.rule)!;
      if (!rule.fix || c.noFix) {
        expect(findings.every((f) => !f.fix), 'a rule without a declared fix offers none').toBe(true);
        return;
      }
      const fixable = findings.filter((f) => f.fix);
      expect(fixable.length, 'the rule declares a fix: the case shows one').toBeGreaterThan(0);
      for (const f of fixable) {
        const { doc: fixed, inversePatches } = applyCommand(bad, f.fix!.command);
        expect(lint(fixed, c).map((x) => x.key), `fix "${f.fix!.title}" clears ${f.key}`).not.toContain(f.key);
        const undone = undoPatches(fixed, inversePatches);
        expect(undone).toEqual(bad);
        expect(lint(undone, c).map((x) => x.key)).toContain(f.key);
      }
    });
  }
}

import { describe, expect, it } from 'vitest';
import type { Table } from '../model/document';
import { candidateIndexes, classifyConjunct, columnsOf, splitTopLevel, stripOuterParens } from './candidates';
import type { ScanNode } from './plan-verdict';

const table = {
  id: 't_orders', name: 'orders',
  columns: ['id', 'customer_id', 'status', 'created_at', 'deleted_at', 'Weird Name', 'total'].map((name) => ({ id: `c_${name}`, name })),
} as unknown as Table;

const scan = (filter: string | undefined, output: string[] = [], joinConds: string[] = []): ScanNode => ({
  node: { 'Node Type': 'Seq Scan', 'Relation Name': 'orders', Alias: 'o', Filter: filter, Output: output },
  path: 'seq-scan', relation: 'orders', alias: 'o', joinConds,
});

describe('reading the plan conditions', () => {
  it('splits and strips outside string literals and quoted names', () => {
    expect(stripOuterParens("((o.status = 'a AND (b'::text))")).toBe("o.status = 'a AND (b'::text");
    expect(splitTopLevel("(o.a = 1) AND (o.b = ' AND ') AND ((o.c = 1) OR (o.d = 2))", 'AND')).toHaveLength(3);
    expect(columnsOf('(o."Weird Name" = $1) AND (o.total > x.total)', 'o')).toEqual(['Weird Name', 'total']);
  });

  it('classifies equality, range, constant predicates; leaves expressions and OR alone', () => {
    const nf = () => 0.9;
    expect(classifyConjunct('((o.status)::text = $1)', 'o', nf)).toMatchObject({ kind: 'eq', column: 'status' });
    expect(classifyConjunct('(o.customer_id = c.id)', 'o', nf)).toMatchObject({ kind: 'eq', column: 'customer_id' });
    expect(classifyConjunct('(o.created_at > $2)', 'o', nf)).toMatchObject({ kind: 'range', column: 'created_at' });
    expect(classifyConjunct('(o.deleted_at IS NULL)', 'o', nf)).toMatchObject({ kind: 'predicate', sql: '"deleted_at" IS NULL', fraction: 0.9 });
    expect(classifyConjunct('(lower(o.status) = $1)', 'o', nf)).toBeUndefined();
    expect(classifyConjunct('((o.status = $1) OR (o.total > $2))', 'o', nf)).toBeUndefined();
  });
});

describe('candidateIndexes', () => {
  it('equality first, then range; the sort variant; partial and covering variants', () => {
    const out = candidateIndexes({
      table,
      scan: scan('((o.created_at > $2) AND (o.status = $1) AND (o.deleted_at IS NULL))', ['o.id', 'o.total']),
      sortKeys: [['o.created_at DESC']],
      nullFracOf: () => 0.5,
    });
    expect(out.map((c) => c.label)).toEqual([
      '(status, created_at)',
      '(status, created_at) WHERE "deleted_at" IS NULL',
      '(status, created_at DESC)',
      '(status, created_at DESC) WHERE "deleted_at" IS NULL',
      '(status, created_at) INCLUDE (id, total)',
      '(status, created_at) INCLUDE (id, total) WHERE "deleted_at" IS NULL',
    ]);
    expect(out[1].fraction).toBe(0.5);
  });

  it('a join condition gives the inner table its equality column', () => {
    const out = candidateIndexes({ table, scan: scan(undefined, [], ['(o.customer_id = c.id)']), sortKeys: [], nullFracOf: () => 0 });
    expect(out[0].label).toBe('(customer_id)');
  });
});

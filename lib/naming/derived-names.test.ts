import { describe, expect, it } from 'vitest';
import { makeColumn, makeTable, scalar } from '../model/build';
import type { Index } from '../model/document';
import { derivedIndexName, derivedUniqueName, indexName, uniqueConstraintName } from './derived-names';

const table = makeTable({
  id: 't',
  name: 'orders',
  columns: [
    makeColumn({ id: 'c_id', name: 'id', type: scalar('bigint') }),
    makeColumn({ id: 'c_status', name: 'status', type: scalar('text') }),
    makeColumn({ id: 'c_placed', name: 'placed_at', type: scalar('timestamptz') }),
  ],
});
const col = (columnId: string) => ({ kind: 'column' as const, columnId });
const expr = (sql: string) => ({ kind: 'expression' as const, sql });

describe('derived index names', () => {
  it.each<[Index['parts'], string]>([
    [[], 'orders_idx'],
    [[col('c_status')], 'orders_status_idx'],
    [[col('c_status'), col('c_placed')], 'orders_status_placed_at_idx'],
    [[expr('lower(status)')], 'orders_lower_idx'],
    [[expr('("status" || \'x\')')], 'orders_status_idx'],
    [[expr('1 + 1')], 'orders_expr_idx'],
    [[col('c_gone')], 'orders_c_gone_idx'],
  ])('%j -> %s', (parts, name) => {
    expect(derivedIndexName(table, { parts })).toBe(name);
  });

  it('follows the columns until the index is named', () => {
    expect(indexName(table, { parts: [col('c_status')] })).toBe('orders_status_idx');
    expect(indexName(table, { parts: [col('c_placed')] })).toBe('orders_placed_at_idx');
    expect(indexName(table, { name: 'by_status', parts: [col('c_placed')] })).toBe('by_status');
  });
});

describe('derived unique names', () => {
  it.each<[string[], string]>([
    [[], 'orders_key'],
    [['c_status'], 'orders_status_key'],
    [['c_id', 'c_status'], 'orders_id_status_key'],
  ])('%j -> %s', (columnIds, name) => {
    expect(derivedUniqueName(table, { columnIds })).toBe(name);
  });

  it('keeps an explicit name', () => {
    expect(uniqueConstraintName(table, { name: 'uq', columnIds: ['c_id'] })).toBe('uq');
    expect(uniqueConstraintName(table, { columnIds: ['c_placed'] })).toBe('orders_placed_at_key');
  });
});

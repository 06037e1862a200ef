/**
 * Indexes and unique constraints the architect has not named get the derived name, which follows
 * their columns; one without columns yet is not generated and says so.
 */
import { describe, expect, it } from 'vitest';
import { documentOf, makeColumn, makeIndex, makeTable, scalar } from '../model/build';
import type { Dialect, Index, SchemaDocument, UniqueConstraint } from '../model/document';
import { generateDdl, planDdl } from './generate-ddl';

function shop(indexes: Index[], uniques: UniqueConstraint[] = []): SchemaDocument {
  const orders = makeTable({
    id: 't_orders',
    name: 'orders',
    columns: [
      makeColumn({ id: 'c_id', name: 'id', type: scalar('bigint'), nullable: false }),
      makeColumn({ id: 'c_status', name: 'status', type: scalar('varchar', { length: 20 }) }),
      makeColumn({ id: 'c_code', name: 'code', type: scalar('varchar', { length: 20 }) }),
    ],
    primaryKey: { columnIds: ['c_id'] },
    indexes,
    uniques,
  });
  return documentOf({ dialect: 'postgres', tables: [orders] });
}
const on = (...columnIds: string[]) => columnIds.map((columnId) => ({ kind: 'column' as const, columnId }));

describe.each<Dialect>(['postgres', 'mysql'])('unnamed keys (%s)', (dialect) => {
  const q = (name: string) => (dialect === 'postgres' ? `"${name}"` : `\`${name}\``);

  it('an unnamed index is written with the derived name of its current columns', () => {
    const before = generateDdl(shop([makeIndex({ id: 'ix', parts: on('c_status') })]), dialect);
    expect(before.sql).toContain(`INDEX ${q('orders_status_idx')} ON ${q('orders')} (${q('status')})`);
    const after = generateDdl(shop([makeIndex({ id: 'ix', parts: on('c_code') })]), dialect);
    expect(after.sql).toContain(`INDEX ${q('orders_code_idx')} ON ${q('orders')} (${q('code')})`);
    expect(after.sql).not.toContain('orders_status_idx');
    expect(after.diagnostics).toEqual([]);
  });

  it('an explicit name stays whatever the columns', () => {
    const { sql } = generateDdl(shop([makeIndex({ id: 'ix', name: 'by_status', parts: on('c_code') })]), dialect);
    expect(sql).toContain(`INDEX ${q('by_status')} ON`);
  });

  it('two unnamed indexes on the same columns get distinct names, the same ones planDdl decides', () => {
    const doc = shop([makeIndex({ id: 'ix1', parts: on('c_status') }), makeIndex({ id: 'ix2', parts: on('c_status'), unique: true })]);
    const { sql } = generateDdl(doc, dialect);
    expect(sql).toContain(`INDEX ${q('orders_status_idx')} ON`);
    expect(sql).toContain(`INDEX ${q('orders_status_idx1')} ON`);
    expect([...planDdl(doc, dialect).indexes.values()].map((d) => d.name)).toEqual(['orders_status_idx', 'orders_status_idx1']);
  });

  it('an index or unique without columns is not generated: a diagnostic, not broken SQL', () => {
    const { sql, diagnostics } = generateDdl(shop([makeIndex({ id: 'ix', parts: [] })], [{ id: 'u', columnIds: [] }]), dialect);
    expect(sql).not.toMatch(/INDEX|UNIQUE|\(\)/);
    expect(diagnostics.map((d) => [d.code, d.entityId, d.message])).toEqual([
      ['unique.no-columns', 'u', 'unique constraint "orders_key" of "orders" has no columns yet: not generated'],
      ['index.no-columns', 'ix', 'index "orders_idx" on "orders": has no columns yet: not generated'],
    ]);
    expect(planDdl(shop([makeIndex({ id: 'ix', parts: [] })]), dialect).indexes.get('ix')).toMatchObject({ created: false });
  });

  it('an unnamed unique follows its columns', () => {
    const { sql } = generateDdl(shop([], [{ id: 'u', columnIds: ['c_code'] }]), dialect);
    expect(sql).toContain(q('orders_code_key'));
  });
});

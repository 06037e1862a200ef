import { describe, expect, it } from 'vitest';
import { groupThreads, openCountsBySection, openCountsByTable } from './group';
import { shop, thread } from './fixture.test-support';

describe('thread groups and counts', () => {
  const col = { kind: 'column' as const, tableId: 'tbl_orders', columnId: 'col_customer', label: 'orders.customer_id' };
  const threads = [
    thread(col, ['a'], { id: 't1', createdAt: '2026-12-04T10:00:00.000Z' }),
    thread(col, ['b'], { id: 't2', createdAt: '2026-12-04T09:00:00.000Z' }),
    thread({ kind: 'relationship', relationshipId: 'rel_oc', label: 'r' }, ['c'], { id: 't3', createdAt: '2026-12-04T11:00:00.000Z' }),
    thread({ kind: 'table', tableId: 'tbl_gone', label: 'old_table' }, ['d'], { id: 't4', createdAt: '2026-12-04T12:00:00.000Z' }),
    thread({ kind: 'section', slug: 'security', label: 'Security' }, ['e'], { id: 't5', resolved: true }),
  ];

  it('groups by element (newest group first, orphaned last) and filters open/resolved', () => {
    const groups = groupThreads(threads, shop(), 'open');
    expect(groups.map((g) => [g.label, g.orphaned, g.threads.map((t) => t.id)])).toEqual([
      ['orders(customer_id) → customers(id)', false, ['t3']],
      ['orders.customer_id', false, ['t2', 't1']],
      ['old_table', true, ['t4']],
    ]);
    expect(groupThreads(threads, shop(), 'resolved').map((g) => g.label)).toEqual(['Security']);
  });

  it('counts open threads per table (relationships on the referencing table) and per section', () => {
    expect(Object.fromEntries(openCountsByTable(threads, shop()))).toEqual({ tbl_orders: 3, tbl_gone: 1 });
    expect(openCountsBySection(threads).size).toBe(0);
    expect(Object.fromEntries(openCountsBySection([{ ...threads[4], resolved: false }]))).toEqual({ security: 1 });
  });
});

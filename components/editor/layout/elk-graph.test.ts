/** The layout graph and a real ELK run in Node (the same elkjs the worker loads). */
import { describe, expect, it } from 'vitest';
import ELK from 'elkjs/lib/elk.bundled.js';
import { commandsFixture } from '@/lib/model/commands/test-fixture';
import { TABLE_WIDTH, tableHeight } from '../flow/geometry';
import { buildElkGraph, layoutOrigin, positionsFromElk, scopeTableIds } from './elk-graph';

describe('elk graph', () => {
  it('tables as fixed-size nodes, one edge per referencing table pair, no self loops', () => {
    const doc = commandsFixture();
    const g = buildElkGraph(doc, scopeTableIds(doc, { kind: 'all' }));
    expect(g.children!.map((c) => [c.id, c.width, c.height])).toEqual([
      ['t_users', TABLE_WIDTH, tableHeight(4)],
      ['t_orders', TABLE_WIDTH, tableHeight(5)],
      ['t_order_items', TABLE_WIDTH, tableHeight(4)],
      ['t_products', TABLE_WIDTH, tableHeight(2)],
    ]);
    expect(g.edges!.map((e) => `${e.sources[0]}->${e.targets[0]}`)).toEqual(['t_orders->t_users', 't_order_items->t_orders', 't_order_items->t_products']);
  });

  it('scopes: an area, a selection (unknown ids dropped)', () => {
    const doc = commandsFixture();
    expect(scopeTableIds(doc, { kind: 'area', areaId: 'a_sales' })).toEqual(['t_users', 't_orders']);
    expect(scopeTableIds(doc, { kind: 'tables', tableIds: ['t_products', 't_gone'] })).toEqual(['t_products']);
    const g = buildElkGraph(doc, ['t_orders', 't_order_items']);
    expect(g.edges).toHaveLength(1);
  });

  it('a real layered layout: no overlaps, children left of the tables they reference, placed at the origin', async () => {
    const doc = commandsFixture();
    const g = buildElkGraph(doc, scopeTableIds(doc, { kind: 'all' }));
    const result = await new ELK().layout(g);
    const pos = positionsFromElk(result, { x: 100, y: 50 });
    expect(Object.keys(pos).sort()).toEqual(['t_order_items', 't_orders', 't_products', 't_users']);
    expect(Math.min(...Object.values(pos).map((p) => p.x))).toBe(100);
    expect(Math.min(...Object.values(pos).map((p) => p.y))).toBe(50);
    expect(pos.t_order_items.x).toBeLessThan(pos.t_orders.x);
    expect(pos.t_orders.x).toBeLessThan(pos.t_users.x);
    const boxes = Object.entries(pos).map(([id, p]) => ({ id, x1: p.x, y1: p.y, x2: p.x + TABLE_WIDTH, y2: p.y + tableHeight(doc.tables[id].columns.length) }));
    for (const a of boxes) for (const b of boxes) if (a.id < b.id) expect(a.x2 <= b.x1 || b.x2 <= a.x1 || a.y2 <= b.y1 || b.y2 <= a.y1).toBe(true);
  });

  it('layoutOrigin is the top-left of the current positions of the scope', () => {
    expect(layoutOrigin({ a: { x: 10, y: 90 }, b: { x: -5, y: 100 }, c: { x: -100, y: -100 } }, ['a', 'b'])).toEqual({ x: -5, y: 90 });
    expect(layoutOrigin({}, ['a'])).toEqual({ x: 0, y: 0 });
  });
});

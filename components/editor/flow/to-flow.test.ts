/**
 * toFlow: nodes and table boxes derived from the document, with object identity kept for everything
 * an edit did not touch (that is what keeps React Flow re-rendering one node per edit).
 */
import { describe, expect, it } from 'vitest';
import { applyCommand } from '@/lib/model/commands/apply';
import { commandsFixture } from '@/lib/model/commands/test-fixture';
import { createFlowDeriver, fallbackPositions, type FlowInput } from './to-flow';
import { HEADER_HEIGHT, ROW_HEIGHT, TABLE_WIDTH, handleId, parseHandleId, tableHeight } from './geometry';

const input = (over: Partial<FlowInput> = {}): FlowInput => ({ doc: commandsFixture(), selection: { kind: 'none' }, dragPositions: {}, ...over });

describe('toFlow', () => {
  it('one node per table with declared size and one handle per column side', () => {
    const flow = createFlowDeriver()(input());
    const users = flow.nodes.find((n) => n.id === 't_users')!;
    expect(users).toMatchObject({ type: 'table', position: { x: 0, y: 0 }, width: TABLE_WIDTH, height: tableHeight(4), data: {} });
    expect(users.handles).toHaveLength(8);
    expect(users.handles![2]).toMatchObject({ id: 'c_users_email:l', type: 'source', x: -4, y: HEADER_HEIGHT + ROW_HEIGHT + (ROW_HEIGHT - 8) / 2 });
    expect(users.handles![3]).toMatchObject({ id: 'c_users_email:r', x: TABLE_WIDTH - 4 });
    // a table without a stored position goes on the fallback grid, below the placed tables
    expect(flow.nodes.find((n) => n.id === 't_order_items')!.position).toEqual({ x: 0, y: tableHeight(5) + 100 });
    expect(flow.nodes.filter((n) => n.type === 'table')).toHaveLength(4);
    expect(flow.nodes.filter((n) => n.type === 'note').map((n) => [n.id, n.position, n.width])).toEqual([['n_1', { x: 0, y: 300 }, 200]]);
  });

  it('an edit to one table makes one new node object; the others are the same objects', () => {
    const toFlow = createFlowDeriver();
    const doc = commandsFixture();
    const first = toFlow(input({ doc }));
    const next = applyCommand(doc, { type: 'column.update', tableId: 't_products', columnId: 'c_products_sku', changes: { name: 'code' } }).doc;
    const second = toFlow(input({ doc: next }));
    const changed = second.nodes.filter((n, i) => n !== first.nodes[i]).map((n) => n.id);
    expect(changed).toEqual(['t_products']);
  });

  it('a drag moves only the dragged node (and the frame of its area)', () => {
    const toFlow = createFlowDeriver();
    const doc = commandsFixture();
    const first = toFlow(input({ doc }));
    const second = toFlow(input({ doc, dragPositions: { t_orders: { x: -600, y: 0 } } }));
    // orders is in the Sales area, so the area's frame follows it; nothing else changes
    expect(second.nodes.filter((n, i) => n !== first.nodes[i]).map((n) => n.id)).toEqual(['a_sales', 't_orders']);
    expect(second.nodes.find((n) => n.id === 't_orders')!.position).toEqual({ x: -600, y: 0 });
    expect(second.boxes.get('t_orders')).toMatchObject({ x: -600, y: 0 });
  });

  it('selection marks nodes; a selected column marks its table', () => {
    const toFlow = createFlowDeriver();
    const a = toFlow(input({ selection: { kind: 'tables', tableIds: ['t_users', 't_orders'] } }));
    expect(a.nodes.filter((n) => n.selected).map((n) => n.id).sort()).toEqual(['t_orders', 't_users']);
    const b = toFlow(input({ selection: { kind: 'column', tableId: 't_products', columnId: 'c_products_sku' } }));
    expect(b.nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['t_products']);
  });

  it('areas are frames around their tables, drawn first; showing one area hides the rest', () => {
    const toFlow = createFlowDeriver();
    const all = toFlow(input());
    expect(all.nodes[0]).toMatchObject({ id: 'a_sales', type: 'area', zIndex: -1, draggable: true, data: { name: 'Sales', color: '#1e90ff' } });
    // users at (0,0) and orders at (400,0): the frame spans both plus padding and the label
    expect(all.nodes[0].position).toEqual({ x: -30, y: -58 });
    expect(all.nodes[0].width).toBe(400 + TABLE_WIDTH + 60);
    const focused = toFlow(input({ focusAreaId: 'a_sales' }));
    expect(focused.nodes.filter((n) => n.type === 'table').map((n) => n.id)).toEqual(['t_users', 't_orders']);
    expect(focused.nodes.some((n) => n.type === 'note')).toBe(false);
    expect([...focused.boxes.keys()]).toEqual(['t_users', 't_orders']);
  });

  it('the fallback grid: 12 per row, rows as tall as their tallest table, no overlaps', () => {
    const doc = commandsFixture();
    doc.layout.tables = {};
    for (let i = 0; i < 30; i++) doc.tables[`t${i}`] = { ...doc.tables.t_products, id: `t${i}`, name: `t${i}`, columns: doc.tables.t_orders.columns.slice(0, 1 + (i % 5)) };
    const grid = fallbackPositions(doc);
    expect(grid.size).toBe(34);
    expect(grid.get('t_users')).toEqual({ x: 0, y: 0 });
    expect(grid.get('t_orders')).toEqual({ x: TABLE_WIDTH + 80, y: 0 });
    const boxes = [...grid].map(([id, p]) => ({ id, ...p, h: tableHeight(doc.tables[id].columns.length) }));
    for (const a of boxes) for (const b of boxes) if (a.id < b.id) expect(a.x + TABLE_WIDTH <= b.x || b.x + TABLE_WIDTH <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y).toBe(true);
    expect(fallbackPositions(doc)).toBe(grid); // memoized per tables record
  });

  it('a collapsed table declares its key rows only: the primary key and the columns relationships attach to', () => {
    const doc = commandsFixture();
    doc.layout.tables.t_users = { x: 0, y: 0, collapsed: true };
    const flow = createFlowDeriver()(input({ doc }));
    const users = flow.nodes.find((n) => n.id === 't_users')!;
    // id (PK, referenced), manager_id (FK); email and name are hidden
    expect(flow.boxes.get('t_users')!.shape.rowIds).toEqual(['c_users_id', 'c_users_manager_id']);
    expect(users.height).toBe(tableHeight(2));
    expect(users.handles!.map((h) => h.id)).toEqual(['c_users_id:l', 'c_users_id:r', 'c_users_manager_id:l', 'c_users_manager_id:r']);
  });

  it('handle ids round-trip, including column ids that contain colons', () => {
    expect(parseHandleId(handleId('c:1', 'l'))).toEqual({ columnId: 'c:1', side: 'l' });
    expect(parseHandleId('nope')).toBeUndefined();
    expect(parseHandleId('x:q')).toBeUndefined();
  });
});

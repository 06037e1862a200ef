/**
 * Relationship lines: every column pair ends on its rows, on the facing sides, whatever the zoom or
 * which nodes are mounted; identity is kept for lines a change did not touch; culling keeps every
 * line with a table in the view.
 */
import { describe, expect, it } from 'vitest';
import { applyCommand } from '@/lib/model/commands/apply';
import { commandsFixture } from '@/lib/model/commands/test-fixture';
import { createFlowDeriver, type FlowInput } from './to-flow';
import { HEADER_HEIGHT, ROW_HEIGHT, TABLE_WIDTH } from './geometry';
import { createLineDeriver, linesTouching, overviewSegment } from './relationship-lines';

const flowOf = (over: Partial<FlowInput> = {}) => createFlowDeriver()({ doc: commandsFixture(), selection: { kind: 'none' }, dragPositions: {}, ...over });
const rowY = (tableY: number, row: number) => tableY + HEADER_HEIGHT + row * ROW_HEIGHT + ROW_HEIGHT / 2;

describe('relationship lines', () => {
  it('go from the FK row to the referenced row on the facing sides, with crow\'s-foot ends', () => {
    const doc = commandsFixture();
    const { boxes } = flowOf({ doc });
    const lines = createLineDeriver()(doc, boxes);
    expect(lines.map((l) => l.id).sort()).toEqual(['r_items_orders', 'r_items_products', 'r_orders_users', 'r_users_manager']);
    const ou = lines.find((l) => l.id === 'r_orders_users')!;
    // orders (x=400) references users (x=0): leave orders on its left side, enter users on its right
    expect(ou.pairs).toEqual([
      { fromColumnId: 'c_orders_user_id', toColumnId: 'c_users_id', sx: 400, sy: rowY(0, 2), sourceSide: 'l', tx: TABLE_WIDTH, ty: rowY(0, 0), targetSide: 'r' },
    ]);
    // user_id is NOT NULL and not unique: many orders per user, exactly one user per order
    expect([ou.childEnd, ou.parentEnd]).toEqual(['zero-or-many', 'exactly-one']);
    const self = lines.find((l) => l.id === 'r_users_manager')!;
    expect(self.pairs[0]).toMatchObject({ sourceSide: 'r', targetSide: 'r', sx: TABLE_WIDTH, tx: TABLE_WIDTH });
    expect(self.parentEnd).toBe('zero-or-one');
  });

  it('a composite foreign key connects every column pair to its own rows', () => {
    const doc = commandsFixture();
    const { boxes } = flowOf({ doc });
    const line = createLineDeriver()(doc, boxes).find((l) => l.id === 'r_items_orders')!;
    const items = boxes.get('t_order_items')!;
    const orders = boxes.get('t_orders')!;
    expect(line.pairs).toHaveLength(2);
    expect(line.pairs.map((p) => [p.sy - items.y, p.ty - orders.y])).toEqual([
      [rowY(0, 0), rowY(0, 0)], // order_id -> orders.id
      [rowY(0, 1), rowY(0, 1)], // order_created_at -> orders.created_at (2nd column)
    ]);
  });

  it('lines attach to the rows a collapsed table still shows', () => {
    const doc = commandsFixture();
    doc.layout.tables.t_users = { x: 0, y: 0, collapsed: true };
    const { boxes } = flowOf({ doc });
    const line = createLineDeriver()(doc, boxes).find((l) => l.id === 'r_users_manager')!;
    expect([line.pairs[0].sy, line.pairs[0].ty]).toEqual([rowY(0, 1), rowY(0, 0)]);
  });

  it('keeps line objects a change did not touch; a drag re-makes the dragged table\'s lines only', () => {
    const doc = commandsFixture();
    const derive = createLineDeriver();
    const deriveFlow = createFlowDeriver();
    const before = derive(doc, deriveFlow({ doc, selection: { kind: 'none' }, dragPositions: {} }).boxes);
    const dragged = derive(doc, deriveFlow({ doc, selection: { kind: 'none' }, dragPositions: { t_products: { x: 900, y: 300 } } }).boxes);
    expect(dragged.filter((l, i) => l !== before[i]).map((l) => l.id)).toEqual(['r_items_products']);
    const renamed = applyCommand(doc, { type: 'column.update', tableId: 't_products', columnId: 'c_products_sku', changes: { name: 'code' } }).doc;
    const after = derive(renamed, deriveFlow({ doc: renamed, selection: { kind: 'none' }, dragPositions: {} }).boxes);
    expect(after.filter((l, i) => l !== before[i]).map((l) => l.id)).toEqual(['r_items_products']);
  });

  it('culling keeps every line with at least one table in the view', () => {
    const doc = commandsFixture();
    const { boxes } = flowOf({ doc });
    const lines = createLineDeriver()(doc, boxes);
    // a view over products only (x 800..1060): its one relationship, even though order_items is elsewhere
    const view = { x1: 790, y1: -10, x2: 1100, y2: 100 };
    expect(linesTouching(lines, boxes, view).map((l) => l.id)).toEqual(['r_items_products']);
    expect(linesTouching(lines, boxes, { x1: 5000, y1: 5000, x2: 6000, y2: 6000 })).toEqual([]);
  });

  it('the overview form is one straight segment per relationship between the facing sides', () => {
    const doc = commandsFixture();
    const { boxes } = flowOf({ doc });
    const lines = createLineDeriver()(doc, boxes);
    const mid = (id: string) => Math.round(boxes.get(id)!.shape.height / 2);
    // from orders' left side to users' right side, at mid-height
    expect(overviewSegment(lines.find((l) => l.id === 'r_orders_users')!, boxes)).toBe(`M400 ${mid('t_orders')}L${TABLE_WIDTH} ${mid('t_users')}`);
    expect(overviewSegment(lines.find((l) => l.id === 'r_users_manager')!, boxes)).toMatch(/^M260 \d+h40v32h-40$/);
  });
});

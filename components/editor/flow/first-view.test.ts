/** The first view always shows tables: remembered if it still does, fit, or the densest region. */
import { describe, expect, it } from 'vitest';
import { tableShape } from './geometry';
import { densestView, FIT_MAX_TABLES, firstView, READABLE_ZOOM, tablesInView } from './first-view';
import type { TableBox } from './to-flow';
import { commandsFixture } from '@/lib/model/commands/test-fixture';

const shape = tableShape(commandsFixture(), commandsFixture().tables.t_users);
const grid = (n: number, perRow: number, gap = 400, origin = { x: 0, y: 0 }) => {
  const boxes = new Map<string, TableBox>();
  for (let i = 0; i < n; i++) boxes.set(`t${i}`, { x: origin.x + (i % perRow) * gap, y: origin.y + Math.floor(i / perRow) * gap, shape });
  return boxes;
};

describe('firstView', () => {
  it('fits a small schema, centred, never above zoom 1', () => {
    const boxes = grid(4, 2);
    const v = firstView({ boxes, width: 1600, height: 1000 });
    expect(v.zoom).toBeLessThanOrEqual(1);
    expect(tablesInView(boxes, v, 1600, 1000)).toBe(4);
  });

  it('restores a remembered view only when it shows a table', () => {
    const boxes = grid(4, 2);
    const shows = { x: 0, y: 0, zoom: 1 };
    expect(firstView({ boxes, width: 1600, height: 1000, remembered: shows })).toBe(shows);
    const empty = { x: -90_000, y: -90_000, zoom: 1 };
    const v = firstView({ boxes, width: 1600, height: 1000, remembered: empty });
    expect(v).not.toBe(empty);
    expect(tablesInView(boxes, v, 1600, 1000)).toBe(4);
  });

  it('a schema far from the origin is found (an import placed at x=50,000)', () => {
    const boxes = grid(20, 5, 400, { x: 50_000, y: -20_000 });
    const v = firstView({ boxes, width: 1280, height: 800 });
    expect(tablesInView(boxes, v, 1280, 800)).toBe(20);
  });

  it('a large schema opens on its densest region at a readable zoom, with tables in view', () => {
    const boxes = grid(FIT_MAX_TABLES + 600, 40);
    // a dense cluster far away: 60 tables packed closely
    for (const [id, b] of grid(60, 10, 280, { x: 100_000, y: 100_000 })) boxes.set(`dense_${id}`, b);
    const v = firstView({ boxes, width: 1280, height: 800 });
    expect(v.zoom).toBe(READABLE_ZOOM);
    const inView = tablesInView(boxes, v, 1280, 800);
    expect(inView).toBeGreaterThan(10);
    expect(v.x).toBeLessThan(-100_000 * READABLE_ZOOM + 1280); // it is the dense cluster
  });

  it('densestView on an even grid still shows a screenful of tables', () => {
    const boxes = grid(5000, 70);
    const v = densestView(boxes, 1280, 800, READABLE_ZOOM);
    expect(tablesInView(boxes, v, 1280, 800)).toBeGreaterThanOrEqual(6);
  });

  it('an empty schema gets a default view', () => {
    expect(firstView({ boxes: new Map(), width: 800, height: 600 })).toEqual({ x: 40, y: 40, zoom: 0.9 });
  });
});

import { describe, expect, it } from 'vitest';
import { commandsFixture } from '@/lib/model/commands/test-fixture';
import { tableShape } from './geometry';
import { freeSpot } from './free-spot';
import type { TableBox } from './to-flow';

const shape = tableShape(commandsFixture(), commandsFixture().tables.t_users);
const size = { width: shape.width, height: shape.height };
const clear = (p: { x: number; y: number }, boxes: TableBox[]) =>
  boxes.every((b) => p.x >= b.x + b.shape.width + 40 || p.x + size.width + 40 <= b.x || p.y >= b.y + b.shape.height + 40 || p.y + size.height + 40 <= b.y);

describe('freeSpot', () => {
  it('keeps the wanted spot when it is free', () => {
    expect(freeSpot([], { x: 10, y: 20 }, size)).toEqual({ x: 10, y: 20 });
  });

  it('ten tables added at the view centre never overlap one another and stay near it', () => {
    const boxes: TableBox[] = [{ x: 0, y: 0, shape }];
    for (let i = 0; i < 10; i++) {
      const p = freeSpot(boxes, { x: 0, y: 0 }, size);
      expect(clear(p, boxes)).toBe(true);
      expect(Math.hypot(p.x, p.y)).toBeLessThan(1500);
      boxes.push({ ...p, shape });
    }
  });

  it('inside the view when the wanted spot is outside it (beside a table at the view\'s edge)', () => {
    const boxes: TableBox[] = [{ x: 0, y: 0, shape }];
    const view = { x1: -600, y1: -400, x2: 400, y2: 400 };
    const p = freeSpot(boxes, { x: 900, y: 0 }, size, view);
    expect(p.x).toBeGreaterThanOrEqual(view.x1);
    expect(p.x + size.width).toBeLessThanOrEqual(view.x2);
    expect(clear(p, boxes)).toBe(true);
  });

  it('beside a selected table: the spot to its right when free', () => {
    const boxes: TableBox[] = [{ x: 0, y: 0, shape }];
    expect(freeSpot(boxes, { x: shape.width + 80, y: 0 }, size)).toEqual({ x: shape.width + 80, y: 0 });
  });
});

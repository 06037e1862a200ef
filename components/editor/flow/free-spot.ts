/**
 * Where a new table goes: the nearest spot to the one wanted (the view's centre, next to the selected
 * table, or where the user double-clicked) whose box, with a gap around it, overlaps no table. Spots
 * are tried ring by ring on a half-table grid, nearest first, so a table lands in free space beside
 * the others instead of on top of them.
 */
import type { TableBox } from './to-flow';

export interface Size {
  width: number;
  height: number;
}

const overlaps = (x: number, y: number, size: Size, gap: number, b: TableBox) =>
  x < b.x + b.shape.width + gap && x + size.width + gap > b.x && y < b.y + b.shape.height + gap && y + size.height + gap > b.y;

/**
 * `view` (flow coordinates), when given, is where the user is looking: a spot inside it is preferred
 * to a nearer one outside it (a table placed under the inspector is a table the user cannot see).
 */
export function freeSpot(
  boxes: readonly TableBox[],
  want: { x: number; y: number },
  size: Size,
  view?: { x1: number; y1: number; x2: number; y2: number },
  gap = 40,
  maxRings = 40,
): { x: number; y: number } {
  const stepX = Math.round((size.width + gap) / 2);
  const stepY = Math.round((size.height + gap) / 2);
  const free = (x: number, y: number) => !boxes.some((b) => overlaps(x, y, size, gap, b));
  const inView = (x: number, y: number) => !view || (x >= view.x1 && y >= view.y1 && x + size.width <= view.x2 && y + size.height <= view.y2);
  if (view && !inView(want.x, want.y)) {
    // Wanted outside the view (beside a table at its edge): look from the view's centre instead.
    const centre = { x: Math.round((view.x1 + view.x2 - size.width) / 2), y: Math.round((view.y1 + view.y2 - size.height) / 2) };
    if (inView(centre.x, centre.y)) return freeSpot(boxes, centre, size, view, gap, maxRings);
  }
  if (free(want.x, want.y)) return want;
  let outside: { x: number; y: number } | undefined;
  for (let r = 1; r <= maxRings; r++) {
    const ring: { x: number; y: number; d: number }[] = [];
    for (let i = -r; i <= r; i++) {
      for (let j = -r; j <= r; j++) {
        if (Math.max(Math.abs(i), Math.abs(j)) !== r) continue;
        const x = want.x + i * stepX;
        const y = want.y + j * stepY;
        ring.push({ x, y, d: Math.hypot(i * stepX, j * stepY) });
      }
    }
    ring.sort((a, b) => a.d - b.d);
    for (const c of ring) {
      if (!free(c.x, c.y)) continue;
      if (inView(c.x, c.y)) return { x: c.x, y: c.y };
      outside ??= { x: c.x, y: c.y };
    }
  }
  return outside ?? want;
}

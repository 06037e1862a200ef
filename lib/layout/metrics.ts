/**
 * How readable a layout is, in numbers: the picture's aspect ratio and how much of a screen it fills
 * when fitted, total edge length, edge crossings and node overlaps. Crossings and overlaps use a
 * uniform grid, so 10,000 edges are counted in well under a second.
 */
import type { Point } from './types';

export interface MetricNode {
  id: string;
  width: number;
  height: number;
}

export interface LayoutMetrics {
  width: number;
  height: number;
  aspect: number;
  /** Share of the screen the picture covers when fitted to it (1 = same shape as the screen). */
  screenFill: number;
  /** Sum of centre-to-centre distances of the drawn edges (one per node pair). */
  edgeLength: number;
  /** Pairs of edges whose straight segments (between the tables' facing sides) cross. */
  crossings: number;
  /** Pairs of nodes whose boxes overlap. */
  overlaps: number;
}

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export function measureLayout(
  nodes: readonly MetricNode[],
  edges: ReadonlyArray<{ source: string; target: string }>,
  positions: Readonly<Record<string, Point>>,
  screenAspect = 16 / 10,
): LayoutMetrics {
  const rects = new Map<string, Rect>();
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    const p = positions[n.id];
    if (!p) throw new Error(`node "${n.id}" was not placed`);
    rects.set(n.id, { x: p.x, y: p.y, w: n.width, h: n.height });
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + n.width);
    maxY = Math.max(maxY, p.y + n.height);
  }
  const width = nodes.length ? maxX - minX : 0;
  const height = nodes.length ? maxY - minY : 0;
  const aspect = height > 0 ? width / height : 1;
  const screenFill = Math.min(aspect / screenAspect, screenAspect / aspect);

  // One segment per node pair, as the canvas draws one line per relationship but they coincide.
  const segments: Array<[number, number, number, number, string, string]> = [];
  const seen = new Set<string>();
  let edgeLength = 0;
  for (const e of edges) {
    const a = rects.get(e.source);
    const b = rects.get(e.target);
    if (!a || !b || e.source === e.target) continue;
    const key = e.source < e.target ? `${e.source}\u0000${e.target}` : `${e.target}\u0000${e.source}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const ax = a.x + a.w / 2;
    const ay = a.y + a.h / 2;
    const bx = b.x + b.w / 2;
    const by = b.y + b.h / 2;
    edgeLength += Math.hypot(bx - ax, by - ay);
    // The canvas attaches an edge to the sides of the two tables that face each other.
    const [sx, tx] = ax <= bx ? [a.x + a.w, b.x] : [a.x, b.x + b.w];
    segments.push([sx, ay, tx, by, e.source, e.target]);
  }
  return { width, height, aspect, screenFill, edgeLength, crossings: countCrossings(segments), overlaps: countOverlaps([...rects.values()]) };
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  const v = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
  return v > 1e-9 ? 1 : v < -1e-9 ? -1 : 0;
}

/** Proper crossings only: segments that share a table, or merely touch, do not count. */
type Segment = readonly [number, number, number, number, string, string];

function crosses(s: Segment, t: Segment): boolean {
  const [ax, ay, bx, by] = s;
  const [cx, cy, dx, dy] = t;
  return orient(ax, ay, bx, by, cx, cy) * orient(ax, ay, bx, by, dx, dy) < 0 && orient(cx, cy, dx, dy, ax, ay) * orient(cx, cy, dx, dy, bx, by) < 0;
}

function countCrossings(segments: ReadonlyArray<[number, number, number, number, string, string]>): number {
  if (segments.length < 2) return 0;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [ax, ay, bx, by] of segments) {
    minX = Math.min(minX, ax, bx);
    maxX = Math.max(maxX, ax, bx);
    minY = Math.min(minY, ay, by);
    maxY = Math.max(maxY, ay, by);
  }
  // About 4 cells per segment; each segment is registered in every cell it passes through.
  const side = Math.ceil(Math.sqrt(segments.length * 4));
  const cw = Math.max(1e-6, (maxX - minX) / side);
  const ch = Math.max(1e-6, (maxY - minY) / side);
  const col = (x: number) => Math.max(0, Math.min(side - 1, Math.floor((x - minX) / cw)));
  const row = (y: number) => Math.max(0, Math.min(side - 1, Math.floor((y - minY) / ch)));
  const cells = new Map<number, number[]>();
  const register = (c: number, r: number, i: number) => {
    const key = r * side + c;
    const list = cells.get(key);
    if (!list) cells.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  segments.forEach(([ax, ay, bx, by], i) => {
    // Grid traversal (Amanatides & Woo): the cells a straight segment crosses, in order.
    let c = col(ax);
    let r = row(ay);
    const c1 = col(bx);
    const r1 = row(by);
    const dx = bx - ax;
    const dy = by - ay;
    const stepC = dx > 0 ? 1 : -1;
    const stepR = dy > 0 ? 1 : -1;
    let tMaxX = dx === 0 ? Infinity : ((stepC > 0 ? (c + 1) * cw : c * cw) + minX - ax) / dx;
    let tMaxY = dy === 0 ? Infinity : ((stepR > 0 ? (r + 1) * ch : r * ch) + minY - ay) / dy;
    const tDeltaX = dx === 0 ? Infinity : cw / Math.abs(dx);
    const tDeltaY = dy === 0 ? Infinity : ch / Math.abs(dy);
    register(c, r, i);
    for (let guard = Math.abs(c1 - c) + Math.abs(r1 - r) + 2; (c !== c1 || r !== r1) && guard > 0; guard--) {
      if (tMaxX < tMaxY ? c !== c1 : r === r1) {
        c += stepC;
        tMaxX += tDeltaX;
      } else {
        r += stepR;
        tMaxY += tDeltaY;
      }
      register(c, r, i);
    }
  });
  // A pair meeting in several cells is counted once.
  const crossing = new Set<number>();
  const n = segments.length;
  for (const list of cells.values()) {
    for (let a = 0; a < list.length; a++) {
      const s = segments[list[a]];
      for (let b = a + 1; b < list.length; b++) {
        const t = segments[list[b]];
        if (s[4] === t[4] || s[4] === t[5] || s[5] === t[4] || s[5] === t[5]) continue;
        if (crosses(s, t)) crossing.add(Math.min(list[a], list[b]) * n + Math.max(list[a], list[b]));
      }
    }
  }
  return crossing.size;
}

function countOverlaps(rects: Rect[]): number {
  const byX = [...rects].sort((a, b) => a.x - b.x);
  let overlaps = 0;
  for (let i = 0; i < byX.length; i++) {
    const a = byX[i];
    for (let j = i + 1; j < byX.length && byX[j].x < a.x + a.w; j++) {
      const b = byX[j];
      if (b.y < a.y + a.h && a.y < b.y + b.h) overlaps++;
    }
  }
  return overlaps;
}

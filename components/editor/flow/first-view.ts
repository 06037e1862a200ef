/**
 * The view a project opens at. It always shows tables: the remembered view when it still shows at
 * least one table, else the whole schema when that fits at a zoom where the names can be read and
 * few enough nodes mount at once, else the densest part of the schema at a readable zoom.
 */
import { boxIntersects, type Rect } from './relationship-lines';
import type { TableBox } from './to-flow';

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export interface FirstViewInput {
  boxes: ReadonlyMap<string, TableBox>;
  /** The canvas size in screen pixels. */
  width: number;
  height: number;
  remembered?: Viewport;
}

/** Fit everything only down to this zoom, and only this many tables (each would mount a node). */
export const FIT_MIN_ZOOM = 0.12;
export const FIT_MAX_TABLES = 400;
/** The zoom of the densest-region view: full detail, a few dozen tables on a laptop screen. */
export const READABLE_ZOOM = 0.6;
const PADDING = 0.08;

export function viewRect(v: Viewport, width: number, height: number): Rect {
  return { x1: -v.x / v.zoom, y1: -v.y / v.zoom, x2: (width - v.x) / v.zoom, y2: (height - v.y) / v.zoom };
}

export function tablesInView(boxes: ReadonlyMap<string, TableBox>, v: Viewport, width: number, height: number): number {
  const r = viewRect(v, width, height);
  let n = 0;
  for (const b of boxes.values()) if (boxIntersects(b, r)) n++;
  return n;
}

export function boundsOf(boxes: Iterable<TableBox>): Rect | undefined {
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const b of boxes) {
    x1 = Math.min(x1, b.x);
    y1 = Math.min(y1, b.y);
    x2 = Math.max(x2, b.x + b.shape.width);
    y2 = Math.max(y2, b.y + b.shape.height);
  }
  return x1 === Infinity ? undefined : { x1, y1, x2, y2 };
}

/** The viewport that shows `r` centred, at most at `maxZoom`. */
export function fitRect(r: Rect, width: number, height: number, maxZoom = 1): Viewport {
  const w = (r.x2 - r.x1) * (1 + 2 * PADDING) || 1;
  const h = (r.y2 - r.y1) * (1 + 2 * PADDING) || 1;
  const zoom = Math.min(maxZoom, width / w, height / h);
  return centreOn((r.x1 + r.x2) / 2, (r.y1 + r.y2) / 2, zoom, width, height);
}

function centreOn(cx: number, cy: number, zoom: number, width: number, height: number): Viewport {
  return { x: Math.round(width / 2 - cx * zoom), y: Math.round(height / 2 - cy * zoom), zoom };
}

export function firstView({ boxes, width, height, remembered }: FirstViewInput): Viewport {
  if (remembered && tablesInView(boxes, remembered, width, height) > 0) return remembered;
  const bounds = boundsOf(boxes.values());
  if (!bounds) return { x: 40, y: 40, zoom: 0.9 };
  const fit = fitRect(bounds, width, height);
  if (boxes.size <= FIT_MAX_TABLES && fit.zoom >= FIT_MIN_ZOOM) return fit;
  return densestView(boxes, width, height, READABLE_ZOOM);
}

/**
 * Centre on the screen-sized window (at `zoom`) holding the most tables: table centres are counted
 * in cells of half a window, the best 2x2 block of cells wins, and the view centres on the mean of
 * the tables in it. Linear in the number of tables.
 */
export function densestView(boxes: ReadonlyMap<string, TableBox>, width: number, height: number, zoom: number): Viewport {
  const cw = width / zoom / 2;
  const ch = height / zoom / 2;
  const cells = new Map<string, { n: number; sx: number; sy: number }>();
  for (const b of boxes.values()) {
    const cx = b.x + b.shape.width / 2;
    const cy = b.y + b.shape.height / 2;
    const key = `${Math.floor(cx / cw)},${Math.floor(cy / ch)}`;
    const c = cells.get(key) ?? { n: 0, sx: 0, sy: 0 };
    c.n++;
    c.sx += cx;
    c.sy += cy;
    cells.set(key, c);
  }
  let best = { n: 0, sx: 0, sy: 0 };
  for (const key of cells.keys()) {
    const [i, j] = key.split(',').map(Number);
    const block = { n: 0, sx: 0, sy: 0 };
    for (const [di, dj] of [[0, 0], [1, 0], [0, 1], [1, 1]]) {
      const c = cells.get(`${i + di},${j + dj}`);
      if (!c) continue;
      block.n += c.n;
      block.sx += c.sx;
      block.sy += c.sy;
    }
    if (block.n > best.n) best = block;
  }
  return centreOn(best.sx / best.n, best.sy / best.n, zoom, width, height);
}

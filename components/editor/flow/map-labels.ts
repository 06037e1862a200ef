/**
 * Table names on the zoomed-out map, placed as a map places city names: every name is drawn at a
 * fixed size on screen (so it stays readable however far out the view is), centred on its table;
 * a name that fits inside its table's box is always shown (boxes never overlap), a longer one only
 * where it covers no name already placed — the best-connected tables first, so the hubs of the
 * schema keep their names longest. Pure; linear in the tables plus a grid lookup per label.
 */
import type { TableBox } from './to-flow';

export interface MapLabel {
  tableId: string;
  text: string;
  /** Centre, flow coordinates. */
  x: number;
  y: number;
}

export interface LabelInput {
  boxes: ReadonlyMap<string, TableBox>;
  names: ReadonlyMap<string, string>;
  /** How many relationships touch each table: the order in which names claim space. */
  degree: ReadonlyMap<string, number>;
  zoom: number;
  /** Screen pixels. */
  fontPx: number;
  /** Width of `text` at 1 px font size (the page measures it; tests pass an estimate). */
  measure: (text: string) => number;
}

const PAD = 0.35; // in font heights, around a name that must not collide
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function placeMapLabels({ boxes, names, degree, zoom, fontPx, measure }: LabelInput): MapLabel[] {
  const font = fontPx / zoom; // flow units
  const lineH = font * 1.25;
  // Plain comparison, not localeCompare: the order only has to be stable (~10x cheaper at 1,000).
  const order = [...boxes.keys()].sort((a, b) => (degree.get(b) ?? 0) - (degree.get(a) ?? 0) || cmp(names.get(a) ?? '', names.get(b) ?? '') || cmp(a, b));
  const cell = Math.max(lineH * 4, 64);
  const grid = new Map<string, { x1: number; y1: number; x2: number; y2: number }[]>();
  const keysOf = (r: { x1: number; y1: number; x2: number; y2: number }) => {
    const out: string[] = [];
    for (let i = Math.floor(r.x1 / cell); i <= Math.floor(r.x2 / cell); i++) for (let j = Math.floor(r.y1 / cell); j <= Math.floor(r.y2 / cell); j++) out.push(`${i},${j}`);
    return out;
  };
  const labels: MapLabel[] = [];
  const pending: { id: string; text: string; cx: number; cy: number; r: { x1: number; y1: number; x2: number; y2: number } }[] = [];
  for (const id of order) {
    const b = boxes.get(id)!;
    const text = names.get(id) ?? '';
    if (!text) continue;
    const w = measure(text) * font;
    const cx = b.x + b.shape.width / 2;
    const cy = b.y + Math.min(b.shape.height / 2, lineH * 1.5);
    const r = { x1: cx - w / 2 - PAD * font, y1: cy - lineH / 2 - PAD * font, x2: cx + w / 2 + PAD * font, y2: cy + lineH / 2 + PAD * font };
    if (w <= b.shape.width * 0.94 && lineH <= b.shape.height) {
      // Inside its own box: nothing else can be there.
      labels.push({ tableId: id, text, x: cx, y: cy });
      for (const k of keysOf(r)) (grid.get(k) ?? grid.set(k, []).get(k)!).push(r);
    } else {
      pending.push({ id, text, cx, cy, r });
    }
  }
  for (const p of pending) {
    const keys = keysOf(p.r);
    const hit = keys.some((k) => grid.get(k)?.some((o) => o.x1 < p.r.x2 && o.x2 > p.r.x1 && o.y1 < p.r.y2 && o.y2 > p.r.y1));
    if (hit) continue;
    labels.push({ tableId: p.id, text: p.text, x: p.cx, y: p.cy });
    for (const k of keys) (grid.get(k) ?? grid.set(k, []).get(k)!).push(p.r);
  }
  return labels;
}

/** Zoom rounded to quarter-octave steps: labels are re-placed only when the zoom moves that much. */
export function zoomStep(zoom: number): number {
  return Math.pow(2, Math.round(Math.log2(Math.max(zoom, 1e-4)) * 4) / 4);
}

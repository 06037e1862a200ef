/**
 * Two packers that aim at a target aspect ratio (width / height):
 * - columns: items cut into runs of about equal height, each run stacked as a column (tables of a
 *   force-directed embedding, singletons in a grid);
 * - shelves: blocks placed in rows, wrapped at a width chosen so the whole fits the aspect ratio.
 */

export interface Sized {
  width: number;
  height: number;
}

export interface Packed {
  x: number[];
  y: number[];
  width: number;
  height: number;
}

/** log distance of two aspect ratios: 0 when equal, the same for twice as wide as for twice as tall. */
export function aspectMiss(a: number, target: number): number {
  return Math.abs(Math.log(a / target));
}

function columnsWith(sizes: readonly Sized[], order: readonly number[], k: number, gap: number, yKey?: (i: number) => number): Packed {
  const x = new Array<number>(sizes.length).fill(0);
  const y = new Array<number>(sizes.length).fill(0);
  let total = 0;
  for (const i of order) total += sizes[i].height + gap;
  const perColumn = total / k;
  const columns: number[][] = Array.from({ length: k }, () => []);
  let cum = 0;
  for (const i of order) {
    const h = sizes[i].height + gap;
    columns[Math.min(k - 1, Math.floor((cum + h / 2) / perColumn))].push(i);
    cum += h;
  }
  let left = 0;
  let height = 0;
  for (const col of columns) {
    if (col.length === 0) continue;
    if (yKey) col.sort((a, b) => yKey(a) - yKey(b) || a - b);
    let top = 0;
    let colWidth = 0;
    for (const i of col) {
      x[i] = left;
      y[i] = top;
      top += sizes[i].height + gap;
      colWidth = Math.max(colWidth, sizes[i].width);
    }
    height = Math.max(height, top - gap);
    left += colWidth + gap;
  }
  return { x, y, width: Math.max(0, left - gap), height };
}

/**
 * Stacks `order` into columns of about equal height, with as many columns as make the picture's
 * aspect ratio closest to `aspect`. With `yKey`, each column is sorted by it (the embedding's y).
 */
export function packColumns(sizes: readonly Sized[], order: readonly number[], aspect: number, gap: number, yKey?: (i: number) => number): Packed {
  if (order.length === 0) return { x: [], y: [], width: 0, height: 0 };
  let area = 0;
  let meanWidth = 0;
  for (const i of order) {
    area += sizes[i].height + gap;
    meanWidth += sizes[i].width + gap;
  }
  meanWidth /= order.length;
  // k columns of width w and height area/k: aspect = k^2 w / area.
  const guess = Math.max(1, Math.min(order.length, Math.round(Math.sqrt((aspect * area) / meanWidth))));
  let best: Packed | undefined;
  for (const k of [guess - 1, guess, guess + 1]) {
    if (k < 1 || k > order.length) continue;
    const p = columnsWith(sizes, order, k, gap, yKey);
    if (!best || aspectMiss(p.width / p.height, aspect) < aspectMiss(best.width / best.height, aspect)) best = p;
  }
  return best!;
}

/** Rows filled in order up to `maxWidth` each. */
function greedyRows(sizes: readonly Sized[], order: readonly number[], maxWidth: number, gap: number): number[][] {
  const rows: number[][] = [];
  let row: number[] = [];
  let rowWidth = 0;
  for (const i of order) {
    const w = sizes[i].width;
    if (row.length > 0 && rowWidth + gap + w > maxWidth) {
      rows.push(row);
      row = [];
      rowWidth = 0;
    }
    rowWidth += (row.length ? gap : 0) + w;
    row.push(i);
  }
  if (row.length) rows.push(row);
  return rows;
}

/** `count` rows of about equal width, in order (no short last row). */
function balancedRows(sizes: readonly Sized[], order: readonly number[], count: number, gap: number): number[][] {
  let total = 0;
  for (const i of order) total += sizes[i].width + gap;
  const per = total / count;
  const rows: number[][] = Array.from({ length: count }, () => []);
  let cum = 0;
  for (const i of order) {
    const w = sizes[i].width + gap;
    rows[Math.min(count - 1, Math.floor((cum + w / 2) / per))].push(i);
    cum += w;
  }
  return rows.filter((r) => r.length);
}

function shelvesWith(sizes: readonly Sized[], rows: number[][], gap: number, xKey?: (i: number) => number): Packed {
  const x = new Array<number>(sizes.length).fill(0);
  const y = new Array<number>(sizes.length).fill(0);
  let top = 0;
  let width = 0;
  for (const r of rows) {
    if (xKey) r.sort((a, b) => xKey(a) - xKey(b) || a - b);
    let left = 0;
    let rowHeight = 0;
    for (const i of r) {
      x[i] = left;
      y[i] = top;
      left += sizes[i].width + gap;
      rowHeight = Math.max(rowHeight, sizes[i].height);
    }
    width = Math.max(width, left - gap);
    top += rowHeight + gap;
  }
  return { x, y, width, height: Math.max(0, top - gap) };
}

/**
 * Places blocks in rows in the given order, trying row widths from the widest block to all blocks
 * in one row, and 1 to 64 rows of equal width, keeping the picture closest to `aspect`. With `xKey`, each row is
 * sorted by it, so an order by an embedding's y then x keeps neighbours near each other.
 */
export function packShelves(sizes: readonly Sized[], order: readonly number[], aspect: number, gap: number, xKey?: (i: number) => number): Packed {
  if (order.length === 0) return { x: [], y: [], width: 0, height: 0 };
  let widest = 0;
  let sum = 0;
  for (const i of order) {
    widest = Math.max(widest, sizes[i].width);
    sum += sizes[i].width + gap;
  }
  let best: Packed | undefined;
  const consider = (rows: number[][]) => {
    const p = shelvesWith(sizes, rows, gap, xKey);
    if (!best || aspectMiss(p.width / p.height, aspect) < aspectMiss(best.width / best.height, aspect) - 1e-9) best = p;
  };
  const steps = 48;
  for (let s = 0; s <= steps; s++) consider(greedyRows(sizes, order, widest * Math.pow(Math.max(1, sum / widest), s / steps), gap));
  for (let count = 1; count <= Math.min(order.length, 64); count++) consider(balancedRows(sizes, order, count, gap));
  return best!;
}

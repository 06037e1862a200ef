/** Map names: fixed screen size, inside their box when they fit, never overlapping, hubs first. */
import { describe, expect, it } from 'vitest';
import { commandsFixture } from '@/lib/model/commands/test-fixture';
import { tableShape } from './geometry';
import { placeMapLabels, zoomStep } from './map-labels';
import type { TableBox } from './to-flow';

const shape = tableShape(commandsFixture(), commandsFixture().tables.t_users); // 260 x 130
const measure = (t: string) => t.length * 0.6;

function gridBoxes(n: number, perRow: number, gap: number) {
  const boxes = new Map<string, TableBox>();
  const names = new Map<string, string>();
  for (let i = 0; i < n; i++) {
    boxes.set(`t${i}`, { x: (i % perRow) * gap, y: Math.floor(i / perRow) * gap, shape });
    names.set(`t${i}`, `customer_invoice_line_${i}`);
  }
  return { boxes, names };
}

function overlaps(labels: ReturnType<typeof placeMapLabels>, font: number) {
  const rects = labels.map((l) => ({ x1: l.x - (measure(l.text) * font) / 2, x2: l.x + (measure(l.text) * font) / 2, y1: l.y - font * 0.62, y2: l.y + font * 0.62 }));
  let n = 0;
  for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) if (rects[i].x1 < rects[j].x2 && rects[j].x1 < rects[i].x2 && rects[i].y1 < rects[j].y2 && rects[j].y1 < rects[i].y2) n++;
  return n;
}

describe('placeMapLabels', () => {
  it('names that fit inside their box are all shown', () => {
    const { boxes, names } = gridBoxes(50, 10, 400);
    // at zoom 0.4 an 11 px name is 27.5 flow px high; 25 chars * 0.6 * 27.5 = 412 > 260: does not fit
    // at zoom 0.9 it is 12.2 px high and 183 wide: fits
    const labels = placeMapLabels({ boxes, names, degree: new Map(), zoom: 0.9, fontPx: 11, measure });
    expect(labels).toHaveLength(50);
    expect(labels[0]).toMatchObject({ tableId: expect.any(String), x: expect.any(Number) });
  });

  it('names wider than their box are shown only where they overlap no other name; none overlap', () => {
    const { boxes, names } = gridBoxes(400, 20, 320);
    const zoom = 0.15;
    const labels = placeMapLabels({ boxes, names, degree: new Map(), zoom, fontPx: 11, measure });
    expect(labels.length).toBeGreaterThan(40);
    expect(labels.length).toBeLessThan(400);
    expect(overlaps(labels, 11 / zoom)).toBe(0);
  });

  it('the best-connected tables keep their names first', () => {
    const { boxes, names } = gridBoxes(40, 40, 300); // one row, names much wider than the gap
    const degree = new Map([['t17', 12], ['t3', 5]]);
    const labels = placeMapLabels({ boxes, names, degree, zoom: 0.1, fontPx: 11, measure });
    const ids = labels.map((l) => l.tableId);
    expect(ids).toContain('t17');
    expect(ids).toContain('t3');
    expect(ids).not.toContain('t16');
    expect(ids).not.toContain('t18');
  });

  it('zoom steps are quarter octaves', () => {
    expect(zoomStep(0.5)).toBeCloseTo(0.5);
    expect(zoomStep(0.52)).toBeCloseTo(0.5);
    expect(zoomStep(0.6)).toBeCloseTo(Math.pow(2, -0.75));
  });
});

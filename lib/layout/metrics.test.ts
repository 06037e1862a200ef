import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random/mulberry32';
import { measureLayout } from './metrics';

const box = (id: string) => ({ id, width: 100, height: 50 });

describe('layout metrics', () => {
  it('aspect ratio and the share of a 16:10 screen a fitted picture covers', () => {
    const nodes = [box('a'), box('b')];
    const wide = measureLayout(nodes, [], { a: { x: 0, y: 0 }, b: { x: 700, y: 450 } });
    expect(wide.width).toBe(800);
    expect(wide.height).toBe(500);
    expect(wide.aspect).toBeCloseTo(1.6);
    expect(wide.screenFill).toBeCloseTo(1);
    const tall = measureLayout(nodes, [], { a: { x: 0, y: 0 }, b: { x: 0, y: 350 } });
    expect(tall.aspect).toBeCloseTo(0.25);
    expect(tall.screenFill).toBeCloseTo(0.25 / 1.6);
  });

  it('edge length is centre to centre, one per table pair', () => {
    const m = measureLayout([box('a'), box('b')], [{ source: 'a', target: 'b' }, { source: 'b', target: 'a' }, { source: 'a', target: 'a' }], { a: { x: 0, y: 0 }, b: { x: 300, y: 400 } });
    expect(m.edgeLength).toBeCloseTo(500);
  });

  it('counts a crossing of two edges, not edges sharing a table', () => {
    // a b over c d: a-d and b-c cross between the rows; a-c and a-d share a.
    const nodes = ['a', 'b', 'c', 'd'].map(box);
    const pos = { a: { x: 0, y: 0 }, b: { x: 400, y: 0 }, c: { x: 0, y: 400 }, d: { x: 400, y: 400 } };
    expect(measureLayout(nodes, [{ source: 'a', target: 'd' }, { source: 'b', target: 'c' }], pos).crossings).toBe(1);
    expect(measureLayout(nodes, [{ source: 'a', target: 'c' }, { source: 'a', target: 'd' }], pos).crossings).toBe(0);
    expect(measureLayout(nodes, [{ source: 'a', target: 'b' }, { source: 'c', target: 'd' }], pos).crossings).toBe(0);
  });

  it('the grid count equals the count over all pairs (random layouts)', () => {
    const rand = mulberry32(7);
    for (let round = 0; round < 5; round++) {
      const nodes = Array.from({ length: 120 }, (_, i) => ({ id: `n${i}`, width: 50 + Math.floor(rand() * 100), height: 30 + Math.floor(rand() * 200) }));
      const positions = Object.fromEntries(nodes.map((n) => [n.id, { x: Math.floor(rand() * 5000), y: Math.floor(rand() * (round % 2 ? 800 : 20000)) }]));
      const edges = Array.from({ length: 240 }, () => ({ source: `n${Math.floor(rand() * 120)}`, target: `n${Math.floor(rand() * 120)}` }));
      const m = measureLayout(nodes, edges, positions);
      expect(m.crossings).toBe(bruteForceCrossings(nodes, edges, positions));
      expect(m.crossings).toBeGreaterThan(0);
    }
  });

  it('counts overlapping boxes, not boxes that only touch', () => {
    const nodes = ['a', 'b', 'c'].map(box);
    expect(measureLayout(nodes, [], { a: { x: 0, y: 0 }, b: { x: 99, y: 49 }, c: { x: 100, y: 0 } }).overlaps).toBe(2);
    expect(measureLayout(nodes, [], { a: { x: 0, y: 0 }, b: { x: 100, y: 0 }, c: { x: 0, y: 50 } }).overlaps).toBe(0);
  });

  it('a node without a position is an error, not a silent gap', () => {
    expect(() => measureLayout([box('a')], [], {})).toThrow(/"a" was not placed/);
  });
});

/** Independent of the grid: every pair of segments, with the same facing-sides rule. */
function bruteForceCrossings(
  nodes: Array<{ id: string; width: number; height: number }>,
  edges: Array<{ source: string; target: string }>,
  positions: Record<string, { x: number; y: number }>,
): number {
  const size = new Map(nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const segs: Array<{ a: string; b: string; p: number[] }> = [];
  for (const e of edges) {
    if (e.source === e.target) continue;
    const key = [e.source, e.target].sort().join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    const s = size.get(e.source)!;
    const t = size.get(e.target)!;
    const ps = positions[e.source];
    const pt = positions[e.target];
    const sc = ps.x + s.width / 2;
    const tc = pt.x + t.width / 2;
    const sx = sc <= tc ? ps.x + s.width : ps.x;
    const tx = sc <= tc ? pt.x : pt.x + t.width;
    segs.push({ a: e.source, b: e.target, p: [sx, ps.y + s.height / 2, tx, pt.y + t.height / 2] });
  }
  const side = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => Math.sign((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
  let n = 0;
  for (let i = 0; i < segs.length; i++) {
    for (let j = i + 1; j < segs.length; j++) {
      const s = segs[i];
      const t = segs[j];
      if (s.a === t.a || s.a === t.b || s.b === t.a || s.b === t.b) continue;
      const [ax, ay, bx, by] = s.p;
      const [cx, cy, dx, dy] = t.p;
      if (side(ax, ay, bx, by, cx, cy) * side(ax, ay, bx, by, dx, dy) < 0 && side(cx, cy, dx, dy, ax, ay) * side(cx, cy, dx, dy, bx, by) < 0) n++;
    }
  }
  return n;
}

import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random/mulberry32';
import { layoutGraph } from './layout';
import { measureLayout } from './metrics';
import type { LayoutEdge, LayoutNode, LayoutResult } from './types';

/** A random schema-like graph: each node references up to two earlier ones; `groupSize` per group. */
function randomGraph(n: number, seed: number, groupSize = 0, isolatedEvery = 0): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  const rand = mulberry32(seed);
  const nodes: LayoutNode[] = Array.from({ length: n }, (_, i) => ({
    id: `t${i}`,
    width: 260,
    height: 64 + Math.floor(rand() * 20) * 24,
    ...(groupSize ? { group: `g${Math.floor(i / groupSize)}` } : {}),
  }));
  const edges: LayoutEdge[] = [];
  for (let i = 1; i < n; i++) {
    if (isolatedEvery && i % isolatedEvery === 0) continue;
    edges.push({ source: `t${i}`, target: `t${Math.floor(rand() * i)}` });
    if (rand() < 0.5) edges.push({ source: `t${i}`, target: `t${Math.floor(rand() * i)}` });
  }
  return { nodes, edges };
}

function expectSound(nodes: LayoutNode[], edges: LayoutEdge[], result: LayoutResult) {
  expect(Object.keys(result.positions).sort()).toEqual(nodes.map((n) => n.id).sort());
  const m = measureLayout(nodes, edges, result.positions);
  expect(m.overlaps).toBe(0);
  expect(m.width).toBe(result.width);
  expect(m.height).toBe(result.height);
  for (const p of Object.values(result.positions)) expect(Number.isInteger(p.x) && Number.isInteger(p.y)).toBe(true);
  return m;
}

describe('auto-layout', () => {
  it('places every node without overlap, starting at the origin', async () => {
    const { nodes, edges } = randomGraph(60, 1, 0, 7);
    const result = await layoutGraph(nodes, edges, { aspectRatio: 16 / 10 });
    expectSound(nodes, edges, result);
    expect(Math.min(...Object.values(result.positions).map((p) => p.x))).toBe(0);
    expect(Math.min(...Object.values(result.positions).map((p) => p.y))).toBe(0);
  });

  it('a small component is layered: tables holding a foreign key left of the tables they reference', async () => {
    const nodes = ['orders', 'users', 'products', 'items'].map((id) => ({ id, width: 260, height: 130 }));
    const edges = [
      { source: 'orders', target: 'users' },
      { source: 'items', target: 'orders' },
      { source: 'items', target: 'products' },
    ];
    const { positions } = await layoutGraph(nodes, edges, { aspectRatio: 16 / 10 });
    expect(positions.items.x).toBeLessThan(positions.orders.x);
    expect(positions.orders.x).toBeLessThan(positions.users.x);
    expect(positions.items.x).toBeLessThan(positions.products.x);
  });

  it('a layered star (60 tables referencing one) is wrapped or turned, not one tall column', async () => {
    const nodes = Array.from({ length: 61 }, (_, i) => ({ id: `t${i}`, width: 260, height: 160 }));
    const edges = nodes.slice(1).map((n) => ({ source: n.id, target: 't0' }));
    const result = await layoutGraph(nodes, edges, { aspectRatio: 16 / 10, layeredMaxNodes: 100 });
    const m = expectSound(nodes, edges, result);
    expect(Math.abs(Math.log(m.aspect / 1.6))).toBeLessThan(Math.log(1.6));
  });

  it('keeps each group together: no foreign node inside a group’s bounding box', async () => {
    const { nodes, edges } = randomGraph(200, 2, 25);
    // Some nodes without a group, and a group of one.
    nodes[5] = { ...nodes[5], group: undefined };
    nodes[77] = { ...nodes[77], group: undefined };
    nodes[199] = { ...nodes[199], group: 'alone' };
    const result = await layoutGraph(nodes, edges, { aspectRatio: 16 / 10 });
    expectSound(nodes, edges, result);
    const groups = new Map<string, LayoutNode[]>();
    for (const n of nodes) if (n.group) groups.set(n.group, [...(groups.get(n.group) ?? []), n]);
    for (const [group, members] of groups) {
      const x1 = Math.min(...members.map((n) => result.positions[n.id].x));
      const y1 = Math.min(...members.map((n) => result.positions[n.id].y));
      const x2 = Math.max(...members.map((n) => result.positions[n.id].x + n.width));
      const y2 = Math.max(...members.map((n) => result.positions[n.id].y + n.height));
      for (const n of nodes) {
        if (n.group === group) continue;
        const p = result.positions[n.id];
        const inside = p.x < x2 && x1 < p.x + n.width && p.y < y2 && y1 < p.y + n.height;
        expect(inside, `${n.id} inside group ${group}`).toBe(false);
      }
    }
  });

  it.each([
    ['a 16:10 screen', 16 / 10],
    ['a portrait screen', 10 / 16],
  ])('fills %s: 300 related tables, with and without groups', async (_label, aspectRatio) => {
    for (const groupSize of [0, 25]) {
      const { nodes, edges } = randomGraph(300, 3, groupSize);
      const m = expectSound(nodes, edges, await layoutGraph(nodes, edges, { aspectRatio }));
      expect(Math.abs(Math.log(m.aspect / aspectRatio)), `aspect ${m.aspect} for groups of ${groupSize}`).toBeLessThan(Math.log(1.2));
    }
  });

  it('a component past the layered limit is laid out by the force-directed columns: related tables near', async () => {
    const { nodes, edges } = randomGraph(400, 4);
    const result = await layoutGraph(nodes, edges, { aspectRatio: 16 / 10, layeredMaxNodes: 100 });
    const m = expectSound(nodes, edges, result);
    // Edges shorter than between random pairs of the same picture.
    const rand = mulberry32(9);
    let randomLength = 0;
    for (let i = 0; i < edges.length; i++) {
      const a = result.positions[nodes[Math.floor(rand() * nodes.length)].id];
      const b = result.positions[nodes[Math.floor(rand() * nodes.length)].id];
      randomLength += Math.hypot(a.x - b.x, a.y - b.y);
    }
    expect(m.edgeLength).toBeLessThan(randomLength * 0.6);
  });

  it('is deterministic: the same input gives the same positions', async () => {
    const { nodes, edges } = randomGraph(250, 5, 25, 9);
    const a = await layoutGraph(nodes, edges, { aspectRatio: 16 / 10, layeredMaxNodes: 20 });
    const b = await layoutGraph(nodes, edges, { aspectRatio: 16 / 10, layeredMaxNodes: 20 });
    expect(b).toEqual(a);
  });

  it('reports progress up to every node placed', async () => {
    const { nodes, edges } = randomGraph(80, 6, 20);
    const seen: number[] = [];
    await layoutGraph(nodes, edges, { aspectRatio: 1, onProgress: (p) => seen.push(p.done / p.total) });
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
  });

  it('ignores self-references and edges to nodes outside the input; rejects bad input clearly', async () => {
    const nodes = [{ id: 'a', width: 10, height: 10 }];
    const r = await layoutGraph(nodes, [{ source: 'a', target: 'a' }, { source: 'a', target: 'elsewhere' }], { aspectRatio: 2 });
    expect(r.positions).toEqual({ a: { x: 0, y: 0 } });
    expect((await layoutGraph([], [], { aspectRatio: 1 })).positions).toEqual({});
    await expect(layoutGraph([...nodes, ...nodes], [], { aspectRatio: 1 })).rejects.toThrow(/duplicate node id "a"/);
    await expect(layoutGraph([{ id: 'z', width: 0, height: 5 }], [], { aspectRatio: 1 })).rejects.toThrow(/positive width/);
    await expect(layoutGraph(nodes, [], { aspectRatio: Number.NaN })).rejects.toThrow(/aspectRatio/);
  });
});

/**
 * The auto-layout: a readable overview that fills the screen.
 *
 * 1. Groups: the nodes of one group (an area) form one block; nodes without a group are split
 *    into connected components, each its own block, and their singletons share one grid block.
 *    An area unrelated to the other blocks is split the same way and its parts packed together.
 * 2. A connected component of up to `layeredMaxNodes` (12) nodes gets ELK's layered layout (FK
 *    holders left of the tables they reference); a larger one a force-directed embedding stacked
 *    into columns (./force.ts), which stays fast at thousands of tables. Measured on the 16 SQL
 *    and DBML corpus schemas: with layered up to 120 nodes, 522 crossings, 345k px of edges,
 *    82 % screen fill; with the columns past 10 to 15 nodes, about 250 crossings, 210k-228k px,
 *    86-88 %. Small schemas keep the layered reading order.
 * 3. Blocks are packed in rows to the target aspect ratio: when relationships join blocks (areas),
 *    in the order of a force-directed embedding of the blocks, so related areas sit side by side;
 *    otherwise biggest first. Inside an area related to others, tables face the areas they
 *    reference (anchored embedding, then columns): on the synthetic 300 with areas of 25, edges
 *    1,954k -> 1,332k px and crossings 16.6k -> 12.7k against laying out each area on its own.
 */
import { componentsOf, indexGraph, type IndexedGraph } from './graph';
import { embed, forceColumnsBlock } from './force';
import { createElk, layeredBlock, type ElkEngine } from './layered';
import { aspectMiss, packColumns, packShelves } from './pack';
import type { Block, LayoutEdge, LayoutNode, LayoutOptions, LayoutResult } from './types';

export const DEFAULT_SPACING = 40;
export const DEFAULT_LAYERED_MAX_NODES = 12;

interface Context {
  g: IndexedGraph;
  elk: ElkEngine;
  aspect: number;
  spacing: number;
  blockGap: number;
  layeredMax: number;
  done: number;
  report: (phase: string) => void;
}

function singletonGrid(ctx: Context, members: readonly number[], aspect: number): Block {
  const { g } = ctx;
  const sizes = members.map((i) => ({ width: g.width[i], height: g.height[i] }));
  const p = packColumns(sizes, members.map((_, k) => k), aspect, ctx.spacing);
  return { ids: members.map((i) => g.ids[i]), positions: members.map((_, k) => ({ x: p.x[k], y: p.y[k] })), width: p.width, height: p.height };
}

async function componentBlock(ctx: Context, members: readonly number[]): Promise<Block> {
  if (members.length <= ctx.layeredMax) return layeredBlock(ctx.elk, ctx.g, members, ctx.aspect, ctx.spacing);
  ctx.report(`placing a group of ${members.length} related tables`);
  return forceColumnsBlock(ctx.g, members, ctx.aspect, ctx.spacing);
}

/** A block, and for the singletons' grid and for an area a way to reshape it to fit the others. */
interface Part {
  block: Block;
  reshape?: (aspect: number) => Block;
}

/** Shapes tried for reshapable parts, as factors of the target aspect ratio. */
const SHAPE_FACTORS = [1, 0.7, 1.4, 0.5, 2, 0.25, 4, 0.125, 8];

type Order = { kind: 'biggest first' } | { kind: 'embedding'; x: Float64Array; y: Float64Array };

function packOnce(blocks: Block[], aspect: number, gap: number, order: Order): Block {
  if (blocks.length === 1) return blocks[0];
  const ids = blocks.map((_, i) => i);
  if (order.kind === 'biggest first') {
    ids.sort((a, b) => blocks[b].height - blocks[a].height || blocks[b].width - blocks[a].width || a - b);
    return merge(blocks, packShelves(blocks, ids, aspect, gap));
  }
  ids.sort((a, b) => order.y[a] - order.y[b] || a - b);
  return merge(blocks, packShelves(blocks, ids, aspect, gap, (i) => order.x[i]));
}

/**
 * Parts packed into rows of the target aspect ratio. Reshapable parts (the singletons' grid: a
 * column beside a wide component, a row under a tall one; areas: all alike) are tried in several
 * shapes, and the picture closest to the target kept.
 */
function packParts(parts: Part[], aspect: number, gap: number, order: Order): Block {
  const flexible = parts.some((p) => p.reshape);
  let best: Block | undefined;
  for (const factor of flexible ? SHAPE_FACTORS : [1]) {
    const blocks = parts.map((p) => (p.reshape ? p.reshape(aspect * factor) : p.block));
    const packed = packOnce(blocks, aspect, gap, order);
    if (!best || aspectMiss(packed.width / packed.height, aspect) < aspectMiss(best.width / best.height, aspect) - 1e-9) best = packed;
  }
  return best!;
}

function memo(f: (aspect: number) => Block): (aspect: number) => Block {
  const cache = new Map<number, Block>();
  return (aspect) => {
    let b = cache.get(aspect);
    if (!b) cache.set(aspect, (b = f(aspect)));
    return b;
  };
}

function merge(blocks: readonly Block[], packed: { x: number[]; y: number[]; width: number; height: number }): Block {
  const ids: string[] = [];
  const positions: Block['positions'] = [];
  blocks.forEach((b, k) => {
    b.ids.forEach((id, j) => {
      ids.push(id);
      positions.push({ x: b.positions[j].x + packed.x[k], y: b.positions[j].y + packed.y[k] });
    });
  });
  return { ids, positions, width: packed.width, height: packed.height };
}

/** The components of `members` laid out and packed: one area, or all ungrouped nodes. */
async function clusterBlocks(ctx: Context, members: readonly number[]): Promise<Part[]> {
  const comps = componentsOf(ctx.g, members);
  const singles: number[] = [];
  const blocks: Part[] = [];
  for (const c of comps) {
    if (c.length === 1) {
      singles.push(c[0]);
      continue;
    }
    blocks.push({ block: await componentBlock(ctx, c) });
    ctx.done += c.length;
    ctx.report(`laid out ${ctx.done} of ${ctx.g.ids.length} tables`);
  }
  if (singles.length) {
    const reshape = memo((aspect) => singletonGrid(ctx, singles, aspect));
    blocks.push({ block: reshape(ctx.aspect), reshape });
    ctx.done += singles.length;
  }
  return blocks;
}

/**
 * How top-level blocks are ordered: when relationships join them (areas), by a force-directed
 * embedding of the block graph (edge counts as weights), so related areas land side by side.
 */
function blockOrder(ctx: Context, blockOf: Int32Array, n: number): Order {
  const weights = new Map<number, number>();
  for (const [s, t] of ctx.g.edges) {
    const a = blockOf[s];
    const b = blockOf[t];
    if (a === b) continue;
    const key = Math.min(a, b) * n + Math.max(a, b);
    weights.set(key, (weights.get(key) ?? 0) + 1);
  }
  if (weights.size === 0) return { kind: 'biggest first' };
  const links = [...weights].map(([key, w]) => [Math.floor(key / n), key % n, w] as const);
  return { kind: 'embedding', ...embed(n, links) };
}

/**
 * An area whose tables relate to other blocks: its tables embedded with springs to their
 * neighbours inside the area and to fixed anchors in the direction of the blocks they relate to
 * (from the block embedding that also orders the blocks), then stacked into columns. Tables
 * referencing another area sit on the side facing it, which shortens the edges between areas.
 */
function areaFacingNeighbours(ctx: Context, members: readonly number[], unit: number, blockOf: Int32Array, order: Extract<Order, { kind: 'embedding' }>): Part {
  const { g } = ctx;
  const local = new Map<number, number>();
  members.forEach((m, i) => local.set(m, i));
  const anchorOf = new Map<number, number>();
  const fixed = new Map<number, { x: number; y: number }>();
  const radius = 15 * Math.sqrt(members.length) + 30;
  const links: Array<[number, number, number]> = [];
  for (const [s, t] of g.edges) {
    const a = local.get(s);
    const b = local.get(t);
    if (a !== undefined && b !== undefined) links.push([a, b, 1]);
    else if (a !== undefined || b !== undefined) {
      const other = blockOf[a !== undefined ? t : s];
      let anchor = anchorOf.get(other);
      if (anchor === undefined) {
        anchor = members.length + anchorOf.size;
        anchorOf.set(other, anchor);
        const dx = order.x[other] - order.x[unit];
        const dy = order.y[other] - order.y[unit];
        const d = Math.hypot(dx, dy) || 1;
        fixed.set(anchor, { x: (dx / d) * radius, y: (dy / d) * radius });
      }
      links.push([(a ?? b)!, anchor, 1]);
    }
  }
  const { x, y } = embed(members.length + anchorOf.size, links, fixed);
  const sizes = members.map((m) => ({ width: g.width[m], height: g.height[m] }));
  const byX = members.map((_, i) => i).sort((p, q) => x[p] - x[q] || p - q);
  const reshape = memo((aspect) => {
    const packed = packColumns(sizes, byX, aspect, ctx.spacing, (i) => y[i]);
    return { ids: members.map((m) => g.ids[m]), positions: members.map((_, i) => ({ x: packed.x[i], y: packed.y[i] })), width: packed.width, height: packed.height };
  });
  ctx.done += members.length;
  return { block: reshape(ctx.aspect), reshape };
}

export async function layoutGraph(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], options: LayoutOptions): Promise<LayoutResult> {
  const g = indexGraph(nodes, edges);
  if (!(options.aspectRatio > 0) || !Number.isFinite(options.aspectRatio)) throw new Error('aspectRatio must be a positive number');
  const spacing = options.spacing ?? DEFAULT_SPACING;
  const total = g.ids.length;
  const ctx: Context = {
    g,
    elk: createElk(),
    // An absurd canvas shape (a collapsed panel) must not produce a one-row picture.
    aspect: Math.min(8, Math.max(1 / 8, options.aspectRatio)),
    spacing,
    blockGap: options.blockSpacing ?? spacing * 3,
    layeredMax: options.layeredMaxNodes ?? DEFAULT_LAYERED_MAX_NODES,
    done: 0,
    report: (phase) => options.onProgress?.({ phase, done: ctx.done, total }),
  };
  if (total === 0) return { positions: {}, width: 0, height: 0 };
  ctx.report(`laying out ${total} tables`);

  const groups = new Map<string, number[]>();
  const ungrouped: number[] = [];
  g.group.forEach((key, i) => {
    if (key === undefined) ungrouped.push(i);
    else if (groups.has(key)) groups.get(key)!.push(i);
    else groups.set(key, [i]);
  });

  // Top-level units: areas, then components of the ungrouped nodes, then their singletons.
  const ungroupedComps = componentsOf(g, ungrouped);
  const singles = ungroupedComps.filter((c) => c.length === 1).map((c) => c[0]);
  const units: number[][] = [...groups.values(), ...ungroupedComps.filter((c) => c.length > 1), ...(singles.length ? [singles] : [])];
  const biggestFirst: Order = { kind: 'biggest first' };
  let order: Order = biggestFirst;
  const blockOf = new Int32Array(total);
  if (groups.size > 0) {
    units.forEach((members, k) => members.forEach((i) => (blockOf[i] = k)));
    order = blockOrder(ctx, blockOf, units.length);
  }
  const top: Part[] = [];
  for (let k = 0; k < units.length; k++) {
    const members = units[k];
    if (k < groups.size) {
      if (order.kind === 'embedding') top.push(areaFacingNeighbours(ctx, members, k, blockOf, order));
      else {
        const inner = await clusterBlocks(ctx, members);
        const reshape = memo((aspect) => packParts(inner, aspect, spacing * 2, biggestFirst));
        top.push({ block: reshape(ctx.aspect), reshape });
      }
    } else if (members === singles) {
      const reshape = memo((aspect) => singletonGrid(ctx, singles, aspect));
      top.push({ block: reshape(ctx.aspect), reshape });
      ctx.done += singles.length;
    } else {
      top.push({ block: await componentBlock(ctx, members) });
      ctx.done += members.length;
    }
    ctx.report(`laid out ${ctx.done} of ${total} tables`);
  }
  const picture = packParts(top, ctx.aspect, ctx.blockGap, order);
  const positions: LayoutResult['positions'] = {};
  picture.ids.forEach((id, j) => (positions[id] = { x: Math.round(picture.positions[j].x), y: Math.round(picture.positions[j].y) }));
  ctx.done = total;
  ctx.report(`laid out ${total} tables`);
  return { positions, width: Math.round(picture.width), height: Math.round(picture.height) };
}

/**
 * The auto-layout: a readable overview that fills the screen.
 *
 * 1. Groups: the nodes of one group (an area) form one block; nodes without a group are split
 *    into connected components, each its own block, and their singletons share one grid block.
 *    Inside a group the same split applies, so an area is its components packed together.
 * 2. A connected component of up to `layeredMaxNodes` nodes gets ELK's layered layout (FK holders
 *    left of the tables they reference); a larger one a force-directed embedding stacked into
 *    columns (./force.ts), which stays fast at thousands of tables.
 * 3. Blocks are packed in rows to the target aspect ratio: when relationships join blocks (areas),
 *    in the order of a force-directed embedding of the blocks, so related areas sit side by side;
 *    otherwise biggest first.
 */
import { componentsOf, indexGraph, type IndexedGraph } from './graph';
import { embed, forceColumnsBlock } from './force';
import { createElk, layeredBlock, type ElkEngine } from './layered';
import { packColumns, packShelves } from './pack';
import type { Block, LayoutEdge, LayoutNode, LayoutOptions, LayoutResult } from './types';

export const DEFAULT_SPACING = 40;
export const DEFAULT_LAYERED_MAX_NODES = 120;

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

function singletonGrid(ctx: Context, members: readonly number[]): Block {
  const { g } = ctx;
  const sizes = members.map((i) => ({ width: g.width[i], height: g.height[i] }));
  const p = packColumns(sizes, members.map((_, k) => k), ctx.aspect, ctx.spacing);
  return { ids: members.map((i) => g.ids[i]), positions: members.map((_, k) => ({ x: p.x[k], y: p.y[k] })), width: p.width, height: p.height };
}

async function componentBlock(ctx: Context, members: readonly number[]): Promise<Block> {
  if (members.length <= ctx.layeredMax) return layeredBlock(ctx.elk, ctx.g, members, ctx.aspect, ctx.spacing);
  ctx.report(`placing a group of ${members.length} related tables`);
  return forceColumnsBlock(ctx.g, members, ctx.aspect, ctx.spacing);
}

/** Blocks packed biggest (tallest) first into rows of the target aspect ratio. */
function packBiggestFirst(ctx: Context, blocks: Block[], gap: number): Block {
  if (blocks.length === 1) return blocks[0];
  const order = blocks.map((_, i) => i).sort((a, b) => blocks[b].height - blocks[a].height || blocks[b].width - blocks[a].width || a - b);
  return merge(blocks, packShelves(blocks, order, ctx.aspect, gap));
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
async function clusterBlocks(ctx: Context, members: readonly number[]): Promise<Block[]> {
  const comps = componentsOf(ctx.g, members);
  const singles: number[] = [];
  const blocks: Block[] = [];
  for (const c of comps) {
    if (c.length === 1) {
      singles.push(c[0]);
      continue;
    }
    blocks.push(await componentBlock(ctx, c));
    ctx.done += c.length;
    ctx.report(`laid out ${ctx.done} of ${ctx.g.ids.length} tables`);
  }
  if (singles.length) {
    blocks.push(singletonGrid(ctx, singles));
    ctx.done += singles.length;
  }
  return blocks;
}

/** Blocks joined by relationships, in rows ordered by an embedding of the block graph. */
function packRelated(ctx: Context, blocks: Block[], blockOf: Int32Array): Block {
  const weights = new Map<number, number>();
  const n = blocks.length;
  for (const [s, t] of ctx.g.edges) {
    const a = blockOf[s];
    const b = blockOf[t];
    if (a === b) continue;
    const key = Math.min(a, b) * n + Math.max(a, b);
    weights.set(key, (weights.get(key) ?? 0) + 1);
  }
  if (weights.size === 0) return packBiggestFirst(ctx, blocks, ctx.blockGap);
  const links = [...weights].map(([key, w]) => [Math.floor(key / n), key % n, w] as const);
  const { x, y } = embed(n, links);
  const order = blocks.map((_, i) => i).sort((a, b) => y[a] - y[b] || a - b);
  return merge(blocks, packShelves(blocks, order, ctx.aspect, ctx.blockGap, (i) => x[i]));
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

  const top: Block[] = [];
  for (const members of groups.values()) {
    const inner = await clusterBlocks(ctx, members);
    top.push(packBiggestFirst(ctx, inner, spacing * 2));
  }
  top.push(...(await clusterBlocks(ctx, ungrouped)));

  let picture: Block;
  if (groups.size === 0) picture = packBiggestFirst(ctx, top, ctx.blockGap);
  else {
    const index = new Map(g.ids.map((id, i) => [id, i]));
    const blockOf = new Int32Array(total);
    top.forEach((b, k) => b.ids.forEach((id) => (blockOf[index.get(id)!] = k)));
    picture = packRelated(ctx, top, blockOf);
  }
  const positions: LayoutResult['positions'] = {};
  picture.ids.forEach((id, j) => (positions[id] = { x: Math.round(picture.positions[j].x), y: Math.round(picture.positions[j].y) }));
  ctx.done = total;
  ctx.report(`laid out ${total} tables`);
  return { positions, width: Math.round(picture.width), height: Math.round(picture.height) };
}

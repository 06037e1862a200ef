/**
 * The layout's graph by index: node sizes, deduplicated directed edges without self-loops, and
 * undirected adjacency. Connected components are found on induced subgraphs (a group's nodes).
 */
import type { LayoutEdge, LayoutNode } from './types';

export interface IndexedGraph {
  ids: string[];
  width: number[];
  height: number[];
  group: (string | undefined)[];
  /** Directed (source holds the foreign key), one per node pair and direction, no self-loops. */
  edges: Array<[number, number]>;
  /** Undirected neighbours, each once. */
  adj: number[][];
}

export function indexGraph(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[]): IndexedGraph {
  const index = new Map<string, number>();
  const ids: string[] = [];
  const width: number[] = [];
  const height: number[] = [];
  const group: (string | undefined)[] = [];
  for (const n of nodes) {
    if (index.has(n.id)) throw new Error(`duplicate node id "${n.id}"`);
    if (!(n.width > 0) || !(n.height > 0)) throw new Error(`node "${n.id}" needs a positive width and height`);
    index.set(n.id, ids.length);
    ids.push(n.id);
    width.push(n.width);
    height.push(n.height);
    group.push(n.group);
  }
  const adj: number[][] = ids.map(() => []);
  const directed: Array<[number, number]> = [];
  const seenDirected = new Set<number>();
  const seenUndirected = new Set<number>();
  const n = ids.length;
  for (const e of edges) {
    const s = index.get(e.source);
    const t = index.get(e.target);
    // Edges to nodes outside the input (a partial layout) and self-references do not shape it.
    if (s === undefined || t === undefined || s === t) continue;
    const key = s * n + t;
    if (!seenDirected.has(key)) {
      seenDirected.add(key);
      directed.push([s, t]);
    }
    const ukey = Math.min(s, t) * n + Math.max(s, t);
    if (!seenUndirected.has(ukey)) {
      seenUndirected.add(ukey);
      adj[s].push(t);
      adj[t].push(s);
    }
  }
  return { ids, width, height, group, edges: directed, adj };
}

/**
 * Connected components of the subgraph induced by `members` (in the order of their first member),
 * each listing its nodes in input order, so the result depends only on the input.
 */
export function componentsOf(g: IndexedGraph, members: readonly number[]): number[][] {
  const inSet = new Uint8Array(g.ids.length);
  for (const m of members) inSet[m] = 1;
  const label = new Int32Array(g.ids.length).fill(-1);
  const comps: number[][] = [];
  for (const start of members) {
    if (label[start] >= 0) continue;
    const c = comps.length;
    const found: number[] = [];
    const stack = [start];
    label[start] = c;
    while (stack.length) {
      const v = stack.pop()!;
      found.push(v);
      for (const w of g.adj[v]) {
        if (inSet[w] && label[w] < 0) {
          label[w] = c;
          stack.push(w);
        }
      }
    }
    comps.push(found.sort((a, b) => a - b));
  }
  return comps;
}

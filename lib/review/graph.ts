/**
 * Cycles among tables: the strongly connected components of a directed graph given as edges, found
 * by Tarjan's algorithm without recursion (a 10,000-table chain must not overflow the stack), and one
 * concrete cycle through a component to name in a message. Linear in tables plus edges.
 */

export interface Edge<E> {
  from: string;
  to: string;
  data: E;
}

/** Components of two or more nodes, plus single nodes with an edge to themselves; each sorted by node id. */
export function cyclicComponents<E>(edges: readonly Edge<E>[]): string[][] {
  const out = new Map<string, string[]>();
  const nodes: string[] = [];
  const selfLoops = new Set<string>();
  for (const e of edges) {
    for (const n of [e.from, e.to]) {
      if (out.has(n)) continue;
      out.set(n, []);
      nodes.push(n);
    }
    out.get(e.from)!.push(e.to);
    if (e.from === e.to) selfLoops.add(e.from);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    // Each frame: a node and the position of the next successor to visit.
    const frames: { node: string; next: number }[] = [{ node: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (frames.length) {
      const frame = frames[frames.length - 1];
      const succ = out.get(frame.node)!;
      if (frame.next < succ.length) {
        const w = succ[frame.next++];
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          frames.push({ node: w, next: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(w)!));
        }
        continue;
      }
      frames.pop();
      if (frames.length) {
        const parent = frames[frames.length - 1].node;
        low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
      }
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(w);
        } while (w !== frame.node);
        if (component.length > 1 || selfLoops.has(component[0])) components.push(component.sort());
      }
    }
  }
  return components.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/**
 * One cycle through `start` using only edges inside `component` (a strongly connected component, so
 * one exists): the edges in order, found by breadth-first search (the shortest such cycle).
 */
export function cycleThrough<E>(start: string, component: readonly string[], edges: readonly Edge<E>[]): Edge<E>[] {
  const inside = new Set(component);
  const byFrom = new Map<string, Edge<E>[]>();
  for (const e of edges) {
    if (!inside.has(e.from) || !inside.has(e.to)) continue;
    const list = byFrom.get(e.from);
    if (list) list.push(e);
    else byFrom.set(e.from, [e]);
  }
  const via = new Map<string, Edge<E>>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const e of byFrom.get(queue[i]) ?? []) {
      if (e.to === start) {
        const path = [e];
        for (let n = e.from; n !== start; n = via.get(n)!.from) path.unshift(via.get(n)!);
        return path;
      }
      if (!via.has(e.to)) {
        via.set(e.to, e);
        queue.push(e.to);
      }
    }
  }
  return [];
}

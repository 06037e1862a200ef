/**
 * drawDB's "Auto arrange" (drawdb-io/drawdb src/utils/autoArrangeTables.js, the layout of the
 * merged "Auto arrange tables" pull request #1097), reproduced with Draftbase's table sizes:
 * connected components biggest first, side by side from left to right; in each, layers by longest
 * path from the tables nothing references (BFS), 10 barycenter sweeps, then adjacent swaps while
 * they reduce the crossings between layers; each layer a column stacked from the top.
 */
import { checkDeadline, type PeerLayout } from './types';

export const drawdbArrange: PeerLayout = (nodes, edges, deadline) => {
  const gapX = 120;
  const gapY = 40;
  const componentGapX = 180;
  const size = new Map(nodes.map((n) => [n.id, n]));
  const ids = nodes.map((n) => n.id);
  const outgoing = new Map<string, string[]>(ids.map((id) => [id, []]));
  const incoming = new Map<string, string[]>(ids.map((id) => [id, []]));
  const adjacency = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of edges) {
    if (!size.has(e.source) || !size.has(e.target)) continue;
    outgoing.get(e.source)!.push(e.target);
    incoming.get(e.target)!.push(e.source);
    adjacency.get(e.source)!.push(e.target);
    adjacency.get(e.target)!.push(e.source);
  }
  const visited = new Set<string>();
  const components: string[][] = [];
  for (const id of ids) {
    if (visited.has(id)) continue;
    const comp: string[] = [];
    const stack = [id];
    visited.add(id);
    while (stack.length) {
      const v = stack.pop()!;
      comp.push(v);
      for (const w of adjacency.get(v)!) {
        if (!visited.has(w)) {
          visited.add(w);
          stack.push(w);
        }
      }
    }
    components.push(comp);
  }
  components.sort((a, b) => b.length - a.length);

  const result: Record<string, { x: number; y: number }> = {};
  let cursorX = gapX;
  for (const comp of components) {
    const layers = buildLayers(comp, outgoing, incoming, deadline);
    let componentWidth = 0;
    layers.forEach((layer, layerIndex) => {
      let cursorY = gapY;
      for (const id of layer) {
        const n = size.get(id)!;
        result[id] = { x: cursorX + layerIndex * (n.width + gapX), y: cursorY };
        cursorY += n.height + gapY;
      }
      const w = size.get(layer[0])?.width ?? 0;
      componentWidth = Math.max(componentWidth, (layerIndex + 1) * w + layerIndex * gapX);
    });
    cursorX += componentWidth + componentGapX;
  }
  return result;
};

function buildLayers(comp: string[], outgoing: Map<string, string[]>, incoming: Map<string, string[]>, deadline: number): string[][] {
  const inDegree = new Map<string, number>(comp.map((id) => [id, 0]));
  for (const id of comp) for (const t of outgoing.get(id)!) if (inDegree.has(t)) inDegree.set(t, inDegree.get(t)! + 1);
  const roots = comp.filter((id) => inDegree.get(id) === 0);
  const queue = roots.length > 0 ? [...roots] : [comp[0]];
  const layerOf = new Map<string, number>(queue.map((id) => [id, 0]));
  for (let i = 0; i < queue.length; i++) {
    checkDeadline(deadline);
    const current = queue[i];
    for (const next of outgoing.get(current)!) {
      if (!inDegree.has(next)) continue;
      const proposed = layerOf.get(current)! + 1;
      if (!layerOf.has(next) || layerOf.get(next)! < proposed) layerOf.set(next, proposed);
      if (!queue.includes(next)) queue.push(next);
    }
  }
  for (const id of comp) if (!layerOf.has(id)) layerOf.set(id, 0);
  const minLayer = Math.min(...layerOf.values());
  if (minLayer !== 0) for (const [id, l] of layerOf) layerOf.set(id, l - minLayer);
  const layers: string[][] = [];
  for (const id of comp) (layers[layerOf.get(id)!] ??= []).push(id);
  for (let i = 0; i < layers.length; i++) layers[i] = (layers[i] ?? []).sort((a, b) => a.localeCompare(b));

  const position = new Map<string, number>();
  const refresh = () => {
    position.clear();
    for (const layer of layers) layer.forEach((id, p) => position.set(id, p));
  };
  refresh();
  const average = (values: number[]) => (values.length ? values.reduce((s, v) => s + v, 0) / values.length : null);
  const sortByBarycenter = (li: number, neighbours: (id: string) => string[]) => {
    const keyed = layers[li].map((id, idx) => ({ id, idx, key: average(neighbours(id).filter((n) => position.has(n)).map((n) => position.get(n)!)) }));
    keyed.sort((a, b) => {
      if (a.key === null && b.key === null) return a.idx - b.idx;
      if (a.key === null) return 1;
      if (b.key === null) return -1;
      if (a.key === b.key) return a.idx - b.idx;
      return a.key - b.key;
    });
    layers[li] = keyed.map((k) => k.id);
  };
  for (let it = 0; it < 10; it++) {
    checkDeadline(deadline);
    for (let li = 1; li < layers.length; li++) {
      sortByBarycenter(li, (id) => incoming.get(id) ?? []);
      refresh();
    }
    for (let li = layers.length - 2; li >= 0; li--) {
      sortByBarycenter(li, (id) => outgoing.get(id) ?? []);
      refresh();
    }
  }
  // Crossings between layers: edges grouped by the pair of layers they join.
  const byPair = new Map<string, Array<{ low: string; high: string }>>();
  for (const id of comp) {
    for (const t of outgoing.get(id)!) {
      if (!layerOf.has(t)) continue;
      const a = layerOf.get(id)!;
      const b = layerOf.get(t)!;
      if (a === b) continue;
      const key = `${Math.min(a, b)}:${Math.max(a, b)}`;
      (byPair.get(key) ?? byPair.set(key, []).get(key)!).push({ low: a <= b ? id : t, high: a <= b ? t : id });
    }
  }
  const countCrossings = () => {
    let c = 0;
    for (const list of byPair.values()) {
      for (let i = 0; i < list.length; i++) {
        for (let j = i + 1; j < list.length; j++) {
          const d = (position.get(list[i].low)! - position.get(list[j].low)!) * (position.get(list[i].high)! - position.get(list[j].high)!);
          if (d < 0) c++;
        }
      }
    }
    return c;
  };
  let improved = true;
  while (improved) {
    improved = false;
    for (const layer of layers) {
      for (let i = 0; i < layer.length - 1; i++) {
        checkDeadline(deadline);
        refresh();
        const before = countCrossings();
        [layer[i], layer[i + 1]] = [layer[i + 1], layer[i]];
        refresh();
        const after = countCrossings();
        if (after < before) improved = true;
        else [layer[i], layer[i + 1]] = [layer[i + 1], layer[i]];
      }
    }
  }
  return layers;
}

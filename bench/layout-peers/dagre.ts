/**
 * dagre, as drawDB's auto-organize pull request (drawdb-io/drawdb#695, open, not merged) and the
 * React Flow examples use it: one graph of all tables with their real sizes, left to right.
 * The options of #695 could not be read; these are dagre's usual ERD settings.
 */
import dagre from '@dagrejs/dagre';
import type { PeerLayout } from './types';

export const dagreLayout: PeerLayout = (nodes, edges) => {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 50, ranksep: 100 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of nodes) g.setNode(n.id, { width: n.width, height: n.height });
  for (const e of edges) if (e.source !== e.target) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const out: Record<string, { x: number; y: number }> = {};
  // dagre gives centres.
  for (const n of nodes) {
    const p = g.node(n.id);
    out[n.id] = { x: p.x - n.width / 2, y: p.y - n.height / 2 };
  }
  return out;
};

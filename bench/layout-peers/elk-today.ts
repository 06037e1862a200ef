/**
 * Draftbase's layout before issue 9 (components/editor/layout/elk-graph.ts at bd115b4): one ELK
 * layered graph of all tables, ELK packing the connected components.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { PeerLayout } from './types';

export const ELK_TODAY_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '90',
  'elk.spacing.componentComponent': '80',
  'elk.separateConnectedComponents': 'true',
  'elk.layered.layering.strategy': 'LONGEST_PATH',
  'elk.layered.nodePlacement.strategy': 'SIMPLE',
  'elk.layered.thoroughness': '1',
  'elk.layered.cycleBreaking.strategy': 'DEPTH_FIRST',
  'elk.edgeRouting': 'POLYLINE',
};

export const elkToday: PeerLayout = async (nodes, edges) => {
  const children: ElkNode[] = nodes.map((n) => ({ id: n.id, width: n.width, height: n.height }));
  const elkEdges: ElkExtendedEdge[] = [];
  const seen = new Set<string>();
  for (const e of edges) {
    if (e.source === e.target) continue;
    const key = `${e.source}\u0000${e.target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    elkEdges.push({ id: `e${elkEdges.length}`, sources: [e.source], targets: [e.target] });
  }
  const result = await new ELK().layout({ id: 'root', layoutOptions: ELK_TODAY_OPTIONS, children, edges: elkEdges });
  const out: Record<string, { x: number; y: number }> = {};
  for (const k of result.children ?? []) out[k.id] = { x: k.x ?? 0, y: k.y ?? 0 };
  return out;
};

import type { LayoutEdge, LayoutNode, Point } from '../../lib/layout/types';

/** A layout under comparison: the same input as Draftbase's, positions (top-left) out. */
export type PeerLayout = (nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], deadline: number) => Promise<Record<string, Point>> | Record<string, Point>;

export class Timeout extends Error {}

export function checkDeadline(deadline: number) {
  if (performance.now() > deadline) throw new Timeout('over the time limit');
}

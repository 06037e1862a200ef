/**
 * The page's side of the layout worker (workers/layout.worker.ts): the messages, and one request
 * run to its end. The page sends the tables' boxes and relationships; the worker answers with
 * progress and then the positions only, as one transferred array in the order of the request.
 */
import type { LayoutEdge, LayoutNode, LayoutProgress, Point } from '@/lib/layout/types';

export interface LayoutRequest {
  requestId: number;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  /** Width / height of the screen the picture should fill. */
  aspectRatio: number;
}

export type LayoutResponse =
  | ({ requestId: number; type: 'progress' } & LayoutProgress)
  /** `xy[2i], xy[2i + 1]`: top-left of `nodes[i]` of the request. */
  | { requestId: number; type: 'done'; xy: Float64Array; computeMs: number }
  | { requestId: number; type: 'error'; message: string };

export function createLayoutWorker(): Worker {
  return new Worker(new URL('../../../workers/layout.worker.ts', import.meta.url), { type: 'module' });
}

export function positionsFromXY(nodes: readonly LayoutNode[], xy: Float64Array): Record<string, Point> {
  const out: Record<string, Point> = {};
  nodes.forEach((n, i) => (out[n.id] = { x: xy[2 * i], y: xy[2 * i + 1] }));
  return out;
}

/** The aspect ratio of an element, or of the window when the element is missing or has no size. */
export function aspectRatioOf(element: Element | null | undefined): number {
  const w = element?.clientWidth ?? 0;
  const h = element?.clientHeight ?? 0;
  if (w > 0 && h > 0) return w / h;
  if (typeof window !== 'undefined' && window.innerWidth > 0 && window.innerHeight > 0) return window.innerWidth / window.innerHeight;
  return 16 / 10;
}

/// <reference lib="webworker" />
/**
 * Auto-layout off the main thread (lib/layout): seconds of work at thousands of tables would
 * freeze the page if run there. Reports progress, then the positions as one transferred array.
 */
import { layoutGraph } from '../lib/layout/layout';
import type { LayoutRequest, LayoutResponse } from '../components/editor/layout/layout-worker-client';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function send(message: LayoutResponse, transfer: Transferable[] = []) {
  scope.postMessage(message, transfer);
}

/** At most one progress message per this many ms: the page re-renders on each. */
const PROGRESS_EVERY_MS = 100;

// A listener, not `self.onmessage`: elkjs's bundle, inside a worker, installs its own
// `self.onmessage` (it can act as ELK's worker script) when its module first initialises, which
// can be during the first layout; assigning ours replaced it only until then, and the second
// request was lost. ELK's handler ignores messages without its `cmd` field.
scope.addEventListener('message', async (event: MessageEvent<LayoutRequest>) => {
  const { requestId, nodes, edges, aspectRatio } = event.data;
  const started = performance.now();
  let lastProgress = -Infinity;
  try {
    const result = await layoutGraph(nodes, edges, {
      aspectRatio,
      onProgress: (p) => {
        const now = performance.now();
        if (now - lastProgress < PROGRESS_EVERY_MS && p.done < p.total) return;
        lastProgress = now;
        send({ requestId, type: 'progress', ...p });
      },
    });
    const xy = new Float64Array(nodes.length * 2);
    nodes.forEach((n, i) => {
      const p = result.positions[n.id];
      xy[2 * i] = p.x;
      xy[2 * i + 1] = p.y;
    });
    send({ requestId, type: 'done', xy, computeMs: Math.round(performance.now() - started) }, [xy.buffer]);
  } catch (e) {
    send({ requestId, type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
});

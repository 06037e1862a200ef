/// <reference lib="webworker" />
/**
 * Auto-layout off the main thread: ELK's layered algorithm takes seconds at 1,000 tables (about
 * 6 s measured), which would freeze the page if run there.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import type { LayoutRequest, LayoutResponse } from '../components/editor/layout/elk-graph';
import { positionsFromElk } from '../components/editor/layout/elk-graph';

const elk = new ELK();
const scope = self as unknown as DedicatedWorkerGlobalScope;

function send(message: LayoutResponse) {
  scope.postMessage(message);
}

// Assigned after the imports ran: elk.bundled.js, when loaded inside a worker, installs its own
// `self.onmessage` (it can act as ELK's worker script). Ours replaces it.
scope.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  const { requestId, graph } = event.data;
  send({ requestId, type: 'progress', phase: `computing the layout of ${graph.children?.length ?? 0} tables` });
  const started = performance.now();
  try {
    const result = await elk.layout(graph);
    send({ requestId, type: 'done', positions: positionsFromElk(result), elkMs: Math.round(performance.now() - started) });
  } catch (e) {
    send({ requestId, type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};

/// <reference lib="webworker" />
/**
 * Autosave off the main thread: at 1,000 tables the document is ~2.5 MB of JSON, and serializing
 * it plus handing it to fetch cost ~800 ms of main-thread time per save in Chromium (measured with
 * the CPU profiler during bench:canvas). Here it costs the main thread one structured clone.
 */
import { putProject } from '../components/editor/store/saver';
import type { SaveRequest, SaveResponse } from '../components/editor/store/worker-put';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<SaveRequest>) => {
  const { requestId, projectId, doc, version } = event.data;
  const outcome = await putProject((input, init) => fetch(input, init), projectId, doc, version);
  const response: SaveResponse = { requestId, outcome };
  scope.postMessage(response);
};

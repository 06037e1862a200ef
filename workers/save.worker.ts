/// <reference lib="webworker" />
/**
 * Autosave off the main thread: at 1,000 tables the document is ~2.5 MB of JSON, and serializing
 * it plus handing it to fetch cost ~800 ms of main-thread time per save in Chromium (measured with
 * the CPU profiler during bench:canvas). The worker keeps a replica of the document (seeded from the
 * project's response text, then updated by the deltas each save posts — worker-put.ts), so the
 * page never clones the whole document either.
 */
import { applyDelta } from '../components/editor/store/document-delta';
import { projectFromBody } from '../components/editor/project-api';
import { putProject } from '../components/editor/store/saver';
import type { SaveRequest, SaveResponse } from '../components/editor/store/worker-put';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let replica: Record<string, unknown> | undefined;

const reply = (m: SaveResponse) => scope.postMessage(m);

scope.addEventListener('message', async (event: MessageEvent<SaveRequest>) => {
  const m = event.data;
  if (m.type === 'seed') {
    try {
      replica = projectFromBody(JSON.parse(m.text), m.projectId).document as unknown as Record<string, unknown>;
      reply({ type: 'seeded', ok: true });
    } catch {
      reply({ type: 'seeded', ok: false });
    }
    return;
  }
  if (m.full) replica = m.full as unknown as Record<string, unknown>;
  else if (m.delta && replica) replica = applyDelta(replica, m.delta);
  else {
    replica = undefined;
    reply({ type: 'outcome', requestId: m.requestId, outcome: { kind: 'error', message: 'the save worker lost its copy; retrying', retry: true }, lostReplica: true });
    return;
  }
  const outcome = await putProject((input, init) => fetch(input, init), m.projectId, replica as never, m.version);
  reply({ type: 'outcome', requestId: m.requestId, outcome });
});

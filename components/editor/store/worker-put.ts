/**
 * The saver's PUT, run in a Web Worker (workers/save.worker.ts) so serializing a large document
 * never blocks the page. Falls back to a PUT on the main thread when workers are unavailable or the
 * worker fails to start.
 */
import type { SchemaDocument } from '@/lib/model/document';
import { putProject, type PutOutcome } from './saver';

export interface SaveRequest {
  requestId: number;
  projectId: string;
  doc: SchemaDocument;
  version: number;
}
export interface SaveResponse {
  requestId: number;
  outcome: PutOutcome;
}

export type PutFn = (projectId: string, doc: SchemaDocument, version: number) => Promise<PutOutcome>;

export function createWorkerPut(): PutFn {
  const direct: PutFn = (projectId, doc, version) => putProject((i, init) => fetch(i, init), projectId, doc, version);
  if (typeof Worker === 'undefined') return direct;
  let worker: Worker | undefined;
  let broken = false;
  let next = 0;
  const pending = new Map<number, (o: PutOutcome) => void>();
  const start = (): Worker | undefined => {
    if (worker || broken) return worker;
    try {
      worker = new Worker(new URL('../../../workers/save.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      broken = true;
      return undefined;
    }
    worker.onmessage = (e: MessageEvent<SaveResponse>) => {
      pending.get(e.data.requestId)?.(e.data.outcome);
      pending.delete(e.data.requestId);
    };
    worker.onerror = () => {
      // The worker could not run: answer what is pending as transient failures (they are retried,
      // now on the main thread) and stop using it.
      broken = true;
      worker = undefined;
      for (const resolve of pending.values()) resolve({ kind: 'error', message: 'the save worker failed; retrying', retry: true });
      pending.clear();
    };
    return worker;
  };
  return (projectId, doc, version) => {
    const w = start();
    if (!w) return direct(projectId, doc, version);
    const requestId = ++next;
    return new Promise<PutOutcome>((resolve) => {
      pending.set(requestId, resolve);
      const request: SaveRequest = { requestId, projectId, doc, version };
      w.postMessage(request);
    });
  };
}

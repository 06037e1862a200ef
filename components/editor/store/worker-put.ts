/**
 * The saver's PUT, run in a Web Worker (workers/save.worker.ts) so serializing a large document
 * never blocks the page. The worker keeps a replica of the document: it is built from the project's
 * response text when the editor opens (seed), and each save posts only what changed since the last
 * one (document-delta.ts) — a structured clone of the whole document cost ~40 ms of main thread per
 * save at 1,000 tables and ~200 ms at 5,000. Falls back to the whole document when the worker has
 * no replica, and to a PUT on the main thread when workers are unavailable or fail to start.
 */
import type { SchemaDocument } from '@/lib/model/document';
import { documentDelta, type DeltaOp } from './document-delta';
import { putProject, type PutOutcome } from './saver';
import { apiFetch } from '../api-fetch';

export type SaveRequest =
  | { type: 'seed'; projectId: string; text: string }
  | { type: 'put'; requestId: number; projectId: string; version: number; full?: SchemaDocument; delta?: DeltaOp[] };

export type SaveResponse = { type: 'seeded'; ok: boolean } | { type: 'outcome'; requestId: number; outcome: PutOutcome; lostReplica?: boolean };

export type PutFn = (projectId: string, doc: SchemaDocument, version: number) => Promise<PutOutcome>;

export interface WorkerPut extends PutFn {
  /** Builds the worker's replica from the response text `doc` was read from. */
  seed(projectId: string, text: string, doc: SchemaDocument): void;
}

export function createWorkerPut(): WorkerPut {
  const direct: PutFn = (projectId, doc, version) => putProject(apiFetch, projectId, doc, version);
  let worker: Worker | undefined;
  let broken = typeof Worker === 'undefined';
  let next = 0;
  const pending = new Map<number, (o: PutOutcome) => void>();
  /** The document the worker's replica equals (after the messages posted so far), if it has one. */
  let replicaOf: SchemaDocument | undefined;
  let seeding: SchemaDocument | undefined;

  const start = (): Worker | undefined => {
    if (worker || broken) return worker;
    try {
      worker = new Worker(new URL('../../../workers/save.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      broken = true;
      return undefined;
    }
    worker.onmessage = (e: MessageEvent<SaveResponse>) => {
      const m = e.data;
      if (m.type === 'seeded') {
        // Saves posted while the seed was parsed sent whole documents; they superseded the seed.
        if (m.ok && replicaOf === undefined && seeding) replicaOf = seeding;
        seeding = undefined;
        return;
      }
      if (m.lostReplica) replicaOf = undefined;
      pending.get(m.requestId)?.(m.outcome);
      pending.delete(m.requestId);
    };
    worker.onerror = () => {
      // The worker could not run: answer what is pending as transient failures (they are retried,
      // now on the main thread) and stop using it.
      broken = true;
      worker = undefined;
      replicaOf = undefined;
      for (const resolve of pending.values()) resolve({ kind: 'error', message: 'the save worker failed; retrying', retry: true });
      pending.clear();
    };
    return worker;
  };

  const put = ((projectId, doc, version) => {
    const w = start();
    if (!w) return direct(projectId, doc, version);
    const requestId = ++next;
    return new Promise<PutOutcome>((resolve) => {
      pending.set(requestId, resolve);
      const base = replicaOf;
      seeding = undefined; // a whole document or a delta from here on
      const request: SaveRequest = base ? { type: 'put', requestId, projectId, version, delta: documentDelta(base, doc) } : { type: 'put', requestId, projectId, version, full: doc };
      replicaOf = doc;
      w.postMessage(request);
    });
  }) as WorkerPut;

  put.seed = (projectId, text, doc) => {
    const w = start();
    if (!w || replicaOf) return;
    seeding = doc;
    const request: SaveRequest = { type: 'seed', projectId, text };
    w.postMessage(request);
  };
  return put;
}

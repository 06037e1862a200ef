/** Messages between the compute pool (pool.ts) and its worker threads (compute.worker.ts). */
import 'server-only';
import type { ComputeTask } from './tasks';

export interface ComputeRequest {
  id: number;
  task: ComputeTask;
}

/** A Response taken apart for postMessage (a Response itself cannot cross threads). */
export interface ComputeReply {
  id: number;
  status: number;
  headers: [string, string][];
  body: string;
  /** Milliseconds the task ran in the worker. */
  ms: number;
}

/**
 * The compute pool's settings, from the environment (documented in README.md, Configuration):
 *
 * - DRAFTBASE_COMPUTE_BUDGET_MS   time one render/import/export may take, queueing included
 *                                 (default 30,000). Over it, the worker running it is stopped.
 * - DRAFTBASE_COMPUTE_WORKERS     worker threads (default: the cores minus one, at least 2, at most 4).
 * - DRAFTBASE_COMPUTE_QUEUE       requests that may wait for a worker (default 8 per worker); more get 503.
 * - DRAFTBASE_COMPUTE_MEMORY_MB   heap of one worker (default 1,024); over it the request fails with 422.
 */
import 'server-only';
import os from 'node:os';
import { COMPUTE_BUDGET_MS } from '../../model/limits';

export interface ComputeConfig {
  budgetMs: number;
  workers: number;
  queue: number;
  memoryMb: number;
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (Number.isInteger(n) && n > 0) return n;
  console.warn(`[draftbase] ${name}=${JSON.stringify(raw)} is not a positive integer: using ${fallback}`);
  return fallback;
}

export function computeConfig(): ComputeConfig {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const workers = positiveInt('DRAFTBASE_COMPUTE_WORKERS', Math.min(4, Math.max(2, cores - 1)));
  return {
    budgetMs: positiveInt('DRAFTBASE_COMPUTE_BUDGET_MS', COMPUTE_BUDGET_MS),
    workers,
    queue: positiveInt('DRAFTBASE_COMPUTE_QUEUE', 8 * workers),
    memoryMb: positiveInt('DRAFTBASE_COMPUTE_MEMORY_MB', 1024),
  };
}

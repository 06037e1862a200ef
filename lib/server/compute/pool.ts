/**
 * A fixed-size pool of worker threads for the CPU-heavy API work (render, import, export: tasks.ts),
 * with a time budget per request. The server's event loop only reads requests and writes answers,
 * so a document that takes seconds to render never delays another user's request, and one that
 * would take minutes is stopped at its budget:
 *
 * - a request first waits for a free worker, at most the budget (else 503 `server_busy`, with
 *   Retry-After), and the queue holds at most `queue` requests (else 503 at once);
 * - then it has the budget to finish; over it, its worker is terminated (the only way to stop
 *   synchronous JavaScript) and replaced, and the request gets 422 `budget_exceeded`;
 * - a worker that runs out of its heap (`memoryMb`) ends the same way with 422 `too_large`.
 *
 * Settings: config.ts (DRAFTBASE_COMPUTE_*). Workers start on first use and stay (starting one loads
 * the generators and parsers: ~0.5-4 s); they are unref'd, so they never keep a process alive.
 */
import 'server-only';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { errorResponse } from '../http/error-response';
import { computeConfig, type ComputeConfig } from './config';
import type { ComputeReply, ComputeRequest } from './protocol';
import type { ComputeTask } from './tasks';

/** Starts one worker running compute.worker.ts (see worker-entry.ts for how it is found). */
export type SpawnWorker = (resourceLimits: ResourceLimits) => Promise<Worker>;

interface Job {
  id: number;
  task: ComputeTask;
  /** What the request was, for messages: "this render", "the markdown export". */
  label: string;
  resolve: (res: Response) => void;
  timer?: ReturnType<typeof setTimeout>;
}

interface Slot {
  worker?: Worker;
  /** Set while the worker starts (spawning is asynchronous). */
  starting?: Promise<Worker>;
  job?: Job;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

export class ComputePool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    readonly config: ComputeConfig,
    private readonly spawn: SpawnWorker,
  ) {
    this.slots = Array.from({ length: config.workers }, () => ({}));
  }

  /** Runs `task` in a worker; always resolves (budget, queue and crashes become error responses). */
  run(task: ComputeTask, label: string): Promise<Response> {
    if (this.closed) return Promise.resolve(errorResponse(503, 'server_busy', 'The server is shutting down; retry in a moment.', undefined, { 'retry-after': '5' }));
    if (this.queue.length >= this.config.queue) return Promise.resolve(this.busy(label));
    return new Promise((resolve) => {
      const job: Job = { id: this.nextId++, task, label, resolve };
      // The same budget bounds the wait for a worker; the work gets its own when it starts.
      job.timer = setTimeout(() => this.expireWaiting(job), this.config.budgetMs);
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** Number of requests waiting for a worker / running. */
  stats(): { queued: number; running: number } {
    return { queued: this.queue.length, running: this.slots.filter((s) => s.job).length };
  }

  /** Terminates every worker; waiting requests get 503. For tests and shutdown. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) this.finish(job, errorResponse(503, 'server_busy', 'The server is shutting down; retry in a moment.'));
    await Promise.all(
      this.slots.map(async (slot) => {
        const worker = slot.worker ?? (await slot.starting?.catch(() => undefined));
        slot.worker = undefined;
        slot.starting = undefined;
        if (slot.job) this.finish(slot.job, errorResponse(503, 'server_busy', 'The server is shutting down; retry in a moment.'));
        await worker?.terminate();
      }),
    );
  }

  private busy(label: string): Response {
    const { workers } = this.config;
    return errorResponse(
      503,
      'server_busy',
      `The server is busy: all ${workers} compute workers are running other requests and ${this.queue.length} more are waiting, so ${label} was not started. Retry in a few seconds.`,
      { workers, queued: this.queue.length },
      { 'retry-after': '5' },
    );
  }

  private finish(job: Job, res: Response): void {
    clearTimeout(job.timer);
    job.resolve(res);
  }

  /** The wait in the queue passed the budget: 503. */
  private expireWaiting(job: Job): void {
    const at = this.queue.indexOf(job);
    if (at < 0) return;
    this.queue.splice(at, 1);
    this.finish(job, errorResponse(503, 'server_busy', `The server is busy: ${job.label} waited ${seconds(this.config.budgetMs)} for a free compute worker and was not started. Retry in a few seconds.`, { workers: this.config.workers }, { 'retry-after': '5' }));
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!this.queue.length) return;
      if (slot.job || slot.starting) continue;
      const job = this.queue.shift()!;
      // Out of the queue: starting a worker (if need be) is the server's cost, not the request's.
      clearTimeout(job.timer);
      slot.job = job;
      void this.start(slot, job);
    }
  }

  private async start(slot: Slot, job: Job): Promise<void> {
    let worker = slot.worker;
    if (!worker) {
      try {
        slot.starting = this.spawn({ maxOldGenerationSizeMb: this.config.memoryMb });
        worker = await slot.starting;
      } catch (err) {
        slot.starting = undefined;
        if (slot.job === job) slot.job = undefined;
        console.error('[draftbase] could not start a compute worker:', err);
        this.finish(job, errorResponse(500, 'internal_error', 'An unexpected error occurred on the server; see the server log.'));
        this.dispatch();
        return;
      }
      slot.starting = undefined;
      if (this.closed) {
        void worker.terminate();
        return;
      }
      this.watch(slot, worker);
      slot.worker = worker;
    }
    if (slot.job !== job) return;
    // The budget counts from here: starting a worker is not the document's cost.
    job.timer = setTimeout(() => this.overBudget(slot, job), this.config.budgetMs);
    const request: ComputeRequest = { id: job.id, task: job.task };
    worker.postMessage(request);
  }

  private watch(slot: Slot, worker: Worker): void {
    worker.unref();
    worker.on('message', (reply: ComputeReply) => {
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      slot.job = undefined;
      this.finish(job, new Response(reply.status === 204 ? null : reply.body, { status: reply.status, headers: reply.headers }));
      this.dispatch();
    });
    // A worker already replaced (stopped over budget) may still report; only the slot's own counts.
    worker.on('error', (err: Error & { code?: string }) => {
      if (slot.worker !== worker) return;
      const job = slot.job;
      slot.worker = undefined;
      slot.job = undefined;
      if (job) {
        if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          this.finish(job, errorResponse(422, 'too_large', `${capitalize(job.label)} needed more than the ${this.config.memoryMb} MB of memory one request may use, and was stopped. Work on a smaller part of the schema (for example one area).`, { memoryMb: this.config.memoryMb }));
        } else {
          console.error('[draftbase] a compute worker failed:', err);
          this.finish(job, errorResponse(500, 'internal_error', 'An unexpected error occurred on the server; see the server log.'));
        }
      }
      this.dispatch();
    });
    worker.on('exit', (code) => {
      if (slot.worker === worker) {
        // Ended without an 'error' while it was the slot's worker (process.exit in a task...).
        slot.worker = undefined;
        const job = slot.job;
        slot.job = undefined;
        if (job) {
          console.error(`[draftbase] a compute worker exited (code ${code}) while running a request`);
          this.finish(job, errorResponse(500, 'internal_error', 'An unexpected error occurred on the server; see the server log.'));
        }
      }
      this.dispatch();
    });
  }

  private overBudget(slot: Slot, job: Job): void {
    if (slot.job !== job) return;
    slot.job = undefined;
    const worker = slot.worker;
    slot.worker = undefined;
    // Stopping synchronous work means stopping its thread; the next request starts a new one.
    void worker?.terminate();
    const budget = seconds(this.config.budgetMs);
    this.finish(
      job,
      errorResponse(
        422,
        'budget_exceeded',
        `${capitalize(job.label)} did not finish within the ${budget} one request may take, and was stopped. Work on a smaller part of the schema (for example one area), or ask the operator to raise DRAFTBASE_COMPUTE_BUDGET_MS.`,
        { budgetMs: this.config.budgetMs },
      ),
    );
    this.dispatch();
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

let shared: Promise<ComputePool> | undefined;

async function createPool(config: ComputeConfig): Promise<ComputePool> {
  const { spawnComputeWorker } = await import('./worker-entry');
  return new ComputePool(config, spawnComputeWorker);
}

/** The server's one pool (created on first use, with the environment's settings). */
export function computePool(): Promise<ComputePool> {
  shared ??= createPool(computeConfig());
  return shared;
}

/** Runs a task in the server's pool: what the route handlers call. */
export async function runCompute(task: ComputeTask, label: string): Promise<Response> {
  return (await computePool()).run(task, label);
}

/** Replaces the shared pool (tests: a small budget); closes the previous one. */
export async function resetComputePool(config?: Partial<ComputeConfig>): Promise<ComputePool> {
  const previous = shared;
  shared = createPool({ ...computeConfig(), ...config });
  await (await previous)?.close();
  return shared;
}

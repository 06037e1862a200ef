/**
 * Runs the design review for the editor: on the main thread while it is cheap, in a Web Worker for
 * documents past MAIN_THREAD_MAX_WEIGHT, and in the worker for every document at least as large as
 * one whose main-thread run took longer than the budget (the rule set grows; the runner measures
 * rather than trusts a figure). With the 48 rules of the first release, the 1,000-table bench schema
 * took ~54 ms of CPU in Node (npm run bench:lint) and 0.3-0.6 s in Chromium on a loaded machine: over
 * the budget, so it goes to the worker; 100 tables take ~15 ms. Requests are coalesced: while a
 * worker run is in flight only the newest document waits.
 */
import type { SchemaDocument } from '@/lib/model/document';
import { lintDocument } from '@/lib/review/lint';
import type { LintResult } from '@/lib/review/types';
import { documentWeight } from '../ddl-panel/ddl-generator';
import type { ReviewWorkerRequest, ReviewWorkerResponse } from './review-worker-protocol';

/** The main thread's budget for one review (a few frames at most, on every edit). */
export const MAIN_THREAD_BUDGET_MS = 50;

/**
 * Documents up to this weight (documentWeight: tables, columns, keys, indexes...) are reviewed on the
 * main thread to begin with: ~375 tables of the bench schema (100 tables weigh ~2,100, 1,000 ~21,000).
 */
export const MAIN_THREAD_MAX_WEIGHT = 8_000;

export interface ReviewRun {
  input: SchemaDocument;
  result: LintResult;
  ms: number;
  where: 'main thread' | 'worker';
  /** Set when the review threw: the editor keeps working, the panel says so. */
  failure?: string;
}

export interface ReviewWorkerLike {
  postMessage(message: ReviewWorkerRequest): void;
  terminate(): void;
  listen(onMessage: (data: ReviewWorkerResponse) => void, onError: () => void): void;
}

const EMPTY: LintResult = { findings: [], waived: [], staleWaivers: [], counts: { error: 0, warning: 0, info: 0 } };

export function reviewOnThisThread(input: SchemaDocument): ReviewRun {
  const started = performance.now();
  try {
    return { input, result: lintDocument(input), ms: performance.now() - started, where: 'main thread' };
  } catch (e) {
    return { input, result: EMPTY, ms: performance.now() - started, where: 'main thread', failure: e instanceof Error ? e.message : String(e) };
  }
}

export class ReviewRunner {
  private worker: ReviewWorkerLike | null = null;
  private workerFailed = false;
  private inFlight: { id: number; input: SchemaDocument } | null = null;
  private queued: SchemaDocument | null = null;
  private nextId = 1;
  private disposed = false;
  /** The lightest document whose main-thread review went over budget: this weight and up go to the worker. */
  private slowWeight = Infinity;

  constructor(
    private readonly onRun: (run: ReviewRun) => void,
    private readonly createWorker: (() => ReviewWorkerLike) | undefined,
    private readonly maxWeight = MAIN_THREAD_MAX_WEIGHT,
    private readonly budgetMs = MAIN_THREAD_BUDGET_MS,
  ) {}

  request(input: SchemaDocument): void {
    if (this.disposed) return;
    if (this.inFlight) {
      this.queued = input;
      return;
    }
    this.send(input);
  }

  dispose(): void {
    this.disposed = true;
    this.worker?.terminate();
    this.worker = null;
  }

  private send(input: SchemaDocument): void {
    const weight = documentWeight(input);
    const worker = weight > this.maxWeight || weight >= this.slowWeight ? this.ensureWorker() : null;
    if (!worker) {
      const run = reviewOnThisThread(input);
      if (run.ms > this.budgetMs) this.slowWeight = Math.min(this.slowWeight, weight);
      this.onRun(run);
      return;
    }
    const id = this.nextId++;
    this.inFlight = { id, input };
    worker.postMessage({ requestId: id, docJson: JSON.stringify(input) });
  }

  private ensureWorker(): ReviewWorkerLike | null {
    if (this.worker || this.workerFailed || !this.createWorker) return this.worker;
    try {
      this.worker = this.createWorker();
    } catch {
      this.workerFailed = true;
      return null;
    }
    this.worker.listen(
      (data) => this.handle(data),
      () => {
        // The worker failed to load or crashed: review on this thread from now on.
        const pending = this.queued ?? this.inFlight?.input;
        this.workerFailed = true;
        this.worker?.terminate();
        this.worker = null;
        this.inFlight = null;
        this.queued = null;
        if (pending && !this.disposed) this.onRun(reviewOnThisThread(pending));
      },
    );
    return this.worker;
  }

  private handle(data: ReviewWorkerResponse): void {
    const current = this.inFlight;
    if (!current || current.id !== data.requestId || this.disposed) return;
    this.inFlight = null;
    this.onRun(
      data.ok
        ? { input: current.input, result: data.result, ms: data.ms, where: 'worker' }
        : { input: current.input, result: EMPTY, ms: data.ms, where: 'worker', failure: data.message },
    );
    const next = this.queued;
    this.queued = null;
    if (next) this.send(next);
  }
}

/**
 * Runs generateDdl for the panel: small documents on the calling thread (immediate), large ones in a
 * Web Worker started on first need (1,000 tables take 0.1-0.4 s in Chromium and 0.6-1.1 s in Node
 * here, far over a frame); on the calling thread too when there is no Worker or it fails to load.
 * Requests are coalesced: while one runs, only the newest waiting input is kept, so a burst of edits
 * costs at most one extra generation.
 *
 * A worker run has the server's time budget (COMPUTE_BUDGET_MS): past it the worker is terminated
 * and the panel says so, instead of waiting forever; the next edit starts a new worker. "Small" is
 * measured in elements (columns, keys, indexes, relationships...), not tables, so one table with
 * thousands of constraints also goes to the worker, where it can be stopped.
 */
import type { Diagnostic } from '@/lib/model/diagnostics';
import type { Dialect, SchemaDocument } from '@/lib/model/document';
import { generateDdl, type CommentedStatement } from '@/lib/ddl/generate-ddl';
import { loadedSqlParsers } from '@/lib/sql-parse/load';
import type { DdlWorkerRequest, DdlWorkerResponse } from './ddl-worker-protocol';
import { sortDiagnostics } from './ddl-helpers';
import { COMPUTE_BUDGET_MS } from '@/lib/model/limits';

export interface DdlJob {
  input: SchemaDocument;
  dialect: Dialect;
}

export interface GeneratedDdl extends DdlJob {
  sql: string;
  /** Errors first, then warnings, then notes. */
  diagnostics: Diagnostic[];
  /** The statements written commented out (the target would reject them), and why. */
  commented: CommentedStatement[];
  /** Set when the generator threw: shown instead of SQL; the editor keeps working. */
  failure?: string;
  /** Generation time (inside the worker when one is used). */
  ms: number;
  where: 'worker' | 'main thread';
}

export function generateOnThisThread(job: DdlJob): GeneratedDdl {
  const started = performance.now();
  try {
    // The parsers once loaded (use-generated-ddl starts the load and asks again when it is done).
    const { sql, diagnostics, commented } = generateDdl(job.input, job.dialect, { sqlParsers: loadedSqlParsers() });
    return { ...job, sql, diagnostics: sortDiagnostics(diagnostics), commented, ms: performance.now() - started, where: 'main thread' };
  } catch (e) {
    return { ...job, sql: '', diagnostics: [], commented: [], failure: e instanceof Error ? e.message : String(e), ms: performance.now() - started, where: 'main thread' };
  }
}

/** What the generator needs of a Worker (a real one in the browser, a fake in tests). */
export interface WorkerLike {
  postMessage(message: DdlWorkerRequest): void;
  terminate(): void;
  /** `onError`: the worker failed to load or crashed. */
  listen(onMessage: (data: DdlWorkerResponse) => void, onError: () => void): void;
}

/** Adapts a real Worker. */
export function workerLike(worker: Worker): WorkerLike {
  return {
    postMessage: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
    listen(onMessage, onError) {
      worker.onmessage = (event: MessageEvent<DdlWorkerResponse>) => onMessage(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        onError();
      };
    },
  };
}

export type WorkerFactory = () => WorkerLike;

/**
 * Up to this many elements (documentWeight) the DDL is generated on the calling thread: ~11 ms at 100
 * tables of ~15 columns in Chromium here, faster than starting a worker, so small schemas show their
 * DDL at once. 150 such tables weigh ~3,000.
 */
export const MAIN_THREAD_MAX_WEIGHT = 3000;

/** What the generator's work grows with: every table, column, key, check, index, relationship, view, enum value, partition, sequence and extension. */
export function documentWeight(doc: SchemaDocument): number {
  let weight = 0;
  for (const t of Object.values(doc.tables)) {
    weight += 1 + t.columns.length + t.uniques.length + t.checks.length + t.indexes.length + (t.partitioning?.partitions.length ?? 0);
  }
  weight += Object.keys(doc.relationships).length + Object.keys(doc.views).length + Object.keys(doc.schemas).length;
  weight += Object.keys(doc.sequences).length + Object.keys(doc.extensions).length;
  for (const e of Object.values(doc.enums)) weight += 1 + e.values.length;
  for (const d of Object.values(doc.domains)) weight += 1 + d.checks.length;
  return weight;
}

/** The panel's message when a worker run passed the budget. */
export function overBudgetMessage(budgetMs: number): string {
  return `generating took longer than ${Math.round(budgetMs / 1000)} s and was stopped; it runs again after your next edit`;
}

export class DdlGenerator {
  private worker: WorkerLike | null = null;
  private workerFailed = false;
  private inFlight: { id: number; job: DdlJob; started: number; timer: ReturnType<typeof setTimeout> } | null = null;
  private queued: DdlJob | null = null;
  private nextId = 1;
  private disposed = false;

  constructor(
    private readonly onResult: (result: GeneratedDdl) => void,
    private readonly createWorker: WorkerFactory | undefined,
    private readonly mainThreadMaxWeight = MAIN_THREAD_MAX_WEIGHT,
    private readonly budgetMs = COMPUTE_BUDGET_MS,
  ) {}

  /** The worker, started on the first large document. */
  private ensureWorker(): WorkerLike | null {
    if (this.worker || this.workerFailed || !this.createWorker) return this.worker;
    try {
      this.worker = this.createWorker();
    } catch {
      this.workerFailed = true;
      return null;
    }
    this.worker.listen(
      (data) => this.handleResponse(data),
      () => {
        // The worker script failed to load or crashed: generate on this thread from now on.
        const job = this.queued ?? this.inFlight?.job;
        this.workerFailed = true;
        this.stopWorker();
        if (job && !this.disposed) this.onResult(generateOnThisThread(job));
      },
    );
    return this.worker;
  }

  private last: DdlJob | null = null;

  /** Generates the last input again (the SQL parsers finished loading: its diagnostics can be more). */
  refresh(): void {
    if (this.last) this.request(this.last);
  }

  request(job: DdlJob): void {
    if (this.disposed) return;
    this.last = job;
    if (this.inFlight) {
      // Keep order: a small job must not overtake a large one still running in the worker.
      this.queued = job;
      return;
    }
    this.send(job);
  }

  dispose(): void {
    this.disposed = true;
    this.stopWorker();
  }

  private send(job: DdlJob): void {
    const small = documentWeight(job.input) <= this.mainThreadMaxWeight;
    const worker = small ? null : this.ensureWorker();
    if (!worker) {
      this.onResult(generateOnThisThread(job));
      return;
    }
    const id = this.nextId++;
    this.inFlight = { id, job, started: performance.now(), timer: setTimeout(() => this.overBudget(id), this.budgetMs) };
    const request: DdlWorkerRequest = { requestId: id, dialect: job.dialect, docJson: JSON.stringify(job.input) };
    worker.postMessage(request);
  }

  private handleResponse(data: DdlWorkerResponse): void {
    const current = this.inFlight;
    if (!current || current.id !== data.requestId || this.disposed) return;
    clearTimeout(current.timer);
    this.inFlight = null;
    const job = current.job;
    this.onResult(
      data.ok
        ? { ...job, sql: data.sql, diagnostics: sortDiagnostics(data.diagnostics), commented: data.commented, ms: data.ms, where: 'worker' }
        : { ...job, sql: '', diagnostics: [], commented: [], failure: data.message, ms: data.ms, where: 'worker' },
    );
    const next = this.queued;
    this.queued = null;
    if (next) this.send(next);
  }

  /** The worker ran past the budget: stop it (the only way to stop its loop), say so, go on with the next input. */
  private overBudget(id: number): void {
    const current = this.inFlight;
    if (!current || current.id !== id || this.disposed) return;
    const next = this.queued;
    this.stopWorker();
    this.onResult({ ...current.job, sql: '', diagnostics: [], commented: [], failure: overBudgetMessage(this.budgetMs), ms: performance.now() - current.started, where: 'worker' });
    if (next) this.send(next);
  }

  private stopWorker(): void {
    if (this.inFlight) clearTimeout(this.inFlight.timer);
    this.worker?.terminate();
    this.worker = null;
    this.inFlight = null;
    this.queued = null;
  }
}

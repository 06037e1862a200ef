import { afterEach, describe, expect, it, vi } from 'vitest';
import { documentOf, makeColumn, makeIndex, makeTable, scalar } from '@/lib/model/build';
import { generateDdl } from '@/lib/ddl/generate-ddl';
import type { SchemaDocument } from '@/lib/model/document';
import { hostileDocument } from '@/lib/model/fixtures/hostile-documents';
import { DdlGenerator, documentWeight, MAIN_THREAD_MAX_WEIGHT, overBudgetMessage, type GeneratedDdl, type WorkerLike } from './ddl-generator';
import type { DdlWorkerRequest, DdlWorkerResponse } from './ddl-worker-protocol';

/** A worker that answers only when told to, running the real generator like ddl.worker.ts does. */
class FakeWorker implements WorkerLike {
  private onMessage: (data: DdlWorkerResponse) => void = () => {};
  private onError: () => void = () => {};
  requests: DdlWorkerRequest[] = [];
  terminated = false;
  postMessage(message: DdlWorkerRequest) {
    this.requests.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  listen(onMessage: (data: DdlWorkerResponse) => void, onError: () => void) {
    this.onMessage = onMessage;
    this.onError = onError;
  }
  answer(index: number) {
    const req = this.requests[index];
    const { sql, diagnostics, commented } = generateDdl(JSON.parse(req.docJson), req.dialect);
    const data: DdlWorkerResponse = { requestId: req.requestId, ok: true, sql, diagnostics, commented, ms: 1 };
    this.onMessage(data);
  }
  crash() {
    this.onError();
  }
}

function doc(tableName: string, where?: string): SchemaDocument {
  return documentOf({
    tables: [
      makeTable({
        id: 't1',
        name: tableName,
        columns: [makeColumn({ id: 'c1', name: 'email', type: scalar('text') })],
        indexes: [makeIndex({ id: 'i1', name: `${tableName}_email_idx`, parts: [{ kind: 'column', columnId: 'c1' }], where })],
      }),
    ],
  });
}

function setup() {
  const results: GeneratedDdl[] = [];
  const worker = new FakeWorker();
  // Threshold 0: every document goes to the worker.
  const generator = new DdlGenerator((r) => results.push(r), () => worker, 0);
  return { results, worker, generator };
}

describe('DdlGenerator', () => {
  it('sends the document as JSON and returns the worker’s DDL for that input', () => {
    const { results, worker, generator } = setup();
    const input = doc('users');
    generator.request({ input, dialect: 'postgres' });
    expect(worker.requests).toHaveLength(1);
    expect(JSON.parse(worker.requests[0].docJson)).toEqual(input);
    worker.answer(0);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ input, dialect: 'postgres', where: 'worker' });
    expect(results[0].sql).toContain('CREATE TABLE "users"');
  });

  it('passes on the statements written commented out, from the worker and from this thread alike', () => {
    // A table MySQL rejects: a 70-character name.
    const input = doc('x'.repeat(70));
    const { results, worker, generator } = setup();
    generator.request({ input, dialect: 'mysql' });
    worker.answer(0);
    const here = new DdlGenerator((r) => results.push(r), undefined);
    here.request({ input, dialect: 'mysql' });
    for (const r of results) {
      // The table, and its index (which needs it).
      expect(r.commented.map((c) => c.summary.split(' ').slice(0, 2).join(' '))).toEqual(['CREATE TABLE', 'CREATE INDEX']);
      expect(r.sql).toContain(`-- CREATE TABLE \`${'x'.repeat(70)}\` (`);
    }
    expect(results.map((r) => r.where)).toEqual(['worker', 'main thread']);
  });

  it('coalesces a burst: one in flight, only the newest waiting input is generated next', () => {
    const { results, worker, generator } = setup();
    const a = doc('a');
    const b = doc('b');
    const c = doc('c');
    generator.request({ input: a, dialect: 'postgres' });
    generator.request({ input: b, dialect: 'postgres' });
    generator.request({ input: c, dialect: 'mysql' });
    expect(worker.requests).toHaveLength(1);
    worker.answer(0);
    expect(worker.requests).toHaveLength(2);
    expect(worker.requests[1].dialect).toBe('mysql');
    worker.answer(1);
    expect(results.map((r) => r.input)).toEqual([a, c]);
    expect(results[1].sql).toContain('CREATE TABLE `c`');
  });

  it('sorts diagnostics errors first and reports the MySQL partial index', () => {
    const { results, worker, generator } = setup();
    generator.request({ input: doc('users', "email <> ''"), dialect: 'mysql' });
    worker.answer(0);
    const partial = results[0].diagnostics.find((d) => d.message.includes('users_email_idx'));
    expect(partial).toBeDefined();
    const order = { error: 0, warning: 1, info: 2 };
    const ranks = results[0].diagnostics.map((d) => order[d.severity]);
    expect(ranks).toEqual([...ranks].sort((x, y) => x - y));
  });

  it('falls back to this thread when the worker fails, and ignores answers after dispose', () => {
    const { results, worker, generator } = setup();
    const input = doc('users');
    generator.request({ input, dialect: 'postgres' });
    worker.crash();
    expect(worker.terminated).toBe(true);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ input, where: 'main thread' });
    generator.request({ input: doc('later'), dialect: 'postgres' });
    expect(results[1].sql).toContain('"later"');
    generator.dispose();
    generator.request({ input, dialect: 'postgres' });
    expect(results).toHaveLength(2);
  });

  it('generates small documents on this thread without starting a worker, large ones in the worker', () => {
    const results: GeneratedDdl[] = [];
    let started = 0;
    const worker = new FakeWorker();
    // Weight 3 (a table, a column, an index) is small; the two-table document below weighs 5.
    const generator = new DdlGenerator((r) => results.push(r), () => (started++, worker), 3);
    generator.request({ input: doc('small'), dialect: 'postgres' });
    expect(started).toBe(0);
    expect(results[0]).toMatchObject({ where: 'main thread' });
    const big = doc('big');
    big.tables.t2 = { ...big.tables.t1, id: 't2', name: 'big2', indexes: [] };
    generator.request({ input: big, dialect: 'postgres' });
    expect(started).toBe(1);
    // A small job waits behind the running large one, so results arrive in request order.
    generator.request({ input: doc('small2'), dialect: 'postgres' });
    expect(results).toHaveLength(1);
    worker.answer(0);
    expect(results.map((r) => r.where)).toEqual(['main thread', 'worker', 'main thread']);
    expect(results[2].sql).toContain('"small2"');
  });

  it('generates on this thread when there is no Worker, and reports a generator failure instead of throwing', () => {
    const results: GeneratedDdl[] = [];
    const generator = new DdlGenerator((r) => results.push(r), undefined);
    generator.request({ input: doc('users'), dialect: 'postgres' });
    expect(results[0].where).toBe('main thread');
    // A document the generator cannot read (a column type referencing nothing) must not throw here.
    const broken = doc('broken');
    broken.tables.t1.columns[0].type = { kind: 'enum', enumId: 'missing' };
    generator.request({ input: broken, dialect: 'postgres' });
    expect(results).toHaveLength(2);
    expect(results[1].failure === undefined ? results[1].sql.length > 0 : results[1].failure.length > 0).toBe(true);
  });

  describe('time budget', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('stops a worker that runs past the budget, says so, and generates the next input in a new worker', () => {
      vi.useFakeTimers();
      const results: GeneratedDdl[] = [];
      const workers: FakeWorker[] = [];
      const generator = new DdlGenerator((r) => results.push(r), () => (workers.push(new FakeWorker()), workers.at(-1)!), 0, 5_000);
      const stuck = doc('stuck');
      generator.request({ input: stuck, dialect: 'postgres' });
      const waiting = doc('waiting');
      generator.request({ input: waiting, dialect: 'mysql' });
      vi.advanceTimersByTime(4_999);
      expect(results).toHaveLength(0);
      vi.advanceTimersByTime(1);
      expect(workers[0].terminated).toBe(true);
      expect(results).toHaveLength(1);
      expect(results[0]).toMatchObject({ input: stuck, sql: '', where: 'worker', failure: overBudgetMessage(5_000) });
      expect(results[0].failure).toBe('generating took longer than 5 s and was stopped; it runs again after your next edit');
      // The waiting input went to a fresh worker, which answers in time.
      expect(workers).toHaveLength(2);
      expect(workers[1].requests[0].dialect).toBe('mysql');
      workers[1].answer(0);
      expect(results[1]).toMatchObject({ input: waiting, where: 'worker' });
      expect(results[1].sql).toContain('CREATE TABLE `waiting`');
      // An answer in time cancels the budget.
      generator.request({ input: doc('later'), dialect: 'postgres' });
      workers[1].answer(1);
      vi.advanceTimersByTime(10_000);
      expect(workers[1].terminated).toBe(false);
      expect(results).toHaveLength(3);
    });
  });

  it('weighs documents by elements, not tables: one table with 4,000 unique constraints goes to the worker', () => {
    const oneTable = hostileDocument('unnamed-uniques', 4000);
    expect(Object.keys(oneTable.tables)).toHaveLength(1);
    expect(documentWeight(oneTable)).toBeGreaterThan(MAIN_THREAD_MAX_WEIGHT);
    const results: GeneratedDdl[] = [];
    let started = 0;
    const worker = new FakeWorker();
    new DdlGenerator((r) => results.push(r), () => (started++, worker)).request({ input: oneTable, dialect: 'postgres' });
    expect(started).toBe(1);
    expect(results).toHaveLength(0);
  });
});

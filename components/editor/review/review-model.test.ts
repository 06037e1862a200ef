import { describe, expect, it } from 'vitest';
import { lintDocument } from '@/lib/review/lint';
import { onlyShopRules, shopDocument as plainShop } from '@/lib/review/report/shop.test-support';
import { syntheticDocument } from '@/bench/synthetic';
import { documentWeight } from '../ddl-panel/ddl-generator';
import { createEditorStore } from '../store/editor-store';
import { createReviewModel, sameReviewInputs } from './review-model';
import { MAIN_THREAD_MAX_WEIGHT, ReviewRunner, type ReviewRun, type ReviewWorkerLike } from './review-runner';
import type { ReviewWorkerRequest, ReviewWorkerResponse } from './review-worker-protocol';

/** The shop with every rule but the two these tests are about turned off (review.waive keeps the setting). */
function shopDocument() {
  return { ...plainShop(), review: onlyShopRules() };
}

/** A worker that answers only when told to, running the real review like review.worker.ts does. */
class FakeWorker implements ReviewWorkerLike {
  private onMessage: (data: ReviewWorkerResponse) => void = () => {};
  private onError: () => void = () => {};
  requests: ReviewWorkerRequest[] = [];
  postMessage(message: ReviewWorkerRequest) {
    this.requests.push(message);
  }
  terminate() {}
  listen(onMessage: (data: ReviewWorkerResponse) => void, onError: () => void) {
    this.onMessage = onMessage;
    this.onError = onError;
  }
  answer(index: number) {
    const req = this.requests[index];
    this.onMessage({ requestId: req.requestId, ok: true, result: lintDocument(JSON.parse(req.docJson)), ms: 1 });
  }
  crash() {
    this.onError();
  }
}

describe('ReviewRunner', () => {
  it('reviews small documents on the main thread, at once', () => {
    const runs: ReviewRun[] = [];
    const runner = new ReviewRunner((r) => runs.push(r), () => new FakeWorker());
    const doc = shopDocument();
    runner.request(doc);
    expect(runs.map((r) => [r.where, r.input === doc, r.result.counts])).toEqual([['main thread', true, { error: 1, warning: 1, info: 0 }]]);
  });

  it('the 100-table bench schema is reviewed on the main thread, the 1,000-table one in the worker', () => {
    expect(documentWeight(syntheticDocument({ tables: 100 }))).toBeLessThan(MAIN_THREAD_MAX_WEIGHT);
    expect(documentWeight(syntheticDocument({ tables: 1000 }))).toBeGreaterThan(MAIN_THREAD_MAX_WEIGHT);
  });

  it('sends large documents to the worker, keeps only the newest waiting one, and falls back when the worker crashes', () => {
    const runs: ReviewRun[] = [];
    const worker = new FakeWorker();
    const runner = new ReviewRunner((r) => runs.push(r), () => worker, 0);
    const [a, b, c] = [shopDocument(), shopDocument(), shopDocument()];
    runner.request(a);
    runner.request(b);
    runner.request(c);
    expect(worker.requests).toHaveLength(1);
    worker.answer(0);
    expect(worker.requests).toHaveLength(2);
    worker.answer(1);
    expect(runs.map((r) => [r.where, r.input === a ? 'a' : r.input === c ? 'c' : 'b'])).toEqual([
      ['worker', 'a'],
      ['worker', 'c'],
    ]);
    runner.request(b);
    worker.crash();
    expect(runs.at(-1)).toMatchObject({ where: 'main thread', input: b });
  });

  it('moves documents at least as large as one that went over budget on the main thread to the worker', () => {
    const runs: ReviewRun[] = [];
    const worker = new FakeWorker();
    // A budget of -1 ms: every main-thread run is "over budget".
    const runner = new ReviewRunner((r) => runs.push(r), () => worker, Infinity, -1);
    runner.request(shopDocument());
    expect(runs[0].where).toBe('main thread');
    runner.request(shopDocument());
    expect(worker.requests).toHaveLength(1);
  });
});

describe('the editor review model', () => {
  function setup() {
    const editor = createEditorStore({ projectId: 'p', name: 'shop', version: 1, doc: shopDocument() });
    const requests: unknown[] = [];
    const queue: Array<() => void> = [];
    const model = createReviewModel(editor, {
      runner: (onRun) => {
        const inner = new ReviewRunner(onRun, undefined);
        return { request: (d) => (requests.push(d), inner.request(d)), dispose: () => inner.dispose() };
      },
      schedule: (fn) => queue.push(fn),
    });
    const flush = () => {
      while (queue.length) queue.shift()!();
    };
    return { editor, model, requests, flush };
  }

  it('reviews the document, and again after an edit; a fix clears its finding and undo brings it back', () => {
    const { editor, model, flush } = setup();
    flush();
    const first = model.store.getState();
    expect(first.run?.result.findings.map((f) => f.ruleId)).toEqual(['no-primary-key', 'fk-without-index']);
    expect(first.markers.get('t_o')).toMatchObject({ count: 2, worst: 'error' });
    const fix = first.run!.result.findings[1].fix!;
    editor.getState().dispatch(fix.command);
    expect(model.store.getState().pending).toBe(true);
    flush();
    expect(model.store.getState().run?.result.findings.map((f) => f.ruleId)).toEqual(['no-primary-key']);
    expect(model.store.getState().markers.get('t_o')).toMatchObject({ count: 1, worst: 'error' });
    editor.getState().undo();
    flush();
    expect(model.store.getState().run?.result.findings.map((f) => f.ruleId)).toEqual(['no-primary-key', 'fk-without-index']);
    expect(model.store.getState().pending).toBe(false);
  });

  it('a waiver moves the finding aside and removes it from the marker', () => {
    const { editor, model, flush } = setup();
    flush();
    editor.getState().dispatch({ type: 'review.waive', waiver: { key: 'no-primary-key:t_o', ruleId: 'no-primary-key', rationale: 'log table' } });
    flush();
    const s = model.store.getState();
    expect(s.run?.result.waived.map((f) => f.key)).toEqual(['no-primary-key:t_o']);
    expect(s.markers.get('t_o')).toMatchObject({ count: 1, worst: 'warning' });
  });

  it('does not review again for layout-only edits, and coalesces a burst of edits into one review', () => {
    const { editor, requests, flush } = setup();
    flush();
    expect(requests).toHaveLength(1);
    editor.getState().dispatch({ type: 'layout.moveTables', positions: { t_o: { x: 500, y: 500 } } });
    flush();
    expect(requests).toHaveLength(1);
    editor.getState().dispatch({ type: 'table.update', tableId: 't_c', changes: { name: 'clients' } });
    editor.getState().dispatch({ type: 'table.update', tableId: 't_c', changes: { name: 'buyers' } });
    flush();
    expect(requests).toHaveLength(2);
  });

  it('keeps the marker object of a table whose findings did not change', () => {
    const { editor, model, flush } = setup();
    flush();
    const before = model.store.getState().markers.get('t_o');
    editor.getState().dispatch({ type: 'table.update', tableId: 't_c', changes: { comment: 'buyers' } });
    flush();
    expect(model.store.getState().markers.get('t_o')).toBe(before);
  });

  it('sameReviewInputs ignores layout and notes only', () => {
    const doc = shopDocument();
    expect(sameReviewInputs(doc, { ...doc, layout: { ...doc.layout } })).toBe(true);
    expect(sameReviewInputs(doc, { ...doc, review: { waivers: [] } })).toBe(false);
    expect(sameReviewInputs(doc, { ...doc, tables: { ...doc.tables } })).toBe(false);
  });
});

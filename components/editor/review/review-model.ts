/**
 * The editor's design review: a small store beside the editor store that holds the newest review of
 * the document and what the canvas draws from it (one marker per table with findings). It follows
 * the document: after an edit that can change a finding (anything but layout and sticky notes) the
 * review runs again, once per burst of edits (`schedule`). Computed once per document change, so a
 * table node only reads its own marker, which keeps its identity while it does not change.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SchemaDocument } from '@/lib/model/document';
import { tableMarkers, type TableMarker } from '@/lib/review/report/problems';
import type { LintResult } from '@/lib/review/types';
import type { EditorState } from '../store/editor-store';
import { ReviewRunner, type ReviewRun } from './review-runner';

export interface ReviewState {
  /** The newest review; undefined until the first one ran. */
  run: ReviewRun | undefined;
  markers: ReadonlyMap<string, TableMarker>;
  /** True while the shown review is older than the document. */
  pending: boolean;
}

/** Document parts no rule reads: where tables sit, their colours, sticky notes. */
const IGNORED_KEYS = new Set<keyof SchemaDocument>(['layout', 'notes']);

/** True when nothing a rule reads changed (immer keeps untouched parts identical). */
export function sameReviewInputs(a: SchemaDocument, b: SchemaDocument): boolean {
  if (a === b) return true;
  for (const k of Object.keys(b) as (keyof SchemaDocument)[]) if (!IGNORED_KEYS.has(k) && a[k] !== b[k]) return false;
  for (const k of Object.keys(a) as (keyof SchemaDocument)[]) if (!(k in b)) return false;
  return true;
}

/** New markers, reusing the previous object for every table whose marker did not change. */
export function stableMarkers(previous: ReadonlyMap<string, TableMarker>, next: Map<string, TableMarker>): ReadonlyMap<string, TableMarker> {
  for (const [id, m] of next) {
    const old = previous.get(id);
    if (old && old.count === m.count && old.worst === m.worst && old.title === m.title) next.set(id, old);
  }
  return next;
}

export interface ReviewModel {
  store: StoreApi<ReviewState>;
  dispose(): void;
}

export interface ReviewModelOptions {
  /** Runs the review (tests pass one without a worker). */
  runner?: (onRun: (run: ReviewRun) => void) => Pick<ReviewRunner, 'request' | 'dispose'>;
  /** Defers a review until the current burst of edits is over (default: a macrotask). */
  schedule?: (fn: () => void) => void;
}

export function createReviewModel(editor: StoreApi<EditorState>, options: ReviewModelOptions = {}): ReviewModel {
  const store = createStore<ReviewState>()(() => ({ run: undefined, markers: new Map(), pending: true }));
  const onRun = (run: ReviewRun) => {
    const doc = editor.getState().doc;
    store.setState({
      run,
      markers: stableMarkers(store.getState().markers, tableMarkers(run.result.findings, run.input)),
      pending: !sameReviewInputs(run.input, doc),
    });
  };
  const runner = options.runner ? options.runner(onRun) : new ReviewRunner(onRun, undefined);
  const schedule = options.schedule ?? ((fn: () => void) => void setTimeout(fn, 0));
  let requested: SchemaDocument | undefined;
  let scheduled = false;
  const request = () => {
    if (scheduled) return;
    scheduled = true;
    schedule(() => {
      scheduled = false;
      const doc = editor.getState().doc;
      if (requested && sameReviewInputs(requested, doc)) return;
      requested = doc;
      runner.request(doc);
    });
  };
  request();
  const unsubscribe = editor.subscribe((s, prev) => {
    if (s.doc === prev.doc || (requested && sameReviewInputs(requested, s.doc))) return;
    if (!store.getState().pending) store.setState({ pending: true });
    request();
  });
  return {
    store,
    dispose() {
      unsubscribe();
      runner.dispose();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// React access

export const ReviewStoreContext = createContext<StoreApi<ReviewState> | null>(null);

/** What a component outside an editor (no review) reads: nothing reviewed, no markers. */
const NO_REVIEW = createStore<ReviewState>()(() => ({ run: undefined, markers: new Map(), pending: false }));

/** Reads the review through a narrow selector (a table node: its own marker). */
export function useReview<T>(selector: (s: ReviewState) => T): T {
  return useStore(useContext(ReviewStoreContext) ?? NO_REVIEW, selector);
}

/** The open findings' counts, or zeros before the first review. */
export function countsOf(s: ReviewState): LintResult['counts'] {
  return s.run?.result.counts ?? ZERO;
}
const ZERO: LintResult['counts'] = { error: 0, warning: 0, info: 0 };

'use client';
/** The editor's review model for the page's lifetime, with the review's Web Worker for large documents. */
import { useEffect, useState } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { EditorState } from '../store/editor-store';
import { createReviewModel, type ReviewModel } from './review-model';
import { ReviewRunner, type ReviewWorkerLike } from './review-runner';
import type { ReviewWorkerResponse } from './review-worker-protocol';

function createReviewWorker(): ReviewWorkerLike {
  // Next/Turbopack bundles the worker from this exact `new Worker(new URL(...))` shape.
  const worker = new Worker(new URL('./review.worker.ts', import.meta.url), { type: 'module' });
  return {
    postMessage: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
    listen(onMessage, onError) {
      worker.onmessage = (event: MessageEvent<ReviewWorkerResponse>) => onMessage(event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        onError();
      };
    },
  };
}

export function useReviewModel(editor: StoreApi<EditorState>): ReviewModel {
  const [model] = useState(() =>
    createReviewModel(editor, { runner: (onRun) => new ReviewRunner(onRun, typeof Worker === 'undefined' ? undefined : createReviewWorker) }),
  );
  useEffect(() => () => model.dispose(), [model]);
  return model;
}

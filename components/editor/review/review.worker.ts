/**
 * The design review off the main thread, for documents whose review took longer than a frame on it
 * (review-runner.ts decides). lintDocument is pure: the document in, the findings out.
 */
import type { SchemaDocument } from '@/lib/model/document';
import { lintDocument } from '@/lib/review/lint';
import type { ReviewWorkerRequest, ReviewWorkerResponse } from './review-worker-protocol';

self.addEventListener('message', (event: MessageEvent<ReviewWorkerRequest>) => {
  const { requestId, docJson, dialect } = event.data;
  const started = performance.now();
  let reply: ReviewWorkerResponse;
  try {
    // The editor store's own document, validated when it was loaded.
    const doc: SchemaDocument = JSON.parse(docJson);
    const result = lintDocument(doc, { dialect });
    reply = { requestId, ok: true, result, ms: performance.now() - started };
  } catch (e) {
    reply = { requestId, ok: false, message: e instanceof Error ? e.message : String(e), ms: performance.now() - started };
  }
  self.postMessage(reply);
});

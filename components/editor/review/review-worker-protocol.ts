/** Messages between the design review (review-runner.ts) and its Web Worker (review.worker.ts). */
import type { Dialect } from '@/lib/model/document';
import type { LintResult } from '@/lib/review/types';

export interface ReviewWorkerRequest {
  requestId: number;
  /** The document as JSON text: far cheaper than the structured clone of a large document (see ddl-worker-protocol.ts). */
  docJson: string;
  dialect?: Dialect;
}

export type ReviewWorkerResponse =
  | { requestId: number; ok: true; result: LintResult; ms: number }
  | { requestId: number; ok: false; message: string; ms: number };

/**
 * The browser's client for POST /api/advise: the query-pattern verdicts of a document. Shapes from
 * lib/workload/advice.ts (shared with the server; no server module imported here).
 */
import type { SchemaDocument } from '../model/document';
import type { WorkloadAdvice } from '../workload/advice';

export class AdviseError extends Error {
  constructor(message: string, readonly status: number, readonly code?: string) {
    super(message);
  }
}

export async function fetchAdvice(document: SchemaDocument, options: { budgetMs?: number; signal?: AbortSignal; fetch?: typeof fetch } = {}): Promise<WorkloadAdvice> {
  // The editor passes its apiFetch (a share link's page sends the link with every call).
  const res = await (options.fetch ?? fetch)('/api/advise', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ document, ...(options.budgetMs ? { budgetMs: options.budgetMs } : {}) }),
    signal: options.signal,
  });
  const body = (await res.json().catch(() => undefined)) as (WorkloadAdvice & { error?: { code?: string; message?: string } }) | undefined;
  if (!res.ok || !body) {
    const err = body?.error;
    throw new AdviseError(err?.message ?? `The advisor failed (HTTP ${res.status}).`, res.status, err?.code);
  }
  return body;
}

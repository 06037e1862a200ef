/**
 * DDL generation off the main thread: at 1,000 tables generateDdl takes far longer than a frame
 * (see the figures in ddl-panel.tsx), so the panel asks this worker and stays responsive.
 */
import type { SchemaDocument } from '@/lib/model/document';
import { generateDdl } from '@/lib/ddl/generate-ddl';
import type { DdlWorkerRequest, DdlWorkerResponse } from './ddl-worker-protocol';
import { loadEditorSqlParsers } from '../sql-parsers';
import type { SqlParsers } from '@/lib/sql-parse/types';

// Loaded once, at start: expressions are parsed for their diagnostics (a failed load leaves them out).
const parsersReady: Promise<SqlParsers> = loadEditorSqlParsers().catch(() => ({}));

function reply(message: DdlWorkerResponse) {
  self.postMessage(message);
}

self.addEventListener('message', async (event: MessageEvent<DdlWorkerRequest>) => {
  const { requestId, dialect, docJson } = event.data;
  const started = performance.now();
  const sqlParsers = await parsersReady;
  try {
    // The panel sends the editor store's own document, already validated when it was loaded.
    const doc: SchemaDocument = JSON.parse(docJson);
    const { sql, diagnostics, commented } = generateDdl(doc, dialect, { sqlParsers });
    reply({ requestId, ok: true, sql, diagnostics, commented, ms: performance.now() - started });
  } catch (e) {
    reply({ requestId, ok: false, message: e instanceof Error ? e.message : String(e), ms: performance.now() - started });
  }
});

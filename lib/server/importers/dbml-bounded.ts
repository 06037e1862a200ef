/**
 * DBML parsing with a time limit. @dbml/core's error recovery is superlinear: a few MB of text that is
 * almost DBML kept it busy for minutes here (541 s for 3.9 MB). Parsing is synchronous, so the server
 * runs it in a worker thread and terminates it at the deadline; only the parser's plain-data output
 * crosses back, and the mapping to a document runs here.
 */
import 'server-only';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { dbmlFailureToImportError, dbmlToDocument, type DbmlParseFailure, type ParsedDbml } from '../../importers/dbml/dbml-import';
import { guardDbmlInput } from '../../importers/dbml/dbml-guard';
import { ImportError, type ImportResult } from '../../importers/types';

export const DBML_PARSE_TIMEOUT_MS = 20_000;

// Plain CommonJS evaluated in the worker, so it needs no bundling or TypeScript loader. The worker stays
// alive between imports (loading @dbml/core costs seconds); it is replaced only after a timeout.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { Parser } = require(workerData.entry);
parentPort.on('message', ({ id, text }) => {
  try {
    const db = Parser.parse(text, 'dbmlv2');
    parentPort.postMessage({ id, ok: true, exported: db.export(), databaseType: db.databaseType });
  } catch (e) {
    const diags = e && Array.isArray(e.diags) ? e.diags.slice(0, 1000).map((d) => ({ message: String(d.message), location: d.location })) : undefined;
    parentPort.postMessage({ id, ok: false, diags, message: String((e && e.message) || e), stackOverflow: e instanceof RangeError });
  }
});
`;

type WorkerReply = { id: number } & (({ ok: true } & ParsedDbml) | ({ ok: false } & DbmlParseFailure));

function dbmlEntry(): string {
  // Resolved from the app's root (the working directory of `next start` and of the CLI).
  return createRequire(path.join(process.cwd(), 'package.json')).resolve('@dbml/core');
}

let worker: Worker | undefined;
let nextId = 1;
/** One parse at a time: the deadline of a request must not include another request's parse. */
let queue: Promise<unknown> = Promise.resolve();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { entry: dbmlEntry() }, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    // Never keep a CLI process alive just for an idle parser.
    worker.unref();
    const w = worker;
    w.once('exit', () => {
      if (worker === w) worker = undefined;
    });
  }
  return worker;
}

function parseInWorker(text: string, timeoutMs: number): Promise<ParsedDbml> {
  return new Promise((resolve, reject) => {
    const w = getWorker();
    const id = nextId++;
    const cleanup = () => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
    };
    const timer = setTimeout(() => {
      cleanup();
      worker = undefined;
      void w.terminate();
      reject(new ImportError(`invalid DBML: the parser gave up after ${Math.round(timeoutMs / 1000)} s; the input does not look like DBML`));
    }, timeoutMs);
    const onMessage = (reply: WorkerReply) => {
      if (reply.id !== id) return;
      cleanup();
      if (reply.ok) resolve({ exported: reply.exported, databaseType: reply.databaseType });
      else reject(dbmlFailureToImportError(text, reply));
    };
    const onError = (e: Error) => {
      cleanup();
      worker = undefined;
      reject(new ImportError(`invalid DBML: the parser failed (${e.message})`));
    };
    w.on('message', onMessage);
    w.once('error', onError);
    w.postMessage({ id, text });
  });
}

/** Parses DBML off the main thread, failing with an ImportError after `timeoutMs` of parsing. */
export function parseDbmlBounded(text: string, timeoutMs = DBML_PARSE_TIMEOUT_MS): Promise<ParsedDbml> {
  const run = queue.then(() => parseInWorker(text, timeoutMs));
  queue = run.catch(() => undefined);
  return run;
}

/** The server's DBML import: input guards, a time-limited parse, then the same mapping as importDbml. */
export async function importDbmlBounded(text: string): Promise<ImportResult> {
  if (!text.trim()) throw new ImportError('the DBML source is empty');
  guardDbmlInput(text);
  return dbmlToDocument(await parseDbmlBounded(text));
}

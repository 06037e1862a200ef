/**
 * A compute worker thread: runs the tasks of tasks.ts one at a time and posts each Response back as
 * plain data. The pool starts it (pool.ts) and terminates it when a task overruns its budget.
 */
import 'server-only';
import { parentPort } from 'node:worker_threads';
import type { ComputeReply, ComputeRequest } from './protocol';
import { runTask } from './tasks';
import { loadSqlParsers } from '../../sql-parse/load';

const port = parentPort;
if (!port) throw new Error('compute.worker.ts runs as a worker thread of the compute pool');

port.on('message', async ({ id, task }: ComputeRequest) => {
  const started = performance.now();
  const res = await runTask(task);
  const body = await res.text();
  const reply: ComputeReply = { id, status: res.status, headers: [...res.headers], body, ms: performance.now() - started };
  port.postMessage(reply);
});

// The SQL parsers every DDL render and export uses (0.1-0.3 s to load libpg-query's WASM and the
// MySQL grammar): loaded with the rest, so a replacement worker's first render is not billed for them.
await loadSqlParsers().catch(() => undefined);

// Everything above is loaded: the pool may send work now (start-up is not billed to a request).
port.postMessage({ ready: true });

/**
 * Starting a compute worker. Inside Next (`next dev`, `next build` + `next start`) Turbopack bundles
 * compute.worker.ts and everything it imports as a worker entry, from the literal
 * `new Worker(new URL('./compute.worker.ts', import.meta.url))` below (Next 16.2+ bundles
 * node:worker_threads entries like this; the URL then points at the emitted chunk). Anywhere else
 * (vitest, scripts) there is no bundler in between and Node cannot run TypeScript in a worker, so
 * the entry is bundled with esbuild on first use (source-build.ts, development only).
 */
import 'server-only';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** Longer than any start-up seen (0.5-4 s: loading the generators and parsers), short of forever. */
const START_TIMEOUT_MS = 60_000;

/** Resolves once the worker has loaded its modules (it posts `{ ready: true }`), so start-up is not billed to a request. */
function whenReady(worker: Worker): Promise<Worker> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => onError(new Error(`the compute worker did not start within ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    const onMessage = (m: unknown) => {
      if (!m || typeof m !== 'object' || !('ready' in m)) return;
      cleanup();
      resolve(worker);
    };
    const onError = (err: Error) => {
      cleanup();
      void worker.terminate();
      reject(err);
    };
    const onExit = (code: number) => onError(new Error(`the compute worker exited with code ${code} while starting`));
    const cleanup = () => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}

export async function spawnComputeWorker(resourceLimits: ResourceLimits): Promise<Worker> {
  if (process.env.NEXT_RUNTIME) {
    return whenReady(new Worker(new URL('./compute.worker.ts', import.meta.url), { resourceLimits }));
  }
  const { bundledComputeWorker } = await import(/* turbopackIgnore: true */ /* webpackIgnore: true */ './source-build');
  return whenReady(new Worker(await bundledComputeWorker(), { resourceLimits }));
}

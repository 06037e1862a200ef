/**
 * Development and tests only (never inside Next, see worker-entry.ts): compute.worker.ts bundled
 * with esbuild (a dependency of tsx) into node_modules/.cache, once per process, with the packages
 * left external so they resolve from the app's node_modules like the server's own imports. Each
 * process writes its own directory (vitest runs test files in parallel processes) and removes it
 * when it exits; directories of processes that died without exiting are removed at the next build.
 */
import 'server-only';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

let built: Promise<string> | undefined;

export function bundledComputeWorker(): Promise<string> {
  built ??= (async () => {
    const esbuild = await import('esbuild');
    const root = process.cwd();
    const cache = path.join(root, 'node_modules', '.cache', 'draftbase');
    removeOrphans(cache);
    const outdir = path.join(cache, `compute-worker-${process.pid}`);
    mkdirSync(outdir, { recursive: true });
    process.once('exit', () => rmSync(outdir, { recursive: true, force: true }));
    await esbuild.build({
      entryPoints: { 'compute.worker': path.join(root, 'lib/server/compute/compute.worker.ts') },
      outdir,
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      // The `server-only` marker is inert on the server (Next aliases it the same way).
      alias: { '@': root, 'server-only': path.join(root, 'node_modules/server-only/empty.js') },
      outExtension: { '.js': '.mjs' },
      sourcemap: 'inline',
      logLevel: 'warning',
    });
    return path.join(outdir, 'compute.worker.mjs');
  })();
  return built;
}

/** Removes the bundles of processes that no longer run (killed test workers). */
function removeOrphans(cache: string): void {
  let names: string[];
  try {
    names = readdirSync(cache);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(/^compute-worker-(\d+)$/.exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') rmSync(path.join(cache, name), { recursive: true, force: true });
    }
  }
}


/**
 * Development and tests only (never inside Next, see worker-entry.ts): compute.worker.ts bundled
 * with esbuild (a dependency of tsx) into node_modules/.cache, once per process, with the packages
 * left external so they resolve from the app's node_modules like the server's own imports. Each
 * process writes its own directory (vitest runs test files in parallel processes) and removes it
 * when it exits.
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

let built: Promise<string> | undefined;

export function bundledComputeWorker(): Promise<string> {
  built ??= (async () => {
    const esbuild = await import('esbuild');
    const root = process.cwd();
    const outdir = path.join(root, 'node_modules', '.cache', 'draftbase', `compute-worker-${process.pid}`);
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
      alias: { '@': root },
      outExtension: { '.js': '.mjs' },
      sourcemap: 'inline',
      logLevel: 'warning',
    });
    return path.join(outdir, 'compute.worker.mjs');
  })();
  return built;
}

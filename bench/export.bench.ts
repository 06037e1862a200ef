/**
 * `npm run bench:export`: time to export a synthetic project (bench/synthetic.ts, 15 columns per table,
 * areas of 25 tables) as DATABASE_DESIGN.md (the whole document: mermaid split, data dictionary, DDL,
 * index strategy...), and as Prisma schema and DBML. Median of 5 runs after one warm-up, each after a
 * full GC, in milliseconds (wall and this process's CPU time), with the output sizes and the load
 * average. Target: markdown at 1,000 tables in 1 s or less. The verdict uses the wall time when the
 * machine is not overloaded (load average below the CPU count), else the CPU time, and says which.
 *
 * Usage: npm run bench:export [-- --sizes 100,1000 --runs 5]
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { exportFile } from '../lib/formats/files';
import type { SchemaDocument } from '../lib/model/document';
import { syntheticDocument } from './synthetic';

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Wall time and CPU time of this process (CPU time is what other processes on a busy machine cannot inflate as much). */
function measure(doc: SchemaDocument, format: string, runs: number): { ms: number; cpuMs: number; chars: number } {
  let chars = exportFile(doc, format).text.length; // warm-up
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    chars = exportFile(doc, format).text.length;
    const used = process.cpuUsage(cpuStart);
    times.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: median(times), cpuMs: median(cpu), chars };
}

function main(): void {
  const { values } = parseArgs({ options: { sizes: { type: 'string' }, runs: { type: 'string' } } });
  const sizes = (values.sizes ?? '100,1000').split(',').map(Number);
  const runs = Number(values.runs ?? 5);
  const formats: string[] = ['markdown', 'prisma', 'dbml'];
  console.log(`bench:export, median of ${runs} runs; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}; ${os.cpus().length} CPUs`);
  console.log(['tables', ...formats.map((f) => `${f} wall ms / cpu ms (chars)`)].join('\t'));
  let markdown1000: { ms: number; cpuMs: number } | undefined;
  for (const n of sizes) {
    const doc = syntheticDocument({ tables: n });
    const cells = formats.map((f) => {
      const r = measure(doc, f, runs);
      if (f === 'markdown' && n === 1000) markdown1000 = r;
      return `${r.ms.toFixed(0)} / ${r.cpuMs.toFixed(0)} (${r.chars.toLocaleString('en-US')})`;
    });
    console.log([n, ...cells].join('\t'));
  }
  if (markdown1000 !== undefined) {
    const overloaded = os.loadavg()[0] >= os.cpus().length;
    const figure = overloaded ? markdown1000.cpuMs : markdown1000.ms;
    const ok = figure <= 1000;
    console.log(`markdown export of 1,000 tables: ${markdown1000.ms.toFixed(0)} ms wall, ${markdown1000.cpuMs.toFixed(0)} ms CPU; verdict on ${overloaded ? 'CPU time (machine overloaded)' : 'wall time'}: ${figure.toFixed(0)} ms (target <= 1000 ms): ${ok ? 'OK' : 'OVER TARGET'}`);
    if (!ok) process.exitCode = 1;
  }
}

main();

/**
 * `npm run bench:generate`: time to generate PostgreSQL DDL, MySQL DDL, SQLite DDL, the mermaid ERD and the index
 * strategy table for synthetic documents of 100, 1,000 and 5,000 tables of 15 columns (bench/synthetic.ts).
 * Prints the median of 5 runs (after one warm-up run, each after a full GC) per output, in milliseconds
 * of wall time and of CPU time (process.cpuUsage), and the output sizes, with the machine's load average (other processes inflate every figure).
 * Target: under 100 ms per output at 1,000 tables on a 2-core machine.
 *
 * Usage: npm run bench:generate [-- --sizes 100,1000 --runs 5]
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Dialect, SchemaDocument } from '../lib/model/document';
import { generateMermaid, generateMermaidDiagrams } from '../lib/mermaid/generate-mermaid';
import { indexStrategy, indexStrategyMarkdown } from '../lib/index-strategy/index-strategy';
import { syntheticDocument } from './synthetic';

type Generator = (doc: SchemaDocument) => string;

async function loadDdl(): Promise<((doc: SchemaDocument, dialect: Dialect) => string) | undefined> {
  try {
    const { generateDdl } = await import('../lib/ddl/generate-ddl');
    return (doc, dialect) => generateDdl(doc, dialect, {}).sql;
  } catch (err) {
    console.error(`(DDL columns skipped: lib/ddl/generate-ddl could not be loaded: ${err instanceof Error ? err.message : String(err)})`);
    return undefined;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// A full GC before each timed run, so one output is not charged for the previous one's garbage.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

function measure(generate: Generator, doc: SchemaDocument, runs: number): { ms: number; min: number; cpu: number; chars: number } {
  let chars = generate(doc).length; // warm-up (JIT), not counted
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    collectGarbage();
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    chars = generate(doc).length;
    times.push(performance.now() - start);
    // CPU time of this process (user + system): what the code itself costs, much less affected than
    // wall time by other processes competing for the cores (it still includes GC threads' work).
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  return { ms: median(times), min: Math.min(...times), cpu: median(cpuTimes), chars };
}

async function mainBench(): Promise<void> {
  const { values } = parseArgs({ options: { sizes: { type: 'string' }, runs: { type: 'string' } } });
  const sizes = (values.sizes ?? '100,1000,5000').split(',').map(Number);
  const runs = Number(values.runs ?? 5);
  const ddl = await loadDdl();

  const generators: Array<[string, Generator | undefined]> = [
    ['postgres', ddl && ((doc) => ddl(doc, 'postgres'))],
    ['mysql', ddl && ((doc) => ddl(doc, 'mysql'))],
    ['sqlite', ddl && ((doc) => ddl(doc, 'sqlite'))],
    ['mermaid', (doc) => generateMermaid(doc)],
    ['mermaid-split', (doc) => generateMermaidDiagrams(doc).map((d) => d.text).join('\n')],
    ['index-table', (doc) => indexStrategyMarkdown(indexStrategy(doc, doc.settings.dialect))],
  ];

  const load = (await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`Generation benchmark: median of ${runs} runs after 1 warm-up, Node ${process.version}, load average ${load}, ${new Date().toISOString()}`);
  const header = ['tables', 'columns', ...generators.map(([name]) => name)];
  const rows: string[][] = [];
  const cpuRows: string[][] = [];
  const sizesRow: string[][] = [];
  for (const n of sizes) {
    const doc = syntheticDocument({ tables: n });
    const columns = Object.values(doc.tables).reduce((sum, t) => sum + t.columns.length, 0);
    const row = [n.toLocaleString('en-US'), columns.toLocaleString('en-US')];
    const cpuRow = [n.toLocaleString('en-US'), columns.toLocaleString('en-US')];
    const sizeRow = [n.toLocaleString('en-US'), columns.toLocaleString('en-US')];
    for (const [, generate] of generators) {
      if (!generate) {
        row.push('n/a');
        cpuRow.push('n/a');
        sizeRow.push('n/a');
        continue;
      }
      const { ms, min, cpu, chars } = measure(generate, doc, runs);
      // The minimum beside the median: on a shared, oversubscribed machine the median mostly
      // measures the neighbours; the minimum is the closest to the code's own cost.
      row.push(`${ms.toFixed(1)} ms (min ${min.toFixed(1)})`);
      cpuRow.push(`${cpu.toFixed(1)} ms`);
      sizeRow.push(`${(chars / 1024).toFixed(0)} KiB`);
    }
    rows.push(row);
    cpuRows.push(cpuRow);
    sizesRow.push(sizeRow);
  }
  const print = (title: string, body: string[][]) => {
    console.log(`\n${title}`);
    console.log(`| ${header.join(' | ')} |`);
    console.log(`|${header.map(() => '---:').join('|')}|`);
    for (const r of body) console.log(`| ${r.join(' | ')} |`);
  };
  print('Time per output: median (and minimum) of the runs', rows);
  print('CPU time per output (process.cpuUsage, user + system): median of the runs', cpuRows);
  print('Output size', sizesRow);
}

await mainBench();

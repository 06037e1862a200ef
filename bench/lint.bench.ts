/**
 * `npm run bench:lint`: time to review synthetic documents (bench/synthetic.ts) with every rule
 * Draftbase ships, the opt-in ones included (the worst case: a project that turned everything on),
 * and with the default set. Prints the median and minimum wall time and the median CPU time
 * (process.cpuUsage) of several back-to-back runs after a warm-up, the median wall time of runs that
 * each follow a forced full GC, the number of rules computed and findings reported, and the machine's
 * load average (other processes inflate wall time; CPU time much less).
 * Target: 50 ms or less at 1,000 tables, so the review can run after every edit.
 *
 * Usage: npm run bench:lint [-- --sizes 100,1000,5000 --runs 9]
 */
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { SchemaDocument } from '../lib/model/document';
import { lintDocument } from '../lib/review/lint';
import { RULES } from '../lib/review/rules';
import type { Rule } from '../lib/review/types';
import { syntheticDocument } from './synthetic';

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Every rule on: the opt-in ones are enabled through the project configuration, as a user would. */
const everyRuleOn = { rules: Object.fromEntries(RULES.map((r) => [r.id, { enabled: true }])) };

interface Figures { wall: number; min: number; cpu: number; afterGc: number; findings: number; rules: number }

/**
 * Back to back, as the canvas runs it after each edit (the steady figures), and after a forced full
 * GC (the cold figure): after a full collection V8 sweeps lazily, so the timed run also pays for
 * sweeping the previous runs' garbage, which is not what an edit costs.
 */
function measure(doc: SchemaDocument, runs: number, all: boolean): Figures {
  const config = all ? everyRuleOn : undefined;
  const rules: readonly Rule[] = RULES.filter((r) => all || !r.optIn);
  let findings = 0;
  for (let i = 0; i < 3; i++) findings = lintDocument(doc, { config }).findings.length; // warm-up (JIT), not counted
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    findings = lintDocument(doc, { config }).findings.length;
    walls.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpus.push((cpu.user + cpu.system) / 1000);
  }
  const cold: number[] = [];
  for (let i = 0; i < Math.min(runs, 5); i++) {
    collectGarbage();
    const start = performance.now();
    lintDocument(doc, { config });
    cold.push(performance.now() - start);
  }
  return { wall: median(walls), min: Math.min(...walls), cpu: median(cpus), afterGc: median(cold), findings, rules: rules.length };
}

const { values } = parseArgs({ options: { sizes: { type: 'string' }, runs: { type: 'string' } } });
const sizes = (values.sizes ?? '100,1000,5000').split(',').map(Number);
const runs = Number(values.runs ?? 9);

console.log(`Review benchmark: median of ${runs} runs after 1 warm-up, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}, ${new Date().toISOString()}`);
console.log('Target: 50 ms or less for the 1,000-table schema.\n');
console.log('| tables | columns | rule set | rules | findings | wall (median) | wall (min) | CPU (median) | wall after a full GC (median) |');
console.log('|---:|---:|---|---:|---:|---:|---:|---:|---:|');
for (const n of sizes) {
  const doc = syntheticDocument({ tables: n });
  const columns = Object.values(doc.tables).reduce((sum, t) => sum + t.columns.length, 0);
  for (const all of [false, true]) {
    const r = measure(doc, runs, all);
    console.log(`| ${n.toLocaleString('en-US')} | ${columns.toLocaleString('en-US')} | ${all ? 'every rule (opt-in too)' : 'defaults'} | ${r.rules} | ${r.findings.toLocaleString('en-US')} | ${r.wall.toFixed(1)} ms | ${r.min.toFixed(1)} ms | ${r.cpu.toFixed(1)} ms | ${r.afterGc.toFixed(1)} ms |`);
  }
}
console.log('\nBack-to-back runs are what an edit costs on the canvas. A run right after a forced full GC is slower: V8 then sweeps lazily and has shrunk the young generation, so the run pays for collections the steady state does not have.');

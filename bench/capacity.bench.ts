/**
 * `npm run bench:capacity`: time to compute the capacity plan (lib/capacity) of synthetic documents
 * (bench/synthetic.ts) whose every table declares volumes (seeded: 1,000 to 50 million rows, growth,
 * retention on some, average lengths on the text columns), for PostgreSQL and MySQL; and the plan
 * plus partitioning and column-order advice, as the review runs them. Prints the median and minimum
 * wall time and the median CPU time (process.cpuUsage) of back-to-back runs after a warm-up, and the
 * machine's load average (other processes inflate wall time; CPU time much less).
 * Target: 100 ms or less for the 1,000-table schema.
 *
 * Usage: npm run bench:capacity [-- --sizes 100,1000,5000 --runs 9]
 */
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { capacityPlan } from '../lib/capacity/plan';
import { columnOrderAdvices } from '../lib/capacity/column-order';
import { partitioningAdvice } from '../lib/capacity/partitioning';
import type { Dialect, SchemaDocument } from '../lib/model/document';
import { mulberry32 } from '../lib/random/mulberry32';
import { volumesOf } from '../lib/workload/types';
import { syntheticDocument } from './synthetic';

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Every table declares rows (log-uniform 1e3..5e7), growth, and average lengths for its text columns. */
function withVolumes(doc: SchemaDocument): SchemaDocument {
  const rand = mulberry32(7);
  for (const t of Object.values(doc.tables)) {
    const rows = Math.round(10 ** (3 + rand() * 4.7));
    const avgLength: Record<string, number> = {};
    for (const c of t.columns) if (c.type.kind === 'scalar' && (c.type.name === 'text' || c.type.name === 'varchar')) avgLength[c.id] = Math.round(8 + rand() * 120);
    t.volume = { rows, growthPerMonth: Math.round(rows * rand() * 0.1), ...(rand() < 0.2 ? { retentionMonths: 24 } : {}), avgLength };
  }
  return doc;
}

function measure(runs: number, work: () => number): { wall: number; min: number; cpu: number; out: number } {
  let out = 0;
  for (let i = 0; i < 3; i++) out = work(); // warm-up (JIT), not counted
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    out = work();
    walls.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpus.push((cpu.user + cpu.system) / 1000);
  }
  return { wall: median(walls), min: Math.min(...walls), cpu: median(cpus), out };
}

const { values } = parseArgs({ options: { sizes: { type: 'string' }, runs: { type: 'string' } } });
const sizes = (values.sizes ?? '100,1000,5000').split(',').map(Number);
const runs = Number(values.runs ?? 9);

console.log(`Capacity plan benchmark: median of ${runs} runs after 3 warm-ups, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}, ${new Date().toISOString()}`);
console.log('Target: 100 ms or less for the 1,000-table schema.\n');
console.log('| tables | columns | indexes | dialect | work | wall (median) | wall (min) | CPU (median) | result |');
console.log('|---:|---:|---:|---|---|---:|---:|---:|---|');
for (const n of sizes) {
  for (const dialect of ['postgres', 'mysql', 'sqlite'] as Dialect[]) {
    const doc = withVolumes(syntheticDocument({ tables: n, dialect }));
    const tables = Object.values(doc.tables);
    const columns = tables.reduce((sum, t) => sum + t.columns.length, 0);
    const indexes = tables.reduce((sum, t) => sum + t.indexes.length + t.uniques.length + (t.primaryKey ? 1 : 0), 0);
    const row = (work: string, r: ReturnType<typeof measure>, result: string) =>
      console.log(`| ${n.toLocaleString('en-US')} | ${columns.toLocaleString('en-US')} | ${indexes.toLocaleString('en-US')} | ${dialect} | ${work} | ${r.wall.toFixed(1)} ms | ${r.min.toFixed(1)} ms | ${r.cpu.toFixed(1)} ms | ${result} |`);
    let total = 0;
    const plan = measure(runs, () => {
      const p = capacityPlan(doc, volumesOf(doc), dialect);
      total = p.totals.totalBytesIn5y;
      return p.tables.length;
    });
    row('capacityPlan', plan, `${plan.out} tables, ${(total / 1024 ** 4).toFixed(2)} TB at 5 years`);
    const advice = measure(runs, () => {
      const volumes = volumesOf(doc);
      const p = capacityPlan(doc, volumes, dialect);
      return partitioningAdvice(doc, p).length + columnOrderAdvices(doc, volumes, dialect).length;
    });
    row('plan + partitioning + column order advice', advice, `${advice.out} suggestions`);
  }
}

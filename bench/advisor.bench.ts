/**
 * `npm run bench:advisor`: the query-pattern advisor, cold (PGlite start included), for 20 patterns
 * over the 200-table synthetic schema (bench/synthetic.ts) with declared volumes (100,000 to 10
 * million rows). Patterns: a lookup by code (served by its unique constraint), a lookup by title among
 * rows not updated (no index: composite, partial and covering candidates tried), the newest rows of a
 * quantity (no index: a composite with the sort column tried). Prints wall and CPU time
 * (process.cpuUsage: PGlite's WASM runs on this thread), the verdict counts and the load average.
 * Target: 10 s or less.
 *
 * Usage: npm run bench:advisor [-- --tables 200 --patterns 20]
 */
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { advisePostgres } from '../lib/server/advisor/advise';
import { syntheticDocument } from './synthetic';

const { values } = parseArgs({ options: { tables: { type: 'string', default: '200' }, patterns: { type: 'string', default: '20' } } });
const tables = Number(values.tables);
const count = Number(values.patterns);

const doc = syntheticDocument({ tables, dialect: 'postgres' });
const list = Object.values(doc.tables);
list.forEach((t, i) => (t.volume = { rows: 100_000 * (1 + (i % 100)) }));
doc.design.queryPatterns = [];
for (let i = 0; i < count; i++) {
  const t = list[(i * 7) % list.length];
  const kind = i % 3;
  const sql =
    kind === 0 ? `SELECT * FROM ${t.name} WHERE code = $1`
    : kind === 1 ? `SELECT id, title FROM ${t.name} WHERE title = $1 AND updated_at IS NULL`
    : `SELECT id FROM ${t.name} WHERE quantity = $1 ORDER BY created_at DESC LIMIT 20`;
  doc.design.queryPatterns.push({ id: `qp_${i}`, name: `pattern ${i + 1}`, sql });
}

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const advice = await advisePostgres(doc, { budgetMs: 60_000 });
const wall = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const counts: Record<string, number> = {};
for (const v of advice.verdicts) counts[v.status] = (counts[v.status] ?? 0) + 1;
const suggested = advice.verdicts.filter((v) => v.suggestion).length;
console.log(`advisor: ${tables} tables, ${count} patterns, cold (PGlite start included)`);
console.log(`  wall ${(wall / 1000).toFixed(2)} s, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (target: wall <= 10 s)`);
console.log(`  verdicts ${JSON.stringify(counts)}, ${suggested} with a suggested index`);
console.log(`  load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

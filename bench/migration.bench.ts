/**
 * `npm run bench:migration`: the diff and the migration plan (up and down, both dialects' facts
 * read, PostgreSQL and MySQL each timed) between two versions of a synthetic schema (bench/synthetic.ts)
 * that differ in 100 places made of the model's own commands: renamed columns and tables, added and
 * removed columns, widened types, new indexes, new tables, changed defaults, comments. Prints the
 * median and minimum wall time and the median CPU time (process.cpuUsage) of back-to-back runs after
 * a warm-up, and the machine's load average.
 * Target: 200 ms or less for two 1,000-table versions differing in 100 places (issue 17).
 *
 * The engine proof with more histories than CI runs: `npm run bench:migration:engines`.
 *
 * Usage: npm run bench:migration [-- --sizes 100,1000 --runs 7]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { diffDocuments } from '../lib/evolution/diff';
import { lintMigration } from '../lib/evolution/lint/lint';
import { planMigration } from '../lib/evolution/plan';
import { applyCommand } from '../lib/model/commands/apply';
import type { Command } from '../lib/model/commands/types';
import type { Dialect, SchemaDocument } from '../lib/model/document';
import { syntheticDocument } from './synthetic';

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** 100 edits spread over the schema, 10 of each kind, deterministic. */
function edited(doc: SchemaDocument): { doc: SchemaDocument; edits: number } {
  const tables = Object.values(doc.tables);
  const commands: Command[] = [];
  const spread = (i: number) => tables[Math.floor((i * tables.length) / 10) + 3];
  for (let i = 0; i < 10; i++) {
    const t = spread(i);
    const plain = t.columns.filter((c) => !t.primaryKey?.columnIds.includes(c.id) && c.type.kind === 'scalar' && !Object.values(doc.relationships).some((r) => r.columnPairs.some((p) => p.fromColumnId === c.id || p.toColumnId === c.id)));
    const varchar = plain.find((c) => c.type.kind === 'scalar' && c.type.name === 'varchar');
    const last = plain.at(-1)!;
    commands.push(
      { type: 'column.update', tableId: t.id, columnId: plain[0].id, changes: { name: `${plain[0].name}_renamed` } },
      { type: 'column.add', tableId: t.id, column: { id: `bench_c_${i}`, name: `added_${i}`, type: { kind: 'scalar', name: 'integer' }, nullable: true, default: { kind: 'none' } } },
      { type: 'column.add', tableId: t.id, column: { id: `bench_d_${i}`, name: `flag_${i}`, type: { kind: 'scalar', name: 'boolean' }, nullable: false, default: { kind: 'literal', value: false } } },
      { type: 'column.remove', tableId: t.id, columnId: last.id },
      { type: 'index.add', tableId: t.id, index: { id: `bench_i_${i}`, parts: [{ kind: 'column', columnId: `bench_c_${i}` }], unique: false } },
      { type: 'table.update', tableId: spread(i).id === t.id ? tables[Math.floor((i * tables.length) / 10) + 5].id : t.id, changes: { name: `renamed_table_${i}` } },
      { type: 'table.update', tableId: t.id, changes: { comment: `changed ${i}` } },
      { type: 'column.update', tableId: t.id, columnId: (varchar ?? plain[1]).id, changes: varchar ? { type: { kind: 'scalar', name: 'text' } } : { comment: 'c' } },
      { type: 'column.update', tableId: t.id, columnId: plain[1].id, changes: { nullable: !plain[1].nullable } },
      { type: 'table.add', table: { id: `bench_t_${i}`, name: `new_table_${i}`, columns: [{ id: `bench_tc_${i}`, name: 'id', type: { kind: 'scalar', name: 'bigint' }, nullable: false, default: { kind: 'none' } }], primaryKey: { columnIds: [`bench_tc_${i}`] }, uniques: [], checks: [], indexes: [] } },
    );
  }
  let out = doc;
  for (const c of commands) out = applyCommand(out, c).doc;
  return { doc: out, edits: commands.length };
}

interface Figures { wall: number; min: number; cpu: number; up: number; down: number; changes: number; findings: number }

function measure(v1: SchemaDocument, v2: SchemaDocument, dialect: Dialect, runs: number): Figures {
  let plan = planMigration(v1, v2, dialect);
  for (let i = 0; i < 2; i++) plan = planMigration(v1, v2, dialect); // warm-up (JIT), not counted
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    plan = planMigration(v1, v2, dialect);
    walls.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpus.push((cpu.user + cpu.system) / 1000);
  }
  return { wall: median(walls), min: Math.min(...walls), cpu: median(cpus), up: plan.up.length, down: plan.down.length, changes: plan.diff.entries.length, findings: lintMigration(plan, v1).findings.length };
}

const { values } = parseArgs({ options: { sizes: { type: 'string' }, runs: { type: 'string' } } });
const sizes = (values.sizes ?? '100,1000').split(',').map(Number);
const runs = Number(values.runs ?? 7);

console.log(`Migration benchmark: median of ${runs} runs after 2 warm-ups, Node ${process.version}, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}, ${new Date().toISOString()}`);
console.log('Timed: planMigration = diffDocuments + the up and the down plan (one DDL generator run per version). Target: 200 ms or less at 1,000 tables.\n');
console.log('| tables | edits | dialect | changes | up steps | down steps | lint findings | wall (median) | wall (min) | CPU (median) | diff alone (median) |');
console.log('|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const n of sizes) {
  const v1 = syntheticDocument({ tables: n });
  const { doc: v2, edits } = edited(v1);
  const diffWalls: number[] = [];
  for (let i = 0; i < runs + 2; i++) {
    const start = performance.now();
    diffDocuments(v1, v2);
    if (i >= 2) diffWalls.push(performance.now() - start);
  }
  for (const dialect of ['postgres', 'mysql'] as const) {
    const r = measure(v1, v2, dialect, runs);
    console.log(`| ${n.toLocaleString('en-US')} | ${edits} | ${dialect} | ${r.changes} | ${r.up} | ${r.down} | ${r.findings} | ${r.wall.toFixed(1)} ms | ${r.min.toFixed(1)} ms | ${r.cpu.toFixed(1)} ms | ${median(diffWalls).toFixed(1)} ms |`);
  }
}

/**
 * `npm run bench:compare-view`: what opening a comparison costs on the main thread — the diff and
 * the canvas's compare view (ghosts and marks, lib/evolution/view) — between two versions of a
 * synthetic schema (bench/synthetic.ts) that differ in 100 places: renamed, added and removed columns,
 * removed relationships and tables, new indexes. Prints median/min wall and median CPU time, and the
 * load average. Usage: npm run bench:compare-view [-- --sizes 100,1000 --runs 7]
 */
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { diffDocuments } from '../lib/evolution/diff';
import { compareView } from '../lib/evolution/view/compare-view';
import { applyCommand } from '../lib/model/commands/apply';
import type { Command } from '../lib/model/commands/types';
import type { SchemaDocument } from '../lib/model/document';
import { syntheticDocument } from './synthetic';

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

/** 100 edits, 10 of each of 10 kinds, spread over the schema. */
function edited(doc: SchemaDocument): SchemaDocument {
  const tables = Object.values(doc.tables);
  const rels = Object.values(doc.relationships);
  const commands: Command[] = [];
  for (let i = 0; i < 10; i++) {
    const t = tables[Math.floor((i * tables.length) / 10) + 1];
    const linked = new Set(rels.flatMap((r) => r.columnPairs.flatMap((p) => [p.fromColumnId, p.toColumnId])));
    const plain = t.columns.filter((c) => !t.primaryKey?.columnIds.includes(c.id) && !linked.has(c.id));
    commands.push(
      { type: 'column.update', tableId: t.id, columnId: plain[0].id, changes: { name: `${plain[0].name}_renamed` } },
      { type: 'column.update', tableId: t.id, columnId: plain[1].id, changes: { nullable: !plain[1].nullable, comment: 'changed' } },
      { type: 'column.add', tableId: t.id, column: { id: `b_c_${i}`, name: `added_${i}`, type: { kind: 'scalar', name: 'integer' }, nullable: true, default: { kind: 'none' } } },
      { type: 'column.add', tableId: t.id, column: { id: `b_d_${i}`, name: `more_${i}`, type: { kind: 'scalar', name: 'text' }, nullable: true, default: { kind: 'none' } } },
      { type: 'column.remove', tableId: t.id, columnId: plain.at(-1)!.id },
      { type: 'index.add', tableId: t.id, index: { id: `b_i_${i}`, parts: [{ kind: 'column', columnId: `b_c_${i}` }], unique: false } },
      { type: 'table.update', tableId: t.id, changes: { comment: `changed ${i}` } },
      { type: 'table.add', table: { id: `b_t_${i}`, name: `new_table_${i}`, columns: [{ id: `b_tc_${i}`, name: 'id', type: { kind: 'scalar', name: 'bigint' }, nullable: false, default: { kind: 'none' } }], primaryKey: { columnIds: [`b_tc_${i}`] }, uniques: [], checks: [], indexes: [] } },
      { type: 'relationship.remove', relationshipId: rels[Math.floor((i * rels.length) / 10)].id },
      { type: 'table.update', tableId: tables[Math.floor((i * tables.length) / 10) + 2].id, changes: { name: `renamed_table_${i}` } },
    );
  }
  return commands.reduce((d, c) => applyCommand(d, c).doc, doc);
}

const { values } = parseArgs({ options: { sizes: { type: 'string' }, runs: { type: 'string' } } });
const sizes = (values.sizes ?? '100,1000').split(',').map(Number);
const runs = Number(values.runs ?? 7);
for (const size of sizes) {
  const v1 = syntheticDocument({ tables: size });
  const v2 = edited(v1);
  const once = () => compareView(v1, v2, diffDocuments(v1, v2));
  once();
  once();
  const walls: number[] = [];
  const cpus: number[] = [];
  let marks = 0;
  for (let i = 0; i < runs; i++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    marks = once().marks.size;
    walls.push(performance.now() - t0);
    const cpu = process.cpuUsage(cpu0);
    cpus.push((cpu.user + cpu.system) / 1000);
  }
  console.log(`${size} tables, ${marks} marks: diff + compare view median ${median(walls).toFixed(1)} ms (min ${Math.min(...walls).toFixed(1)}), CPU ${median(cpus).toFixed(1)} ms`);
}
console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);

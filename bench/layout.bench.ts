/**
 * `npm run bench:layout`: Draftbase's auto-layout against today's ELK configuration and the
 * layouts peers use (dagre, ChartDB's grid, drawDB's auto-arrange; see bench/layout-peers/), on
 * the synthetic schemas (the DDL of ../shared/bench/gen-schema.mjs, one component and no areas;
 * and bench/synthetic.ts documents, areas of 25) and on every corpus schema.
 *
 * For each: wall and CPU time of the layout alone (input built beforehand), the picture's aspect
 * ratio and the share of a 16:10 screen it fills when fitted, total edge length (centre to centre),
 * edge crossings (straight segments between facing sides) and overlapping tables.
 *
 * Usage: npm run bench:layout [-- --sizes 100,300,1000,5000] [--only draftbase,dagre] [--cases synthetic|corpus]
 *        [--limit-s 120]  (a reproduction that checks the clock gives up after that many seconds)
 *        [--slow-max 1000] (dagre, which cannot be stopped, runs up to this many tables: 49 s of CPU
 *        at 1,000 tables, and growing faster than the table count)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { layoutInput } from '../components/editor/layout/layout-input';
import { importDbml } from '../lib/importers/dbml/dbml-import';
import { importMysql } from '../lib/importers/mysql/import-mysql';
import { importPostgres } from '../lib/importers/postgres/import-postgres';
import { layoutGraph } from '../lib/layout/layout';
import { measureLayout } from '../lib/layout/metrics';
import type { LayoutEdge, LayoutNode, Point } from '../lib/layout/types';
import type { SchemaDocument } from '../lib/model/document';
import { importPrisma } from '../lib/server/importers/prisma-import';
import { chartdbGrid } from './layout-peers/chartdb-grid';
import { dagreLayout } from './layout-peers/dagre';
import { drawdbArrange } from './layout-peers/drawdb-arrange';
import { elkToday } from './layout-peers/elk-today';
import { Timeout, type PeerLayout } from './layout-peers/types';
import { syntheticDocument } from './synthetic';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SHARED = path.resolve(HERE, '../../shared');
const CORPUS = path.join(SHARED, 'corpus');
const SYNTHETIC_DIR = path.join(HERE, 'out/synthetic');
const SCREEN = 16 / 10;

const ALGORITHMS: Record<string, { label: string; run: PeerLayout; slow?: boolean }> = {
  draftbase: { label: 'Draftbase (new)', run: async (nodes, edges) => (await layoutGraph(nodes, edges, { aspectRatio: SCREEN })).positions },
  'elk-today': { label: 'ELK, before', run: elkToday },
  dagre: { label: 'dagre (drawDB #695)', run: dagreLayout, slow: true },
  chartdb: { label: 'ChartDB grid', run: chartdbGrid },
  drawdb: { label: 'drawDB auto-arrange', run: drawdbArrange },
};

interface Case {
  name: string;
  corpus?: boolean;
  load: () => Promise<SchemaDocument>;
}

function syntheticDdl(n: number): string {
  const file = path.join(SYNTHETIC_DIR, `schema_${n}.pg.sql`);
  if (!existsSync(file)) execFileSync(process.execPath, [path.join(SHARED, 'bench/gen-schema.mjs'), SYNTHETIC_DIR, String(n)], { stdio: 'ignore' });
  return readFileSync(file, 'utf8');
}

function corpusCases(): Case[] {
  if (!existsSync(CORPUS)) return [];
  const out: Case[] = [];
  const files = (dir: string, ext: string) => (existsSync(path.join(CORPUS, dir)) ? readdirSync(path.join(CORPUS, dir)).filter((f) => f.endsWith(ext)).sort() : []);
  const read = (rel: string) => readFileSync(path.join(CORPUS, rel), 'utf8');
  for (const f of files('postgres', '.sql')) out.push({ name: `postgres/${f}`, load: async () => (await importPostgres(read(`postgres/${f}`))).document });
  for (const f of files('mysql', '.sql')) out.push({ name: `mysql/${f}`, load: async () => (await importMysql(read(`mysql/${f}`))).document });
  for (const f of files('dbml', '.dbml')) out.push({ name: `dbml/${f}`, load: async () => importDbml(read(`dbml/${f}`)).document });
  for (const f of files('prisma', '.prisma')) out.push({ name: `prisma/${f}`, load: async () => (await importPrisma([{ name: 'schema.prisma', content: read(`prisma/${f}`) }])).document });
  for (const d of readdirSync(path.join(CORPUS, 'prisma')).filter((f) => statSync(path.join(CORPUS, 'prisma', f)).isDirectory())) {
    const dir = path.join(CORPUS, 'prisma', d);
    out.push({ name: `prisma/${d}`, load: async () => (await importPrisma(readdirSync(dir).sort().map((name) => ({ name, content: readFileSync(path.join(dir, name), 'utf8') })))).document });
  }
  return out.map((c) => ({ ...c, corpus: true }));
}

interface Row {
  algorithm: string;
  wallMs?: number;
  cpuMs?: number;
  note?: string;
  metrics?: ReturnType<typeof measureLayout>;
}

async function runAlgorithm(name: string, nodes: LayoutNode[], edges: LayoutEdge[], limitMs: number): Promise<Row> {
  const alg = ALGORITHMS[name];
  // Peers get no areas: none of them groups by area (ChartDB's areas are drawn rectangles).
  const input = name === 'draftbase' ? nodes : nodes.map(({ id, width, height }) => ({ id, width, height }));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let positions: Record<string, Point>;
  try {
    positions = await alg.run(input, edges, t0 + limitMs);
  } catch (e) {
    if (e instanceof Timeout) return { algorithm: alg.label, note: `gave up after ${(limitMs / 1000).toFixed(0)} s` };
    throw e;
  }
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { algorithm: alg.label, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, metrics: measureLayout(nodes, edges, positions, SCREEN) };
}

function fmt(row: Row, caseName: string, tables: number, relationships: number): string {
  const m = row.metrics;
  const cells = [caseName, String(tables), String(relationships), row.algorithm];
  if (!m) return `| ${[...cells, row.note ?? '', '', '', '', '', '', ''].join(' | ')} |`;
  return `| ${[
    ...cells,
    `${(row.wallMs! / 1000).toFixed(2)} / ${(row.cpuMs! / 1000).toFixed(2)}`,
    m.aspect.toFixed(2),
    `${Math.round(m.screenFill * 100)} %`,
    `${(m.edgeLength / 1000).toFixed(0)}k`,
    String(m.crossings),
    String(m.overlaps),
    `${(m.width / 1000).toFixed(1)}k x ${(m.height / 1000).toFixed(1)}k`,
  ].join(' | ')} |`;
}

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100,300,1000,5000' },
      only: { type: 'string' },
      cases: { type: 'string' },
      'limit-s': { type: 'string', default: '120' },
      'slow-max': { type: 'string', default: '1000' },
    },
  });
  const sizes = values.sizes.split(',').map(Number);
  const algorithms = values.only ? values.only.split(',') : Object.keys(ALGORITHMS);
  for (const a of algorithms) if (!ALGORITHMS[a]) throw new Error(`unknown algorithm ${a}; known: ${Object.keys(ALGORITHMS).join(', ')}`);
  const limitMs = Number(values['limit-s']) * 1000;
  const slowMax = Number(values['slow-max']);

  console.log(`uptime: ${execFileSync('uptime', { encoding: 'utf8' }).trim()}`);
  console.log(`${os.cpus().length} cores; Node ${process.version}; screen 16:10; times are wall / CPU seconds of the layout alone\n`);
  const cases: Case[] = [];
  if (!values.cases || values.cases === 'synthetic') {
    for (const n of sizes) cases.push({ name: `synthetic DDL ${n} (no areas)`, load: async () => (await importPostgres(syntheticDdl(n))).document });
    for (const n of sizes) cases.push({ name: `synthetic doc ${n} (areas of 25)`, load: async () => syntheticDocument({ tables: n }) });
  }
  if (!values.cases || values.cases === 'corpus') cases.push(...corpusCases());

  const totals = new Map<string, { schemas: number; fill: number; length: number; crossings: number; overlaps: number; cpuMs: number }>();
  console.log('| schema | tables | rels | algorithm | wall / CPU s | aspect | fill 16:10 | edge length px | crossings | overlaps | picture px |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const c of cases) {
    const doc = await c.load();
    const { nodes, edges } = layoutInput(doc, Object.keys(doc.tables));
    const tables = nodes.length;
    for (const a of algorithms) {
      if (ALGORITHMS[a].slow && tables > slowMax) {
        console.log(fmt({ algorithm: ALGORITHMS[a].label, note: `not run over ${slowMax} tables (--slow-max)` }, c.name, tables, edges.length));
        continue;
      }
      const row = await runAlgorithm(a, nodes, edges, limitMs);
      console.log(fmt(row, c.name, tables, edges.length));
      if (c.corpus && row.metrics) {
        const t = totals.get(row.algorithm) ?? { schemas: 0, fill: 0, length: 0, crossings: 0, overlaps: 0, cpuMs: 0 };
        t.schemas++;
        t.fill += row.metrics.screenFill;
        t.length += row.metrics.edgeLength;
        t.crossings += row.metrics.crossings;
        t.overlaps += row.metrics.overlaps;
        t.cpuMs += row.cpuMs!;
        totals.set(row.algorithm, t);
      }
    }
  }
  if (totals.size) {
    console.log('\nCorpus, all schemas together:\n');
    console.log('| algorithm | schemas | mean fill 16:10 | total edge length px | total crossings | total overlaps | total CPU s |');
    console.log('|---|---|---|---|---|---|---|');
    for (const [alg, t] of totals) {
      console.log(`| ${alg} | ${t.schemas} | ${Math.round((t.fill / t.schemas) * 100)} % | ${(t.length / 1000).toFixed(0)}k | ${t.crossings} | ${t.overlaps} | ${(t.cpuMs / 1000).toFixed(2)} |`);
    }
  }
  console.log(`\nload average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});

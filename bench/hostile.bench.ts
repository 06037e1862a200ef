/**
 * `npx tsx bench/hostile.bench.ts`: how every output and importer scales on hostile document shapes
 * (lib/model/fixtures/hostile-documents.ts). For each shape, n doubles until a step costs more than
 * --cap ms; the table shows CPU ms per n and the growth exponent of the last doubling
 * (log2(t(2n)/t(n)): ~1 is linear, ~2 quadratic). Rows with an exponent over 1.5 on a step above
 * 20 ms are flagged `!!`: that path grows faster than n log n.
 *
 * With --at-limits, each shape runs once at the largest size the document limits accept
 * (lib/model/limits.ts): the worst a request can ask for.
 *
 * Usage: npx tsx bench/hostile.bench.ts [-- --shapes a,b --start 250 --max 16000 --cap 4000 --only postgres,mysql --at-limits]
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { generateDdl } from '../lib/ddl/generate-ddl';
import { generateDesignDoc } from '../lib/design-doc/generate-design-doc';
import { exportDbml } from '../lib/exporters/export-dbml';
import { exportPrisma } from '../lib/exporters/export-prisma';
import { importJson } from '../lib/importers/json/json-import';
import { importMysql } from '../lib/importers/mysql/import-mysql';
import { importPostgres } from '../lib/importers/postgres/import-postgres';
import { indexStrategy, indexStrategyMarkdown } from '../lib/index-strategy/index-strategy';
import { generateMermaid, generateMermaidDiagrams } from '../lib/mermaid/generate-mermaid';
import type { SchemaDocument } from '../lib/model/document';
import { hostileDocument, hostileShapes, sizeAtLimits, type HostileShape } from '../lib/model/fixtures/hostile-documents';
import { loadDocument } from '../lib/model/migrate';
import { importDbmlBounded } from '../lib/server/importers/dbml-bounded';
import { importPrisma } from '../lib/server/importers/prisma-import';

type Step = (doc: SchemaDocument) => unknown;

const outputs: Record<string, Step> = {
  validate: (doc) => loadDocument(JSON.parse(JSON.stringify(doc))),
  postgres: (doc) => generateDdl(doc, 'postgres'),
  mysql: (doc) => generateDdl(doc, 'mysql'),
  mermaid: (doc) => generateMermaid(doc),
  'mermaid-split': (doc) => generateMermaidDiagrams(doc),
  'index-table': (doc) => indexStrategyMarkdown(indexStrategy(doc, doc.settings.dialect)),
  markdown: (doc) => generateDesignDoc(doc),
  prisma: (doc) => exportPrisma(doc),
  dbml: (doc) => exportDbml(doc),
};

/** Importers read what an exporter writes for the document; only the import itself is timed. */
const importers: Record<string, { input: (doc: SchemaDocument) => string; run: (text: string) => unknown }> = {
  'import-json': { input: (doc) => JSON.stringify(doc), run: importJson },
  'import-postgres': { input: (doc) => generateDdl(doc, 'postgres').sql, run: (t) => importPostgres(t) },
  'import-mysql': { input: (doc) => generateDdl(doc, 'mysql').sql, run: (t) => importMysql(t) },
  'import-prisma': { input: (doc) => exportPrisma(doc).text, run: (t) => importPrisma(t) },
  'import-dbml': { input: (doc) => exportDbml(doc).text, run: (t) => importDbmlBounded(t) },
};

async function timeStep(name: string, doc: SchemaDocument): Promise<{ cpu: number; wall: number; failed?: string }> {
  const imp = importers[name];
  if (!imp) return cpuMs(() => outputs[name](doc));
  const text = imp.input(doc);
  return cpuMs(() => imp.run(text));
}

async function cpuMs(run: () => unknown): Promise<{ cpu: number; wall: number; failed?: string }> {
  const start = process.cpuUsage();
  const wall = performance.now();
  let failed: string | undefined;
  try {
    await run();
  } catch (e) {
    failed = e instanceof Error ? e.message.slice(0, 60) : String(e);
  }
  const u = process.cpuUsage(start);
  return { cpu: (u.user + u.system) / 1000, wall: performance.now() - wall, failed };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { shapes: { type: 'string' }, start: { type: 'string' }, max: { type: 'string' }, cap: { type: 'string' }, only: { type: 'string' }, 'at-limits': { type: 'boolean' } } });
  const shapes = (values.shapes?.split(',') ?? hostileShapes) as HostileShape[];
  const start = Number(values.start ?? 250);
  const max = Number(values.max ?? 16_000);
  const cap = Number(values.cap ?? 4000);
  const only = values.only?.split(',');
  const names = [...Object.keys(outputs), ...Object.keys(importers)].filter((s) => !only || only.includes(s));
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
  // Warm-up: load parsers and JIT on a small document.
  for (const name of names) await timeStep(name, hostileDocument('tables', 5));
  if (values['at-limits']) {
    console.log(`Hostile shapes at the document limits: CPU ms (wall ms) per step, Node ${process.version}, load average ${load}`);
    for (const shape of shapes) {
      const n = sizeAtLimits(shape);
      const doc = hostileDocument(shape, n);
      const cells: string[] = [];
      for (const name of names) {
        const t = await timeStep(name, doc);
        cells.push(`${name} ${t.cpu.toFixed(0)}${t.failed ? ` (failed: ${t.failed})` : ''}`);
      }
      console.log(`${shape} n=${n}: ${cells.join(' | ')}`);
    }
    return;
  }
  console.log(`Hostile-shape scaling: CPU ms per step, Node ${process.version}, load average ${load}`);
  for (const shape of shapes) {
    for (const name of names) {
      const times: Array<[number, number]> = [];
      let note = '';
      for (let n = start; n <= max; n *= 2) {
        const t = await timeStep(name, hostileDocument(shape, n));
        times.push([n, t.cpu]);
        if (t.failed) note = `failed at n=${n}: ${t.failed}`;
        if (t.cpu > cap || t.failed) break;
      }
      const last = times.length >= 2 ? Math.log2(times[times.length - 1][1] / Math.max(0.01, times[times.length - 2][1])) : NaN;
      const flag = last > 1.5 && times[times.length - 1][1] > 20 ? '!!' : '  ';
      console.log(`${flag} ${shape.padEnd(16)} ${name.padEnd(16)} exp ${Number.isNaN(last) ? ' -- ' : last.toFixed(2)}  ${times.map(([n, ms]) => `${n}:${ms.toFixed(0)}`).join(' ')} ${note}`);
    }
  }
}

await main();

/** The document side of the auto-layout, and the layout run on real documents (synthetic, corpus). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticDocument } from '@/bench/synthetic';
import { importDbml } from '@/lib/importers/dbml/dbml-import';
import { importMysql } from '@/lib/importers/mysql/import-mysql';
import { importPostgres } from '@/lib/importers/postgres/import-postgres';
import { layoutGraph } from '@/lib/layout/layout';
import { measureLayout } from '@/lib/layout/metrics';
import { commandsFixture } from '@/lib/model/commands/test-fixture';
import type { SchemaDocument } from '@/lib/model/document';
import { importPrisma } from '@/lib/server/importers/prisma-import';
import { corpusAvailable, corpusDir } from '@/lib/server/importers/test-corpus';
import { TABLE_WIDTH, tableHeight } from '../flow/geometry';
import { layoutInput, layoutOrigin, scopeTableIds } from './layout-input';

async function laidOut(doc: SchemaDocument, aspectRatio = 16 / 10) {
  const { nodes, edges } = layoutInput(doc, Object.keys(doc.tables));
  const result = await layoutGraph(nodes, edges, { aspectRatio });
  return { nodes, edges, result, metrics: measureLayout(nodes, edges, result.positions, aspectRatio) };
}

describe('layout input from a document', () => {
  it('tables as boxes of the canvas size with their area, relationships as table pairs', () => {
    const doc = commandsFixture();
    const { nodes, edges } = layoutInput(doc, scopeTableIds(doc, { kind: 'all' }));
    expect(nodes).toEqual([
      { id: 't_users', width: TABLE_WIDTH, height: tableHeight(4), group: 'a_sales' },
      { id: 't_orders', width: TABLE_WIDTH, height: tableHeight(5), group: 'a_sales' },
      { id: 't_order_items', width: TABLE_WIDTH, height: tableHeight(4) },
      { id: 't_products', width: TABLE_WIDTH, height: tableHeight(2) },
    ]);
    // The self reference (users.manager_id) is passed on; the layout ignores it.
    expect(edges.map((e) => `${e.source}->${e.target}`).sort()).toEqual(['t_order_items->t_orders', 't_order_items->t_products', 't_orders->t_users', 't_users->t_users']);
  });

  it('scopes: an area, a selection (unknown ids dropped); one area is not grouped again', () => {
    const doc = commandsFixture();
    expect(scopeTableIds(doc, { kind: 'area', areaId: 'a_sales' })).toEqual(['t_users', 't_orders']);
    expect(scopeTableIds(doc, { kind: 'tables', tableIds: ['t_products', 't_gone'] })).toEqual(['t_products']);
    const { nodes, edges } = layoutInput(doc, ['t_orders', 't_order_items'], { groupByArea: false });
    expect(nodes.every((n) => n.group === undefined)).toBe(true);
    expect(edges).toEqual([{ source: 't_order_items', target: 't_orders' }]);
  });

  it('layoutOrigin is the top-left of the current positions of the scope', () => {
    expect(layoutOrigin({ a: { x: 10, y: 90 }, b: { x: -5, y: 100 }, c: { x: -100, y: -100 } }, ['a', 'b'])).toEqual({ x: -5, y: 90 });
    expect(layoutOrigin({}, ['a'])).toEqual({ x: 0, y: 0 });
  });
});

describe('auto-layout of documents', () => {
  it.each([
    ['with areas of 25', 25],
    ['without areas', 0],
  ])('the synthetic 300-table document %s fills a 16:10 screen without overlap, areas kept together', async (_label, areaSize) => {
    const doc = syntheticDocument({ tables: 300, areaSize });
    const { metrics, result, nodes } = await laidOut(doc);
    expect(Object.keys(result.positions)).toHaveLength(300);
    expect(metrics.overlaps).toBe(0);
    expect(metrics.screenFill).toBeGreaterThan(0.85);
    for (const area of Object.values(doc.areas)) {
      const inside = new Set(area.tableIds);
      const box = (id: string) => ({ ...result.positions[id], ...nodes.find((n) => n.id === id)! });
      const members = area.tableIds.map(box);
      const x1 = Math.min(...members.map((b) => b.x));
      const y1 = Math.min(...members.map((b) => b.y));
      const x2 = Math.max(...members.map((b) => b.x + b.width));
      const y2 = Math.max(...members.map((b) => b.y + b.height));
      const intruders = nodes.filter((n) => !inside.has(n.id)).map((n) => box(n.id)).filter((b) => b.x < x2 && x1 < b.x + b.width && b.y < y2 && y1 < b.y + b.height);
      expect(intruders.map((b) => b.id), area.name).toEqual([]);
    }
  });
});

async function importCorpus(rel: string): Promise<SchemaDocument> {
  const file = path.join(corpusDir, rel);
  if (rel.startsWith('prisma/')) {
    const files = statSync(file).isDirectory() ? readdirSync(file).sort().map((name) => ({ name, content: readFileSync(path.join(file, name), 'utf8') })) : [{ name: 'schema.prisma', content: readFileSync(file, 'utf8') }];
    return (await importPrisma(files)).document;
  }
  const text = readFileSync(file, 'utf8');
  if (rel.startsWith('postgres/')) return (await importPostgres(text)).document;
  if (rel.startsWith('mysql/')) return (await importMysql(text)).document;
  return importDbml(text).document;
}

const corpusFiles = corpusAvailable('auto-layout of the corpus')
  ? [
      ...readdirSync(path.join(corpusDir, 'postgres')).map((f) => `postgres/${f}`),
      ...readdirSync(path.join(corpusDir, 'mysql')).map((f) => `mysql/${f}`),
      ...readdirSync(path.join(corpusDir, 'dbml')).map((f) => `dbml/${f}`),
      ...readdirSync(path.join(corpusDir, 'prisma')).map((f) => `prisma/${f}`),
    ].sort()
  : [];

describe.skipIf(corpusFiles.length === 0)('auto-layout of the corpus', () => {
  it.each(corpusFiles)('%s: every table placed, none overlapping, the picture near the screen shape', async (rel) => {
    const doc = await importCorpus(rel);
    expect(Object.keys(doc.tables).length).toBeGreaterThan(3);
    const { metrics, result } = await laidOut(doc);
    expect(Object.keys(result.positions).sort()).toEqual(Object.keys(doc.tables).sort());
    expect(metrics.overlaps).toBe(0);
    expect(metrics.screenFill).toBeGreaterThan(0.5);
  });
});

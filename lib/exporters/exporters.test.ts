/**
 * The Prisma export passes getDMMF and keeps every real name (through @map/@@map); the DBML export
 * parses with @dbml/core and keeps every name, type, key and reference. Fixtures: the small design-doc
 * project, the kitchen sink and the hostile names, for both providers.
 */
import { Parser } from '@dbml/core';
import internals from '@prisma/internals';
import { describe, expect, it } from 'vitest';
import { smallProjectDocument } from '../design-doc/small-project.fixture';
import type { SchemaDocument } from '../model/document';
import { hostileNamesDocument } from '../model/fixtures/hostile-names';
import { kitchenSinkDocument } from '../model/fixtures/kitchen-sink';
import { exportDbml } from './export-dbml';
import { exportPrisma } from './export-prisma';
import { checkDbml, checkPrisma } from './export-checks.test-support';

const fixtures: [string, () => SchemaDocument][] = [
  ['small project', smallProjectDocument],
  ['kitchen sink', kitchenSinkDocument],
  ['hostile names', hostileNamesDocument],
];
const cases = fixtures.flatMap(([name, make]) => (['postgres', 'mysql'] as const).map((d) => [name, d, make] as const));

describe('exportPrisma', () => {
  it.each(cases)('%s (%s): getDMMF accepts it; every table and column is there under its real name', async (_n, dialect, make) => {
    const doc = make();
    const { text } = exportPrisma(doc, { dialect });
    await checkPrisma(doc, text);
  });

  it('writes relations on both sides, @map for names that are not identifiers, native types and indexes', () => {
    const { text } = exportPrisma(smallProjectDocument(), { dialect: 'postgres' });
    expect(text).toContain('user users @relation(fields: [user_id], references: [id], onDelete: Restrict, onUpdate: NoAction, map: "orders_user_fk")');
    expect(text).toContain('  orders orders[]');
    expect(text).toContain('  profiles profiles?');
    expect(text).toContain('email String @db.VarChar(255) @unique');
    expect(text).toContain('@@index([created_at(sort: Desc)], map: "idx_users_created")');
    expect(text).toContain('@@id([id, placed_at])');
    const hostile = exportPrisma(hostileNamesDocument(), { dialect: 'postgres' }).text;
    expect(hostile).toContain('@map("back`tick")');
    expect(hostile).toContain('@@map("x\\"; DROP TABLE users; --")');
  });

  it('reports what Prisma cannot express', () => {
    const { diagnostics } = exportPrisma(smallProjectDocument(), { dialect: 'postgres' });
    expect(diagnostics.map((d) => d.code).sort()).toEqual(['prisma.check', 'prisma.index', 'prisma.partitioning']);
  });

  it('gives ambiguous relations names (two foreign keys between the same tables)', async () => {
    const doc = smallProjectDocument();
    const orders = doc.tables.t_orders;
    orders.columns.push({ id: 'c_orders_by', name: 'created_by', type: { kind: 'scalar', name: 'bigint' }, nullable: true, default: { kind: 'none' } });
    doc.relationships.r_by = { id: 'r_by', fromTableId: 't_orders', toTableId: 't_users', columnPairs: [{ fromColumnId: 'c_orders_by', toColumnId: 'c_users_id' }], onDelete: 'set null', onUpdate: 'no action', enforced: true };
    const { text } = exportPrisma(doc);
    expect(text).toMatch(/@relation\("orders_user_fk"/);
    await checkPrisma(doc, text);
  });
});

describe('exportDbml', () => {
  it.each(cases)('%s (%s): @dbml/core parses it; names, types, keys and refs survive', (_n, dialect, make) => {
    const doc = make();
    checkDbml(doc, exportDbml(doc, { dialect }).text);
  });

  it('parses with the plain parser API too', () => {
    expect(() => new Parser().parse(exportDbml(kitchenSinkDocument()).text, 'dbmlv2')).not.toThrow();
    expect(typeof internals.getDMMF).toBe('function');
  });
});

import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../model/validate';
import { ImportError, type SourceFile } from '../../importers/types';
import { importPrisma } from './prisma-import';
import { corpusAvailable, readCorpusFile, readCorpusFolder } from './test-corpus';

/**
 * Counts a Prisma schema with plain regular expressions, independently of getDMMF and the mapper:
 * models, enums, scalar/enum fields, @@index/@@fulltext lines, and relation fields with `fields:`.
 */
function countPrismaText(files: SourceFile[]) {
  const text = files.map((f) => f.content).join('\n').replace(/\/\/.*$/gm, '');
  const blocks = [...text.matchAll(/^(model|enum|view)\s+(\w+)\s*\{([\s\S]*?)^\}/gm)];
  const enumNames = new Set(blocks.filter((b) => b[1] === 'enum').map((b) => b[2]));
  const scalars = new Set(['String', 'Boolean', 'Int', 'BigInt', 'Float', 'Decimal', 'DateTime', 'Json', 'Bytes']);
  let columns = 0;
  for (const b of blocks.filter((x) => x[1] === 'model')) {
    for (const line of b[3].split('\n')) {
      const m = /^\s*(\w+)\s+(\w+)/.exec(line);
      if (m && (scalars.has(m[2]) || enumNames.has(m[2]) || m[2] === 'Unsupported')) columns++;
    }
  }
  return {
    models: blocks.filter((b) => b[1] === 'model').length,
    enums: enumNames.size,
    columns,
    indexes: (text.match(/@@(index|fulltext)\(/g) ?? []).length,
    relations: text.split('\n').filter((l) => /@relation\(/.test(l) && /fields:/.test(l)).length,
  };
}

// Model and enum counts from the corpus README; implicit many-to-many counts from the DBML twin of dariah
// (34 DBML tables = 29 models + 5 junction tables) and by reading the other schemas (none).
const CASES: Array<{ name: string; load: () => SourceFile[]; models: number; enums: number; m2m: number; logical: boolean }> = [
  { name: 'documenso-schema.prisma', load: () => [{ name: 'schema.prisma', content: readCorpusFile('prisma/documenso-schema.prisma') }], models: 51, enums: 30, m2m: 0, logical: false },
  { name: 'umami-schema.prisma', load: () => [{ name: 'schema.prisma', content: readCorpusFile('prisma/umami-schema.prisma') }], models: 17, enums: 0, m2m: 0, logical: true },
  { name: 'hoppscotch-schema.prisma', load: () => [{ name: 'schema.prisma', content: readCorpusFile('prisma/hoppscotch-schema.prisma') }], models: 23, enums: 4, m2m: 0, logical: false },
  { name: 'dariah-unr-schema.prisma', load: () => [{ name: 'schema.prisma', content: readCorpusFile('prisma/dariah-unr-schema.prisma') }], models: 29, enums: 23, m2m: 5, logical: false },
  { name: 'dub-schema-folder (37 files)', load: () => readCorpusFolder('prisma/dub-schema-folder'), models: 85, enums: 53, m2m: 0, logical: true },
];

describe.skipIf(!corpusAvailable('Prisma corpus import'))('Prisma corpus', () => {
  it.each(CASES)('$name imports with the independently counted tables, columns, FKs, indexes, enums', async ({ load, models, enums, m2m, logical }) => {
    const files = load();
    const expected = countPrismaText(files);
    expect(expected.models).toBe(models);
    expect(expected.enums).toBe(enums);

    const { document, report } = await importPrisma(files);
    expect(parseDocument(document).ok).toBe(true);
    expect(report.counts.tables).toBe(models + m2m);
    expect(report.counts.enums).toBe(enums);
    expect(report.counts.columns).toBe(expected.columns + 2 * m2m);
    // Each junction table adds an index on B.
    expect(report.counts.indexes).toBe(expected.indexes + m2m);
    expect(report.counts.relationships).toBe(expected.relations + 2 * m2m);
    expect(Object.values(document.relationships).every((r) => r.enforced === !logical)).toBe(true);
    if (logical) expect(report.diagnostics.some((d) => d.code === 'prisma.relation-mode-prisma')).toBe(true);
  });

  it('umami: @map/@@map names, native types, composite indexes', async () => {
    const { document } = await importPrisma(readCorpusFile('prisma/umami-schema.prisma'));
    const user = Object.values(document.tables).find((t) => t.name === 'user');
    expect(user).toBeDefined();
    const id = user!.columns.find((c) => c.name === 'user_id')!;
    expect(id.type).toEqual({ kind: 'scalar', name: 'uuid' });
    expect(user!.primaryKey?.columnIds).toEqual([id.id]);
    const created = user!.columns.find((c) => c.name === 'created_at')!;
    expect(created.type).toEqual({ kind: 'scalar', name: 'timestamptz', precision: 6 });
    expect(created.default).toEqual({ kind: 'builtin', name: 'current_timestamp' });
    expect(user!.columns.find((c) => c.name === 'username')!.type).toEqual({ kind: 'scalar', name: 'varchar', length: 255 });
    expect(document.settings.dialect).toBe('postgres');
  });

  it('dariah: implicit many-to-many gets a junction table _X with A/B foreign keys (cascade)', async () => {
    const { document } = await importPrisma(readCorpusFile('prisma/dariah-unr-schema.prisma'));
    const junctions = Object.values(document.tables).filter((t) => t.name.startsWith('_'));
    expect(junctions).toHaveLength(5);
    for (const j of junctions) {
      expect(j.columns.map((c) => c.name)).toEqual(['A', 'B']);
      const rels = Object.values(document.relationships).filter((r) => r.fromTableId === j.id);
      expect(rels).toHaveLength(2);
      expect(rels.every((r) => r.onDelete === 'cascade' && r.onUpdate === 'cascade')).toBe(true);
      expect(j.primaryKey?.columnIds).toHaveLength(2);
    }
  });

  it('dub: a MySQL multi-file schema with cross-file relations', async () => {
    const { document } = await importPrisma(readCorpusFolder('prisma/dub-schema-folder'));
    expect(document.settings.dialect).toBe('mysql');
    const account = Object.values(document.tables).find((t) => t.name === 'Account')!;
    const user = Object.values(document.tables).find((t) => t.name === 'User')!;
    const rel = Object.values(document.relationships).find((r) => r.fromTableId === account.id && r.toTableId === user.id)!;
    expect(rel.onDelete).toBe('cascade');
    expect(rel.enforced).toBe(false);
    expect(account.uniques.some((u) => u.name === 'Account_provider_providerAccountId_key')).toBe(true);
  });

  it('documenso: /// doc comments become comments', async () => {
    const text = readCorpusFile('prisma/documenso-schema.prisma');
    const { document } = await importPrisma(text);
    const commented = Object.values(document.tables).flatMap((t) => t.columns).filter((c) => c.comment);
    expect(commented.length).toBeGreaterThan(10);
    expect(commented.some((c) => c.comment!.startsWith('['))).toBe(true);
  });
});

describe('Prisma features and errors', () => {
  const ds = 'datasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n';

  it('views, enums with @map, defaults, composite ids and relation defaults', async () => {
    const src = `${ds}generator c {\n  provider = "prisma-client-js"\n  previewFeatures = ["views", "unknownThing"]\n}\n
/// Colours
enum Colour {
  red  @map("RED")
  blue
  @@map("colour")
}
model Owner {
  id    Int    @id @default(autoincrement())
  pets  Pet[]
}
model Pet {
  ownerId Int
  num     Int
  colour  Colour @default(red)
  tags    String[] @default([])
  owner   Owner? @relation(fields: [ownerId], references: [id])
  price   Decimal @db.Decimal(10, 2) @default(1.5)
  body    String @default(dbgenerated("gen_random_uuid()")) @db.Uuid
  @@id([ownerId, num])
  @@index([num(sort: Desc)], map: "pet_num")
}
view PetView {
  id   Int @id
  name String
}
`;
    const { document, report } = await importPrisma(src);
    expect(parseDocument(document).ok).toBe(true);
    expect(report.counts).toMatchObject({ tables: 2, views: 1, enums: 1, relationships: 1, indexes: 1 });
    const colour = Object.values(document.enums)[0];
    expect(colour).toMatchObject({ name: 'colour', values: ['RED', 'blue'], comment: 'Colours' });
    const pet = Object.values(document.tables).find((t) => t.name === 'Pet')!;
    const col = (n: string) => pet.columns.find((c) => c.name === n)!;
    expect(col('colour').default).toEqual({ kind: 'literal', value: 'RED' });
    expect(col('tags').arrayDims).toBe(1);
    expect(col('tags').default).toEqual({ kind: 'expression', sql: "'{}'" });
    expect(col('price').type).toEqual({ kind: 'scalar', name: 'decimal', precision: 10, scale: 2 });
    expect(col('body').default).toEqual({ kind: 'expression', sql: 'gen_random_uuid()' });
    expect(pet.primaryKey).toEqual({ name: 'Pet_pkey', columnIds: [col('ownerId').id, col('num').id] });
    expect(pet.indexes[0]).toMatchObject({ name: 'pet_num', parts: [{ kind: 'column', columnId: col('num').id, order: 'desc' }] });
    const rel = Object.values(document.relationships)[0];
    // No onDelete and a required scalar field: Prisma's default is RESTRICT / CASCADE.
    expect(rel).toMatchObject({ onDelete: 'restrict', onUpdate: 'cascade', enforced: true });
    const owner = Object.values(document.tables).find((t) => t.name === 'Owner')!;
    expect(owner.columns[0].identity).toEqual({ always: false });
    expect(Object.values(document.views)[0].name).toBe('PetView');
  });

  it('multiSchema: @@schema becomes a namespace', async () => {
    const src = `datasource db {\n  provider = "postgresql"\n  schemas = ["auth", "billing"]\n}\nmodel User {\n  id Int @id\n  invoices Invoice[]\n  @@schema("auth")\n}\nmodel Invoice {\n  id Int @id\n  userId Int\n  user User @relation(fields: [userId], references: [id], onDelete: Cascade)\n  @@schema("billing")\n  @@map("invoices")\n}\n`;
    const { document } = await importPrisma(src);
    expect(parseDocument(document).ok).toBe(true);
    const where = Object.values(document.tables).map((t) => `${t.schemaId ? document.schemas[t.schemaId].name : ''}.${t.name}`).sort();
    expect(where).toEqual(['auth.User', 'billing.invoices']);
    expect(Object.values(document.relationships)[0]).toMatchObject({ onDelete: 'cascade', onUpdate: 'cascade' });
  });

  it('a relation without its opposite field is reported at its line', async () => {
    const err = await importPrisma(`${ds}model User {\n  id Int @id\n}\nmodel Post {\n  id Int @id\n  userId Int\n  user User @relation(fields: [userId], references: [id])\n}\n`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).message).toMatch(/missing an opposite relation field/);
    expect((err as ImportError).line).toBe(11);
  });

  it('reports the file, line, column and text of an error in a multi-file schema', async () => {
    const files = [
      { name: 'schema.prisma', content: ds },
      { name: 'user.prisma', content: 'model User {\n  id   Int @id\n  name Strin\n}\n' },
    ];
    const err = await importPrisma(files).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    const e = err as ImportError;
    expect(e.file).toBe('user.prisma');
    expect(e.line).toBe(3);
    // Prisma highlights the unknown type: the column is where "Strin" starts.
    expect(e.column).toBe(8);
    expect(e.excerpt).toBe('  name Strin');
    expect(e.message).toMatch(/Strin/);
    expect(e.message).not.toMatch(/\u001b/);
  });

  it.each([
    ['truncated', `${ds}model User {\n  id Int @id\n  name Str`],
    ['binary garbage', '\u0000\u0001\u0002\u00ff\ufffd'.repeat(200)],
    ['unterminated string', `${ds}model User {\n  id Int @id @default("abc\n}\n`],
    ['empty', '   \n'],
  ])('%s input gives an ImportError quickly', async (_label, src) => {
    const t = Date.now();
    await expect(importPrisma(src)).rejects.toBeInstanceOf(ImportError);
    expect(Date.now() - t).toBeLessThan(5000);
  });
});

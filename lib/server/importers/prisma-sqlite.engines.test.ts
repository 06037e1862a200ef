import 'server-only';
/**
 * Prisma's sqlite provider, proven against Prisma's own migration SQL (the WebAssembly schema engine,
 * as scripts/make-migration.ts runs it) applied to SQLite:
 * - import the Prisma schema -> SQLite DDL -> a fresh database: the same catalog as Prisma's SQL makes;
 * - import Prisma's SQL with the SQLite importer -> SQLite DDL: the same catalog again;
 * - export the imported document as Prisma (provider "sqlite") and import that: the same document.
 * On Draftbase's own schema (prisma/sqlite/schema.prisma, a real sqlite-provider schema) and a small
 * one with an implicit many-to-many relation, composite keys and every scalar.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDdl } from '../../ddl/generate-ddl';
import { exportPrisma } from '../../exporters/export-prisma';
import { importSqlite } from '../../importers/sqlite/import-sqlite';
import { diffSql } from '../../../scripts/make-migration';
import { importPrisma } from './prisma-import';
import type { CatalogDifference } from '../catalog/catalog-diff';
import { apply, canonical, compareSqliteDatabases, SqliteScratch } from './sqlite-roundtrip.test-support';

const scratch = new SqliteScratch();

/**
 * Prisma's SQL carries no comments; the imported document keeps the schema's `///` documentation (and
 * says what a junction table is), which the SQLite DDL writes as `--` lines the catalog reads back.
 * Those are the only differences accepted: a comment present on Draftbase's side alone.
 */
const withoutDocComments = (differences: CatalogDifference[]) => differences.filter((d) => !(/^(table|column)\.comment$/.test(d.kind) && / comment null vs /.test(d.message)));
afterAll(() => scratch.dispose());

const SMALL = `datasource db {
  provider = "sqlite"
}

model User {
  id        Int       @id @default(autoincrement())
  email     String    @unique
  name      String?
  score     Float     @default(0.5)
  active    Boolean   @default(true)
  balance   Decimal?
  visits    BigInt    @default(0)
  avatar    Bytes?
  settings  Json?
  createdAt DateTime  @default(now()) @map("created_at")
  posts     Post[]
  @@map("users")
}

model Post {
  id       String    @id @default(uuid())
  title    String    @default("untitled")
  author   User?     @relation(fields: [authorId], references: [id], onDelete: SetNull)
  authorId Int?
  tags     Tag[]
  @@index([title, authorId])
}

model Tag {
  name  String @id
  posts Post[]
}

model Membership {
  userId Int
  teamId Int
  role   String @default("member")
  @@id([userId, teamId])
  @@unique([teamId, role], map: "team_role_unique")
}
`;

const OWN = readFileSync(path.join(__dirname, '../../../prisma/sqlite/schema.prisma'), 'utf8');

describe('Prisma provider "sqlite"', () => {
  it.each([
    ['a small schema (implicit many-to-many, composite key, every scalar)', SMALL],
    ["Draftbase's own prisma/sqlite/schema.prisma", OWN],
  ])('%s: import -> SQLite DDL gives the catalog of Prisma\'s own migration SQL; so does importing that SQL', async (_label, schema) => {
    const prismaSql = await diffSql('sqlite', undefined, schema);
    const byPrisma = scratch.fresh().client;
    await apply(byPrisma, prismaSql);

    const imported = await importPrisma(schema);
    expect(imported.document.settings.dialect).toBe('sqlite');
    expect(imported.report.diagnostics.filter((d) => d.code === 'prisma.provider-not-supported')).toEqual([]);
    const fromPrisma = scratch.fresh().client;
    await apply(fromPrisma, generateDdl(imported.document, 'sqlite').sql);
    expect(withoutDocComments(await compareSqliteDatabases(byPrisma, fromPrisma))).toEqual([]);

    const fromSql = await importSqlite(prismaSql);
    expect(fromSql.report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const viaSql = scratch.fresh().client;
    await apply(viaSql, generateDdl(fromSql.document, 'sqlite').sql);
    expect(await compareSqliteDatabases(byPrisma, viaSql)).toEqual([]);
  });

  it('export as Prisma (provider "sqlite") and import again: the same document', async () => {
    const first = await importPrisma(SMALL);
    const exported = exportPrisma(first.document);
    expect(exported.text).toMatch(/provider = "sqlite"/);
    const second = await importPrisma(exported.text);
    expect(canonical(second.document)).toEqual(canonical(first.document));
  });
});

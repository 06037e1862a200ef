/**
 * What Prisma's connector for each dialect accepts, as data: the exporter (export-prisma.ts,
 * prisma-types.ts) reads these facts instead of asking which dialect this is. Facts of the database
 * itself live in lib/dialects; these are the Prisma schema language's.
 */
import type { Dialect, IndexMethod, LogicalTypeName } from '../model/document';

export interface PrismaConnector {
  /** `provider` of the datasource block. */
  provider: string;
  /** Schemas become `@@schema` (multiSchema); else every model is in one database, with a warning. */
  multiSchema: boolean;
  /** Scalar lists (`String[]`) for one-dimensional arrays. */
  scalarLists: boolean;
  /** `dbgenerated(...)` text of the portable uuid default. */
  uuidDefault: string;
  /** `@id(map: ...)`: the primary key's name can be kept. */
  primaryKeyNames: boolean;
  /** `@@index(.., type: X)` per index method Prisma can express besides B-tree. */
  indexTypes: Partial<Record<IndexMethod, string>>;
  /** Index parts take `length:`, and TEXT/BLOB key columns need one (this many characters). */
  keyPrefixLength?: number;
  /** `@db.Decimal` without precision, and the largest precision. */
  decimal: { unsized?: string; maxPrecision: number };
  /** VarChar without a length, and what an unsized `($len)` / `($p)` argument becomes. */
  unsized: { varchar: string; length: string; precision: string };
  /** UNSIGNED integers' native types (their scalar is Int where the type says so). */
  unsigned?: Partial<Record<LogicalTypeName, string>>;
}

export const PRISMA_CONNECTORS: Record<Dialect, PrismaConnector> = {
  postgres: {
    provider: 'postgresql',
    multiSchema: true,
    scalarLists: true,
    uuidDefault: 'gen_random_uuid()',
    primaryKeyNames: true,
    indexTypes: { hash: 'Hash', brin: 'Brin' },
    decimal: { maxPrecision: 1000 },
    // PostgreSQL varchar is unbounded (Prisma writes it as VarChar).
    unsized: { varchar: 'VarChar', length: '', precision: '' },
  },
  mysql: {
    provider: 'mysql',
    multiSchema: false,
    scalarLists: false,
    uuidDefault: '(uuid())',
    // MySQL's primary key is always named PRIMARY: Prisma rejects a name there.
    primaryKeyNames: false,
    indexTypes: {},
    keyPrefixLength: 191,
    decimal: { unsized: 'Decimal(65,30)', maxPrecision: 65 },
    unsized: { varchar: 'VarChar(255)', length: '(255)', precision: '(0)' },
    unsigned: { integer: 'UnsignedInt', smallint: 'UnsignedSmallInt', bigint: 'UnsignedBigInt' },
  },
  // Prisma's SQLite connector has no native type attributes (@db.X): every column is its scalar.
  sqlite: {
    provider: 'sqlite',
    multiSchema: false,
    scalarLists: false,
    uuidDefault: "(lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))))",
    primaryKeyNames: false,
    indexTypes: {},
    decimal: { maxPrecision: 1000 },
    unsized: { varchar: '', length: '', precision: '' },
  },
};

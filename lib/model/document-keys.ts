/**
 * The document's keys, unique and check constraints, indexes and partitioning. Part of the one
 * document schema (document.ts).
 */
import { z } from 'zod';
import { DOCUMENT_LIMITS as L } from './limits';
import { commentSchema, idSchema, nameSchema, sqlSchema } from './document-primitives';


export const primaryKeySchema = z.object({
  name: nameSchema.optional(),
  columnIds: z.array(idSchema).min(1),
});
export type PrimaryKey = z.infer<typeof primaryKeySchema>;

export const uniqueConstraintSchema = z.object({
  id: idSchema,
  /** Absent = derived from the table and columns (`<table>_<cols>_key`), following them as they change. */
  name: nameSchema.optional(),
  /** Empty while the architect has not picked its columns yet: not generated (a diagnostic says so). */
  columnIds: z.array(idSchema),
  /** PostgreSQL 15+ NULLS NOT DISTINCT. */
  nullsNotDistinct: z.boolean().optional(),
});
export type UniqueConstraint = z.infer<typeof uniqueConstraintSchema>;

export const checkConstraintSchema = z.object({
  id: idSchema,
  name: nameSchema.optional(),
  /** Empty while a check just added in the editor waits for its expression (left out of the DDL, with a diagnostic). */
  expression: z.string().max(L.expressionLength),
  /** false: MySQL 8 `NOT ENFORCED` (declared, not checked). Absent = enforced. */
  enforced: z.boolean().optional(),
});
export type CheckConstraint = z.infer<typeof checkConstraintSchema>;

export const sortOrderSchema = z.enum(['asc', 'desc']);
export const nullsOrderSchema = z.enum(['first', 'last']);

export const indexPartSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('column'),
    columnId: idSchema,
    order: sortOrderSchema.optional(),
    nulls: nullsOrderSchema.optional(),
    /** MySQL prefix length, e.g. `name(20)`. */
    length: z.number().int().positive().optional(),
    /** PostgreSQL operator class, e.g. `gin_trgm_ops`. */
    opclass: z.string().min(1).max(128).optional(),
  }),
  z.object({
    kind: z.literal('expression'),
    sql: sqlSchema,
    order: sortOrderSchema.optional(),
    nulls: nullsOrderSchema.optional(),
    opclass: z.string().min(1).max(128).optional(),
  }),
]);
export type IndexPart = z.infer<typeof indexPartSchema>;

export const indexMethods = ['btree', 'hash', 'gin', 'gist', 'brin', 'spgist', 'fulltext', 'spatial'] as const;
export const indexMethodSchema = z.enum(indexMethods);
export type IndexMethod = z.infer<typeof indexMethodSchema>;

export const indexSchema = z.object({
  id: idSchema,
  /**
   * Absent = derived from the table and key parts (`<table>_<cols>_idx`, lib/naming/derived-names.ts),
   * following them as they change, until the architect names the index.
   */
  name: nameSchema.optional(),
  /** Empty while the architect has not picked its columns yet: not generated (a diagnostic says so). */
  parts: z.array(indexPartSchema),
  unique: z.boolean(),
  /** Absent = the dialect's default (B-tree). */
  method: indexMethodSchema.optional(),
  /** Partial index predicate (PostgreSQL), SQL without the WHERE keyword. */
  where: sqlSchema.optional(),
  /** Covering columns (PostgreSQL INCLUDE). */
  includeColumnIds: z.array(idSchema).optional(),
  /** Why this index exists; shown in the index strategy table. */
  purpose: commentSchema.optional(),
  /** MySQL 8 INVISIBLE / MariaDB IGNORED: maintained, not used by the optimizer. */
  invisible: z.boolean().optional(),
});
export type Index = z.infer<typeof indexSchema>;

// ---------------------------------------------------------------------------------------------
// Partitioning

export const partitionBoundSchema = z.discriminatedUnion('kind', [
  /** FROM (from) TO (to); `MINVALUE`/`MAXVALUE` allowed as values. Values are SQL literals. */
  z.object({ kind: z.literal('range'), from: z.array(z.string().min(1)).min(1), to: z.array(z.string().min(1)).min(1) }),
  z.object({ kind: z.literal('list'), values: z.array(z.string().min(1)).min(1) }),
  z.object({ kind: z.literal('hash'), modulus: z.number().int().positive(), remainder: z.number().int().min(0) }),
  z.object({ kind: z.literal('default') }),
]);
export type PartitionBound = z.infer<typeof partitionBoundSchema>;

export const partitionKeyPartSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('column'), columnId: idSchema }),
  z.object({ kind: z.literal('expression'), sql: sqlSchema }),
]);

export const partitioningSchema = z.object({
  strategy: z.enum(['range', 'list', 'hash']),
  key: z.array(partitionKeyPartSchema).min(1),
  partitions: z.array(z.object({ id: idSchema, name: nameSchema, bound: partitionBoundSchema, comment: commentSchema.optional() })),
});
export type Partitioning = z.infer<typeof partitioningSchema>;

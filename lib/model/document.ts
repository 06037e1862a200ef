/**
 * The Draftbase schema document: the single source of truth from which DDL, mermaid, the design
 * document and the canvas are all computed. One zod schema; the TypeScript types are inferred from it.
 *
 * Shape rules (see lib/README.md):
 * - Every element has an opaque, stable id; references use ids, names are data.
 * - Collections of top-level elements are records keyed by id (O(1) lookups from the canvas), and
 *   each value repeats its id. Insertion order is kept and is the display order.
 * - Layout (positions, colours of tables, note geometry) lives under `layout`, never in the schema.
 * - Variants are discriminated unions on `kind`.
 */
import { z } from 'zod';
import { DOCUMENT_LIMITS as L } from './limits';
import { reviewConfigSchema } from './review-config';
import { governanceSchema } from './governance';
import { commentSchema, dialectSchema, idSchema, nameSchema, sqlSchema } from './document-primitives';
import { columnSchema, defaultValueSchema, scalarTypeSchema } from './document-columns';
import { checkConstraintSchema, indexSchema, partitioningSchema, primaryKeySchema, uniqueConstraintSchema } from './document-keys';

// The document's parts, one module each; this module is the one place they are imported from.
export { idSchema, dialectSchema, type Id, type Dialect } from './document-primitives';
export * from './document-columns';
export * from './document-keys';

/**
 * The newest document version this build reads and writes. Version 2: columns carry a five-level
 * `classification` (v1's `sensitive: true` upgrades to `confidential`, model/migrate.ts); indexes and
 * uniques may be unnamed (their name derived from their columns) and, like checks, still empty while
 * the user is adding them. A v1 document is otherwise a valid v2 one. Version 3: the document has
 * `extensions` and `sequences` (a v2 document upgrades with both empty), and a column default may be
 * a sequence's next value (serial columns). Version 4: the requirements and query patterns carry numbers
 * with units (data sizes, p99 latency in ms, rates per second, RPO/RTO in minutes, reads per write,
 * connections) where they were free text; text that does not parse is kept in `notes`.
 */
export const DOCUMENT_VERSION = 4;

// ---------------------------------------------------------------------------------------------
// Tables

/** Declared volumes of one table (issue 15): what the capacity plan and the query-pattern advisor read.
 * Counts are rows; absent fields mean "not declared" and the consumers say what they assumed. */
export const tableVolumeSchema = z.object({
  /** Rows expected today. */
  rows: z.number().int().nonnegative().max(1e15).optional(),
  /** Rows added per month (growth); with `rows`, gives the count at 5 years unless `rowsIn5y` is given. */
  growthPerMonth: z.number().nonnegative().max(1e15).optional(),
  /** Rows expected in 5 years, when declared directly. */
  rowsIn5y: z.number().int().nonnegative().max(1e15).optional(),
  /** Months rows are kept before they are deleted or archived (caps the 5-year count). */
  retentionMonths: z.number().int().positive().max(1200).optional(),
  /** Average stored length in bytes of variable-length columns, by column id (defaults per type otherwise). */
  avgLength: z.record(idSchema, z.number().nonnegative().max(1e9))
    .refine((r) => Object.keys(r).length <= L.columnsPerTable, `at most ${L.columnsPerTable} columns`)
    .optional(),
});
export type TableVolume = z.infer<typeof tableVolumeSchema>;

export const tableSchema = z.object({
  id: idSchema,
  name: nameSchema,
  /** Absent = the dialect's default schema (public / the connection's database). */
  schemaId: idSchema.optional(),
  comment: commentSchema.optional(),
  columns: z.array(columnSchema),
  primaryKey: primaryKeySchema.optional(),
  uniques: z.array(uniqueConstraintSchema),
  checks: z.array(checkConstraintSchema),
  indexes: z.array(indexSchema),
  partitioning: partitioningSchema.optional(),
  /** Declared volumes (issue 15); absent = not declared. */
  volume: tableVolumeSchema.optional(),
  /** Per-dialect table options kept from imports, e.g. `{ mysql: { engine: 'InnoDB', charset: 'utf8mb4' } }`. */
  options: z.object({
    mysql: z
      .object({
        engine: z.string().max(64).optional(),
        charset: z.string().max(64).optional(),
        collation: z.string().max(64).optional(),
        /** ROW_FORMAT (DYNAMIC, COMPRESSED, ...). */
        rowFormat: z.string().max(64).optional(),
        /** The table's AUTO_INCREMENT counter (a dump's `AUTO_INCREMENT=n`). */
        autoIncrement: z.number().int().positive().optional(),
        /** KEY_BLOCK_SIZE in KB (compressed InnoDB tables). */
        keyBlockSize: z.number().int().positive().optional(),
      })
      .optional(),
    /** SQLite, per table (imports keep them): STRICT (3.37+) and WITHOUT ROWID. */
    sqlite: z.object({ strict: z.boolean().optional(), withoutRowid: z.boolean().optional() }).optional(),
  }).optional(),
});
export type Table = z.infer<typeof tableSchema>;

// ---------------------------------------------------------------------------------------------
// Relationships

export const referentialActionSchema = z.enum(['no action', 'restrict', 'cascade', 'set null', 'set default']);
export type ReferentialAction = z.infer<typeof referentialActionSchema>;

/** Crow's-foot end: how many rows of this side one row of the other side relates to. */
export const cardinalityEndSchema = z.enum(['zero-or-one', 'exactly-one', 'zero-or-many', 'one-or-many']);
export type CardinalityEnd = z.infer<typeof cardinalityEndSchema>;

export const relationshipSchema = z.object({
  id: idSchema,
  /** Constraint name; absent = the generator derives one. */
  name: nameSchema.optional(),
  /** The referencing (child) table, which holds the foreign key columns. */
  fromTableId: idSchema,
  /** The referenced (parent) table. */
  toTableId: idSchema,
  /** Ordered (child column, parent column) pairs: a composite key is one relationship. */
  columnPairs: z.array(z.object({ fromColumnId: idSchema, toColumnId: idSchema })).min(1),
  onDelete: referentialActionSchema,
  onUpdate: referentialActionSchema,
  /**
   * Overrides the cardinality derived from nullability and uniqueness. `from` is how many child rows
   * relate to one parent row; `to` is how many parent rows relate to one child row.
   */
  cardinality: z.object({ from: cardinalityEndSchema, to: cardinalityEndSchema }).optional(),
  /** false = a logical relationship only (e.g. Prisma relationMode = "prisma"): no FOREIGN KEY emitted. */
  enforced: z.boolean(),
  deferrable: z.enum(['not deferrable', 'deferrable initially immediate', 'deferrable initially deferred']).optional(),
  comment: commentSchema.optional(),
});
export type Relationship = z.infer<typeof relationshipSchema>;

// ---------------------------------------------------------------------------------------------
// Types, views, namespaces, areas, notes

export const schemaNamespaceSchema = z.object({ id: idSchema, name: nameSchema, comment: commentSchema.optional() });
export type SchemaNamespace = z.infer<typeof schemaNamespaceSchema>;

export const enumSchema = z.object({
  id: idSchema,
  name: nameSchema,
  schemaId: idSchema.optional(),
  values: z.array(z.string().max(L.enumValueLength)).min(1),
  comment: commentSchema.optional(),
});
export type EnumType = z.infer<typeof enumSchema>;

export const domainSchema = z.object({
  id: idSchema,
  name: nameSchema,
  schemaId: idSchema.optional(),
  type: scalarTypeSchema,
  nullable: z.boolean(),
  default: defaultValueSchema,
  checks: z.array(checkConstraintSchema),
  comment: commentSchema.optional(),
});
export type Domain = z.infer<typeof domainSchema>;

export const viewSchema = z.object({
  id: idSchema,
  name: nameSchema,
  schemaId: idSchema.optional(),
  /** The view's query (SELECT ...), in the dialect named by `dialect`. */
  sql: sqlSchema,
  dialect: dialectSchema,
  materialized: z.boolean(),
  comment: commentSchema.optional(),
});
export type View = z.infer<typeof viewSchema>;

/**
 * A PostgreSQL extension the schema needs (`CREATE EXTENSION IF NOT EXISTS`): its types, operator
 * classes and functions are then available to columns, indexes and defaults. Other dialects have none.
 */
export const extensionSchema = z.object({
  id: idSchema,
  /** The extension's name as in pg_available_extensions (`pg_trgm`, `uuid-ossp`). */
  name: nameSchema,
  /** Where its objects go (`WITH SCHEMA`); absent = the default schema. */
  schemaId: idSchema.optional(),
  /** A version to install (`VERSION '1.6'`); absent = the server's default version. */
  version: z.string().min(1).max(64).optional(),
  comment: commentSchema.optional(),
});
export type Extension = z.infer<typeof extensionSchema>;

export const sequenceDataTypes = ['smallint', 'integer', 'bigint'] as const;
export const sequenceDataTypeSchema = z.enum(sequenceDataTypes);
export type SequenceDataType = z.infer<typeof sequenceDataTypeSchema>;

/** A sequence bound; JavaScript numbers hold it exactly up to 2^53 (larger bounds are the type's own limits). */
const sequenceValue = z.number().int().refine(Number.isSafeInteger, 'must be a safe integer (at most 2^53 - 1 in magnitude)');

/**
 * A sequence (CREATE SEQUENCE). Absent options mean the engine's default for the data type and
 * direction (start = min for ascending, increment 1, min 1 / max the type's limit, cache 1, no cycle),
 * so a sequence written with defaults spelled out and one written without are the same document.
 */
export const sequenceSchema = z.object({
  id: idSchema,
  name: nameSchema,
  schemaId: idSchema.optional(),
  dataType: sequenceDataTypeSchema,
  start: sequenceValue.optional(),
  increment: sequenceValue.refine((n) => n !== 0, 'must not be 0').optional(),
  min: sequenceValue.optional(),
  max: sequenceValue.optional(),
  cache: z.number().int().min(1).refine(Number.isSafeInteger, 'must be a safe integer').optional(),
  cycle: z.boolean().optional(),
  /** OWNED BY: the sequence goes with this column (dropped with it); a serial column owns its sequence. */
  ownedBy: z.object({ tableId: idSchema, columnId: idSchema }).optional(),
  comment: commentSchema.optional(),
});
export type Sequence = z.infer<typeof sequenceSchema>;

export const routineKinds = ['function', 'procedure', 'aggregate', 'trigger', 'event'] as const;
export const routineKindSchema = z.enum(routineKinds);
export type RoutineKind = z.infer<typeof routineKindSchema>;

/**
 * A routine the schema carries but Draftbase does not model: a function, procedure, aggregate,
 * trigger or (MySQL) event, kept as the verbatim CREATE statement of the dump it came from, in the
 * dialect it is written in. The DDL writes it back as it was (other dialects: commented out). Optional
 * in the document: absent = none (a document without routines is unchanged).
 */
export const routineSchema = z.object({
  id: idSchema,
  kind: routineKindSchema,
  name: nameSchema,
  schemaId: idSchema.optional(),
  /** The dialect the statement (and its body) is written in. */
  dialect: dialectSchema,
  /** The whole CREATE statement as written (without a trailing delimiter). */
  sql: z.string().min(1).max(L.routineLength).refine((s) => !s.includes('\u0000'), 'must not contain NUL characters'),
  /** A trigger's table. */
  tableId: idSchema.optional(),
});
export type Routine = z.infer<typeof routineSchema>;

const colorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1e90ff');

export const areaSchema = z.object({
  id: idSchema,
  name: nameSchema,
  color: colorSchema,
  tableIds: z.array(idSchema),
  comment: commentSchema.optional(),
});
export type Area = z.infer<typeof areaSchema>;

export const noteSchema = z.object({ id: idSchema, text: z.string().max(L.noteLength), color: colorSchema });
export type Note = z.infer<typeof noteSchema>;

// ---------------------------------------------------------------------------------------------
// The design document's narrative and declared requirements (edited by the design-doc issue)

/** Narrative sections of DATABASE_DESIGN.md, keyed by a stable slug. */
export const narrativeSectionKeys = [
  'executiveSummary', 'conceptualModel', 'logicalDesign', 'schemaDesign', 'indexStrategy', 'partitioning',
  'queryPatterns', 'caching', 'connectionManagement', 'migrationStrategy', 'dataIntegrity',
  'backupRecovery', 'monitoring', 'security', 'horizontalScaling', 'verticalScaling',
] as const;
export const narrativeSectionKeySchema = z.enum(narrativeSectionKeys);
export type NarrativeSectionKey = z.infer<typeof narrativeSectionKeySchema>;

const shortText = z.string().max(2000);

/** Units of a declared data size; 1 KB = 1024 B (as PostgreSQL's pg_size_pretty and MySQL count). */
export const byteUnits = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;
export const byteUnitSchema = z.enum(byteUnits);
export type ByteUnit = z.infer<typeof byteUnitSchema>;

/** A data size as the architect declared it: the number and the unit they chose (kept, not normalised). */
export const dataSizeSchema = z.object({ value: z.number().nonnegative().max(1e9), unit: byteUnitSchema });
export type DataSize = z.infer<typeof dataSizeSchema>;

const positiveAmount = z.number().positive().max(1e12);
const amount = z.number().nonnegative().max(1e12);

/**
 * The requirement fields that were free text before version 4, by their old names: the keys of
 * `Requirements.notes`, where text that is not (only) a number in the field's unit is kept.
 */
export const requirementNoteKeys = [
  'dataVolumeNow', 'dataVolume5y', 'latencyTarget', 'throughputTarget', 'rpo', 'rto', 'readWriteRatio', 'peakLoad', 'concurrency',
] as const;
export const requirementNoteKeySchema = z.enum(requirementNoteKeys);
export type RequirementNoteKey = z.infer<typeof requirementNoteKeySchema>;

/**
 * Declared requirements. Numbers carry their unit in the field name (one canonical unit each, the
 * form converts), except data sizes, which keep the unit chosen. `notes` holds free text per field:
 * what a version-3 document said that did not parse as a number ("5x on Black Friday"), or a
 * qualifier the number drops ("2,000 writes/s"), so an upgrade loses nothing.
 */
export const requirementsSchema = z.object({
  dataVolumeNow: dataSizeSchema.optional(),
  dataVolume5y: dataSizeSchema.optional(),
  workload: z.enum(['oltp', 'olap', 'htap']).optional(),
  consistency: z.enum(['acid', 'base']).optional(),
  /** p99 query latency target, milliseconds. */
  latencyTargetMs: positiveAmount.optional(),
  /** Sustained throughput target, queries per second. */
  throughputQps: amount.optional(),
  /** Recovery point objective, minutes of data that may be lost (0 = none). */
  rpoMinutes: amount.optional(),
  /** Recovery time objective, minutes to be back in service. */
  rtoMinutes: amount.optional(),
  /** Reads per write (9 = "9:1"; 0.25 = "1:4"). */
  readsPerWrite: amount.optional(),
  /** Peak load, queries per second. */
  peakLoadQps: amount.optional(),
  /** Expected concurrent application connections, for pool sizing drafts. */
  concurrencyConnections: z.number().int().nonnegative().max(1e9).optional(),
  notes: z.partialRecord(requirementNoteKeySchema, shortText).optional(),
});
export type Requirements = z.infer<typeof requirementsSchema>;

export const queryPatternNoteKeys = ['frequency', 'latencyTarget'] as const;

export const queryPatternSchema = z.object({
  id: idSchema,
  name: z.string().min(1).max(256),
  sql: z.string().max(100_000).optional(),
  description: z.string().max(10_000).optional(),
  /** How often the query runs, per second (0.5 = every other second). */
  frequencyPerSecond: amount.optional(),
  /** p99 latency target for this query, milliseconds. */
  latencyTargetMs: positiveAmount.optional(),
  /** Free text kept per field (version-3 text that did not parse, or a qualifier), as in Requirements. */
  notes: z.partialRecord(z.enum(queryPatternNoteKeys), shortText).optional(),
});
export type QueryPattern = z.infer<typeof queryPatternSchema>;

export const designSchema = z.object({
  narrative: z.partialRecord(narrativeSectionKeySchema, z.string().max(L.narrativeLength)),
  requirements: requirementsSchema,
  queryPatterns: z.array(queryPatternSchema),
});
export type Design = z.infer<typeof designSchema>;

// ---------------------------------------------------------------------------------------------
// Layout: kept apart from the schema; generators never read it.

const pointSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

export const layoutSchema = z.object({
  tables: z.record(idSchema, pointSchema.extend({ color: colorSchema.optional(), collapsed: z.boolean().optional() })),
  notes: z.record(idSchema, pointSchema.extend({ width: z.number().positive(), height: z.number().positive() })),
  viewport: z.object({ x: z.number().finite(), y: z.number().finite(), zoom: z.number().positive() }).optional(),
});
export type Layout = z.infer<typeof layoutSchema>;

// ---------------------------------------------------------------------------------------------
// The document

export const settingsSchema = z.object({
  /** The dialect the canvas type picker and the design document default to. */
  dialect: dialectSchema,
});

export const schemaDocumentShape = z.object({
  format: z.literal('draftbase'),
  version: z.literal(DOCUMENT_VERSION),
  settings: settingsSchema,
  schemas: z.record(idSchema, schemaNamespaceSchema),
  tables: z.record(idSchema, tableSchema),
  relationships: z.record(idSchema, relationshipSchema),
  enums: z.record(idSchema, enumSchema),
  domains: z.record(idSchema, domainSchema),
  views: z.record(idSchema, viewSchema),
  extensions: z.record(idSchema, extensionSchema),
  sequences: z.record(idSchema, sequenceSchema),
  /** Functions, procedures, aggregates, triggers and events kept verbatim; absent = none. */
  routines: z.record(idSchema, routineSchema).optional(),
  areas: z.record(idSchema, areaSchema),
  notes: z.record(idSchema, noteSchema),
  design: designSchema,
  layout: layoutSchema,
  /** Design review configuration and waivers (lib/review); absent = the defaults, no waivers. */
  review: reviewConfigSchema.optional(),
  /** Status, people, sign-off, decision records, risks (lib/model/governance.ts); absent = a draft. */
  governance: governanceSchema.optional(),
});
export type SchemaDocument = z.infer<typeof schemaDocumentShape>;

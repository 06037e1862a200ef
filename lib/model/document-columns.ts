/**
 * The document's column types (logical, native, enum and domain references), defaults, identity,
 * generated columns, data classification and columns. Part of the one document schema (document.ts).
 */
import { z } from 'zod';
import { DOCUMENT_LIMITS as L } from './limits';
import { commentSchema, idSchema, nameSchema, sqlSchema } from './document-primitives';


/** Dialect-neutral scalar types. Each dialect module maps them to native types. */
export const logicalTypeNames = [
  'smallint', 'integer', 'bigint',
  'decimal', 'real', 'double',
  'boolean',
  'char', 'varchar', 'text',
  'uuid',
  'date', 'time', 'timetz', 'timestamp', 'timestamptz', 'interval', 'year',
  'json', 'jsonb',
  'binary', 'varbinary', 'blob',
  'inet', 'cidr', 'macaddr',
  'bit', 'varbit',
  'xml', 'money', 'tsvector', 'geometry',
] as const;
export const logicalTypeNameSchema = z.enum(logicalTypeNames);
export type LogicalTypeName = z.infer<typeof logicalTypeNameSchema>;

/**
 * A native type string per dialect, used verbatim for that dialect: the escape hatch where no logical
 * type fits (`tsvector`, `longtext`, `geometry(Polygon,4326)`, `citext`...). The logical type stays the
 * fallback for the other dialect, with a diagnostic.
 */
export const nativeTypeSchema = z.object({
  postgres: z.string().min(1).max(200).optional(),
  mysql: z.string().min(1).max(200).optional(),
  sqlite: z.string().min(1).max(200).optional(),
});
export type NativeType = z.infer<typeof nativeTypeSchema>;

export const scalarTypeSchema = z.object({
  kind: z.literal('scalar'),
  name: logicalTypeNameSchema,
  /** char/varchar/binary/varbinary/bit length; time precision for time/timestamp types. */
  length: z.number().int().positive().max(2_147_483_647).optional(),
  /** decimal precision, or fractional-seconds precision for temporal types. */
  precision: z.number().int().min(0).max(1000).optional(),
  scale: z.number().int().min(-1000).max(1000).optional(),
  /** MySQL UNSIGNED integers/decimals. */
  unsigned: z.boolean().optional(),
  /** MySQL integer display width (`int(11)`) and ZEROFILL: how values are shown, kept so a dump
   * round-trips; other dialects ignore them. */
  displayWidth: z.number().int().min(1).max(255).optional(),
  zerofill: z.boolean().optional(),
  native: nativeTypeSchema.optional(),
});
export type ScalarType = z.infer<typeof scalarTypeSchema>;

export const enumTypeRefSchema = z.object({ kind: z.literal('enum'), enumId: idSchema });
export const domainTypeRefSchema = z.object({ kind: z.literal('domain'), domainId: idSchema });

export const columnTypeSchema = z.discriminatedUnion('kind', [scalarTypeSchema, enumTypeRefSchema, domainTypeRefSchema]);
export type ColumnType = z.infer<typeof columnTypeSchema>;

// ---------------------------------------------------------------------------------------------
// Columns

/** Portable default functions that every dialect spells differently. */
export const builtinDefaultNames = ['current_timestamp', 'current_date', 'current_time', 'uuid'] as const;

export const defaultValueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  /** A literal value; the generator quotes it. `null` is an explicit DEFAULT NULL. */
  z.object({ kind: z.literal('literal'), value: z.union([z.string().max(L.literalLength), z.number(), z.boolean(), z.null()]) }),
  /** An SQL expression used verbatim, e.g. `now()`, `'{}'::jsonb`, `(price * 2)`. */
  z.object({ kind: z.literal('expression'), sql: sqlSchema }),
  /** A portable default the generator spells for each dialect. */
  z.object({ kind: z.literal('builtin'), name: z.enum(builtinDefaultNames) }),
  /**
   * The next value of a sequence of the document (PostgreSQL `nextval('seq'::regclass)`). A serial
   * column is an integer column with this default whose sequence is OWNED BY it.
   */
  z.object({ kind: z.literal('sequence'), sequenceId: idSchema }),
]);
export type DefaultValue = z.infer<typeof defaultValueSchema>;

export const identitySchema = z.object({
  /** PostgreSQL GENERATED ALWAYS (true) or BY DEFAULT (false); MySQL AUTO_INCREMENT either way. */
  always: z.boolean(),
  start: z.number().int().optional(),
  increment: z.number().int().optional(),
});
export type Identity = z.infer<typeof identitySchema>;

export const generatedSchema = z.object({
  expression: sqlSchema,
  /** STORED (true) or VIRTUAL (false; MySQL, PostgreSQL 18). */
  stored: z.boolean(),
});

/**
 * Data classification levels, least to most restricted. `confidential` and above are protected data
 * (the design document's Security section lists them); `personal` is personal data in the GDPR sense,
 * `special` its special categories and secrets (credentials, tokens, health, biometrics).
 */
export const dataClassifications = ['public', 'internal', 'confidential', 'personal', 'special'] as const;
export const dataClassificationSchema = z.enum(dataClassifications);
export type DataClassification = z.infer<typeof dataClassificationSchema>;

/** Classifications whose columns need protection (access control, encryption, masking). */
export const PROTECTED_CLASSIFICATIONS: readonly DataClassification[] = ['confidential', 'personal', 'special'];

/**
 * How a classified column is protected (issue 16): what the Security section lists beside it.
 * Absent fields are "not decided yet", and the document says so.
 */
export const columnProtectionSchema = z.object({
  /** At rest with the storage (volume / tablespace encryption) or per column (pgcrypto, application-side). */
  encryption: z.enum(['at-rest', 'column']).optional(),
  /** How non-production copies show it. */
  masking: z.enum(['redact', 'partial', 'hash', 'fake', 'null']).optional(),
  /** The database role (or application role) allowed to read it. */
  accessRole: z.string().trim().min(1).max(128).optional(),
  /** Months the data is kept before it is deleted or anonymised. */
  retentionMonths: z.number().int().positive().max(1200).optional(),
});
export type ColumnProtection = z.infer<typeof columnProtectionSchema>;

export const columnSchema = z.object({
  id: idSchema,
  name: nameSchema,
  type: columnTypeSchema,
  /** Array dimensions (PostgreSQL arrays); 0 or absent = not an array. */
  arrayDims: z.number().int().min(0).max(6).optional(),
  nullable: z.boolean(),
  default: defaultValueSchema,
  identity: identitySchema.optional(),
  generated: generatedSchema.optional(),
  /** MySQL `ON UPDATE CURRENT_TIMESTAMP`. */
  onUpdateCurrentTimestamp: z.boolean().optional(),
  collation: z.string().min(1).max(128).optional(),
  /** MySQL column CHARACTER SET (its default collation unless `collation` says otherwise). */
  charset: z.string().min(1).max(64).optional(),
  /** MySQL 8 / MariaDB INVISIBLE column: left out of `SELECT *`. */
  invisible: z.boolean().optional(),
  comment: commentSchema.optional(),
  /** How the data in this column is classified; absent = not classified yet. Drives the Security section. */
  classification: dataClassificationSchema.optional(),
  /** Encryption, masking, access and retention of a classified column. */
  protection: columnProtectionSchema.optional(),
});
export type Column = z.infer<typeof columnSchema>;

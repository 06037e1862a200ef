/**
 * PostgreSQL 13-17 as data. Identifiers: double quotes doubled, 63 bytes (longer names are truncated
 * silently by the server, so the generator diagnoses them). String literals assume
 * standard_conforming_strings = on (the default since 9.1): only quotes are doubled.
 */
import { logicalTypeNames, routineKinds, type ScalarType } from '../model/document';
import { POSTGRES_INDEX_METHODS } from './index-methods';
import { postgresStorage } from './storage';
import type { Capabilities, DdlTarget, DialectSpec, MappedType, PostgresTarget } from './types';
import { POSTGRES_MIGRATION } from './migration-facts';

// Every kind as written: the engine is the judge (a kind it lacks fails there, as it always did).
const ALL_ROUTINE_KINDS = new Set(routineKinds);

export const POSTGRES_TARGETS: readonly PostgresTarget[] = ['postgres-13', 'postgres-14', 'postgres-15', 'postgres-16', 'postgres-17'];

function major(target: DdlTarget): number {
  return Number(/^postgres-(\d+)$/.exec(target)?.[1] ?? 16);
}

function postgresCapabilities(target: DdlTarget): Capabilities {
  const v = major(target);
  return {
    target,
    label: `PostgreSQL ${v}`,
    schemas: 'namespaces',
    enumStrategy: 'create-type',
    domains: true,
    commentStyle: 'comment-on',
    identity: 'identity',
    partialIndexes: true,
    includeColumns: true,
    indexMethods: new Set(['btree', 'hash', 'gin', 'gist', 'brin', 'spgist']),
    indexNullsOrder: true,
    expressionIndexes: true,
    operatorClasses: true,
    prefixLengths: false,
    nullsNotDistinct: v >= 15,
    // Virtual generated columns arrive in PostgreSQL 18, beyond the targets offered here.
    virtualGenerated: false,
    arrays: true,
    deferrableConstraints: true,
    setDefaultAction: true,
    onUpdateCurrentTimestamp: false,
    foreignKeysOnPartitionedTables: true,
    listDefaultPartition: true,
    rangeDefaultPartition: true,
    materializedViews: true,
    literalDefaultsOnLobs: true,
    namedPrimaryKeys: true,
    checksOnAutoIncrement: true,
    unsigned: false,
    tableOptions: false,
    lobKeysNeedPrefix: false,
    partitionSyntax: 'partition-of',
    tablesNeedColumns: false,
    uniqueSyntax: 'constraint',
    checksOnActionColumns: true,
    foreignKeyCreatesIndex: false,
    clusteredPrimaryKey: false,
    foreignKeyCollationsMatch: false,
    dropCascade: true,
    setNullOnNotNull: 'fails-at-runtime',
    extensions: true,
    sequences: 'create-sequence',
    alterAddConstraint: true,
    dropColumn: true,
    strictTables: false,
    withoutRowid: false,
    primaryKeyImpliesNotNull: true,
  };
}

const approx = (sql: string, message: string): MappedType => ({ sql, loss: { severity: 'info', code: 'postgres.type-approximated', message } });

const withLength = (base: string, n: number | undefined) => (n ? `${base}(${n})` : base);

/** Fractional-seconds precision: the model accepts it in `precision` or (older imports) `length`. */
const fsp = (t: ScalarType) => t.precision ?? t.length;

const TYPE_TABLE: Record<ScalarType['name'], (t: ScalarType) => MappedType> = {
  smallint: () => ({ sql: 'smallint' }),
  integer: () => ({ sql: 'integer' }),
  bigint: () => ({ sql: 'bigint' }),
  decimal: (t) => ({ sql: t.precision !== undefined ? `numeric(${t.precision}${t.scale !== undefined ? `,${t.scale}` : ''})` : 'numeric' }),
  real: () => ({ sql: 'real' }),
  double: () => ({ sql: 'double precision' }),
  boolean: () => ({ sql: 'boolean' }),
  char: (t) => ({ sql: withLength('char', t.length) }),
  varchar: (t) => ({ sql: withLength('varchar', t.length) }),
  text: () => ({ sql: 'text' }),
  uuid: () => ({ sql: 'uuid' }),
  date: () => ({ sql: 'date' }),
  time: (t) => ({ sql: fsp(t) !== undefined ? `time(${fsp(t)})` : 'time' }),
  timetz: (t) => ({ sql: fsp(t) !== undefined ? `time(${fsp(t)}) with time zone` : 'time with time zone' }),
  timestamp: (t) => ({ sql: fsp(t) !== undefined ? `timestamp(${fsp(t)})` : 'timestamp' }),
  timestamptz: (t) => ({ sql: fsp(t) !== undefined ? `timestamp(${fsp(t)}) with time zone` : 'timestamp with time zone' }),
  interval: () => ({ sql: 'interval' }),
  year: () => approx('smallint', 'PostgreSQL has no YEAR type: smallint'),
  json: () => ({ sql: 'json' }),
  jsonb: () => ({ sql: 'jsonb' }),
  binary: (t) => (t.length ? approx('bytea', `PostgreSQL has no fixed-length binary: bytea (length ${t.length} not enforced)`) : { sql: 'bytea' }),
  varbinary: (t) => (t.length ? approx('bytea', `PostgreSQL bytea has no length limit (${t.length} not enforced)`) : { sql: 'bytea' }),
  blob: () => ({ sql: 'bytea' }),
  inet: () => ({ sql: 'inet' }),
  cidr: () => ({ sql: 'cidr' }),
  macaddr: () => ({ sql: 'macaddr' }),
  bit: (t) => ({ sql: withLength('bit', t.length) }),
  varbit: (t) => ({ sql: withLength('bit varying', t.length) }),
  xml: () => ({ sql: 'xml' }),
  money: () => ({ sql: 'money' }),
  tsvector: () => ({ sql: 'tsvector' }),
  geometry: () => ({ sql: 'geometry', loss: { severity: 'warning', code: 'postgres.requires-postgis', message: 'geometry needs the PostGIS extension (CREATE EXTENSION postgis)' } }),
};

function mapType(t: ScalarType): MappedType {
  const mapped = TYPE_TABLE[t.name](t);
  if (t.unsigned) {
    return { sql: mapped.sql, loss: { severity: 'info', code: 'postgres.unsigned-dropped', message: 'PostgreSQL has no UNSIGNED: add a CHECK (col >= 0) if it matters' } };
  }
  return mapped;
}

const POSTGRES_BUILTINS = {
  current_timestamp: 'CURRENT_TIMESTAMP',
  current_date: 'CURRENT_DATE',
  current_time: 'CURRENT_TIME',
  // Built in since PostgreSQL 13 (pgcrypto before).
  uuid: 'gen_random_uuid()',
} as const;

/** SQL:2016 / PostgreSQL reserved key words (reserved or "requires AS"); quoting makes them safe. */
const RESERVED = new Set(
  `all analyse analyze and any array as asc asymmetric authorization binary both case cast check collate collation column
  concurrently constraint create cross current_catalog current_date current_role current_schema current_time current_timestamp
  current_user default deferrable desc distinct do else end except false fetch for foreign freeze from full grant group having
  ilike in initially inner intersect into is isnull join lateral leading left like limit localtime localtimestamp natural not
  notnull null offset on only or order outer overlaps placing primary references returning right select session_user similar
  some symmetric system_user table tablesample then to trailing true union unique user using variadic verbose when where window with`
    .split(/\s+/)
    .filter(Boolean),
);

export const postgresDialect: DialectSpec = {
  name: 'postgres',
  label: 'PostgreSQL',
  defaultTarget: 'postgres-16',
  targets: POSTGRES_TARGETS,
  capabilities: postgresCapabilities,
  // Fast paths: most names and strings contain nothing to escape (this runs for every identifier).
  quoteIdentifier: (name) => (name.includes('"') ? `"${name.replace(/"/g, '""')}"` : `"${name}"`),
  quoteString: (value) => (value.includes("'") ? `'${value.replace(/'/g, "''")}'` : `'${value}'`),
  bareIdentifier: /^[a-z_][a-z0-9_$]*$/,
  caseInsensitiveNames: false,
  nameScopes: { indexesAreRelations: true, partitionsAreRelations: true, constraintsPerDatabase: false, namespaceWord: 'schema' },
  identifierLimit: { max: 63, unit: 'bytes' },
  truncatesLongIdentifiers: true,
  enumLabelsFoldCase: false,
  routines: { beforeFunctions: 'SET check_function_bodies = false', signatureNeedsRelations: true, scriptDelimiter: false, rerun: 'or-replace', kinds: ALL_ROUTINE_KINDS },
  enumLabelMaxBytes: 63,
  invalidIdentifierReason: () => undefined,
  reservedWords: RESERVED,
  indexMethodFacts: POSTGRES_INDEX_METHODS,
  indexStatement: 'create-index-using',
  mapType: (t) => mapType(t),
  typeNames: logicalTypeNames,
  typeSpelling: { decimal: 'numeric', double: 'double precision', blob: 'bytea' },
  // serial / bigserial: the column inspector makes the column own a new sequence (not a native type).
  typePicker: { suggestions: ['varchar(255)', 'numeric(10,2)', 'timestamptz', 'jsonb', 'text[]', 'citext', 'serial', 'bigserial'], hidden: new Set(['year']) },
  builtinDefault: (name) => POSTGRES_BUILTINS[name],
  booleanLiterals: { true: 'true', false: 'false' },
  collationSyntax: 'quoted-name',
  foreignKeyToNonKey: { severity: 'error', consequence: 'PostgreSQL will reject the foreign key' },
  unwrittenReferentialAction: 'no action',
  integerDisplayWidths: false,
  createsForeignKeyIndexes: false,
  foreignKeyParent: 'unique-key',
  collationExample: 'e.g. C or und-x-icu',
  partitionKeyRule: 'PostgreSQL requires the partition key columns in the primary key and every unique constraint.',
  defaultSchema: 'public',
  storage: postgresStorage,
  migration: POSTGRES_MIGRATION,
};

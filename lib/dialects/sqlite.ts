/**
 * SQLite 3.31-3.45 as data. Identifiers: double quotes doubled, no practical length limit (names are
 * bounded only by SQLITE_MAX_SQL_LENGTH, 1,000,000,000 bytes by default; the document's own limit of 256
 * characters is far below it), compared case-insensitively (ASCII). String literals: only quotes are
 * doubled (SQLite has no backslash escapes).
 *
 * Types have affinity, not enforcement: SQLite keeps the declared type as written and derives one of
 * five affinities from it (INT -> INTEGER; CHAR, CLOB, TEXT -> TEXT; BLOB or none -> BLOB; REAL, FLOA,
 * DOUB -> REAL; else NUMERIC), so the declared type stays readable (`varchar(255)`, `decimal(10,2)`,
 * `timestamp`) and tells the next reader what the column holds. STRICT tables (3.37+) allow only
 * INT, INTEGER, REAL, TEXT, BLOB and ANY, and enforce them: `strictType` maps a declared type there.
 *
 * Sources: sqlite.org "Datatypes In SQLite" (3.1 affinity rules), "CREATE TABLE" (rowid aliases,
 * WITHOUT ROWID, STRICT, generated columns), "SQLite Keywords", "ALTER TABLE" (what it can change,
 * and the 12-step rebuild for everything else), "SQLite Foreign Key Support" (PRAGMA foreign_keys),
 * "Database File Format" (pages, cells, records).
 */
import { logicalTypeNames, type ScalarType } from '../model/document';
import { SQLITE_INDEX_METHODS } from './index-methods';
import { sqliteStorage } from './storage';
import type { Capabilities, DdlTarget, DialectSpec, MappedType, SqliteTarget } from './types';
import { SQLITE_MIGRATION } from './migration-facts';

export const SQLITE_TARGETS: readonly SqliteTarget[] = ['sqlite-3.31', 'sqlite-3.35', 'sqlite-3.37', 'sqlite-3.45'];

/** The minor version of a target: sqlite-3.37 -> 37. */
function minor(target: DdlTarget): number {
  return Number(/^sqlite-3\.(\d+)$/.exec(target)?.[1] ?? 45);
}

function sqliteCapabilities(target: DdlTarget): Capabilities {
  const v = minor(target);
  return {
    target,
    label: `SQLite 3.${v}`,
    schemas: 'none',
    enumStrategy: 'check',
    domains: false,
    commentStyle: 'sql-comment',
    identity: 'rowid-alias',
    partialIndexes: true,
    includeColumns: false,
    indexMethods: new Set(['btree']),
    indexNullsOrder: false,
    expressionIndexes: true,
    operatorClasses: false,
    prefixLengths: false,
    nullsNotDistinct: false,
    // Generated columns arrived in 3.31, the oldest target offered.
    virtualGenerated: true,
    arrays: false,
    deferrableConstraints: true,
    setDefaultAction: true,
    onUpdateCurrentTimestamp: false,
    foreignKeysOnPartitionedTables: true,
    listDefaultPartition: false,
    rangeDefaultPartition: false,
    materializedViews: false,
    literalDefaultsOnLobs: true,
    // `CONSTRAINT name PRIMARY KEY (..)` parses, and the name stays in sqlite_schema's text.
    namedPrimaryKeys: true,
    unsigned: false,
    tableOptions: false,
    lobKeysNeedPrefix: false,
    partitionSyntax: 'none',
    tablesNeedColumns: true,
    uniqueSyntax: 'constraint',
    checksOnActionColumns: true,
    foreignKeyCreatesIndex: false,
    clusteredPrimaryKey: false,
    foreignKeyCollationsMatch: false,
    dropCascade: false,
    setNullOnNotNull: 'fails-at-runtime',
    checksOnAutoIncrement: true,
    extensions: false,
    sequences: 'none',
    alterAddConstraint: false,
    dropColumn: v >= 35,
    strictTables: v >= 37,
    withoutRowid: true,
    primaryKeyImpliesNotNull: false,
  };
}

const approx = (sql: string, message: string, severity: 'info' | 'warning' = 'info'): MappedType => ({ sql, loss: { severity, code: 'sqlite.type-approximated', message } });

const withLength = (base: string, n: number | undefined) => (n ? `${base}(${n})` : base);
const fsp = (t: ScalarType) => t.precision ?? t.length;

/**
 * Declared types as the designer reads them. Each keeps the affinity its values need: text-like
 * names contain CHAR/TEXT (TEXT affinity), integers INT (INTEGER), binary ones BLOB, and dates,
 * decimals and booleans get NUMERIC affinity (a date string stays text; a number stays a number).
 */
const TYPE_TABLE: Record<ScalarType['name'], (t: ScalarType) => MappedType> = {
  smallint: () => ({ sql: 'smallint' }),
  integer: () => ({ sql: 'integer' }),
  bigint: () => ({ sql: 'bigint' }),
  decimal: (t) => ({ sql: t.precision !== undefined ? `decimal(${t.precision}${t.scale !== undefined ? `,${t.scale}` : ''})` : 'decimal' }),
  real: () => ({ sql: 'real' }),
  double: () => ({ sql: 'double' }),
  boolean: () => ({ sql: 'boolean' }),
  char: (t) => ({ sql: withLength('char', t.length) }),
  varchar: (t) => ({ sql: withLength('varchar', t.length) }),
  text: () => ({ sql: 'text' }),
  // `uuid` alone would have NUMERIC affinity; text keeps the canonical string as written.
  uuid: () => approx('text', 'SQLite has no UUID type: text (the 36-character form)'),
  date: () => ({ sql: 'date' }),
  time: (t) => ({ sql: fsp(t) !== undefined ? `time(${fsp(t)})` : 'time' }),
  timetz: (t) => approx(fsp(t) !== undefined ? `time(${fsp(t)})` : 'time', 'SQLite stores no time zone: time (store UTC or an offset in the text)', 'warning'),
  timestamp: (t) => ({ sql: fsp(t) !== undefined ? `timestamp(${fsp(t)})` : 'timestamp' }),
  timestamptz: (t) => ({ sql: fsp(t) !== undefined ? `timestamptz(${fsp(t)})` : 'timestamptz' }),
  interval: () => approx('text', 'SQLite has no INTERVAL type: text'),
  year: () => approx('integer', 'SQLite has no YEAR type: integer'),
  // json() and the -> / ->> operators read JSON text; `json` keeps the intent readable.
  json: () => ({ sql: 'json' }),
  jsonb: () => approx('json', 'SQLite stores JSON as text (its JSONB is a function-level blob format): json'),
  binary: (t) => (t.length ? approx('blob', `SQLite has no fixed-length binary: blob (length ${t.length} not enforced)`) : { sql: 'blob' }),
  varbinary: (t) => (t.length ? approx('blob', `SQLite blobs have no length limit (${t.length} not enforced)`) : { sql: 'blob' }),
  blob: () => ({ sql: 'blob' }),
  inet: () => approx('text', 'SQLite has no INET type: text'),
  cidr: () => approx('text', 'SQLite has no CIDR type: text'),
  macaddr: () => approx('text', 'SQLite has no MACADDR type: text'),
  bit: () => approx('integer', 'SQLite has no BIT type: integer'),
  varbit: () => approx('text', 'SQLite has no BIT VARYING type: text', 'warning'),
  xml: () => approx('text', 'SQLite has no XML type: text'),
  money: () => approx('decimal(19,4)', 'SQLite has no MONEY type: decimal(19,4)'),
  tsvector: () => approx('text', 'SQLite has no TSVECTOR: text (full-text search is an FTS5 virtual table)', 'warning'),
  geometry: () => approx('blob', 'SQLite has no GEOMETRY type: blob (SpatiaLite adds one)', 'warning'),
};

function mapType(t: ScalarType): MappedType {
  const mapped = TYPE_TABLE[t.name](t);
  if (t.unsigned) return { sql: mapped.sql, loss: { severity: 'info', code: 'sqlite.unsigned-dropped', message: 'SQLite has no UNSIGNED: add a CHECK (col >= 0) if it matters' } };
  return mapped;
}

/**
 * STRICT tables take INT, INTEGER, REAL, TEXT, BLOB or ANY: a declared type becomes the one of its
 * affinity (sqlite.org "Datatypes In SQLite" 3.1, in that rule order). NUMERIC affinity (decimal,
 * boolean, dates) has no STRICT type: ANY keeps each value exactly as inserted.
 */
export function sqliteStrictType(declared: string): string {
  const t = declared.toUpperCase();
  if (t === 'INT' || t === 'INTEGER' || t === 'REAL' || t === 'TEXT' || t === 'BLOB' || t === 'ANY') return t;
  if (t.includes('INT')) return 'INTEGER';
  if (t.includes('CHAR') || t.includes('CLOB') || t.includes('TEXT')) return 'TEXT';
  if (t.includes('BLOB') || t.trim() === '') return 'BLOB';
  if (t.includes('REAL') || t.includes('FLOA') || t.includes('DOUB')) return 'REAL';
  return 'ANY';
}

/**
 * A random (version 4) UUID in its 36-character form from built-in functions only: stock SQLite has
 * no uuid() (libSQL adds one; the script must run on either).
 */
const UUID_V4 =
  "(lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))))";

const SQLITE_BUILTINS = {
  current_timestamp: 'CURRENT_TIMESTAMP',
  current_date: 'CURRENT_DATE',
  current_time: 'CURRENT_TIME',
  uuid: UUID_V4,
} as const;

/** SQLite's keyword list (sqlite.org/lang_keywords.html, 147 words); quoting makes them safe. */
const RESERVED = new Set(
  `abort action add after all alter always analyze and as asc attach autoincrement before begin between by cascade case cast
  check collate column commit conflict constraint create cross current current_date current_time current_timestamp database
  default deferrable deferred delete desc detach distinct do drop each else end escape except exclude exclusive exists explain
  fail filter first following for foreign from full generated glob group groups having if ignore immediate in index indexed
  initially inner insert instead intersect into is isnull join key last left like limit match materialized natural no not
  nothing notnull null nulls of offset on or order others outer over partition plan pragma preceding primary query raise range
  recursive references regexp reindex release rename replace restrict returning right rollback row rows savepoint select set
  table temp temporary then ties to transaction trigger unbounded union unique update using vacuum values view virtual when
  where window with without`
    .split(/\s+/)
    .filter(Boolean),
);

/** The collations every SQLite has; any other must be registered by the application, or CREATE TABLE fails. */
const BUILTIN_COLLATIONS: ReadonlySet<string> = new Set(['BINARY', 'NOCASE', 'RTRIM']);

/**
 * Another dialect's collation, as close as SQLite's built-ins come: case-insensitive MySQL
 * collations (`_ci`) compare like NOCASE (for ASCII); binary ones (`_bin`, PostgreSQL "C"/"POSIX") like BINARY.
 */
function nearestCollation(collation: string): string | undefined {
  const upper = collation.toUpperCase();
  if (BUILTIN_COLLATIONS.has(upper)) return upper;
  if (/_CI$/i.test(collation)) return 'NOCASE';
  if (/_BIN2?$/i.test(collation) || upper === 'C' || upper === 'POSIX' || upper === 'UCS_BASIC') return 'BINARY';
  return undefined;
}

export const sqliteDialect: DialectSpec = {
  name: 'sqlite',
  label: 'SQLite',
  // The version @libsql/client 0.18 embeds (`select sqlite_version()` = 3.45.1).
  defaultTarget: 'sqlite-3.45',
  targets: SQLITE_TARGETS,
  capabilities: sqliteCapabilities,
  quoteIdentifier: (name) => (name.includes('"') ? `"${name.replace(/"/g, '""')}"` : `"${name}"`),
  quoteString: (value) => (value.includes("'") ? `'${value.replace(/'/g, "''")}'` : `'${value}'`),
  bareIdentifier: /^[A-Za-z_][A-Za-z0-9_$]*$/,
  // SQLite compares names case-insensitively (ASCII letters only).
  caseInsensitiveNames: true,
  // Tables, views, indexes and triggers share one namespace per database; constraint names need not be unique.
  nameScopes: { indexesAreRelations: true, partitionsAreRelations: false, constraintsPerDatabase: false, namespaceWord: 'database' },
  // No practical limit: see the module comment. The figure only bounds derived names.
  identifierLimit: { max: 1_000_000, unit: 'characters' },
  truncatesLongIdentifiers: false,
  enumLabelsFoldCase: false,
  // Triggers are SQLite's only routines (no stored functions or procedures); they go with their tables.
  routines: { signatureNeedsRelations: false, scriptDelimiter: false, rerun: 'drop-if-exists', kinds: new Set(['trigger']) },
  invalidIdentifierReason: (name) => (/^sqlite_/i.test(name) ? 'SQLite reserves names beginning with "sqlite_" for internal use' : undefined),
  reservedWords: RESERVED,
  indexMethodFacts: SQLITE_INDEX_METHODS,
  indexStatement: 'create-index-plain',
  mapType: (t) => mapType(t),
  typeNames: logicalTypeNames,
  typeSpelling: {},
  typePicker: {
    suggestions: ['integer', 'text', 'real', 'blob', 'numeric', 'varchar(255)', 'decimal(10,2)', 'datetime', 'json'],
    hidden: new Set(['timetz', 'interval', 'year', 'jsonb', 'inet', 'cidr', 'macaddr', 'bit', 'varbit', 'xml', 'money', 'tsvector', 'geometry']),
  },
  builtinDefault: (name) => SQLITE_BUILTINS[name],
  // TRUE and FALSE are keywords since 3.23 but mean 1 and 0; the catalog shows what is written.
  booleanLiterals: { true: '1', false: '0' },
  collationSyntax: 'builtin-names',
  builtinCollations: { names: BUILTIN_COLLATIONS, nearest: nearestCollation },
  foreignKeyToNonKey: { severity: 'warning', consequence: 'SQLite creates the table, but every insert, update or delete the foreign key checks fails with "foreign key mismatch"' },
  unwrittenReferentialAction: 'no action',
  integerDisplayWidths: false,
  createsForeignKeyIndexes: false,
  foreignKeyParent: 'unique-key',
  collationExample: 'BINARY, NOCASE or RTRIM',
  scriptPreamble: { statements: ['PRAGMA foreign_keys = ON'], why: 'SQLite enforces foreign keys only on a connection that ran PRAGMA foreign_keys = ON (every connection of the application must run it too)' },
  foreignKeyChecks: { off: 'PRAGMA foreign_keys = OFF', on: 'PRAGMA foreign_keys = ON' },
  strictType: sqliteStrictType,
  rowidAliasType: 'integer',
  storage: sqliteStorage,
  migration: SQLITE_MIGRATION,
};

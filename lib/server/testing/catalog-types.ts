/**
 * What a catalog reader returns: plain, JSON-comparable objects describing what an engine actually
 * created. The same shape for PostgreSQL (pg_catalog) and MySQL/MariaDB (information_schema), so
 * tests and importer round-trips compare documents against engines in one way.
 *
 * Text fields hold the engine's own spelling (`character varying(200)`, `varchar(200)`,
 * `nextval(...)`, `'free'::customer_tier`): compare them per engine, or normalise in the test.
 */
import type { ReferentialAction } from '../../model/document';

export interface CatalogColumn {
  name: string;
  /** The full type as the engine prints it: format_type() on PostgreSQL, COLUMN_TYPE on MySQL. */
  type: string;
  nullable: boolean;
  /** The default expression as stored by the engine; null when none (generated columns: null). */
  default: string | null;
  /** PostgreSQL identity ('always' | 'by default') or MySQL 'auto_increment'. */
  identity: 'always' | 'by default' | 'auto_increment' | null;
  /** Generation expression of a generated column, with its kind. */
  generated: { expression: string; stored: boolean } | null;
  /** Collation only when it differs from the type's/table's default (PostgreSQL) or as reported (MySQL). */
  collation: string | null;
  comment: string | null;
  /** MySQL `ON UPDATE ...` clause, e.g. `current_timestamp()`. */
  onUpdate: string | null;
  /** MySQL: CHARACTER_SET_NAME of a string column. */
  charset?: string | null;
  /** MySQL 8 / MariaDB INVISIBLE column. */
  invisible?: boolean;
}

export interface CatalogKey {
  name: string;
  columns: string[];
}

export interface CatalogUnique extends CatalogKey {
  nullsNotDistinct: boolean;
}

export interface CatalogForeignKey {
  name: string;
  columns: string[];
  refSchema: string;
  refTable: string;
  refColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
  deferrable: 'not deferrable' | 'deferrable initially immediate' | 'deferrable initially deferred';
  comment: string | null;
}

export interface CatalogCheck {
  name: string;
  /** The engine's rendering: `CHECK ((total >= (0)::numeric))` on PostgreSQL, the clause on MySQL. */
  expression: string;
  /** MySQL 8: TABLE_CONSTRAINTS.ENFORCED = 'NO' (MariaDB has no unenforced checks). */
  enforced?: boolean;
}

export interface CatalogIndexPart {
  /** A column name, or an expression's text when `isColumn` is false. */
  expression: string;
  isColumn: boolean;
  order: 'asc' | 'desc';
  /** PostgreSQL only. */
  nulls?: 'first' | 'last';
  /** MySQL prefix length. */
  length?: number;
  /** PostgreSQL operator class, only when it is not the default for the type. */
  opclass?: string;
}

export interface CatalogIndex {
  name: string;
  unique: boolean;
  primary: boolean;
  /** Lower-case access method: btree, hash, gin, gist, brin, spgist, fulltext, spatial. */
  method: string;
  parts: CatalogIndexPart[];
  /** Covering (INCLUDE) columns, PostgreSQL. */
  include: string[];
  /** Partial-index predicate, PostgreSQL. */
  predicate: string | null;
  /** True when the index backs a PK or unique constraint. */
  constraint: boolean;
  /** MySQL 8 INVISIBLE (STATISTICS.IS_VISIBLE) / MariaDB IGNORED (STATISTICS.IGNORED). */
  invisible?: boolean;
}

export interface CatalogPartition {
  name: string;
  /** PostgreSQL: `FOR VALUES FROM (...) TO (...)`; MySQL: PARTITION_DESCRIPTION (`'2026-01-01'`, `1,2`...). */
  bound: string | null;
}

export interface CatalogPartitioning {
  /** range | list | hash (MySQL also `range columns`, `list columns`, `key`). */
  strategy: string;
  /** PostgreSQL pg_get_partkeydef; MySQL PARTITION_EXPRESSION. */
  key: string;
  partitions: CatalogPartition[];
}

export interface CatalogTable {
  schema: string;
  name: string;
  comment: string | null;
  columns: CatalogColumn[];
  primaryKey: CatalogKey | null;
  uniques: CatalogUnique[];
  checks: CatalogCheck[];
  foreignKeys: CatalogForeignKey[];
  /** Every index, including those behind PK/unique constraints (`constraint: true`). */
  indexes: CatalogIndex[];
  partitioning: CatalogPartitioning | null;
  /**
   * MySQL table options as information_schema.TABLES reports them: ENGINE, TABLE_COLLATION,
   * CREATE_OPTIONS (explicit ROW_FORMAT, KEY_BLOCK_SIZE, ...: `row_format=COMPRESSED key_block_size=8`)
   * and the AUTO_INCREMENT counter (null without an AUTO_INCREMENT column).
   */
  options?: { engine: string; collation: string; createOptions: string; autoIncrement: number | null };
}

export interface CatalogView {
  schema: string;
  name: string;
  materialized: boolean;
  definition: string;
  comment: string | null;
}

export interface CatalogEnum {
  schema: string;
  name: string;
  values: string[];
  comment: string | null;
}

export interface CatalogDomain {
  schema: string;
  name: string;
  type: string;
  nullable: boolean;
  default: string | null;
  checks: CatalogCheck[];
  comment: string | null;
}

/** A sequence (pg_sequence), identity columns' own sequences excluded (their column says identity). */
export interface CatalogSequence {
  schema: string;
  name: string;
  /** format_type of the sequence's type: smallint, integer, bigint. */
  type: string;
  /** Bounds as text: bigint limits do not fit a JavaScript number. */
  start: string;
  increment: string;
  min: string;
  max: string;
  cache: string;
  cycle: boolean;
  /** OWNED BY `schema.table.column`, or null. */
  ownedBy: string | null;
  comment: string | null;
}

/** An installed extension (pg_extension); MySQL has none. */
export interface CatalogExtension {
  name: string;
  schema: string;
  version: string;
  comment: string | null;
}

/** A function, procedure, aggregate, trigger or event the engine holds (extension members excluded). */
export interface CatalogRoutine {
  schema: string;
  name: string;
  /** function | procedure | aggregate | window | trigger | event. */
  kind: string;
  /** PostgreSQL: the identity arguments (`text, text`), which tell overloads apart; '' elsewhere. */
  signature: string;
  /** A trigger's table; null for the others. */
  table: string | null;
  /** The engine's own rendering: pg_get_functiondef / pg_get_triggerdef, MySQL's ROUTINE_DEFINITION / ACTION_STATEMENT. */
  definition: string;
}

export interface CatalogSnapshot {
  /** Ordinary and partitioned tables (partitions appear under their parent's `partitioning`). */
  tables: CatalogTable[];
  views: CatalogView[];
  enums: CatalogEnum[];
  domains: CatalogDomain[];
  sequences: CatalogSequence[];
  extensions: CatalogExtension[];
  /** Compared only when both catalogs read them (a catalog built from a document has none). */
  routines?: CatalogRoutine[];
}

/** Finds a table by name (and schema when given) or throws a message listing what exists. */
export function catalogTable(snapshot: CatalogSnapshot, name: string, schema?: string): CatalogTable {
  const t = snapshot.tables.find((x) => x.name === name && (schema === undefined || x.schema === schema));
  if (!t) throw new Error(`no table ${schema ? `${schema}.` : ''}${name} in catalog; have: ${snapshot.tables.map((x) => `${x.schema}.${x.name}`).join(', ')}`);
  return t;
}

/** Finds a column or throws a message listing the table's columns. */
export function catalogColumn(table: CatalogTable, name: string): CatalogColumn {
  const c = table.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no column ${name} in ${table.schema}.${table.name}; have: ${table.columns.map((x) => x.name).join(', ')}`);
  return c;
}

/**
 * What a dialect is, as data: quoting, identifier limits, reserved words, the logical -> native type
 * table, and capability flags per target version. The shared generator (lib/ddl) reads only this;
 * it never asks "is this MySQL?" where a capability flag can answer instead.
 */
import type { builtinDefaultNames, Dialect, IndexMethod, LogicalTypeName, ReferentialAction, RoutineKind, ScalarType } from '../model/document';
import type { Severity } from '../model/diagnostics';
import type { IndexMethodFact } from './index-methods';
import type { DialectStorage } from './storage';
import type { MigrationFacts } from './migration-facts';

export type PostgresTarget = 'postgres-13' | 'postgres-14' | 'postgres-15' | 'postgres-16' | 'postgres-17';
/**
 * MySQL 8.0 / 8.4 and MariaDB 10.11. MariaDB is the engine the MySQL output is proven on in this
 * project's tests (no MySQL 8 server is available here); MySQL-8-only syntax is gated by these flags.
 */
export type MysqlTarget = 'mysql-8.0' | 'mysql-8.4' | 'mariadb-10.11';
/**
 * SQLite by the versions where what the DDL may use changes: generated columns (3.31), ALTER TABLE
 * DROP COLUMN and RETURNING (3.35), STRICT tables (3.37); 3.45 is the one @libsql/client embeds.
 */
export type SqliteTarget = 'sqlite-3.31' | 'sqlite-3.35' | 'sqlite-3.37' | 'sqlite-3.45';
export type DdlTarget = PostgresTarget | MysqlTarget | SqliteTarget;
export type BuiltinDefaultName = (typeof builtinDefaultNames)[number];

/** A native type for one column, plus what was lost getting there (if anything). */
export interface MappedType {
  sql: string;
  loss?: { severity: Severity; code: string; message: string };
}

export interface Capabilities {
  target: DdlTarget;
  /** Human name for headers and messages, e.g. "PostgreSQL 16", "MariaDB 10.11". */
  label: string;
  /**
   * PostgreSQL schemas are namespaces inside one database; MySQL schemas are databases; SQLite has
   * none (an attached database is a file, not part of a schema script): names are kept, schemas dropped.
   */
  schemas: 'namespaces' | 'databases' | 'none';
  /** CREATE TYPE .. AS ENUM, an inline `enum(..)` column type, or a text column with `CHECK (col IN (..))` (SQLite). */
  enumStrategy: 'create-type' | 'inline' | 'check';
  domains: boolean;
  /** COMMENT ON statements, inline COMMENT clauses, or `--` lines inside CREATE TABLE (SQLite keeps them in sqlite_schema's text). */
  commentStyle: 'comment-on' | 'inline' | 'sql-comment';
  /** Max comment length in characters for inline comments (MySQL: 2048 tables, 1024 columns). */
  commentLimits?: { table: number; column: number; index: number };
  /**
   * GENERATED AS IDENTITY, AUTO_INCREMENT, or SQLite's `INTEGER PRIMARY KEY AUTOINCREMENT`: only a
   * single-column integer primary key can count by itself (it becomes the rowid).
   */
  identity: 'identity' | 'auto-increment' | 'rowid-alias';
  partialIndexes: boolean;
  includeColumns: boolean;
  indexMethods: ReadonlySet<IndexMethod>;
  indexNullsOrder: boolean;
  /** Functional (expression) index parts: PostgreSQL always, MySQL 8.0.13+, not MariaDB 10.11. */
  expressionIndexes: boolean;
  operatorClasses: boolean;
  prefixLengths: boolean;
  /** UNIQUE NULLS NOT DISTINCT: PostgreSQL 15+. */
  nullsNotDistinct: boolean;
  virtualGenerated: boolean;
  arrays: boolean;
  deferrableConstraints: boolean;
  /** ON DELETE/UPDATE SET DEFAULT: InnoDB rejects it. */
  setDefaultAction: boolean;
  onUpdateCurrentTimestamp: boolean;
  /** InnoDB: partitioned tables can neither hold nor be the target of foreign keys. */
  foreignKeysOnPartitionedTables: boolean;
  /** LIST partitioning DEFAULT partition: PostgreSQL, MariaDB; not MySQL. */
  listDefaultPartition: boolean;
  /** RANGE partitioning DEFAULT partition: PostgreSQL only (MySQL uses LESS THAN (MAXVALUE)). */
  rangeDefaultPartition: boolean;
  materializedViews: boolean;
  /** MySQL 8: TEXT/BLOB/JSON/GEOMETRY columns accept only expression defaults `DEFAULT ('x')`. */
  literalDefaultsOnLobs: boolean;
  /** Named primary keys (MySQL's PK is always called PRIMARY). */
  namedPrimaryKeys: boolean;
  unsigned: boolean;
  /** Table options (ENGINE, DEFAULT CHARSET, COLLATE) after CREATE TABLE; partitions are written there too. */
  tableOptions: boolean;
  /** TEXT/BLOB/JSON columns cannot be whole key columns (a prefix length is needed). */
  lobKeysNeedPrefix: boolean;
  /**
   * How partitions are written: `PARTITION BY` plus one `CREATE TABLE .. PARTITION OF` per partition
   * (PostgreSQL), or a PARTITION BY clause with its partitions in the table options (MySQL).
   */
  partitionSyntax: 'partition-of' | 'table-options' | 'none';
  /** A table needs at least one column (MySQL). */
  tablesNeedColumns: boolean;
  /** How a unique constraint is written in CREATE TABLE. */
  uniqueSyntax: 'constraint' | 'unique-key';
  /** MySQL rejects a CHECK on a foreign key column that has ON DELETE/UPDATE actions. */
  checksOnActionColumns: boolean;
  /**
   * The engine creates an index on a foreign key's columns by itself when no index starts with them
   * (InnoDB), rather than leaving deletes of parent rows to scan the child table (PostgreSQL).
   */
  foreignKeyCreatesIndex: boolean;
  /**
   * Rows are stored in primary key order (InnoDB's clustered index): random keys (UUID v4) scatter
   * inserts over the whole table and every secondary index carries the key.
   */
  clusteredPrimaryKey: boolean;
  /** Foreign key columns must have the referenced column's character set and collation (InnoDB). */
  foreignKeyCollationsMatch: boolean;
  /** DROP .. CASCADE removes what depends on it; else a cycle needs FOREIGN_KEY_CHECKS switched off. */
  dropCascade: boolean;
  /** ON DELETE/UPDATE SET NULL on a NOT NULL column: rejected by CREATE TABLE (InnoDB), or accepted and
   * failing only when a parent row is deleted or updated (PostgreSQL). */
  setNullOnNotNull: 'rejected' | 'fails-at-runtime';
  /** MySQL 8 rejects CHECK constraints that mention an AUTO_INCREMENT column; MariaDB accepts them. */
  checksOnAutoIncrement: boolean;
  /**
   * MySQL-family storage attributes a dump carries: per-column CHARACTER SET, INVISIBLE columns,
   * invisible indexes and how they are spelled (MySQL 8 `INVISIBLE`, MariaDB 10.6+ `IGNORED`), CHECK
   * ... NOT ENFORCED (MySQL 8.0.16+; MariaDB has none). Absent: the dialect has none of them
   * (PostgreSQL), and a document's are named in one note.
   */
  mysqlAttributes?: { invisibleIndex: 'INVISIBLE' | 'IGNORED'; checkNotEnforced: boolean };
  /**
   * MySQL cannot use a TEXT column whole in a key ("BLOB/TEXT column used in key specification
   * without a key length"): a column of logical type text (no native override) that is part of a
   * primary key, unique, index or foreign key gets this bounded type instead. Absent: text keys work.
   */
  textKeyType?: { sql: string; length: number };
  /** CREATE EXTENSION (PostgreSQL): extensions are written; elsewhere they are reported as having no equivalent. */
  extensions: boolean;
  /**
   * How sequences are written: CREATE SEQUENCE with `nextval('seq'::regclass)` defaults, OWNED BY and
   * the serial pseudo-types (PostgreSQL); `standalone` (MariaDB 10.3+): a column that owns its sequence
   * becomes AUTO_INCREMENT as on MySQL, every other sequence is a CREATE SEQUENCE (bigint only: a
   * smaller type's bounds are written out) and defaults drawing from it `nextval(seq)`; or none, where
   * a column that owns its sequence becomes AUTO_INCREMENT and other sequences are reported (MySQL).
   */
  sequences: 'create-sequence' | 'standalone' | 'none';
  /**
   * Constraints (foreign keys, checks, uniques, primary keys) can be added to an existing table with
   * ALTER TABLE .. ADD. SQLite cannot: every foreign key is written inside its CREATE TABLE (cycles
   * too: SQLite checks foreign keys when rows change, not when tables are created).
   */
  alterAddConstraint: boolean;
  /** ALTER TABLE .. DROP COLUMN (SQLite 3.35+; always elsewhere). */
  dropColumn: boolean;
  /** STRICT tables (SQLite 3.37+): column types limited to INT, INTEGER, REAL, TEXT, BLOB, ANY and enforced. */
  strictTables: boolean;
  /** WITHOUT ROWID tables (SQLite): the primary key is the table's B-tree key. */
  withoutRowid: boolean;
  /**
   * A primary key makes its columns NOT NULL. SQLite's rowid tables do not (a bug kept for
   * compatibility): the generator writes NOT NULL on every primary key column there.
   */
  primaryKeyImpliesNotNull: boolean;
}

/**
 * Name scopes beyond "tables and views share their schema's relation namespace, columns are unique
 * per table" (true everywhere). Names compare by nameKey (case folding, caseInsensitiveNames).
 */
export interface NameScopes {
  /**
   * Index names live in the schema's relation namespace (PostgreSQL: an index is a relation, and a
   * named primary key or unique constraint creates an index of its name); else they are per table.
   */
  indexesAreRelations: boolean;
  /** Partitions are tables, named in the schema's relation namespace (PostgreSQL). */
  partitionsAreRelations: boolean;
  /** Check and foreign key names are unique per database (MySQL 8), else per table. */
  constraintsPerDatabase: boolean;
  /** What a schema is, in messages: a namespace ('schema') or a database. */
  namespaceWord: 'schema' | 'database';
}

export interface DialectSpec {
  name: Dialect;
  label: string;
  defaultTarget: DdlTarget;
  targets: readonly DdlTarget[];
  capabilities(target: DdlTarget): Capabilities;
  /** Always quotes: the one place an identifier becomes SQL text. */
  quoteIdentifier(name: string): string;
  /**
   * Names that read back as themselves when written without quotes (reserved words aside), for
   * rewriting a name inside the user's SQL in the user's own style: PostgreSQL folds unquoted names
   * to lower case, so only lower-case ones qualify.
   */
  bareIdentifier: RegExp;
  /** Column and table names compare case-insensitively (MySQL), else exactly (PostgreSQL). */
  caseInsensitiveNames: boolean;
  /** Where names must be unique: read by the commands (lib/model) and the generator (lib/ddl) alike. */
  nameScopes: NameScopes;
  /** A string literal, escaped for this dialect's default settings. */
  quoteString(value: string): string;
  /** Identifier limit; PostgreSQL counts UTF-8 bytes (63), MySQL characters (64). */
  identifierLimit: { max: number; unit: 'bytes' | 'characters' };
  /** An identifier past the limit is cut short silently (PostgreSQL) rather than refused. */
  truncatesLongIdentifiers: boolean;
  /**
   * Tables (and partitions) stored as files named after them (InnoDB): the file name's length in
   * bytes, and the file system's limit. Absent: table names have no file-name limit.
   */
  tableFileName?: { bytes(table: string, partition?: string): number; maxBytes: number };
  /** Enum labels compare case-insensitively (MySQL's default collations), else exactly. */
  enumLabelsFoldCase: boolean;
  /**
   * How routines (functions, triggers... kept verbatim) are written back (lib/ddl/routine-sql.ts):
   * `beforeFunctions`, a session setting that stops the engine validating bodies against tables not
   * created yet (PostgreSQL check_function_bodies); `signatureNeedsRelations`, whether a function's
   * signature may name a table's row type (it must then come after the tables); `scriptDelimiter`,
   * whether a script needs a client DELIMITER around a body with semicolons (the mysql client);
   * `rerun`, how a dropFirst script re-creates them: `or-replace` (PostgreSQL: CREATE OR REPLACE, as
   * overloads make a DROP need the argument types), `drop-if-exists` (MySQL: DROP PROCEDURE|FUNCTION|EVENT
   * IF EXISTS name first). Triggers go with their tables everywhere.
   */
  routines: { beforeFunctions?: string; signatureNeedsRelations: boolean; scriptDelimiter: boolean; rerun: 'or-replace' | 'drop-if-exists'; kinds: ReadonlySet<RoutineKind> };
  /** Longest enum label in UTF-8 bytes (PostgreSQL: 63), if the dialect limits it. */
  enumLabelMaxBytes?: number;
  /** Why an identifier is illegal in this dialect beyond its length, or undefined. */
  invalidIdentifierReason(name: string): string | undefined;
  reservedWords: ReadonlySet<string>;
  /** What each index method of the model becomes in this dialect (lib/dialects/index-methods.ts). */
  indexMethodFacts: Readonly<Record<IndexMethod, IndexMethodFact>>;
  /**
   * The CREATE INDEX shape: `CREATE [UNIQUE] INDEX .. USING method` with WHERE/INCLUDE/opclasses
   * (PostgreSQL), or `CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX` with prefix lengths and inline comments (MySQL).
   */
  indexStatement: 'create-index-using' | 'create-kind-index' | 'create-index-plain';
  /** The logical -> native type table (arrays and native overrides are handled by the generator). */
  mapType(type: ScalarType, caps: Capabilities): MappedType;
  /** Every logical type has an entry (checked by the type tests). */
  typeNames: readonly LogicalTypeName[];
  /**
   * How this dialect's users write a logical type where the logical name is not the dialect's own word
   * (PostgreSQL `numeric`, not `decimal`): the name shown on the canvas, in the inspector and in
   * documents, the one the DDL writes. Only synonyms the type picker reads back as the same logical type.
   */
  typeSpelling: Readonly<Partial<Record<LogicalTypeName, string>>>;
  /**
   * The type picker: common spellings suggested besides the logical names, and the logical types the
   * dialect has no native form of (hidden from its suggestions, still accepted when typed).
   */
  typePicker: { suggestions: readonly string[]; hidden: ReadonlySet<LogicalTypeName> };
  /**
   * How a portable default function is spelled. `temporalColumn` says whether the column's native
   * type is a date/time type (MySQL only allows bare CURRENT_TIMESTAMP there); `fsp` its precision.
   */
  builtinDefault(name: BuiltinDefaultName, column: { temporalColumn: boolean; fsp?: number }): string;
  /** TRUE and FALSE as literals (MySQL's BOOLEAN is tinyint(1): 1 and 0). */
  booleanLiterals: { true: string; false: string };
  /**
   * Collations: any name, quoted (PostgreSQL); MySQL's charset_collation names, bare; or only the
   * engine's built-in ones, bare (SQLite: BINARY, NOCASE, RTRIM; `builtinCollations`).
   */
  collationSyntax: 'quoted-name' | 'charset-collation' | 'builtin-names';
  /**
   * `builtin-names`: the collations the engine knows (upper case), and how another dialect's collation
   * maps onto them (a case-insensitive MySQL `_ci` collation -> NOCASE), undefined = none fits.
   */
  builtinCollations?: { names: ReadonlySet<string>; nearest(collation: string): string | undefined };
  /**
   * Statements a script starts with, and why (SQLite: `PRAGMA foreign_keys = ON`, without which
   * foreign keys are not enforced).
   */
  scriptPreamble?: { statements: readonly string[]; why: string };
  /**
   * How a script switches foreign key checks off and on around DROP TABLEs of tables in a cycle, where
   * DROP has no CASCADE (`SET FOREIGN_KEY_CHECKS = 0`, `PRAGMA foreign_keys = OFF`).
   */
  foreignKeyChecks?: { off: string; on: string };
  /**
   * STRICT tables (SQLite): the type a declared type becomes (its affinity's STRICT name: varchar(255)
   * -> TEXT). Absent: the dialect has no STRICT tables.
   */
  strictType?(declared: string): string;
  /** A foreign key to columns that are no key of the parent: how bad, and what the engine does. */
  foreignKeyToNonKey: { severity: 'error' | 'warning'; consequence: string };
  /**
   * The referential action the engine records for a foreign key that names none (InnoDB: RESTRICT,
   * PostgreSQL: NO ACTION): the generator writes every other action, the importers read an
   * unwritten one as this.
   */
  unwrittenReferentialAction: ReferentialAction;
  /** Integer display widths and ZEROFILL are part of the type's spelling (MySQL `int(11) unsigned zerofill`). */
  integerDisplayWidths: boolean;
  /** The name the engine gives the n-th unnamed foreign key of a table (InnoDB: `orders_ibfk_1`), if it names them that way. */
  engineForeignKeyName?: (table: string, n: number) => string;
  /**
   * The engine creates an index for a foreign key whose columns lead no index (InnoDB), named after
   * the constraint when the statement names it, else after the first column; it is dropped again when
   * a later index can serve the key. Importers add it to the document so the design shows what the
   * database has (and a round-trip recreates it under the same name).
   */
  createsForeignKeyIndexes: boolean;
  /**
   * What the referenced columns of a foreign key need on the parent table when the constraint is
   * created: `unique-key` = a primary key, unique constraint or (non-partial) unique index on exactly
   * those columns (PostgreSQL); `leading-index` = any index whose first columns are those, in the
   * same order (InnoDB: a primary key, unique or plain index).
   */
  foreignKeyParent: 'unique-key' | 'leading-index';
  /** An example collation name, as the column inspector's placeholder. */
  collationExample: string;
  /** A rule on partition keys the engine enforces, shown beside the partition key in the inspector. */
  partitionKeyRule?: string;
  /** The default schema name used when names are schema-qualified (`public`), if any. */
  defaultSchema?: string;
  /** How rows and index entries are stored (page sizes, headers, alignment): read by the capacity plan (lib/capacity). */
  storage: DialectStorage;
  /**
   * A single-column integer primary key is the table's rowid when its declared type is exactly this
   * (SQLite `INTEGER`): the type an identity primary key is written with. Absent: no rowid aliasing.
   */
  rowidAliasType?: string;
  /** How a live schema is changed (ALTER shapes, locks): what the migration planner and its lint read. */
  migration: MigrationFacts;
}

/** Length of an identifier in the unit its dialect counts. */
const encoder = new TextEncoder();
const ASCII = /^[\x00-\x7f]*$/;

export function identifierLength(spec: Pick<DialectSpec, 'identifierLimit'>, name: string): number {
  if (ASCII.test(name)) return name.length;
  return spec.identifierLimit.unit === 'bytes' ? encoder.encode(name).length : [...name].length;
}

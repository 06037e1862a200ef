/**
 * Every diagnostic code generateDdl can return, with what it means. The UI and the design document can
 * show these; the tests check that each one is triggered by a real case (diagnostics.test.ts).
 * Dialect-prefixed codes come from that dialect only.
 *
 * Severity follows the engines: `error` = the target rejects the statement (each error code is proven
 * on PostgreSQL and MariaDB by lib/server/testing/rejected-statements.engines.test.ts), `warning` = it
 * applies but is probably not what was meant, `info` = a faithful change. The script is still written
 * whole: what an error rejects (`rejects`) is written commented out, with the diagnostic above it
 * (commented-statements.ts), and everything else applies.
 */
import { dialectSchema, type Dialect } from '../model/document';
import type { Severity } from '../model/diagnostics';

/**
 * What an error takes out of the script (written commented out in its place):
 * - `statement`: the whole statement holding the element the diagnostic points at (its CREATE TABLE
 *   when that element is a column, a key or a check of the table);
 * - `clause`: only the element's own clause when it is a constraint clause of CREATE TABLE (primary
 *   key, unique, check, foreign key): the table is created without it, and the clause follows as a
 *   commented `ALTER TABLE ... ADD` (foreign keys with the other foreign keys, after the indexes).
 *   Any other element (a column, an index, a view, a type...) takes its whole statement;
 * - `document`: nothing is generated (the document itself is broken; the load gate refuses such a
 *   document before any output is asked for).
 * Statements that need a commented-out one (an index on a rejected table, a foreign key to it) are
 * commented out too, with `dependency.commented-out`.
 */
export type Rejects = 'statement' | 'clause' | 'document';

export interface DdlDiagnosticCode {
  severity: Severity;
  /** Where one output dialect's engine judges it differently (`severity` is the others'). */
  severityOn?: Partial<Record<Dialect, Severity>>;
  /** Emitted only for this output dialect (codes without a dialect prefix). */
  only?: Dialect;
  /** Codes without a prefix that SQLite's output carries too (besides PostgreSQL's and MySQL's, or `only`'s). */
  alsoOn?: readonly Dialect[];
  /** Errors: what the script leaves commented out (see Rejects). */
  rejects?: Rejects;
  meaning: string;
}

/** The severity `code` has on `dialect`'s output. */
export function severityOf(code: string, dialect: Dialect): Severity | undefined {
  const c = DDL_DIAGNOSTIC_CODES[code];
  return c ? (c.severityOn?.[dialect] ?? c.severity) : undefined;
}

/** The dialects whose output can carry `code`: from its prefix, else `only`, else PostgreSQL and MySQL; plus `alsoOn`. */
export function dialectsOf(code: string): Dialect[] {
  const prefix = dialectSchema.options.find((d) => code.startsWith(`${d}.`));
  if (prefix) return [prefix];
  const info = DDL_DIAGNOSTIC_CODES[code];
  const base: Dialect[] = info?.only ? [info.only] : ['postgres', 'mysql'];
  return [...base, ...(info?.alsoOn ?? [])];
}

export const DDL_DIAGNOSTIC_CODES: Record<string, DdlDiagnosticCode> = {
  'document.invalid': { severity: 'error', rejects: 'document', meaning: 'The document refers to something that does not exist (validate.ts integrity); nothing is generated. The load gate (loadDocument) refuses such documents before the API, the CLI or the editor asks for output.' },
  'check.empty': { severity: 'warning', meaning: 'A check has no expression yet (just added in the editor): it is left out of the script.' },
  'expression.syntax': { severity: 'error', rejects: 'clause', meaning: 'An expression or view body written for PostgreSQL does not parse with PostgreSQL\'s own parser (libpg-query); the message gives the line and column inside the text. A check is commented out alone; a default, generated column or partition key takes its CREATE TABLE, an index expression its CREATE INDEX, a view body its CREATE VIEW.' },
  'expression.syntax-unverified': { severity: 'warning', meaning: 'An expression or view body written for MySQL does not parse with the MySQL grammar used here (node-sql-parser, which lacks some MySQL syntax); the message gives the line and column inside the text.' },
  'expression.unknown-column': { severity: 'error', rejects: 'clause', meaning: 'An expression or view body names a column its table (or the tables of its FROM clause) does not have: a column renamed or removed since, or a typo. Commented out as for expression.syntax.' },
  'expression.ambiguous-column': { severity: 'error', rejects: 'statement', meaning: 'A view body names a column, unqualified, that two tables of one FROM clause have (not merged by USING or NATURAL): both engines reject the view, which is commented out.' },
  'expression.cross-dialect': { severity: 'warning', meaning: 'The document was designed for the other dialect: its SQL expressions (defaults, checks, generated columns, index expressions and predicates) that could not be translated (a function or operator without a translation, or the SQL parsers not loaded) are copied verbatim and may need rewriting; the message names what stopped each. One the output drops has only its own diagnostic.' },
  'expression.translated': { severity: 'info', meaning: 'The document was designed for the other dialect: this many expressions and view bodies were translated for the target (functions, casts, concatenation, ILIKE, booleans, intervals).' },
  'mysql.foreign-key-type-mismatch': { severity: 'error', rejects: 'clause', meaning: 'InnoDB needs foreign key and referenced columns of the same integer/decimal type (size and sign), or both strings: the foreign key is commented out.' },
  'postgres.name-made-unique': { severity: 'warning', meaning: 'An index/PK/unique name already used in the schema (MySQL names them per table) is generated as <table>_<name>.' },
  'target.unknown': { severity: 'warning', meaning: 'The target is not one of the dialect\'s targets; the default target is used (the API and the CLI refuse an unknown target before generating).' },
  'name.too-long': { severity: 'error', severityOn: { postgres: 'warning' }, rejects: 'clause', meaning: 'An identifier exceeds 63 bytes (PostgreSQL accepts it and truncates it silently: a warning) or 64 characters (MySQL rejects the statement that names it).' },
  'name.invalid': { severity: 'error', only: 'mysql', alsoOn: ['sqlite'], rejects: 'clause', meaning: 'An identifier the engine cannot hold: MySQL, a trailing space or a character outside the Basic Multilingual Plane; SQLite, a name beginning with sqlite_ (reserved for its own objects).' },
  'index.no-columns': { severity: 'warning', meaning: 'An index was added but has no columns yet: it is not generated until it has some.' },
  'unique.no-columns': { severity: 'warning', meaning: 'A unique constraint was added but has no columns yet: it is not generated until it has some.' },
  'name.duplicate': { severity: 'error', rejects: 'clause', meaning: 'Two tables, columns, indexes or constraints share a name where the engine needs them distinct: the statement (or constraint clause) creating the second is commented out.' },
  'mysql.table-file-name-too-long': { severity: 'error', rejects: 'statement', meaning: 'InnoDB encodes table names as file names (5 bytes per character outside A-Z, 0-9, _): the file name would exceed 255 bytes.' },
  'name.reserved-word': { severity: 'info', meaning: 'A name is a reserved word: quoted in the DDL, and every query must quote it too.' },
  'name.derived-shortened': { severity: 'info', meaning: 'A derived constraint name was too long and was cut, with a hash of the full name appended.' },
  'type.native-fallback': { severity: 'info', meaning: 'A native type exists only for the other dialect; the logical type is used.' },
  'postgres.type-approximated': { severity: 'info', meaning: 'PostgreSQL has no exact equivalent of a logical type (year, fixed binary...).' },
  'postgres.unsigned-dropped': { severity: 'info', meaning: 'PostgreSQL has no UNSIGNED.' },
  'postgres.requires-postgis': { severity: 'warning', meaning: 'geometry needs the PostGIS extension.' },
  'mysql.type-approximated': { severity: 'info', meaning: 'MySQL has no exact equivalent of a logical type (uuid on MySQL 8, inet, interval, xml, tsvector...); severity warning when values can change.' },
  'mysql.varchar-length-defaulted': { severity: 'warning', meaning: 'VARCHAR/VARBINARY without a length becomes length 255.' },
  'mysql.array-as-json': { severity: 'warning', meaning: 'MySQL has no arrays: the column becomes JSON.' },
  'mysql.domain-inlined': { severity: 'info', meaning: 'MySQL has no domains: the base type, NOT NULL, default and checks are inlined.' },
  'postgres.collation-dropped': { severity: 'warning', meaning: 'A MySQL collation name on PostgreSQL is left out.' },
  'mysql.collation-dropped': { severity: 'warning', meaning: 'A collation that is not a MySQL collation name is left out.' },
  'postgres.virtual-generated-as-stored': { severity: 'warning', meaning: 'PostgreSQL 13-17 have no VIRTUAL generated columns: STORED is used.' },
  'column.generated-default-ignored': { severity: 'warning', meaning: 'A generated column cannot have a default.' },
  'column.generated-identity': { severity: 'warning', meaning: 'A column cannot be both generated and an identity: it is generated, and the identity is left out.' },
  'column.identity-type': { severity: 'error', rejects: 'statement', meaning: 'An identity/AUTO_INCREMENT column must be smallint, integer or bigint: its CREATE TABLE is commented out.' },
  'enum.duplicate-value': { severity: 'error', rejects: 'statement', meaning: 'An enum lists the same value twice (case-insensitively on MySQL): CREATE TYPE (PostgreSQL) or the tables whose columns use it (MySQL, inline enum) are commented out.' },
  'postgres.enum-label-too-long': { severity: 'error', rejects: 'statement', meaning: 'PostgreSQL enum labels are limited to 63 bytes.' },
  'column.identity-default-ignored': { severity: 'warning', meaning: 'An identity column cannot have a default.' },
  'postgres.on-update-dropped': { severity: 'warning', meaning: 'ON UPDATE CURRENT_TIMESTAMP needs a trigger on PostgreSQL.' },
  'mysql.on-update-dropped': { severity: 'warning', meaning: 'ON UPDATE CURRENT_TIMESTAMP on a non-DATETIME/TIMESTAMP column.' },
  'mysql.identity-always': { severity: 'info', meaning: 'AUTO_INCREMENT does not forbid explicit values like GENERATED ALWAYS.' },
  'mysql.identity-increment-dropped': { severity: 'warning', meaning: 'AUTO_INCREMENT has no per-column increment.' },
  'mysql.auto-increment-multiple': { severity: 'error', rejects: 'statement', meaning: 'MySQL allows one AUTO_INCREMENT column per table.' },
  'mysql.auto-increment-not-key': { severity: 'error', rejects: 'statement', meaning: 'The AUTO_INCREMENT column must lead a key.' },
  'mysql.comment-truncated': { severity: 'warning', meaning: 'An inline comment exceeds MySQL\'s limit (2048 table, 1024 column/index) and is cut.' },
  'mysql.comment-dropped': { severity: 'info', meaning: 'MySQL has no comments on enums, constraints, views or databases.' },
  'mysql.primary-key-name-ignored': { severity: 'info', meaning: 'MySQL always names the primary key PRIMARY.' },
  'postgres.nulls-not-distinct-dropped': { severity: 'warning', meaning: 'UNIQUE NULLS NOT DISTINCT needs PostgreSQL 15+.' },
  'mysql.nulls-not-distinct-dropped': { severity: 'warning', meaning: 'MySQL has no UNIQUE NULLS NOT DISTINCT.' },
  'mysql.key-needs-prefix-length': { severity: 'warning', meaning: 'A TEXT/BLOB/JSON column in a key needs a prefix length on MySQL.' },
  'mysql.text-key-as-varchar': { severity: 'info', meaning: 'A logical text column in a primary key, unique, index or foreign key (either side) is varchar(191) on MySQL, which cannot key TEXT whole.' },
  'mysql.prefix-length-dropped': { severity: 'info', meaning: 'An index prefix at least as long as a keyed text column\'s varchar(191) is left out (the whole column is the key).' },
  'mysql.array-default-dropped': { severity: 'warning', meaning: 'An array column becomes json on MySQL: its PostgreSQL array default is left out.' },
  'mysql.check-skipped': { severity: 'warning', meaning: 'MySQL/MariaDB reject a CHECK on a foreign key column with referential actions (MySQL 8 also on AUTO_INCREMENT columns): skipped.' },
  'mysql.table-without-columns': { severity: 'error', rejects: 'statement', meaning: 'MySQL rejects a table without columns.' },
  'mysql.table-option-invalid': { severity: 'warning', meaning: 'A MySQL table option (engine, charset, collation, row format) or a column character set is not a plain name.' },
  'postgres.mysql-attributes-ignored': { severity: 'info', meaning: 'One note per script naming the MySQL attributes a document keeps that PostgreSQL has no meaning for (column CHARACTER SET, INVISIBLE columns, invisible indexes, ROW_FORMAT, KEY_BLOCK_SIZE, AUTO_INCREMENT counters), with a few examples of each.' },
  'check.not-enforced-enforced': { severity: 'warning', meaning: 'A CHECK ... NOT ENFORCED (MySQL 8) on a target without unenforced checks (MariaDB, PostgreSQL 13-17) is written enforced: rows that break it are rejected (MariaDB does the same with a MySQL 8 dump).' },
  'mysql.schema-flattened': { severity: 'info', meaning: 'Schemas become one MySQL database unless names are schema-qualified.' },
  'fk.not-enforced': { severity: 'info', meaning: 'A logical relationship: no FOREIGN KEY is generated.' },
  'fk.cycle': { severity: 'info', meaning: 'A foreign key closes a cycle and is added with ALTER TABLE after the tables.' },
  'fk.parent-key-not-unique': { severity: 'error', severityOn: { mysql: 'warning', sqlite: 'warning' }, rejects: 'clause', meaning: 'The referenced columns are not a primary key or unique constraint: PostgreSQL rejects the foreign key (commented out); MySQL accepts it with an index on them (a warning; without one, mysql.foreign-key-parent-index).' },
  'fk.set-null-on-not-null': { severity: 'error', only: 'mysql', rejects: 'clause', meaning: 'ON DELETE/UPDATE SET NULL on a NOT NULL column, which the engine rejects when the table is created (InnoDB).' },
  'fk.set-null-fails-at-runtime': { severity: 'warning', meaning: 'ON DELETE/UPDATE SET NULL on a NOT NULL column: PostgreSQL accepts the constraint, and every delete or update of a referenced row then fails.' },
  'mysql.foreign-key-collation-mismatch': { severity: 'error', rejects: 'clause', meaning: 'InnoDB needs foreign key string columns of the same collation (column, else table, else charset default).' },
  'mysql.cross-database-reference': { severity: 'error', rejects: 'clause', meaning: 'Schema-qualified MySQL output: a table in a schema references a table without one (the unnamed connection database).' },
  'mysql.set-default-action': { severity: 'warning', meaning: 'InnoDB rejects SET DEFAULT: NO ACTION is used.' },
  'mysql.deferrable-dropped': { severity: 'warning', meaning: 'MySQL checks foreign keys immediately: DEFERRABLE is left out.' },
  'mysql.foreign-key-on-partitioned-table': { severity: 'warning', meaning: 'InnoDB partitioned tables cannot have or be referenced by foreign keys: skipped.' },
  'postgres.fulltext-index-skipped': { severity: 'warning', meaning: 'PostgreSQL has no FULLTEXT index: skipped.' },
  'postgres.spatial-as-gist': { severity: 'info', meaning: 'A SPATIAL index becomes GiST on PostgreSQL.' },
  'postgres.unique-method': { severity: 'error', rejects: 'statement', meaning: 'PostgreSQL builds UNIQUE indexes only with btree.' },
  'postgres.prefix-length-dropped': { severity: 'info', meaning: 'PostgreSQL has no prefix indexes.' },
  'postgres.index-order-dropped': { severity: 'warning', meaning: 'Only btree indexes are ordered: ASC/DESC/NULLS left out.' },
  'postgres.include-dropped': { severity: 'warning', meaning: 'The index method cannot INCLUDE columns.' },
  'mysql.index-method-unsupported': { severity: 'warning', meaning: 'GIN/GiST/SP-GiST indexes are skipped; BRIN becomes a B-tree.' },
  'mysql.index-on-partitioned-table': { severity: 'warning', meaning: 'InnoDB partitioned tables cannot have FULLTEXT or SPATIAL indexes: skipped.' },
  'mysql.hash-index-as-btree': { severity: 'info', meaning: 'InnoDB builds HASH indexes as B-trees.' },
  'mysql.partial-index': { severity: 'warning', meaning: 'No partial indexes: the predicate is left out (a partial UNIQUE index is skipped).' },
  'mysql.expression-index-unsupported': { severity: 'warning', meaning: 'MariaDB 10.11 has no functional index parts: the index is skipped.' },
  'mysql.include-as-key-columns': { severity: 'info', meaning: 'No INCLUDE: covering columns become trailing key columns.' },
  'mysql.include-dropped': { severity: 'warning', meaning: 'No INCLUDE on a UNIQUE index: covering columns are left out.' },
  'mysql.nulls-order-dropped': { severity: 'info', meaning: 'MySQL has no NULLS FIRST/LAST.' },
  'mysql.opclass-dropped': { severity: 'info', meaning: 'Operator classes are PostgreSQL-only.' },
  'partition.key-not-in-unique': { severity: 'error', rejects: 'clause', meaning: 'A PK, unique constraint or unique index of a partitioned table lacks a partition key column: that key is commented out.' },
  'partition.bound-mismatch': { severity: 'error', rejects: 'clause', meaning: 'A partition bound does not fit the partitioning strategy: the partition is commented out (PostgreSQL: its CREATE TABLE ... PARTITION OF; MySQL: an ALTER TABLE ... ADD PARTITION after the table).' },
  'mysql.partition-key': { severity: 'warning', meaning: 'MySQL partitions by a column list or one expression, not a mix: the table is created without partitioning.' },
  'mysql.range-default-as-maxvalue': { severity: 'info', meaning: 'A DEFAULT range partition becomes VALUES LESS THAN (MAXVALUE).' },
  'mysql.list-default-partition': { severity: 'warning', meaning: 'MySQL (not MariaDB) has no DEFAULT list partition: skipped.' },
  'mysql.hash-partition-modulus': { severity: 'warning', meaning: 'MySQL hashes into as many partitions as listed; moduli are not kept.' },
  'view.dialect-mismatch': { severity: 'warning', meaning: 'A view written in the other dialect\'s SQL that cannot be translated (the message says what stops it) is skipped.' },
  'mysql.materialized-view': { severity: 'warning', meaning: 'MySQL has no materialized views: a plain view is created.' },
  'extension.missing': { severity: 'info', meaning: 'The document uses something a PostgreSQL extension provides (an operator class such as gin_trgm_ops, GIN/GiST on a scalar column, uuid_generate_v4(), citext...) without declaring the extension: only declared extensions are written, so declare it (extension-needs.ts lists what needs which).' },
  'sequence.invalid': { severity: 'error', only: 'postgres', rejects: 'statement', meaning: 'A sequence PostgreSQL rejects: bounds outside its data type, MINVALUE not below MAXVALUE, or START outside them. Its CREATE SEQUENCE is commented out, with the tables whose defaults draw from it.' },
  'sequence.owner-schema': { severity: 'warning', meaning: 'A sequence OWNED BY a column of a table in another schema (PostgreSQL refuses it): OWNED BY is left out.' },
  'mysql.extension-dropped': { severity: 'warning', meaning: 'A PostgreSQL extension with no MySQL equivalent is left out (what uses it will not work there).' },
  'mysql.extension-built-in': { severity: 'info', meaning: 'A PostgreSQL extension whose job MySQL does without one (uuid-ossp: UUID(), pgcrypto: SHA2()/AES_ENCRYPT()...): left out.' },
  'routine.other-dialect': { severity: 'info', meaning: 'Functions, procedures, triggers and events are kept verbatim in the dialect they were written in: those of the other dialect are written commented out (their bodies are not translated).' },
  'mysql.sequence-dropped': { severity: 'warning', meaning: 'MySQL has no sequences: a sequence that does not become a column\'s AUTO_INCREMENT (shared, owned by no user, or used by none) is left out. MariaDB 10.3+ writes it as CREATE SEQUENCE instead.' },
  'mysql.sequence-default-dropped': { severity: 'warning', meaning: 'A column default drawing from a sequence another column owns or other columns share: MySQL has no sequences, the default is left out.' },
  'mysql.sequence-options-dropped': { severity: 'warning', meaning: 'A column owning its sequence (or the only user of one nobody owns) becomes AUTO_INCREMENT (start kept as the table\'s AUTO_INCREMENT), which cannot keep MINVALUE, MAXVALUE, CACHE or CYCLE.' },
  'dependency.commented-out': { severity: 'error', rejects: 'clause', meaning: 'A statement needs one the target rejects (an index or a foreign key of a rejected table, a foreign key to a rejected key, a view over a rejected table): it is commented out too, naming what it needs.' },
  'mysql.foreign-key-parent-index': { severity: 'error', rejects: 'clause', meaning: 'InnoDB needs an index on the referenced table whose first columns are the referenced columns, in order (a primary key, unique or index): there is none, so the foreign key is commented out.' },
  'table.strict-unsupported': { severity: 'warning', meaning: 'STRICT tables were asked for on a target without them (SQLite before 3.37, PostgreSQL, MySQL): the tables are written without STRICT.' },
  'table.without-rowid-unsupported': { severity: 'warning', meaning: 'WITHOUT ROWID tables were asked for on a target without them (PostgreSQL, MySQL): the option is ignored.' },
  'sqlite.type-approximated': { severity: 'info', meaning: 'SQLite has no type of that kind (uuid, interval, inet, xml, money...): the declared type is the nearest one with the right affinity; severity warning when values can change (time zones, bit strings, tsvector, geometry).' },
  'sqlite.unsigned-dropped': { severity: 'info', meaning: 'SQLite has no UNSIGNED.' },
  'sqlite.array-as-json': { severity: 'warning', meaning: 'SQLite has no arrays: the column is declared json.' },
  'sqlite.array-default-dropped': { severity: 'warning', meaning: 'An array column becomes json on SQLite: its PostgreSQL array default is left out.' },
  'sqlite.domain-inlined': { severity: 'info', meaning: 'SQLite has no domains: the base type, NOT NULL, default and checks are inlined.' },
  'sqlite.collation-dropped': { severity: 'warning', meaning: 'SQLite knows only BINARY, NOCASE and RTRIM (others must be registered by the application, or CREATE TABLE fails): another collation is left out.' },
  'sqlite.collation-approximated': { severity: 'info', meaning: 'A collation of another dialect is written as the SQLite built-in that compares the same way (a MySQL _ci collation as NOCASE, _bin and PostgreSQL C as BINARY).' },
  'sqlite.comment-dropped': { severity: 'info', meaning: 'A comment with nowhere to go in SQLite (an enum\'s, whose CHECK constraints are per column) is left out.' },
  'sqlite.comments-as-sql-comments': { severity: 'info', meaning: 'SQLite has no COMMENT statement: comments are written as -- lines (inside CREATE TABLE for tables, columns and foreign keys, which SQLite keeps in its schema text; above the statement for indexes and views). One note per script.' },
  'sqlite.extension-dropped': { severity: 'warning', meaning: 'A PostgreSQL extension with no SQLite equivalent is left out (what uses it will not work there).' },
  'sqlite.extension-built-in': { severity: 'info', meaning: 'A PostgreSQL extension whose job SQLite does without one (uuid-ossp: a randomblob() UUID default; citext: COLLATE NOCASE): left out.' },
  'sqlite.rowid-alias': { severity: 'info', meaning: 'A bigint or smallint identity primary key is written INTEGER PRIMARY KEY AUTOINCREMENT: the table\'s rowid, a 64-bit signed integer.' },
  'sqlite.identity-dropped': { severity: 'warning', meaning: 'SQLite counts only a single-column INTEGER PRIMARY KEY by itself: an identity on another column (or in a composite key) is left out.' },
  'sqlite.identity-always': { severity: 'info', meaning: 'AUTOINCREMENT does not forbid explicit values like GENERATED ALWAYS.' },
  'sqlite.identity-increment-dropped': { severity: 'warning', meaning: 'AUTOINCREMENT steps by 1: another increment is left out.' },
  'sqlite.identity-start-dropped': { severity: 'warning', meaning: 'AUTOINCREMENT starts at 1: a START WITH needs a row in sqlite_sequence once the table exists.' },
  'sqlite.index-method-skipped': { severity: 'warning', meaning: 'SQLite has only B-tree indexes: a GIN, GiST, SP-GiST, FULLTEXT or SPATIAL index is skipped (the message says what to use: an expression index, FTS5 or R*Tree).' },
  'sqlite.index-method-as-btree': { severity: 'info', meaning: 'A HASH or BRIN index becomes a B-tree on SQLite.' },
  'sqlite.index-options-dropped': { severity: 'info', meaning: 'SQLite indexes have no prefix lengths, operator classes, NULLS FIRST/LAST or (on a UNIQUE index) INCLUDE: left out.' },
  'sqlite.include-as-key-columns': { severity: 'info', meaning: 'No INCLUDE: covering columns become trailing key columns.' },
  'sqlite.materialized-view': { severity: 'warning', meaning: 'SQLite has no materialized views: a plain view is created.' },
  'sqlite.mysql-attributes-ignored': { severity: 'info', meaning: 'One note per script naming the MySQL attributes a document keeps that SQLite has no meaning for.' },
  'sqlite.nulls-not-distinct-dropped': { severity: 'warning', meaning: 'SQLite has no UNIQUE NULLS NOT DISTINCT: rows with NULLs do not conflict.' },
  'sqlite.on-update-dropped': { severity: 'warning', meaning: 'ON UPDATE CURRENT_TIMESTAMP needs a trigger on SQLite.' },
  'sqlite.partitioning-dropped': { severity: 'warning', meaning: 'SQLite has no partitioning: one table holds every row.' },
  'sqlite.schema-dropped': { severity: 'info', meaning: 'SQLite has no schemas (an attached database is another file): schemas are left out and names kept; two objects of one name in different schemas collide (name.duplicate).' },
  'sqlite.sequence-dropped': { severity: 'warning', meaning: 'SQLite has no sequences: one that does not become a column\'s AUTOINCREMENT is left out.' },
  'sqlite.sequence-default-dropped': { severity: 'warning', meaning: 'A column default drawing from a sequence another column owns or other columns share: SQLite has no sequences, the default is left out.' },
  'sqlite.sequence-options-dropped': { severity: 'warning', meaning: 'A column owning its sequence becomes AUTOINCREMENT, which cannot keep MINVALUE, MAXVALUE, CACHE or CYCLE.' },
  'sqlite.strict-types': { severity: 'info', meaning: 'STRICT tables: each declared type is written as the STRICT type of its affinity (INTEGER, REAL, TEXT, BLOB, ANY); lengths and precisions are not kept.' },
  'sqlite.without-rowid-skipped': { severity: 'info', meaning: 'WITHOUT ROWID needs a primary key and no AUTOINCREMENT: such a table stays a rowid table.' },
  'sqlite.fk-cycle-inline': { severity: 'info', meaning: 'Foreign keys that close a cycle stay in their CREATE TABLE: SQLite cannot add constraints later, and checks foreign keys when rows change (not when tables are created).' },
  'sqlite.table-without-columns': { severity: 'error', rejects: 'statement', meaning: 'SQLite rejects a table without columns.' },
  'fk.after-index': { severity: 'info', meaning: 'The referenced columns are keyed by an index, which exists only after the tables: the foreign key is added with ALTER TABLE after the indexes.' },
};

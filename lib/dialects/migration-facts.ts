/**
 * How each dialect changes a schema that already holds data, as data: the statement shapes the
 * migration planner (lib/evolution) writes, and per kind of step the lock it takes and whether it
 * rewrites or scans the table. The safety lint (lib/evolution/lint) reads the lock facts of BOTH
 * dialects for every step, so a PostgreSQL plan also says what the same change costs on MySQL.
 *
 * Sources: PostgreSQL 13-17 documentation, "ALTER TABLE" (lock levels per subcommand, "Notes" on
 * rewrites) and "Explicit Locking"; MySQL 8.0 reference manual 15.12.1 "Online DDL Operations"
 * (which operations are INSTANT / INPLACE and permit concurrent DML); MariaDB 10.11 "InnoDB Online DDL
 * Operations". Where a step's cost depends on the change (a type change rewrites unless it is a
 * binary-compatible widening), the fact says the worst case and the lint refines it.
 */

/** The kinds of migration step (lib/evolution/plan.ts writes them, the lint judges them). */
export const MIGRATION_STEP_KINDS = [
  'schema.create', 'schema.rename', 'schema.drop',
  'extension.create', 'extension.alter', 'extension.drop',
  'enum.create', 'enum.add-value', 'enum.rename', 'enum.rebuild', 'enum.drop',
  'domain.create', 'domain.alter', 'domain.drop',
  'sequence.create', 'sequence.alter', 'sequence.drop',
  'table.create', 'table.rename', 'table.drop', 'table.alter',
  'column.add', 'column.drop', 'column.rename', 'column.type', 'column.default', 'column.set-not-null',
  'column.drop-not-null', 'column.identity', 'column.modify',
  'primary-key.add', 'primary-key.drop', 'unique.add', 'unique.drop', 'check.add', 'check.drop',
  'constraint.rename', 'foreign-key.add', 'foreign-key.drop',
  'index.create', 'index.drop', 'index.rename',
  'partition.add', 'partition.drop', 'partitioning.change',
  'view.create', 'view.drop', 'comment',
  // Expand/contract (lib/evolution/expand-contract.ts): the dual-write trigger and the batched backfill.
  'trigger.create', 'trigger.drop', 'data.backfill',
  'unsupported',
] as const;
export type MigrationStepKind = (typeof MIGRATION_STEP_KINDS)[number];

/** What a step locks, and what that blocks for other sessions while it runs. */
export interface LockFact {
  /** The engine's name for the lock (`ACCESS EXCLUSIVE`, `SHARE`, `metadata lock (exclusive, brief)`). */
  lock: string;
  /** What other sessions cannot do while it is held. */
  blocks: 'nothing' | 'writes' | 'reads and writes';
  /** The whole table is rewritten (time grows with its size, and so does the lock). */
  rewrite?: boolean;
  /** The whole table is read to validate (time grows with its size; under the lock unless said otherwise). */
  scan?: boolean;
  /** How the statement runs online where it can (MySQL `ALGORITHM=INSTANT` / `INPLACE, LOCK=NONE`). */
  online?: string;
}

export interface MigrationFacts {
  /** DDL runs inside a transaction and rolls back with it (PostgreSQL); else each statement commits (MySQL). */
  transactionalDdl: boolean;
  /** `CREATE INDEX CONCURRENTLY` / `DROP INDEX CONCURRENTLY` (outside a transaction block). */
  concurrentIndexes: boolean;
  /** The lock an index built or dropped CONCURRENTLY takes instead of its plain statement's. */
  concurrentIndexLock?: LockFact;
  /** Column changes as separate `ALTER COLUMN` clauses (PostgreSQL), or one `MODIFY COLUMN <definition>` (MySQL). */
  alterColumn: 'alter-column-clauses' | 'modify-column';
  /** `DROP INDEX name` (schema-qualified; PostgreSQL) or `DROP INDEX name ON table` (MySQL). */
  dropIndex: 'drop-index' | 'drop-index-on-table';
  /** How a unique constraint is dropped: as a constraint, or as the index it is (MySQL). */
  dropUnique: 'drop-constraint' | 'drop-index';
  /** `DROP CONSTRAINT name` or MySQL's `DROP PRIMARY KEY`. */
  dropPrimaryKey: 'drop-constraint' | 'drop-primary-key';
  /** `DROP CONSTRAINT name` or MySQL's `DROP FOREIGN KEY name`. */
  dropForeignKey: 'drop-constraint' | 'drop-foreign-key';
  /** `ALTER INDEX a RENAME TO b` (PostgreSQL) or `ALTER TABLE t RENAME INDEX a TO b` (MySQL). */
  renameIndex: 'alter-index' | 'alter-table-rename-index';
  /** `ALTER TABLE t RENAME CONSTRAINT a TO b` exists (PostgreSQL); else a constraint is dropped and added again. */
  renameConstraint: boolean;
  /** A type change names how old values convert (`USING col::type`) when there is no implicit cast. */
  typeChangeUsing: boolean;
  /** Enum values live in a type (`ALTER TYPE .. ADD VALUE`; PostgreSQL) or in each column's type (MySQL). */
  enumValues: 'alter-type' | 'column-type';
  /** A table moves to another schema with `ALTER TABLE .. SET SCHEMA` (PostgreSQL) or `RENAME TABLE a TO db.b` (MySQL). */
  moveTable: 'set-schema' | 'rename-table';
  /** Columns can be placed (`AFTER col`, MySQL); else added at the end and never moved (PostgreSQL). */
  columnPositions: boolean;
  /** `ALTER TABLE t COMMENT = '..'` (MySQL) or `COMMENT ON` statements (PostgreSQL). */
  tableComment: 'comment-on' | 'alter-table-comment';
  /**
   * A CHECK naming an AUTO_INCREMENT column can be added to an existing table. MySQL 8 rejects such a
   * check; so does MariaDB 10.11 (error 1901), in ALTER TABLE and in CREATE TABLE alike.
   */
  addCheckOnAutoIncrement: boolean;
  /**
   * Expand/contract: how old and new columns are kept in step while both shapes are live. `trigger`: a
   * PL/pgSQL BEFORE INSERT OR UPDATE row trigger written by the plan; `note`: the plan says how (the
   * application writes both, or a trigger per event) and writes none.
   */
  dualWrite: 'plpgsql-trigger' | 'note';
  /**
   * Expand/contract: one batch of the backfill. `ctid-subquery`: `UPDATE t SET .. WHERE ctid IN (SELECT
   * ctid .. LIMIT n)` (PostgreSQL has no UPDATE .. LIMIT); `update-limit`: `UPDATE t SET .. WHERE .. LIMIT n`.
   */
  batchedUpdate: 'ctid-subquery' | 'update-limit';
  /** Functions a column default calls per row (a volatile default fills every existing row when the column is added). */
  volatileFunctions: readonly string[];
  /** The lock each kind of step takes. */
  locks: Readonly<Record<MigrationStepKind, LockFact>>;
  /**
   * Steps ALTER TABLE cannot make (SQLite: it renames tables and columns, adds and drops columns, and
   * nothing else): they need the table rebuilt (create the new shape under a temporary name, copy the
   * rows, drop the old table, rename the new one, re-create its indexes, triggers and views), and
   * `why` says so. Absent: every step is an ALTER.
   */
  tableRebuild?: { kinds: ReadonlySet<MigrationStepKind>; why: string };
}

const none: LockFact = { lock: 'none on tables', blocks: 'nothing' };
const aex = (extra: Partial<LockFact> = {}): LockFact => ({ lock: 'ACCESS EXCLUSIVE', blocks: 'reads and writes', ...extra });

export const POSTGRES_MIGRATION: MigrationFacts = {
  transactionalDdl: true,
  concurrentIndexes: true,
  // Reads and writes go on; the build waits for transactions that touch the table (two table scans).
  concurrentIndexLock: { lock: 'SHARE UPDATE EXCLUSIVE', blocks: 'nothing', scan: true },
  alterColumn: 'alter-column-clauses',
  dropIndex: 'drop-index',
  dropUnique: 'drop-constraint',
  dropPrimaryKey: 'drop-constraint',
  dropForeignKey: 'drop-constraint',
  renameIndex: 'alter-index',
  renameConstraint: true,
  typeChangeUsing: true,
  enumValues: 'alter-type',
  moveTable: 'set-schema',
  columnPositions: false,
  tableComment: 'comment-on',
  addCheckOnAutoIncrement: true,
  dualWrite: 'plpgsql-trigger',
  batchedUpdate: 'ctid-subquery',
  volatileFunctions: ['random', 'gen_random_uuid', 'uuid_generate_v1', 'uuid_generate_v4', 'uuidv7', 'clock_timestamp', 'timeofday', 'nextval', 'txid_current'],
  locks: {
    'schema.create': none, 'schema.rename': none, 'schema.drop': none,
    'extension.create': none, 'extension.alter': none, 'extension.drop': none,
    'enum.create': none, 'enum.add-value': { lock: 'ACCESS EXCLUSIVE on the type (brief)', blocks: 'nothing' }, 'enum.rename': none,
    'enum.rebuild': aex({ rewrite: true }), 'enum.drop': none,
    'domain.create': none, 'domain.alter': { lock: 'SHARE on tables using it (a new check scans them)', blocks: 'writes', scan: true }, 'domain.drop': none,
    'sequence.create': none, 'sequence.alter': { lock: 'SHARE ROW EXCLUSIVE on the sequence', blocks: 'nothing' }, 'sequence.drop': none,
    'table.create': none, 'table.rename': aex(), 'table.drop': aex(), 'table.alter': aex(),
    // PostgreSQL 11+: a constant default is stored in the catalog, no rewrite; a volatile one rewrites.
    'column.add': aex(), 'column.drop': aex(), 'column.rename': aex(),
    'column.type': aex({ rewrite: true }), 'column.default': aex(),
    'column.set-not-null': aex({ scan: true }), 'column.drop-not-null': aex(),
    'column.identity': aex(), 'column.modify': aex({ rewrite: true }),
    'primary-key.add': aex({ scan: true }), 'primary-key.drop': aex(),
    'unique.add': aex({ scan: true }), 'unique.drop': aex(),
    'check.add': aex({ scan: true }), 'check.drop': aex(),
    'constraint.rename': aex(),
    // ADD FOREIGN KEY: SHARE ROW EXCLUSIVE on both tables, validated by a scan of the child under it.
    'foreign-key.add': { lock: 'SHARE ROW EXCLUSIVE (both tables)', blocks: 'writes', scan: true },
    'foreign-key.drop': { lock: 'SHARE ROW EXCLUSIVE (both tables)', blocks: 'writes' },
    'index.create': { lock: 'SHARE', blocks: 'writes', scan: true, online: 'CREATE INDEX CONCURRENTLY (SHARE UPDATE EXCLUSIVE: reads and writes go on)' },
    'index.drop': aex({ online: 'DROP INDEX CONCURRENTLY' }),
    'index.rename': { lock: 'SHARE UPDATE EXCLUSIVE', blocks: 'nothing' },
    'partition.add': aex({ lock: 'ACCESS EXCLUSIVE on the partitioned table' }), 'partition.drop': aex(),
    'partitioning.change': aex({ rewrite: true }),
    'view.create': none, 'view.drop': aex({ lock: 'ACCESS EXCLUSIVE on the view' }),
    comment: { lock: 'SHARE UPDATE EXCLUSIVE', blocks: 'nothing' },
    // CREATE / DROP TRIGGER: SHARE ROW EXCLUSIVE, held for an instant (no scan).
    'trigger.create': { lock: 'SHARE ROW EXCLUSIVE (brief)', blocks: 'writes' },
    'trigger.drop': aex({ lock: 'ACCESS EXCLUSIVE (brief)' }),
    // One batch of UPDATE: row locks on the batch only; each batch commits on its own.
    'data.backfill': { lock: 'ROW EXCLUSIVE (row locks on one batch)', blocks: 'nothing' },
    unsupported: none,
  },
};

/** InnoDB online DDL (MySQL 8.0.12+ INSTANT where noted; MariaDB 10.3+ has INSTANT ADD COLUMN too). */
const mdl = 'metadata lock (exclusive, brief at start and end)';
const instant: LockFact = { lock: mdl, blocks: 'nothing', online: 'ALGORITHM=INSTANT' };
const inplace = (extra: Partial<LockFact> = {}): LockFact => ({ lock: mdl, blocks: 'nothing', online: 'ALGORITHM=INPLACE, LOCK=NONE', ...extra });
const copy = (extra: Partial<LockFact> = {}): LockFact => ({ lock: 'SHARED (table copy; ALGORITHM=COPY)', blocks: 'writes', rewrite: true, ...extra });

export const MYSQL_MIGRATION: MigrationFacts = {
  transactionalDdl: false,
  concurrentIndexes: false,
  alterColumn: 'modify-column',
  dropIndex: 'drop-index-on-table',
  dropUnique: 'drop-index',
  dropPrimaryKey: 'drop-primary-key',
  dropForeignKey: 'drop-foreign-key',
  renameIndex: 'alter-table-rename-index',
  renameConstraint: false,
  typeChangeUsing: false,
  enumValues: 'column-type',
  moveTable: 'rename-table',
  columnPositions: true,
  tableComment: 'alter-table-comment',
  addCheckOnAutoIncrement: false,
  dualWrite: 'note',
  batchedUpdate: 'update-limit',
  volatileFunctions: ['uuid', 'uuid_short', 'rand', 'sysdate'],
  locks: {
    'schema.create': none, 'schema.rename': none, 'schema.drop': none,
    'extension.create': none, 'extension.alter': none, 'extension.drop': none,
    'enum.create': none, 'enum.add-value': instant, 'enum.rename': none,
    // Removing or reordering ENUM members changes stored values: a table copy.
    'enum.rebuild': copy(), 'enum.drop': none,
    'domain.create': none, 'domain.alter': none, 'domain.drop': none,
    'sequence.create': none, 'sequence.alter': none, 'sequence.drop': none,
    'table.create': none, 'table.rename': instant, 'table.drop': { lock: mdl, blocks: 'reads and writes' }, 'table.alter': copy(),
    'column.add': instant, 'column.drop': inplace({ rewrite: true }), 'column.rename': instant,
    'column.type': copy(), 'column.default': instant,
    'column.set-not-null': inplace({ rewrite: true, scan: true }), 'column.drop-not-null': inplace({ rewrite: true }),
    'column.identity': copy(), 'column.modify': copy(),
    'primary-key.add': inplace({ rewrite: true, scan: true }), 'primary-key.drop': copy(),
    'unique.add': inplace({ scan: true }), 'unique.drop': inplace(),
    'check.add': copy({ scan: true }), 'check.drop': instant,
    'constraint.rename': copy(),
    // With foreign_key_checks=1 only ALGORITHM=COPY is supported for ADD FOREIGN KEY.
    'foreign-key.add': copy({ scan: true }), 'foreign-key.drop': inplace(),
    'index.create': inplace({ scan: true }), 'index.drop': inplace(), 'index.rename': inplace(),
    'partition.add': inplace(), 'partition.drop': inplace(), 'partitioning.change': copy(),
    'view.create': none, 'view.drop': none,
    comment: instant,
    'trigger.create': { lock: mdl, blocks: 'nothing' }, 'trigger.drop': { lock: mdl, blocks: 'nothing' },
    'data.backfill': { lock: 'row locks on one batch (InnoDB)', blocks: 'nothing' },
    unsupported: none,
  },
};

/**
 * SQLite: one writer at a time for the whole database file, so every DDL statement holds the database
 * write lock until it commits (readers go on in WAL mode, and wait in rollback-journal mode). DDL is
 * transactional. ALTER TABLE renames tables and columns, adds columns (not PRIMARY KEY, UNIQUE or
 * STORED generated ones, and not with a non-constant default) and (3.35+) drops them; every other
 * change is the 12-step rebuild of sqlite.org "ALTER TABLE" section 7, which copies the table.
 */
const sqliteWrite = (extra: Partial<LockFact> = {}): LockFact => ({ lock: 'database write lock (one writer per database file)', blocks: 'writes', ...extra });
const rebuild = sqliteWrite({ rewrite: true });

export const SQLITE_MIGRATION: MigrationFacts = {
  transactionalDdl: true,
  concurrentIndexes: false,
  alterColumn: 'alter-column-clauses',
  dropIndex: 'drop-index',
  dropUnique: 'drop-index',
  dropPrimaryKey: 'drop-constraint',
  dropForeignKey: 'drop-constraint',
  renameIndex: 'alter-index',
  renameConstraint: false,
  typeChangeUsing: false,
  enumValues: 'column-type',
  moveTable: 'rename-table',
  columnPositions: false,
  tableComment: 'comment-on',
  addCheckOnAutoIncrement: false,
  dualWrite: 'note',
  // SQLite has UPDATE .. LIMIT only when built with SQLITE_ENABLE_UPDATE_DELETE_LIMIT; the planner's note says so.
  batchedUpdate: 'update-limit',
  volatileFunctions: ['random', 'randomblob', 'uuid', 'changes', 'last_insert_rowid'],
  locks: {
    'schema.create': none, 'schema.rename': none, 'schema.drop': none,
    'extension.create': none, 'extension.alter': none, 'extension.drop': none,
    'enum.create': none, 'enum.add-value': rebuild, 'enum.rename': none, 'enum.rebuild': rebuild, 'enum.drop': none,
    'domain.create': none, 'domain.alter': rebuild, 'domain.drop': none,
    'sequence.create': none, 'sequence.alter': none, 'sequence.drop': none,
    'table.create': sqliteWrite(), 'table.rename': sqliteWrite(), 'table.drop': sqliteWrite({ scan: true }), 'table.alter': rebuild,
    // ADD COLUMN only edits the schema text; DROP COLUMN (3.35+) rewrites every row.
    'column.add': sqliteWrite(), 'column.drop': rebuild, 'column.rename': sqliteWrite(),
    'column.type': rebuild, 'column.default': rebuild, 'column.set-not-null': rebuild, 'column.drop-not-null': rebuild,
    'column.identity': rebuild, 'column.modify': rebuild,
    'primary-key.add': rebuild, 'primary-key.drop': rebuild, 'unique.add': sqliteWrite({ scan: true }), 'unique.drop': sqliteWrite(),
    'check.add': rebuild, 'check.drop': rebuild, 'constraint.rename': rebuild,
    'foreign-key.add': rebuild, 'foreign-key.drop': rebuild,
    'index.create': sqliteWrite({ scan: true }), 'index.drop': sqliteWrite(), 'index.rename': sqliteWrite({ scan: true }),
    'partition.add': none, 'partition.drop': none, 'partitioning.change': none,
    'view.create': sqliteWrite(), 'view.drop': sqliteWrite(), comment: none,
    'trigger.create': sqliteWrite(), 'trigger.drop': sqliteWrite(),
    'data.backfill': sqliteWrite({ lock: 'database write lock per batch' }),
    unsupported: none,
  },
  tableRebuild: {
    kinds: new Set<MigrationStepKind>([
      'table.alter', 'column.type', 'column.default', 'column.set-not-null', 'column.drop-not-null', 'column.identity', 'column.modify',
      'primary-key.add', 'primary-key.drop', 'check.add', 'check.drop', 'constraint.rename', 'foreign-key.add', 'foreign-key.drop', 'enum.add-value', 'enum.rebuild', 'domain.alter',
      // ALTER TABLE .. ADD/DROP CONSTRAINT UNIQUE, ALTER INDEX .. RENAME and comments (kept in the CREATE TABLE text) do not exist either.
      'unique.add', 'unique.drop', 'index.rename', 'comment',
    ]),
    why: 'SQLite ALTER TABLE cannot change a column or a constraint: the table is rebuilt (CREATE TABLE new shape, INSERT INTO .. SELECT, DROP TABLE, ALTER TABLE .. RENAME TO, then its indexes, triggers and views again), with PRAGMA foreign_keys = OFF around it',
  },
};

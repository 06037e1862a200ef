/**
 * The shapes of a migration plan (plan.ts): what the CLI prints, the lint judges, and the editor's
 * Migration tab and the design document's Migration Strategy section will show.
 */
import type { LockFact, MigrationStepKind } from '../dialects/migration-facts';
import type { DdlTarget } from '../dialects/types';
import type { Dialect } from '../model/document';
import type { DocumentDiff, ElementKind } from './diff';

export type { MigrationStepKind, LockFact } from '../dialects/migration-facts';

/** The document element a step concerns. */
export interface StepElement {
  kind: ElementKind;
  /** The element's id (the table's id for a primary key or partitioning). */
  id: string;
  /** The table it belongs to, for columns, keys, indexes, foreign keys (the child table). */
  tableId?: string;
  /** How the user knows it: `orders`, `orders.status`, `ix_orders_user`. */
  name: string;
}

export interface MigrationStep {
  kind: MigrationStepKind;
  /** One statement without its trailing semicolon; every line a `--` comment when `commented` is set. */
  sql: string;
  element: StepElement;
  /** May run inside a transaction block (false: CREATE INDEX CONCURRENTLY, ALTER TYPE .. ADD VALUE, any MySQL DDL). */
  transactional: boolean;
  /** Loses data that the reverse script cannot bring back (a dropped table or column, a narrowed type, a removed enum value). */
  destructive: boolean;
  /** What is lost, when destructive: `the rows of "orders"`, `the values of "orders.note"`. */
  loses?: string;
  /** The lock it takes on the plan's dialect (lib/dialects/migration-facts.ts). */
  lock: LockFact;
  /** The target cannot do this: `sql` is written commented out, with this reason above it. */
  commented?: string;
  /** What the step needs the reader to know (a rebuild, a cast that may fail). */
  notes?: string[];
  /**
   * Details the lint reads: the column's new SQL type, a default's SQL, whether a type change is a
   * widening that needs no rewrite, the old and new names of a rename.
   */
  facts?: StepFacts;
}

export interface StepFacts {
  table?: string;
  column?: string;
  /** `column.add` / `column.type`: the column is NOT NULL after the step. */
  notNull?: boolean;
  /** `column.add` / `column.default`: the default's SQL, if any. */
  defaultSql?: string;
  /** `column.type`: old and new SQL types, and whether the engine changes it without a rewrite. */
  oldType?: string;
  newType?: string;
  noRewrite?: boolean;
  /** `index.create`: built CONCURRENTLY; unique. */
  concurrently?: boolean;
  unique?: boolean;
  /** `foreign-key.add` / `check.add`: written NOT VALID (validated later). */
  notValid?: boolean;
  /** `unique.add` / `primary-key.add`: added USING INDEX built beforehand. */
  usingIndex?: boolean;
  /** Renames: the old and new names. */
  from?: string;
  to?: string;
  /** `enum.rebuild`: the values removed. */
  removedValues?: string[];
}

export interface MigrationOptions {
  target?: DdlTarget;
  /** PostgreSQL: CREATE / DROP INDEX CONCURRENTLY (outside a transaction) for indexes of tables that already exist. */
  concurrentIndexes?: boolean;
  /** Same meaning as DdlOptions.schemaQualified. */
  schemaQualified?: boolean;
}

export interface MigrationPlan {
  dialect: Dialect;
  /** `PostgreSQL 16`, `MariaDB 10.11`. */
  label: string;
  diff: DocumentDiff;
  /** from -> to. */
  up: MigrationStep[];
  /** to -> from; its destructive steps lose what the up script added. */
  down: MigrationStep[];
}

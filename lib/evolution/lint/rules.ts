/**
 * The migration safety rules: each looks at one step of a plan (lib/evolution/plan.ts) and says what
 * can go wrong on a live database, with a safer way. Rule ids are Draftbase's; `sources` name the
 * equivalent rules of squawk (PostgreSQL migration linter), Atlas (`migrate lint` analyzers) and
 * Bytebase (SQL review), so a team that knows those tools recognises the finding.
 */
import type { MigrationStep } from '../types';

export type LintSeverity = 'error' | 'warning' | 'info';

export interface StepContext {
  step: MigrationStep;
  /** The plan's dialect label (`PostgreSQL 16`). */
  label: string;
  /** The table the step concerns existed before the migration (its rows are live). */
  existingTable: boolean;
  /** The plan writes statements for a dialect that builds indexes concurrently (PostgreSQL). */
  concurrentIndexes: boolean;
  /** MySQL-family plan: online DDL clauses apply. */
  onlineDdl: boolean;
  /** Function names whose default is evaluated per row (a volatile default rewrites the table). */
  volatileFunctions: readonly string[];
  q(name: string): string;
}

export interface RuleHit {
  message: string;
  /** What to do instead (SQL where it helps). */
  safer: string;
}

export interface MigrationRule {
  id: string;
  title: string;
  severity: LintSeverity;
  /** Equivalent rules elsewhere: `squawk: adding-required-field`, `Atlas: MF103`, `Bytebase: ...`. */
  sources: readonly string[];
  check(c: StepContext): RuleHit | undefined;
}

const f = (c: StepContext) => c.step.facts ?? {};
const live = (c: StepContext) => c.existingTable && !c.step.commented;

export const MIGRATION_RULES: readonly MigrationRule[] = [
  {
    id: 'not-null-column-without-default',
    title: 'NOT NULL column added without a default',
    severity: 'error',
    sources: ['squawk: adding-required-field', 'Atlas: MF103, MY101', 'Bytebase: column.set-default-for-not-null'],
    check: (c) => {
      const x = f(c);
      if (c.step.kind !== 'column.add' || !live(c) || !x.notNull || x.defaultSql !== undefined) return undefined;
      return {
        message: `column "${x.column}" is added NOT NULL without a default: on ${c.label} the statement fails as soon as "${x.table}" has a row (MySQL silently fills the type's zero value)`,
        safer: 'add it nullable (or with a default), backfill it in batches, then make it NOT NULL (see set-not-null)',
      };
    },
  },
  {
    id: 'set-not-null',
    title: 'SET NOT NULL on an existing column scans the table under lock',
    severity: 'warning',
    sources: ['squawk: adding-not-nullable-field', 'Atlas: MF104, PG303'],
    check: (c) => {
      const x = f(c);
      if (c.step.kind !== 'column.set-not-null' || !live(c)) return undefined;
      const t = c.q(x.table ?? '');
      const col = c.q(x.column ?? '');
      const check = c.q(`${x.table}_${x.column}_not_null`);
      return {
        message: `making "${x.table}.${x.column}" NOT NULL checks every row while holding the table's lock (and fails if a NULL is left)`,
        safer: c.onlineDdl
          ? `run it as ALTER TABLE ... MODIFY COLUMN ..., ALGORITHM=INPLACE, LOCK=NONE after backfilling the NULLs`
          : `ALTER TABLE ${t} ADD CONSTRAINT ${check} CHECK (${col} IS NOT NULL) NOT VALID; ALTER TABLE ${t} VALIDATE CONSTRAINT ${check}; ALTER TABLE ${t} ALTER COLUMN ${col} SET NOT NULL; ALTER TABLE ${t} DROP CONSTRAINT ${check}; (PostgreSQL 12+ skips the scan when a valid CHECK proves it)`,
      };
    },
  },
  {
    id: 'foreign-key-without-not-valid',
    title: 'Foreign key added and validated in one step',
    severity: 'warning',
    sources: ['squawk: adding-foreign-key-constraint', 'squawk: constraint-missing-not-valid', 'Bytebase: statement.add-foreign-key-not-valid'],
    check: (c) => {
      if (c.step.kind !== 'foreign-key.add' || !live(c) || f(c).notValid) return undefined;
      return {
        message: `the foreign key is validated against every existing row of "${f(c).table}" while both tables are locked against writes`,
        safer: c.onlineDdl
          ? 'MySQL copies the table for ADD FOREIGN KEY unless foreign_key_checks=0 (then INPLACE, but existing rows are not checked): check the rows first'
          : 'add it with NOT VALID (brief lock, no scan), then ALTER TABLE ... VALIDATE CONSTRAINT ... in its own transaction (reads and writes go on)',
      };
    },
  },
  {
    id: 'unique-constraint-without-index',
    title: 'Unique constraint or primary key built under an exclusive lock',
    severity: 'warning',
    sources: ['squawk: disallowed-unique-constraint', 'squawk: adding-serial-primary-key-field', 'Atlas: MF101, PG104, PG105'],
    check: (c) => {
      if ((c.step.kind !== 'unique.add' && c.step.kind !== 'primary-key.add') || !live(c) || f(c).usingIndex) return undefined;
      const what = c.step.kind === 'unique.add' ? 'UNIQUE' : 'PRIMARY KEY';
      return {
        message: `adding ${what} "${c.step.element.name}" builds its index while "${f(c).table}" is locked (and fails on duplicates)`,
        safer: c.concurrentIndexes
          ? `CREATE UNIQUE INDEX CONCURRENTLY ${c.q(c.step.element.name)} ON ...; then ALTER TABLE ... ADD CONSTRAINT ${c.q(c.step.element.name)} ${what} USING INDEX ${c.q(c.step.element.name)}`
          : 'run it with ALGORITHM=INPLACE, LOCK=NONE, after checking for duplicates',
      };
    },
  },
  {
    id: 'index-not-concurrent',
    title: 'Index built or dropped while writes wait',
    severity: 'warning',
    sources: ['squawk: require-concurrent-index-creation', 'squawk: require-concurrent-index-deletion', 'Atlas: PG101, PG102'],
    check: (c) => {
      const k = c.step.kind;
      if ((k !== 'index.create' && k !== 'index.drop') || !live(c) || f(c).concurrently) return undefined;
      if (c.concurrentIndexes) {
        return {
          message: `${k === 'index.create' ? 'CREATE INDEX' : 'DROP INDEX'} on "${f(c).table}" blocks its writes until it finishes`,
          safer: `${k === 'index.create' ? 'CREATE INDEX CONCURRENTLY' : 'DROP INDEX CONCURRENTLY'} outside a transaction block (the concurrent-indexes option writes it so)`,
        };
      }
      if (!c.onlineDdl || /ALGORITHM=/i.test(c.step.sql)) return undefined;
      return { message: `index change on "${f(c).table}" without ALGORITHM/LOCK: MySQL may pick a blocking algorithm`, safer: 'append ALGORITHM=INPLACE, LOCK=NONE so the server refuses rather than blocking writes' };
    },
  },
  {
    id: 'rewriting-type-change',
    title: 'Column type change that rewrites the table',
    severity: 'warning',
    sources: ['squawk: changing-column-type', 'Atlas: PG301', 'Bytebase: column.disallow-change-type'],
    check: (c) => {
      const x = f(c);
      if (c.step.kind !== 'column.type' || !live(c) || x.noRewrite) return undefined;
      return {
        message: `"${x.table}.${x.column}" changes from ${x.oldType} to ${x.newType}: the table and its indexes are rewritten under an exclusive lock, and running code reading the old type may break`,
        safer: 'expand/contract: add a column of the new type, write both (trigger or application), backfill in batches, switch readers, then drop the old column',
      };
    },
  },
  {
    id: 'volatile-default',
    title: 'Column added with a volatile default',
    severity: 'warning',
    sources: ['squawk: adding-field-with-default', 'Atlas: PG302', 'Bytebase: statement.disallow-add-column-with-default'],
    check: (c) => {
      const x = f(c);
      if (c.step.kind !== 'column.add' || !live(c) || !x.defaultSql) return undefined;
      const fn = c.volatileFunctions.find((name) => new RegExp(`\\b${name}\\s*\\(`, 'i').test(x.defaultSql!));
      if (!fn) return undefined;
      return {
        message: `"${x.table}.${x.column}" gets DEFAULT ${x.defaultSql}: ${fn}() is evaluated per row, so every existing row is written now, under the table's lock`,
        safer: 'add the column without a default, set the default afterwards (new rows only), and backfill existing rows in batches',
      };
    },
  },
  {
    id: 'drop-column',
    title: 'Column dropped (its data is lost)',
    severity: 'warning',
    sources: ['squawk: ban-drop-column', 'Atlas: DS103'],
    check: (c) => (c.step.kind === 'column.drop' && !c.step.commented ? {
      message: `dropping "${f(c).table}.${f(c).column}" deletes its values; code still reading it fails`,
      safer: 'stop reading and writing it in the application first (contract phase), back the values up, then drop it',
    } : undefined),
  },
  {
    id: 'drop-table',
    title: 'Table dropped (its rows are lost)',
    severity: 'warning',
    sources: ['squawk: ban-drop-table', 'Atlas: DS102'],
    check: (c) => (c.step.kind === 'table.drop' && !c.step.commented ? {
      message: `dropping "${f(c).table}" deletes every row; code still using it fails`,
      safer: 'rename it aside first (and drop it a release later), or back it up',
    } : undefined),
  },
  {
    id: 'rename',
    title: 'Rename breaks code using the old name',
    severity: 'warning',
    sources: ['squawk: renaming-column', 'squawk: renaming-table', 'Atlas: BC101, BC102', 'Bytebase: schema.backward-compatibility'],
    check: (c) => {
      const k = c.step.kind;
      if ((k !== 'column.rename' && k !== 'table.rename') || !live(c)) return undefined;
      const x = f(c);
      return {
        message: `"${x.from}" becomes "${x.to}": every running query that names "${x.from}" fails from this step on`,
        safer: k === 'table.rename'
          ? 'expand/contract: rename, and create a view with the old name for running code until it is updated; or deploy code that reads both first'
          : 'expand/contract: add the new column, write both (trigger), backfill, switch readers, then drop the old one',
      };
    },
  },
  {
    id: 'enum-value-removal',
    title: 'Enum value removed or values reordered',
    severity: 'warning',
    sources: ['Atlas: MY110, MY111, MY112'],
    check: (c) => {
      const x = f(c);
      if (!x.removedValues?.length || (c.step.kind !== 'enum.rebuild' && c.step.kind !== 'column.type') || c.step.commented) return undefined;
      return {
        message: `values ${x.removedValues.map((v) => `'${v}'`).join(', ')} are removed: rows holding them make the step fail (the column is rewritten, the table locked)`,
        safer: 'update the rows holding the value first; prefer adding values at the end; a lookup table with a foreign key changes without rewriting',
      };
    },
  },
  {
    id: 'mysql-online-ddl',
    title: 'MySQL ALTER without ALGORITHM and LOCK',
    severity: 'info',
    sources: ['MySQL manual: 15.12.1 Online DDL Operations'],
    check: (c) => {
      const online = c.step.lock.online;
      if (!c.onlineDdl || !online || !live(c) || /ALGORITHM=/i.test(c.step.sql) || !/^ALTER TABLE/i.test(c.step.sql)) return undefined;
      return { message: `${c.step.kind} can run online on InnoDB, but without the clause MySQL silently falls back to copying the table when it cannot`, safer: `append ", ${online}" so the server refuses instead of blocking` };
    },
  },
];

/**
 * Migration scripts between two versions of a document, for one dialect and target: an ordered list
 * of steps (types.ts) up (from -> to) and down (to -> from), and the SQL script of a list.
 *
 * Order of the up steps (down is the same plan from the other side):
 *   1. views that read what changes are dropped (recreated in 9)
 *   2. foreign keys, indexes, keys and checks that go or are rebuilt are dropped (older names);
 *      then removed tables (referencing ones first)
 *   3. schemas, extensions, enums (ADD VALUE / rebuild), domains, sequences created or changed
 *   4. tables renamed and moved, columns renamed, then keys and indexes whose names follow them
 *   5. columns dropped, added, changed (type with USING, default, NOT NULL, identity)
 *   6. partitions; primary keys, uniques and checks added; new tables (dependency order)
 *   7. indexes (CONCURRENTLY on existing tables when asked), then foreign keys
 *   8. comments, sequence owners
 *   9. views, in dependency order; then removed enums, domains, sequences, extensions, schemas
 * New objects are written by the DDL generator (sides.ts), so what a migration creates is what
 * generateDdl would have written. A statement the target cannot run is a commented-out step with
 * its reason; the plan never refuses.
 */
import { oneLine } from '../ddl/sql-text';
import { dialectSpec } from '../dialects/dialects';
import type { Dialect, SchemaDocument } from '../model/document';
import { diffDocuments, enumValueChanges } from './diff';
import { addForeignKeys, addKeys, classifyKeys, createIndexes, dropForeignKeys, dropIndexesAndConstraints, renameKeys } from './key-steps';
import { commentChanges, createViews, dropViews, objectsAfter, objectsBefore, ownedBy } from './object-steps';
import { Planner } from './planner';
import { sideOf, type Side } from './sides';
import { addColumns, alterColumns, createTables, dropColumns, dropTables, partitionChanges, renameColumns, renameTables } from './table-steps';
import type { MigrationOptions, MigrationPlan, MigrationStep } from './types';

export type { MigrationOptions, MigrationPlan, MigrationStep } from './types';

export function planMigration(from: SchemaDocument, to: SchemaDocument, dialect: Dialect, options: MigrationOptions = {}): MigrationPlan {
  const spec = dialectSpec(dialect);
  const target = options.target && spec.targets.includes(options.target) ? options.target : spec.defaultTarget;
  // One generator run per version, shared by both directions.
  const a = sideOf(from, dialect, options);
  const b = sideOf(to, dialect, options);
  return {
    dialect,
    label: spec.capabilities(target).label,
    diff: diffDocuments(from, to),
    up: stepsBetween(a, b, options),
    down: stepsBetween(b, a, options),
  };
}

/** The steps from `from` to `to` (one direction). */
export function planSteps(from: SchemaDocument, to: SchemaDocument, dialect: Dialect, options: MigrationOptions = {}): MigrationStep[] {
  return stepsBetween(sideOf(from, dialect, options), sideOf(to, dialect, options), options);
}

function stepsBetween(a: Side, b: Side, options: MigrationOptions): MigrationStep[] {
  const p = new Planner(a, b, options);
  if (!p.a.valid || !p.b.valid) {
    const which = !p.a.valid ? 'the older version' : 'the newer version';
    const reasons = (!p.a.valid ? p.a : p.b).ctx.diagnostics.filter((d) => d.severity === 'error').slice(0, 3).map((d) => d.message).join('; ');
    return [p.step('unsupported', '-- nothing to migrate', { kind: 'table', id: '', name: '' }, { commented: `${which} is not a valid document: ${reasons}` })];
  }
  classifyColumns(p);
  classifyKeys(p);
  const steps: MigrationStep[] = [];
  const comments: MigrationStep[] = [];
  const droppedViews = dropViews(p, steps);
  dropForeignKeys(p, steps);
  dropIndexesAndConstraints(p, steps);
  const partitionDrops: MigrationStep[] = [];
  const partitionAdds: MigrationStep[] = [];
  partitionChanges(p, partitionDrops, partitionAdds);
  steps.push(...partitionDrops);
  dropTables(p, steps);
  objectsBefore(p, steps, comments);
  renameTables(p, steps);
  renameColumns(p, steps);
  renameKeys(p, steps);
  dropColumns(p, steps);
  addColumns(p, steps);
  alterColumns(p, steps);
  steps.push(...partitionAdds);
  addKeys(p, steps);
  createTables(p, steps, comments);
  createIndexes(p, steps, comments);
  addForeignKeys(p, steps, comments);
  commentChanges(p, steps);
  steps.push(...comments);
  ownedBy(p, steps);
  createViews(p, steps, droppedViews);
  objectsAfter(p, steps);
  return steps;
}

/** Columns whose type changes, and tables whose columns change shape (views over them are rebuilt). */
function classifyColumns(p: Planner): void {
  for (const [ta, tb] of p.changedTables()) {
    if (ta.name !== tb.name || ta.schemaId !== tb.schemaId) p.touchedTables.add(ta.id);
    if (ta.columns.some((c) => !tb.columns.some((x) => x.id === c.id))) p.touchedTables.add(ta.id);
    for (const { ca, cb, ia, ib } of p.keptColumns(ta, tb)) {
      if (ca.name !== cb.name) p.touchedTables.add(ta.id);
      if (p.typeChanged(ta, ca, ia, tb, cb, ib)) {
        p.retyped.add(ca.id);
        p.touchedTables.add(ta.id);
      }
    }
    // Enum values changed: a rebuild (PostgreSQL) or MODIFY COLUMN (MySQL) retypes its columns. A
    // rebuilt type is another type: indexes and checks on its columns are rebuilt with it.
    for (const c of ta.columns) {
      if (c.type.kind !== 'enum') continue;
      const ea = p.a.doc.enums[c.type.enumId];
      const eb = p.b.doc.enums[c.type.enumId];
      if (!ea || !eb || JSON.stringify(ea.values) === JSON.stringify(eb.values)) continue;
      const change = enumValueChanges(ea.values, eb.values);
      const rebuilt = change.removed.length > 0 || change.reordered;
      if (p.b.ctx.caps.enumStrategy === 'create-type' && rebuilt) p.retyped.add(c.id);
      // ADD VALUE leaves the columns alone; a rebuild or MySQL's MODIFY COLUMN changes them.
      if (rebuilt || p.b.ctx.caps.enumStrategy !== 'create-type') p.touchedTables.add(ta.id);
    }
  }
}

export interface ScriptOptions {
  /** `up` or `down`, for the header. */
  direction?: 'up' | 'down';
  /** Wrap runs of transactional steps in BEGIN / COMMIT (dialects with transactional DDL). Default true. */
  transactions?: boolean;
}

/**
 * The SQL script of a list of steps: statements separated by blank lines; on a dialect with
 * transactional DDL, each run of transactional steps in one BEGIN / COMMIT (a step that cannot run in
 * a transaction, like CREATE INDEX CONCURRENTLY, stands alone between them). Steps that lose data
 * carry a `-- LOSES DATA:` line; commented-out steps keep their reason.
 */
export function migrationScript(plan: Pick<MigrationPlan, 'dialect' | 'label'>, steps: readonly MigrationStep[], options: ScriptOptions = {}): string {
  const facts = dialectSpec(plan.dialect).migration;
  const wrap = (options.transactions ?? true) && facts.transactionalDdl;
  const lossy = steps.filter((s) => s.destructive && !s.commented).length;
  const lines: string[] = [`-- Migration (${options.direction ?? 'up'}) generated by Draftbase for ${plan.label}: ${steps.length} step${steps.length === 1 ? '' : 's'}`];
  if (lossy) lines.push(`-- ${lossy} step${lossy === 1 ? ' loses' : 's lose'} data (marked LOSES DATA): back it up first.`);
  if (!facts.transactionalDdl) lines.push(`-- ${plan.label} commits each DDL statement on its own: a failure leaves the steps before it applied.`);
  if (!steps.length) lines.push('-- Nothing to do: both versions create the same database.');
  let open = false;
  const body: string[] = [];
  for (const s of steps) {
    const inTx = wrap && s.transactional && !s.commented;
    if (inTx && !open) {
      body.push('BEGIN;');
      open = true;
    } else if (!inTx && open && !s.commented) {
      body.push('COMMIT;');
      open = false;
    }
    let text = '';
    // `loses` names the table or column (user input): one line, so it cannot end its comment.
    if (s.destructive) text += `-- LOSES DATA: ${oneLine(s.loses ?? 'data')}\n`;
    if (!s.transactional && wrap && !s.commented) text += '-- Runs outside a transaction block.\n';
    text += s.commented ? s.sql : `${s.sql};`;
    body.push(text);
  }
  if (open) body.push('COMMIT;');
  return `${lines.join('\n')}\n\n${body.join('\n\n')}\n`;
}

/** The statements to send to an engine one by one (commented-out steps left out). */
export function executableStatements(steps: readonly MigrationStep[]): string[] {
  return steps.filter((s) => !s.commented).map((s) => s.sql);
}

/**
 * Expand/contract: a breaking column change (a rename, a type change, a split of one column into
 * several, a merge of several into one) shipped as three phases, so running code never meets a
 * schema it does not know:
 *
 *   expand    add the new columns (nullable, no default), keep old and new in step while both shapes
 *             are live (a PL/pgSQL dual-write trigger, or a note where the dialect gets none), and one
 *             batch of the backfill, repeated until it updates no row;
 *   switch    no SQL: deploy the code that reads and writes the new shape;
 *   contract  drop the trigger, drop the old columns, give the new ones their final constraints,
 *             defaults and indexes (and their final names where the new name was taken).
 *
 * Each phase is a list of MigrationSteps written by the planner (plan.ts) between documents that
 * describe the database at each point, so a phase's SQL is what a migration between those documents
 * would be, and each phase is linted on its own (lint/lint.ts) against the document before it.
 *
 *   from --expand--> E (from + new columns)  ==  E' (the same database, ids as in `to`)
 *        --contract--> M (`to`, new columns under their transitional names) --> to
 *
 * Changes between the versions other than the transforms go to the contract phase.
 */
import { resolveColumnTypeQuietly } from '../ddl/column-sql';
import { oneLine } from '../ddl/sql-text';
import { dialectSpec } from '../dialects/dialects';
import { identifierLength, type DialectSpec } from '../dialects/types';
import type { Column, Dialect, SchemaDocument, Table } from '../model/document';
import { lintSteps, type MigrationLintResult } from './lint/lint';
import { migrationScript, planSteps } from './plan';
import { commentedOut } from './planner';
import { sideOf } from './sides';
import { noRewrite } from './table-steps';
import type { MigrationOptions, MigrationStep, StepElement } from './types';

export type TransformKind = 'rename' | 'type' | 'rename and type' | 'split' | 'merge';

/**
 * One breaking change of one table. Expressions are SQL with `{column}` placeholders: `forward` names
 * the OLD columns (names in `from`), `backward` the NEW ones (names in `to`).
 */
export interface ColumnTransform {
  kind: TransformKind;
  tableId: string;
  /** Ids of the replaced columns in `from`. */
  from: string[];
  /** Ids of the replacing columns in `to`. */
  into: string[];
  /** Per new column id: its value computed from the old columns. */
  forward: Record<string, string>;
  /** Per old column id: its value computed from the new ones, so code on the old shape still reads it after the switch. */
  backward?: Record<string, string>;
}

export type PhaseName = 'expand' | 'switch' | 'contract';

export interface ExpandContractPhase {
  name: PhaseName;
  title: string;
  steps: MigrationStep[];
  /** What the people running it must do or know. */
  notes: string[];
  /** The migration safety lint of this phase's steps against the database before it. */
  lint: MigrationLintResult;
}

export interface ExpandContractPlan {
  dialect: Dialect;
  label: string;
  transforms: ColumnTransform[];
  phases: ExpandContractPhase[];
}

export interface ExpandContractOptions extends MigrationOptions {
  /** Split and merge transforms (they cannot be told from a drop and an add). Renames and type changes are found from the ids. */
  transforms?: ColumnTransform[];
  /** Rows per backfill batch. Default 10,000. */
  batchSize?: number;
}

/** The suffix of a new column's name while the old one still holds it (a type change keeps the name). */
export const TRANSITIONAL_SUFFIX = '_new';

/** Renames and type changes of kept columns (not widenings), with casts both ways. */
export function detectTransforms(from: SchemaDocument, to: SchemaDocument, dialect: Dialect, options: MigrationOptions = {}): ColumnTransform[] {
  const a = sideOf(from, dialect, options);
  const b = sideOf(to, dialect, options);
  const casts = dialectSpec(dialect).migration.typeChangeUsing;
  const out: ColumnTransform[] = [];
  for (const ta of Object.values(from.tables)) {
    const tb = to.tables[ta.id];
    if (!tb) continue;
    ta.columns.forEach((ca, ia) => {
      const ib = tb.columns.findIndex((c) => c.id === ca.id);
      if (ib < 0) return;
      const cb = tb.columns[ib];
      if (ca.generated || cb.generated) return;
      const oldType = resolveColumnTypeQuietly(a.ctx, ta, ia).sql;
      const newType = resolveColumnTypeQuietly(b.ctx, tb, ib).sql;
      const renamed = ca.name !== cb.name;
      const retyped = oldType !== newType;
      if (!renamed && !retyped) return;
      // A widening (longer varchar, varchar -> text) changes no stored value and keeps old code
      // working: done in place by the contract phase, not expanded.
      if (!renamed && noRewrite(oldType, newType)) return;
      // Enums convert through text; MySQL converts on assignment (its CAST knows few target types).
      const cast = (name: string, enumSide: boolean, type: string) => (retyped && casts ? `{${name}}${enumSide ? '::text' : ''}::${type}` : `{${name}}`);
      const enums = ca.type.kind === 'enum' || cb.type.kind === 'enum';
      out.push({
        kind: renamed && retyped ? 'rename and type' : renamed ? 'rename' : 'type',
        tableId: ta.id,
        from: [ca.id],
        into: [cb.id],
        forward: { [cb.id]: cast(ca.name, enums, newType) },
        backward: { [ca.id]: cast(cb.name, enums, oldType) },
      });
    });
  }
  return out;
}

/** The three phases from `from` to `to` for the given dialect. */
export function planExpandContract(from: SchemaDocument, to: SchemaDocument, dialect: Dialect, options: ExpandContractOptions = {}): ExpandContractPlan {
  const spec = dialectSpec(dialect);
  const target = options.target && spec.targets.includes(options.target) ? options.target : spec.defaultTarget;
  const label = spec.capabilities(target).label;
  const transforms = [...detectTransforms(from, to, dialect, options), ...(options.transforms ?? [])];
  for (const t of transforms) validateTransform(from, to, t);
  const docs = phaseDocuments(from, to, transforms);
  const plan = { dialect, label };
  const facts = spec.migration;

  // Expand: new columns, dual write, backfill.
  const expandSteps = planSteps(from, docs.expanded, dialect, options);
  const ctx = sideOf(docs.expanded, dialect, options).ctx;
  const q = (name: string) => ctx.q(name);
  const notes: string[] = [];
  for (const t of transforms) {
    const table = docs.expanded.tables[t.tableId];
    const names = namesOf(from, to, docs, t);
    const element: StepElement = { kind: 'table', id: table.id, name: table.name };
    const step = (kind: MigrationStep['kind'], sql: string, extras: Partial<MigrationStep> = {}): MigrationStep => ({ kind, sql, element, transactional: facts.transactionalDdl, destructive: false, lock: facts.locks[kind], ...extras });
    const fn = triggerName(table, t, spec);
    const qualifiedFn = ctx.qualified({ name: fn, schemaId: table.schemaId });
    const trigger = dualWriteTrigger(q, ctx.qualified(table), qualifiedFn, ctx.q(fn), t, names);
    if (facts.dualWrite === 'plpgsql-trigger') {
      expandSteps.push(step('trigger.create', trigger.fn, { notes: ['keeps old and new columns in step while code on either shape writes'] }));
      expandSteps.push(step('trigger.create', trigger.create));
    } else {
      const reason = `${label}: write both shapes from the application while old and new code run side by side (or add BEFORE INSERT and BEFORE UPDATE triggers that SET NEW.<new> from NEW.<old>); the backfill below catches up rows written before`;
      const forward = names.forward(q);
      const writes = names.into.map((c, i) => `${q(c)} = ${forward[i]}`).join(', ');
      expandSteps.push(step('trigger.create', commentedOut(reason, `on every INSERT and UPDATE of ${ctx.qualified(table)}: SET ${writes}`), { commented: reason }));
      notes.push(`${table.name}: keep ${names.into.join(', ')} written from ${names.from.join(', ')} (the application, or BEFORE INSERT / BEFORE UPDATE triggers).`);
    }
    expandSteps.push(step('data.backfill', backfillSql(facts.batchedUpdate, q, ctx.qualified(table), t, names, options.batchSize ?? 10_000), {
      transactional: false,
      notes: ['one batch: run it again until it updates 0 rows (each batch commits on its own, row locks only)'],
    }));
    notes.push(`${table.name}: run the backfill of ${names.into.join(', ')} until it updates 0 rows.`);
  }

  // Contract: the trigger goes, then the old columns, then the final shape.
  const contractSteps: MigrationStep[] = [];
  if (facts.dualWrite === 'plpgsql-trigger') {
    for (const t of transforms) {
      const table = docs.expanded.tables[t.tableId];
      const fn = triggerName(table, t, spec);
      const element: StepElement = { kind: 'table', id: table.id, name: table.name };
      const kind = 'trigger.drop' as const;
      contractSteps.push({ kind, sql: `DROP TRIGGER IF EXISTS ${ctx.q(fn)} ON ${ctx.qualified(table)}`, element, transactional: true, destructive: false, lock: facts.locks[kind] });
      contractSteps.push({ kind, sql: `DROP FUNCTION IF EXISTS ${ctx.qualified({ name: fn, schemaId: table.schemaId })}()`, element, transactional: true, destructive: false, lock: facts.locks[kind] });
    }
  }
  contractSteps.push(...planSteps(docs.sameAsExpanded, docs.transitional, dialect, options), ...planSteps(docs.transitional, to, dialect, options));

  const renamedLater = transforms.flatMap((t) => t.into.filter((id) => transitionalName(from, to, t, id) !== columnOf(to, t.tableId, id).name).map((id) => `${transitionalName(from, to, t, id)} -> ${columnOf(to, t.tableId, id).name}`));
  const phases: ExpandContractPhase[] = [
    { name: 'expand', title: 'Expand: add the new shape beside the old', steps: expandSteps, notes, lint: lintSteps(plan, expandSteps, from) },
    {
      name: 'switch',
      title: 'Switch: deploy code that reads and writes the new shape',
      steps: [],
      notes: [
        `Deploy code that reads and writes ${transforms.map((t) => namesOf(from, to, docs, t).into.map((n) => `${docs.expanded.tables[t.tableId].name}.${n}`).join(', ')).join('; ')} once the backfill is done.`,
        'Code on the old shape keeps working until the contract phase: the dual write keeps the old columns filled.',
        ...(renamedLater.length ? [`The contract phase renames ${renamedLater.join(', ')} (the final name was taken by the old column): code must be deployed again to read the final name, or read through a view.`] : []),
      ],
      lint: { findings: [], counts: { error: 0, warning: 0, info: 0 } },
    },
    { name: 'contract', title: 'Contract: drop the old shape', steps: contractSteps, notes: ['Run only when no running code reads or writes the old columns.'], lint: lintSteps(plan, contractSteps, docs.sameAsExpanded) },
  ];
  return { dialect, label, transforms, phases };
}

/** One phase as an SQL script, with its notes as comments at the top. */
export function phaseScript(plan: ExpandContractPlan, phase: ExpandContractPhase): string {
  // Notes name tables and columns (user input): one line each, so none ends its comment.
  const head = [`-- Phase ${plan.phases.indexOf(phase) + 1} of ${plan.phases.length}: ${phase.title}`, ...phase.notes.map((n) => `-- ${oneLine(n)}`)].join('\n');
  if (!phase.steps.length) return `${head}\n-- No SQL in this phase.\n`;
  return `${head}\n${migrationScript(plan, phase.steps)}`;
}

// ---------------------------------------------------------------------------------------------

interface PhaseDocuments {
  /** `from` with the new columns added (old ids kept). */
  expanded: SchemaDocument;
  /** The same database with `to`'s ids: a new column replacing a kept id holds that id, the old column a fresh one. */
  sameAsExpanded: SchemaDocument;
  /** `to` with the new columns under their transitional names. */
  transitional: SchemaDocument;
  /** Ids of the new columns in `expanded`, by their id in `to`. */
  expandedId: Map<string, string>;
}

function columnOf(doc: SchemaDocument, tableId: string, id: string): Column {
  const c = doc.tables[tableId]?.columns.find((x) => x.id === id);
  if (!c) throw new Error(`expand/contract: no column ${id} in table ${tableId}`);
  return c;
}

function validateTransform(from: SchemaDocument, to: SchemaDocument, t: ColumnTransform): void {
  if (!from.tables[t.tableId] || !to.tables[t.tableId]) throw new Error(`expand/contract: table ${t.tableId} must be in both versions`);
  if (!t.from.length || !t.into.length) throw new Error(`expand/contract: a ${t.kind} needs old and new columns`);
  for (const id of t.from) columnOf(from, t.tableId, id);
  for (const id of t.into) {
    columnOf(to, t.tableId, id);
    if (t.forward[id] === undefined) throw new Error(`expand/contract: no forward expression for ${columnOf(to, t.tableId, id).name}`);
  }
}

/** A new column's name while both shapes live: its final name, unless an old column still holds it. */
function transitionalName(from: SchemaDocument, to: SchemaDocument, t: ColumnTransform, id: string): string {
  const final = columnOf(to, t.tableId, id).name;
  const taken = new Set(from.tables[t.tableId].columns.map((c) => c.name));
  let name = final;
  while (taken.has(name)) name += TRANSITIONAL_SUFFIX;
  return name;
}

function phaseDocuments(from: SchemaDocument, to: SchemaDocument, transforms: readonly ColumnTransform[]): PhaseDocuments {
  const expandedId = new Map<string, string>();
  const tables = { ...from.tables };
  for (const t of transforms) {
    const table = tables[t.tableId];
    const columns: Column[] = t.into.map((id) => {
      const c = columnOf(to, t.tableId, id);
      const inFrom = Object.values(from.tables).some((x) => x.columns.some((y) => y.id === id));
      const newId = inFrom ? `${id}~x` : id;
      expandedId.set(id, newId);
      // Nullable with no default: code on the old shape inserts without it; the trigger fills it.
      const added: Column = { ...c, id: newId, name: transitionalName(from, to, t, id), nullable: true, default: { kind: 'none' } };
      delete added.identity;
      delete added.generated;
      return added;
    });
    tables[t.tableId] = { ...table, columns: [...table.columns, ...columns] };
  }
  const expanded: SchemaDocument = { ...from, tables };
  // Swap ids where a new column replaces a kept one: every reference to the old column (keys,
  // indexes, foreign keys) now names its fresh id. Ids are opaque and unique, so a quoted match is one.
  let json = JSON.stringify(expanded);
  for (const [id, newId] of expandedId) {
    if (id === newId) continue;
    json = json.split(JSON.stringify(id)).join(JSON.stringify(`${id}~old`)).split(JSON.stringify(newId)).join(JSON.stringify(id));
  }
  const sameAsExpanded = JSON.parse(json) as SchemaDocument;
  const ttables = { ...to.tables };
  for (const t of transforms) {
    const table = ttables[t.tableId];
    ttables[t.tableId] = { ...table, columns: table.columns.map((c) => (t.into.includes(c.id) ? { ...c, name: transitionalName(from, to, t, c.id) } : c)) };
  }
  return { expanded, sameAsExpanded, transitional: { ...to, tables: ttables }, expandedId };
}

interface TransformNames {
  /** Old column names. */
  from: string[];
  /** New column names while both shapes live. */
  into: string[];
  /** `{name}` -> column name in the expanded table, for forward (old names) and backward (final new names). */
  forward: (ref: (col: string) => string) => string[];
  backward?: (ref: (col: string) => string) => string[];
}

function namesOf(from: SchemaDocument, to: SchemaDocument, docs: PhaseDocuments, t: ColumnTransform): TransformNames {
  const table = docs.expanded.tables[t.tableId];
  const expandedName = (id: string) => table.columns.find((c) => c.id === docs.expandedId.get(id))!.name;
  const oldNames = t.from.map((id) => columnOf(from, t.tableId, id).name);
  const intoNames = t.into.map(expandedName);
  // forward names the old columns as in `from`; backward the new ones as in `to` (their final names).
  const oldKnown = new Map(oldNames.map((n) => [n, n]));
  const newKnown = new Map(t.into.map((id) => [columnOf(to, t.tableId, id).name, expandedName(id)]));
  const fill = (sql: string, known: Map<string, string>, ref: (col: string) => string, what: string) =>
    sql.replace(/\{([^{}]+)\}/g, (_, name: string) => {
      const col = known.get(name);
      if (col === undefined) throw new Error(`expand/contract: ${what} expression "${sql}" names {${name}}, which is not one of ${[...known.keys()].join(', ')}`);
      return ref(col);
    });
  const backward = t.backward;
  return {
    from: oldNames,
    into: intoNames,
    forward: (ref) => t.into.map((id) => fill(t.forward[id], oldKnown, ref, 'forward')),
    backward: backward ? (ref) => t.from.map((id) => (backward[id] === undefined ? '' : fill(backward[id], newKnown, ref, 'backward'))) : undefined,
  };
}

/** `<table>_<old columns>_dual_write`, cut to the dialect's identifier limit (PostgreSQL would cut it silently). */
function triggerName(table: Table, t: ColumnTransform, spec: Pick<DialectSpec, 'identifierLimit'>): string {
  let name = `${table.name}_${t.from.map((id) => table.columns.find((c) => c.id === id)?.name ?? id).join('_')}_dual_write`;
  while (identifierLength(spec, name) > spec.identifierLimit.max) name = [...name].slice(0, -1).join('');
  return name;
}

/**
 * PL/pgSQL: on INSERT, code on the old shape leaves the new columns NULL (they are filled from the old
 * ones) and code on the new shape fills them (the old ones are filled back); on UPDATE, whichever side
 * changed wins. A backfill batch writes exactly what forward gives, so it never writes back.
 */
function dualWriteTrigger(q: (n: string) => string, table: string, fn: string, trigger: string, t: ColumnTransform, names: TransformNames): { fn: string; create: string } {
  const NEW = (c: string) => `NEW.${q(c)}`;
  const OLD = (c: string) => `OLD.${q(c)}`;
  const forward = names.forward(NEW);
  const backward = names.backward?.(NEW);
  const setNew = names.into.map((c, i) => `      NEW.${q(c)} := ${forward[i]};`);
  const setOld = backward ? names.from.map((c, i) => (backward[i] ? `      NEW.${q(c)} := ${backward[i]};` : '')).filter(Boolean) : [];
  const anyNewSet = names.into.map((c) => `${NEW(c)} IS NOT NULL`).join(' OR ');
  const oldChanged = names.from.map((c) => `${NEW(c)} IS DISTINCT FROM ${OLD(c)}`).join(' OR ');
  const newChanged = names.into.map((c) => `${NEW(c)} IS DISTINCT FROM ${OLD(c)}`).join(' OR ');
  const notForward = names.into.map((c, i) => `${NEW(c)} IS DISTINCT FROM ${forward[i]}`).join(' OR ');
  const body = [
    'BEGIN',
    "  IF TG_OP = 'INSERT' THEN",
    `    IF ${anyNewSet} THEN`,
    ...(setOld.length ? setOld : ['      NULL;']),
    '    ELSE',
    ...setNew,
    '    END IF;',
    `  ELSIF ${oldChanged} THEN`,
    ...setNew.map((l) => l.slice(2)),
    ...(setOld.length ? [`  ELSIF (${newChanged}) AND (${notForward}) THEN`, ...setOld.map((l) => l.slice(2))] : []),
    '  END IF;',
    '  RETURN NEW;',
    'END',
  ].join('\n');
  return {
    fn: `CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $draftbase$\n${body}\n$draftbase$`,
    create: `CREATE TRIGGER ${trigger} BEFORE INSERT OR UPDATE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
  };
}

function backfillSql(shape: 'ctid-subquery' | 'update-limit', q: (n: string) => string, table: string, t: ColumnTransform, names: TransformNames, batch: number): string {
  const forward = names.forward(q);
  const set = names.into.map((c, i) => `${q(c)} = ${forward[i]}`).join(', ');
  const n = Math.max(1, Math.floor(batch));
  if (shape === 'ctid-subquery') {
    const differs = names.into.map((c, i) => `${q(c)} IS DISTINCT FROM ${forward[i]}`).join(' OR ');
    return `UPDATE ${table} SET ${set} WHERE ctid IN (SELECT ctid FROM ${table} WHERE ${differs} LIMIT ${n})`;
  }
  const differs = names.into.map((c, i) => `NOT (${q(c)} <=> ${forward[i]})`).join(' OR ');
  return `UPDATE ${table} SET ${set} WHERE ${differs} LIMIT ${n}`;
}

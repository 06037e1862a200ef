/**
 * What every step writer shares: the two sides (older `a`, newer `b`), the dialect's migration facts,
 * which elements are kept, added, removed or rebuilt, and the step constructor (lock from the facts,
 * transactional from the facts, commented-out form when the target cannot do it).
 */
import type { LockFact, MigrationFacts, MigrationStepKind } from '../dialects/migration-facts';
import type { Diagnostic } from '../model/diagnostics';
import type { Column, Table } from '../model/document';
import { deepEqual } from '../model/merge/three-way';
import { resolveColumnTypeQuietly } from '../ddl/column-sql';
import { oneLine } from '../ddl/sql-text';
import type { Side } from './sides';
import type { MigrationOptions, MigrationStep, StepElement, StepFacts } from './types';

export interface StepExtras {
  transactional?: boolean;
  destructive?: boolean;
  loses?: string;
  notes?: string[];
  facts?: StepFacts;
  /** The target rejects it (from the generator's diagnostics) or cannot do it: written commented out. */
  commented?: string;
  /** The lock when it differs from the step kind's (an index built CONCURRENTLY). */
  lock?: LockFact;
}

export class Planner {
  readonly facts: MigrationFacts;
  /** Tables whose columns change in a way views and foreign keys reading them must be rebuilt for. */
  readonly touchedTables = new Set<string>();
  /** Tables whose keys (primary key, uniques, unique indexes) are dropped or rebuilt: foreign keys to them are rebuilt. */
  readonly rekeyedTables = new Set<string>();
  /** Columns (by id) whose type changes. */
  readonly retyped = new Set<string>();
  /** Enum ids rebuilt (values removed or reordered; PostgreSQL). */
  readonly rebuiltEnums = new Set<string>();
  /** Constraint and index ids dropped and added again (their SQL changed, or they cannot be renamed). */
  readonly rebuilt = new Set<string>();
  /** Drops written after everything else (an enum's old type after its rebuild). */
  readonly droppedLater: MigrationStep[] = [];

  constructor(
    readonly a: Side,
    readonly b: Side,
    readonly options: MigrationOptions,
  ) {
    this.facts = b.ctx.spec.migration;
  }

  step(kind: MigrationStepKind, sql: string, element: StepElement, extras: StepExtras = {}): MigrationStep {
    // What ALTER TABLE cannot do on this dialect (SQLite) is written commented out with the rebuild it needs.
    const rebuild = this.facts.tableRebuild;
    const commented = extras.commented ?? (rebuild?.kinds.has(kind) ? rebuild.why : undefined);
    const s: MigrationStep = {
      kind,
      sql: commented ? commentedOut(commented, sql) : sql,
      element,
      transactional: extras.transactional ?? this.facts.transactionalDdl,
      destructive: extras.destructive ?? false,
      lock: extras.lock ?? this.facts.locks[kind],
    };
    if (extras.loses) s.loses = extras.loses;
    if (commented) s.commented = commented;
    if (extras.notes?.length) s.notes = extras.notes;
    if (extras.facts) s.facts = extras.facts;
    return s;
  }

  /** Why the newer side's target rejects this statement (its generator diagnostics), if it does. */
  rejectedReason(sql: string): string | undefined {
    const reasons = this.b.rejected.get(sql);
    return reasons ? reasonText(reasons) : undefined;
  }

  q(name: string): string {
    return this.b.ctx.q(name);
  }

  private kept: [Table, Table][] | undefined;
  private changedKept: [Table, Table][] | undefined;

  /** Tables in both versions. */
  keptTables(): [Table, Table][] {
    if (!this.kept) {
      this.kept = [];
      for (const ta of Object.values(this.a.doc.tables)) {
        const tb = this.b.doc.tables[ta.id];
        if (tb) this.kept.push([ta, tb]);
      }
    }
    return this.kept;
  }

  /**
   * Tables in both versions whose definition changed. Edits share what they leave alone (the model's
   * commands are immutable updates), so an untouched table is the same object: skipped at no cost.
   */
  changedTables(): [Table, Table][] {
    if (!this.changedKept) {
      // A changed enum or domain changes the columns of its type too (MySQL writes enums inline).
      const types = new Set<string>();
      for (const [id, e] of Object.entries(this.b.doc.enums)) if (e !== this.a.doc.enums[id] && !deepEqual(e, this.a.doc.enums[id])) types.add(id);
      for (const [id, d] of Object.entries(this.b.doc.domains)) if (d !== this.a.doc.domains[id] && !deepEqual(d, this.a.doc.domains[id])) types.add(id);
      const usesChangedType = (t: Table) => types.size > 0 && t.columns.some((c) => (c.type.kind === 'enum' && types.has(c.type.enumId)) || (c.type.kind === 'domain' && types.has(c.type.domainId)));
      this.changedKept = this.keptTables().filter(([ta, tb]) => (ta !== tb && !deepEqual(ta, tb)) || usesChangedType(ta));
    }
    return this.changedKept;
  }

  /** Columns in both versions of a kept table, with their positions. */
  keptColumns(ta: Table, tb: Table): { ca: Column; cb: Column; ia: number; ib: number }[] {
    const pos = new Map(tb.columns.map((c, i) => [c.id, i]));
    const out: { ca: Column; cb: Column; ia: number; ib: number }[] = [];
    ta.columns.forEach((ca, ia) => {
      const ib = pos.get(ca.id);
      if (ib !== undefined) out.push({ ca, cb: tb.columns[ib], ia, ib });
    });
    return out;
  }

  /**
   * The column's type as each side writes it, compared by identity: an enum or domain by id (a
   * renamed enum is the same type), a scalar by its SQL, arrays by dimensions.
   */
  typeChanged(ta: Table, ca: Column, ia: number, tb: Table, cb: Column, ib: number): boolean {
    if ((ca.arrayDims ?? 0) !== (cb.arrayDims ?? 0)) return true;
    if (ca.type.kind !== cb.type.kind) return true;
    if (ca.type.kind === 'enum' && cb.type.kind === 'enum') return ca.type.enumId !== cb.type.enumId;
    if (ca.type.kind === 'domain' && cb.type.kind === 'domain' && this.b.ctx.caps.domains) return ca.type.domainId !== cb.type.domainId;
    return resolveColumnTypeQuietly(this.a.ctx, ta, ia).sql !== resolveColumnTypeQuietly(this.b.ctx, tb, ib).sql || !deepEqual(ca.collation, cb.collation);
  }

  /** `tables.<id>` element of a table of the newer side (or the older one, when removed). */
  tableElement(t: Table): StepElement {
    return { kind: 'table', id: t.id, name: t.name };
  }

  columnElement(t: Table, c: Column): StepElement {
    return { kind: 'column', id: c.id, tableId: t.id, name: `${t.name}.${c.name}` };
  }
}

export function reasonText(reasons: readonly Diagnostic[]): string {
  return reasons.map((d) => `${d.severity} [${d.code}] ${oneLine(d.message)}`).join('; ');
}

/** `sql` as comment lines under its reason: a statement the target cannot run, kept for the reader. */
export function commentedOut(reason: string, sql: string): string {
  const lines = [`-- Not applied by Draftbase: ${oneLine(reason)}`];
  for (const line of sql.split(/\r\n|\r|\n|\u2028|\u2029/)) lines.push(`-- ${line}`);
  return lines.join('\n');
}

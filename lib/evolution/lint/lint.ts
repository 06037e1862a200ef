/**
 * The migration safety lint: every step of a plan against the rules (rules.ts), each finding with the
 * lock the step takes on PostgreSQL and on MySQL (lib/dialects/migration-facts.ts) and, where the
 * table declares its volume (lib/workload volumesOf), how long that lock could last at that size.
 *
 * Lock times are estimates from stated throughputs (THROUGHPUT below): a full rewrite copies rows and
 * rebuilds every index, a validation scan only reads. Real numbers depend on row width, indexes,
 * hardware and load; the finding says which throughput it assumed.
 */
import { MYSQL_MIGRATION, POSTGRES_MIGRATION, type LockFact } from '../../dialects/migration-facts';
import { dialectSpec } from '../../dialects/dialects';
import type { SchemaDocument } from '../../model/document';
import { volumesOf } from '../../workload/types';
import type { MigrationPlan, MigrationStep } from '../types';
import { MIGRATION_RULES, type LintSeverity, type MigrationRule } from './rules';

/** Rows per second assumed for the lock-time estimates (a mid-size server, rows of a few hundred bytes). */
export const THROUGHPUT = { rewrite: 100_000, scan: 1_000_000, indexBuild: 300_000 } as const;

export interface LockEstimate {
  rows: number;
  /** `rows now` or `rows in 5 years`. */
  basis: string;
  seconds: number;
  /** The throughput assumed, e.g. `a rewrite at 100,000 rows/s`. */
  assumption: string;
}

export interface MigrationFinding {
  rule: string;
  title: string;
  severity: LintSeverity;
  /** Position of the step in the list linted. */
  stepIndex: number;
  step: Pick<MigrationStep, 'kind' | 'element' | 'sql'>;
  message: string;
  safer: string;
  /** The lock this kind of step takes on each dialect. */
  locks: { postgres: LockFact; mysql: LockFact };
  /** At the table's declared volume, on the plan's dialect: how long the lock could last. */
  estimate?: { now?: LockEstimate; in5y?: LockEstimate };
  sources: readonly string[];
}

export interface MigrationLintResult {
  findings: MigrationFinding[];
  counts: Record<LintSeverity, number>;
}

export interface MigrationLintOptions {
  /** Rules to run (default: all). */
  rules?: readonly MigrationRule[];
}

/**
 * Lints steps that take `before` to the next version (the up script: `before` = the older document;
 * the down script: the newer one). Steps on tables that did not exist before touch no live rows.
 */
export function lintSteps(plan: Pick<MigrationPlan, 'dialect' | 'label'>, steps: readonly MigrationStep[], before: SchemaDocument, options: MigrationLintOptions = {}): MigrationLintResult {
  const spec = dialectSpec(plan.dialect);
  const facts = spec.migration;
  const volumes = volumesOf(before);
  const findings: MigrationFinding[] = [];
  const rules = options.rules ?? MIGRATION_RULES;
  steps.forEach((step, stepIndex) => {
    const tableId = step.element.tableId ?? (step.element.kind === 'table' ? step.element.id : undefined);
    const existingTable = tableId !== undefined && before.tables[tableId] !== undefined;
    const ctx = { step, label: plan.label, existingTable, concurrentIndexes: facts.concurrentIndexes, onlineDdl: !facts.transactionalDdl, volatileFunctions: facts.volatileFunctions, q: spec.quoteIdentifier };
    for (const rule of rules) {
      const hit = rule.check(ctx);
      if (!hit) continue;
      const finding: MigrationFinding = {
        rule: rule.id,
        title: rule.title,
        severity: rule.severity,
        stepIndex,
        step: { kind: step.kind, element: step.element, sql: step.sql },
        message: hit.message,
        safer: hit.safer,
        locks: { postgres: POSTGRES_MIGRATION.locks[step.kind], mysql: MYSQL_MIGRATION.locks[step.kind] },
        sources: rule.sources,
      };
      const v = tableId ? volumes[tableId] : undefined;
      const estimate = v && existingTable ? lockEstimate(step, v.rowsNow, v.rowsIn5y) : undefined;
      if (estimate) finding.estimate = estimate;
      findings.push(finding);
    }
  });
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return { findings, counts };
}

/** Lints a plan's up script against its older document. */
export function lintMigration(plan: MigrationPlan, from: SchemaDocument, options: MigrationLintOptions = {}): MigrationLintResult {
  return lintSteps(plan, plan.up, from, options);
}

function lockEstimate(step: MigrationStep, now: number | undefined, in5y: number | undefined): MigrationFinding['estimate'] | undefined {
  const lock = step.lock;
  if (lock.blocks === 'nothing' && !lock.rewrite) return undefined;
  const [rate, what] = lock.rewrite ? [THROUGHPUT.rewrite, 'a table rewrite'] : step.kind === 'index.create' || step.kind === 'unique.add' || step.kind === 'primary-key.add' ? [THROUGHPUT.indexBuild, 'an index build'] : lock.scan ? [THROUGHPUT.scan, 'a validation scan'] : [0, ''];
  if (!rate) return undefined;
  const one = (rows: number | undefined, basis: string): LockEstimate | undefined => (rows === undefined ? undefined : { rows, basis, seconds: rows / rate, assumption: `${what} at ${rate.toLocaleString('en-US')} rows/s` });
  const out = { now: one(now, 'rows now'), in5y: one(in5y, 'rows in 5 years') };
  return out.now || out.in5y ? out : undefined;
}

export function formatDuration(seconds: number): string {
  if (seconds < 1) return 'under a second';
  if (seconds < 90) return `~${Math.round(seconds)} s`;
  if (seconds < 5400) return `~${Math.round(seconds / 60)} min`;
  return `~${(seconds / 3600).toFixed(1)} h`;
}

/** `ACCESS EXCLUSIVE, blocks reads and writes, rewrites the table`. */
export function lockText(l: LockFact): string {
  const parts = [l.lock, l.blocks === 'nothing' ? 'blocks nothing' : `blocks ${l.blocks}`];
  if (l.rewrite) parts.push('rewrites the table');
  if (l.scan) parts.push('scans the table');
  if (l.online) parts.push(`online: ${l.online}`);
  return parts.join(', ');
}

/** squawk/Atlas-style text: one block per finding, a summary line last. */
export function formatLintText(result: MigrationLintResult, name = 'migration'): string {
  const out: string[] = [];
  for (const f of result.findings) {
    const first = f.step.sql.split('\n').find((l) => !l.startsWith('--')) ?? f.step.sql.split('\n')[0];
    out.push(`${name}:step ${f.stepIndex + 1}: ${f.severity}: ${f.rule}: ${f.message}`);
    out.push(`  ${first.length > 160 ? `${first.slice(0, 157)}...` : first}`);
    out.push(`  PostgreSQL: ${lockText(f.locks.postgres)}`);
    out.push(`  MySQL: ${lockText(f.locks.mysql)}`);
    if (f.estimate) {
      const e = [f.estimate.now, f.estimate.in5y].filter((x): x is LockEstimate => !!x);
      out.push(`  lock time: ${e.map((x) => `${formatDuration(x.seconds)} at ${x.rows.toLocaleString('en-US')} ${x.basis}`).join('; ')} (assumed: ${e[0].assumption})`);
    }
    out.push(`  safer: ${f.safer}`);
    out.push(`  see: ${f.sources.join('; ')}`);
    out.push('');
  }
  const c = result.counts;
  out.push(`${result.findings.length ? `${c.error} error(s), ${c.warning} warning(s), ${c.info} note(s)` : 'no findings'} in ${name}`);
  return `${out.join('\n')}\n`;
}

'use client';
/**
 * The Migration tab of a comparison: the up and down scripts from one side to the other per dialect
 * (PostgreSQL's CONCURRENTLY option where the dialect builds indexes concurrently), each step with the
 * lint findings beside it (lock, risk, safer way, rule sources), and downloads as plain SQL.
 */
import { useMemo, useState } from 'react';
import { dialectSchema, type Dialect } from '@/lib/model/document';
import { dialectSpec } from '@/lib/dialects/dialects';
import { planMigration, migrationScript, type MigrationStep } from '@/lib/evolution/plan';
import { formatDuration, lintMigration, lintSteps, type MigrationFinding } from '@/lib/evolution/lint/lint';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/styles';
import { slug, type Side } from './review';

type Direction = 'up' | 'down';

const SEVERITY_STYLE = {
  error: 'border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950',
  warning: 'border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950',
  info: 'border-slate-300 bg-slate-50 dark:border-slate-700 dark:bg-slate-900',
} as const;

function download(fileName: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/sql;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function MigrationTab({ from, to }: { from: Side; to: Side }) {
  const [dialect, setDialect] = useState<Dialect>(to.doc.settings.dialect);
  const [concurrent, setConcurrent] = useState(true);
  const [direction, setDirection] = useState<Direction>('up');
  const spec = dialectSpec(dialect);
  const canConcurrent = spec.migration.concurrentIndexes;
  const result = useMemo(() => {
    try {
      const plan = planMigration(from.doc, to.doc, dialect, { concurrentIndexes: canConcurrent && concurrent });
      const up = { steps: plan.up, script: migrationScript(plan, plan.up, { direction: 'up' }), lint: lintMigration(plan, from.doc) };
      const down = { steps: plan.down, script: migrationScript(plan, plan.down, { direction: 'down' }), lint: lintSteps(plan, plan.down, to.doc) };
      return { plan, up, down };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }, [from.doc, to.doc, dialect, concurrent, canConcurrent]);

  const base = `${slug(from.label)}-to-${slug(to.label)}.${dialect}`;
  if ('error' in result) return <p className="p-4 text-sm text-red-600">Could not plan the migration: {result.error}</p>;
  const shown = result[direction];
  const byStep = new Map<number, MigrationFinding[]>();
  for (const f of shown.lint.findings) byStep.set(f.stepIndex, [...(byStep.get(f.stepIndex) ?? []), f]);

  return (
    <div className="flex h-full flex-col overflow-hidden" data-testid="migration-tab" data-dialect={dialect}>
      <div className="flex flex-wrap items-center gap-3 border-b border-slate-200 p-2 text-sm dark:border-slate-800">
        <span className="font-medium">
          {from.label} → {to.label}
        </span>
        <label className="flex items-center gap-1">
          Dialect
          <select aria-label="Migration dialect" data-testid="migration-dialect" className="rounded border border-slate-300 px-1 dark:border-slate-600 dark:bg-slate-900" value={dialect} onChange={(e) => setDialect(dialectSchema.parse(e.target.value))}>
            {dialectSchema.options.map((d) => (
              <option key={d} value={d}>
                {dialectSpec(d).label}
              </option>
            ))}
          </select>
        </label>
        {canConcurrent && (
          <label className="flex items-center gap-1" title="CREATE / DROP INDEX CONCURRENTLY on tables that already exist: no write lock, run outside a transaction">
            <input type="checkbox" data-testid="migration-concurrently" checked={concurrent} onChange={(e) => setConcurrent(e.target.checked)} />
            Build indexes CONCURRENTLY
          </label>
        )}
        <div role="tablist" aria-label="Direction" className="flex rounded border border-slate-200 p-0.5 dark:border-slate-700">
          {(['up', 'down'] as const).map((d) => (
            <button key={d} type="button" role="tab" aria-selected={direction === d} onClick={() => setDirection(d)} className={cx('rounded px-2', direction === d && 'bg-slate-200 dark:bg-slate-700')} data-testid={`migration-direction-${d}`}>
              {d === 'up' ? `Up (${result.up.steps.length})` : `Down (${result.down.steps.length})`}
            </button>
          ))}
        </div>
        <span className="text-xs text-slate-500" data-testid="migration-lint-counts">
          {shown.lint.counts.error} errors, {shown.lint.counts.warning} warnings, {shown.lint.counts.info} notes
        </span>
        <span className="ml-auto flex gap-1">
          <Button data-testid="migration-download-up" onClick={() => download(`${base}.up.sql`, result.up.script)}>
            Download up.sql
          </Button>
          <Button data-testid="migration-download-down" onClick={() => download(`${base}.down.sql`, result.down.script)}>
            Download down.sql
          </Button>
        </span>
      </div>
      {shown.steps.length === 0 ? (
        <p className="p-4 text-sm text-slate-500">Nothing to migrate: both sides create the same database.</p>
      ) : (
        <ol className="min-h-0 flex-1 overflow-auto p-2 text-xs" data-testid="migration-steps">
          {shown.steps.map((step, i) => (
            <StepRow key={i} step={step} findings={byStep.get(i) ?? []} />
          ))}
        </ol>
      )}
    </div>
  );
}

function StepRow({ step, findings }: { step: MigrationStep; findings: MigrationFinding[] }) {
  return (
    <li className="grid grid-cols-[minmax(0,3fr)_minmax(0,2fr)] gap-2 border-b border-slate-100 py-1.5 dark:border-slate-800" data-testid="migration-step" data-kind={step.kind}>
      <div className="min-w-0">
        <div className="mb-0.5 text-[11px] text-slate-500">
          {step.kind} · {step.element.name} · lock: {step.lock.lock} (blocks {step.lock.blocks})
          {!step.transactional && ' · outside a transaction'}
          {step.destructive && <span className="ml-1 font-medium text-red-600"> LOSES DATA{step.loses ? `: ${step.loses}` : ''}</span>}
        </div>
        <pre className="whitespace-pre-wrap break-all font-mono">{step.sql};</pre>
        {step.notes?.map((n) => (
          <p key={n} className="text-[11px] text-slate-500">
            {n}
          </p>
        ))}
      </div>
      <div className="flex min-w-0 flex-col gap-1">
        {findings.map((f, j) => (
          <div key={j} className={cx('rounded border p-1', SEVERITY_STYLE[f.severity])} data-testid="migration-finding" data-rule={f.rule} data-severity={f.severity}>
            <div className="font-medium">{f.title}</div>
            <div>{f.message}</div>
            {f.estimate?.now && <div className="text-[11px]">At {f.estimate.now.rows.toLocaleString('en-US')} rows: about {formatDuration(f.estimate.now.seconds)} ({f.estimate.now.assumption}).</div>}
            <div className="text-[11px]">Safer: {f.safer}</div>
            <div className="text-[10px] text-slate-500">{f.sources.join(' · ')}</div>
          </div>
        ))}
      </div>
    </li>
  );
}

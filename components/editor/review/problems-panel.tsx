'use client';
/**
 * The Problems panel: the design review's open findings, grouped by rule or by table and filtered by
 * severity and text; a click selects and shows the element; Apply fix runs the finding's command (one
 * undo step); Waive… asks for a rationale; accepted risks and stale waivers below. The review itself
 * runs in review-model.ts whether the panel is open or not (the toolbar counts and table markers).
 */
import { useMemo, useState } from 'react';
import type { Command } from '@/lib/model/commands/apply';
import { filterFindings, groupFindings, type GroupBy } from '@/lib/review/report/problems';
import { targetLabel } from '@/lib/review/report/targets';
import { severities, type Finding, type FindingTarget, type Severity } from '@/lib/review/types';
import { IconButton } from '@/components/ui/button';
import { controlClass, cx } from '@/components/ui/styles';
import { useEditor, useEditorStore } from '../store/editor-store';
import { useToast } from '../toast';
import { useReview } from './review-model';
import { ProblemGroup } from './problem-group';
import type { ProblemActions } from './problem-item';
import { SEVERITY_LABEL, SeverityIcon } from './severity';
import { WaiveDialog } from './waive-dialog';
import { WaivedList } from './waived-list';
import { RulesDialog } from './rules-dialog';
import { decisionFromWaiver } from '@/lib/review/waiver-decision';
import { newId } from '@/lib/model/ids';

export interface ProblemsPanelProps {
  /** Selects the finding's element and brings it into view (the editor shell owns the viewport). */
  onFocus: (target: FindingTarget) => void;
  onClose?: () => void;
  className?: string;
}

export function ProblemsPanel({ onFocus, onClose, className }: ProblemsPanelProps) {
  const store = useEditorStore();
  const toast = useToast();
  const doc = useEditor((s) => s.doc);
  const run = useReview((s) => s.run);
  const pending = useReview((s) => s.pending);
  const [groupBy, setGroupBy] = useState<GroupBy>('rule');
  const [shown, setShown] = useState<ReadonlySet<Severity>>(new Set(severities));
  const [text, setText] = useState('');
  const [waiving, setWaiving] = useState<Finding>();
  const [rulesOpen, setRulesOpen] = useState(false);

  const result = run?.result;
  const groups = useMemo(
    () => (result ? groupFindings(filterFindings(result.findings, doc, { severities: shown, text }), doc, groupBy) : []),
    [result, doc, shown, text, groupBy],
  );

  const dispatch = (command: Command) => {
    const r = store.getState().dispatch(command);
    if ('error' in r) toast(r.error, 'error');
    return !('error' in r);
  };
  const actions: ProblemActions = {
    focus: (f) => onFocus(f.target),
    applyFix: (f) => {
      if (f.fix && dispatch(f.fix.command)) toast(`${f.fix.title}. Undo (Ctrl+Z) takes it back.`);
    },
    waive: setWaiving,
  };
  const toggleSeverity = (s: Severity) => {
    const next = new Set(shown);
    if (next.has(s)) next.delete(s);
    else next.add(s);
    setShown(next);
  };

  return (
    <section
      aria-label="Problems"
      data-testid="problems-panel"
      data-reviewed-on={run?.where}
      data-review-ms={run ? run.ms.toFixed(1) : undefined}
      aria-busy={pending}
      className={cx('flex h-full min-h-0 flex-col bg-white text-xs text-slate-900 dark:bg-slate-950 dark:text-slate-100', className)}
    >
      <header className="flex flex-wrap items-center gap-1.5 border-b border-slate-200 px-2 py-1 dark:border-slate-700">
        <h2 className="text-xs font-semibold">Problems</h2>
        <div role="group" aria-label="Severities shown" className="flex gap-0.5">
          {severities.map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={shown.has(s)}
              data-testid="problems-severity-filter"
              data-severity={s}
              onClick={() => toggleSeverity(s)}
              className={cx('inline-flex items-center gap-0.5 rounded border px-1 tabular-nums', shown.has(s) ? 'border-slate-300 dark:border-slate-600' : 'border-transparent opacity-40')}
              title={`${shown.has(s) ? 'Hide' : 'Show'} ${SEVERITY_LABEL[s].many}`}
            >
              <SeverityIcon severity={s} />
              {result?.counts[s] ?? 0}
            </button>
          ))}
        </div>
        <div role="radiogroup" aria-label="Group by" className="flex rounded border border-slate-200 p-px dark:border-slate-700">
          {(['rule', 'table'] as const).map((g) => (
            <button key={g} type="button" role="radio" aria-checked={groupBy === g} data-testid={`problems-group-by-${g}`} onClick={() => setGroupBy(g)} className={cx('rounded px-1', groupBy === g && 'bg-slate-200 font-medium dark:bg-slate-700')}>
              By {g}
            </button>
          ))}
        </div>
        <input type="search" aria-label="Filter problems" placeholder="Filter" data-testid="problems-filter" className={cx(controlClass, 'flex-1')}
          style={{ minWidth: '6rem' }} value={text} onChange={(e) => setText(e.target.value)} />
        <button type="button" className="rounded px-1 hover:bg-slate-100 dark:hover:bg-slate-800" data-testid="problems-rules" onClick={() => setRulesOpen(true)} title="Turn rules on or off, change their severity">
          Rules…
        </button>
        {onClose && (
          <IconButton label="Close Problems panel" onClick={onClose}>
            ✕
          </IconButton>
        )}
      </header>
      {run?.failure && (
        <p role="alert" className="border-b border-red-300 bg-red-50 px-2 py-1 text-red-700 dark:border-red-800 dark:bg-red-950 dark:text-red-300">
          The design review failed: {run.failure}
        </p>
      )}
      <div className="min-h-0 flex-1 overflow-y-auto" data-testid="problems-list">
        {!result ? (
          <p className="px-2 py-1 text-slate-500">Reviewing…</p>
        ) : groups.length === 0 ? (
          <p className="px-2 py-1 text-slate-500" data-testid="problems-empty">
            {result.findings.length ? 'No problem matches the filter.' : 'No problems: every enabled rule passes.'}
          </p>
        ) : (
          groups.map((g) => <ProblemGroup key={`${groupBy}:${g.key}`} group={g} doc={doc} actions={actions} byRule={groupBy === 'rule'} />)
        )}
        {result && <WaivedList waived={result.waived} stale={result.staleWaivers} doc={doc} onReopen={(key) => dispatch({ type: 'review.unwaive', key })} />}
      </div>
      {waiving && (
        <WaiveDialog
          finding={waiving}
          label={targetLabel(waiving.target, doc)}
          onCancel={() => setWaiving(undefined)}
          onWaive={(waiver, asDecision) => {
            const waive = { type: 'review.waive', waiver } as const;
            const command = asDecision
              ? { type: 'batch' as const, label: 'Waive finding and record the decision', commands: [waive, { type: 'governance.decision.add' as const, decision: decisionFromWaiver(newId('adr'), waiving, waiver, targetLabel(waiving.target, doc)) }] }
              : waive;
            if (dispatch(command)) setWaiving(undefined);
          }}
        />
      )}
      {rulesOpen && <RulesDialog onClose={() => setRulesOpen(false)} />}
    </section>
  );
}

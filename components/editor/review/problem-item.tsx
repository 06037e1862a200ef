'use client';
/** One open finding: its severity, message and element (click: select and show it), Apply fix, Waive…. */
import type { SchemaDocument } from '@/lib/model/document';
import { targetLabel } from '@/lib/review/report/targets';
import type { Finding } from '@/lib/review/types';
import { Button } from '@/components/ui/button';
import { useEditor } from '../store/editor-store';
import { SEVERITY_LABEL, SeverityIcon } from './severity';

export interface ProblemActions {
  focus(finding: Finding): void;
  applyFix(finding: Finding): void;
  waive(finding: Finding): void;
}

export function ProblemItem({ finding, doc, actions, showRule }: { finding: Finding; doc: SchemaDocument; actions: ProblemActions; showRule: boolean }) {
  const label = targetLabel(finding.target, doc);
  // Fixing and waiving change the document: not while read-only (the store would refuse them too).
  const readOnly = useEditor((s) => s.readOnly);
  return (
    <li data-testid="problem" data-rule={finding.ruleId} data-severity={finding.severity} data-key={finding.key} className="group flex items-start gap-1.5 px-2 py-0.5 hover:bg-slate-50 dark:hover:bg-slate-900">
      <SeverityIcon severity={finding.severity} className="mt-1" />
      <span className="sr-only">{SEVERITY_LABEL[finding.severity].one}: </span>
      <button type="button" className="min-w-0 flex-1 text-left hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500" onClick={() => actions.focus(finding)} title={`Show ${label}`}>
        <span className="break-words">{finding.message}</span>
        <span className="ml-1 text-[10px] text-slate-500 dark:text-slate-400">
          {showRule ? finding.ruleId : label}
        </span>
      </button>
      <span className="flex shrink-0 gap-1">
        {finding.fix && (
          <Button data-testid="problem-fix" title={readOnly ?? finding.fix.title} disabled={readOnly !== undefined} onClick={() => actions.applyFix(finding)}>
            Apply fix
          </Button>
        )}
        <Button variant="ghost" data-testid="problem-waive" title={readOnly ?? 'Accept as a risk, with a rationale'} disabled={readOnly !== undefined} onClick={() => actions.waive(finding)}>
          Waive…
        </Button>
      </span>
    </li>
  );
}

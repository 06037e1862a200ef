'use client';
/**
 * The accepted risks: each waived finding with its rationale, who accepted it and when, and Reopen
 * (`review.unwaive`); then the stale waivers, whose finding no longer occurs, to remove.
 */
import { useState } from 'react';
import type { SchemaDocument } from '@/lib/model/document';
import type { Waiver } from '@/lib/model/review-config';
import { targetLabel } from '@/lib/review/report/targets';
import type { WaivedFinding } from '@/lib/review/types';
import { Button } from '@/components/ui/button';
import { SeverityIcon } from './severity';

function signed(w: Waiver): string {
  const day = w.at && /^\d{4}-\d{2}-\d{2}T/.test(w.at) ? w.at.slice(0, 10) : w.at;
  return [w.author, day].filter(Boolean).join(', ');
}

export function WaivedList({ waived, stale, doc, onReopen }: { waived: readonly WaivedFinding[]; stale: readonly Waiver[]; doc: SchemaDocument; onReopen: (key: string) => void }) {
  const [open, setOpen] = useState(true);
  if (!waived.length && !stale.length) return null;
  return (
    <section data-testid="waived-section" aria-label="Accepted risks" className="border-t border-slate-200 dark:border-slate-700">
      <button type="button" aria-expanded={open} onClick={() => setOpen(!open)} className="flex w-full items-center gap-1.5 px-2 py-1 text-left font-semibold hover:bg-slate-100 dark:hover:bg-slate-800">
        <span aria-hidden className="inline-block w-2 text-slate-500">{open ? '▾' : '▸'}</span>
        Waived
        <span className="font-normal text-slate-500 dark:text-slate-400">
          {waived.length} accepted{stale.length ? `, ${stale.length} stale` : ''}
        </span>
      </button>
      {open && (
        <ul className="pb-1">
          {waived.map((f) => (
            <li key={f.key} data-testid="waived-finding" data-key={f.key} data-rule={f.ruleId} className="flex items-start gap-1.5 px-3 py-0.5">
              <SeverityIcon severity={f.severity} className="mt-1 opacity-60" />
              <div className="min-w-0 flex-1">
                <p className="break-words text-slate-600 line-through decoration-slate-400 dark:text-slate-400">
                  {f.message} <span className="text-[10px]">{targetLabel(f.target, doc)}</span>
                </p>
                <p className="break-words" data-testid="waiver-rationale">
                  {f.waiver.rationale}
                  {signed(f.waiver) && <span className="ml-1 text-[10px] text-slate-500 dark:text-slate-400">— {signed(f.waiver)}</span>}
                </p>
              </div>
              <Button variant="ghost" data-testid="problem-reopen" title="Remove the waiver: the finding is open again" onClick={() => onReopen(f.key)}>
                Reopen
              </Button>
            </li>
          ))}
          {stale.map((w) => (
            <li key={w.key} data-testid="stale-waiver" data-key={w.key} className="flex items-start gap-1.5 px-3 py-0.5">
              <div className="min-w-0 flex-1">
                <p className="break-words text-slate-600 dark:text-slate-400">
                  No longer occurs: <code className="text-[10px]">{w.ruleId}</code> ({w.key})
                </p>
                <p className="break-words">{w.rationale}</p>
              </div>
              <Button variant="ghost" title="The finding is gone: remove its waiver" onClick={() => onReopen(w.key)}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

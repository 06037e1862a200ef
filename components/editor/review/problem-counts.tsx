'use client';
/** The toolbar's design review counts (the Problems button's text): errors, warnings, notes. */
import { useShallow } from 'zustand/react/shallow';
import { severities } from '@/lib/review/types';
import { countsOf, useReview } from './review-model';
import { SEVERITY_LABEL, SeverityIcon } from './severity';

/**
 * Compact, because the toolbar is full at 1600 px: only the severities that have findings show
 * (`✖ 2 ▲ 5`), a check mark when none has; every count stays in the DOM with `data-count` (tests) and
 * is read out in words.
 */
export function ProblemCounts() {
  const counts = useReview(useShallow(countsOf));
  const pending = useReview((s) => s.run === undefined);
  const none = severities.every((s) => counts[s] === 0);
  return (
    <span className="inline-flex items-center gap-0.5" aria-busy={pending}>
      <span className="sr-only">Problems:</span>
      {none && (
        <span aria-hidden className="text-emerald-600 dark:text-emerald-400">
          ✓
        </span>
      )}
      {severities.map((s) => (
        <span key={s} data-testid="problem-count" data-severity={s} data-count={counts[s]} className={counts[s] ? 'inline-flex items-center tabular-nums' : 'sr-only'}>
          <SeverityIcon severity={s} compact />
          {counts[s]}
          <span className="sr-only"> {counts[s] === 1 ? SEVERITY_LABEL[s].one : SEVERITY_LABEL[s].many},</span>
        </span>
      ))}
    </span>
  );
}

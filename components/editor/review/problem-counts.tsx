'use client';
/** The toolbar's design review counts (the Problems button's text): errors, warnings, notes. */
import { useShallow } from 'zustand/react/shallow';
import { severities } from '@/lib/review/types';
import { countsOf, useReview } from './review-model';
import { SEVERITY_LABEL, SeverityIcon } from './severity';

export function ProblemCounts() {
  const counts = useReview(useShallow(countsOf));
  const pending = useReview((s) => s.run === undefined);
  return (
    <span className="inline-flex items-center gap-1.5" aria-busy={pending}>
      <span className="sr-only">Problems:</span>
      {severities.map((s) => (
        <span key={s} data-testid="problem-count" data-severity={s} data-count={counts[s]} className={`inline-flex items-center gap-0.5 tabular-nums ${counts[s] ? '' : 'opacity-50'}`}>
          <SeverityIcon severity={s} />
          {counts[s]}
          <span className="sr-only"> {counts[s] === 1 ? SEVERITY_LABEL[s].one : SEVERITY_LABEL[s].many},</span>
        </span>
      ))}
    </span>
  );
}

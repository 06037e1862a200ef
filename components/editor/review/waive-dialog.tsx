'use client';
/**
 * "Waive this finding?": the rationale is required (an accepted risk without a reason is not a
 * decision), the name is optional and remembered. Confirming dispatches `review.waive` (one undo step),
 * with the decision record in the same step when asked (lib/review/waiver-decision.ts).
 */
import { useState } from 'react';
import type { Finding } from '@/lib/review/types';
import type { Waiver } from '@/lib/model/review-config';
import { controlClass, labelClass } from '@/components/ui/styles';
import { Modal, buttonClass, primaryButtonClass } from '../dialogs/modal';
import { readAuthor, rememberAuthor } from './author-preference';

export function WaiveDialog({ finding, label, onWaive, onCancel }: { finding: Finding; label: string; onWaive: (waiver: Waiver, asDecision: boolean) => void; onCancel: () => void }) {
  const [rationale, setRationale] = useState('');
  const [author, setAuthor] = useState(readAuthor);
  const [asDecision, setAsDecision] = useState(false);
  const ready = rationale.trim() !== '';
  const submit = () => {
    if (!ready) return;
    rememberAuthor(author.trim());
    onWaive({
      key: finding.key,
      ruleId: finding.ruleId,
      rationale: rationale.trim(),
      ...(author.trim() ? { author: author.trim() } : {}),
      at: new Date().toISOString(),
    }, asDecision);
  };
  return (
    <Modal
      title="Accept this finding as a risk?"
      onClose={onCancel}
      testId="waive-dialog"
      actions={
        <>
          <button type="button" className={buttonClass} onClick={onCancel}>
            Cancel
          </button>
          <button type="button" className={primaryButtonClass} onClick={submit} disabled={!ready} data-testid="waive-confirm">
            Waive
          </button>
        </>
      }
    >
      <p className="mb-1 break-words font-medium">{finding.message}</p>
      <p className="mb-3 text-xs text-slate-500 dark:text-slate-400">
        {finding.ruleId} · {label}
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        className="flex flex-col gap-2"
      >
        <label className="flex flex-col gap-1">
          <span className={labelClass}>Why is this acceptable? (required; shown in DATABASE_DESIGN.md)</span>
          <textarea
            data-testid="waive-rationale"
            className={`${controlClass} min-h-20`}
            value={rationale}
            maxLength={4000}
            autoFocus
            required
            onChange={(e) => setRationale(e.target.value)}
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className={labelClass}>Your name (optional, remembered in this browser)</span>
          <input data-testid="waive-author" className={controlClass} value={author} maxLength={200} onChange={(e) => setAuthor(e.target.value)} />
        </label>
        <label className="flex items-center gap-2 text-xs">
          <input type="checkbox" data-testid="waive-as-decision" checked={asDecision} onChange={(e) => setAsDecision(e.target.checked)} />
          Also record it as a design decision (listed under Key design decisions)
        </label>
      </form>
    </Modal>
  );
}

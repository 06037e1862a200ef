'use client';
/**
 * Status, people and sign-off of the design document (issue 16): draft / in review, authors and
 * reviewers, and the approval a named reviewer gives for a named version. The status shown is the
 * effective one: an approval stops counting as soon as the design changes (lib/model/design-fingerprint.ts).
 */
import { useMemo, useState } from 'react';
import { effectiveStatus } from '@/lib/model/design-fingerprint';
import { useEditor } from '@/components/editor/store/editor-store';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select';
import { CommitTextField } from '@/components/ui/text-field';

const names = (text: string) => [...new Set(text.split(',').map((n) => n.trim()).filter(Boolean))];

export function ReviewSignoff() {
  const doc = useEditor((s) => s.doc);
  const dispatch = useEditor((s) => s.dispatch);
  const g = doc.governance;
  const { status, staleApproval } = useMemo(() => effectiveStatus(doc), [doc]);
  const reviewers = g?.reviewers ?? [];
  const [reviewer, setReviewer] = useState('');
  const [versionName, setVersionName] = useState('');
  const [error, setError] = useState<string>();
  const chosen = reviewers.includes(reviewer) ? reviewer : (reviewers[0] ?? '');

  const run = (command: Parameters<typeof dispatch>[0]) => {
    const result = dispatch(command);
    const message = 'error' in result ? result.error : undefined;
    setError(message);
    return message;
  };

  return (
    <section aria-labelledby="design-signoff-title" className="flex flex-col gap-2" data-testid="design-signoff">
      <h3 id="design-signoff-title" className="text-sm font-semibold">Review and sign-off</h3>
      <p className="text-xs" data-testid="design-status" data-status={status}>
        {status === 'approved' && g?.approval
          ? `Approved by ${g.approval.reviewer} on ${g.approval.at.slice(0, 10)}${g.approval.versionName ? ` for version ${g.approval.versionName}` : ''}.`
          : staleApproval && g?.approval
            ? `Draft: approved by ${g.approval.reviewer} on ${g.approval.at.slice(0, 10)}, but the design changed since; it needs a new review.`
            : status === 'in-review'
              ? 'In review.'
              : 'Draft.'}
      </p>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
        <SelectField
          label="Status"
          value={status === 'approved' ? 'in-review' : status}
          options={[{ value: 'draft', label: 'Draft' }, { value: 'in-review', label: 'In review' }]}
          onValueChange={(v) => run({ type: 'governance.setMeta', changes: { status: v } })}
        />
        <CommitTextField label="Authors" value={(g?.authors ?? []).join(', ')} placeholder="Comma-separated names" onCommit={(t) => run({ type: 'governance.setMeta', changes: { authors: names(t) } })} />
        <CommitTextField label="Reviewers" value={reviewers.join(', ')} placeholder="Comma-separated names" onCommit={(t) => run({ type: 'governance.setMeta', changes: { reviewers: names(t) } })} />
      </div>
      {reviewers.length > 0 ? (
        <div className="flex flex-wrap items-end gap-2">
          <SelectField label="Approve as" value={chosen} options={reviewers.map((r) => ({ value: r, label: r }))} onValueChange={setReviewer} />
          <label className="flex flex-col text-[11px] text-slate-600 dark:text-slate-400">
            Version name (optional)
            <input className="rounded border border-slate-300 px-1.5 py-1 text-xs dark:border-slate-600 dark:bg-slate-900" value={versionName} maxLength={256} onChange={(e) => setVersionName(e.target.value)} data-testid="approve-version" />
          </label>
          <Button variant="primary" data-testid="approve-design" onClick={() => run({ type: 'governance.approve', reviewer: chosen, at: new Date().toISOString(), ...(versionName.trim() ? { versionName: versionName.trim() } : {}) })}>
            Approve the design
          </Button>
        </div>
      ) : (
        <p className="text-[11px] text-slate-500">Name the reviewers to let them approve the design.</p>
      )}
      {error && <p role="alert" className="text-xs text-red-600">{error}</p>}
    </section>
  );
}

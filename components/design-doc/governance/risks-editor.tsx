'use client';
/**
 * Risks and open questions, with owner and status: each edit is one `governance.risk.*` command.
 * Open design-review findings and unserved query patterns join them in the exported document
 * without being typed here.
 */
import type { Risk } from '@/lib/model/governance';
import { elementLabel } from '@/lib/design-doc/governance-sections';
import { newId } from '@/lib/model/ids';
import { useEditor } from '@/components/editor/store/editor-store';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select';
import { CommitTextField } from '@/components/ui/text-field';

const KIND = [{ value: 'risk', label: 'Risk' }, { value: 'question', label: 'Open question' }] as const;
const STATUS = [
  { value: 'open', label: 'Open' },
  { value: 'mitigating', label: 'Mitigating' },
  { value: 'accepted', label: 'Accepted' },
  { value: 'closed', label: 'Closed' },
] as const;
const IMPACT = [{ value: '', label: '—' }, { value: 'low', label: 'Low' }, { value: 'medium', label: 'Medium' }, { value: 'high', label: 'High' }] as const;

export function RisksEditor() {
  const doc = useEditor((s) => s.doc);
  const dispatch = useEditor((s) => s.dispatch);
  const risks = doc.governance?.risks ?? [];
  const update = (id: string, changes: Partial<Omit<Risk, 'id'>>) => {
    const result = dispatch({ type: 'governance.risk.update', riskId: id, changes });
    return 'error' in result ? result.error : undefined;
  };
  return (
    <section aria-labelledby="design-risks-title" className="flex flex-col gap-2" data-testid="design-risks">
      <div className="flex items-center justify-between">
        <h3 id="design-risks-title" className="text-sm font-semibold">Risks and open questions</h3>
        <Button onClick={() => dispatch({ type: 'governance.risk.add', risk: { id: newId('risk'), kind: 'risk', title: `Risk ${risks.length + 1}`, status: 'open' } })}>Add a risk or question</Button>
      </div>
      <p className="text-[11px] text-slate-500">Open design-review findings and query patterns the planner finds unserved are listed with these in the document automatically.</p>
      <ol className="flex flex-col gap-3">
        {risks.map((r) => (
          <li key={r.id} className="rounded border border-slate-200 p-2 dark:border-slate-700" aria-label={`${r.kind === 'question' ? 'Question' : 'Risk'} ${r.title}`} data-testid="risk-record">
            <div className="grid grid-cols-1 gap-2 sm:grid-cols-5">
              <SelectField label="Kind" value={r.kind} options={KIND} onValueChange={(kind) => update(r.id, { kind })} />
              <CommitTextField className="sm:col-span-2" label="Title" value={r.title} onCommit={(t) => (t.trim() ? update(r.id, { title: t.trim() }) : 'A title is required')} />
              <CommitTextField label="Owner" value={r.owner ?? ''} onCommit={(t) => update(r.id, { owner: t.trim() || undefined })} />
              <SelectField label="Status" value={r.status} options={STATUS} onValueChange={(status) => update(r.id, { status })} />
            </div>
            <div className="grid grid-cols-1 gap-2 sm:grid-cols-5">
              <SelectField label="Impact" value={r.impact ?? ''} options={IMPACT} onValueChange={(v) => update(r.id, { impact: v || undefined })} />
              <CommitTextField className="sm:col-span-4" label="Detail" value={r.detail ?? ''} onCommit={(t) => update(r.id, { detail: t.trim() || undefined })} />
            </div>
            {r.element && <p className="mt-1 text-[11px] text-slate-500">About {elementLabel(doc, r.element)}</p>}
            <div className="mt-1 flex justify-end">
              <Button variant="ghost" onClick={() => dispatch({ type: 'governance.risk.remove', riskId: r.id })}>Remove</Button>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

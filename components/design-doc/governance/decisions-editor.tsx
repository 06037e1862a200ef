'use client';
/**
 * Decision records (ADR-style) of the design document: each edit is one `governance.decision.*`
 * command. Decisions are also started from the canvas (the inspector's "Decisions and questions"
 * section) with the element attached; here the architect writes them out.
 */
import type { Decision } from '@/lib/model/governance';
import { alternativesText, parseAlternatives } from '@/lib/model/governance-edit';
import { elementLabel } from '@/lib/design-doc/governance-sections';
import { newId } from '@/lib/model/ids';
import { useEditor } from '@/components/editor/store/editor-store';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select';
import { CommitTextField } from '@/components/ui/text-field';

const STATUS_OPTIONS = [
  { value: 'proposed', label: 'Proposed' },
  { value: 'accepted', label: 'Accepted' },
  { value: 'superseded', label: 'Superseded' },
  { value: 'rejected', label: 'Rejected' },
] as const;

export function DecisionsEditor() {
  const doc = useEditor((s) => s.doc);
  const dispatch = useEditor((s) => s.dispatch);
  const decisions = doc.governance?.decisions ?? [];
  const update = (id: string, changes: Partial<Omit<Decision, 'id'>>) => {
    const result = dispatch({ type: 'governance.decision.update', decisionId: id, changes });
    return 'error' in result ? result.error : undefined;
  };
  const add = () =>
    dispatch({ type: 'governance.decision.add', decision: { id: newId('adr'), title: `Decision ${decisions.length + 1}`, status: 'proposed', date: new Date().toISOString().slice(0, 10), alternatives: [], elements: [] } });
  return (
    <section aria-labelledby="design-decisions-title" className="flex flex-col gap-2" data-testid="design-decisions">
      <div className="flex items-center justify-between">
        <h3 id="design-decisions-title" className="text-sm font-semibold">Decisions</h3>
        <Button onClick={add}>Record a decision</Button>
      </div>
      {decisions.length === 0 && <p className="text-xs text-slate-500">No decisions recorded yet. Record one here, or from a table, relationship, index or area in the inspector.</p>}
      <ol className="flex flex-col gap-3">
        {decisions.map((d, i) => (
          <li key={d.id} className="rounded border border-slate-200 p-2 dark:border-slate-700" aria-label={`Decision ${d.title}`} data-testid="decision-record">
            <p className="mb-1 text-[11px] font-semibold text-slate-500">ADR-{i + 1}</p>
            <div className="grid grid-cols-1 gap-2 sm:grid-cols-4">
              <CommitTextField className="sm:col-span-2" label="Title" value={d.title} onCommit={(t) => (t.trim() ? update(d.id, { title: t.trim() }) : 'A title is required')} />
              <SelectField label="Status" value={d.status} options={STATUS_OPTIONS} onValueChange={(status) => update(d.id, { status })} />
              <CommitTextField label="Date" value={d.date ?? ''} placeholder="YYYY-MM-DD" onCommit={(t) => update(d.id, { date: t.trim() || undefined })} />
            </div>
            {d.elements.length > 0 && (
              <ul className="my-1 flex flex-wrap gap-1" aria-label="Concerns">
                {d.elements.map((e) => (
                  <li key={`${e.kind}:${e.id}`} className="flex items-center gap-1 rounded bg-slate-100 px-1.5 text-[11px] dark:bg-slate-800">
                    {elementLabel(doc, e)}
                    <button type="button" aria-label={`Detach ${elementLabel(doc, e)}`} className="text-slate-500 hover:text-red-600" onClick={() => update(d.id, { elements: d.elements.filter((x) => x !== e) })}>
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <CommitTextField label="Context" multiline rows={2} value={d.context ?? ''} hint="Markdown: what forces the decision" onCommit={(t) => update(d.id, { context: t.trim() || undefined })} />
            <CommitTextField label="Decision" multiline rows={2} value={d.decision ?? ''} onCommit={(t) => update(d.id, { decision: t.trim() || undefined })} />
            <CommitTextField label="Alternatives considered" multiline rows={2} value={alternativesText(d.alternatives)} hint="One per line: option: trade-offs" onCommit={(t) => update(d.id, { alternatives: parseAlternatives(t) })} />
            <CommitTextField label="Consequences" multiline rows={2} value={d.consequences ?? ''} onCommit={(t) => update(d.id, { consequences: t.trim() || undefined })} />
            <div className="mt-1 flex justify-end">
              <Button variant="ghost" onClick={() => dispatch({ type: 'governance.decision.remove', decisionId: d.id })}>Remove</Button>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

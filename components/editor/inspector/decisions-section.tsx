'use client';
/**
 * "Decisions and questions" of one element (issue 16): the decision records that concern it and the
 * questions attached to it, and the two buttons that start one from the canvas — the record is
 * created attached to the element and written out in the Design doc tab.
 */
import { useMemo } from 'react';
import type { ElementRef } from '@/lib/model/governance';
import { draftDecision, draftQuestion, recordsOf } from '@/lib/model/governance-edit';
import { elementLabel } from '@/lib/design-doc/governance-sections';
import { newId } from '@/lib/model/ids';
import { useEditor } from '@/components/editor/store/editor-store';
import { Button } from '@/components/ui/button';
import { Section } from '@/components/ui/section';

export function DecisionsSection({ element }: { element: ElementRef }) {
  const doc = useEditor((s) => s.doc);
  const dispatch = useEditor((s) => s.dispatch);
  const { decisions, risks } = useMemo(() => recordsOf(doc.governance, element), [doc.governance, element]);
  const label = elementLabel(doc, element);
  const count = decisions.length + risks.length;
  return (
    <Section
      title="Decisions and questions"
      count={count}
      actions={
        <>
          <Button onClick={() => dispatch({ type: 'governance.decision.add', decision: draftDecision(newId('adr'), element, label, new Date().toISOString().slice(0, 10)) })}>Record a decision</Button>
          <Button onClick={() => dispatch({ type: 'governance.risk.add', risk: draftQuestion(newId('risk'), element, label) })}>Ask a question</Button>
        </>
      }
    >
      {count === 0 ? (
        <p className="text-[11px] text-slate-500">No decision or question about {label} yet.</p>
      ) : (
        <ul className="flex flex-col gap-0.5 text-xs" data-testid="element-decisions">
          {decisions.map((d) => (
            <li key={d.id}>
              <span className="font-medium">{d.title}</span> <span className="text-slate-500">({d.status})</span>
            </li>
          ))}
          {risks.map((r) => (
            <li key={r.id}>
              <span className="font-medium">{r.title}</span> <span className="text-slate-500">({r.kind === 'question' ? 'question' : 'risk'}, {r.status})</span>
            </li>
          ))}
        </ul>
      )}
      {count > 0 && <p className="text-[11px] text-slate-500">Write them out in the Design doc tab.</p>}
    </Section>
  );
}

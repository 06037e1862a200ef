'use client';
/**
 * The query patterns list: name, SQL or description, frequency and p99 latency target (numbers with
 * unit pickers). Each edit is one `design.queryPattern.*` command. "Check patterns" asks the advisor
 * (POST /api/advise) for each pattern's verdict, shown beside it; checked again after an index is
 * added from a suggestion.
 */
import { useCallback, useState } from 'react';
import { fetchAdvice } from '@/lib/api/advise';
import { apiFetch } from '@/components/editor/api-fetch';
import type { WorkloadAdvice } from '@/lib/workload/advice';
import { PatternVerdictView } from './pattern-verdict';
import type { QueryPattern } from '@/lib/model/document';
import { newId } from '@/lib/model/ids';
import { useEditor, useEditorStore } from '@/components/editor/store/editor-store';
import { Button } from '@/components/ui/button';
import { CommitTextField } from '@/components/ui/text-field';
import { LATENCY_UNITS, RATE_UNITS } from './requirement-units';
import { fromUnitAmount, toUnitAmount, UnitNumberField } from './unit-number-field';

export function QueryPatterns({ advice, onAdvice }: { advice?: WorkloadAdvice; onAdvice: (advice: WorkloadAdvice | undefined) => void }) {
  const patterns = useEditor((s) => s.doc.design.queryPatterns);
  const dispatch = useEditor((s) => s.dispatch);
  const store = useEditorStore();
  const [checking, setChecking] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const check = useCallback(async () => {
    setChecking(true);
    setFailure(undefined);
    try {
      onAdvice(await fetchAdvice(store.getState().doc, { fetch: apiFetch }));
    } catch (e) {
      setFailure((e as Error).message);
    } finally {
      setChecking(false);
    }
  }, [store, onAdvice]);
  const update = (id: string, changes: Partial<Omit<QueryPattern, 'id'>>) => {
    const result = dispatch({ type: 'design.queryPattern.update', queryPatternId: id, changes });
    return 'error' in result ? result.error : undefined;
  };
  return (
    <section aria-labelledby="design-queries-title" className="flex flex-col gap-2">
      <div className="flex items-center justify-between">
        <h3 id="design-queries-title" className="text-sm font-semibold">Query patterns</h3>
        <div className="flex gap-2">
        <Button disabled={checking || !patterns.some((p) => p.sql?.trim())} onClick={() => void check()}>{checking ? 'Checking…' : 'Check patterns'}</Button>
        <Button onClick={() => dispatch({ type: 'design.queryPattern.add', queryPattern: { id: newId('qp'), name: `Query ${patterns.length + 1}` } })}>Add query pattern</Button>
        </div>
      </div>
      {advice && <p className="text-xs text-slate-500">Checked with the {advice.method}.</p>}
      {failure && <p role="alert" className="text-xs text-red-700">{failure}</p>}
      {patterns.length === 0 && <p className="text-xs text-slate-500">No query patterns yet.</p>}
      <ol className="flex flex-col gap-3">
        {patterns.map((q) => (
          <li key={q.id} className="rounded border border-slate-200 p-2 dark:border-slate-700" aria-label={`Query pattern ${q.name}`}>
            <div className="grid grid-cols-1 gap-2 sm:grid-cols-3">
              <CommitTextField label="Name" value={q.name} onCommit={(t) => (t.trim() ? update(q.id, { name: t.trim() }) : 'A name is required')} />
              <UnitNumberField label="Frequency" value={toUnitAmount(q.frequencyPerSecond, RATE_UNITS)} units={RATE_UNITS} defaultUnit="s" placeholder="e.g. 300" onCommit={(v) => update(q.id, { frequencyPerSecond: fromUnitAmount(v, RATE_UNITS) })} />
              <UnitNumberField label="Latency target" hint="p99" value={toUnitAmount(q.latencyTargetMs, LATENCY_UNITS)} units={LATENCY_UNITS} defaultUnit="ms" placeholder="e.g. 10" onCommit={(v) => update(q.id, { latencyTargetMs: fromUnitAmount(v, LATENCY_UNITS) })} />
            </div>
            <CommitTextField label="SQL" multiline monospace rows={3} value={q.sql ?? ''} onCommit={(t) => update(q.id, { sql: t.trim() || undefined })} />
            {q.notes && Object.keys(q.notes).length > 0 && (
              <p className="text-[11px] text-slate-500 dark:text-slate-400">Kept from an older document: {Object.values(q.notes).join('; ')}</p>
            )}
            {(() => {
              const v = advice?.verdicts.find((x) => x.patternId === q.id);
              return v ? <PatternVerdictView verdict={v} onApplied={() => void check()} /> : null;
            })()}
            <CommitTextField label="Description" multiline rows={2} value={q.description ?? ''} onCommit={(t) => update(q.id, { description: t.trim() || undefined })} />
            <div className="mt-1 flex justify-end">
              <Button variant="ghost" onClick={() => dispatch({ type: 'design.queryPattern.remove', queryPatternId: q.id })}>Remove</Button>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

'use client';
/**
 * The query patterns list: name, SQL or description, frequency and p99 latency target (numbers with unit pickers). Each edit is one
 * `design.queryPattern.*` command.
 */
import type { QueryPattern } from '@/lib/model/document';
import { newId } from '@/lib/model/ids';
import { useEditor } from '@/components/editor/store/editor-store';
import { Button } from '@/components/ui/button';
import { CommitTextField } from '@/components/ui/text-field';
import { LATENCY_UNITS, RATE_UNITS } from './requirement-units';
import { fromUnitAmount, toUnitAmount, UnitNumberField } from './unit-number-field';

export function QueryPatterns() {
  const patterns = useEditor((s) => s.doc.design.queryPatterns);
  const dispatch = useEditor((s) => s.dispatch);
  const update = (id: string, changes: Partial<Omit<QueryPattern, 'id'>>) => {
    const result = dispatch({ type: 'design.queryPattern.update', queryPatternId: id, changes });
    return 'error' in result ? result.error : undefined;
  };
  return (
    <section aria-labelledby="design-queries-title" className="flex flex-col gap-2">
      <div className="flex items-center justify-between">
        <h3 id="design-queries-title" className="text-sm font-semibold">Query patterns</h3>
        <Button onClick={() => dispatch({ type: 'design.queryPattern.add', queryPattern: { id: newId('qp'), name: `Query ${patterns.length + 1}` } })}>Add query pattern</Button>
      </div>
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

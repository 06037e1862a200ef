'use client';
/**
 * The query patterns list: name, SQL or description, frequency, latency target. Each edit is one
 * `design.queryPattern.*` command.
 */
import type { QueryPattern } from '@/lib/model/document';
import { newId } from '@/lib/model/ids';
import { useEditor } from '@/components/editor/store/editor-store';
import { Button } from '@/components/ui/button';
import { CommitTextField } from '@/components/ui/text-field';

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
              <CommitTextField label="Frequency" value={q.frequency ?? ''} placeholder="e.g. 300/s" onCommit={(t) => update(q.id, { frequency: t.trim() || undefined })} />
              <CommitTextField label="Latency target" value={q.latencyTarget ?? ''} placeholder="e.g. 10 ms" onCommit={(t) => update(q.id, { latencyTarget: t.trim() || undefined })} />
            </div>
            <CommitTextField label="SQL" multiline monospace rows={3} value={q.sql ?? ''} onCommit={(t) => update(q.id, { sql: t.trim() || undefined })} />
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

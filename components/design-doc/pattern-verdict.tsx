'use client';
/**
 * One query pattern's verdict from the advisor (POST /api/advise): status, plan summary, reasons, the
 * SQL error with its line and column, and an "Add index" button that applies the suggestion as one
 * `index.add` command (one undo step).
 */
import type { PatternVerdict } from '@/lib/workload/advice';
import { STATUS_LABEL } from '@/lib/workload/advice';
import { useEditor } from '@/components/editor/store/editor-store';
import { Button } from '@/components/ui/button';

const STATUS_CLASS: Record<PatternVerdict['status'], string> = {
  served: 'text-emerald-700 dark:text-emerald-400',
  partly: 'text-amber-700 dark:text-amber-400',
  'not-served': 'text-red-700 dark:text-red-400',
  error: 'text-red-700 dark:text-red-400',
};

export function PatternVerdictView({ verdict, onApplied }: { verdict: PatternVerdict; onApplied?: () => void }) {
  const dispatch = useEditor((s) => s.dispatch);
  const tables = useEditor((s) => s.doc.tables);
  const s = verdict.suggestion;
  const applicable = s && tables[s.tableId];
  return (
    <div className="mt-1 rounded bg-slate-50 p-2 text-xs dark:bg-slate-800" data-testid="pattern-verdict" data-status={verdict.status}>
      <p>
        <span className={`font-semibold ${STATUS_CLASS[verdict.status]}`}>{STATUS_LABEL[verdict.status]}</span>
        {verdict.error ? (
          <span role="alert"> — {verdict.error.message}{verdict.error.line !== undefined ? ` (line ${verdict.error.line}, column ${verdict.error.column})` : ''}</span>
        ) : (
          <span className="font-mono"> — {verdict.summary}</span>
        )}
      </p>
      {verdict.reasons.length > 0 && (
        <ul className="mt-1 list-disc pl-4 text-slate-600 dark:text-slate-300">
          {verdict.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      )}
      {verdict.assumedTables.length > 0 && <p className="mt-1 text-slate-500">Assumed 1,000 rows for tables without declared volumes: {verdict.assumedTables.join(', ')}.</p>}
      {s && (
        <div className="mt-1 flex items-center justify-between gap-2">
          <code className="truncate font-mono" title={s.createSql}>{s.createSql}</code>
          <Button
            disabled={!applicable}
            onClick={() => {
              const result = dispatch({ type: 'index.add', tableId: s.tableId, index: s.index });
              if (!('error' in result)) onApplied?.();
            }}
          >
            Add index
          </Button>
        </div>
      )}
    </div>
  );
}

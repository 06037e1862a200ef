'use client';
import { routineLabels } from '@/lib/model/routines';
import { useEditor } from '@/components/editor/store/editor-store';
import { Section } from '@/components/ui/section';
import { ItemCard, Muted } from './inspector-parts';

/**
 * The routines the schema carries (functions, procedures, aggregates, triggers, events), read-only:
 * Draftbase keeps them verbatim from the import and writes them back in the DDL of their dialect.
 * Each one's statement can be read here; editing them is not modeled.
 */
export function RoutinesList({ defaultOpen = false }: { defaultOpen?: boolean }) {
  const doc = useEditor((s) => s.doc);
  const list = routineLabels(doc);
  if (list.length === 0) return null;
  return (
    <Section title="Routines" count={list.length} defaultOpen={defaultOpen}>
      <Muted>Kept verbatim from the import and written back in the DDL of their dialect (read-only).</Muted>
      {list.map((r) => (
        <ItemCard key={r.id} label={`${r.kindLabel} ${r.name}`}>
          <details data-testid="routine">
            <summary className="cursor-pointer">
              <span className="font-mono">{r.name}</span> <span className="text-slate-500 dark:text-slate-400">{r.kindLabel}{r.where ? ` ${r.where}` : ''}</span>
            </summary>
            <pre className="mt-1 max-h-64 overflow-auto whitespace-pre rounded bg-slate-50 p-1 font-mono text-[10px] dark:bg-slate-900">{r.sql}</pre>
          </details>
        </ItemCard>
      ))}
    </Section>
  );
}

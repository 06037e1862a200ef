'use client';
/**
 * The changes between the two compared sides as a list beside the canvas: filter by kind, click to
 * select and bring the element into view; a changed element lists its fields (old → new).
 */
import { useMemo, useState } from 'react';
import type { DiffEntry, DocumentDiff } from '@/lib/evolution/diff';
import { FILTER_KINDS, filterKindOf, formatFieldValue, type FilterKind } from '@/lib/evolution/view/compare-view';
import { cx } from '@/components/ui/styles';

const CHANGE_STYLE = {
  added: 'text-green-700 dark:text-green-400',
  removed: 'text-slate-500 line-through',
  changed: 'text-amber-700 dark:text-amber-400',
} as const;

const FILTER_LABEL: Record<FilterKind | 'all', string> = { all: 'All', table: 'Tables', column: 'Columns', relationship: 'Relationships', index: 'Indexes', other: 'Other' };

/** `entries`: the diff's entries as shown (display names); default the diff's own. */
export function DiffList({ diff, entries = diff.entries, selectedKey, onFocus }: { diff: DocumentDiff; entries?: readonly DiffEntry[]; selectedKey?: string; onFocus: (entry: DiffEntry) => void }) {
  const [filter, setFilter] = useState<FilterKind | 'all'>('all');
  const counts = useMemo(() => {
    const c = new Map<FilterKind, number>();
    for (const e of entries) c.set(filterKindOf(e.kind), (c.get(filterKindOf(e.kind)) ?? 0) + 1);
    return c;
  }, [entries]);
  const shown = filter === 'all' ? entries : entries.filter((e) => filterKindOf(e.kind) === filter);
  if (diff.identical) return <p className="p-3 text-sm text-slate-500" data-testid="diff-identical">No differences: both create the same database.</p>;
  return (
    <div className="flex min-h-0 flex-1 flex-col" data-testid="diff-list">
      <div role="radiogroup" aria-label="Filter changes by kind" className="flex flex-wrap gap-1 border-b border-slate-200 p-2 text-xs dark:border-slate-800">
        {(['all', ...FILTER_KINDS] as const).map((k) => {
          const n = k === 'all' ? entries.length : (counts.get(k) ?? 0);
          if (k !== 'all' && n === 0) return null;
          return (
            <button
              key={k}
              type="button"
              role="radio"
              aria-checked={filter === k}
              data-testid="diff-filter"
              data-kind={k}
              onClick={() => setFilter(k)}
              className={cx('rounded border px-1.5 py-0.5', filter === k ? 'border-sky-500 bg-sky-50 dark:bg-sky-950' : 'border-slate-300 dark:border-slate-700')}
            >
              {FILTER_LABEL[k]} {n}
            </button>
          );
        })}
      </div>
      <ul className="min-h-0 flex-1 overflow-auto text-xs">
        {shown.map((e) => {
          const key = `${e.kind}:${e.id}`;
          return (
            <li key={key} className={cx('border-b border-slate-100 dark:border-slate-800', selectedKey === key && 'bg-sky-50 dark:bg-sky-950')}>
              <button type="button" className="w-full px-2 py-1 text-left hover:bg-slate-50 dark:hover:bg-slate-900" data-testid="diff-entry" data-kind={e.kind} data-change={e.change} data-name={e.name} onClick={() => onFocus(e)}>
                <span className={cx('font-medium', CHANGE_STYLE[e.change])}>{e.change}</span> <span className="text-slate-500">{e.kind === 'primaryKey' ? 'primary key' : e.kind}</span>{' '}
                <span className="font-mono">{e.renamed ? `${e.renamed.from} → ${e.renamed.to}` : e.name}</span>
              </button>
              {e.change === 'changed' && e.fields.length > 0 && (
                <ul className="px-4 pb-1 text-[11px] text-slate-600 dark:text-slate-400" aria-label={`Fields of ${e.name} that changed`}>
                  {e.fields.map((f) => (
                    <li key={f.field} data-testid="diff-field" data-field={f.field} className="break-all">
                      <span className="font-medium">{f.field}</span>: <span className="font-mono">{formatFieldValue(f.old)}</span> → <span className="font-mono">{formatFieldValue(f.new)}</span>
                    </li>
                  ))}
                </ul>
              )}
              {e.enumValues && (
                <p className="px-4 pb-1 text-[11px] text-slate-600 dark:text-slate-400">
                  {e.enumValues.added.length > 0 && `+ ${e.enumValues.added.join(', ')} `}
                  {e.enumValues.removed.length > 0 && `− ${e.enumValues.removed.join(', ')} `}
                  {e.enumValues.reordered && 'reordered'}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

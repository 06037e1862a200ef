'use client';
/** Ctrl/Cmd+K: find a table or column by name and focus it on the canvas. */
import { useMemo, useState } from 'react';
import { useEditor } from '../store/editor-store';
import { searchDocument, type SearchHit } from './search-index';

export function SearchDialog({ onPick, onClose }: { onPick: (hit: SearchHit) => void; onClose: () => void }) {
  const doc = useEditor((s) => s.doc);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const hits = useMemo(() => searchDocument(doc, query), [doc, query]);
  const pick = (hit: SearchHit | undefined) => {
    if (hit) onPick(hit);
  };
  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-black/30 pt-24" onMouseDown={onClose}>
      <div
        role="dialog"
        aria-label="Search tables and columns"
        className="w-[32rem] max-w-[95vw] overflow-hidden rounded-lg bg-white shadow-2xl dark:bg-slate-900"
        onMouseDown={(e) => e.stopPropagation()}
      >
        <input
          autoFocus
          aria-label="Search"
          placeholder="Find a table or column…"
          className="w-full border-b border-slate-200 bg-transparent px-4 py-3 text-base outline-none dark:border-slate-700 dark:text-slate-100"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((a) => Math.min(a + 1, hits.length - 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((a) => Math.max(a - 1, 0));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              pick(hits[active]);
            } else if (e.key === 'Escape') {
              e.preventDefault();
              onClose();
            }
          }}
        />
        <ul role="listbox" aria-label="Results" className="max-h-96 overflow-auto py-1 text-sm">
          {hits.length === 0 && <li className="px-4 py-2 text-slate-500">No table or column matches.</li>}
          {hits.map((hit, i) => (
            <li
              key={`${hit.tableId}/${hit.columnId ?? ''}`}
              role="option"
              aria-selected={i === active}
              className={`flex cursor-pointer items-center gap-2 px-4 py-1.5 ${i === active ? 'bg-blue-100 dark:bg-blue-900' : ''} dark:text-slate-100`}
              onMouseEnter={() => setActive(i)}
              onClick={() => pick(hit)}
            >
              <span className="w-12 text-xs uppercase text-slate-500">{hit.kind}</span>
              <span className="truncate">{hit.label}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

'use client';
/** A group of findings (one rule, or one table): a line with its title and count that folds, its items below. */
import { useState } from 'react';
import type { SchemaDocument } from '@/lib/model/document';
import type { FindingGroup } from '@/lib/review/report/problems';
import { Button } from '@/components/ui/button';
import { ProblemItem, type ProblemActions } from './problem-item';
import { SeverityIcon } from './severity';

/** Items rendered per group before "Show all" (a rule can fire thousands of times on a large schema). */
const ITEMS_SHOWN = 50;

export function ProblemGroup({ group, doc, actions, byRule }: { group: FindingGroup; doc: SchemaDocument; actions: ProblemActions; byRule: boolean }) {
  const [open, setOpen] = useState(true);
  const [showAll, setShowAll] = useState(false);
  const items = showAll ? group.items : group.items.slice(0, ITEMS_SHOWN);
  return (
    <section data-testid="problem-group" data-key={group.key} aria-label={`${group.title}: ${group.items.length}`}>
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        className="flex w-full items-center gap-1.5 px-2 py-0.5 text-left hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:hover:bg-slate-800"
      >
        <span aria-hidden className="inline-block w-2 text-slate-500">{open ? '▾' : '▸'}</span>
        <SeverityIcon severity={group.worst} />
        <span className="truncate font-medium">{group.title}</span>
        {group.ruleId && <code className="truncate text-[10px] text-slate-500 dark:text-slate-400">{group.ruleId}</code>}
        <span className="ml-auto rounded bg-slate-100 px-1 tabular-nums dark:bg-slate-800">{group.items.length}</span>
      </button>
      {open && (
        <ul className="pl-3">
          {items.map((f) => (
            <ProblemItem key={f.key} finding={f} doc={doc} actions={actions} showRule={!byRule} />
          ))}
          {group.items.length > items.length && (
            <li className="px-2 py-0.5">
              <Button variant="ghost" onClick={() => setShowAll(true)}>
                Show all {group.items.length}
              </Button>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}

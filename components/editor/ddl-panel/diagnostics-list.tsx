'use client';
/**
 * The DDL panel's diagnostics, grouped by severity and then by code (diagnostic-groups.ts): each
 * group a collapsible line with its title, code and count, its items below. Errors and warnings open,
 * notes folded; notes can be hidden altogether (remembered per browser). Clicking an item selects the
 * element it names.
 */
import { useMemo, useState } from 'react';
import type { Diagnostic, Severity } from '@/lib/model/diagnostics';
import type { SchemaDocument } from '@/lib/model/document';
import type { Selection } from '@/components/editor/store/editor-store';
import { Button } from '@/components/ui/button';
import { cx } from '@/components/ui/styles';
import { selectionForEntity } from './ddl-helpers';
import { groupDiagnostics, type DiagnosticGroup } from './diagnostic-groups';
import { useHideNotes } from './hide-notes-preference';

/** Items rendered per group before "Show all" (a group can hold thousands on a large document). */
const ITEMS_SHOWN = 50;

export interface DiagnosticsListProps {
  diagnostics: readonly Diagnostic[];
  doc: SchemaDocument;
  select: (selection: Selection) => void;
}

export function DiagnosticsList({ diagnostics, doc, select }: DiagnosticsListProps) {
  const [hideNotes, setHideNotes] = useHideNotes();
  const groups = useMemo(() => groupDiagnostics(diagnostics, { hideInfo: hideNotes }), [diagnostics, hideNotes]);
  const notes = useMemo(() => diagnostics.reduce((n, d) => n + (d.severity === 'info' ? 1 : 0), 0), [diagnostics]);
  // Open/closed per group key, where the user chose; otherwise errors and warnings open, notes folded.
  const [opened, setOpened] = useState<ReadonlyMap<string, boolean>>(new Map());
  if (!diagnostics.length) return null;
  const isOpen = (g: DiagnosticGroup) => opened.get(g.key) ?? g.severity !== 'info';
  const toggle = (g: DiagnosticGroup) => setOpened(new Map(opened).set(g.key, !isOpen(g)));
  return (
    <div data-testid="ddl-diagnostics" role="region" aria-label="DDL diagnostics" className="max-h-56 shrink-0 overflow-y-auto border-b border-slate-200 dark:border-slate-700">
      {notes > 0 && (
        <label className="flex items-center gap-1.5 px-2 py-0.5 text-[11px] text-slate-600 dark:text-slate-400">
          <input type="checkbox" className="h-3 w-3 accent-sky-600" checked={hideNotes} onChange={(e) => setHideNotes(e.target.checked)} />
          Hide notes ({notes})
        </label>
      )}
      {groups.map((s) => (
        <section key={s.severity} data-severity={s.severity} aria-label={`${s.label}: ${s.count}`}>
          <h3 className="flex items-center gap-1.5 px-2 pt-1 text-[11px] font-semibold">
            <SeverityBadge severity={s.severity} />
            {s.label}
            <span data-testid="ddl-severity-count" className="font-normal text-slate-500 dark:text-slate-400">
              {s.count}
            </span>
          </h3>
          {s.groups.map((g) => (
            <GroupView key={g.key} group={g} open={isOpen(g)} onToggle={() => toggle(g)} doc={doc} select={select} />
          ))}
        </section>
      ))}
    </div>
  );
}

function GroupView({ group, open, onToggle, doc, select }: { group: DiagnosticGroup; open: boolean; onToggle: () => void; doc: SchemaDocument; select: (s: Selection) => void }) {
  const [showAll, setShowAll] = useState(false);
  const items = showAll ? group.items : group.items.slice(0, ITEMS_SHOWN);
  return (
    <div data-testid="ddl-diagnostic-group" data-code={group.code} data-severity={group.severity} className="pl-3">
      <button
        type="button"
        aria-expanded={open}
        title={group.meaning}
        onClick={onToggle}
        className="flex w-full items-center gap-1.5 px-2 py-0.5 text-left hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:hover:bg-slate-800"
      >
        <span aria-hidden className="inline-block w-2 text-slate-500">{open ? '▾' : '▸'}</span>
        <span data-testid="ddl-group-title" className="font-medium">
          {group.title}
        </span>
        {group.dialect && <span className="text-slate-500 dark:text-slate-400">· {group.dialect}</span>}
        <code className="truncate text-[10px] text-slate-500 dark:text-slate-400">{group.code}</code>
        <span data-testid="ddl-group-count" className="ml-auto rounded bg-slate-100 px-1 tabular-nums dark:bg-slate-800">
          {group.items.length}
        </span>
      </button>
      {open && (
        <ul className="pl-5">
          {items.map((d, i) => {
            const target = selectionForEntity(doc, d.entityId);
            return (
              <li key={i} data-testid="ddl-diagnostic" data-severity={d.severity} className="px-2 py-0.5">
                {/* Read out with each item; the group heading shows it to the eye. */}
                <span className="sr-only">{d.severity}: </span>
                {target ? (
                  <button type="button" className="text-left hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500" onClick={() => select(target)}>
                    {d.message}
                  </button>
                ) : (
                  <span>{d.message}</span>
                )}
              </li>
            );
          })}
          {group.items.length > items.length && (
            <li className="px-2 py-0.5">
              <Button variant="ghost" onClick={() => setShowAll(true)}>
                Show all {group.items.length}
              </Button>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}

const severityStyles: Record<Severity, string> = {
  error: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300',
  warning: 'bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300',
  info: 'bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300',
};

function SeverityBadge({ severity }: { severity: Severity }) {
  return <span aria-hidden className={cx('h-2 w-2 shrink-0 rounded-full', severityStyles[severity])} />;
}

'use client';
import { useEffect, useState, type ReactNode } from 'react';
import Link from 'next/link';
import { useShallow } from 'zustand/react/shallow';
import { useEditor, useEditorStore } from './store/editor-store';
import { HelpButton } from '@/components/editor/help/help-overlay';
import { SaveStatus } from './save-status';
import type { LayoutStatus } from './layout/use-auto-layout';

export interface ToolbarActions {
  addTable(): void;
  addNote(): void;
  addArea(): void;
  manyToMany(): void;
  deleteSelection(): void;
  openSearch(): void;
  zoomToFit(): void;
  layout(kind: 'all' | 'selection' | 'area'): void;
  toggleTheme(): void;
  toggleInspector(): void;
  toggleDdl(): void;
}

const btn =
  'shrink-0 whitespace-nowrap rounded px-2 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-40 disabled:hover:bg-transparent dark:hover:bg-slate-800';

/** How long a finished auto-layout's message stays in the toolbar (an error stays longer, to be read). */
export const LAYOUT_DONE_MS = 5000;
export const LAYOUT_ERROR_MS = 10_000;

export function Toolbar({
  actions,
  layoutStatus,
  theme,
  inspectorOpen,
  ddlOpen,
  extra,
}: {
  actions: ToolbarActions;
  layoutStatus: LayoutStatus;
  theme: 'light' | 'dark';
  inspectorOpen: boolean;
  ddlOpen: boolean;
  /** View tabs, import and downloads, mounted by the editor shell. */
  extra?: ReactNode;
}) {
  const store = useEditorStore();
  const name = useEditor((s) => s.name);
  const canUndo = useEditor((s) => s.past.length > 0);
  const canRedo = useEditor((s) => s.future.length > 0);
  const undoLabel = useEditor((s) => s.past[s.past.length - 1]?.label);
  const redoLabel = useEditor((s) => s.future[0]?.label);
  const tableCount = useEditor((s) => Object.keys(s.doc.tables).length);
  const areas = useEditor(useShallow((s) => Object.values(s.doc.areas).map((a) => `${a.id}\u0000${a.name}`)));
  const focusAreaId = useEditor((s) => s.focusAreaId);
  const hasSelection = useEditor((s) => s.selection.kind !== 'none');

  return (
    // One line whatever it holds: nothing in it wraps (buttons mounted by other components included),
    // the project name and the area picker give up width first, and the auto-layout's messages float
    // below it instead of taking toolbar width.
    <header
      className="relative flex h-11 shrink-0 flex-nowrap items-center gap-1 whitespace-nowrap border-b border-slate-200 px-2 dark:border-slate-800 [&_a]:whitespace-nowrap [&_button]:whitespace-nowrap"
      role="toolbar"
      aria-label="Editor"
    >
      <Link href="/" className="mr-1 shrink-0 text-sm font-semibold text-blue-700 dark:text-blue-400">
        Draftbase
      </Link>
      <span className="mr-2 min-w-12 max-w-48 shrink truncate text-sm" title={name} data-testid="project-name">
        {name}
      </span>
      <button type="button" className={btn} onClick={actions.addTable} title="Add a table (N)">
        + Table
      </button>
      <button type="button" className={btn} onClick={actions.addNote} title="Add a sticky note">
        + Note
      </button>
      <button type="button" className={btn} onClick={actions.addArea} title="Group the selected tables into an area">
        + Area
      </button>
      <button type="button" className={btn} onClick={actions.manyToMany} title="Link the two selected tables through a junction table">
        M:N
      </button>
      <button type="button" className={btn} onClick={actions.deleteSelection} disabled={!hasSelection} title="Delete the selection (Del)">
        Delete
      </button>
      <span className="mx-1 h-5 w-px bg-slate-200 dark:bg-slate-700" />
      <button type="button" className={btn} onClick={() => store.getState().undo()} disabled={!canUndo} title={undoLabel ? `Undo: ${undoLabel} (Ctrl+Z)` : 'Undo (Ctrl+Z)'}>
        Undo
      </button>
      <button type="button" className={btn} onClick={() => store.getState().redo()} disabled={!canRedo} title={redoLabel ? `Redo: ${redoLabel} (Ctrl+Shift+Z)` : 'Redo (Ctrl+Shift+Z)'}>
        Redo
      </button>
      <span className="mx-1 h-5 w-px bg-slate-200 dark:bg-slate-700" />
      <button type="button" className={btn} onClick={actions.openSearch} title="Search tables and columns (Ctrl/Cmd+K)">
        Search
      </button>
      <button type="button" className={btn} onClick={actions.zoomToFit} title="Zoom to fit (Shift+1)">
        Fit
      </button>
      <LayoutMenu onLayout={actions.layout} status={layoutStatus} />
      <label className="ml-1 flex shrink items-center gap-1 text-xs">
        <span className="sr-only">Show area</span>
        <select
          aria-label="Show area"
          className="min-w-28 max-w-40 rounded border border-slate-200 bg-transparent px-1 py-0.5 text-xs dark:border-slate-700"
          value={focusAreaId ?? ''}
          onChange={(e) => store.getState().setFocusArea(e.target.value || undefined)}
        >
          <option value="">All tables ({tableCount})</option>
          {areas.map((key) => {
            const [id, areaName] = key.split('\u0000');
            return (
              <option key={id} value={id}>
                {areaName}
              </option>
            );
          })}
        </select>
      </label>
      <div className="ml-auto flex shrink-0 items-center gap-1">
        {extra}
        <SaveStatus />
        <button type="button" className={btn} onClick={actions.toggleTheme} aria-label={theme === 'dark' ? 'Switch to light mode' : 'Switch to dark mode'} title="Dark mode (Shift+M)">
          {theme === 'dark' ? '☀' : '☾'}
        </button>
        <button type="button" className={btn} onClick={actions.toggleInspector} aria-pressed={inspectorOpen} title="Show or hide the inspector">
          Inspector
        </button>
        <button type="button" className={btn} onClick={actions.toggleDdl} aria-pressed={ddlOpen} title="Show or hide the DDL panel (Shift+D)">
          DDL
        </button>
        <HelpButton />
      </div>
    </header>
  );
}

function LayoutMenu({ onLayout, status }: { onLayout: (kind: 'all' | 'selection' | 'area') => void; status: LayoutStatus }) {
  const [open, setOpen] = useState(false);
  const running = status.kind === 'running';
  return (
    <>
      <div className="relative shrink-0">
        <button type="button" className={btn} aria-haspopup="menu" aria-expanded={open} disabled={running} onClick={() => setOpen((o) => !o)} title="Auto-layout (Shift+L)">
          Auto-layout ▾
        </button>
        {open && (
          <div role="menu" className="absolute left-0 top-8 z-40 flex w-44 flex-col rounded-md border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900">
            {(
              [
                ['all', 'Lay out everything'],
                ['selection', 'Lay out the selection'],
                ['area', 'Lay out the area'],
              ] as const
            ).map(([kind, label]) => (
              <button
                key={kind}
                type="button"
                role="menuitem"
                className="px-3 py-1.5 text-left text-xs hover:bg-slate-100 dark:hover:bg-slate-800"
                onClick={() => {
                  setOpen(false);
                  onLayout(kind);
                }}
              >
                {label}
              </button>
            ))}
          </div>
        )}
      </div>
      <LayoutProgress status={status} />
    </>
  );
}

/**
 * The auto-layout's status, in a fixed-width area just below the toolbar (outside its flow, so the
 * toolbar never reflows or wraps): an indeterminate bar with the phase and elapsed seconds while the
 * worker runs, then how long it took, which expires after LAYOUT_DONE_MS (an error after
 * LAYOUT_ERROR_MS). Long text is cut, and shown whole in the tooltip.
 */
function LayoutProgress({ status }: { status: LayoutStatus }) {
  const [elapsed, setElapsed] = useState(0);
  const [expired, setExpired] = useState<LayoutStatus>();
  const startedAt = status.kind === 'running' ? status.startedAt : undefined;
  useEffect(() => {
    if (startedAt === undefined) return;
    const t = setInterval(() => setElapsed(performance.now() - startedAt), 250);
    return () => {
      clearInterval(t);
      setElapsed(0);
    };
  }, [startedAt]);
  useEffect(() => {
    if (status.kind !== 'done' && status.kind !== 'error') return;
    const t = setTimeout(() => setExpired(status), status.kind === 'done' ? LAYOUT_DONE_MS : LAYOUT_ERROR_MS);
    return () => clearTimeout(t);
  }, [status]);
  const slot =
    'pointer-events-auto absolute left-2 top-full z-30 mt-1 w-72 overflow-hidden text-ellipsis whitespace-nowrap rounded bg-white/90 px-2 py-0.5 text-xs shadow-sm dark:bg-slate-900/90';
  if (status.kind === 'idle' || expired === status) return null;
  if (status.kind === 'running') {
    const seconds = (elapsed / 1000).toFixed(1);
    const text = `${status.phase} · ${seconds} s`;
    return (
      <span data-testid="toolbar-status" className={`${slot} flex items-center gap-2 text-slate-500`} title={text}>
        <span role="progressbar" aria-label="Auto-layout in progress" data-testid="layout-status" data-state="running" className="db-progress inline-block h-1.5 w-10 shrink-0 overflow-hidden rounded bg-slate-200 dark:bg-slate-700">
          <span className="db-progress-bar block h-full w-1/3 rounded bg-blue-500" />
        </span>
        <span className="min-w-0 truncate">{text}</span>
      </span>
    );
  }
  if (status.kind === 'error') {
    return (
      <span data-testid="toolbar-status" className={`${slot} block text-red-600`} title={status.message}>
        <span role="alert" data-testid="layout-status" data-state="error">
          {status.message}
        </span>
      </span>
    );
  }
  const text = `Laid out ${status.tableCount} ${status.tableCount === 1 ? 'table' : 'tables'} in ${(status.totalMs / 1000).toFixed(1)} s`;
  return (
    <span data-testid="toolbar-status" className={`${slot} block text-slate-500`} title={text}>
      <span role="status" data-testid="layout-status" data-state="done" data-elk-ms={status.elkMs} data-total-ms={status.totalMs}>
        {text}
      </span>
    </span>
  );
}

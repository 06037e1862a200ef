'use client';
import { useEffect, useState, type ReactNode } from 'react';
import Link from 'next/link';
import { useShallow } from 'zustand/react/shallow';
import { useEditor, useEditorStore } from './store/editor-store';
import { Button } from '@/components/ui/button';
import { actionById, actionTooltip, isEnabled, type ActionContext, type ActionId } from './actions/editor-actions';
import { useIsMac } from './actions/use-action-keys';
import { SaveStatus } from './save-status';
import type { LayoutStatus } from './layout/use-auto-layout';
import { ProblemCounts } from './review/problem-counts';
import { PeopleHere } from './collab/live-ui';

const btn =
  'shrink-0 whitespace-nowrap rounded px-2 py-1 text-xs font-medium hover:bg-slate-100 disabled:opacity-40 disabled:hover:bg-transparent dark:hover:bg-slate-800';

/** How long a finished auto-layout's message stays in the toolbar (an error stays longer, to be read). */
export const LAYOUT_DONE_MS = 5000;
export const LAYOUT_ERROR_MS = 10_000;

/**
 * The toolbar lays the editor's actions out (EDITOR_ACTIONS): each button's tooltip, enabled state and
 * click come from the action; only the button's text and place are the toolbar's.
 */
export function Toolbar({
  actions,
  layoutStatus,
  theme,
  inspectorOpen,
  ddlOpen,
  problemsOpen,
  versionsOpen = false,
  extra,
}: {
  actions: ActionContext;
  layoutStatus: LayoutStatus;
  theme: 'light' | 'dark';
  inspectorOpen: boolean;
  ddlOpen: boolean;
  problemsOpen: boolean;
  versionsOpen?: boolean;
  /** View tabs, import and downloads, mounted by the editor shell. */
  extra?: ReactNode;
}) {
  const store = useEditorStore();
  const name = useEditor((s) => s.name);
  const tableCount = useEditor((s) => Object.keys(s.doc.tables).length);
  const areas = useEditor(useShallow((s) => Object.values(s.doc.areas).map((a) => `${a.id}\u0000${a.name}`)));
  const focusAreaId = useEditor((s) => s.focusAreaId);
  const readOnly = useEditor((s) => s.readOnly);
  const button = (id: ActionId, text: ReactNode, props?: Omit<ActionButtonProps, 'id' | 'ctx' | 'children'>) => (
    <ActionButton id={id} ctx={actions} {...props}>
      {text}
    </ActionButton>
  );

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
      <span className="mr-1 min-w-8 max-w-48 shrink truncate text-sm" title={name} data-testid="project-name">
        {name}
      </span>
      {readOnly && (
        <span className="mr-1 shrink-0 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100" title={readOnly} data-testid="read-only-badge">
          Read-only
        </span>
      )}
      {button('addTable', '+ Table')}
      {button('addNote', '+ Note')}
      {button('addArea', '+ Area')}
      {button('manyToMany', 'M:N')}
      {button('delete', 'Delete')}
      <span className="mx-1 h-5 w-px bg-slate-200 dark:bg-slate-700" />
      {button('undo', 'Undo')}
      {button('redo', 'Redo')}
      <span className="mx-1 h-5 w-px bg-slate-200 dark:bg-slate-700" />
      {button('search', 'Search')}
      {button('zoomToFit', 'Fit')}
      <LayoutMenu ctx={actions} status={layoutStatus} />
      {/* Left of the flexible part, so it stays on screen however narrow the window. */}
      {button('toggleProblems', <ProblemCounts />, { 'aria-pressed': problemsOpen, 'data-testid': 'problems-button' })}
      <label className="ml-1 flex shrink items-center gap-1 text-xs">
        <span className="sr-only">Show area</span>
        <select
          aria-label="Show area"
          className="min-w-16 max-w-40 rounded border border-slate-200 bg-transparent px-1 py-0.5 text-xs dark:border-slate-700"
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
        <PeopleHere />
        <VersionsButton ctx={actions} open={versionsOpen} />
        {button('toggleDarkMode', theme === 'dark' ? '☀' : '☾', { 'aria-label': theme === 'dark' ? 'Switch to light mode' : 'Switch to dark mode' })}
        {button('toggleInspector', 'Inspector', { 'aria-pressed': inspectorOpen })}
        {button('toggleDdlPanel', 'DDL', { 'aria-pressed': ddlOpen })}
        {button('help', '?', { plain: true, 'aria-label': 'Keyboard shortcuts', 'data-testid': 'help-button' })}
      </div>
    </header>
  );
}

interface ActionButtonProps {
  id: ActionId;
  ctx: ActionContext;
  children: ReactNode;
  'aria-label'?: string;
  'aria-pressed'?: boolean;
  'data-testid'?: string;
  /** The shared Button look (a bordered button) rather than the toolbar's flat one. */
  plain?: boolean;
}

/** One action as a toolbar button; re-renders only when its enabled state or tooltip changes. */
function ActionButton({ id, ctx, children, plain, ...aria }: ActionButtonProps) {
  const action = actionById(id);
  const isMac = useIsMac();
  const enabled = useEditor((s) => isEnabled(action, s));
  const title = useEditor((s) => actionTooltip(action, s, isMac));
  const props = { onClick: () => action.perform(ctx), disabled: !enabled, title, ...aria };
  if (plain) return <Button {...props}>{children}</Button>;
  return (
    <button type="button" className={btn} {...props}>
      {children}
    </button>
  );
}

/**
 * The save status opens the Versions panel (as "last edit" does in an online document): it takes
 * no toolbar width of its own — the toolbar must stay one line at 1600 px.
 */
function VersionsButton({ ctx, open }: { ctx: ActionContext; open: boolean }) {
  const action = actionById('toggleVersions');
  const isMac = useIsMac();
  const title = useEditor((s) => actionTooltip(action, s, isMac));
  return (
    <button type="button" className="shrink-0 rounded hover:bg-slate-100 aria-pressed:bg-slate-200 dark:hover:bg-slate-800 dark:aria-pressed:bg-slate-700" data-testid="versions-button" aria-pressed={open} title={title} onClick={() => action.perform(ctx)}>
      <SaveStatus />
      <span className="sr-only">Versions</span>
    </button>
  );
}

const LAYOUT_MENU: readonly ActionId[] = ['layoutAll', 'layoutSelection', 'layoutArea'];

/** The Auto-layout button (Shift+L's action, named in its tooltip) opens the three layout actions. */
function LayoutMenu({ ctx, status }: { ctx: ActionContext; status: LayoutStatus }) {
  const [open, setOpen] = useState(false);
  const isMac = useIsMac();
  const running = status.kind === 'running';
  const title = useEditor((s) => actionTooltip(actionById('autoLayout'), s, isMac));
  const readOnly = useEditor((s) => s.readOnly !== undefined);
  return (
    <>
      <div className="relative shrink-0">
        <button type="button" className={btn} aria-haspopup="menu" aria-expanded={open} disabled={running || readOnly} onClick={() => setOpen((o) => !o)} title={title}>
          Auto-layout ▾
        </button>
        {open && (
          <div role="menu" className="absolute left-0 top-8 z-40 flex w-44 flex-col rounded-md border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-900">
            {LAYOUT_MENU.map((id) => (
              <button
                key={id}
                type="button"
                role="menuitem"
                className="px-3 py-1.5 text-left text-xs hover:bg-slate-100 dark:hover:bg-slate-800"
                onClick={() => {
                  setOpen(false);
                  actionById(id).perform(ctx);
                }}
              >
                {actionById(id).label}
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

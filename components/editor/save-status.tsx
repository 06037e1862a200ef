'use client';
/** Saved / Saving… / Unsaved / Offline / Conflict / Error, always visible in the toolbar. */
import { useEditor } from './store/editor-store';

const LABELS = {
  saved: 'Saved',
  saving: 'Saving…',
  dirty: 'Unsaved changes',
  offline: 'Offline: will retry',
  conflict: 'Conflict',
  error: 'Save failed',
} as const;

const COLORS = {
  saved: 'text-emerald-700 dark:text-emerald-400',
  saving: 'text-slate-500',
  dirty: 'text-slate-500',
  offline: 'text-amber-600 dark:text-amber-400',
  conflict: 'text-red-600 dark:text-red-400',
  error: 'text-red-600 dark:text-red-400',
} as const;

export function SaveStatus() {
  const status = useEditor((s) => s.saveState.status);
  const message = useEditor((s) => s.saveState.message);
  return (
    <span role="status" data-testid="save-status" data-status={status} title={message} className={`block w-28 shrink-0 overflow-hidden text-ellipsis whitespace-nowrap text-xs ${COLORS[status]}`}>
      {LABELS[status]}
    </span>
  );
}

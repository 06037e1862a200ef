'use client';
/**
 * Saved / Saving… / Unsaved / Offline / Conflict / Error, always visible in the toolbar, in a fixed
 * width so the toolbar never reflows. "Changed elsewhere" when the server holds a newer version this
 * tab has not seen (it no longer claims "Saved" then).
 */
import { isBehind, useEditor } from './store/editor-store';
import { LiveStatus, useLive } from './collab/live-ui';

const LABELS = {
  saved: 'Saved',
  saving: 'Saving…',
  dirty: 'Unsaved changes',
  offline: 'Offline: will retry',
  conflict: 'Conflict',
  error: 'Save failed',
  behind: 'Changed elsewhere',
} as const;

const COLORS = {
  saved: 'text-emerald-700 dark:text-emerald-400',
  saving: 'text-slate-500',
  dirty: 'text-slate-500',
  offline: 'text-amber-600 dark:text-amber-400',
  conflict: 'text-red-600 dark:text-red-400',
  error: 'text-red-600 dark:text-red-400',
  behind: 'text-amber-600 dark:text-amber-400',
} as const;

/** In a live session the server stores the document: the place of the save status shows the session's. */
export function SaveStatus() {
  return useLive() ? <LiveStatus /> : <RestSaveStatus />;
}

function RestSaveStatus() {
  const saveStatus = useEditor((s) => s.saveState.status);
  const behind = useEditor(isBehind);
  const message = useEditor((s) => s.saveState.message);
  const remoteVersion = useEditor((s) => s.remote?.version);
  const status = saveStatus === 'saved' && behind ? 'behind' : saveStatus;
  const title = status === 'behind' ? `Version ${remoteVersion} was saved in another tab or by someone else` : message;
  return (
    <span
      role="status"
      data-testid="save-status"
      data-status={status}
      title={title ?? LABELS[status]}
      className={`block w-32 shrink-0 overflow-hidden text-ellipsis whitespace-nowrap text-xs ${COLORS[status]}`}
    >
      {LABELS[status]}
    </span>
  );
}

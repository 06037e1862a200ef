'use client';
/**
 * Tells this tab, within a few seconds and without it editing, that another tab or person saved a newer
 * version (store.remote, polled by store/remote-watch.ts), and offers to take it in. Edits made here
 * in the meantime are not sent (the saver knows the server is ahead); taking theirs in merges them.
 */
import { useState } from 'react';
import { isBehind, useEditor } from './store/editor-store';

export function RemoteChangeNotice({ onTakeTheirs }: { onTakeTheirs: () => Promise<void> }) {
  const behind = useEditor(isBehind);
  const status = useEditor((s) => s.saveState.status);
  const remote = useEditor((s) => s.remote);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  if (!behind || !remote || status === 'conflict') return null;
  const at = remote.updatedAt ? new Date(remote.updatedAt) : undefined;
  const dirty = status !== 'saved';
  const take = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onTakeTheirs();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div
      role="status"
      data-testid="remote-change"
      data-version={remote.version}
      className="absolute bottom-4 left-1/2 z-40 flex max-w-[90%] -translate-x-1/2 items-center gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 shadow-md dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
    >
      <span>
        This project was saved in another tab or by someone else
        {at && !Number.isNaN(at.getTime()) ? <> at <time dateTime={remote.updatedAt}>{at.toLocaleTimeString()}</time></> : null} (version {remote.version}).
        {dirty ? ' Your changes here are kept; merge to save them.' : ' You are looking at an older version.'}
        {error && <span className="block text-red-700 dark:text-red-300">{error}</span>}
      </span>
      <button type="button" disabled={busy} onClick={() => void take()} className="shrink-0 rounded-md bg-amber-600 px-3 py-1 text-sm font-medium text-white hover:bg-amber-700 disabled:opacity-60">
        {dirty ? 'Merge their changes' : 'Load their changes'}
      </button>
    </div>
  );
}

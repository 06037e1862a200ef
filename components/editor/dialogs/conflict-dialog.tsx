'use client';
/**
 * Someone saved this project since this tab loaded it (a 409, or a newer version polled while this tab
 * had edits of its own). Never overwrite silently. The dialog compares at once: when both sides
 * touched different things, Merge keeps both; when they collide, each collision is listed per element
 * with both values, and the user picks which to keep. Or: reload theirs (ours is discarded,
 * knowingly), or keep ours as a new project (theirs stays untouched).
 */
import { useEffect, useMemo, useState } from 'react';
import type { DocumentConflict, DocumentMerge, Side } from '@/lib/model/merge/merge-documents';
import { deepEqual, isPlainObject } from '@/lib/model/merge/three-way';
import type { RemoteMerge, Resolutions } from '../store/merge-remote';
import { Modal, buttonClass, primaryButtonClass } from './modal';

export interface MergeActions {
  load(): Promise<{ merge: RemoteMerge; result: DocumentMerge }>;
  preview(merge: RemoteMerge, resolutions: Resolutions): DocumentMerge;
  apply(merge: RemoteMerge, resolutions: Resolutions): { ok: true } | { error: string };
}

type Loaded = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; merge: RemoteMerge };

export function ConflictDialog({ merge: actions, onReloadTheirs, onKeepMine }: { merge: MergeActions; onReloadTheirs: () => Promise<void>; onKeepMine: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [resolutions, setResolutions] = useState<Record<string, Side>>({});

  useEffect(() => {
    let live = true;
    actions.load().then(
      ({ merge }) => live && setLoaded({ kind: 'ready', merge }),
      (e: unknown) => live && setLoaded({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [actions]);

  const result = useMemo(() => (loaded.kind === 'ready' ? actions.preview(loaded.merge, resolutions) : undefined), [actions, loaded, resolutions]);

  const run = (action: () => Promise<void>) => async () => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const merge = () => {
    if (loaded.kind !== 'ready') return;
    const r = actions.apply(loaded.merge, resolutions);
    if ('error' in r) setError(r.error);
  };

  return (
    <Modal
      title="This project was changed elsewhere"
      testId="conflict-dialog"
      actions={
        <>
          <button type="button" className={buttonClass} disabled={busy} onClick={run(onReloadTheirs)}>
            Reload theirs
          </button>
          <button type="button" className={buttonClass} disabled={busy} onClick={run(onKeepMine)}>
            Keep mine as a copy
          </button>
          <button type="button" className={primaryButtonClass} disabled={busy || !result || result.blocked} onClick={merge}>
            Merge
          </button>
        </>
      }
    >
      <p>
        Another tab or person saved
        {loaded.kind === 'ready' ? ` version ${loaded.merge.theirs.version}` : ' a newer version'} while you were editing, so your changes were not saved over it.
      </p>
      <MergeSummary loaded={loaded} result={result} resolutions={resolutions} onResolve={(id, side) => setResolutions((r) => ({ ...r, [id]: side }))} />
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        <b>Reload theirs</b> discards your unsaved changes. <b>Keep mine as a copy</b> saves your version as a new project; theirs stays as it is.
      </p>
      {error && (
        <p role="alert" className="mt-2 text-red-600">
          {error}
        </p>
      )}
    </Modal>
  );
}

function MergeSummary({ loaded, result, resolutions, onResolve }: { loaded: Loaded; result?: DocumentMerge; resolutions: Resolutions; onResolve: (id: string, side: Side) => void }) {
  if (loaded.kind === 'loading') return <p className="mt-2 text-slate-500">Comparing your changes with theirs…</p>;
  if (loaded.kind === 'failed') return <p className="mt-2 text-red-600">Their version could not be loaded: {loaded.message}</p>;
  if (!result) return null;
  if (result.conflicts.length === 0) {
    return (
      <p className="mt-2" data-testid="merge-clean">
        Your changes and theirs touch different things: <b>Merge</b> keeps both, as one step you can undo, and saves.
      </p>
    );
  }
  const resolvable = result.conflicts.filter((c) => c.resolvable).length;
  return (
    <>
      <p className="mt-2">
        {resolvable > 0 && <>Some changes collide: choose which value to keep for each; <b>Merge</b> keeps everything else from both sides, as one step you can undo. </>}
        {result.blocked && <>Some combinations cannot be merged as they are (below): keep yours as a copy, or reload theirs and redo your edit.</>}
      </p>
      <ul data-testid="merge-conflicts" className="mt-2 max-h-72 space-y-2 overflow-auto rounded border border-slate-200 p-2 dark:border-slate-700">
        {result.conflicts.map((c) => (
          <ConflictRow key={c.id} conflict={c} side={resolutions[c.id] ?? 'mine'} onResolve={onResolve} />
        ))}
      </ul>
    </>
  );
}

function ConflictRow({ conflict: c, side, onResolve }: { conflict: DocumentConflict; side: Side; onResolve: (id: string, side: Side) => void }) {
  const label = c.field ? `${c.element} · ${c.field}` : c.element;
  return (
    <li data-testid="merge-conflict" data-kind={c.kind} className="text-xs">
      <p className="font-medium" data-testid="merge-conflict-element">
        {label}
      </p>
      {c.resolvable ? (
        <fieldset className="mt-1 grid gap-1">
          <legend className="sr-only">Keep which value of {label}</legend>
          {(['mine', 'theirs'] as const).map((s) => (
            <label key={s} className="flex items-baseline gap-2">
              <input type="radio" name={c.id} checked={side === s} onChange={() => onResolve(c.id, s)} aria-label={`Keep ${s} for ${label}`} />
              <span className="w-12 shrink-0 text-slate-500">{s === 'mine' ? 'Mine' : 'Theirs'}</span>
              <code data-testid={`merge-${s}-value`} className="break-all">
                {formatValue(s === 'mine' ? c.mine : c.theirs, c.base)}
              </code>
            </label>
          ))}
        </fieldset>
      ) : (
        <p className="mt-1 text-red-600">{c.message}</p>
      )}
    </li>
  );
}

/** A value as the user reads it: names and numbers plainly, a whole element as what changed in it. */
export function formatValue(value: unknown, base: unknown): string {
  if (value === undefined) return base === undefined ? '(not there)' : '(removed)';
  if (typeof value === 'string') return value.length > 120 ? `"${value.slice(0, 119)}…"` : `"${value}"`;
  if (typeof value !== 'object' || value === null) return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  if (isPlainObject(value)) {
    if (typeof value.x === 'number' && typeof value.y === 'number' && Object.keys(value).length === 2) return `x ${value.x}, y ${value.y}`;
    if (isPlainObject(base)) {
      const changed = [...new Set([...Object.keys(value), ...Object.keys(base)])].filter((k) => !deepEqual(value[k], base[k]));
      return changed.length ? `changed: ${changed.join(', ')}` : 'unchanged';
    }
  }
  const json = JSON.stringify(value);
  return json.length > 120 ? `${json.slice(0, 119)}…` : json;
}

'use client';
/**
 * The History panel: the project's named versions (name, when, tables and relationships), saving the
 * current design as a named version, and per version: open it read-only, restore it (one undo step),
 * compare it with the current design; or compare any two sides.
 */
import { useCallback, useEffect, useState } from 'react';
import { Button, IconButton } from '@/components/ui/button';
import { controlClass, cx } from '@/components/ui/styles';
import { useEditor } from '../store/editor-store';
import type { LoadedVersion, VersionSummary } from './versions-api';
import { ActivityList } from './activity-list';

export const CURRENT = 'current';

export interface VersionsPanelActions {
  list(): Promise<VersionSummary[]>;
  /** Saves the design (if it has unsaved changes), then snapshots it under `name`. */
  save(name: string): Promise<VersionSummary>;
  load(versionId: string): Promise<LoadedVersion>;
  open(versionId: string): void;
  restore(versionId: string): void;
  /** Each side a version id or CURRENT. */
  compare(from: string, to: string): void;
}

const when = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
};

/** Who saved a version (team mode: VersionSummary.author, a name or a user), or undefined. */
export function versionAuthor(v: VersionSummary): string | undefined {
  const a = (v as { author?: unknown }).author;
  if (typeof a === 'string' && a) return a;
  if (a && typeof a === 'object') {
    const { name, email } = a as { name?: unknown; email?: unknown };
    if (typeof name === 'string' && name) return name;
    if (typeof email === 'string' && email) return email;
  }
  return undefined;
}

/** Relationship counts need the version's document: loaded for the newest few only. */
const COUNT_RELATIONSHIPS_OF = 10;

export function VersionsPanel({ actions, onClose, className }: { actions: VersionsPanelActions; onClose: () => void; className?: string }) {
  const [versions, setVersions] = useState<VersionSummary[]>();
  const [error, setError] = useState<string>();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [relCounts, setRelCounts] = useState<Record<string, number>>({});
  const [from, setFrom] = useState<string>('');
  const [to, setTo] = useState<string>(CURRENT);
  // Read-only (role or share link): versions can be opened and compared, not saved or restored.
  const readOnly = useEditor((s) => s.readOnly);

  // Bumped to list again (after a save).
  const [listed, setListed] = useState(0);
  const refresh = useCallback(() => setListed((n) => n + 1), []);
  useEffect(() => {
    let stop = false;
    actions.list().then(
      (list) => {
        if (stop) return;
        setVersions(list);
        setError(undefined);
        setFrom((f) => f || list[0]?.id || '');
      },
      (e: unknown) => !stop && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      stop = true;
    };
  }, [actions, listed]);

  useEffect(() => {
    let stop = false;
    for (const v of (versions ?? []).slice(0, COUNT_RELATIONSHIPS_OF)) {
      if (v.id in relCounts) continue;
      actions
        .load(v.id)
        .then((l) => !stop && setRelCounts((c) => ({ ...c, [v.id]: Object.keys(l.document.relationships).length })))
        .catch(() => undefined);
    }
    return () => {
      stop = true;
    };
    // relCounts is read to skip known ones, not a trigger.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [versions, actions]);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setError('Give the version a name.');
    setBusy(true);
    try {
      await actions.save(trimmed);
      setName('');
      refresh();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const sideOptions = [{ id: CURRENT, label: 'Current design' }, ...(versions ?? []).map((v) => ({ id: v.id, label: v.name }))];

  return (
    <section className={cx('flex min-h-0 flex-col', className)} aria-label="Versions" data-testid="versions-panel">
      <header className="flex items-center justify-between border-b border-slate-200 px-2 py-1 dark:border-slate-800">
        <h2 className="text-sm font-semibold">Versions</h2>
        <IconButton label="Close versions" onClick={onClose}>
          ×
        </IconButton>
      </header>
      <form className="flex gap-1 border-b border-slate-200 p-2 dark:border-slate-800" onSubmit={save} hidden={readOnly !== undefined}>
        <input className={controlClass} placeholder="Name this version (e.g. release 1.2)" aria-label="Version name" data-testid="version-name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        <Button type="submit" variant="primary" disabled={busy} data-testid="version-save">
          Save version
        </Button>
      </form>
      {error && (
        <p role="alert" className="px-2 py-1 text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      {versions && versions.length > 0 && (
        <div className="flex flex-wrap items-center gap-1 border-b border-slate-200 p-2 text-xs dark:border-slate-800">
          <SideSelect id="compare-from" label="Compare from" value={from} options={sideOptions} onChange={setFrom} />
          →
          <SideSelect id="compare-to" label="Compare to" value={to} options={sideOptions} onChange={setTo} />
          <Button data-testid="compare-pair" disabled={!from || from === to} onClick={() => actions.compare(from, to)}>
            Compare
          </Button>
        </div>
      )}
      <ul className="min-h-0 flex-1 overflow-auto text-xs">
        {versions === undefined && !error && <li className="p-2 text-slate-500">Loading…</li>}
        {versions?.length === 0 && <li className="p-2 text-slate-500">No named versions yet: save one above to mark this design.</li>}
        {versions?.map((v) => (
          <li key={v.id} className="border-b border-slate-100 px-2 py-1.5 dark:border-slate-800" data-testid="version-item" data-version-name={v.name}>
            <div className="flex items-baseline justify-between gap-2">
              <span className="truncate font-medium" title={v.name}>
                {v.name}
              </span>
              <time className="shrink-0 text-slate-500" dateTime={v.createdAt}>
                {when(v.createdAt)}
              </time>
            </div>
            <div className="text-slate-500">
              {v.tableCount} tables{v.id in relCounts ? `, ${relCounts[v.id]} relationships` : ''} · saved at revision {v.projectVersion}
              {versionAuthor(v) && (
                <>
                  {' '}
                  by <span data-testid="version-author">{versionAuthor(v)}</span>
                </>
              )}
            </div>
            <div className="mt-1 flex gap-1">
              <Button onClick={() => actions.open(v.id)} data-testid="version-open">
                Open
              </Button>
              <Button onClick={() => actions.compare(v.id, CURRENT)} data-testid="version-compare-current">
                Compare with current
              </Button>
              <Button variant="danger" onClick={() => actions.restore(v.id)} data-testid="version-restore" disabled={readOnly !== undefined} title={readOnly}>
                Restore
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <ActivityList />
    </section>
  );
}

/** One side of the comparison: a version, or the current design. */
function SideSelect({ id, label, value, options, onChange }: { id: string; label: string; value: string; options: { id: string; label: string }[]; onChange: (id: string) => void }) {
  return (
    <>
      <label className="sr-only" htmlFor={id}>
        {label}
      </label>
      <select id={id} data-testid={id} className="max-w-[9rem] rounded border border-slate-300 dark:border-slate-600 dark:bg-slate-900" value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </>
  );
}

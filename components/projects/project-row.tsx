'use client';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import type { ProjectSummary } from './projects-client';
import { relativeTime } from './relative-time';

const actionButton = 'rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900 disabled:opacity-50 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white';

/** One project in the list: open, rename in place, duplicate, delete (the parent confirms). */
export function ProjectRow(props: {
  project: ProjectSummary;
  busy: boolean;
  onRename: (name: string) => Promise<boolean>;
  onDuplicate: () => void;
  onDelete: () => void;
}) {
  const { project, busy, onRename, onDuplicate, onDelete } = props;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(project.name);

  async function handleRenameSubmit(e: FormEvent) {
    e.preventDefault();
    const name = draft.trim();
    if (!name || name === project.name) {
      setEditing(false);
      return;
    }
    if (await onRename(name)) setEditing(false);
  }

  const tables = project.tableCount === 1 ? '1 table' : `${project.tableCount} tables`;

  return (
    <li data-testid="project-row" data-project-id={project.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
      <div className="min-w-0 flex-1">
        {editing ? (
          <form onSubmit={handleRenameSubmit} className="flex items-center gap-2">
            <label className="sr-only" htmlFor={`rename-${project.id}`}>
              New name
            </label>
            <input
              id={`rename-${project.id}`}
              data-testid="rename-input"
              autoFocus
              value={draft}
              maxLength={200}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Escape') {
                  setDraft(project.name);
                  setEditing(false);
                }
              }}
              className="w-full max-w-sm rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
            />
            <button type="submit" data-testid="rename-save" disabled={busy} className="rounded-md bg-blue-600 px-2.5 py-1 text-sm font-medium text-white hover:bg-blue-700 disabled:opacity-60">
              Save
            </button>
            <button type="button" onClick={() => { setDraft(project.name); setEditing(false); }} className={actionButton}>
              Cancel
            </button>
          </form>
        ) : (
          <Link href={`/projects/${encodeURIComponent(project.id)}`} data-testid="project-link" className="block truncate font-medium text-blue-700 hover:underline dark:text-blue-400">
            {project.name}
          </Link>
        )}
        <p className="mt-0.5 text-xs text-slate-500 dark:text-slate-400">
          <span data-testid="project-table-count">{tables}</span>
          <span aria-hidden="true"> · </span>
          edited{' '}
          <time dateTime={project.updatedAt} title={new Date(project.updatedAt).toLocaleString()} suppressHydrationWarning>
            {relativeTime(project.updatedAt)}
          </time>
        </p>
      </div>
      {!editing && (
        <div className="flex items-center gap-1">
          <button type="button" className={actionButton} data-testid="rename-project" disabled={busy} onClick={() => { setDraft(project.name); setEditing(true); }}>
            Rename
          </button>
          <button type="button" className={actionButton} data-testid="duplicate-project" disabled={busy} onClick={onDuplicate}>
            Duplicate
          </button>
          <button type="button" className={`${actionButton} hover:text-red-700 dark:hover:text-red-400`} data-testid="delete-project" disabled={busy} onClick={onDelete}>
            Delete
          </button>
        </div>
      )}
    </li>
  );
}

'use client';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { ImportDialog } from '@/components/import/import-dialog';
import { ConfirmDialog } from './confirm-dialog';
import { ProjectRow } from './project-row';
import * as api from './projects-client';
import type { ProjectSummary } from './projects-client';
import { DEFAULT_QUERY, filterAndSortProjects, PROJECT_SORTS, projectQueryString, SORT_LABELS, type ProjectQuery, type ProjectSort } from './project-query';

/**
 * The home page's project list. Starts from the server-rendered list, then every change goes through
 * the API and the list is re-read from it (so what is shown is what is stored). Creating a project
 * opens it. Search (by name) and sort live in the URL, so a reload keeps them.
 */
function ignoreImported(): void {}

export function ProjectList({ initialProjects, initialQuery = DEFAULT_QUERY }: { initialProjects: ProjectSummary[]; initialQuery?: ProjectQuery }) {
  const router = useRouter();
  const [projects, setProjects] = useState(initialProjects);
  const [query, setQueryState] = useState(initialQuery);
  const shown = useMemo(() => filterAndSortProjects(projects, query), [projects, query]);
  const [newName, setNewName] = useState('');
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<ProjectSummary | null>(null);

  const run = useCallback(async (id: string, action: () => Promise<unknown>): Promise<boolean> => {
    setBusyId(id);
    setError(null);
    try {
      await action();
      setProjects(await api.fetchProjects());
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setBusyId(null);
    }
  }, []);

  const setQuery = useCallback((next: ProjectQuery) => {
    setQueryState(next);
    // Replacing the entry (not pushing one per keystroke); Next's router follows history.replaceState.
    window.history.replaceState(null, '', `${window.location.pathname}${projectQueryString(next)}`);
  }, []);

  async function handleCreate(e: FormEvent) {
    e.preventDefault();
    const name = newName.trim() || 'Untitled project';
    setBusyId('new');
    setError(null);
    try {
      const project = await api.createProject(name);
      router.push(`/projects/${encodeURIComponent(project.id)}`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusyId(null);
    }
  }

  async function handleConfirmDelete() {
    const target = confirmDelete;
    if (!target) return;
    await run(target.id, () => api.deleteProject(target.id));
    setConfirmDelete(null);
  }

  const handleCancelDelete = useCallback(() => setConfirmDelete(null), []);

  return (
    <section aria-labelledby="projects-heading" className="space-y-4">
      <form onSubmit={handleCreate} className="flex flex-wrap items-end gap-2">
        <div className="min-w-0 flex-1">
          <label htmlFor="new-project-name" className="block text-sm font-medium text-slate-700 dark:text-slate-300">
            New project
          </label>
          <input
            id="new-project-name"
            data-testid="new-project-name"
            value={newName}
            maxLength={200}
            placeholder="e.g. Billing service"
            onChange={(e) => setNewName(e.target.value)}
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-500/30 dark:border-slate-600 dark:bg-slate-900"
          />
        </div>
        <button
          type="submit"
          data-testid="create-project"
          disabled={busyId === 'new'}
          className="rounded-md bg-blue-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-blue-700 disabled:opacity-60"
        >
          Create project
        </button>
      </form>
      {/* Outside the form so Enter inside the dialog never submits "Create project". The dialog
          creates the project from the import and opens it: nothing to refresh here. */}
      <div className="flex justify-end">
        <ImportDialog mode="new-project" onImported={ignoreImported} triggerLabel="Import schema…" />
      </div>

      {error && (
        <p role="alert" data-testid="projects-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      )}

      <div>
        <div className="mb-2 flex flex-wrap items-center gap-2">
          <h2 id="projects-heading" className="mr-auto text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
            Projects <span data-testid="project-count">({shown.length === projects.length ? projects.length : `${shown.length} of ${projects.length}`})</span>
          </h2>
          {projects.length > 0 && (
            <>
              <input
                type="search"
                aria-label="Search projects by name"
                data-testid="project-search"
                placeholder="Search by name"
                value={query.q}
                maxLength={200}
                onChange={(e) => setQuery({ ...query, q: e.target.value })}
                className="w-56 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
              />
              <label className="flex items-center gap-1 text-sm text-slate-600 dark:text-slate-300">
                Sort
                <select
                  aria-label="Sort projects"
                  data-testid="project-sort"
                  value={query.sort}
                  onChange={(e) => setQuery({ ...query, sort: e.target.value as ProjectSort })}
                  className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
                >
                  {PROJECT_SORTS.map((s) => (
                    <option key={s} value={s}>
                      {SORT_LABELS[s]}
                    </option>
                  ))}
                </select>
              </label>
            </>
          )}
        </div>
        {projects.length > 0 && shown.length === 0 && (
          <p data-testid="projects-no-match" className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">
            No project name contains “{query.q}”.{' '}
            <button type="button" className="text-blue-700 underline dark:text-blue-400" onClick={() => setQuery({ ...query, q: '' })}>
              Clear the search
            </button>
          </p>
        )}
        {projects.length === 0 ? (
          <p data-testid="projects-empty" className="rounded-lg border border-dashed border-slate-300 px-4 py-10 text-center text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">
            No projects yet. Create one above, then open it to design its schema.
          </p>
        ) : shown.length === 0 ? null : (
          <ul data-testid="project-list" className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
            {shown.map((p) => (
              <ProjectRow
                key={p.id}
                project={p}
                busy={busyId === p.id}
                onRename={(name) => run(p.id, () => api.renameProject(p.id, name))}
                onDuplicate={() => void run(p.id, () => api.duplicateProject(p.id))}
                onDelete={() => setConfirmDelete(p)}
              />
            ))}
          </ul>
        )}
      </div>

      {confirmDelete && (
        <ConfirmDialog
          title="Delete project?"
          message={`“${confirmDelete.name}” and its saved versions will be deleted. This cannot be undone.`}
          confirmLabel="Delete project"
          busy={busyId === confirmDelete.id}
          onConfirm={() => void handleConfirmDelete()}
          onCancel={handleCancelDelete}
        />
      )}
    </section>
  );
}

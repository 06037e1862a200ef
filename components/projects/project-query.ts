/**
 * The home page's search and sort, kept in the URL (`/?q=billing&sort=name`) so a reload or a shared
 * link shows the same list. Unknown values fall back to the defaults (no search, last edited first).
 */
import type { ProjectSummary } from './projects-client';

export const PROJECT_SORTS = ['edited', 'name', 'tables'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

export const SORT_LABELS: Record<ProjectSort, string> = { edited: 'Last edited', name: 'Name', tables: 'Table count' };

export interface ProjectQuery {
  q: string;
  sort: ProjectSort;
}

export const DEFAULT_QUERY: ProjectQuery = { q: '', sort: 'edited' };

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

function first(params: RawParams, key: string): string | undefined {
  if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
  const v = params[key];
  return Array.isArray(v) ? v[0] : v;
}

export function parseProjectQuery(params: RawParams): ProjectQuery {
  const sort = first(params, 'sort');
  return {
    q: (first(params, 'q') ?? '').slice(0, 200),
    sort: PROJECT_SORTS.includes(sort as ProjectSort) ? (sort as ProjectSort) : DEFAULT_QUERY.sort,
  };
}

/** The query string for a query (`?q=...&sort=...`), empty for the defaults. */
export function projectQueryString(query: ProjectQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.sort !== DEFAULT_QUERY.sort) params.set('sort', query.sort);
  const s = params.toString();
  return s ? `?${s}` : '';
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Projects whose name contains every word of the search (any case), in the chosen order. */
export function filterAndSortProjects(projects: readonly ProjectSummary[], query: ProjectQuery): ProjectSummary[] {
  const words = query.q.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const found = projects.filter((p) => {
    const name = p.name.toLocaleLowerCase();
    return words.every((w) => name.includes(w));
  });
  const byName = (a: ProjectSummary, b: ProjectSummary) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id);
  const byEdited = (a: ProjectSummary, b: ProjectSummary) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id);
  switch (query.sort) {
    case 'name':
      return found.sort(byName);
    case 'tables':
      return found.sort((a, b) => b.tableCount - a.tableCount || byName(a, b));
    case 'edited':
      return found.sort(byEdited);
  }
}

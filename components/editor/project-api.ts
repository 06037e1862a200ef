/**
 * The editor's calls to the projects API (issue 2): load a project, create a copy. Responses are
 * validated: the document goes through loadDocument like every other boundary.
 */
import type { SchemaDocument } from '@/lib/model/document';
import { loadDocument } from '@/lib/model/migrate';
import { formatIssues } from '@/lib/model/validate';
import type { ProjectAccessInfo } from '@/lib/api/teams';
import { apiFetch } from './api-fetch';
import { accessFromBody } from './access';

export interface LoadedProject {
  id: string;
  name: string;
  version: number;
  document: SchemaDocument;
  /** The response text the document was read from: the save worker builds its replica from it. */
  sourceText?: string;
  /** What this user may do (team mode); absent in solo mode, where everything is allowed. */
  access?: ProjectAccessInfo;
}

export class ProjectLoadError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ProjectLoadError';
  }
}

/** Route handlers answer `{ project: {...} }`; a bare project object is accepted too. */
function unwrap(body: unknown): Record<string, unknown> {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    if (b.project && typeof b.project === 'object') return b.project as Record<string, unknown>;
    return b;
  }
  return {};
}

function errorMessage(body: unknown, status: number): string {
  const err = body && typeof body === 'object' ? (body as { error?: { message?: unknown } }).error : undefined;
  return typeof err?.message === 'string' ? err.message : `HTTP ${status}`;
}

export async function fetchProject(id: string, fetchFn: typeof fetch = apiFetch): Promise<LoadedProject> {
  let res: Response;
  try {
    res = await fetchFn(`/api/projects/${encodeURIComponent(id)}`, { cache: 'no-store' });
  } catch (e) {
    throw new ProjectLoadError(`the server is unreachable (${e instanceof Error ? e.message : String(e)})`);
  }
  const text = await res.text().catch(() => '');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!res.ok) throw new ProjectLoadError(res.status === 404 ? 'this project does not exist (it may have been deleted)' : errorMessage(body, res.status), res.status);
  return { ...projectFromBody(body, id), sourceText: text };
}

/**
 * The project in a GET /api/projects/:id answer. The page and the save worker (which keeps a replica
 * built from the same text) both read it here, so both hold the same document.
 */
export function projectFromBody(body: unknown, id: string): LoadedProject {
  const p = unwrap(body);
  const parsed = loadDocument(p.document);
  if (!parsed.ok) throw new ProjectLoadError(`the stored document is invalid: ${formatIssues(parsed.issues.slice(0, 5))}`);
  if (typeof p.version !== 'number') throw new ProjectLoadError('the server answered without a version');
  const access = accessFromBody(body);
  return { id: String(p.id ?? id), name: typeof p.name === 'string' ? p.name : 'Untitled', version: p.version, document: parsed.document, ...(access && { access }) };
}

/** POST /api/projects: a new project holding `doc`; returns its id. */
export async function createProjectCopy(name: string, doc: SchemaDocument, fetchFn: typeof fetch = apiFetch): Promise<string> {
  const res = await fetchFn('/api/projects', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, document: doc }),
  });
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw new Error(`could not create the copy: ${errorMessage(body, res.status)}`);
  const id = unwrap(body).id;
  if (typeof id !== 'string' && typeof id !== 'number') throw new Error('the server created the copy but did not say its id');
  return String(id);
}

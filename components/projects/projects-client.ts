/** Browser-side calls to the projects API; errors carry the server's `{ error: { message } }`. */
import type { ProjectSummary } from '@/lib/api/projects';

export type { ProjectSummary };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

async function call<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init?.headers }, cache: 'no-store' });
  if (res.status === 204) return undefined as T;
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(res.status, err?.code ?? 'http_error', err?.message ?? `The server answered ${res.status}.`);
  }
  return body as T;
}

export async function fetchProjects(): Promise<ProjectSummary[]> {
  return (await call<{ projects: ProjectSummary[] }>('/api/projects')).projects;
}

export async function createProject(name: string): Promise<ProjectSummary> {
  return (await call<{ project: ProjectSummary }>('/api/projects', { method: 'POST', body: JSON.stringify({ name }) })).project;
}

export async function duplicateProject(id: string): Promise<ProjectSummary> {
  return (await call<{ project: ProjectSummary }>('/api/projects', { method: 'POST', body: JSON.stringify({ duplicateOf: id }) })).project;
}

export async function renameProject(id: string, name: string): Promise<ProjectSummary> {
  return (await call<{ project: ProjectSummary }>(`/api/projects/${encodeURIComponent(id)}`, { method: 'PATCH', body: JSON.stringify({ name }) })).project;
}

export async function deleteProject(id: string): Promise<void> {
  await call<void>(`/api/projects/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

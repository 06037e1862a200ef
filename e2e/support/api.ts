/**
 * Shared e2e helpers: set up state through the HTTP API (fast, no clicking) before driving the UI.
 * Use with Playwright's `request` fixture (baseURL is configured), e.g.
 *   const project = await createProjectViaApi(request, { name: 'Shop', document });
 *   await page.goto(`/projects/${project.id}`);
 */
import { expect, type APIRequestContext } from '@playwright/test';

export interface CreatedProject {
  id: string;
  name: string;
  version: number;
}

/** A unique, readable name so tests sharing one server never collide. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export async function createProjectViaApi(request: APIRequestContext, input: { name?: string; document?: unknown } = {}): Promise<CreatedProject> {
  const res = await request.post('/api/projects', { data: { name: input.name ?? uniqueName('e2e'), document: input.document } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).project as CreatedProject;
}

export async function getProjectViaApi(request: APIRequestContext, id: string): Promise<{ id: string; name: string; version: number; document: unknown }> {
  const res = await request.get(`/api/projects/${encodeURIComponent(id)}`);
  expect(res.status(), await res.text()).toBe(200);
  return res.json();
}

export async function saveProjectViaApi(request: APIRequestContext, id: string, version: number, document: unknown): Promise<number> {
  const res = await request.put(`/api/projects/${encodeURIComponent(id)}`, { data: { document }, headers: { 'if-match': String(version) } });
  expect(res.status(), await res.text()).toBe(200);
  return (await res.json()).version as number;
}

export async function deleteProjectViaApi(request: APIRequestContext, id: string): Promise<void> {
  const res = await request.delete(`/api/projects/${encodeURIComponent(id)}`);
  expect([204, 404]).toContain(res.status());
}

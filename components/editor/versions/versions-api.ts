/**
 * The editor's calls to the named versions API (GET/POST /api/projects/:id/versions, GET .../:vid).
 * Answers are checked; a version's document goes through loadDocument like every other boundary.
 */
import type { VersionSummary } from '@/lib/api/projects';
import type { SchemaDocument } from '@/lib/model/document';
import { loadDocument } from '@/lib/model/migrate';
import { formatIssues } from '@/lib/model/validate';
import { apiFetch } from '../api-fetch';

export type { VersionSummary };

const base = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/versions`;

async function readJson(res: Response): Promise<unknown> {
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const message = (body as { error?: { message?: unknown } } | undefined)?.error?.message;
    throw new Error(typeof message === 'string' ? message : `HTTP ${res.status}`);
  }
  return body;
}

function isSummary(v: unknown): v is VersionSummary {
  const s = v as Partial<VersionSummary> | null;
  return !!s && typeof s.id === 'string' && typeof s.name === 'string' && typeof s.createdAt === 'string' && typeof s.tableCount === 'number';
}

export async function listVersions(projectId: string, fetchFn: typeof fetch = apiFetch): Promise<VersionSummary[]> {
  const body = (await readJson(await fetchFn(base(projectId), { cache: 'no-store' }))) as { versions?: unknown };
  if (!Array.isArray(body?.versions)) throw new Error('the server answered without a version list');
  return body.versions.filter(isSummary);
}

/** Snapshots the project's saved document under `name`. */
export async function saveVersion(projectId: string, name: string, fetchFn: typeof fetch = apiFetch): Promise<VersionSummary> {
  const res = await fetchFn(base(projectId), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) });
  const body = (await readJson(res)) as { version?: unknown };
  if (!isSummary(body?.version)) throw new Error('the server saved the version but did not describe it');
  return body.version;
}

export interface LoadedVersion {
  summary: VersionSummary;
  document: SchemaDocument;
}

export async function fetchVersion(projectId: string, versionId: string, fetchFn: typeof fetch = apiFetch): Promise<LoadedVersion> {
  const body = (await readJson(await fetchFn(`${base(projectId)}/${encodeURIComponent(versionId)}`, { cache: 'no-store' }))) as Record<string, unknown>;
  const parsed = loadDocument(body?.document);
  if (!parsed.ok) throw new Error(`the stored version is invalid: ${formatIssues(parsed.issues.slice(0, 5))}`);
  const meta: Record<string, unknown> = { ...body };
  delete meta.document;
  if (!isSummary(meta)) throw new Error('the server answered without the version\'s name');
  return { summary: meta, document: parsed.document };
}

/**
 * The projects HTTP API's request schemas and response bodies, shared by the route handlers under
 * app/api/projects/** (which stay a few lines each).
 */
import 'server-only';
import { z } from 'zod';
import { isCurrentDocumentText, loadDocument } from '../../model/migrate';
import type { SchemaDocument } from '../../model/document';
import { HttpError } from '../http/error-response';
import type { ProjectWithDocument, VersionWithDocument } from './repository';

export const projectNameSchema = z.string().trim().min(1, 'must not be empty').max(200);

export const createProjectBody = z.object({
  name: projectNameSchema.optional(),
  /** Any JSON: validated by loadDocument (zod shape + referential integrity) below. */
  document: z.unknown().optional(),
  /** Create the project as a copy of this one (its current document). */
  duplicateOf: z.string().min(1).max(64).optional(),
}).strict();

export const saveProjectBody = z.object({
  name: projectNameSchema.optional(),
  document: z.unknown().refine((v) => v !== undefined, 'document is required'),
}).strict();

export const renameProjectBody = z.object({ name: projectNameSchema }).strict();

export const createVersionBody = z.object({ name: projectNameSchema }).strict();

/** Validates a document from a request: 400 `invalid_document` naming the failing paths. */
export function requireValidDocument(raw: unknown): SchemaDocument {
  const result = loadDocument(raw);
  if (result.ok) return result.document;
  const shown = result.issues.slice(0, 10).map((i) => `${i.path}: ${i.message}`).join('; ');
  const more = result.issues.length > 10 ? ` (and ${result.issues.length - 10} more)` : '';
  throw new HttpError(400, 'invalid_document', `Invalid document: ${shown}${more}`, { issues: result.issues.slice(0, 50) });
}

/**
 * The version named by If-Match. Accepts `3`, `"3"` and `W/"3"` (ETag syntax, as browsers and proxies
 * may send it). Missing -> 428: a save that names no version could silently overwrite another tab.
 */
export function requireIfMatchVersion(req: Request): number {
  const raw = req.headers.get('if-match');
  if (raw === null || raw.trim() === '') {
    throw new HttpError(428, 'precondition_required', 'Saving a document needs an If-Match header with the version you loaded (e.g. If-Match: 3).');
  }
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(raw);
  if (!m) throw new HttpError(400, 'invalid_if_match', `If-Match must be a project version number such as 3, got ${JSON.stringify(raw.slice(0, 40))}.`);
  return Number(m[1]);
}

export function notFound(what: 'project' | 'version', id: string): HttpError {
  return new HttpError(404, 'not_found', `No ${what} with id ${JSON.stringify(id)}.`);
}

/**
 * A JSON response that embeds stored document text as is: no parse + re-stringify of a document that
 * may be megabytes, and its key order (display order) is kept.
 */
function jsonWithDocument(meta: Record<string, unknown>, documentJson: string, init?: ResponseInit): Response {
  const head = JSON.stringify(meta);
  const body = `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"document":${documentJson}}`;
  const headers = new Headers(init?.headers);
  headers.set('content-type', 'application/json; charset=utf-8');
  return new Response(body, { ...init, headers });
}

/**
 * Stored text as this build reads it. Text already at the current version was checked when it was
 * saved and is served as is; older text goes through the load gate and is served upgraded (the next
 * save stores it upgraded). Text the gate refuses is a 422 naming the problem, never served raw.
 */
export function currentDocumentJson(documentJson: string): string {
  if (isCurrentDocumentText(documentJson)) return documentJson;
  let raw: unknown;
  try {
    raw = JSON.parse(documentJson);
  } catch {
    throw new HttpError(422, 'invalid_stored_document', 'The stored document is not valid JSON.');
  }
  const loaded = loadDocument(raw);
  if (!loaded.ok) {
    const first = loaded.issues[0];
    throw new HttpError(422, 'invalid_stored_document', `The stored document cannot be read: ${first.path}: ${first.message}`, { issues: loaded.issues.slice(0, 50) });
  }
  return JSON.stringify(loaded.document);
}

/** GET /api/projects/:id's body; `extra` (the requester's `access`) goes beside the project's fields. */
export function projectResponse(project: ProjectWithDocument, extra: Record<string, unknown> = {}): Response {
  const { documentJson, ...fields } = project;
  const meta = { ...fields, ...extra };
  // The ETag carries the version, so a client can echo it in If-Match.
  return jsonWithDocument(meta, currentDocumentJson(documentJson), { headers: { etag: `"${project.version}"`, 'cache-control': 'no-store' } });
}

export function versionResponse(version: VersionWithDocument): Response {
  const { documentJson, ...meta } = version;
  return jsonWithDocument(meta, currentDocumentJson(documentJson), { headers: { 'cache-control': 'no-store' } });
}

/** The ids this server issues (`prj_…`, `ver_…`, user ids): anything else in a URL cannot name a row. */
const ROUTE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * An id from a URL, checked before it reaches a query: a malformed or oversized id is the same 404 as
 * an unknown one.
 */
export function requireRouteId(id: string, what: 'project' | 'version' | 'member' | 'invite' | 'share link'): string {
  if (ROUTE_ID.test(id)) return id;
  throw new HttpError(404, 'not_found', `No ${what} with id ${JSON.stringify(id.slice(0, 64))}.`);
}

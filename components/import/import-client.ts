/**
 * Browser-side calls for the Import dialog: POST /api/import, /api/import/live and /api/projects, with
 * the server's error shape (`{ error: { message, line, column, excerpt, file } }`) kept intact for display.
 * No React here, so it is testable with a stubbed fetch.
 */
import type { SchemaDocument } from '@/lib/model/document';
import { folderSourceNames } from '@/lib/importers/folder-sources';
import type { ImportFormat, ImportReport, SourceFile } from '@/lib/importers/types';

export type DialogFormat = ImportFormat | 'auto';

export interface ImportSuccess {
  ok: true;
  document: SchemaDocument;
  report: ImportReport;
}

export interface ImportFailure {
  ok: false;
  status: number;
  message: string;
  line?: number;
  column?: number;
  excerpt?: string;
  file?: string;
}

export type ImportOutcome = ImportSuccess | ImportFailure;

/** Mirrors the server's default body cap, so a huge paste fails at once without an upload. */
export const CLIENT_MAX_IMPORT_BYTES = 10 * 1024 * 1024;

type Fetch = typeof fetch;

async function postJson(url: string, body: unknown, fetchImpl: Fetch): Promise<ImportOutcome> {
  return post(url, 'application/json', JSON.stringify(body), fetchImpl);
}

async function post(url: string, contentType: string, body: BodyInit, fetchImpl: Fetch): Promise<ImportOutcome> {
  let res: Response;
  try {
    res = await fetchImpl(url, { method: 'POST', headers: { 'content-type': contentType }, body, cache: 'no-store' });
  } catch (e) {
    return { ok: false, status: 0, message: `The server could not be reached: ${e instanceof Error ? e.message : String(e)}` };
  }
  const json: unknown = await res.json().catch(() => null);
  if (res.ok && json && typeof json === 'object' && 'document' in json && 'report' in json) {
    const ok = json as { document: SchemaDocument; report: ImportReport };
    return { ok: true, document: ok.document, report: ok.report };
  }
  const err = (json as { error?: Partial<Omit<ImportFailure, 'ok' | 'status'>> } | null)?.error;
  if (res.status === 413) return { ok: false, status: 413, message: err?.message ?? 'The source is too large for the server.' };
  return {
    ok: false,
    status: res.status,
    message: err?.message ?? `The server answered ${res.status}.`,
    ...(typeof err?.line === 'number' ? { line: err.line } : {}),
    ...(typeof err?.column === 'number' ? { column: err.column } : {}),
    ...(typeof err?.excerpt === 'string' ? { excerpt: err.excerpt } : {}),
    ...(typeof err?.file === 'string' ? { file: err.file } : {}),
  };
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

export async function requestImport(format: DialogFormat, source: string | SourceFile[], fetchImpl: Fetch = fetch): Promise<ImportOutcome> {
  const size = typeof source === 'string' ? byteLength(source) : source.reduce((n, f) => n + byteLength(f.content), 0);
  if (size > CLIENT_MAX_IMPORT_BYTES) {
    return { ok: false, status: 413, message: `The source is ${(size / 1024 / 1024).toFixed(1)} MB; imports are limited to ${CLIENT_MAX_IMPORT_BYTES / 1024 / 1024} MB.` };
  }
  return postJson('/api/import', { format, source: typeof source === 'string' ? source : { files: source } }, fetchImpl);
}

/** The server's largest SQLite database upload (it also holds uploads to DRAFTBASE_MAX_BODY_BYTES, 32 MB by default). */
export const CLIENT_MAX_SQLITE_BYTES = 200 * 1024 * 1024;

/** The 16 bytes every SQLite 3 database file starts with. */
const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** Whether `head` (a file's first bytes) is an SQLite 3 database header: such a file is uploaded as bytes, not read as text. */
export function isSqliteHeader(head: Uint8Array): boolean {
  if (head.byteLength < SQLITE_MAGIC.length) return false;
  for (let i = 0; i < SQLITE_MAGIC.length; i++) if (head[i] !== SQLITE_MAGIC.charCodeAt(i)) return false;
  return true;
}

/** Uploads an SQLite database file (POST /api/import/sqlite, the bytes as the body): the server reads its catalog read-only. */
export async function requestSqliteDatabaseImport(file: Blob, fetchImpl: Fetch = fetch): Promise<ImportOutcome> {
  if (file.size > CLIENT_MAX_SQLITE_BYTES) {
    return { ok: false, status: 413, message: `The database file is ${(file.size / 1024 / 1024).toFixed(1)} MB; SQLite database imports are limited to ${CLIENT_MAX_SQLITE_BYTES / 1024 / 1024} MB (import its schema instead: sqlite3 app.db .schema > schema.sql).` };
  }
  return post('/api/import/sqlite', 'application/vnd.sqlite3', file, fetchImpl);
}

export async function requestLiveImport(url: string, schemas: string[], fetchImpl: Fetch = fetch): Promise<ImportOutcome> {
  return postJson('/api/import/live', schemas.length ? { url, schemas } : { url }, fetchImpl);
}

/** Creates a project holding the document; returns its id. */
export async function createProjectWithDocument(name: string, document: SchemaDocument, fetchImpl: Fetch = fetch): Promise<{ ok: true; id: string } | { ok: false; message: string }> {
  try {
    const res = await fetchImpl('/api/projects', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, document }), cache: 'no-store' });
    const json = (await res.json().catch(() => null)) as { project?: { id?: string }; error?: { message?: string } } | null;
    if (res.ok && typeof json?.project?.id === 'string') return { ok: true, id: json.project.id };
    return { ok: false, message: json?.error?.message ?? `The server answered ${res.status}.` };
  } catch (e) {
    return { ok: false, message: `The server could not be reached: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * Which files of a selection to send: the .prisma files of a multi-file Prisma schema, else the .sql
 * files of a folder of SQL scripts (lib/importers/folder-sources.ts); a selection with neither goes
 * whole (one DBML or JSON file). Names keep their path below the chosen folder.
 */
export function selectSourceFiles(files: readonly SourceFile[]): SourceFile[] {
  if (files.length < 2) return [...files];
  const names = new Set(folderSourceNames(files.map((f) => f.name)));
  return names.size ? files.filter((f) => names.has(f.name)) : [...files];
}

/** `folder/sub/a.prisma` -> `sub/a.prisma` (a webkitdirectory path includes the chosen folder). */
export function stripTopFolder(relativePath: string): string {
  const i = relativePath.indexOf('/');
  return i >= 0 ? relativePath.slice(i + 1) : relativePath;
}

/** A project name from the source: the file or folder name without extension, else a default. */
export function suggestProjectName(fileNames: readonly string[], folderName?: string): string {
  if (folderName) return folderName;
  const first = fileNames[0];
  if (!first) return 'Imported schema';
  const base = first.split('/').pop() ?? first;
  return base.replace(/\.[^.]+$/, '') || 'Imported schema';
}

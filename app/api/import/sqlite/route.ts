/**
 * POST /api/import/sqlite  body: the bytes of an SQLite database file (any content type)
 *   200 {document, report} | 422 {error: {code: 'import_failed', message}} (not an SQLite database,
 *   damaged, unreadable catalog) | 413 larger than the cap (200 MB, or DRAFTBASE_MAX_BODY_BYTES when lower)
 *   | 422 `budget_exceeded` / 503 `server_busy` from the compute pool.
 * The file is read read-only through its catalog (lib/server/importers/sqlite-file.ts), from a private
 * temporary copy deleted at once; its CREATE statements are parsed in the compute pool like any import.
 */
import { requireUser } from '@/lib/server/auth/access';
import { HttpError, withErrors } from '@/lib/server/http/error-response';
import { maxBodyBytes, readCappedBytes } from '@/lib/server/http/read-json-body';
import { importErrorResponse } from '@/lib/server/importers/import-http';
import { crossChecked, MAX_SQLITE_FILE_BYTES, readUploadedSqliteSchema } from '@/lib/server/importers/sqlite-file';
import { runCompute } from '@/lib/server/compute/pool';
import type { ImportResult } from '@/lib/importers/types';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

function tooLarge(limit: number): HttpError {
  return new HttpError(413, 'payload_too_large', `The database file is larger than the limit of ${limit} bytes (${Math.floor(limit / 1024 / 1024)} MB).`, { limitBytes: limit });
}

export const POST = withErrors(async (req: Request) => {
  await requireUser(req); // before a byte of the upload is read
  const limit = Math.min(MAX_SQLITE_FILE_BYTES, maxBodyBytes());
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const bytes = await readCappedBytes(req.body, limit, tooLarge);
  let read;
  try {
    read = await readUploadedSqliteSchema(bytes, limit);
  } catch (e) {
    return importErrorResponse(e);
  }
  const res = await runCompute({ kind: 'import', body: JSON.stringify({ format: 'sqlite', source: read.script }) }, 'this import');
  if (res.status !== 200) return res;
  const result = (await res.json()) as ImportResult;
  return Response.json(crossChecked(result, read));
});

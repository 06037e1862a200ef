/**
 * HTTP shapes shared by POST /api/import and /api/import/live: the request schemas (zod) and the
 * mapping of an ImportError to `422 { error: { code, message, line, column, excerpt, file } }`.
 */
import 'server-only';
import { z } from 'zod';
import { ImportError, type ImportResult } from '../../importers/types';
import { errorResponse } from '../http/error-response';
import { LiveImportError } from './live/live-errors';

const fileSchema = z.object({ name: z.string().min(1).max(1000), content: z.string() });

export const importRequestSchema = z.object({
  format: z.enum(['postgres', 'mysql', 'sqlite', 'prisma', 'dbml', 'json', 'auto']).default('auto'),
  source: z.union([z.string(), z.object({ files: z.array(fileSchema).min(1).max(1000) })]),
});
export type ImportRequest = z.infer<typeof importRequestSchema>;

export const liveImportRequestSchema = z.object({
  url: z.string().min(1).max(4096),
  schemas: z.array(z.string().min(1).max(256)).max(200).optional(),
});

export function importResultResponse(result: ImportResult): Response {
  return Response.json({ document: result.document, report: result.report });
}

/** 422 for input that cannot be imported; anything else is rethrown (withErrors makes it a 500). */
export function importErrorResponse(e: unknown): Response {
  if (e instanceof LiveImportError) return errorResponse(422, 'live_import_failed', e.message, { failure: e.failure });
  if (e instanceof ImportError) {
    const at: Record<string, unknown> = {};
    if (e.line !== undefined) at.line = e.line;
    if (e.column !== undefined) at.column = e.column;
    if (e.excerpt !== undefined) at.excerpt = e.excerpt;
    if (e.file !== undefined) at.file = e.file;
    return errorResponse(422, 'import_failed', e.message, at);
  }
  throw e;
}

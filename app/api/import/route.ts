/**
 * POST /api/import {format, source: string | {files: [{name, content}]}}
 *   200 {document, report} | 422 {error: {message, line, column, excerpt}} | 413 too large | 400 bad body
 */
import { withErrors } from '@/lib/server/http/error-response';
import { readJsonBody } from '@/lib/server/http/read-json-body';
import { importErrorResponse, importRequestSchema, importResultResponse } from '@/lib/server/importers/import-http';
import { importSource } from '@/lib/server/importers/import-source';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = withErrors(async (req: Request) => {
  const body = await readJsonBody(req, importRequestSchema);
  try {
    return importResultResponse(await importSource(body.format, body.source));
  } catch (e) {
    return importErrorResponse(e);
  }
});

/**
 * POST /api/import {format, source: string | {files: [{name, content}]}}
 *   200 {document, report} | 422 {error: {message, line, column, excerpt}} | 413 too large | 400 bad body
 *   422 `budget_exceeded` / `too_large` over the time or memory budget; 503 `server_busy`.
 * Parsing runs in the compute pool (lib/server/compute): this handler only reads the body.
 */
import { requireUser } from '@/lib/server/auth/access';
import { withErrors } from '@/lib/server/http/error-response';
import { readTextBody } from '@/lib/server/http/read-json-body';
import { runCompute } from '@/lib/server/compute/pool';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = withErrors(async (req: Request) => {
  await requireUser(req); // signed in (team mode) or solo: a share link's visitor has nothing to import into
  return runCompute({ kind: 'import', body: await readTextBody(req) }, 'this import');
});

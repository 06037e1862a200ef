/**
 * POST /api/import/live {url, schemas?}: reads a live PostgreSQL/MySQL catalog (read-only, timeouts).
 * Disabled (403) unless DRAFTBASE_ALLOW_LIVE_IMPORT allows it: it makes the server connect wherever the
 * caller says. In team mode only project owners may use it (requireLiveImportUser);
 * DRAFTBASE_LIVE_IMPORT_HOSTS limits where (live-import-policy.ts), and the URL itself is held to TCP
 * and sslmode (connection-url.ts). The URL is never stored, logged or returned.
 */
import { errorResponse, withErrors } from '@/lib/server/http/error-response';
import { readJsonBody } from '@/lib/server/http/read-json-body';
import { importErrorResponse, importResultResponse, liveImportRequestSchema } from '@/lib/server/importers/import-http';
import { liveImportAllowed, requireLiveImportUser } from '@/lib/server/importers/live/live-import-policy';
import { importLive } from '@/lib/server/importers/live/import-live';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const POST = withErrors(async (req: Request) => {
  if (!liveImportAllowed()) {
    return errorResponse(403, 'live_import_disabled', 'Live database import is disabled on this server (set DRAFTBASE_ALLOW_LIVE_IMPORT=1 to enable it).');
  }
  await requireLiveImportUser(req);
  const body = await readJsonBody(req, liveImportRequestSchema, { maxBytes: 64 * 1024 });
  try {
    return importResultResponse(await importLive(body.url, { schemas: body.schemas }));
  } catch (e) {
    return importErrorResponse(e);
  }
});

/**
 * POST /api/lint {document, dialect?, config?} | {source, format?, dialect?, config?}: the design review.
 *
 * 200 `{ findings, waived, staleWaivers, counts, rules }` (lib/review's LintResult plus the catalog
 *     entries of the rules it names; for a `source`, each finding has its `location` in the source:
 *     `{ file, line?, column? }`). `config` is shaped like the document's `review` field: its rules
 *     override the document's, its waivers are added.
 * 400 `invalid_json`, `invalid_body` (neither a document nor a source, unknown fields, bad config),
 *     `invalid_document` (with `issues`); 413 over the body cap; 422 `import_failed` for a source that
 *     cannot be imported (with line/column), `budget_exceeded` / `too_large`; 503 `server_busy`.
 *
 * The work runs in the compute pool (lib/server/compute), like POST /api/render.
 */
import { requireActor } from '../../../lib/server/auth/access';
import { withErrors } from '../../../lib/server/http/error-response';
import { readTextBody } from '../../../lib/server/http/read-json-body';
import { runCompute } from '../../../lib/server/compute/pool';

export const runtime = 'nodejs';

export const POST = withErrors(async (request: Request): Promise<Response> => {
  // Stateless work, but done for someone: a signed-in user, solo, or a share link's visitor (team mode).
  await requireActor(request);
  return runCompute({ kind: 'lint', body: await readTextBody(request) }, 'this review');
});

/**
 * POST /api/render {document, format, options?}: any format of lib/formats/registry.ts
 *
 * 200 application/json `{ format, text, contentType, diagnostics, errors, commentedOut, diagrams? }`
 *     (diagnostics are the generator's; `errors` counts those of severity error, `commentedOut` the
 *     statements of the DDL written commented out because the target would reject them: never
 *     refused for them; `diagrams` only for mermaid with options.split).
 * 400 `{ error: { code, message, ... } }`: invalid JSON (`invalid_json`, with line/column), a body
 *     that is not {document, format, options} (`invalid_body`), a document that fails validation
 *     (`invalid_document`, with `issues: [{ path, message }]`; over a document limit included), options
 *     that do not fit the format (`invalid_options`, with `path`).
 * 413 `payload_too_large` over the body cap (32 MB, DRAFTBASE_MAX_BODY_BYTES).
 * 422 `budget_exceeded` / `too_large` when the render overran its time or memory budget.
 * 503 `server_busy` (with Retry-After) when every compute worker is busy for too long.
 *
 * The work runs in the compute pool (lib/server/compute): this handler only reads the body.
 */
import { requireActor } from '../../../lib/server/auth/access';
import { withErrors } from '../../../lib/server/http/error-response';
import { readTextBody } from '../../../lib/server/http/read-json-body';
import { runCompute } from '../../../lib/server/compute/pool';

export const runtime = 'nodejs';

export const POST = withErrors(async (request: Request): Promise<Response> => {
  // Stateless work, but done for someone: a signed-in user, solo, or a share link's visitor (team mode).
  await requireActor(request);
  return runCompute({ kind: 'render', body: await readTextBody(request) }, 'this render');
});

/**
 * POST /api/advise {document, budgetMs?}: the query-pattern advisor (issue 15).
 *
 * 200 WorkloadAdvice (lib/workload/advice.ts): per declared pattern its verdict (access path, index
 *     used by its Draftbase name, sorts, estimated rows and cost, served / partly / not served), a
 *     suggested index (a model index ready for the `index.add` command, and its CREATE INDEX) when one
 *     helps, or the SQL error with its position. PostgreSQL documents are planned by PostgreSQL's own
 *     planner in embedded PGlite; MySQL documents by leftmost-prefix rules.
 * 400 `invalid_json`, `invalid_body`, `invalid_document`, `too_many_patterns`; 413 over the body cap;
 *     422 `budget_exceeded`; 503 `server_busy`.
 *
 * Runs in the compute pool (lib/server/compute) with its time budget.
 */
import { requireActor } from '../../../lib/server/auth/access';
import { withErrors } from '../../../lib/server/http/error-response';
import { readTextBody } from '../../../lib/server/http/read-json-body';
import { runCompute } from '../../../lib/server/compute/pool';

export const runtime = 'nodejs';

export const POST = withErrors(async (request: Request): Promise<Response> => {
  // Stateless work, but done for someone: a signed-in user, solo, or a share link's visitor (team mode).
  await requireActor(request);
  return runCompute({ kind: 'advise', body: await readTextBody(request) }, 'this query-pattern advice');
});

import { getDatabase } from '@/lib/server/db/client';
import { withErrors } from '@/lib/server/http/error-response';
import { resolveShareLink } from '@/lib/server/teams/share-links';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * GET /api/share/:token -> { projectId, projectName, role }: what the /s/<token> page opens; it then
 * calls the project routes with the token in X-Draftbase-Share. 404 when revoked, expired or unknown.
 */
export const GET = withErrors(async (_req: Request, { params }: { params: Promise<{ token: string }> }) => {
  const { token } = await params;
  return Response.json(await resolveShareLink((await getDatabase()).prisma, token), { headers: { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } });
});

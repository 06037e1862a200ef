import { getDatabase } from '@/lib/server/db/client';
import { withErrors } from '@/lib/server/http/error-response';
import { previewInvite } from '@/lib/server/teams/invites';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * GET /api/invites/:token -> { projectName, email, role, expiresAt } (anyone holding the token: the
 * page shows what accepting means). 404 for a token never issued; 410 used, withdrawn or expired.
 */
export const GET = withErrors(async (_req: Request, { params }: { params: Promise<{ token: string }> }) => {
  const { token } = await params;
  return Response.json(await previewInvite((await getDatabase()).prisma, token), { headers: { 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' } });
});

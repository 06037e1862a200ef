import { requireUser } from '@/lib/server/auth/access';
import { getDatabase } from '@/lib/server/db/client';
import { withErrors } from '@/lib/server/http/error-response';
import { requireAccount } from '@/lib/server/teams/api';
import { acceptInvite } from '@/lib/server/teams/invites';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/**
 * POST /api/invites/:token/accept -> { projectId } (signed in; the account's email must be the
 * invite's: 403 otherwise). An invite is accepted once: any later use is 410.
 */
export const POST = withErrors(async (req: Request, { params }: { params: Promise<{ token: string }> }) => {
  const user = requireAccount(await requireUser(req), 'Accepting an invite');
  const { token } = await params;
  return Response.json(await acceptInvite((await getDatabase()).prisma, token, user), { headers: { 'cache-control': 'no-store' } });
});

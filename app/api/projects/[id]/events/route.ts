import { requireProjectAccess } from '@/lib/server/auth/access';
import { getDatabase } from '@/lib/server/db/client';
import { withErrors } from '@/lib/server/http/error-response';
import { requireRouteId } from '@/lib/server/projects/api';
import { listEvents } from '@/lib/server/teams/events';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

/** GET /api/projects/:id/events -> { events: ProjectEventInfo[] }: the audit trail, newest first, the last 200 (view). */
export const GET = withErrors(async (req: Request, { params }: { params: Promise<{ id: string }> }) => {
  const id = requireRouteId((await params).id, 'project');
  await requireProjectAccess(req, id, 'view');
  return Response.json({ events: await listEvents((await getDatabase()).prisma, id) }, { headers: { 'cache-control': 'no-store' } });
});

import { actorUserId, requireProjectAccess } from '@/lib/server/auth/access';
import { getDatabase } from '@/lib/server/db/client';
import { withErrors } from '@/lib/server/http/error-response';
import { readJsonBody } from '@/lib/server/http/read-json-body';
import { requireRouteId } from '@/lib/server/projects/api';
import { shareLinkBody } from '@/lib/server/teams/api';
import { authorOf } from '@/lib/server/teams/events';
import { createShareLink, listShareLinks } from '@/lib/server/teams/share-links';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

interface Ctx {
  params: Promise<{ id: string }>;
}

/** GET /api/projects/:id/share-links -> { links: ShareLinkInfo[] }, revoked ones too (manage). */
export const GET = withErrors(async (req: Request, { params }: Ctx) => {
  const id = requireRouteId((await params).id, 'project');
  await requireProjectAccess(req, id, 'manage');
  return Response.json({ links: await listShareLinks((await getDatabase()).prisma, id) }, { headers: { 'cache-control': 'no-store' } });
});

/**
 * POST /api/projects/:id/share-links { role, label?, expiresAt? } -> 201 { link, url } (manage).
 * `url` (/s/<token>) is shown this once: only the token's hash is stored, and it is never logged.
 */
export const POST = withErrors(async (req: Request, { params }: Ctx) => {
  const id = requireRouteId((await params).id, 'project');
  const access = await requireProjectAccess(req, id, 'manage');
  const body = await readJsonBody(req, shareLinkBody);
  const created = await createShareLink(
    (await getDatabase()).prisma,
    id,
    { role: body.role, label: body.label, expiresAt: body.expiresAt, createdById: actorUserId(access.actor) },
    authorOf(access.actor),
  );
  return Response.json(created, { status: 201, headers: { 'cache-control': 'no-store' } });
});

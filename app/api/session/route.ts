/**
 * GET /api/session -> SessionInfo (lib/api/teams.ts): the mode, who is signed in, whether the first
 * owner still has to be created (/setup), and the OpenID Connect button's label when configured.
 */
import type { SessionInfo } from '@/lib/api/teams';
import { needsSetup } from '@/lib/server/auth/first-run';
import { authMode } from '@/lib/server/auth/mode';
import { oidcConfig } from '@/lib/server/auth/oidc-config';
import { sessionUser } from '@/lib/server/auth/session';
import { getDatabase } from '@/lib/server/db/client';
import { withErrors } from '@/lib/server/http/error-response';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

export const GET = withErrors(async (req: Request) => {
  let info: SessionInfo;
  if (authMode() === 'solo') {
    info = { mode: 'solo', user: null, needsSetup: false, oidc: null };
  } else {
    const user = await sessionUser(req);
    const oidc = oidcConfig();
    info = {
      mode: 'team',
      user: user ? { id: user.userId, name: user.name, email: user.email } : null,
      needsSetup: user ? false : await needsSetup((await getDatabase()).prisma),
      oidc: oidc ? { label: oidc.label } : null,
    };
  }
  return Response.json(info, { headers: { 'Cache-Control': 'no-store' } });
});

/**
 * The signed-in user behind a request, from its session cookie (team mode only): Better Auth reads
 * the session row on every call (no cookie cache, better-auth.ts), so a session that was signed out
 * or revoked is refused on the next request.
 */
import 'server-only';
import { getAuth } from './better-auth';
import { hasSessionCookie } from './session-cookie';

export interface SessionUser {
  userId: string;
  name: string;
  email: string;
}

export async function sessionUser(req: Request): Promise<SessionUser | undefined> {
  // No cookie, no session: skip the database.
  if (!hasSessionCookie(req.headers.get('cookie'))) return undefined;
  const auth = await getAuth();
  const found = await auth.api.getSession({ headers: req.headers });
  if (!found) return undefined;
  return { userId: found.user.id, name: found.user.name, email: found.user.email };
}

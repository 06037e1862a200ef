/**
 * The signed-in user behind a request, from its session cookie (team mode only).
 *
 * CONTRACT (issue 18): the auth-core work replaces this body with Better Auth's session lookup
 * (`auth.api.getSession({ headers })`). Until then nobody is signed in, so team mode refuses every
 * project request with 401, which is the safe direction.
 */
import 'server-only';

export interface SessionUser {
  userId: string;
  name: string;
  email: string;
}

export async function sessionUser(_req: Request): Promise<SessionUser | undefined> {
  return undefined;
}

/**
 * The session cookie's name, for the checks that only need to know whether one is there (proxy.ts's
 * redirect to /sign-in, skipping a database read when there is none). Better Auth names it
 * `<prefix>.session_token`, with `__Secure-` in front when cookies are Secure.
 */
import 'server-only';

export const SESSION_COOKIE_PREFIX = 'draftbase';
const NAMES = [`${SESSION_COOKIE_PREFIX}.session_token`, `__Secure-${SESSION_COOKIE_PREFIX}.session_token`];

export function hasSessionCookie(cookieHeader: string | null | undefined): boolean {
  if (!cookieHeader) return false;
  return cookieHeader.split(';').some((part) => {
    const eq = part.indexOf('=');
    return eq > 0 && NAMES.includes(part.slice(0, eq).trim()) && part.slice(eq + 1).trim() !== '';
  });
}

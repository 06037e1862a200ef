/**
 * Team mode's redirect of signed-out page requests to /sign-in?next=… (proxy.ts). A convenience only:
 * it looks for a session cookie without checking it, and every API route checks the session itself
 * (access.ts), so a forged cookie gets a page shell and then 401s.
 *
 * Pages open without a session: the sign-in and first-run pages, share links (/s/…, no account by
 * design), invite links (/invite/…, the invitee may not have an account yet), and files (a dot in the
 * last path segment: /favicon.ico, /robots.txt).
 */
import 'server-only';
import { signInPath } from '../../auth/next-path';
import type { AuthMode } from './mode';
import { hasSessionCookie } from './session-cookie';

const OPEN_PAGES = ['/sign-in', '/setup'];
const OPEN_PREFIXES = ['/s/', '/invite/'];

export function isOpenPage(pathname: string): boolean {
  if (OPEN_PAGES.some((p) => pathname === p || pathname === `${p}/`)) return true;
  if (OPEN_PREFIXES.some((p) => pathname.startsWith(p))) return true;
  return /\.[A-Za-z0-9]+$/.test(pathname.slice(pathname.lastIndexOf('/') + 1));
}

/** Where to send a page request, or undefined to serve it. */
export function pageRedirect(mode: AuthMode, pathname: string, search: string, cookieHeader: string | null): string | undefined {
  if (mode === 'solo' || isOpenPage(pathname) || hasSessionCookie(cookieHeader)) return undefined;
  return signInPath(`${pathname}${search}`);
}

/**
 * Runs before every request (pages, API, static files): refuses requests that do not come from the
 * app itself (lib/server/http/request-policy.ts) and sets the security headers and the per-request
 * Content-Security-Policy nonce (lib/server/http/security-headers.ts). In team mode a page request
 * without a session cookie is sent to /sign-in?next=… (lib/server/auth/page-gate.ts; a convenience:
 * the API checks every session itself). Next.js 16 calls this file `proxy` (it was `middleware`); it
 * runs on the Node.js runtime.
 */
import { NextResponse, type NextRequest } from 'next/server';
import { authMode, type AuthMode } from '@/lib/server/auth/mode';
import { pageRedirect } from '@/lib/server/auth/page-gate';
import { errorResponse } from '@/lib/server/http/error-response';
import { allowedHostRules, refuseRequest, type HostRule } from '@/lib/server/http/request-policy';
import { COMMON_SECURITY_HEADERS, NON_PAGE_CSP, collabConnectSources, newNonce, pageContentSecurityPolicy, responseKind } from '@/lib/server/http/security-headers';

function withSecurityHeaders(res: Response, csp: string | undefined): Response {
  for (const [name, value] of Object.entries(COMMON_SECURITY_HEADERS)) res.headers.set(name, value);
  if (csp) res.headers.set('Content-Security-Policy', csp);
  return res;
}

export function proxy(request: NextRequest): Response {
  let rules: HostRule[];
  let mode: AuthMode;
  try {
    rules = allowedHostRules();
    mode = authMode();
  } catch (e) {
    console.error('[draftbase]', e);
    return withSecurityHeaders(errorResponse(500, 'misconfigured', e instanceof Error ? e.message : String(e)), NON_PAGE_CSP);
  }
  const refusal = refuseRequest(request, rules);
  if (refusal) return withSecurityHeaders(errorResponse(refusal.status, refusal.code, refusal.message), NON_PAGE_CSP);

  const kind = responseKind(request.nextUrl.pathname);
  if (kind !== 'page') return withSecurityHeaders(NextResponse.next(), kind === 'api' ? NON_PAGE_CSP : undefined);

  const signIn = pageRedirect(mode, request.nextUrl.pathname, request.nextUrl.search, request.headers.get('cookie'));
  if (signIn) return withSecurityHeaders(NextResponse.redirect(new URL(signIn, request.url)), NON_PAGE_CSP);

  // Next.js reads the nonce from the request's CSP header while rendering and puts it on its scripts.
  const csp = pageContentSecurityPolicy(newNonce(), { dev: process.env.NODE_ENV === 'development', connect: collabConnectSources(request.headers.get('host')) });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', csp);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp);
}

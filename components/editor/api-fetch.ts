/**
 * The editor's one way to call the app's API. On a share link's page (/s/:token) every call must
 * carry the link (`X-Draftbase-Share: <token>`): the server checks it again on each request, so a
 * revoked or expired link stops the open tab at its next call. Everywhere else this is plain fetch.
 *
 * The token is added to same-origin requests only (it must never travel to another host), and a 401
 * while a link is active means the link no longer works: listeners (the share page) are told.
 */
import { SHARE_HEADER } from '@/lib/api/teams';

let shareToken: string | undefined;
const revokedListeners = new Set<() => void>();

/** Starts (a token) or stops (undefined) sending the share link with every API call. */
export function setShareToken(token: string | undefined): void {
  shareToken = token || undefined;
}

export function activeShareToken(): string | undefined {
  return shareToken;
}

/** Called when a request made with the active link is refused as signed out (revoked or expired). */
export function onShareRevoked(listener: () => void): () => void {
  revokedListeners.add(listener);
  return () => revokedListeners.delete(listener);
}

function sameOrigin(input: RequestInfo | URL): boolean {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (url.startsWith('/') && !url.startsWith('//')) return true;
  const origin = typeof location === 'undefined' ? undefined : location.origin;
  try {
    return origin !== undefined && new URL(url, origin).origin === origin;
  } catch {
    return false;
  }
}

/** fetch, plus the share link's header while one is active. */
export async function apiFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const token = shareToken;
  if (!token || !sameOrigin(input)) return globalThis.fetch(input, init);
  const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
  headers.set(SHARE_HEADER, token);
  const res = await globalThis.fetch(input, { ...init, headers });
  if (res.status === 401 && shareToken === token) for (const listener of [...revokedListeners]) listener();
  return res;
}

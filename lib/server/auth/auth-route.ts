/**
 * What app/api/auth/[...all]/route.ts does in front of Better Auth's handler:
 * - the same request policy as proxy.ts (allowed Host, same-origin mutations, JSON bodies), applied
 *   again here so Better Auth's routes are covered even where the proxy does not run;
 * - team mode only (solo mode has no accounts: 404);
 * - the client address (client-address.ts) in a header Better Auth's rate limit reads, after removing
 *   any value the client sent;
 * - the request's URL rebuilt on the app's origin (requestOrigin): Next hands route handlers a URL on
 *   `localhost` whatever the Host was, and Better Auth compares the browser's Origin with it;
 * - sign-in throttling (throttle.ts) around POST /sign-in/email, on a strict path syntax (no `//`,
 *   trailing `/` or `%`-escapes), so no spelling of the path reaches Better Auth's sign-in unthrottled.
 */
import 'server-only';
import { getDatabase } from '../db/client';
import { errorResponse } from '../http/error-response';
import { readTextBody } from '../http/read-json-body';
import { allowedHostRules, refuseRequest } from '../http/request-policy';
import { appUrl } from './app-url';
import { AUTH_BASE_PATH, getAuth } from './better-auth';
import { CLIENT_ADDRESS_HEADER, LOCAL_ADDRESS, clientAddress, trustProxy } from './client-address';
import { authMode } from './mode';
import { clearKey, recordFailure, signInKeys, throttleStatus } from './throttle';

/** Better Auth's paths: plain segments only. */
const AUTH_PATH = /^\/api\/auth(\/[A-Za-z0-9_-]+)+$/;

/** Auth request bodies are small (an email, a password, a name). */
const MAX_AUTH_BODY_BYTES = 64 * 1024;

function emailOf(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && 'email' in parsed && typeof parsed.email === 'string' && parsed.email.trim()) return parsed.email;
  } catch {
    // Better Auth answers malformed bodies itself.
  }
  return undefined;
}

function minutes(seconds: number): string {
  const m = Math.ceil(seconds / 60);
  return m === 1 ? '1 minute' : `${m} minutes`;
}

/**
 * The origin the browser sees: DRAFTBASE_URL when set; else the request's Host (already held to the
 * allowlist by refuseRequest) with the scheme of its Origin header (already checked to name the same
 * host and port), of a trusted proxy's X-Forwarded-Proto, or of the URL Next gave.
 */
export function requestOrigin(req: Request): string {
  const configured = appUrl();
  if (configured) return configured;
  const url = new URL(req.url);
  const host = req.headers.get('host') ?? url.host;
  const origin = req.headers.get('origin');
  let scheme = url.protocol.replace(':', '');
  if (origin && /^https?:\/\//.test(origin)) scheme = origin.slice(0, origin.indexOf(':'));
  else if (trustProxy()) {
    const forwarded = req.headers.get('x-forwarded-proto')?.split(',')[0].trim();
    if (forwarded === 'https' || forwarded === 'http') scheme = forwarded;
  }
  return `${scheme}://${host}`;
}

export async function handleAuthRequest(req: Request): Promise<Response> {
  const refusal = refuseRequest(req, allowedHostRules());
  if (refusal) return errorResponse(refusal.status, refusal.code, refusal.message);
  if (authMode() === 'solo') {
    return errorResponse(404, 'team_mode_off', 'This server runs in solo mode, without accounts (team mode: DRAFTBASE_AUTH=on or a PostgreSQL DATABASE_URL).');
  }

  const url = new URL(req.url);
  if (!AUTH_PATH.test(url.pathname)) return errorResponse(404, 'not_found', 'No such auth endpoint.');

  const address = clientAddress(req.headers);
  const headers = new Headers(req.headers);
  headers.delete(CLIENT_ADDRESS_HEADER);
  // Better Auth takes only a valid IP from the header; `local` leaves it to its shared bucket.
  if (address !== LOCAL_ADDRESS) headers.set(CLIENT_ADDRESS_HEADER, address);
  const method = req.method.toUpperCase();
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readTextBody(req, { maxBytes: MAX_AUTH_BODY_BYTES });
  const forwarded = new Request(new URL(`${url.pathname}${url.search}`, requestOrigin(req)), { method, headers, body });
  const auth = await getAuth();

  // Case-insensitive: whether or not Better Auth's router is, every spelling it might accept is counted.
  const path = url.pathname.toLowerCase();
  const email = method === 'POST' && path === `${AUTH_BASE_PATH}/sign-in/email` && body !== undefined ? emailOf(body) : undefined;
  if (email === undefined) return auth.handler(forwarded);

  const { prisma } = await getDatabase();
  const keys = signInKeys(email, address);
  const status = await throttleStatus(prisma, keys);
  if (status.locked) {
    return errorResponse(
      429,
      'too_many_attempts',
      `Too many failed sign-ins for this account or from this address. Try again in ${minutes(status.retryAfterSeconds)}.`,
      { retryAfterSeconds: status.retryAfterSeconds },
      { 'Retry-After': String(status.retryAfterSeconds) },
    );
  }
  const res = await auth.handler(forwarded);
  if (res.status === 401) {
    for (const key of keys) await recordFailure(prisma, key);
  } else if (res.ok) {
    await clearKey(prisma, keys[0].key);
  }
  return res;
}

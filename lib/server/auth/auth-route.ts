/**
 * What app/api/auth/[...all]/route.ts does in front of Better Auth's handler:
 * - the same request policy as proxy.ts (allowed Host, same-origin mutations, JSON bodies), applied
 *   again here so Better Auth's routes are covered even where the proxy does not run;
 * - team mode only (solo mode has no accounts: 404);
 * - the client address (client-address.ts) in a header Better Auth's rate limit reads, after removing
 *   any value the client sent;
 * - sign-in throttling (throttle.ts) around POST /sign-in/email.
 */
import 'server-only';
import { getDatabase } from '../db/client';
import { errorResponse } from '../http/error-response';
import { readTextBody } from '../http/read-json-body';
import { allowedHostRules, refuseRequest } from '../http/request-policy';
import { AUTH_BASE_PATH, getAuth } from './better-auth';
import { CLIENT_ADDRESS_HEADER, LOCAL_ADDRESS, clientAddress } from './client-address';
import { authMode } from './mode';
import { clearKey, recordFailure, signInKeys, throttleStatus } from './throttle';

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

export async function handleAuthRequest(req: Request): Promise<Response> {
  const refusal = refuseRequest(req, allowedHostRules());
  if (refusal) return errorResponse(refusal.status, refusal.code, refusal.message);
  if (authMode() === 'solo') {
    return errorResponse(404, 'team_mode_off', 'This server runs in solo mode, without accounts (team mode: DRAFTBASE_AUTH=on or a PostgreSQL DATABASE_URL).');
  }

  const address = clientAddress(req.headers);
  const headers = new Headers(req.headers);
  headers.delete(CLIENT_ADDRESS_HEADER);
  // Better Auth takes only a valid IP from the header; `local` leaves it to its shared bucket.
  if (address !== LOCAL_ADDRESS) headers.set(CLIENT_ADDRESS_HEADER, address);
  const method = req.method.toUpperCase();
  const body = method === 'GET' || method === 'HEAD' ? undefined : await readTextBody(req, { maxBytes: MAX_AUTH_BODY_BYTES });
  const forwarded = new Request(req.url, { method, headers, body });
  const auth = await getAuth();

  const path = new URL(req.url).pathname;
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

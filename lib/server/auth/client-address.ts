/**
 * The client address sign-in throttling and Better Auth's rate limit key on.
 *
 * A Next.js route handler does not see the socket's remote address, only headers, and any client can
 * write an `X-Forwarded-For` header. So the header is believed only when the operator says a reverse
 * proxy sits in front (DRAFTBASE_TRUST_PROXY=1), and then only its LAST entry: the address the
 * nearest proxy (ours) saw; entries before it are whatever the client sent. Without a trusted proxy
 * every client shares the one key `local` (the per-address limit then bounds all failures together,
 * which is why it is looser than the per-account one; see throttle.ts).
 */
import 'server-only';
import { isIP } from 'node:net';

export const TRUST_PROXY_ENV = 'DRAFTBASE_TRUST_PROXY';

/** The header the auth route sets (after deleting any a client sent) so Better Auth keys on the same address. */
export const CLIENT_ADDRESS_HEADER = 'x-draftbase-client-address';

/** The shared key when the address cannot be known. */
export const LOCAL_ADDRESS = 'local';

export function trustProxy(env: Record<string, string | undefined> = process.env): boolean {
  const v = env[TRUST_PROXY_ENV]?.trim().toLowerCase();
  return v === '1' || v === 'true' || v === 'yes' || v === 'on';
}

/** The requester's address, or `local` when no trusted proxy names it. */
export function clientAddress(headers: Headers, env: Record<string, string | undefined> = process.env): string {
  if (!trustProxy(env)) return LOCAL_ADDRESS;
  const entries = (headers.get('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const last = entries.at(-1);
  if (!last) return LOCAL_ADDRESS;
  // `[v6]` and `v4:port` spellings some proxies write.
  const bare = last.startsWith('[') ? last.slice(1, last.indexOf(']')) : /^\d+\.\d+\.\d+\.\d+:\d+$/.test(last) ? last.split(':')[0] : last;
  return isIP(bare) ? bare.toLowerCase() : LOCAL_ADDRESS;
}

/**
 * The signed ticket that opens a live session's WebSocket (issue 19). The app issues it from
 * GET /api/projects/:id/collab after its usual access check; the sync server verifies the signature
 * and expiry, then checks access in the database again (server.ts), so a ticket is only a short-lived
 * proof that this person passed the app's gate, never a grant by itself.
 *
 * Format: base64url(JSON claims) "." base64url(HMAC-SHA256(secret, payload)). The claims carry their
 * own expiry; the signature is compared in constant time.
 */
import 'server-only';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { COLLAB_TICKET_TTL_MS } from '../../api/collab';
import { PROJECT_ROLES } from '../../auth/roles';

export const TicketClaimsSchema = z.object({
  projectId: z.string().min(1).max(64),
  /** A user id; `local` in solo mode; `share:<link id>` for a share link. */
  userId: z.string().min(1).max(128),
  name: z.string().min(1).max(120),
  role: z.enum(PROJECT_ROLES),
  via: z.enum(['member', 'share', 'solo']),
  shareLinkId: z.string().min(1).max(128).optional(),
  readOnly: z.boolean(),
});
export type TicketClaims = z.infer<typeof TicketClaimsSchema>;

const SignedSchema = TicketClaimsSchema.extend({ exp: z.number().int(), nonce: z.string().max(64) });

/** Tickets longer than this are refused before any decoding (they are ~300 characters). */
const MAX_TICKET_LENGTH = 4096;

function sign(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload, 'utf8').digest('base64url');
}

export function issueTicket(claims: TicketClaims, secret: string, now: number = Date.now()): { ticket: string; expiresAt: string } {
  const exp = now + COLLAB_TICKET_TTL_MS;
  const body = { ...TicketClaimsSchema.parse(claims), exp, nonce: randomBytes(9).toString('base64url') };
  const payload = Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
  return { ticket: `${payload}.${sign(payload, secret)}`, expiresAt: new Date(exp).toISOString() };
}

/** The ticket's claims, or undefined when it is malformed, forged, tampered with or expired. */
export function verifyTicket(ticket: unknown, secret: string, now: number = Date.now()): TicketClaims | undefined {
  if (typeof ticket !== 'string' || ticket.length > MAX_TICKET_LENGTH) return undefined;
  const dot = ticket.indexOf('.');
  if (dot <= 0 || dot !== ticket.lastIndexOf('.')) return undefined;
  const payload = ticket.slice(0, dot);
  const given = Buffer.from(ticket.slice(dot + 1), 'base64url');
  const expected = Buffer.from(sign(payload, secret), 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const claims = SignedSchema.safeParse(parsed);
  if (!claims.success || claims.data.exp <= now) return undefined;
  return TicketClaimsSchema.parse(claims.data); // drops exp and nonce
}

// On globalThis: Next loads instrumentation.ts (which starts the sync server) and each route as
// separate bundles, so a module-level value would differ between the signer and the verifier.
const SECRET_KEY = Symbol.for('draftbase.collab.processSecret');
const secretStore = globalThis as typeof globalThis & { [SECRET_KEY]?: string };

/**
 * The key tickets are signed with: DRAFTBASE_COLLAB_SECRET, else the auth secret (the same on every
 * app server, so a ticket from one server opens a session on another), else a random value made once
 * per process, which only works when the app and its sync server are one process (solo mode, tests).
 */
export function collabSecret(env: Record<string, string | undefined> = process.env): string {
  for (const name of ['DRAFTBASE_COLLAB_SECRET', 'DRAFTBASE_AUTH_SECRET', 'BETTER_AUTH_SECRET']) {
    const value = env[name]?.trim();
    if (value) return value;
  }
  secretStore[SECRET_KEY] ??= randomBytes(32).toString('base64url');
  return secretStore[SECRET_KEY];
}

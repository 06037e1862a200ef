/**
 * Invite and share-link tokens: 32 random bytes (256 bits) as base64url, shown to the owner once;
 * only their SHA-256 (hashToken in lib/server/auth/access.ts) is stored.
 */
import 'server-only';
import { randomBytes } from 'node:crypto';
import { hashToken } from '../auth/access';

export const TOKEN_BYTES = 32;

/** A token's shape as issued (43 characters), checked before any lookup. */
const ISSUED_TOKEN = /^[A-Za-z0-9_-]{32,128}$/;

export function newToken(): { token: string; tokenHash: string } {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

/** The stored hash for a token from a URL, or undefined when it cannot be one of ours. */
export function tokenHashOf(token: string): string | undefined {
  return ISSUED_TOKEN.test(token) ? hashToken(token) : undefined;
}

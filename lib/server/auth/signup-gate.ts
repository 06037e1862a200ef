/**
 * Who may create an account. Sign-up is not open: a Draftbase server holds a team's designs, so an
 * account is created only
 *   (a) for the first user, by the first-run step (POST /api/setup, first-run.ts), or
 *   (b) with an invite: a valid (not expired, accepted or revoked) ProjectInvite whose email is the
 *       new account's email. The invite's token comes with the request, as the body field
 *       `inviteToken` (POST /api/auth/sign-up/email), the header `X-Draftbase-Invite`, or the cookie
 *       `draftbase_invite` (set by the sign-in page before an OpenID Connect round trip, whose
 *       callback creates the account).
 *
 * Enforced in Better Auth's database hook for user creation (better-auth.ts), so every way an
 * account can appear (email sign-up, OpenID Connect's implicit sign-up, a server-side API call) goes
 * through it.
 */
import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import { APIError } from 'better-auth/api';
import type { AppPrisma } from '../db/client';
import { hashToken } from './access';

export const INVITE_BODY_FIELD = 'inviteToken';
export const INVITE_HEADER = 'x-draftbase-invite';
export const INVITE_COOKIE = 'draftbase_invite';

/** The parts of Better Auth's endpoint context the gate reads. */
export interface SignUpContext {
  body?: unknown;
  headers?: Headers;
  request?: Request;
}

const firstRun = new AsyncLocalStorage<true>();

/** Runs `fn` (the first owner's sign-up) with the first-run permission; only first-run.ts calls it. */
export function runAsFirstRun<T>(fn: () => Promise<T>): Promise<T> {
  return firstRun.run(true, fn);
}

function cookieValue(cookieHeader: string | null | undefined, name: string): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The invite token a sign-up request carries, if any. */
export function inviteTokenOf(ctx: SignUpContext | null | undefined): string | undefined {
  const body = ctx?.body;
  if (body && typeof body === 'object' && INVITE_BODY_FIELD in body) {
    const v = (body as Record<string, unknown>)[INVITE_BODY_FIELD];
    if (typeof v === 'string' && v.trim()) return v.trim();
  }
  const headers = ctx?.headers ?? ctx?.request?.headers;
  const header = headers?.get(INVITE_HEADER)?.trim();
  if (header) return header;
  return cookieValue(headers?.get('cookie'), INVITE_COOKIE) || undefined;
}

const TOKEN_SYNTAX = /^[A-Za-z0-9_-]{32,128}$/;

const refuse = (message: string) => new APIError('FORBIDDEN', { code: 'SIGN_UP_NOT_ALLOWED', message });

/** Throws (403) unless creating an account for `email` is allowed now. */
export async function assertSignUpAllowed(prisma: AppPrisma, email: string, ctx: SignUpContext | null | undefined, now = Date.now()): Promise<void> {
  if (firstRun.getStore()) {
    if ((await prisma.user.count()) === 0) return;
    throw refuse('This server already has its first user; new accounts need an invite.');
  }
  const token = inviteTokenOf(ctx);
  if (!token) throw refuse('Accounts on this server are created by invitation: open the invite link a project owner sent you.');
  const invite = TOKEN_SYNTAX.test(token) ? await prisma.projectInvite.findUnique({ where: { tokenHash: hashToken(token) } }) : null;
  // One answer for every unusable invite, so a guesser learns nothing about which tokens exist.
  const unusable = refuse('This invite link is not valid for this email address (it may have expired or been revoked). Ask the project owner for a new one.');
  if (!invite || invite.revokedAt || invite.acceptedAt || invite.expiresAt.getTime() <= now) throw unusable;
  if (invite.email.trim().toLowerCase() !== email.trim().toLowerCase()) throw unusable;
}

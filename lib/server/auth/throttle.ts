/**
 * Sign-in throttling that holds across several app servers and restarts: failed sign-ins are counted
 * in the database (AuthThrottle), per account (`email:<address>`) and per client address
 * (`ip:<address>`, see client-address.ts). Too many failures in a window lock that key for a while;
 * while any key of a request is locked, sign-in is refused with 429 and Retry-After, without even
 * checking the password (else the lock would still let a guesser learn the right one).
 *
 * The per-address limit is looser than the per-account one: without a trusted proxy all clients share
 * one address key, and an office behind one NAT address has many people typing passwords.
 */
import 'server-only';
import type { AppPrisma } from '../db/client';

export interface ThrottleRule {
  /** Failures within `windowMs` that lock the key. */
  maxFailures: number;
  windowMs: number;
  /** How long the key stays locked. */
  lockMs: number;
}

const MINUTE = 60_000;
export const ACCOUNT_RULE: ThrottleRule = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
export const ADDRESS_RULE: ThrottleRule = { maxFailures: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

export interface ThrottleKey {
  key: string;
  rule: ThrottleRule;
}

/** The keys one sign-in attempt counts against. */
export function signInKeys(email: string, address: string): ThrottleKey[] {
  return [
    { key: `email:${email.trim().toLowerCase()}`, rule: ACCOUNT_RULE },
    { key: `ip:${address}`, rule: ADDRESS_RULE },
  ];
}

export type ThrottleStatus = { locked: false } | { locked: true; retryAfterSeconds: number };

/** Locked when any of `keys` is locked now; the wait is the longest of their locks. */
export async function throttleStatus(prisma: AppPrisma, keys: readonly ThrottleKey[], now = Date.now()): Promise<ThrottleStatus> {
  const rows = await prisma.authThrottle.findMany({ where: { key: { in: keys.map((k) => k.key) } } });
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  return until > now ? { locked: true, retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)) } : { locked: false };
}

/** Prisma's "unique constraint" and "record not found": another server changed the row between our read and write. */
const isRace = (e: unknown) => typeof e === 'object' && e !== null && 'code' in e && (e.code === 'P2002' || e.code === 'P2025');

/** Counts one failure against `key`, locking it when the window's count reaches the rule's limit. */
export async function recordFailure(prisma: AppPrisma, { key, rule }: ThrottleKey, now = Date.now()): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      const row = await prisma.authThrottle.findUnique({ where: { key } });
      let failures: number;
      if (!row || row.windowStart.getTime() + rule.windowMs <= now) {
        const fresh = { failures: 1, windowStart: new Date(now), lockedUntil: null };
        await prisma.authThrottle.upsert({ where: { key }, create: { key, ...fresh }, update: fresh });
        failures = 1;
      } else {
        // An atomic increment, so failures on several servers at once are all counted.
        failures = (await prisma.authThrottle.update({ where: { key }, data: { failures: { increment: 1 } } })).failures;
      }
      if (failures >= rule.maxFailures) {
        await prisma.authThrottle.update({ where: { key }, data: { lockedUntil: new Date(now + rule.lockMs) } });
      }
      return;
    } catch (e) {
      if (!isRace(e) || attempt >= 2) throw e;
    }
  }
}

/** A successful sign-in clears its account's failures (not the address's: others may share it). */
export async function clearKey(prisma: AppPrisma, key: string, now = Date.now()): Promise<void> {
  await prisma.authThrottle.deleteMany({ where: { key } });
  // Housekeeping: rows whose window and lock are long over.
  const dayAgo = new Date(now - 24 * 60 * MINUTE);
  await prisma.authThrottle.deleteMany({ where: { windowStart: { lt: dayAgo }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: new Date(now) } }], NOT: { key: { startsWith: 'setup:' } } } });
}

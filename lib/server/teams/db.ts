/**
 * The Prisma handles the teams repository takes: the app's client, or the client inside one of its
 * transactions (so a change and its audit event are written together).
 */
import 'server-only';
import type { Prisma } from '../../generated/sqlite/client';
import type { AppPrisma } from '../db/client';
import { HttpError } from '../http/error-response';

export type TeamsTx = Prisma.TransactionClient;
export type TeamsDb = AppPrisma | TeamsTx;

/**
 * Interactive transactions with room to wait: on SQLite the driver adapter runs one transaction at a
 * time per process (a mutex), so a burst of saves queues here instead of failing after Prisma's 2 s.
 */
export function inTransaction<T>(prisma: AppPrisma, fn: (tx: TeamsTx) => Promise<T>): Promise<T> {
  return prisma.$transaction(fn, { maxWait: 15_000, timeout: 20_000 });
}

/** PostgreSQL's serialization failure, as Prisma (P2034) or its driver adapter reports it. */
function isWriteConflict(err: unknown): boolean {
  const e = err as { code?: unknown; cause?: { kind?: unknown }; message?: unknown } | null;
  return e?.code === 'P2034' || e?.cause?.kind === 'TransactionWriteConflict' || (typeof e?.message === 'string' && e.message.includes('TransactionWriteConflict'));
}

/**
 * A transaction whose reads must still hold when it commits (the last-owner check: two owners
 * demoting each other at once must not both succeed). SERIALIZABLE is SQLite's only level and
 * PostgreSQL's strictest; PostgreSQL refuses the loser (P2034), answered as 409 to retry.
 */
export async function inSerializableTransaction<T>(prisma: AppPrisma, fn: (tx: TeamsTx) => Promise<T>): Promise<T> {
  try {
    return await prisma.$transaction(fn, { maxWait: 15_000, timeout: 20_000, isolationLevel: 'Serializable' });
  } catch (err) {
    if (isWriteConflict(err)) throw new HttpError(409, 'concurrent_change', 'Someone changed the members at the same moment; reload and try again.');
    throw err;
  }
}

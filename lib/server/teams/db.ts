/**
 * The Prisma handles the teams repository takes: the app's client, or the client inside one of its
 * transactions (so a change and its audit event are written together).
 */
import 'server-only';
import type { Prisma } from '../../generated/sqlite/client';
import type { AppPrisma } from '../db/client';

export type TeamsTx = Prisma.TransactionClient;
export type TeamsDb = AppPrisma | TeamsTx;

/**
 * Interactive transactions with room to wait: on SQLite the driver adapter runs one transaction at a
 * time per process (a mutex), so a burst of saves queues here instead of failing after Prisma's 2 s.
 */
export function inTransaction<T>(prisma: AppPrisma, fn: (tx: TeamsTx) => Promise<T>): Promise<T> {
  return prisma.$transaction(fn, { maxWait: 15_000, timeout: 20_000 });
}

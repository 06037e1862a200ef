/**
 * Where live co-editing tests run: one throwaway database (PostgreSQL on DATABASE_URL_PG when set, the
 * usual way several app servers share one; SQLite otherwise) made the process's DATABASE_URL, so the
 * in-process sync servers (getDatabase) and the test read and write the same one; and Redis.
 */
import 'server-only';
import net from 'node:net';
import { closeDatabase } from '../../db/client';
import { createPostgresTestDatabase, createSqliteTestDatabase, type TestDatabase } from '../../db/test-databases';

export const REDIS_URL = process.env.DRAFTBASE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** True when something answers on the Redis URL's port. */
export function redisReachable(url: string = REDIS_URL): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port: Number(u.port || 6379) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export interface LiveTestDatabase extends TestDatabase {
  /** Puts DATABASE_URL back and drops the database. */
  release(): Promise<void>;
}

/** A fresh database (PostgreSQL when DATABASE_URL_PG is set) as this process's DATABASE_URL. */
export async function useLiveTestDatabase(): Promise<LiveTestDatabase> {
  const pgUrl = process.env.DATABASE_URL_PG;
  const db = pgUrl ? await createPostgresTestDatabase(pgUrl) : await createSqliteTestDatabase();
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = db.url;
  return {
    ...db,
    async release() {
      await closeDatabase();
      if (previous === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previous;
      await db.dispose();
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `read` until its value has not changed for `quietMs`, and returns it (throws after `timeoutMs`).
 * What settles here is driven by the servers' debounced stores, not by a fixed wait.
 */
export async function settled<T>(read: () => Promise<T>, { quietMs, timeoutMs = 20_000, everyMs = 100 }: { quietMs: number; timeoutMs?: number; everyMs?: number }): Promise<T> {
  const start = Date.now();
  let last = JSON.stringify(await read());
  let since = Date.now();
  while (Date.now() - start < timeoutMs) {
    await sleep(everyMs);
    const value = await read();
    const json = JSON.stringify(value);
    if (json !== last) {
      last = json;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return value;
    }
  }
  throw new Error(`still changing after ${timeoutMs} ms: ${last.slice(0, 200)}`);
}

/**
 * What the route-handler suites share: a throwaway app database per provider installed as the
 * server's (DATABASE_URL) for the suite, and the requests the handlers take.
 */
import 'server-only';
import { afterAll, beforeAll, it } from 'vitest';
import { closeDatabase } from './client';
import type { ProviderCase, TestDatabase } from './test-databases';

export const API_BASE = 'http://localhost/api/projects';

/** The second argument of a dynamic route handler (`/api/projects/:id/...`). */
export const routeContext = (id: string) => ({ params: Promise.resolve({ id }) });

export const jsonRequest = (url: string, method: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(url, { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

/**
 * Inside a `describe.each(providerCases())`: creates the provider's database before the suite, makes it
 * the server's, and drops it after. Returns `it`, or `it.skip` when the provider cannot run here.
 */
export function useAppDatabase(create: ProviderCase['create']): typeof it {
  let t: TestDatabase | undefined;
  beforeAll(async () => {
    if (!create) return;
    t = await create();
    process.env.DATABASE_URL = t.url;
  });
  afterAll(async () => {
    await closeDatabase();
    delete process.env.DATABASE_URL;
    await t?.dispose();
  });
  return (create ? it : it.skip) as typeof it;
}

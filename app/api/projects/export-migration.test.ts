/**
 * The design document's Migration Strategy through the real handlers (SQLite, and PostgreSQL when
 * DATABASE_URL_PG is set): an export shows the migration from the newest named version taken before
 * the exported state, and none when there is no older version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCommand } from '@/lib/model/commands/apply';
import { kitchenSinkDocument } from '@/lib/model/fixtures/kitchen-sink';
import { closeDatabase } from '@/lib/server/db/client';
import { providerCases, type TestDatabase } from '@/lib/server/db/test-databases';
import * as collection from './route';
import * as item from './[id]/route';
import * as exportRoute from './[id]/export/route';
import * as versions from './[id]/versions/route';

const base = 'http://localhost/api/projects';
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const json = (url: string, method: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(url, { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

describe.each(providerCases())('export: Migration Strategy from the last named version on $provider', ({ create }) => {
  let t: TestDatabase;
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
  const run = create ? it : it.skip;

  run('shows the migration from the newest older version, with its lint', async () => {
    const v1 = kitchenSinkDocument();
    const res = await collection.POST(json(base, 'POST', { name: 'Shop', document: v1 }));
    const { project } = await res.json();
    const id: string = project.id;
    const exportMd = async (query = '') => (await exportRoute.GET(new Request(`${base}/${id}/export?format=markdown${query}`), ctx(id))).text();
    expect(await exportMd()).not.toContain('Migration from version');

    const snap = await versions.POST(json(`${base}/${id}/versions`, 'POST', { name: 'release 1' }), ctx(id));
    const vid: string = (await snap.json()).version.id;
    // Nothing changed since the version: it is not older than the exported state.
    expect(await exportMd()).not.toContain('Migration from version');

    const email = v1.tables.t_customers.columns.find((c) => c.name === 'email')!;
    const v2 = applyCommand(v1, { type: 'column.update', tableId: 't_customers', columnId: email.id, changes: { name: 'login' } }).doc;
    const current = await (await item.GET(new Request(`${base}/${id}`), ctx(id))).json();
    const saved = await item.PUT(json(`${base}/${id}`, 'PUT', { document: v2 }, { 'if-match': String(current.version) }), ctx(id));
    expect(saved.status).toBe(200);
    const md = await exportMd();
    expect(md).toContain('**Migration from version `release 1`.**');
    expect(md).toContain('RENAME COLUMN "email" TO "login";');
    expect(md).toMatch(/\| `rename` \|/);
    // The version itself, exported: no older version.
    expect(await exportMd(`&version=${vid}`)).not.toContain('Migration from version');
  });
});

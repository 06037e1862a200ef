/**
 * The design document's Migration Strategy through the real handlers (SQLite, and PostgreSQL when
 * DATABASE_URL_PG is set): an export shows the migration from the newest named version taken before
 * the exported state, and none when there is no older version.
 */
import { describe, expect, vi } from 'vitest';
import { applyCommand } from '@/lib/model/commands/apply';
import { kitchenSinkDocument } from '@/lib/model/fixtures/kitchen-sink';
import { providerCases } from '@/lib/server/db/test-databases';
import * as collection from './route';
import * as item from './[id]/route';
import * as exportRoute from './[id]/export/route';
import * as versions from './[id]/versions/route';
import { API_BASE, jsonRequest, routeContext, useAppDatabase } from '@/lib/server/db/api-suite.test-support';

// Solo mode on both providers (one local user owns everything); team mode, roles and share links: app/api/access-matrix.test.ts.
vi.mock('@/lib/server/auth/mode', () => ({ authMode: () => 'solo', AUTH_ENV: 'DRAFTBASE_AUTH' }));

const base = API_BASE;
const ctx = routeContext;
const json = jsonRequest;

describe.each(providerCases())('export: Migration Strategy from the last named version on $provider', ({ create }) => {
  const run = useAppDatabase(create);

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

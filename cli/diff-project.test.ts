/**
 * `draftbase diff project:<id>@<version> project:<id>`: sides read from the app's database (SQLite,
 * and PostgreSQL when DATABASE_URL_PG is set), through the real handlers that stored them.
 */
import { describe, expect, it, vi } from 'vitest';
import * as collection from '../app/api/projects/route';
import * as item from '../app/api/projects/[id]/route';
import * as versions from '../app/api/projects/[id]/versions/route';
import { applyCommand } from '../lib/model/commands/apply';
import { kitchenSinkDocument } from '../lib/model/fixtures/kitchen-sink';
import { providerCases } from '../lib/server/db/test-databases';
import { main } from './main';
import { memoryIo } from './memory-io.test-support';
import { API_BASE, jsonRequest, routeContext, useAppDatabase } from '../lib/server/db/api-suite.test-support';

// Solo mode on both providers (one local user owns everything); team mode, roles and share links: app/api/access-matrix.test.ts.
vi.mock('../lib/server/auth/mode', () => ({ authMode: () => 'solo', AUTH_ENV: 'DRAFTBASE_AUTH' }));

const base = API_BASE;
const ctx = routeContext;
const json = jsonRequest;

describe.each(providerCases())('draftbase diff with stored projects on $provider', ({ create }) => {
  const run = useAppDatabase(create);

  run('a named version against the current state, matched by id', async () => {
    const v1 = kitchenSinkDocument();
    const { project } = await (await collection.POST(json(base, 'POST', { name: 'Shop', document: v1 }))).json();
    const id: string = project.id;
    const vid: string = (await (await versions.POST(json(`${base}/${id}/versions`, 'POST', { name: 'release 1' }), ctx(id))).json()).version.id;
    const email = v1.tables.t_customers.columns.find((c) => c.name === 'email')!;
    const v2 = applyCommand(v1, { type: 'column.update', tableId: 't_customers', columnId: email.id, changes: { name: 'login' } }).doc;
    const current = await (await item.GET(new Request(`${base}/${id}`), ctx(id))).json();
    expect((await item.PUT(json(`${base}/${id}`, 'PUT', { document: v2 }, { 'if-match': String(current.version) }), ctx(id))).status).toBe(200);

    const { io, out } = memoryIo({});
    expect(await main(['diff', `project:${id}@${vid}`, `project:${id}`, '--exit-code'], io)).toBe(1);
    expect(out.stdout).toContain('ALTER TABLE "customers" RENAME COLUMN "email" TO "login";');
    expect(out.stdout).not.toContain('DROP COLUMN');

    const missing = memoryIo({});
    expect(await main(['diff', `project:${id}@nope`, `project:${id}`], missing.io)).toBe(2);
    expect(missing.out.stderr).toContain('no such version of the project');
  });
});

describe('draftbase diff project sides', () => {
  it('reads through the io hook and the load gate', async () => {
    const { io, out } = memoryIo({});
    const stored = { documentJson: JSON.stringify({ version: 999 }), label: 'Shop' };
    Object.assign(io, { readStoredDocument: async () => stored });
    expect(await main(['diff', 'project:p1@v1', 'project:p1'], io)).toBe(2);
    expect(out.stderr).toMatch(/project:p1@v1 \(Shop\): the stored document cannot be read/);
  });
});

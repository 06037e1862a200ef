/**
 * The projects API through its real route handlers (called with `new Request`), on SQLite and, when
 * DATABASE_URL_PG is set, on PostgreSQL: status codes, error bodies, optimistic concurrency.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { documentOf, makeColumn, makeTable, scalar } from '@/lib/model/build';
import { emptyDocument } from '@/lib/model/empty';
import { closeDatabase } from '@/lib/server/db/client';
import { providerCases, type TestDatabase } from '@/lib/server/db/test-databases';
import * as collection from './route';
import * as item from './[id]/route';
import * as versions from './[id]/versions/route';
import * as versionItem from './[id]/versions/[vid]/route';
import * as state from './[id]/state/route';
import * as events from './[id]/events/route';
import * as invites from './[id]/invites/route';
import * as members from './[id]/members/route';

// Solo mode on both providers (one local user owns everything); team mode, roles and share links: app/api/access-matrix.test.ts.
vi.mock('@/lib/server/auth/mode', () => ({ authMode: () => 'solo', AUTH_ENV: 'DRAFTBASE_AUTH' }));

const base = 'http://localhost/api/projects';
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const vctx = (id: string, vid: string) => ({ params: Promise.resolve({ id, vid }) });

function jsonRequest(url: string, method: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(url, { method, body: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
}

const oneTable = () =>
  documentOf({
    tables: [
      makeTable({
        id: 'tbl_users',
        name: 'users',
        comment: 'Everyone who can sign in. '.repeat(20),
        columns: [makeColumn({ id: 'col_id', name: 'id', type: scalar('bigint'), nullable: false })],
      }),
    ],
  });

async function createProject(name = 'P', document: unknown = undefined): Promise<{ id: string; version: number }> {
  const res = await collection.POST(jsonRequest(base, 'POST', { name, document }));
  expect(res.status).toBe(201);
  return (await res.json()).project;
}

async function put(id: string, body: unknown, ifMatch?: string): Promise<Response> {
  return item.PUT(jsonRequest(`${base}/${id}`, 'PUT', body, ifMatch === undefined ? {} : { 'if-match': ifMatch }), ctx(id));
}

describe.each(providerCases())('projects API on $provider', ({ create }) => {
  let t: TestDatabase;
  beforeAll(async () => {
    if (!create) return;
    t = await create();
    process.env.DATABASE_URL = t.url; // what getDatabase() in the handlers opens
  });
  afterAll(async () => {
    await closeDatabase();
    delete process.env.DATABASE_URL;
    await t?.dispose();
  });
  const run = create ? it : it.skip;

  run('creates, lists, reads (with ETag) and deletes a project', async () => {
    const p = await createProject('Orders', oneTable());
    const list = await (await collection.GET(new Request(base))).json();
    expect(list.projects.find((x: { id: string }) => x.id === p.id)).toMatchObject({ name: 'Orders', tableCount: 1, version: 1 });

    const res = await item.GET(new Request(`${base}/${p.id}`), ctx(p.id));
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe('"1"');
    const body = await res.json();
    expect(body).toMatchObject({ id: p.id, name: 'Orders', version: 1, tableCount: 1 });
    expect(body.document).toEqual(oneTable());

    expect((await item.DELETE(new Request(`${base}/${p.id}`, { method: 'DELETE' }), ctx(p.id))).status).toBe(204);
    expect((await item.GET(new Request(`${base}/${p.id}`), ctx(p.id))).status).toBe(404);
  });

  run('PUT with the current version saves (200 {version}); a stale one gets 409 with the current version', async () => {
    const p = await createProject();
    const ok = await put(p.id, { document: oneTable() }, '1');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ version: 2 });

    // The second tab still holds version 1: its save must not overwrite the first.
    const stale = await put(p.id, { document: emptyDocument() }, '1');
    expect(stale.status).toBe(409);
    const err = await stale.json();
    expect(err.error).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    expect(err.error.message).toMatch(/version 2/);
    const stored = await (await item.GET(new Request(`${base}/${p.id}`), ctx(p.id))).json();
    expect(stored.tableCount).toBe(1);

    // ETag-style If-Match works too.
    expect((await put(p.id, { document: emptyDocument(), name: 'Renamed' }, 'W/"2"')).status).toBe(200);
  });

  run.each([
    ['a zod shape error, with the path', { document: { ...emptyDocument(), settings: { dialect: 'oracle' } } }, 'invalid_document', /settings\.dialect/],
    ['a referential integrity error, with the path', { document: { ...oneTable(), areas: { a1: { id: 'a1', name: 'A', color: '#112233', tableIds: ['tbl_nope'] } } } }, 'invalid_document', /areas\.a1\.tableIds\.0: unknown table id "tbl_nope"/],
    ['a missing document', {}, 'invalid_body', /document/],
    ['an unknown field', { document: emptyDocument(), extra: 1 }, 'invalid_body', /extra|Unrecognized/],
    ['malformed JSON, with line and column', '{"document": {\n  oops', 'invalid_json', /line 2, column 3/],
  ])('PUT with %s -> 400', async (_label, body, code, message) => {
    const p = await createProject();
    const res = await put(p.id, body, '1');
    expect(res.status).toBe(400);
    const err = await res.json();
    expect(err.error.code).toBe(code);
    expect(err.error.message).toMatch(message);
  });

  run('GET state answers the version and save time only, and follows saves', async () => {
    const p = await createProject('Polled', oneTable());
    const first = await state.GET(new Request(`${base}/${p.id}/state`), ctx(p.id));
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"1"');
    expect(first.headers.get('cache-control')).toBe('no-store');
    const body = await first.json();
    expect(Object.keys(body).sort()).toEqual(['updatedAt', 'version']);
    expect(body.version).toBe(1);
    expect(Number.isNaN(Date.parse(body.updatedAt))).toBe(false);
    expect((await put(p.id, { document: emptyDocument() }, '1')).status).toBe(200);
    expect(await (await state.GET(new Request(`${base}/${p.id}/state`), ctx(p.id))).json()).toMatchObject({ version: 2 });
    const missing = await state.GET(new Request(`${base}/nope/state`), ctx('nope'));
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
  });

  run('PUT without If-Match -> 428; with a non-number -> 400', async () => {
    const p = await createProject();
    const missing = await put(p.id, { document: emptyDocument() });
    expect(missing.status).toBe(428);
    expect((await missing.json()).error.code).toBe('precondition_required');
    expect((await put(p.id, { document: emptyDocument() }, 'latest')).status).toBe(400);
  });

  run('PUT over the size cap -> 413 (default 32 MB, configurable)', async () => {
    const p = await createProject();
    const big = { document: { ...emptyDocument(), design: { narrative: { executiveSummary: 'x'.repeat(33 * 1024 * 1024) }, requirements: {}, queryPatterns: [] } } };
    const res = await put(p.id, big, '1');
    expect(res.status).toBe(413);
    expect((await res.json()).error).toMatchObject({ code: 'payload_too_large', limitBytes: 32 * 1024 * 1024 });

    process.env.DRAFTBASE_MAX_BODY_BYTES = '1000';
    try {
      const body = JSON.stringify({ document: oneTable() });
      expect(body.length).toBeGreaterThan(1000);
      const small = await put(p.id, body, '1');
      expect(small.status).toBe(413);
    } finally {
      delete process.env.DRAFTBASE_MAX_BODY_BYTES;
    }
    expect((await put(p.id, { document: oneTable() }, '1')).status).toBe(200);
  });

  run.each([
    ['GET', () => item.GET(new Request(`${base}/prj_nope`), ctx('prj_nope'))],
    ['PUT', () => put('prj_nope', { document: emptyDocument() }, '1')],
    ['PATCH', () => item.PATCH(jsonRequest(`${base}/prj_nope`, 'PATCH', { name: 'x' }), ctx('prj_nope'))],
    ['DELETE', () => item.DELETE(new Request(`${base}/prj_nope`, { method: 'DELETE' }), ctx('prj_nope'))],
    ['GET versions', () => versions.GET(new Request(`${base}/prj_nope/versions`), ctx('prj_nope'))],
    ['POST versions', () => versions.POST(jsonRequest(`${base}/prj_nope/versions`, 'POST', { name: 'v' }), ctx('prj_nope'))],
    ['GET a version', () => versionItem.GET(new Request(`${base}/prj_nope/versions/ver_nope`), vctx('prj_nope', 'ver_nope'))],
    ['duplicate', () => collection.POST(jsonRequest(base, 'POST', { duplicateOf: 'prj_nope' }))],
  ])('%s of an unknown id -> 404 with the error shape', async (_label, call) => {
    const res = await call();
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: 'not_found', message: expect.stringContaining('nope') });
  });

  run('POST validates the name and the document', async () => {
    const blank = await collection.POST(jsonRequest(base, 'POST', { name: '   ' }));
    expect(blank.status).toBe(400);
    expect((await blank.json()).error.message).toMatch(/name: must not be empty/);
    const badDoc = await collection.POST(jsonRequest(base, 'POST', { name: 'x', document: { format: 'nope' } }));
    expect(badDoc.status).toBe(400);
    expect((await badDoc.json()).error.code).toBe('invalid_document');
  });

  run('PATCH renames without changing the version; POST duplicateOf copies', async () => {
    const p = await createProject('Before', oneTable());
    const renamed = await item.PATCH(jsonRequest(`${base}/${p.id}`, 'PATCH', { name: 'After' }), ctx(p.id));
    expect(await renamed.json()).toMatchObject({ project: { name: 'After', version: 1 } });
    // An editor that loaded version 1 before the rename can still save.
    expect((await put(p.id, { document: oneTable() }, '1')).status).toBe(200);

    const dup = await collection.POST(jsonRequest(base, 'POST', { duplicateOf: p.id }));
    expect(dup.status).toBe(201);
    expect((await dup.json()).project).toMatchObject({ name: 'After (copy)', tableCount: 1, version: 1 });
  });

  run('named versions: create, list, read back the snapshot', async () => {
    const p = await createProject('V', oneTable());
    const created = await versions.POST(jsonRequest(`${base}/${p.id}/versions`, 'POST', { name: 'v1' }), ctx(p.id));
    expect(created.status).toBe(201);
    const v = (await created.json()).version;
    await put(p.id, { document: emptyDocument() }, '1');
    const list = await (await versions.GET(new Request(`${base}/${p.id}/versions`), ctx(p.id))).json();
    expect(list.versions.map((x: { name: string }) => x.name)).toEqual(['v1']);
    const got = await versionItem.GET(new Request(`${base}/${p.id}/versions/${v.id}`), vctx(p.id, v.id));
    const body = await got.json();
    expect(body).toMatchObject({ id: v.id, name: 'v1', projectVersion: 1, tableCount: 1 });
    expect(body.document).toEqual(oneTable());
  });

  run('solo mode: the local user owns everything, with no accounts; saves are audited as the local user', async () => {
    const p = await createProject('Solo', oneTable());
    const got = await (await item.GET(new Request(`${base}/${p.id}`), ctx(p.id))).json();
    expect(got.access).toEqual({ role: 'owner', capabilities: { view: true, comment: true, edit: true, manage: true }, via: 'solo' });
    expect((await put(p.id, { document: oneTable() }, '1')).status).toBe(200);
    await versions.POST(jsonRequest(`${base}/${p.id}/versions`, 'POST', { name: 'v1' }), ctx(p.id));
    const list = await (await versions.GET(new Request(`${base}/${p.id}/versions`), ctx(p.id))).json();
    expect(list.versions[0].author).toBeNull();
    const trail = (await (await events.GET(new Request(`${base}/${p.id}/events`), ctx(p.id))).json()).events;
    expect(trail.map((e: { action: string; actorName: string }) => `${e.action} ${e.actorName}`)).toEqual(['version Local user', 'save Local user', 'create Local user']);
    expect(await (await members.GET(new Request(`${base}/${p.id}/members`), ctx(p.id))).json()).toEqual({ members: [], invites: [] });
    const invite = await invites.POST(jsonRequest(`${base}/${p.id}/invites`, 'POST', { email: 'a@example.test', role: 'viewer' }), ctx(p.id));
    expect(invite.status).toBe(409);
    expect((await invite.json()).error.code).toBe('solo_mode');
  });
});

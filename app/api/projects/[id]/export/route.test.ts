/**
 * GET /api/projects/:id/export through the real handlers on a SQLite test database: every format with
 * its Content-Type and Content-Disposition, the Markdown identical to the CLI module's, a named version,
 * and the 400/404 JSON errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExportFormat } from '@/cli/export-formats';
import { smallProjectDocument } from '@/lib/design-doc/small-project.fixture';
import { generateDesignDoc } from '@/lib/design-doc/generate-design-doc';
import { generateDdl } from '@/lib/ddl/generate-ddl';
import { emptyDocument } from '@/lib/model/empty';
import { closeDatabase } from '@/lib/server/db/client';
import { createSqliteTestDatabase, type TestDatabase } from '@/lib/server/db/test-databases';
import * as collection from '../../route';
import * as item from '../route';
import * as versions from '../versions/route';
import { GET } from './route';

const base = 'http://localhost/api/projects';
const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const json = (url: string, method: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(url, { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });
const exportOf = (id: string, query: string) => GET(new Request(`${base}/${id}/export?${query}`), ctx(id));

let t: TestDatabase;
let projectId: string;

beforeAll(async () => {
  t = await createSqliteTestDatabase();
  process.env.DATABASE_URL = t.url;
  const res = await collection.POST(json(base, 'POST', { name: 'Shop Ünï', document: smallProjectDocument() }));
  projectId = (await res.json()).project.id;
});
afterAll(async () => {
  await closeDatabase();
  delete process.env.DATABASE_URL;
  await t?.dispose();
});

describe('GET /api/projects/:id/export', () => {
  it.each([
    ['markdown', 'text/markdown; charset=utf-8', 'DATABASE_DESIGN.md'],
    ['postgres', 'application/sql; charset=utf-8', 'Shop-Uni.postgres.sql'],
    ['mysql', 'application/sql; charset=utf-8', 'Shop-Uni.mysql.sql'],
    ['mermaid', 'text/plain; charset=utf-8', 'Shop-Uni.mmd'],
    ['prisma', 'text/plain; charset=utf-8', 'schema.prisma'],
    ['dbml', 'text/plain; charset=utf-8', 'Shop-Uni.dbml'],
    ['json', 'application/json; charset=utf-8', 'Shop-Uni.draftbase.json'],
  ])('format=%s: %s, attachment %s', async (format, type, file) => {
    const res = await exportOf(projectId, `format=${format}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('content-disposition')).toContain(`filename="${file}"`);
    expect((await res.text()).length).toBeGreaterThan(100);
  });

  it('markdown is the design document, identical to the CLI module, in the requested dialect', async () => {
    const doc = smallProjectDocument();
    for (const dialect of ['postgres', 'mysql'] as const) {
      const text = await (await exportOf(projectId, `format=markdown&dialect=${dialect}`)).text();
      expect(text).toBe(generateDesignDoc(doc, { dialect }));
      expect(text).toBe(runExportFormat(doc, 'markdown', { dialect }).text);
    }
  });

  it('DDL is the SQL export; json round-trips the document', async () => {
    expect(await (await exportOf(projectId, 'format=mysql')).text()).toBe(generateDdl(smallProjectDocument(), 'mysql').sql);
    expect(JSON.parse(await (await exportOf(projectId, 'format=json')).text())).toEqual(smallProjectDocument());
  });

  it('version=VID exports the snapshot, not the current document', async () => {
    const created = await versions.POST(json(`${base}/${projectId}/versions`, 'POST', { name: 'v1' }), ctx(projectId));
    const vid = (await created.json()).version.id;
    const saved = await item.PUT(json(`${base}/${projectId}`, 'PUT', { document: emptyDocument() }, { 'if-match': '1' }), ctx(projectId));
    expect(saved.status).toBe(200);
    const now = await (await exportOf(projectId, 'format=markdown')).text();
    expect(now).toContain('0 tables');
    const then = await exportOf(projectId, `format=markdown&version=${vid}`);
    expect(await then.text()).toBe(generateDesignDoc(smallProjectDocument()));
  });

  it.each([
    ['', 400, 'format is required'],
    ['format=pdf', 400, 'format must be one of'],
    ['format=markdown&dialect=oracle', 400, 'dialect must be postgres or mysql'],
    ['format=postgres&dialect=mysql', 400, 'contradicts'],
    ['format=markdown&version=ver_nope', 404, 'No version'],
  ])('?%s -> %i JSON error', async (query, status, message) => {
    const res = await exportOf(projectId, query);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect((await res.json()).error.message).toContain(message);
  });

  it('unknown project -> 404', async () => {
    const res = await exportOf('prj_nope', 'format=markdown');
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });
});

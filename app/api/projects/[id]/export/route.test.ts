/**
 * GET /api/projects/:id/export through the real handlers on a SQLite test database: every format with
 * its Content-Type and Content-Disposition, the Markdown identical to the CLI module's, a named version,
 * and the 400/404 JSON errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFile } from '@/lib/formats/files';
import { smallProjectDocument } from '@/lib/design-doc/small-project.fixture';
import { generateDesignDoc, generateDesignDocWithDiagnostics } from '@/lib/design-doc/generate-design-doc';
import { generateDdl } from '@/lib/ddl/generate-ddl';
import { loadSqlParsers } from '@/lib/sql-parse/load';
import { emptyDocument } from '@/lib/model/empty';
import { closeDatabase } from '@/lib/server/db/client';
import { createSqliteTestDatabase, type TestDatabase } from '@/lib/server/db/test-databases';
import * as collection from '../../route';
import * as item from '../route';
import * as versions from '../versions/route';
import * as render from '../../../render/route';
import { GET } from './route';
import { adviseDocument } from '@/lib/server/advisor/advise-http';
import { resetComputePool } from '@/lib/server/compute/pool';
import { API_BASE, jsonRequest, routeContext } from '@/lib/server/db/api-suite.test-support';

const base = API_BASE;
const ctx = routeContext;
const json = jsonRequest;
const exportOf = (id: string, query: string) => GET(new Request(`${base}/${id}/export?${query}`), ctx(id));
/** What the route gives the design document's front matter: the project's name and the day. */
const today = () => new Date().toISOString().slice(0, 10);
const frontMatterOf = (versionName?: string) => ({ title: 'Shop Ünï', date: today(), ...(versionName ? { versionName } : {}) });

let t: TestDatabase;
let projectId: string;

beforeAll(async () => {
  // The markdown export plans the fixture's query pattern in PGlite (started in the worker): a budget
  // that a loaded test machine cannot miss.
  await resetComputePool({ budgetMs: 150_000 });
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

  it('markdown is the design document (with the advisor verdicts of its query patterns) in the requested dialect, its DDL diagnostics listed in a comment on top', async () => {
    const doc = smallProjectDocument();
    for (const dialect of ['postgres', 'mysql'] as const) {
      const text = await (await exportOf(projectId, `format=markdown&dialect=${dialect}`)).text();
      // The document declares a query pattern: the export carries the advisor's verdicts (issue 15).
      const advice = await adviseDocument(doc, 5_000, dialect);
      expect(text).toContain('**Verdicts**');
      expect(text).toBe(exportFile(doc, 'markdown', { dialect, options: frontMatterOf(), advice }).text);
      expect(text).toMatch(/^(<!--[\s\S]*?-->\n\n)?# Database Design Document: Shop Ünï\n/);
      const { markdown, diagnostics } = generateDesignDocWithDiagnostics(doc, { dialect, projectName: 'Shop Ünï', date: today(), advice });
      if (!diagnostics.length) {
        expect(text).toBe(markdown);
        continue;
      }
      // The design document, after one HTML comment that names every diagnostic.
      expect(text.endsWith(markdown)).toBe(true);
      const header = text.slice(0, text.length - markdown.length);
      expect(header).toMatch(/^<!--\nDraftbase: .*\n-->\n\n$/s);
      for (const d of diagnostics) expect(header).toContain(d.message);
    }
  });

  it('DDL is the SQL export after a comment listing its diagnostics; json round-trips the document', async () => {
    // The export renders with the SQL parsers: expressions are checked and translated.
    const { sql, diagnostics } = generateDdl(smallProjectDocument(), 'mysql', { sqlParsers: await loadSqlParsers() });
    expect(diagnostics.length).toBeGreaterThan(0);
    const text = await (await exportOf(projectId, 'format=mysql')).text();
    expect(text.endsWith(sql)).toBe(true);
    const header = text.slice(0, text.length - sql.length);
    expect(header.split('\n').slice(0, -1).every((line) => line.startsWith('-- '))).toBe(true);
    expect(header).toContain(`${diagnostics.filter((d) => d.severity === 'warning').length} warnings`);
    for (const d of diagnostics) expect(header).toContain(`[${d.code}] ${d.message}`);
    expect(JSON.parse(await (await exportOf(projectId, 'format=json')).text())).toEqual(smallProjectDocument());
  });

  it('export and render agree: a table MySQL rejects (a name ending in a space) is served commented out by both, and counted', async () => {
    const doc = smallProjectDocument();
    const first = Object.values(doc.tables)[0];
    first.name = `${first.name} `;
    const created = await collection.POST(json(base, 'POST', { name: 'Trailing space', document: doc }));
    expect(created.status).toBe(201);
    const id = (await created.json()).project.id;
    const rendered = await render.POST(json('http://localhost/api/render', 'POST', { document: doc, format: 'mysql' }));
    expect(rendered.status).toBe(200);
    const r = await rendered.json();
    const exported = await exportOf(id, 'format=mysql');
    expect(exported.status).toBe(200);
    const text = await exported.text();
    // The file is the rendered script under its diagnostics header.
    expect(text.endsWith(r.text)).toBe(true);
    expect(r.commentedOut).toBeGreaterThan(0);
    expect(exported.headers.get('x-draftbase-commented-out')).toBe(String(r.commentedOut));
    expect(exported.headers.get('x-draftbase-errors')).toBe(String(r.errors));
    expect(exported.headers.get('content-disposition')).toContain('.mysql.sql');
    expect(text).toContain(`-- CREATE TABLE \`${first.name}\` (`);
    expect(text).toMatch(/^-- Draftbase: \d+ errors?, .*what the target would reject \(commented out where it stands\)\.$/m);
    // Where the DDL has no error (PostgreSQL takes the name), nothing is commented out.
    const pg = await exportOf(id, 'format=postgres');
    expect(pg.status).toBe(200);
    expect(pg.headers.get('x-draftbase-commented-out')).toBe('0');
  });

  it('a diagnostic cannot break out of the comment: a name with a line break stays inside it', async () => {
    const doc = smallProjectDocument();
    const first = Object.values(doc.tables)[0];
    // MySQL's notes name the table (its timestamptz columns become DATETIME); the name carries SQL and an HTML comment end.
    first.name = 'users\nDROP TABLE users; -- -->';
    const created = await collection.POST(json(base, 'POST', { name: 'Line break', document: doc }));
    const id = (await created.json()).project.id;
    for (const [format, comment] of [['mysql', /^-- /], ['markdown', /^(?!-->)/]] as const) {
      const text = await (await exportOf(id, `format=${format}&dialect=mysql`)).text();
      const header = format === 'markdown' ? text.slice(0, text.indexOf('\n-->\n') + 5) : text.slice(0, text.indexOf('-- Generated by Draftbase'));
      expect(header).toContain('users\\nDROP TABLE users;');
      const body = format === 'markdown' ? header.split('\n').slice(1, -2) : header.split('\n').slice(0, -1);
      for (const line of body) expect(line).toMatch(comment);
      if (format === 'markdown') expect(header.slice(4, -4)).not.toContain('--');
    }
  });

  it('version=VID exports the snapshot, not the current document', async () => {
    const created = await versions.POST(json(`${base}/${projectId}/versions`, 'POST', { name: 'v1' }), ctx(projectId));
    const vid = (await created.json()).version.id;
    const saved = await item.PUT(json(`${base}/${projectId}`, 'PUT', { document: emptyDocument() }, { 'if-match': '1' }), ctx(projectId));
    expect(saved.status).toBe(200);
    const now = await (await exportOf(projectId, 'format=markdown')).text();
    expect(now).toContain('0 tables');
    const then = await exportOf(projectId, `format=markdown&version=${vid}`);
    const text = await then.text();
    const doc = smallProjectDocument();
    expect(text).toBe(generateDesignDoc(doc, { projectName: 'Shop Ünï', versionName: 'v1', date: today(), advice: await adviseDocument(doc, 5_000) }));
    expect(text).toContain('| Version | v1 |');
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

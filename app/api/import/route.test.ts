import { describe, expect, it } from 'vitest';
import { parseDocument } from '@/lib/model/validate';
import { corpusAvailable, readCorpusFolder } from '@/lib/server/importers/test-corpus';
import { requireServer } from '@/lib/server/testing/require-server';
import { POST } from './route';
import { POST as POST_LIVE } from './live/route';

function post(body: unknown, url = 'http://x/api/import'): Request {
  return new Request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

describe('POST /api/import', () => {
  it('200 with document and report for PostgreSQL DDL', async () => {
    const res = await POST(post({ format: 'postgres', source: 'CREATE TABLE a (id int PRIMARY KEY);\nGRANT SELECT ON a TO PUBLIC;\nCREATE TRIGGER t AFTER INSERT ON a FOR EACH ROW EXECUTE FUNCTION f();' }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(parseDocument(body.document).ok).toBe(true);
    expect(body.report.counts.tables).toBe(1);
    expect(body.report.skipped).toEqual([expect.objectContaining({ line: 2, statement: expect.stringMatching(/^GRANT/) })]);
    // The trigger is kept as a routine, verbatim.
    expect(Object.values(body.document.routines)).toEqual([expect.objectContaining({ kind: 'trigger', name: 't', sql: 'CREATE TRIGGER t AFTER INSERT ON a FOR EACH ROW EXECUTE FUNCTION f()' })]);
  });

  it('auto-detects DBML', async () => {
    const res = await POST(post({ format: 'auto', source: 'Table users {\n  id int [pk]\n}\n' }));
    expect(res.status).toBe(200);
    expect((await res.json()).report).toMatchObject({ format: 'dbml', counts: { tables: 1 } });
  });

  it.skipIf(!corpusAvailable('API multi-file Prisma'))('imports a multi-file Prisma folder sent as files', async () => {
    const res = await POST(post({ format: 'auto', source: { files: readCorpusFolder('prisma/dub-schema-folder') } }));
    expect(res.status).toBe(200);
    expect((await res.json()).report.counts).toMatchObject({ tables: 85, enums: 53 });
  });

  it('422 with line, column and excerpt for a bad DBML file', async () => {
    const res = await POST(post({ format: 'dbml', source: 'Table a {\n  id int [pk\n}\n' }));
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error).toMatchObject({ code: 'import_failed', line: 3, column: 1, excerpt: '}' });
    expect(error.message).toMatch(/invalid DBML/);
  });

  it('422 naming the file for a multi-file Prisma error', async () => {
    const res = await POST(post({ format: 'prisma', source: { files: [{ name: 'a.prisma', content: 'datasource db {\n  provider = "mysql"\n}\n' }, { name: 'b.prisma', content: 'model B {\n  id Intt @id\n}\n' }] } }));
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({ file: 'b.prisma', line: 2, excerpt: '  id Intt @id' });
  });

  // Bad input for each of this route's non-SQL formats: a 422 with a message, quickly, never a 500.
  const garbage: Array<[string, string]> = [
    ['truncated', 'Table users {\n  id int [pk]\n  name varchar(2'],
    ['binary garbage', '\u0000\u0001\u0002\u00ff\u0089PNG'.repeat(2000)],
    ['deeply nested parentheses', `model A {\n  id Int @id @default(${'('.repeat(50_000)})\n}`],
    ['unterminated string', "Table t {\n  id int [note: 'abc\n}\n"],
    ['unterminated comment', 'Table t {\n  id int\n}\n/* never closed'],
  ];
  const formats = ['prisma', 'dbml', 'json', 'auto'] as const;
  it.each(formats.flatMap((f) => garbage.map(([label, text]) => [f, label, text] as const)))('%s: %s -> 422 quickly', async (format, _label, text) => {
    const t = Date.now();
    const res = await POST(post({ format, source: text }));
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toMatch(/\S/);
    expect(Date.now() - t).toBeLessThan(10_000);
  });

  it('413 for a 50 MB paste, before parsing', async () => {
    const t = Date.now();
    const res = await POST(post({ format: 'postgres', source: 'x'.repeat(50 * 1024 * 1024) }));
    expect(res.status).toBe(413);
    expect(Date.now() - t).toBeLessThan(5000);
  });

  it.each([
    ['not JSON', '{"format": '],
    ['unknown format', { format: 'oracle', source: 'x' }],
    ['missing source', { format: 'dbml' }],
  ])('400 for %s', async (_label, body) => {
    const res = await POST(post(body));
    expect(res.status).toBe(400);
  });
});

describe('POST /api/import/live', () => {
  it('403 when live import is disabled', async () => {
    const saved = process.env.DRAFTBASE_ALLOW_LIVE_IMPORT;
    process.env.DRAFTBASE_ALLOW_LIVE_IMPORT = '0';
    try {
      const res = await POST_LIVE(post({ url: 'postgresql://u:p@127.0.0.1:5432/x' }, 'http://x/api/import/live'));
      expect(res.status).toBe(403);
    } finally {
      if (saved === undefined) delete process.env.DRAFTBASE_ALLOW_LIVE_IMPORT;
      else process.env.DRAFTBASE_ALLOW_LIVE_IMPORT = saved;
    }
  });

  it('422 "cannot connect" without echoing the password', async () => {
    const saved = process.env.DRAFTBASE_ALLOW_LIVE_IMPORT;
    process.env.DRAFTBASE_ALLOW_LIVE_IMPORT = '1';
    try {
      const res = await POST_LIVE(post({ url: 'postgresql://u:hunter2@127.0.0.1:1/x' }, 'http://x/api/import/live'));
      expect(res.status).toBe(422);
      const text = await res.text();
      expect(text).toMatch(/cannot connect to 127\.0\.0\.1:1/);
      expect(text).not.toMatch(/hunter2/);
    } finally {
      if (saved === undefined) delete process.env.DRAFTBASE_ALLOW_LIVE_IMPORT;
      else process.env.DRAFTBASE_ALLOW_LIVE_IMPORT = saved;
    }
  });

  // requireServer: skips with a notice locally, throws under CI=true (a missing server must not pass silently).
  const pgUrl = requireServer('pg');
  it.skipIf(!pgUrl)('200 for a reachable PostgreSQL database; 422 naming a schema that is not there', async () => {
    const saved = process.env.DRAFTBASE_ALLOW_LIVE_IMPORT;
    process.env.DRAFTBASE_ALLOW_LIVE_IMPORT = '1';
    try {
      const res = await POST_LIVE(post({ url: pgUrl, schemas: ['public'] }, 'http://x/api/import/live'));
      expect(res.status).toBe(200);
      expect((await res.json()).report.format).toBe('postgres');
      const missing = await POST_LIVE(post({ url: pgUrl, schemas: ['no_such_schema'] }, 'http://x/api/import/live'));
      expect(missing.status).toBe(422);
      expect((await missing.json()).error.message).toMatch(/schema "no_such_schema" not found; this database has: .*public/);
    } finally {
      if (saved === undefined) delete process.env.DRAFTBASE_ALLOW_LIVE_IMPORT;
      else process.env.DRAFTBASE_ALLOW_LIVE_IMPORT = saved;
    }
  });
});

import { describe, expect, it } from 'vitest';
import { emptyDocument } from '@/lib/model/empty';
import { createProjectWithDocument, isSqliteHeader, requestImport, requestLiveImport, requestSqliteDatabaseImport, selectSourceFiles, stripTopFolder, suggestProjectName } from './import-client';
import { readFileList } from './read-dropped-files';

function stubFetch(status: number, body: unknown, seen: Array<{ url: string; body: unknown }> = []): typeof fetch {
  return (async (url: string | URL | Request, init?: RequestInit) => {
    seen.push({ url: String(url), body: init?.body ? JSON.parse(String(init.body)) : undefined });
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

describe('import client', () => {
  it('sends text or files and returns the document and report', async () => {
    const seen: Array<{ url: string; body: unknown }> = [];
    const report = { format: 'dbml', counts: { tables: 0, columns: 0, relationships: 0, indexes: 0, enums: 0, views: 0 }, skipped: [], diagnostics: [] };
    const out = await requestImport('auto', [{ name: 'a.prisma', content: 'x' }], stubFetch(200, { document: emptyDocument(), report }, seen));
    expect(out).toEqual({ ok: true, document: emptyDocument(), report });
    expect(seen[0]).toEqual({ url: '/api/import', body: { format: 'auto', source: { files: [{ name: 'a.prisma', content: 'x' }] } } });
  });

  it('keeps line, column, excerpt and file of a 422', async () => {
    const out = await requestImport('dbml', 'x', stubFetch(422, { error: { code: 'import_failed', message: 'invalid DBML', line: 3, column: 1, excerpt: '}' } }));
    expect(out).toEqual({ ok: false, status: 422, message: 'invalid DBML', line: 3, column: 1, excerpt: '}' });
  });

  it('refuses an oversized paste without calling the server', async () => {
    const seen: Array<{ url: string; body: unknown }> = [];
    const out = await requestImport('postgres', 'x'.repeat(11 * 1024 * 1024), stubFetch(200, {}, seen));
    expect(out).toMatchObject({ ok: false, status: 413 });
    expect(seen).toHaveLength(0);
  });

  it('live import sends schemas only when given', async () => {
    const seen: Array<{ url: string; body: unknown }> = [];
    await requestLiveImport('postgresql://h/db', [], stubFetch(403, { error: { message: 'disabled' } }, seen));
    await requestLiveImport('postgresql://h/db', ['a'], stubFetch(403, { error: { message: 'disabled' } }, seen));
    expect(seen.map((s) => s.body)).toEqual([{ url: 'postgresql://h/db' }, { url: 'postgresql://h/db', schemas: ['a'] }]);
  });

  it('creates a project and returns its id', async () => {
    expect(await createProjectWithDocument('p', emptyDocument(), stubFetch(201, { project: { id: 'prj_1' } }))).toEqual({ ok: true, id: 'prj_1' });
    expect(await createProjectWithDocument('p', emptyDocument(), stubFetch(400, { error: { message: 'bad' } }))).toEqual({ ok: false, message: 'bad' });
  });

  it.each([
    [[{ name: 'schema.prisma', content: '' }, { name: 'README.md', content: '' }], ['schema.prisma']],
    [[{ name: 'a.sql', content: '' }], ['a.sql']],
    [[{ name: 'README.md', content: '' }, { name: '2_keys.sql', content: '' }, { name: '1_tables.sql', content: '' }], ['2_keys.sql', '1_tables.sql']],
    [[{ name: 'model.dbml', content: '' }, { name: 'notes.txt', content: '' }], ['model.dbml', 'notes.txt']],
  ])('selectSourceFiles keeps the .prisma files of a folder, else its .sql files (%#)', (files, names) => {
    expect(selectSourceFiles(files).map((f) => f.name)).toEqual(names);
  });

  it('names', () => {
    expect(stripTopFolder('schema/models/user.prisma')).toBe('models/user.prisma');
    expect(suggestProjectName(['dir/shop.sql'])).toBe('shop');
    expect(suggestProjectName([], 'dub')).toBe('dub');
    expect(suggestProjectName([])).toBe('Imported schema');
  });

  it('uploads an SQLite database as bytes to /api/import/sqlite', async () => {
    const seen: Array<{ url: string; type: string | null; body: unknown }> = [];
    const bytes = new TextEncoder().encode('SQLite format 3\u0000rest');
    const fetchImpl = (async (url: string | URL | Request, init?: RequestInit) => {
      seen.push({ url: String(url), type: new Headers(init?.headers).get('content-type'), body: init?.body });
      return new Response(JSON.stringify({ error: { code: 'import_failed', message: 'no' } }), { status: 422 });
    }) as typeof fetch;
    const blob = new Blob([bytes]);
    const out = await requestSqliteDatabaseImport(blob, fetchImpl);
    expect(out).toMatchObject({ ok: false, status: 422, message: 'no' });
    expect(seen).toEqual([{ url: '/api/import/sqlite', type: 'application/vnd.sqlite3', body: blob }]);
  });

  it('refuses a database over 200 MB without calling the server', async () => {
    const seen: unknown[] = [];
    const huge = { size: 201 * 1024 * 1024 } as Blob;
    const out = await requestSqliteDatabaseImport(huge, (async () => {
      seen.push(1);
      return new Response('{}');
    }) as typeof fetch);
    expect(out).toMatchObject({ ok: false, status: 413 });
    expect(seen).toHaveLength(0);
  });

  it('tells an SQLite database from text by its header: one picked .db file is kept as a file, not read as text', async () => {
    expect(isSqliteHeader(new TextEncoder().encode('SQLite format 3\u0000'))).toBe(true);
    expect(isSqliteHeader(new TextEncoder().encode('SQLite format 3 '))).toBe(false);
    const db = new File([new TextEncoder().encode('SQLite format 3\u0000\u0010\u0000')], 'app.db');
    expect(await readFileList([db])).toEqual({ files: [], database: db });
    const sql = new File(['CREATE TABLE t (a int);'], 'app.db');
    expect(await readFileList([sql])).toEqual({ files: [{ name: 'app.db', content: 'CREATE TABLE t (a int);' }], folderName: undefined });
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'libsql';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDocument } from '@/lib/model/migrate';
import { POST } from './route';

const dir = mkdtempSync(path.join(tmpdir(), 'import-sqlite-route-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function databaseBytes(sql: string, wal = false): Uint8Array<ArrayBuffer> {
  const file = path.join(dir, `db-${Math.random().toString(36).slice(2)}.db`);
  const db = new Database(file);
  if (wal) db.exec('PRAGMA journal_mode = WAL;');
  db.exec(sql);
  db.close();
  return new Uint8Array(readFileSync(file));
}

const upload = (body: Uint8Array<ArrayBuffer> | string, headers: Record<string, string> = {}) =>
  new Request('http://x/api/import/sqlite', { method: 'POST', headers: { 'content-type': 'application/vnd.sqlite3', ...headers }, body });

describe('POST /api/import/sqlite (an uploaded SQLite database file)', () => {
  it('200 with the document read from the catalog and the report', async () => {
    const bytes = databaseBytes("CREATE TABLE author (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);\nCREATE TABLE book (id INTEGER PRIMARY KEY, author_id INT REFERENCES author(id) ON DELETE CASCADE, title TEXT CHECK (title <> ''));\nCREATE INDEX book_title ON book (title);\nINSERT INTO author (name) VALUES ('x');", true);
    const res = await POST(upload(bytes));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(loadDocument(body.document).ok).toBe(true);
    expect(body.document.settings.dialect).toBe('sqlite');
    expect(body.report).toMatchObject({ format: 'sqlite', counts: { tables: 2, columns: 5, relationships: 1, indexes: 1 } });
  });

  it('422 for a file that is not an SQLite database', async () => {
    const res = await POST(upload('CREATE TABLE t (a int);'));
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatchObject({ code: 'import_failed', message: expect.stringMatching(/not an SQLite 3 database/) });
  });

  it('413 over the body cap, declared or streamed', async () => {
    const saved = process.env.DRAFTBASE_MAX_BODY_BYTES;
    process.env.DRAFTBASE_MAX_BODY_BYTES = '4096';
    try {
      const bytes = databaseBytes(`CREATE TABLE t (a TEXT);\nINSERT INTO t VALUES ('${'x'.repeat(20_000)}');`);
      const declared = await POST(upload(bytes, { 'content-length': String(bytes.byteLength) }));
      expect(declared.status).toBe(413);
      const streamed = await POST(upload(bytes));
      expect(streamed.status).toBe(413);
      expect((await streamed.json()).error).toMatchObject({ code: 'payload_too_large' });
    } finally {
      if (saved === undefined) delete process.env.DRAFTBASE_MAX_BODY_BYTES;
      else process.env.DRAFTBASE_MAX_BODY_BYTES = saved;
    }
  });
});

/**
 * Importing an SQLite database file as a user does it: chosen in the Import dialog, uploaded as bytes
 * through the proxy's request policy (application/vnd.sqlite3, accepted on that route only), read
 * read-only through its catalog, previewed and turned into a project.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { getProjectViaApi, uniqueName } from './support/api';

// libsql is CommonJS with `export =`: loaded the Node way in an ES module spec.
const Database = createRequire(import.meta.url)('libsql') as new (file: string) => { exec(sql: string): void; close(): void };

const SCHEMA = `CREATE TABLE author (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL COLLATE NOCASE);
CREATE TABLE book (id INTEGER PRIMARY KEY, author_id INT NOT NULL REFERENCES author (id) ON DELETE CASCADE, title TEXT NOT NULL, status TEXT CHECK (status IN ('draft', 'out'))) STRICT;
CREATE INDEX book_title ON book (title) WHERE status = 'out';
CREATE TRIGGER book_touch AFTER UPDATE ON book BEGIN SELECT 1; END;
INSERT INTO author (name) VALUES ('Ann');`;

let dir: string;
let dbFile: string;
test.beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'e2e-sqlite-'));
  dbFile = path.join(dir, 'library.db');
  const db = new Database(dbFile);
  db.exec(SCHEMA);
  db.close();
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('an SQLite database file chosen in the Import dialog becomes a project', async ({ page, request }) => {
  const name = uniqueName('Library db');
  await page.goto('/');
  await page.getByTestId('import-open').first().click();
  await page.getByRole('tab', { name: 'Files or folder' }).click();
  await page.getByTestId('import-files').setInputFiles(dbFile);
  await expect(page.getByTestId('import-file-list')).toContainText('SQLite database library.db');
  await page.getByTestId('import-preview').click();
  await expect(page.getByTestId('import-summary')).toHaveText('2 tables, 6 columns, 1 relationship, 1 index');
  await page.getByTestId('import-project-name').fill(name);
  await page.getByTestId('import-create').click();
  await page.waitForURL(/\/projects\/[^/]+$/);
  const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
  const stored = (await getProjectViaApi(request, id)) as {
    document: { settings: { dialect: string }; tables: Record<string, { name: string; options?: { sqlite?: { strict?: boolean } } }>; routines?: Record<string, { kind: string; name: string }> };
  };
  expect(stored.document.settings.dialect).toBe('sqlite');
  expect(Object.values(stored.document.tables).map((t) => [t.name, t.options?.sqlite?.strict ?? false])).toEqual([
    ['author', false],
    ['book', true],
  ]);
  expect(Object.values(stored.document.routines ?? {}).map((r) => `${r.kind} ${r.name}`)).toEqual(['trigger book_touch']);
});

test('the upload route through the request policy: a database is read, other bodies are refused', async ({ request }) => {
  const bytes = readFileSync(dbFile);
  const ok = await request.post('/api/import/sqlite', { data: bytes, headers: { 'content-type': 'application/vnd.sqlite3' } });
  expect(ok.status()).toBe(200);
  expect((await ok.json()).report).toMatchObject({ format: 'sqlite', counts: { tables: 2 } });
  const text = await request.post('/api/import/sqlite', { data: 'CREATE TABLE t (a int);', headers: { 'content-type': 'text/plain' } });
  expect(text.status()).toBe(415);
  const notDb = await request.post('/api/import/sqlite', { data: Buffer.from('CREATE TABLE t (a int);'), headers: { 'content-type': 'application/vnd.sqlite3' } });
  expect(notDb.status()).toBe(422);
  expect((await notDb.json()).error.message).toMatch(/not an SQLite 3 database/);
});

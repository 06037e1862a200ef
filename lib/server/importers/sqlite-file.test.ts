import 'server-only';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'libsql';
import { afterAll, describe, expect, it } from 'vitest';
import { importSqliteSync } from '../../importers/sqlite/import-sqlite';
import { ImportError } from '../../importers/types';
import { crossChecked, hasSqliteHeader, importSqliteFile, readSqliteSchema, readUploadedSqliteSchema } from './sqlite-file';

const dir = mkdtempSync(path.join(tmpdir(), 'sqlite-file-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SCHEMA = `CREATE TABLE "author" (id INTEGER PRIMARY KEY AUTOINCREMENT, [full name] TEXT NOT NULL COLLATE NOCASE, born DATE CHECK (born > '1900-01-01'));
CREATE TABLE book (
  id INTEGER PRIMARY KEY,
  author_id INT NOT NULL REFERENCES author (id) ON DELETE CASCADE,
  title VARCHAR(200) NOT NULL DEFAULT 'untitled',
  status TEXT CHECK (status IN ('draft', 'published')),
  slug TEXT GENERATED ALWAYS AS (lower(title)) VIRTUAL,
  UNIQUE (author_id, title)
);
CREATE TABLE kv (k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID;
CREATE INDEX book_title ON book (title COLLATE NOCASE) WHERE status = 'published';
CREATE VIEW published AS SELECT * FROM book WHERE status = 'published';
CREATE TRIGGER book_touch AFTER UPDATE ON book BEGIN UPDATE book SET title = title WHERE id = new.id; END;`;

function makeDb(name: string, sql: string, wal = false): string {
  const file = path.join(dir, name);
  const db = new Database(file);
  if (wal) db.exec('PRAGMA journal_mode = WAL;');
  db.exec(sql);
  db.close();
  return file;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('importing an SQLite database file', () => {
  it('reads the schema from the catalog and gives the same document as the script', async () => {
    const file = makeDb('app.db', `${SCHEMA}\nINSERT INTO author (\`full name\`) VALUES ('x');`);
    const fromFile = await importSqliteFile(file);
    const fromScript = importSqliteSync(SCHEMA);
    expect(fromFile.document).toEqual(fromScript.document);
    expect(fromFile.report.counts).toEqual({ tables: 3, columns: 10, relationships: 1, indexes: 1, enums: 0, views: 1 });
    // sqlite_sequence (made by AUTOINCREMENT) is reported, not imported; no catalog mismatch.
    expect(fromFile.report.skipped.map((s) => s.reason)).toEqual(['SQLite\'s internal table "sqlite_sequence" (created by the engine)']);
    expect(fromFile.report.diagnostics.filter((d) => d.code === 'sqlite.catalog-mismatch')).toEqual([]);
  });

  it('opens read-only: the file is byte for byte the same afterwards, and no trigger ran', async () => {
    const file = makeDb('ro.db', `${SCHEMA}\nINSERT INTO author (\`full name\`) VALUES ('x');\nINSERT INTO book (author_id, title) VALUES (1, 't');`);
    const before = sha(file);
    await importSqliteFile(file);
    expect(sha(file)).toBe(before);
  });

  it('refuses a file that is not an SQLite database, by its header, before opening it', async () => {
    const file = path.join(dir, 'not.db');
    writeFileSync(file, 'CREATE TABLE t (a int);');
    await expect(importSqliteFile(file)).rejects.toThrow(/not an SQLite 3 database/);
    expect(hasSqliteHeader(new TextEncoder().encode('SQLite format 3\u0000xxxx'))).toBe(true);
    expect(hasSqliteHeader(new TextEncoder().encode('SQLite format 2\u0000xxxx'))).toBe(false);
  });

  it('refuses a file over the size cap with a clear message', async () => {
    const file = makeDb('big.db', 'CREATE TABLE t (a INT);');
    await expect(importSqliteFile(file, 1024)).rejects.toThrow(/SQLite database imports are limited to 0\.0 MB|limited to/);
    await expect(importSqliteFile(file, 1024)).rejects.toBeInstanceOf(ImportError);
  });

  it('a damaged database (valid header, garbage after) is an ImportError, not a crash', async () => {
    const file = path.join(dir, 'damaged.db');
    const bytes = new Uint8Array(8192).fill(0xab);
    bytes.set(new TextEncoder().encode('SQLite format 3\u0000'), 0);
    writeFileSync(file, bytes);
    await expect(importSqliteFile(file)).rejects.toBeInstanceOf(ImportError);
  });

  it('an upload: bytes checked, copied to a private temporary file, read, deleted; a WAL-mode file reads too', async () => {
    const file = makeDb('wal.db', SCHEMA, true);
    const bytes = new Uint8Array(readFileSync(file));
    expect(bytes[18]).toBe(2); // WAL mode in the header
    const read = await readUploadedSqliteSchema(bytes);
    expect(importSqliteSync(read.script).document).toEqual(importSqliteSync(SCHEMA).document);
    await expect(readUploadedSqliteSchema(new TextEncoder().encode('hello'))).rejects.toThrow(/not an SQLite 3 database/);
    await expect(readUploadedSqliteSchema(bytes, 100)).rejects.toThrow(/limited to/);
  });

  it('lists the catalog in creation order, with the engine’s columns per table (generated columns included) for the cross-check', async () => {
    const file = makeDb('counts.db', SCHEMA);
    const read = await readSqliteSchema(file);
    expect(read.script.split('\n').filter((l) => l.startsWith('CREATE')).map((l) => /^CREATE (\w+)/.exec(l)?.[1])).toEqual(['TABLE', 'TABLE', 'TABLE', 'TABLE', 'INDEX', 'VIEW', 'TRIGGER']);
    expect(Object.fromEntries(read.columns)).toEqual({ author: ['id', 'full name', 'born'], book: ['id', 'author_id', 'title', 'status', 'slug'], kv: ['k', 'v'] });
  });

  it('a column the reader missed is a warning naming it (the cross-check can fail)', async () => {
    const file = makeDb('mismatch.db', SCHEMA);
    const read = await readSqliteSchema(file);
    const result = importSqliteSync(read.script.replace('born DATE', 'born_renamed DATE'));
    expect(crossChecked(result, read).report.diagnostics.filter((d) => d.code === 'sqlite.catalog-mismatch')).toEqual([
      expect.objectContaining({ severity: 'warning', message: 'table "author": the database reports 3 columns, the import read 3; not imported: "born"' }),
    ]);
  });
});

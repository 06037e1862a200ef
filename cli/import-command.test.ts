import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import { loadDocument } from '../lib/model/migrate';
import { corpusAvailable, corpusDir } from '../lib/server/importers/test-corpus';
import { nodeIo } from './io';
import { importCommand, type ImportCommandIo } from './import-command';
import { main } from './main';
import { memoryIo } from './memory-io.test-support';


describe('draftbase import', () => {
  it('an SQLite database file is told by its header and read through its catalog; an SQLite script by its text', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cli-sqlite-'));
    try {
      const file = path.join(dir, 'app.db');
      const db = new Database(file);
      db.exec("CREATE TABLE author (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL);\nCREATE TABLE book (id INTEGER PRIMARY KEY, author_id INT REFERENCES author(id));");
      db.close();
      const { io, out } = memoryIo({});
      expect(await importCommand([file, '-o', 'doc.json'], io)).toBe(0);
      const doc = JSON.parse(out.written['doc.json']);
      expect(loadDocument(doc).ok).toBe(true);
      expect(doc.settings.dialect).toBe('sqlite');
      expect(out.stderr).toMatch(/app\.db: imported sqlite: 2 tables, 4 columns, 1 relationship, 0 indexes; 1 statement skipped/);

      const script = memoryIo({ 'schema.sql': 'CREATE TABLE kv (k TEXT PRIMARY KEY, v BLOB) WITHOUT ROWID;\n' });
      expect(await importCommand(['schema.sql'], script.io)).toBe(0);
      expect(script.out.stderr).toMatch(/^schema\.sql: imported sqlite: 1 table/);

      const notDb = path.join(dir, 'not.db');
      writeFileSync(notDb, 'SQLite format 3\u0000garbage that is no database');
      const bad = memoryIo({});
      expect(await importCommand([notDb], bad.io)).toBe(2);
      expect(bad.out.stderr).toMatch(/not\.db: the SQLite database/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('imports DBML to -o FILE and summarises on stderr', async () => {
    const { io, out } = memoryIo({ 'schema.dbml': 'Table users {\n  id int [pk]\n  name text\n}\nTable posts {\n  id int [pk]\n  user_id int [ref: > users.id]\n}\n' });
    expect(await importCommand(['schema.dbml', '-o', 'doc.json'], io)).toBe(0);
    const doc = JSON.parse(out.written['doc.json']);
    expect(loadDocument(doc).ok).toBe(true);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^schema\.dbml: imported dbml: 2 tables, 4 columns, 1 relationship, 0 indexes\n/);
  });

  it('reports skipped statements with their line', async () => {
    const { io, out } = memoryIo({ 'a.sql': 'CREATE TABLE a (id int);\nCREATE OPERATOR === (LEFTARG = int, RIGHTARG = int, FUNCTION = int4eq);\n' });
    expect(await importCommand(['a.sql', '--from', 'postgres'], io)).toBe(0);
    expect(JSON.parse(out.stdout).format).toBe('draftbase');
    expect(out.stderr).toMatch(/1 statement skipped \(line 2: CREATE OPERATOR/);
    expect(out.stderr).toMatch(/^a\.sql:2: skipped: CREATE OPERATOR/m);
  });

  it('a folder is a multi-file Prisma schema; errors name the file, line and column with a caret', async () => {
    const { io, out } = memoryIo(
      { 'db/schema.prisma': 'datasource db {\n  provider = "postgresql"\n}\n', 'db/models/user.prisma': 'model User {\n  id   Int @id\n  name Strin\n}\n' },
      { db: ['models/user.prisma', 'schema.prisma', 'README.md'] },
    );
    expect(await importCommand(['db'], io)).toBe(2);
    expect(out.stderr).toMatch(/^db\/models\/user\.prisma:3:8: invalid Prisma schema: .*Strin/);
    expect(out.stderr).toContain('  3 |   name Strin\n    |        ^\n');
    expect(out.stdout).toBe('');
  });

  it('a folder of SQL files is imported in name order; reports name each file', async () => {
    const { io, out } = memoryIo(
      {
        'db/1_tables.sql': 'CREATE TABLE customers (id bigint NOT NULL);\nCREATE TABLE orders (id bigint NOT NULL, customer_id bigint);\n',
        'db/2_keys.sql': 'ALTER TABLE customers ADD PRIMARY KEY (id);\nGRANT SELECT ON customers TO PUBLIC;\n',
        'db/10_fks.sql': 'ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id);\n',
      },
      { db: ['10_fks.sql', '1_tables.sql', '2_keys.sql', 'README.md'] },
    );
    expect(await importCommand(['db', '--from', 'postgres', '-o', 'doc.json'], io)).toBe(0);
    const doc = JSON.parse(out.written['doc.json']);
    expect(Object.keys(doc.relationships)).toHaveLength(1);
    expect(out.stderr).toMatch(/^db\/2_keys\.sql:2: skipped: GRANT/m);
  });

  it.each([
    [['--from', 'oracle', 'x.sql'], /--from must be one of/],
    [[], /missing the file or folder/],
    [['a', 'b'], /expected one file or folder/],
    [['nope.sql'], /^nope\.sql: cannot read the file: ENOENT/],
    [['--colour', 'x'], /Unknown option '--colour'/],
  ])('%j -> exit 2', async (argv, stderr) => {
    const { io, out } = memoryIo({});
    expect(await importCommand(argv, io)).toBe(2);
    expect(out.stderr).toMatch(stderr);
  });

  it('main dispatches "import" to this module', async () => {
    const { io, out } = memoryIo({ 'x.json': '{"format": "draftbase", "version": 99}' });
    expect(await main(['import', 'x.json'], io)).toBe(2);
    expect(out.stderr).toMatch(/^x\.json: invalid Draftbase document: version: .*newer/);
  });

  it.skipIf(!corpusAvailable('CLI import of the dub Prisma folder'))('reads a real folder from disk (dub, 37 files)', async () => {
    let stdout = '';
    let stderr = '';
    const io: ImportCommandIo = { ...nodeIo, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
    expect(await importCommand([path.join(corpusDir, 'prisma/dub-schema-folder')], io)).toBe(0);
    expect(stderr).toMatch(/imported prisma: 85 tables, 953 columns, 182 relationships, 200 indexes, 53 enums/);
    expect(loadDocument(JSON.parse(stdout)).ok).toBe(true);
  });
});

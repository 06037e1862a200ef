import { describe, expect, it } from 'vitest';
import type { Column, SchemaDocument, Table } from '../../model/document';
import { ImportError } from '../types';
import { importSqliteSync } from './import-sqlite';

function tableOf(doc: SchemaDocument, name: string): Table {
  const t = Object.values(doc.tables).find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
}
function columnOf(t: Table, name: string): Column {
  const c = t.columns.find((x) => x.name === name);
  if (!c) throw new Error(`no column ${name}`);
  return c;
}

describe('importSqlite: CREATE TABLE', () => {
  it('reads all four ways SQLite quotes a name, and hostile names exactly', () => {
    const { document } = importSqliteSync(`CREATE TABLE [my table] ("a""b" INT, \`c\`\`d\` TEXT, 'e''f' REAL, [g "h"] BLOB, "é ü 表" TEXT, "select" INT);`);
    const t = tableOf(document, 'my table');
    expect(t.columns.map((c) => c.name)).toEqual(['a"b', 'c`d', "e'f", 'g "h"', 'é ü 表', 'select']);
  });

  it('keeps the declared type text as the SQLite native type, with the nearest logical type', () => {
    const { document } = importSqliteSync('CREATE TABLE t (a NVARCHAR(160), b UNSIGNED BIG INT, c datetime, d DECIMAL(10, 2), e VARCHAR( 20 ), f DOUBLE PRECISION, g BOOLEAN, h whatever);');
    const t = tableOf(document, 't');
    const types = t.columns.map((c) => (c.type.kind === 'scalar' ? [c.type.name, c.type.native?.sqlite, c.type.length ?? c.type.precision] : []));
    expect(types).toEqual([
      ['varchar', 'NVARCHAR(160)', 160],
      ['bigint', 'UNSIGNED BIG INT', undefined],
      ['timestamp', 'datetime', undefined],
      ['decimal', 'DECIMAL(10, 2)', 10],
      ['varchar', 'VARCHAR( 20 )', 20],
      ['double', 'DOUBLE PRECISION', undefined],
      ['boolean', 'BOOLEAN', undefined],
      ['decimal', 'whatever', undefined],
    ]);
  });

  it('a declared type the SQLite DDL writes the same way needs no native spelling (other dialects see a plain logical type)', () => {
    const { document } = importSqliteSync('CREATE TABLE t (a TEXT, b integer, c varchar(20), d BLOB, e INT, f REAL);');
    const t = tableOf(document, 't');
    expect(t.columns.map((c) => (c.type.kind === 'scalar' ? [c.type.name, c.type.native?.sqlite] : []))).toEqual([
      ['text', undefined],
      ['integer', undefined],
      ['varchar', undefined],
      ['blob', undefined],
      ['integer', 'INT'],
      ['double', 'REAL'],
    ]);
  });

  it('a column without a type is a blob, said in an info diagnostic', () => {
    const { document, report } = importSqliteSync('CREATE TABLE t (a, b TEXT);');
    expect(columnOf(tableOf(document, 't'), 'a').type).toEqual({ kind: 'scalar', name: 'blob' });
    expect(report.diagnostics).toEqual([expect.objectContaining({ code: 'sqlite.no-declared-type', line: 1, column: 17 })]);
  });

  it('AUTOINCREMENT is identity; a plain INTEGER PRIMARY KEY (a rowid alias) is not; nullability is as written', () => {
    const { document, report } = importSqliteSync('CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT, x TEXT NOT NULL, y TEXT);\nCREATE TABLE b (id INTEGER PRIMARY KEY);');
    const a = tableOf(document, 'a');
    expect(columnOf(a, 'id')).toMatchObject({ identity: { always: false }, nullable: false });
    expect(columnOf(a, 'x').nullable).toBe(false);
    expect(columnOf(a, 'y').nullable).toBe(true);
    expect(a.primaryKey?.columnIds).toEqual([columnOf(a, 'id').id]);
    expect(columnOf(tableOf(document, 'b'), 'id').identity).toBeUndefined();
    // The rowid cannot be NULL: nothing to say.
    expect(report.diagnostics).toEqual([]);
  });

  it('a key column SQLite lets hold NULL (a rowid table, not INTEGER, no NOT NULL) is imported NOT NULL, said in a diagnostic', () => {
    const { document, report } = importSqliteSync('CREATE TABLE t (code TEXT PRIMARY KEY, n INT);\nCREATE TABLE u (a TEXT, b TEXT NOT NULL, PRIMARY KEY (a, b));');
    expect(columnOf(tableOf(document, 't'), 'code').nullable).toBe(false);
    expect(columnOf(tableOf(document, 'u'), 'a').nullable).toBe(false);
    expect(report.diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([
      ['sqlite.primary-key-nullable', 1, expect.stringContaining('"code" accept NULL in SQLite')],
      ['sqlite.primary-key-nullable', 2, expect.stringContaining('"a" accept NULL')],
    ]);
  });

  it('AUTOINCREMENT on anything but INTEGER PRIMARY KEY is an error with its position', () => {
    const { report } = importSqliteSync('CREATE TABLE ok (x INT);\nCREATE TABLE t (id BIGINT PRIMARY KEY AUTOINCREMENT);');
    expect(report.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'sqlite.syntax-error', line: 2, message: expect.stringMatching(/AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY/) })]);
  });

  it('WITHOUT ROWID and STRICT are table options; WITHOUT ROWID key columns are NOT NULL', () => {
    const { document } = importSqliteSync('CREATE TABLE kv (k TEXT PRIMARY KEY, v ANY) STRICT, WITHOUT ROWID;\nCREATE TABLE s (a INT) STRICT;');
    const kv = tableOf(document, 'kv');
    expect(kv.options).toEqual({ sqlite: { strict: true, withoutRowid: true } });
    expect(columnOf(kv, 'k').nullable).toBe(false);
    expect(tableOf(document, 's').options).toEqual({ sqlite: { strict: true } });
  });

  it('generated columns (VIRTUAL by default), COLLATE, DEFAULT forms', () => {
    const { document } = importSqliteSync(`CREATE TABLE t (
      a INT DEFAULT 0, b TEXT DEFAULT 'it''s' COLLATE NOCASE, c REAL DEFAULT 1.0, d INT DEFAULT -5, e TEXT DEFAULT (datetime('now')),
      f TEXT DEFAULT CURRENT_TIMESTAMP, g INT DEFAULT NULL, h BOOLEAN DEFAULT TRUE, i BLOB DEFAULT x'00ff', j REAL DEFAULT 1.5e-3,
      k INT GENERATED ALWAYS AS (a * 2) STORED, l INT AS (a + 1)
    );`);
    const t = tableOf(document, 't');
    const d = (n: string) => columnOf(t, n).default;
    expect(d('a')).toEqual({ kind: 'literal', value: 0 });
    expect(d('b')).toEqual({ kind: 'literal', value: "it's" });
    expect(columnOf(t, 'b').collation).toBe('NOCASE');
    expect(d('c')).toEqual({ kind: 'expression', sql: '1.0' });
    expect(d('d')).toEqual({ kind: 'literal', value: -5 });
    expect(d('e')).toEqual({ kind: 'expression', sql: "datetime('now')" });
    expect(d('f')).toEqual({ kind: 'builtin', name: 'current_timestamp' });
    expect(d('g')).toEqual({ kind: 'literal', value: null });
    expect(d('h')).toEqual({ kind: 'literal', value: true });
    expect(d('i')).toEqual({ kind: 'expression', sql: "x'00ff'" });
    expect(d('j')).toEqual({ kind: 'expression', sql: '1.5e-3' });
    expect(columnOf(t, 'k').generated).toEqual({ expression: 'a * 2', stored: true });
    expect(columnOf(t, 'l').generated).toEqual({ expression: 'a + 1', stored: false });
  });

  it('keeps CHECK (col IN (...)) as a check and suggests an enum', () => {
    const { document, report } = importSqliteSync(`CREATE TABLE t (status TEXT CHECK (status IN ('new', 'paid')), n INT, CONSTRAINT n_pos CHECK (n > 0));`);
    const t = tableOf(document, 't');
    expect(t.checks).toEqual([
      { id: expect.any(String), expression: "status IN ('new', 'paid')" },
      { id: expect.any(String), name: 'n_pos', expression: 'n > 0' },
    ]);
    expect(document.enums).toEqual({});
    expect(report.diagnostics).toEqual([expect.objectContaining({ code: 'sqlite.check-as-enum', severity: 'info', message: expect.stringContaining("'new', 'paid'") })]);
  });

  it('foreign keys inline and as table constraints, with actions (NO ACTION when unwritten) and DEFERRABLE', () => {
    const { document } = importSqliteSync(`CREATE TABLE child (
      id INTEGER PRIMARY KEY,
      p INT REFERENCES parent ON DELETE CASCADE,
      a INT, b INT,
      CONSTRAINT fk_ab FOREIGN KEY (a, b) REFERENCES [parent] (x, y) ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED
    );
    CREATE TABLE parent (id INTEGER PRIMARY KEY, x INT, y INT, UNIQUE (x, y));`);
    const rels = Object.values(document.relationships);
    expect(rels).toHaveLength(2);
    expect(rels[0]).toMatchObject({ onDelete: 'cascade', onUpdate: 'no action', enforced: true });
    expect(rels[0].name).toBeUndefined();
    expect(rels[1]).toMatchObject({ name: 'fk_ab', onDelete: 'no action', onUpdate: 'set null', deferrable: 'deferrable initially deferred' });
    expect(rels[1].columnPairs).toHaveLength(2);
  });

  it('UNIQUE, PRIMARY KEY (a, b), conflict clauses noted', () => {
    const { document, report } = importSqliteSync('CREATE TABLE t (a INT NOT NULL, b INT UNIQUE ON CONFLICT REPLACE, c TEXT NOT NULL, PRIMARY KEY (a, c), UNIQUE (c));');
    const t = tableOf(document, 't');
    expect(t.primaryKey?.columnIds).toEqual([columnOf(t, 'a').id, columnOf(t, 'c').id]);
    expect(t.uniques.map((u) => u.columnIds)).toEqual([[columnOf(t, 'b').id], [columnOf(t, 'c').id]]);
    expect(report.diagnostics.map((d) => d.code)).toEqual(['sqlite.conflict-clause']);
  });

  it('ALTER TABLE ADD COLUMN adds the column', () => {
    const { document } = importSqliteSync('CREATE TABLE t (a INT);\nALTER TABLE t ADD COLUMN b TEXT NOT NULL DEFAULT \'x\';\nALTER TABLE "t" ADD c INT;');
    expect(tableOf(document, 't').columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
  });
});

describe('importSqlite: indexes, views, triggers', () => {
  it('CREATE [UNIQUE] INDEX with expressions, COLLATE, order and a partial WHERE', () => {
    const { document } = importSqliteSync(`CREATE TABLE t (a TEXT, b INT);
CREATE UNIQUE INDEX IF NOT EXISTS "ix a" ON t (a COLLATE NOCASE, b DESC, lower(a)) WHERE b IS NOT NULL;
CREATE INDEX main.ix2 ON t(b);`);
    const t = tableOf(document, 't');
    expect(t.indexes).toEqual([
      {
        id: expect.any(String),
        name: 'ix a',
        unique: true,
        parts: [
          { kind: 'expression', sql: 'a COLLATE NOCASE' },
          { kind: 'column', columnId: columnOf(t, 'b').id, order: 'desc' },
          { kind: 'expression', sql: 'lower(a)' },
        ],
        where: 'b IS NOT NULL',
      },
      { id: expect.any(String), name: 'ix2', unique: false, parts: [{ kind: 'column', columnId: columnOf(t, 'b').id }] },
    ]);
  });

  it('views keep their query; triggers are routines kept verbatim, semicolons and CASE ... END inside', () => {
    const trigger = `CREATE TRIGGER trg AFTER UPDATE OF a ON t FOR EACH ROW WHEN new.a <> old.a BEGIN
  UPDATE t SET b = CASE WHEN new.a = 'x;' THEN 1 ELSE 2 END WHERE rowid = new.rowid;
  INSERT INTO log VALUES ('end;');
END`;
    const { document, report } = importSqliteSync(`CREATE TABLE t (a TEXT, b INT);\nCREATE VIEW v AS SELECT a, b FROM t WHERE b > 1;\n${trigger};\nCREATE TABLE after_trigger (x INT);`);
    expect(Object.values(document.views)).toEqual([expect.objectContaining({ name: 'v', sql: 'SELECT a, b FROM t WHERE b > 1', dialect: 'sqlite', materialized: false })]);
    expect(Object.values(document.routines ?? {})).toEqual([expect.objectContaining({ kind: 'trigger', name: 'trg', dialect: 'sqlite', sql: trigger, tableId: tableOf(document, 't').id })]);
    expect(tableOf(document, 'after_trigger').columns).toHaveLength(1);
    expect(report.skipped).toEqual([]);
  });

  it('a virtual table is a warning and its shadow tables are skipped with it', () => {
    const { document, report } = importSqliteSync(`CREATE VIRTUAL TABLE docs USING fts5(title, body);
CREATE TABLE 'docs_data'(id INTEGER PRIMARY KEY, block BLOB);
CREATE TABLE 'docs_config'(k PRIMARY KEY, v) WITHOUT ROWID;
CREATE TABLE real_table (id INTEGER PRIMARY KEY);`);
    expect(Object.values(document.tables).map((t) => t.name)).toEqual(['real_table']);
    expect(report.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', code: 'sqlite.virtual-table', line: 1 })]);
    expect(report.skipped.map((s) => s.line)).toEqual([1, 2, 3]);
  });
});

describe('importSqlite: dumps and the sqlite3 shell', () => {
  it('.dump output: data, transaction and PRAGMA statements counted, sqlite_sequence skipped', () => {
    const dump = `PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE t (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT);
INSERT INTO t VALUES(1,'a;b');
INSERT INTO t VALUES(2,'c');
INSERT INTO t VALUES(3,'d');
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('t',3);
CREATE TABLE sqlite_sequence(name,seq);
PRAGMA writable_schema=ON;
INSERT INTO sqlite_schema(type,name,tbl_name,rootpage,sql)VALUES('table','f','f',0,'CREATE VIRTUAL TABLE f USING fts5(x)');
PRAGMA writable_schema=OFF;
COMMIT;`;
    const { document, report } = importSqliteSync(dump);
    expect(report.counts).toMatchObject({ tables: 1, columns: 2 });
    expect(Object.keys(document.tables)).toHaveLength(1);
    expect(report.skipped.map((s) => [s.line, s.reason])).toEqual([
      [1, 'PRAGMA (connection settings): 3 statements like it skipped'],
      [2, 'transaction control: 2 statements like it skipped'],
      [4, 'data (not schema): 5 statements like it skipped'],
      [9, 'SQLite\'s internal table "sqlite_sequence" (created by the engine)'],
      [11, 'virtual table (a module, not a table Draftbase models)'],
    ]);
    expect(report.diagnostics).toEqual([expect.objectContaining({ code: 'sqlite.virtual-table', line: 11 })]);
  });

  it("the shell's dot-commands are skipped as shell commands", () => {
    const { document, report } = importSqliteSync('.headers on\n.mode column\nCREATE TABLE t (a INT);\n.schema\n');
    expect(Object.keys(document.tables)).toHaveLength(1);
    expect(report.skipped.map((s) => [s.line, s.statement, s.reason])).toEqual([
      [1, '.headers on', 'sqlite3 shell command'],
      [2, '.mode column', 'sqlite3 shell command'],
      [4, '.schema', 'sqlite3 shell command'],
    ]);
  });
});

describe('importSqlite: errors', () => {
  it('a statement that cannot be read is an error with line and column; the rest is imported', () => {
    const { document, report } = importSqliteSync('CREATE TABLE a (x INT);\nCREATE TABLE b (x INT,, y INT);\nCREATE TABLE c (x INT);');
    expect(Object.values(document.tables).map((t) => t.name)).toEqual(['a', 'c']);
    expect(report.diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'sqlite.syntax-error', line: 2, column: 23, message: expect.stringContaining('near ","') })]);
    expect(report.skipped).toEqual([expect.objectContaining({ line: 2, reason: expect.stringMatching(/^syntax error at line 2, column 23/) })]);
  });

  it('a truncated file gives what came before plus the error', () => {
    const { document, report } = importSqliteSync("CREATE TABLE a (x INT);\nCREATE TABLE b (x TEXT DEFAULT 'abc");
    expect(Object.values(document.tables).map((t) => t.name)).toEqual(['a']);
    expect(report.diagnostics).toEqual([expect.objectContaining({ severity: 'error', line: 2, column: 32, message: expect.stringMatching(/unterminated quoted string.*truncated/) })]);
  });

  it('a truncated CREATE TABLE (no closing parenthesis) is an error at the end of the statement', () => {
    const { document, report } = importSqliteSync('CREATE TABLE a (x INT);\nCREATE TABLE b (x INT,\n  y TEXT');
    expect(Object.keys(document.tables)).toHaveLength(1);
    expect(report.diagnostics).toEqual([expect.objectContaining({ severity: 'error', line: 3, column: 9, message: expect.stringContaining('unexpected end of the statement') })]);
  });

  it('text that is not SQLite at all fails with a position', () => {
    expect(() => importSqliteSync('hello world\nthis is not SQL')).toThrow(ImportError);
    try {
      importSqliteSync('\n  hello world');
    } catch (e) {
      expect(e).toMatchObject({ line: 2, column: 3, message: expect.stringMatching(/expected a CREATE statement near "hello"/) });
    }
  });

  it('a PostgreSQL script that fails says it looks like PostgreSQL', () => {
    const { report } = importSqliteSync('CREATE TABLE a (id serial PRIMARY KEY);\nCREATE TABLE b (x text DEFAULT \'a\'::text);');
    expect(report.diagnostics.map((d) => d.code)).toEqual(['sqlite.primary-key-nullable', 'sqlite.syntax-error', 'import.wrong-dialect']);
  });

  it('binary input is refused', () => {
    expect(() => importSqliteSync('SQLite format 3\u0000\u0010\u0000\u0002\u0002')).toThrow(/binary file/);
  });
});

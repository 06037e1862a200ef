/**
 * Bad input for the SQLite importer, the cases sql-common/bad-input.test.ts runs on the other two:
 * each ends quickly with a clear ImportError (with a position where there is one) or, for a file that
 * is only partly broken (SQLite dumps get cut), with the statements before the break and an error
 * diagnostic at it. Never a hang, a crash or another exception type.
 */
import { describe, expect, it } from 'vitest';
import { DOCUMENT_LIMITS } from '../../model/limits';
import { MAX_SQL_INPUT_CHARS } from '../sql-common/guard-input';
import { ImportError } from '../types';
import { importSqliteSync } from './import-sqlite';

function importError(sql: string): ImportError {
  try {
    importSqliteSync(sql);
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error('expected an ImportError, got a result');
}

function garbage(n: number): string {
  let s = 0x9e3779b9;
  let out = '';
  for (let i = 0; i < n; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    out += String.fromCharCode(s >>> 24);
  }
  return out;
}

describe('sqlite importer on bad input', () => {
  it('refuses binary garbage with a position', () => {
    const e = importError(`CREATE TABLE a (id int);\n${garbage(4096)}`);
    expect(e.message).toMatch(/binary/);
    expect(e.line).toBeGreaterThanOrEqual(1);
  });

  it('refuses a 50 MB paste before parsing', () => {
    const big = 'CREATE TABLE t (id int);\n'.repeat(Math.ceil((50 * 1024 * 1024) / 25));
    expect(big.length).toBeGreaterThan(MAX_SQL_INPUT_CHARS);
    expect(importError(big).message).toMatch(/limited to 20 MB/);
  });

  it('100,000 nested parentheses: an error where the nesting gets too deep; the rest imported', () => {
    const { document, report } = importSqliteSync(`CREATE TABLE ok (id int);\nCREATE TABLE t (id int CHECK ${'('.repeat(100_000)}1${')'.repeat(100_000)});`);
    expect(Object.values(document.tables).map((t) => t.name)).toEqual(['ok']);
    expect(report.diagnostics).toEqual([expect.objectContaining({ severity: 'error', line: 2, column: 'CREATE TABLE t (id int CHECK '.length + 500, message: expect.stringMatching(/nested deeper than 500/) })]);
    expect(importError(`CREATE TABLE t (id int CHECK ${'('.repeat(100_000)}1${')'.repeat(100_000)});`).message).toMatch(/nested deeper than 500/);
  });

  it('an unterminated string: the statements before it, and the error at its opening quote', () => {
    const { document, report } = importSqliteSync("CREATE TABLE a (id int);\nCREATE TABLE b (s text DEFAULT 'oops);\nCREATE TABLE c (id int);\n");
    expect(Object.values(document.tables).map((t) => t.name)).toEqual(['a']);
    expect(report.diagnostics).toEqual([expect.objectContaining({ severity: 'error', line: 2, column: 32, message: expect.stringMatching(/^unterminated quoted string at line 2, column 32/) })]);
    const e = importError("CREATE TABLE b (s text DEFAULT 'oops);");
    expect({ line: e.line, column: e.column }).toEqual({ line: 1, column: 32 });
  });

  it('an unterminated block comment: the statements before it, and the error at its start', () => {
    const { document, report } = importSqliteSync('CREATE TABLE a (id int);\nCREATE TABLE b (id int /* started\n);\n');
    expect(Object.values(document.tables).map((t) => t.name)).toEqual(['a']);
    expect(report.diagnostics).toEqual([expect.objectContaining({ severity: 'error', line: 2, column: 24, message: expect.stringMatching(/unterminated \/\* comment/) })]);
  });

  it('refuses text that is not SQL at the first error', () => {
    const e = importError('hello world, this is not SQL;\nnor is this;\n');
    expect({ line: e.line, column: e.column }).toEqual({ line: 1, column: 1 });
    expect(e.message).toMatch(/line 1, column 1 \(and 1 more statement\(s\) with errors\)/);
  });

  it('reads a file that starts with a byte-order mark and has CRLF line ends', () => {
    const { document, report } = importSqliteSync('\uFEFFCREATE TABLE a (id int);\r\nCREATE TABLE b (id int);\r\nDROP TABLE x;\r\n');
    expect(Object.values(document.tables).map((t) => t.name)).toEqual(['a', 'b']);
    expect(report.skipped.map((s) => s.line)).toEqual([3]);
  });

  it('returns an empty document for empty input and for comments only', () => {
    for (const sql of ['', '   \n', '-- nothing here\n/* still nothing */\n']) expect(importSqliteSync(sql).report.counts.tables).toBe(0);
  });

  it('reads 5 MB of valid-looking DDL (3,000+ tables), with a trigger of 5,000 statements, in bounded memory', () => {
    const columns = Array.from({ length: 40 }, (_, c) => `c${c} varchar(100) NOT NULL DEFAULT 'x'`).join(', ');
    let sql = '';
    for (let i = 0; sql.length < 5 * 1024 * 1024; i++) sql += `CREATE TABLE t${i} (id INTEGER PRIMARY KEY, ${columns});\n`;
    sql += `CREATE TRIGGER big AFTER INSERT ON t0 BEGIN ${'UPDATE t0 SET c0 = c0; '.repeat(5000)}END;\n`;
    const before = process.memoryUsage().rss;
    const { report } = importSqliteSync(sql);
    expect(report.counts.tables).toBeGreaterThan(3_000);
    expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(process.memoryUsage().rss - before).toBeLessThan(1024 * 1024 * 1024);
  }, 120_000);

  it('refuses more tables than the document limits accept, naming the limit', () => {
    const sql = Array.from({ length: DOCUMENT_LIMITS.tables + 1 }, (_, i) => `CREATE TABLE t${i} (id int);\n`).join('');
    expect(importError(sql).message).toBe('the imported schema is larger than Draftbase accepts: the document has 10,001 tables; Draftbase accepts at most 10,000 (document limit tables)');
  }, 120_000);
});

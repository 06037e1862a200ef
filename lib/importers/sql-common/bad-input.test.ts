/**
 * Bad input for both SQL importers: each case ends quickly with a clear ImportError (with a position
 * where there is one) or, for a file that is only partly broken, with a partial result whose error
 * diagnostic points at the broken statement. Never a hang, a crash or another exception type.
 */
import { describe, expect, it } from 'vitest';
import { importMysql } from '../mysql/import-mysql';
import { importPostgres } from '../postgres/import-postgres';
import { ImportError, type ImportResult } from '../types';
import { MAX_SQL_INPUT_CHARS } from './guard-input';
import { DOCUMENT_LIMITS } from '../../model/limits';

type Importer = (sql: string) => Promise<ImportResult>;
const IMPORTERS: [string, Importer][] = [
  ['postgres', (s) => importPostgres(s)],
  ['mysql', (s) => importMysql(s)],
];

async function importError(run: Promise<ImportResult>): Promise<ImportError> {
  try {
    await run;
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return e as ImportError;
  }
  throw new Error('expected an ImportError, got a result');
}

async function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await f();
  return { value, ms: performance.now() - t0 };
}

/** A seeded byte soup that is not text. */
function garbage(n: number): string {
  let s = 0x9e3779b9;
  let out = '';
  for (let i = 0; i < n; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    out += String.fromCharCode(s >>> 24);
  }
  return out;
}

describe.each(IMPORTERS)('%s importer on bad input', (_name, run) => {
  it('refuses binary garbage with a position', async () => {
    const e = await importError(run(`CREATE TABLE a (id int);\n${garbage(4096)}`));
    expect(e.message).toMatch(/binary/);
    expect(e.line).toBeGreaterThanOrEqual(1);
  });

  it('refuses a 50 MB paste quickly, before parsing', async () => {
    const big = 'CREATE TABLE t (id int);\n'.repeat(Math.ceil((50 * 1024 * 1024) / 25));
    expect(big.length).toBeGreaterThan(MAX_SQL_INPUT_CHARS);
    const { value, ms } = await timed(() => importError(run(big)));
    expect(value.message).toMatch(/limited to 20 MB/);
    expect(ms).toBeLessThan(1000);
  });

  it('refuses 100,000 nested parentheses at the position where the nesting gets too deep', async () => {
    const sql = `CREATE TABLE t (id int CHECK ${'('.repeat(100_000)}1${')'.repeat(100_000)});`;
    const { value, ms } = await timed(() => importError(run(sql)));
    expect(value.message).toMatch(/nested deeper than 500/);
    expect(value.line).toBe(1);
    expect(value.column).toBe('CREATE TABLE t (id int CHECK '.length + 500);
    expect(ms).toBeLessThan(2000);
  });

  it('refuses an unterminated string at its opening quote', async () => {
    const e = await importError(run("CREATE TABLE a (id int);\nCREATE TABLE b (s text DEFAULT 'oops);\nCREATE TABLE c (id int);\n"));
    expect(e.message).toMatch(/unterminated quoted string at line 2, column 32/);
    expect({ line: e.line, column: e.column }).toEqual({ line: 2, column: 32 });
    expect(e.excerpt).toContain("DEFAULT 'oops");
  });

  it('refuses an unterminated block comment', async () => {
    const e = await importError(run('CREATE TABLE a (id int);\n/* started\nCREATE TABLE b (id int);\n'));
    expect({ line: e.line, column: e.column }).toEqual({ line: 2, column: 1 });
    expect(e.message).toMatch(/unterminated \/\* comment/);
  });

  it('refuses text that is not SQL at the first error', async () => {
    const e = await importError(run('hello world, this is not SQL;\nnor is this;\n'));
    expect(e.line).toBe(1);
    expect(e.message).toMatch(/line 1/);
  });

  it('imports the good statements of a truncated file and points at the cut one', async () => {
    const sql = 'CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (\n  id int,\n  name varchar(20';
    const { document, report } = await run(sql);
    expect(Object.values(document.tables).map((t) => t.name)).toEqual(['a']);
    const err = report.diagnostics.find((d) => d.severity === 'error');
    expect(err?.line).toBeGreaterThanOrEqual(2);
    expect(report.skipped.find((s) => s.line === 2)?.reason).toMatch(/syntax error at line \d+, column \d+/);
  });

  it('reads a file that starts with a byte-order mark and has CRLF line ends', async () => {
    const { document, report } = await run('\uFEFFCREATE TABLE a (id int);\r\nCREATE TABLE b (id int);\r\nGRANT SELECT ON a TO x;\r\n');
    expect(Object.values(document.tables).map((t) => t.name)).toEqual(['a', 'b']);
    expect(report.skipped.map((s) => s.line)).toEqual([3]);
  });

  it('returns an empty document for empty input and for comments only', async () => {
    for (const sql of ['', '   \n', '-- nothing here\n/* still nothing */\n']) {
      const { report } = await run(sql);
      expect(report.counts.tables).toBe(0);
    }
  });

  it('reads 5 MB of valid-looking DDL without exploding', async () => {
    // ~1,000 tables of 40 columns: within the document limits (lib/model/limits.ts).
    const columns = Array.from({ length: 40 }, (_, c) => `c${c} varchar(100) NOT NULL DEFAULT 'x'`).join(', ');
    const table = (i: number) => `CREATE TABLE t${i} (id int PRIMARY KEY, ${columns});\n`;
    let sql = '';
    for (let i = 0; sql.length < 5 * 1024 * 1024; i++) sql += table(i);
    const before = process.memoryUsage().rss;
    const { value, ms } = await timed(() => run(sql));
    expect(value.report.counts.tables).toBeGreaterThan(3_000);
    expect(ms).toBeLessThan(60_000);
    // Bounded memory: well under a gigabyte of growth for 5 MB of input.
    expect(process.memoryUsage().rss - before).toBeLessThan(1024 * 1024 * 1024);
  }, 120_000);

  it('refuses more tables than the document limits accept, naming the limit', async () => {
    const sql = Array.from({ length: DOCUMENT_LIMITS.tables + 1 }, (_, i) => `CREATE TABLE t${i} (id int);\n`).join('');
    const e = await importError(run(sql));
    expect(e.message).toBe('the imported schema is larger than Draftbase accepts: the document has 10,001 tables; Draftbase accepts at most 10,000 (document limit tables)');
  }, 120_000);
});

describe('the wrong dialect', () => {
  it('MySQL text given to the PostgreSQL importer says which importer to use', async () => {
    const { report } = await importPostgres('CREATE TABLE `t` (`id` int unsigned NOT NULL AUTO_INCREMENT, PRIMARY KEY (`id`)) ENGINE=InnoDB;\nCREATE TABLE u (id int);');
    expect(report.diagnostics.find((d) => d.code === 'import.wrong-dialect')?.message).toBe('this looks like MySQL/MariaDB, not PostgreSQL: try importing it as mysql');
  });

  it('PostgreSQL text given to the MySQL importer fails with the hint', async () => {
    const e = await importError(importMysql("CREATE TABLE t (id serial PRIMARY KEY, s text DEFAULT 'a'::text);"));
    expect(e.message).toMatch(/; this looks like PostgreSQL, not MySQL\/MariaDB: try importing it as postgres$/);
  });
});

describe('postgres-only bad input', () => {
  it('refuses an unterminated dollar-quoted body', async () => {
    const e = await importError(importPostgres('CREATE TABLE a (id int);\nCREATE FUNCTION f() RETURNS int AS $body$ SELECT 1;\n'));
    expect(e.message).toMatch(/unterminated dollar-quoted string \$body\$/);
    expect({ line: e.line, column: e.column }).toEqual({ line: 2, column: 36 });
  });

  it('reports every broken statement, not only the first', async () => {
    const { report } = await importPostgres('CREATE TABLE a (id int);\nCREATE TABLE b (id int,, x);\nCREATE TABLE c (id int);\nCREATE TABL d (id int);\n');
    expect(report.counts.tables).toBe(2);
    expect(report.diagnostics.filter((d) => d.severity === 'error').map((d) => d.line)).toEqual([2, 4]);
  });
});

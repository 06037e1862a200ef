import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex, Utf8OffsetMap, statementExcerpt } from './positions';
import { MAX_PAREN_DEPTH, blankRanges, mysqlLexOptions, postgresLexOptions, splitStatements, type SqlLexOptions } from './split-statements';

const texts = (sql: string, opts: SqlLexOptions) => splitStatements(sql, opts).statements.map((s) => sql.slice(s.start, s.end));

describe('splitStatements', () => {
  it.each<[string, string, SqlLexOptions, string[]]>([
    ['plain', 'a; b ;c', postgresLexOptions, ['a', 'b', 'c']],
    ['semicolons in quotes and identifiers', `x 'a;b' "c;d"; y`, postgresLexOptions, [`x 'a;b' "c;d"`, 'y']],
    ['doubled quotes', `x 'it''s;'; y`, postgresLexOptions, [`x 'it''s;'`, 'y']],
    ['PostgreSQL E-strings honour backslashes', `x E'a\\';b'; y`, postgresLexOptions, [`x E'a\\';b'`, 'y']],
    ['PostgreSQL plain strings do not', `x 'a\\'; y`, postgresLexOptions, [`x 'a\\'`, 'y']],
    ['dollar quotes', 'f AS $$ a; b $$; g AS $x$ $$; $x$; h', postgresLexOptions, ['f AS $$ a; b $$', 'g AS $x$ $$; $x$', 'h']],
    ['nested block comments', 'a /* x /* y; */ z; */; b', postgresLexOptions, ['a /* x /* y; */ z; */', 'b']],
    ['line comments', 'a -- x; y\n; b', postgresLexOptions, ['a -- x; y', 'b']],
    ['BEGIN ATOMIC with CASE ... END inside', 'CREATE FUNCTION f() BEGIN ATOMIC SELECT CASE WHEN 1 THEN 2 END; SELECT 3; END; next', postgresLexOptions, ['CREATE FUNCTION f() BEGIN ATOMIC SELECT CASE WHEN 1 THEN 2 END; SELECT 3; END', 'next']],
    ['MySQL backticks, # comments and backslash escapes', "a `x;y` 'p\\';q' # c;\n; b", mysqlLexOptions, ["a `x;y` 'p\\';q' # c;", 'b']],
    ['MySQL DELIMITER blocks, delimiter glued to a word', 'a;\nDELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END$$\nDELIMITER ;\nb;', mysqlLexOptions, ['a', 'CREATE PROCEDURE p() BEGIN SELECT 1; END', 'b']],
    ['MySQL executable comments start a statement', '/*!40101 SET x=1 */; a', mysqlLexOptions, ['/*!40101 SET x=1 */', 'a']],
  ])('%s', (_label, sql, opts, expected) => {
    expect(texts(sql, opts)).toEqual(expected);
  });

  it('takes psql meta-commands and COPY data out, and blanking them keeps every offset', () => {
    const sql = '\\connect db\nCREATE TABLE a (x int);\nCOPY a FROM stdin;\n1\n2;3\n\\.\nCREATE TABLE b (y int);\n';
    const r = splitStatements(sql, postgresLexOptions);
    expect(r.clientCommands.map((c) => c.text)).toEqual(['\\connect db', 'COPY data']);
    expect(r.statements.map((s) => sql.slice(s.start, s.end))).toEqual(['CREATE TABLE a (x int)', 'COPY a FROM stdin', 'CREATE TABLE b (y int)']);
    const blank = blankRanges(sql, r.clientCommands);
    expect(blank.length).toBe(sql.length);
    expect(blank.split('\n').length).toBe(sql.split('\n').length);
    expect(blank).not.toContain('connect');
  });

  it.each<[string, string, SqlLexOptions, string, number]>([
    ['unterminated string', "a; b 'x", postgresLexOptions, 'unterminated-string', 5],
    ['unterminated identifier', 'a "x', postgresLexOptions, 'unterminated-identifier', 2],
    ['unterminated comment', 'a /* x', postgresLexOptions, 'unterminated-comment', 2],
    ['unterminated dollar quote', 'a $q$ x', postgresLexOptions, 'unterminated-dollar-quote', 2],
    ['unterminated backtick', 'a `x', mysqlLexOptions, 'unterminated-identifier', 2],
    ['unterminated MySQL "string"', 'a "x', mysqlLexOptions, 'unterminated-string', 2],
    ['too deep', `a ${'('.repeat(MAX_PAREN_DEPTH + 5)}`, postgresLexOptions, 'too-deep', 2 + MAX_PAREN_DEPTH],
  ])('reports %s at its offset', (_label, sql, opts, kind, offset) => {
    expect(splitStatements(sql, opts).problems[0]).toMatchObject({ kind, offset });
  });

  it('property: statements joined with ";" split back into the same statements', () => {
    const piece = fc.oneof(
      fc.constantFrom('select 1', "'a;b'", '"q;r"', '$$x;y$$', '/* c; */', 'E\'z\\\';\'', '(1;2)'.replace(';', ','), 'name'),
      fc.stringMatching(/^[a-z0-9 ]{1,8}$/),
    );
    const stmt = fc.array(piece, { minLength: 1, maxLength: 5 }).map((parts) => `x ${parts.join(' ')}`);
    fc.assert(
      fc.property(fc.array(stmt, { minLength: 1, maxLength: 8 }), (stmts) => {
        const sql = stmts.join(';\n');
        expect(texts(sql, postgresLexOptions)).toEqual(stmts.map((s) => s.trim()));
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});

describe('positions', () => {
  it('Utf8OffsetMap agrees with TextEncoder on every character boundary', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (s) => {
        const map = new Utf8OffsetMap(s);
        const enc = new TextEncoder();
        for (let i = 0; i <= s.length; i++) {
          const c = s.charCodeAt(i - 1);
          if (c >= 0xd800 && c <= 0xdbff) continue; // inside a surrogate pair: not a boundary
          expect(map.toCharOffset(enc.encode(s.slice(0, i)).length)).toBe(i);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('LineIndex gives 1-based lines and columns and line texts', () => {
    const idx = new LineIndex('ab\ncd\r\n\nef');
    expect([0, 2, 3, 7, 8, 9].map((o) => idx.position(o))).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 3 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
      { line: 4, column: 2 },
    ]);
    expect(idx.lineText(2)).toBe('cd');
  });

  it('statementExcerpt keeps one short line and MySQL executable comments', () => {
    expect(statementExcerpt('CREATE  TRIGGER t\n  -- why\n  /* c */ BEFORE INSERT')).toBe('CREATE TRIGGER t BEFORE INSERT');
    expect(statementExcerpt('/*!40101 SET NAMES utf8 */')).toBe('/*!40101 SET NAMES utf8 */');
    expect(statementExcerpt('x'.repeat(300))).toHaveLength(120);
  });
});

import { describe, expect, it } from 'vitest';
import { dbmlLexer, mysqlLexer, postgresLexer, splitSqlList, sqliteLexer, unquotedValue, type SqlLexer } from '.';

const lexers: Record<string, SqlLexer> = { postgres: postgresLexer, mysql: mysqlLexer, dbml: dbmlLexer, sqlite: sqliteLexer };

/** `text` as `kind:text` per token, whitespace left out. */
function tokens(lexer: SqlLexer, text: string): string[] {
  return [...lexer.tokens(text)].filter((t) => t.kind !== 'space').map((t) => `${t.kind}${t.closed ? '' : '!'}:${text.slice(t.start, t.end)}`);
}

describe('SqlLexer: quoting and comment rules per dialect', () => {
  it.each<[string, string, string, string[]]>([
    // Strings and identifiers.
    ['postgres', 'doubled quote in a string', "'it''s' x", ["string:'it''s'", 'word:x']],
    ['mysql', 'doubled quote in a string', "'it''s' x", ["string:'it''s'", 'word:x']],
    ['postgres', 'a backslash is plain text in a standard string', "'a\\' x", ["string:'a\\'", 'word:x']],
    ['mysql', 'a backslash escapes in a string', "'a\\' x' y", ["string:'a\\' x'", 'word:y']],
    ['postgres', "E'' strings honour backslashes", "E'a\\' x' y", ['word:E', "string:'a\\' x'", 'word:y']],
    ['postgres', 'a word ending in E is not an E prefix', "ne'a\\' x", ['word:ne', "string:'a\\'", 'word:x']],
    ['postgres', 'double quotes are identifiers', '"a""b" x', ['identifier:"a""b"', 'word:x']],
    ['mysql', 'double quotes are strings (no ANSI_QUOTES)', '"a\\"b" x', ['string:"a\\"b"', 'word:x']],
    ['mysql', 'backticks are identifiers, doubled, no backslash escape', '`a``b\\` x', ['identifier:`a``b\\`', 'word:x']],
    ['postgres', 'a backtick is punctuation', '`a`', ['punct:`', 'word:a', 'punct:`']],
    ['postgres', 'unterminated string', "x 'abc", ['word:x', "string!:'abc"]],
    // Dollar quotes.
    ['postgres', 'dollar quotes', "$$ it's $$ $t$ $$ $t$ x", ["dollar-quote:$$ it's $$", 'dollar-quote:$t$ $$ $t$', 'word:x']],
    ['postgres', 'a $ inside a name is not a dollar quote', 'a$b$ c', ['word:a$b$', 'word:c']],
    ['mysql', 'no dollar quotes in MySQL', '$$', ['punct:$', 'punct:$']],
    ['postgres', 'unterminated dollar quote', '$q$ x', ['dollar-quote!:$q$ x']],
    // Comments.
    ['postgres', 'line comment', "a -- it's\nb", ['word:a', "comment:-- it's", 'word:b']],
    ['postgres', '-- needs no space in PostgreSQL', 'a --b\nc', ['word:a', 'comment:--b', 'word:c']],
    ['mysql', '-- needs a space in MySQL', 'a --b', ['word:a', 'punct:-', 'punct:-', 'word:b']],
    ['mysql', '-- at the end of the text', 'a --', ['word:a', 'comment:--']],
    ['mysql', '# comments in MySQL', "a # it's\nb", ['word:a', "comment:# it's", 'word:b']],
    ['postgres', '# is an operator in PostgreSQL', 'a # b', ['word:a', 'punct:#', 'word:b']],
    ['postgres', 'nested block comments', 'a /* x /* y */ z */ b', ['word:a', 'comment:/* x /* y */ z */', 'word:b']],
    ['mysql', 'block comments do not nest in MySQL', 'a /* x /* y */ z', ['word:a', 'comment:/* x /* y */', 'word:z']],
    ['postgres', 'unterminated block comment', 'a /* x', ['word:a', 'comment!:/* x']],
    // SQLite: four ways to quote a name, no backslash escapes, no dollar quotes, flat block comments.
    ['sqlite', 'brackets quote a name, with no escape', '[a "b`] x', ['identifier:[a "b`]', 'word:x']],
    ['sqlite', 'a ] inside brackets cannot be written', '[a]]b]', ['identifier:[a]', 'punct:]', 'word:b', 'punct:]']],
    ['sqlite', 'backticks and double quotes are doubled identifiers', '`a``b` "c""d" x', ['identifier:`a``b`', 'identifier:"c""d"', 'word:x']],
    ['sqlite', 'a backslash is plain text in a string', "'a\\' x", ["string:'a\\'", 'word:x']],
    ['sqlite', 'no dollar quotes', '$$', ['punct:$', 'punct:$']],
    ['sqlite', '-- needs no space', 'a --b\nc', ['word:a', 'comment:--b', 'word:c']],
    ['sqlite', 'block comments do not nest', 'a /* x /* y */ z', ['word:a', 'comment:/* x /* y */', 'word:z']],
    ['sqlite', '# is an operator', 'a # b', ['word:a', 'punct:#', 'word:b']],
    ['sqlite', 'unterminated bracket', '[abc', ['identifier!:[abc']],
    // DBML.
    ['dbml', "''' strings span lines", "'''a\n'b''' x", ["string:'''a\n'b'''", 'word:x']],
    ['dbml', 'one-line strings end unclosed at the newline', "'a\nb'", ["string!:'a", 'word:b', "string!:'"]],
    ['dbml', '// comments', 'a // x\nb', ['word:a', 'comment:// x', 'word:b']],
    ['dbml', 'backslash escapes', '"a\\"b" x', ['identifier:"a\\"b"', 'word:x']],
  ])('%s: %s', (dialect, _label, text, expected) => {
    expect(tokens(lexers[dialect], text)).toEqual(expected);
  });

  it('marks MySQL executable comments, which structural scans read into', () => {
    const text = 'a /*!50100 (b, c) */, d';
    expect([...mysqlLexer.tokens(text)].find((t) => t.kind === 'comment')).toMatchObject({ executable: true });
    expect(mysqlLexer.splitTopLevel(text).map((s) => text.slice(s.start, s.end))).toEqual(['a /*!50100 (b, c) */', ' d']);
    expect(postgresLexer.splitTopLevel(text).map((s) => text.slice(s.start, s.end))).toEqual(['a /*!50100 (b, c) */', ' d']);
  });

  it.each<[string, string, boolean]>([
    ['postgres', "(a, ')', \")\", $$)$$, /* ) */ b)", true],
    ['mysql', "(a, ')', `)`, '\\')', # )\n b)", true],
    ['mysql', '(a, (b), c', false],
  ])('%s: matchingParen(%j) is the last character when closed', (dialect, text, closed) => {
    expect(lexers[dialect].matchingParen(text, 0)).toBe(closed ? text.length - 1 : undefined);
  });

  it('splitTopLevel, depthAt and skipTrivia', () => {
    const text = "a, f(b, c), 'x,y', \"p,q\" -- r,s\n, t";
    expect(postgresLexer.splitTopLevel(text).map((s) => text.slice(s.start, s.end).trim())).toEqual(['a', 'f(b, c)', "'x,y'", '"p,q" -- r,s', 't']);
    expect(postgresLexer.depthAt('f(a, g(b', 8)).toBe(2);
    expect(postgresLexer.depthAt("f(')'", 5)).toBe(1);
    const lead = '  -- c\n /* d /* e */ */ SELECT';
    expect(postgresLexer.skipTrivia(lead, 0)).toBe(lead.indexOf('SELECT'));
    expect(mysqlLexer.skipTrivia('/*!40101 SET */', 0)).toBe(0);
  });

  it('unquotedValue undoes doubled quotes', () => {
    const text = '"a""b"';
    const [t] = postgresLexer.tokens(text);
    expect(unquotedValue(text, t)).toBe('a"b');
  });

  it('unquotedValue of an SQLite bracket name keeps everything between the brackets', () => {
    const text = '[a""b]';
    const [t] = sqliteLexer.tokens(text);
    expect(unquotedValue(text, t)).toBe('a""b');
  });
});

describe('splitSqlList', () => {
  it.each<[string, string[]]>([
    ['', []],
    ["'a', 'b'", ["'a'", "'b'"]],
    ["'a,b', 'it''s', 10", ["'a,b'", "'it''s'", '10']],
    ["MINVALUE, '2024-01-01'", ['MINVALUE', "'2024-01-01'"]],
    ['(1, 2), 3', ['(1, 2)', '3']],
  ])('%j', (text, items) => {
    expect(splitSqlList(text, postgresLexer)).toEqual({ ok: true, items });
  });

  it('reads the dialect: a MySQL string may escape a quote with a backslash', () => {
    expect(splitSqlList("'a\\',b', 'c'", mysqlLexer)).toEqual({ ok: true, items: ["'a\\',b'", "'c'"] });
    expect(splitSqlList("'a\\',b', 'c'", postgresLexer)).toEqual({ ok: false, error: 'Unterminated quoted string' });
  });

  it.each([
    ["'abc", 'Unterminated quoted string'],
    ['1,,2', 'Empty value in the list'],
  ])('rejects %j', (text, error) => {
    expect(splitSqlList(text, postgresLexer)).toEqual({ ok: false, error });
  });
});

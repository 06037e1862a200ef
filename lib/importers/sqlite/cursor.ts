/**
 * A cursor over the tokens of one SQLite statement (lib/sql-lexer's SQLite rules, whitespace and
 * comments left out): what the statement readers walk. SQLite accepts a name in four spellings
 * ("x", [x], `x`, and 'x' where a name is expected), so `name()` takes any of them; expressions are
 * never parsed, only their extent found (balanced parentheses), and kept as the source text.
 *
 * A reader that meets something it does not expect throws SqliteSyntaxError with the offset in the
 * whole script, so the importer reports line and column.
 */
import { sqliteLexer, unquotedValue, type Token } from '../../sql-lexer';

export class SqliteSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'SqliteSyntaxError';
  }
}

/** SQLite folds ASCII letters only (sqlite3StrICmp): `É` and `é` are different names. */
export function foldSqliteName(name: string): string {
  return name.replace(/[A-Z]+/g, (s) => s.toLowerCase());
}

export class StatementCursor {
  readonly tokens: Token[];
  /** The comments of the statement, in order (SQLite keeps them in sqlite_schema's text). */
  readonly comments: Token[] = [];
  pos = 0;

  constructor(
    /** The whole script (offsets are into it). */
    readonly text: string,
    readonly start: number,
    readonly end: number,
  ) {
    const tokens: Token[] = [];
    for (const t of sqliteLexer.tokens(text, start, end)) {
      if (t.kind === 'comment') this.comments.push(t);
      else if (t.kind !== 'space') tokens.push(t);
    }
    this.tokens = tokens;
  }

  get done(): boolean {
    return this.pos >= this.tokens.length;
  }

  peek(ahead = 0): Token | undefined {
    return this.tokens[this.pos + ahead];
  }

  textOf(t: Token): string {
    return this.text.slice(t.start, t.end);
  }

  /** Offset of the current token, or the statement's end when none is left (for errors). */
  here(): number {
    return this.peek()?.start ?? this.end;
  }

  fail(message: string, at = this.here()): never {
    const t = this.peek();
    const found = t ? ` near "${this.textOf(t).slice(0, 40)}"` : ': unexpected end of the statement';
    throw new SqliteSyntaxError(t ? `${message}${found}` : `${message}${found}`, at);
  }

  /** The current token is the keyword `word` (case-insensitive, unquoted). */
  isWord(word: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t?.kind === 'word' && this.text.slice(t.start, t.end).toLowerCase() === word;
  }

  /** Consumes the keywords `words` in sequence when all are next; says whether it did. */
  acceptWords(...words: string[]): boolean {
    for (let i = 0; i < words.length; i++) if (!this.isWord(words[i], i)) return false;
    this.pos += words.length;
    return true;
  }

  expectWords(...words: string[]): void {
    if (!this.acceptWords(...words)) this.fail(`expected ${words.join(' ').toUpperCase()}`);
  }

  isPunct(ch: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t?.kind === 'punct' && this.text.charCodeAt(t.start) === ch.charCodeAt(0);
  }

  acceptPunct(ch: string): boolean {
    if (!this.isPunct(ch)) return false;
    this.pos++;
    return true;
  }

  expectPunct(ch: string): Token {
    const t = this.peek();
    if (!t || !this.isPunct(ch)) this.fail(`expected "${ch}"`);
    this.pos++;
    return t;
  }

  /** A name in any of SQLite's spellings; the current token must be a word, a quoted name or a string. */
  isName(ahead = 0): boolean {
    const t = this.peek(ahead);
    return t !== undefined && (t.kind === 'word' || t.kind === 'identifier' || t.kind === 'string');
  }

  name(what = 'a name'): { value: string; at: number } {
    const t = this.peek();
    if (!t || !this.isName()) this.fail(`expected ${what}`);
    if (!t.closed) throw new SqliteSyntaxError(`unterminated quoted ${t.kind === 'string' ? 'string' : 'name'}`, t.start);
    this.pos++;
    return { value: t.kind === 'word' ? this.textOf(t) : unquotedValue(this.text, t), at: t.start };
  }

  /** `[schema.]name`. */
  qualifiedName(what = 'a name'): { schema?: string; name: string; at: number } {
    const first = this.name(what);
    if (this.isPunct('.')) {
      this.pos++;
      const second = this.name(what);
      return { schema: first.value, name: second.value, at: first.at };
    }
    return { name: first.value, at: first.at };
  }

  /**
   * At `(`: consumes through the matching `)` and returns the source between them (offsets into the
   * script). Nothing inside is interpreted but quotes and comments.
   */
  parenthesized(what: string): { text: string; start: number; end: number } {
    const open = this.expectPunct('(');
    let depth = 1;
    while (this.pos < this.tokens.length) {
      const t = this.tokens[this.pos++];
      if (t.kind !== 'punct') continue;
      const c = this.text.charCodeAt(t.start);
      if (c === 40) depth++;
      else if (c === 41 && --depth === 0) return { text: this.text.slice(open.end, t.start), start: open.end, end: t.start };
    }
    throw new SqliteSyntaxError(`${what}: "(" is never closed (unexpected end of the statement)`, open.start);
  }

  /**
   * An expression that ends at the first of `stops` (keywords, or `,` / `)` at depth 0) or the end of
   * the statement: its source text, trimmed, with its offsets.
   */
  expressionUntil(stopWords: readonly string[], stopPuncts = ',)'): { text: string; start: number; end: number } {
    const from = this.pos;
    let depth = 0;
    while (this.pos < this.tokens.length) {
      const t = this.tokens[this.pos];
      if (depth === 0) {
        if (t.kind === 'punct' && stopPuncts.includes(this.text[t.start])) break;
        if (t.kind === 'word' && stopWords.includes(this.textOf(t).toLowerCase())) break;
      }
      if (t.kind === 'punct') {
        const c = this.text.charCodeAt(t.start);
        if (c === 40) depth++;
        else if (c === 41) depth--;
      }
      this.pos++;
    }
    if (this.pos === from) this.fail('expected an expression');
    const start = this.tokens[from].start;
    const end = this.tokens[this.pos - 1].end;
    return { text: this.text.slice(start, end), start, end };
  }

  /**
   * The text of the comments in [from, to), one per line (`-- x` -> `x`, a block comment's inside):
   * where Draftbase's SQLite DDL writes table and column comments (lib/ddl/sql-comments.ts).
   */
  commentsBetween(from: number, to: number): string | undefined {
    const lines: string[] = [];
    // Comments are in text order: start at the first one at or after `from` (columns ask in turn; no rescans).
    let lo = 0;
    let hi = this.comments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.comments[mid].start < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.comments.length && this.comments[i].start < to; i++) {
      const t = this.comments[i];
      if (t.end > to) continue;
      const raw = this.text.slice(t.start, t.end);
      lines.push(raw.startsWith('--') ? raw.slice(2).replace(/^ /, '') : raw.slice(2, raw.endsWith('*/') ? -2 : undefined).trim());
    }
    return lines.length ? lines.join('\n') : undefined;
  }

  /** The rest of the statement's source from the current token. */
  rest(): { text: string; start: number } {
    const start = this.here();
    return { text: this.text.slice(start, this.end), start };
  }
}

/**
 * One lexer for SQL text, driven by LexRules: it recognises the lexemes inside which nothing else
 * counts (quoted strings and identifiers, comments, dollar-quoted bodies) and cuts the rest into words,
 * whitespace and single punctuation characters. Scanners that look for parentheses, commas, keywords
 * or statement ends ask it where each lexeme ends instead of re-deciding the escape rules.
 *
 * Offsets are UTF-16 offsets into the text. Nothing throws: an unterminated lexeme runs to the end
 * (or, for a one-line quote, to the newline) and says `closed: false`.
 */
import type { LexRules, QuoteRule } from './rules';

export type OpaqueKind = 'string' | 'identifier' | 'comment' | 'dollar-quote';

/** A lexeme whose inside is not SQL: a quoted string or identifier, a comment, a dollar-quoted body. */
export interface OpaqueLexeme {
  kind: OpaqueKind;
  start: number;
  end: number;
  closed: boolean;
  /** The quote that opened a string or identifier. */
  quote?: QuoteRule;
  /** A MySQL `/*! ... *\/` comment (content the server runs). */
  executable?: boolean;
}

export interface Token {
  kind: OpaqueKind | 'word' | 'space' | 'punct';
  start: number;
  end: number;
  closed: boolean;
  quote?: QuoteRule;
  executable?: boolean;
}

export const isSpaceCode = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11;
export const isWordStartCode = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
export const isWordCode = (c: number) => isWordStartCode(c) || (c >= 48 && c <= 57) || c === 36;

const DOLLAR_TAG = /\$([A-Za-z_\u0080-\uffff][A-Za-z_0-9\u0080-\uffff]*)?\$/y;

function lineEnd(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl;
}

/** The lexing rules compiled for speed: which character codes can start an opaque lexeme. */
export class SqlLexer {
  private readonly starts = new Uint8Array(128);

  constructor(readonly rules: LexRules) {
    for (const q of rules.quotes) this.starts[q.open.charCodeAt(0)] = 1;
    for (const c of rules.lineComments) this.starts[c.charCodeAt(0)] = 1;
    if (rules.blockComments) this.starts[47] = 1;
    if (rules.dollarQuotes) this.starts[36] = 1;
  }

  /** The quoted string, identifier, comment or dollar-quoted body starting at `i`, if one does. */
  opaqueAt(text: string, i: number): OpaqueLexeme | undefined {
    const c = text.charCodeAt(i);
    if (!(c < 128 && this.starts[c])) return undefined;
    const r = this.rules;
    for (const lc of r.lineComments) {
      if (!text.startsWith(lc, i)) continue;
      if (lc === '--' && r.dashDashNeedsSpace) {
        const after = text.charCodeAt(i + 2);
        if (i + 2 < text.length && !isSpaceCode(after)) continue;
      }
      return { kind: 'comment', start: i, end: lineEnd(text, i), closed: true };
    }
    if (r.blockComments && c === 47 && text.charCodeAt(i + 1) === 42) return this.blockComment(text, i);
    for (const q of r.quotes) if (text.startsWith(q.open, i)) return this.quoted(text, i, q);
    if (r.dollarQuotes && c === 36) return this.dollarQuote(text, i);
    return undefined;
  }

  /**
   * Where the lexeme at `i` that structural scans step over ends, or `i` when none starts there. A
   * MySQL executable comment is not stepped over: its content is SQL (its parentheses and commas count).
   */
  skip(text: string, i: number): number {
    const o = this.opaqueAt(text, i);
    if (!o) return i;
    if (o.executable) return i + 3;
    return o.end;
  }

  private blockComment(text: string, start: number): OpaqueLexeme {
    const n = text.length;
    const nested = this.rules.nestedBlockComments;
    let level = 1;
    let i = start + 2;
    while (i < n && level > 0) {
      const d = text.charCodeAt(i);
      if (d === 42 && text.charCodeAt(i + 1) === 47) {
        level--;
        i += 2;
      } else if (nested && d === 47 && text.charCodeAt(i + 1) === 42) {
        level++;
        i += 2;
      } else i++;
    }
    const executable = this.rules.executableComments && text.charCodeAt(start + 2) === 33 ? true : undefined;
    return { kind: 'comment', start, end: i, closed: level === 0, ...(executable ? { executable } : {}) };
  }

  private quoted(text: string, start: number, q: QuoteRule): OpaqueLexeme {
    const n = text.length;
    const backslash = q.backslash || (this.rules.escapeStringPrefix && q.kind === 'string' && hasEscapePrefix(text, start));
    const close = q.close;
    const c0 = close.charCodeAt(0);
    const single = close.length === 1;
    let i = start + q.open.length;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (backslash && d === 92) {
        i += 2;
        continue;
      }
      if (d === c0 && (single || text.startsWith(close, i))) {
        if (q.doubled && single && text.charCodeAt(i + 1) === c0) {
          i += 2;
          continue;
        }
        return { kind: q.kind, start, end: i + close.length, closed: true, quote: q };
      }
      if (q.singleLine && d === 10) return { kind: q.kind, start, end: i, closed: false, quote: q };
      i++;
    }
    return { kind: q.kind, start, end: n, closed: false, quote: q };
  }

  private dollarQuote(text: string, start: number): OpaqueLexeme | undefined {
    if (isWordCode(text.charCodeAt(start - 1))) return undefined; // `a$1$` is part of a name
    DOLLAR_TAG.lastIndex = start;
    const m = DOLLAR_TAG.exec(text);
    if (!m) return undefined;
    const tag = m[0];
    const close = text.indexOf(tag, start + tag.length);
    return close < 0 ? { kind: 'dollar-quote', start, end: text.length, closed: false } : { kind: 'dollar-quote', start, end: close + tag.length, closed: true };
  }

  /** Every token of `text[from, to)`, in order. Words are letters, digits, `_` and `$` (not starting with a digit or `$`). */
  *tokens(text: string, from = 0, to = text.length): Generator<Token> {
    let i = from;
    while (i < to) {
      const opaque = this.opaqueAt(text, i);
      if (opaque) {
        yield opaque;
        i = opaque.end;
        continue;
      }
      const c = text.charCodeAt(i);
      let j = i + 1;
      let kind: Token['kind'] = 'punct';
      if (isSpaceCode(c)) {
        kind = 'space';
        while (j < to && isSpaceCode(text.charCodeAt(j))) j++;
      } else if (isWordStartCode(c)) {
        kind = 'word';
        while (j < to && isWordCode(text.charCodeAt(j))) j++;
      }
      yield { kind, start: i, end: j, closed: true };
      i = j;
    }
  }

  /** Skips whitespace and comments from `pos` (not past `end`). */
  skipTrivia(text: string, pos: number, end = text.length): number {
    let i = pos;
    while (i < end) {
      if (isSpaceCode(text.charCodeAt(i))) {
        i++;
        continue;
      }
      const o = this.opaqueAt(text, i);
      if (!o || o.kind !== 'comment' || o.executable) break;
      i = Math.min(o.end, end);
    }
    return i;
  }

  /**
   * The offsets of the characters of `text[from, to)` that are SQL structure (outside quotes and
   * comments), with the parenthesis depth before each: what every structural scan walks.
   */
  *structure(text: string, from = 0, to = text.length): Generator<{ at: number; code: number; depth: number }> {
    let depth = 0;
    let i = from;
    while (i < to) {
      const past = this.skip(text, i);
      if (past !== i) {
        i = past;
        continue;
      }
      const code = text.charCodeAt(i);
      yield { at: i, code, depth };
      if (code === 40) depth++;
      else if (code === 41) depth--;
      i++;
    }
  }

  /** The offset of the parenthesis closing the one at `open`, or undefined when it is never closed. */
  matchingParen(text: string, open: number): number | undefined {
    for (const { at, code, depth } of this.structure(text, open)) if (code === 41 && depth === 1) return at;
    return undefined;
  }

  /** Parenthesis depth at `at` (net opens before it, outside quotes and comments). */
  depthAt(text: string, at: number): number {
    let depth = 0;
    for (const c of this.structure(text, 0, at)) depth = c.depth + (c.code === 40 ? 1 : c.code === 41 ? -1 : 0);
    return depth;
  }

  /** Spans between `separator` characters outside parentheses, quotes and comments (untrimmed). */
  splitTopLevel(text: string, separator = ','): { start: number; end: number }[] {
    const sep = separator.charCodeAt(0);
    const out: { start: number; end: number }[] = [];
    let start = 0;
    for (const { at, code, depth } of this.structure(text)) {
      if (code === sep && depth === 0) {
        out.push({ start, end: at });
        start = at + 1;
      }
    }
    out.push({ start, end: text.length });
    return out;
  }
}

/** `E'...'` / `e'...'`, the E not the end of a longer word. */
function hasEscapePrefix(text: string, quoteAt: number): boolean {
  const prev = text.charCodeAt(quoteAt - 1);
  return (prev === 69 || prev === 101) && !isWordCode(text.charCodeAt(quoteAt - 2));
}

/** A quoted identifier's or string's value: quotes removed and doubled closing quotes undone (backslash escapes are kept as written). */
export function unquotedValue(text: string, lexeme: { start: number; end: number; closed: boolean; quote?: QuoteRule }): string {
  const q = lexeme.quote;
  if (!q) return text.slice(lexeme.start, lexeme.end);
  const inner = text.slice(lexeme.start + q.open.length, lexeme.closed ? lexeme.end - q.close.length : lexeme.end);
  return q.doubled ? inner.split(q.close + q.close).join(q.close) : inner;
}

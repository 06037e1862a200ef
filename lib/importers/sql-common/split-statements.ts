/**
 * A small SQL lexer that only knows what it takes to cut a script into statements safely: quotes,
 * comments, dollar-quoted bodies, client commands (psql `\c`, mysql `DELIMITER`), and parenthesis
 * depth. Parsers get one statement at a time from it, and bad input (an unterminated string, 100k
 * nested parentheses) is caught here, with a position, before a parser can hang or overflow its stack.
 *
 * Offsets are UTF-16 character offsets into the original text.
 */
import { isSpaceCode as isSpace, isWordCode as isIdentChar, isWordStartCode as isIdentStart, mysqlLexer, postgresLexer, type SqlLexer } from '../../sql-lexer';

export interface SqlLexOptions {
  /** Quotes, comments and dollar quotes: the dialect's lexical rules. */
  lexer: SqlLexer;
  /** psql meta-commands: a line starting with a backslash, outside a statement. */
  psqlMetaCommands: boolean;
  /** mysql client `DELIMITER xx` lines. */
  delimiterCommand: boolean;
  /** PostgreSQL `BEGIN ATOMIC ... END` function bodies contain semicolons. */
  beginAtomic: boolean;
}

export const postgresLexOptions: SqlLexOptions = { lexer: postgresLexer, psqlMetaCommands: true, delimiterCommand: false, beginAtomic: true };

export const mysqlLexOptions: SqlLexOptions = { lexer: mysqlLexer, psqlMetaCommands: false, delimiterCommand: true, beginAtomic: false };

export interface SplitStatement {
  /** Offset of the first character of the statement's first token. */
  start: number;
  /** Offset just past the statement's last character (before its terminator). */
  end: number;
  /** The terminator used (`;`, a custom DELIMITER, or '' at end of input). */
  delimiter: string;
  /** The delimiter in force when the statement was read (mysql DELIMITER blocks). */
  delimiterInForce: string;
}

export interface ClientCommand {
  start: number;
  end: number;
  text: string;
}

export interface LexProblem {
  kind: 'unterminated-string' | 'unterminated-identifier' | 'unterminated-comment' | 'unterminated-dollar-quote' | 'too-deep';
  offset: number;
  message: string;
}

export interface SplitResult {
  statements: SplitStatement[];
  /** psql meta-commands, mysql DELIMITER lines and COPY ... FROM stdin data: not SQL. */
  clientCommands: ClientCommand[];
  maxDepth: number;
  problems: LexProblem[];
}

/** Parenthesis nesting beyond this is refused: no real DDL comes close, and parsers recurse on it. */
export const MAX_PAREN_DEPTH = 500;

/**
 * Splits `text` into statements. Never throws: problems (unterminated quotes, excessive nesting) are
 * returned with offsets, and the statement containing one runs to the end of the input.
 */
export function splitStatements(text: string, opts: SqlLexOptions): SplitResult {
  const statements: SplitStatement[] = [];
  const clientCommands: ClientCommand[] = [];
  const problems: LexProblem[] = [];
  const n = text.length;
  let delimiter = ';';
  let i = 0;
  let stmtStart = -1; // offset of the current statement's first token, -1 while between statements
  let depth = 0;
  let maxDepth = 0;
  let tooDeepReported = false;
  // BEGIN ATOMIC tracking: words seen in the current statement.
  let prevWord = '';
  let atomicDepth = 0;
  // COPY ... FROM stdin: the data lines after the statement are not SQL.
  let firstWords: string[] = [];

  const atLineStart = (pos: number) => {
    let p = pos - 1;
    while (p >= 0 && (text.charCodeAt(p) === 32 || text.charCodeAt(p) === 9)) p--;
    return p < 0 || text.charCodeAt(p) === 10;
  };
  const lineEnd = (pos: number) => {
    const nl = text.indexOf('\n', pos);
    return nl < 0 ? n : nl;
  };
  const finish = (end: number, used: string) => {
    if (stmtStart >= 0) {
      let e = end;
      while (e > stmtStart && isSpace(text.charCodeAt(e - 1))) e--;
      statements.push({ start: stmtStart, end: e, delimiter: used, delimiterInForce: delimiter });
      const isCopyFromStdin = firstWords[0] === 'copy' && /\bfrom\s+stdin\b/i.test(text.slice(stmtStart, e));
      stmtStart = -1;
      depth = 0;
      prevWord = '';
      atomicDepth = 0;
      firstWords = [];
      return isCopyFromStdin;
    }
    return false;
  };

  while (i < n) {
    const c = text.charCodeAt(i);

    if (isSpace(c)) {
      i++;
      continue;
    }

    // Client commands are whole lines, only between statements.
    if (stmtStart < 0 && atLineStart(i)) {
      if (opts.psqlMetaCommands && c === 92 /* \ */) {
        const e = lineEnd(i);
        clientCommands.push({ start: i, end: e, text: text.slice(i, e) });
        i = e;
        continue;
      }
      if (opts.delimiterCommand && (c === 68 || c === 100) && /^delimiter[ \t]+\S/i.test(text.slice(i, i + 12))) {
        const e = lineEnd(i);
        const line = text.slice(i, e);
        const m = /^delimiter[ \t]+(\S+)/i.exec(line);
        if (m) delimiter = m[1];
        clientCommands.push({ start: i, end: e, text: line });
        i = e;
        continue;
      }
    }

    const opaque = opts.lexer.opaqueAt(text, i);
    if (opaque?.kind === 'comment') {
      // MySQL executable comments `/*! ... */` are content, not comments: they belong to the statement.
      if (opaque.executable && stmtStart < 0) stmtStart = i;
      if (!opaque.closed) problems.push({ kind: 'unterminated-comment', offset: i, message: 'unterminated /* comment' });
      i = opaque.end;
      continue;
    }

    // The statement terminator (possibly a custom DELIMITER).
    if (atomicDepth === 0 && text.startsWith(delimiter, i)) {
      const copy = finish(i, delimiter);
      i += delimiter.length;
      if (copy) {
        // Data runs to a line holding only `\.`.
        const dataStart = i;
        const m = /\n\\\.[ \t]*(\r?\n|$)/.exec(text.slice(i));
        const dataEnd = m ? i + m.index + m[0].length : n;
        clientCommands.push({ start: dataStart, end: dataEnd, text: 'COPY data' });
        i = dataEnd;
      }
      continue;
    }

    if (stmtStart < 0) stmtStart = i;

    // Quoted strings and identifiers, dollar-quoted bodies.
    if (opaque) {
      if (!opaque.closed) {
        const single = opaque.kind === 'string';
        problems.push(
          opaque.kind === 'dollar-quote'
            ? { kind: 'unterminated-dollar-quote', offset: i, message: `unterminated dollar-quoted string ${/^\$[^$]*\$/.exec(text.slice(i, i + 66))?.[0] ?? '$'}` }
            : { kind: single ? 'unterminated-string' : 'unterminated-identifier', offset: i, message: single ? 'unterminated quoted string' : 'unterminated quoted identifier' },
        );
      }
      i = opaque.end;
      prevWord = '';
      continue;
    }

    if (c === 40 /* ( */) {
      depth++;
      if (depth > maxDepth) maxDepth = depth;
      if (depth > MAX_PAREN_DEPTH && !tooDeepReported) {
        tooDeepReported = true;
        problems.push({ kind: 'too-deep', offset: i, message: `parentheses nested deeper than ${MAX_PAREN_DEPTH} levels` });
      }
      i++;
      continue;
    }
    if (c === 41 /* ) */) {
      if (depth > 0) depth--;
      i++;
      continue;
    }

    if (isIdentStart(c)) {
      let j = i + 1;
      // A custom delimiter ends a word (`END$$`): the mysql client looks for it everywhere outside quotes.
      const custom = delimiter !== ';';
      while (j < n && isIdentChar(text.charCodeAt(j)) && !(custom && text.startsWith(delimiter, j))) j++;
      const word = text.slice(i, j).toLowerCase();
      if (firstWords.length < 2) firstWords.push(word);
      if (opts.beginAtomic) {
        if (word === 'atomic' && prevWord === 'begin' && atomicDepth === 0) atomicDepth = 1;
        else if (atomicDepth > 0 && word === 'case') atomicDepth++;
        else if (atomicDepth > 0 && word === 'end') atomicDepth--;
      }
      prevWord = word;
      i = j;
      continue;
    }

    i++;
  }
  finish(n, '');
  return { statements, clientCommands, maxDepth, problems };
}

/** Replaces the given ranges by spaces, keeping newlines, so every other offset stays valid. */
export function blankRanges(text: string, ranges: readonly { start: number; end: number }[]): string {
  if (ranges.length === 0) return text;
  let out = '';
  let pos = 0;
  for (const r of ranges) {
    out += text.slice(pos, r.start);
    out += text.slice(r.start, r.end).replace(/[^\n]/g, ' ');
    pos = r.end;
  }
  return out + text.slice(pos);
}

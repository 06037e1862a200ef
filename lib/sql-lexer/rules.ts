/**
 * The lexical rules of each SQL dialect (and of DBML, which borrows SQL's quoting), as data: which
 * quotes open strings and identifiers and how they escape, which comments exist and whether they nest.
 * Every scanner over SQL text reads these; none spells its own escape rules.
 */
import type { Dialect } from '../model/document';

export interface QuoteRule {
  open: string;
  close: string;
  kind: 'string' | 'identifier';
  /** `\x` escapes the next character. */
  backslash: boolean;
  /** The closing quote written twice stands for itself (`'it''s'`). */
  doubled: boolean;
  /** A newline before the closing quote leaves the quote unterminated (DBML). */
  singleLine?: boolean;
}

export interface LexRules {
  /** Tried in order: a longer opener (`'''`) before its prefix (`'`). */
  quotes: readonly QuoteRule[];
  /** PostgreSQL `E'...'` strings honour backslashes (plain strings do not). */
  escapeStringPrefix: boolean;
  /** PostgreSQL `$tag$ ... $tag$` bodies. */
  dollarQuotes: boolean;
  lineComments: readonly string[];
  /** MySQL: `--` starts a comment only when followed by whitespace or the end (`1--1` is arithmetic). */
  dashDashNeedsSpace: boolean;
  blockComments: boolean;
  /** PostgreSQL nests block comments inside block comments. */
  nestedBlockComments: boolean;
  /** MySQL `/*! ... *\/` executable comments: content the server runs, not a remark. */
  executableComments: boolean;
}

const sqlString = (backslash: boolean): QuoteRule => ({ open: "'", close: "'", kind: 'string', backslash, doubled: true });

export const postgresLexRules: LexRules = {
  quotes: [sqlString(false), { open: '"', close: '"', kind: 'identifier', backslash: false, doubled: true }],
  escapeStringPrefix: true,
  dollarQuotes: true,
  lineComments: ['--'],
  dashDashNeedsSpace: false,
  blockComments: true,
  nestedBlockComments: true,
  executableComments: false,
};

export const mysqlLexRules: LexRules = {
  quotes: [
    sqlString(true),
    // Without ANSI_QUOTES (the default sql_mode), "..." is a string too.
    { open: '"', close: '"', kind: 'string', backslash: true, doubled: true },
    { open: '`', close: '`', kind: 'identifier', backslash: false, doubled: true },
  ],
  escapeStringPrefix: false,
  dollarQuotes: false,
  lineComments: ['--', '#'],
  dashDashNeedsSpace: true,
  blockComments: true,
  nestedBlockComments: false,
  executableComments: true,
};

/**
 * SQLite (sqlite.org "SQLite Keywords": the four quotings it accepts): '..' strings, ".." identifiers,
 * and for compatibility [..] (MS Access, no escape) and `..` (MySQL) identifiers; no backslash escapes;
 * `--` (no space needed) and non-nesting block comments.
 */
export const sqliteLexRules: LexRules = {
  quotes: [
    sqlString(false),
    { open: '"', close: '"', kind: 'identifier', backslash: false, doubled: true },
    { open: '`', close: '`', kind: 'identifier', backslash: false, doubled: true },
    { open: '[', close: ']', kind: 'identifier', backslash: false, doubled: false },
  ],
  escapeStringPrefix: false,
  dollarQuotes: false,
  lineComments: ['--'],
  dashDashNeedsSpace: false,
  blockComments: true,
  nestedBlockComments: false,
  executableComments: false,
};

/** DBML (@dbml/parse's scanner): `'''` multi-line strings, one-line '...' and "...", backslash escapes, `//` comments. */
export const dbmlLexRules: LexRules = {
  quotes: [
    { open: "'''", close: "'''", kind: 'string', backslash: false, doubled: false },
    { open: "'", close: "'", kind: 'string', backslash: true, doubled: false, singleLine: true },
    { open: '"', close: '"', kind: 'identifier', backslash: true, doubled: false, singleLine: true },
    { open: '`', close: '`', kind: 'string', backslash: true, doubled: false },
  ],
  escapeStringPrefix: false,
  dollarQuotes: false,
  lineComments: ['//'],
  dashDashNeedsSpace: false,
  blockComments: true,
  nestedBlockComments: false,
  executableComments: false,
};

export const SQL_LEX_RULES: Readonly<Record<Dialect, LexRules>> = { postgres: postgresLexRules, mysql: mysqlLexRules, sqlite: sqliteLexRules };

/**
 * Applies a user's script to an engine the way its own client would without stopping at the first
 * error (`psql -f` without ON_ERROR_STOP, `mysql --force`): statement by statement, every failure
 * kept with the statement that failed. Client meta-commands (psql's `\connect`, COPY data) are
 * blanked, and statements that would reach outside the scratch database (CREATE/DROP DATABASE, USE)
 * are not sent.
 */
import 'server-only';
import type { Dialect } from '../../model/document';
import { blankRanges, mysqlLexOptions, postgresLexOptions, splitStatements, type SqlLexOptions } from '../../importers/sql-common/split-statements';
import type { SqlClient } from '../testing/sql-client';
import { isCommentedOut } from '../../ddl/commented-statements';
import { sqliteLexer } from '../../sql-lexer';

export interface ApplyFailure {
  /** The statement, shortened to one line. */
  statement: string;
  error: string;
}

interface ScriptRules {
  lex: SqlLexOptions;
  /** Statements never sent: they would reach outside the scratch database. */
  notSent: RegExp;
  /** Run after the script: a dump may have changed the session (pg_dump empties the search path). */
  after?: string;
}

const SCRIPT_RULES: Record<Dialect, ScriptRules> = {
  postgres: { lex: postgresLexOptions, notSent: /^\s*(CREATE|DROP)\s+DATABASE\b/i, after: 'SET search_path TO public' },
  mysql: { lex: mysqlLexOptions, notSent: /^\s*(CREATE|DROP)\s+(DATABASE|SCHEMA)\b|^\s*USE\s|^\s*(source|flush)\b/i },
  // The sqlite3 shell's dot-commands are its own; ATTACH would open another file.
  sqlite: { lex: { lexer: sqliteLexer, psqlMetaCommands: false, delimiterCommand: false, beginAtomic: false }, notSent: /^\s*(ATTACH|DETACH)\b|^\s*\./i },
};

function oneLine(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

export async function applyScript(client: SqlClient, dialect: Dialect, sql: string): Promise<ApplyFailure[]> {
  const rules = SCRIPT_RULES[dialect];
  const split = splitStatements(sql, rules.lex);
  const clean = blankRanges(sql, split.clientCommands);
  const failures: ApplyFailure[] = [];
  for (const st of split.statements) {
    const text = clean.slice(st.start, st.end);
    if (rules.notSent.test(text)) continue;
    try {
      await client.query(text);
    } catch (e) {
      failures.push({ statement: oneLine(text), error: e instanceof Error ? e.message : String(e) });
    }
  }
  if (rules.after) await client.query(rules.after);
  return failures;
}

/**
 * Applies generated statements one by one, keeping every failure. A statement the generator wrote
 * commented out (the target would reject it; its error is in the diagnostics) is not sent: MySQL
 * answers a comment alone with "Query was empty".
 */
export async function applyEach(client: SqlClient, statements: readonly string[]): Promise<ApplyFailure[]> {
  const failures: ApplyFailure[] = [];
  for (const st of statements) {
    if (isCommentedOut(st)) continue;
    try {
      await client.query(st);
    } catch (e) {
      failures.push({ statement: oneLine(st), error: e instanceof Error ? e.message : String(e) });
    }
  }
  return failures;
}

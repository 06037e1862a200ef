/**
 * MySQL dumps and sample schemas often create and use their own database (`CREATE DATABASE sakila;
 * USE sakila;`) and qualify names with it (`sakila`.`actor`). The round-trip runs them in a scratch
 * database instead: the databases the script creates or uses are found, and their qualifiers
 * removed, so every name lands in the scratch database (the importer reads them the same way).
 */
import 'server-only';
import { mysqlLexer, unquotedValue, type Token } from '../../sql-lexer';

const significant = (t: Token) => t.kind !== 'space' && t.kind !== 'comment';

function nameOf(text: string, t: Token | undefined): string | undefined {
  if (!t) return undefined;
  if (t.kind === 'word') return text.slice(t.start, t.end);
  if (t.kind === 'identifier') return unquotedValue(text, t);
  return undefined;
}

/** The databases a MySQL script creates (CREATE DATABASE/SCHEMA) or switches to (USE). */
export function databasesOfScript(sql: string): Set<string> {
  const tokens = [...mysqlLexer.tokens(sql)].filter(significant);
  const names = new Set<string>();
  const word = (i: number) => (tokens[i]?.kind === 'word' ? sql.slice(tokens[i].start, tokens[i].end).toUpperCase() : '');
  for (let i = 0; i < tokens.length; i++) {
    if (word(i) === 'USE') {
      const name = nameOf(sql, tokens[i + 1]);
      if (name) names.add(name);
    } else if (word(i) === 'CREATE' && (word(i + 1) === 'DATABASE' || word(i + 1) === 'SCHEMA')) {
      const at = word(i + 2) === 'IF' ? i + 5 : i + 2;
      const name = nameOf(sql, tokens[at]);
      if (name) names.add(name);
    }
  }
  return names;
}

/** The script with `db.` qualifiers of the given databases removed (positions of everything else kept). */
export function withoutDatabaseQualifiers(sql: string, databases: ReadonlySet<string>): string {
  if (!databases.size) return sql;
  const cuts: { start: number; end: number }[] = [];
  const tokens = [...mysqlLexer.tokens(sql)];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const name = nameOf(sql, tokens[i]);
    const dot = tokens[i + 1];
    if (name !== undefined && databases.has(name) && dot.kind === 'punct' && sql[dot.start] === '.') {
      cuts.push({ start: tokens[i].start, end: dot.start + 1 });
    }
  }
  let out = '';
  let at = 0;
  for (const c of cuts) {
    out += sql.slice(at, c.start);
    at = c.end;
  }
  return out + sql.slice(at);
}

/**
 * Stored procedures, functions, triggers and events of a MySQL script, kept as routines: the exact
 * statement text (DEFINER and mysqldump's `/*!50003 ... *\/` wrappers included: MySQL and MariaDB run
 * them as written), with its kind, name and, for a trigger, its table. Read from the header only,
 * with the project's lexer: the body is never parsed.
 */
import type { RoutineKind } from '../../model/document';
import { mysqlLexer, unquotedValue } from '../../sql-lexer';

export interface MysqlRoutineHeader {
  kind: RoutineKind;
  schema?: string;
  name: string;
  /** A trigger's table. */
  table?: { schema?: string; name: string };
}

interface Word {
  /** Lower-cased for words, unquoted for quoted identifiers. */
  value: string;
  /** As written (unquoted for quoted identifiers): names keep their case. */
  name: string;
  kind: 'word' | 'identifier' | 'punct' | 'other';
}

/**
 * The significant tokens of the first `limit` characters, reading inside executable comments
 * (`/*!50003 CREATE*\/`: the server runs their content).
 */
function words(sql: string, limit = 2000): Word[] {
  const out: Word[] = [];
  const read = (text: string) => {
    for (const t of mysqlLexer.tokens(text)) {
      if (t.kind === 'space') continue;
      if (t.kind === 'comment') {
        if (t.executable) {
          // `/*!50003 ... */` or `/*! ... */`: the version digits, then the content.
          const inner = text.slice(t.start + 3, t.closed ? t.end - 2 : t.end).replace(/^\d{5,6}/, '');
          read(inner);
        }
        continue;
      }
      const raw = text.slice(t.start, t.end);
      if (t.kind === 'word') out.push({ value: raw.toLowerCase(), name: raw, kind: 'word' });
      else if (t.kind === 'identifier') {
        const name = unquotedValue(text, t);
        out.push({ value: name, name, kind: 'identifier' });
      } else out.push({ value: raw, name: raw, kind: t.kind === 'punct' ? 'punct' : 'other' });
      if (out.length > 200) return;
    }
  };
  read(sql.slice(0, limit));
  return out;
}

const KINDS: Readonly<Record<string, RoutineKind>> = { procedure: 'procedure', function: 'function', trigger: 'trigger', event: 'event' };

/**
 * `CREATE [OR REPLACE] [DEFINER = user] [SQL SECURITY ...] [AGGREGATE] PROCEDURE|FUNCTION|TRIGGER|EVENT
 * [IF NOT EXISTS] [db.]name`, and for a trigger `{BEFORE|AFTER} {INSERT|UPDATE|DELETE} ON [db.]table`.
 * Undefined when the statement is not one.
 */
export function mysqlRoutineHeader(sql: string): MysqlRoutineHeader | undefined {
  const w = words(sql);
  let i = 0;
  const isWord = (v: string) => w[i]?.kind === 'word' && w[i].value === v;
  if (!isWord('create')) return undefined;
  i++;
  if (isWord('or') && w[i + 1]?.value === 'replace') i += 2;
  if (isWord('definer')) {
    i++;
    if (w[i]?.value === '=') i++;
    // user, user@host, CURRENT_USER, CURRENT_USER(): the account is one or three tokens, then an optional ().
    i++;
    if (w[i]?.value === '@') i += 2;
    if (w[i]?.value === '(' && w[i + 1]?.value === ')') i += 2;
  }
  if (isWord('sql') && w[i + 1]?.value === 'security') i += 3;
  let aggregate = false;
  if (isWord('aggregate')) {
    aggregate = true;
    i++;
  }
  const kindWord = w[i]?.kind === 'word' ? KINDS[w[i].value] : undefined;
  if (!kindWord) return undefined;
  i++;
  if (isWord('if') && w[i + 1]?.value === 'not' && w[i + 2]?.value === 'exists') i += 3;
  const name = qualified();
  if (!name) return undefined;
  const header: MysqlRoutineHeader = { kind: aggregate ? 'aggregate' : kindWord, name: name.name };
  if (name.schema) header.schema = name.schema;
  if (kindWord === 'trigger') {
    while (i < w.length && !isWord('on')) i++;
    i++;
    const table = qualified();
    if (!table) return undefined;
    header.table = table;
  }
  return header;

  function qualified(): { schema?: string; name: string } | undefined {
    const first = w[i];
    if (!first || (first.kind !== 'word' && first.kind !== 'identifier')) return undefined;
    i++;
    if (w[i]?.value === '.' && (w[i + 1]?.kind === 'word' || w[i + 1]?.kind === 'identifier')) {
      const second = w[i + 1];
      i += 2;
      return { schema: first.name, name: second.name };
    }
    return { name: first.name };
  }
}

/**
 * Guesses the import format from file names and/or text. File extensions decide when they are
 * unambiguous (.prisma, .dbml, .json); SQL text is told apart by weighted dialect markers (a table of
 * data, not an if-chain): backticks and ENGINE= mean MySQL, `::` casts and pg_dump's SET lines mean
 * PostgreSQL, sqlite_sequence, AUTOINCREMENT, WITHOUT ROWID, STRICT and PRAGMA mean SQLite. Ties go
 * to PostgreSQL. (A binary SQLite database file is told by its header, on the server: sqlite-file.ts.)
 */
import type { ImportFormat } from './types';

const EXTENSIONS: Record<string, ImportFormat> = {
  prisma: 'prisma',
  dbml: 'dbml',
  json: 'json',
};

type Marker = [pattern: RegExp, weight: number];

const MYSQL_MARKERS: Marker[] = [
  [/`[^`\n]+`/, 3],
  [/\bENGINE\s*=/i, 5],
  [/\bAUTO_INCREMENT\b/i, 4],
  [/\/\*!\d{5}/, 5],
  [/^\s*DELIMITER\s+\S+/im, 5],
  [/\bUNSIGNED\b/i, 3],
  [/\bDEFAULT\s+CHARSET\b/i, 4],
  [/\b(TINYINT|MEDIUMINT|LONGTEXT|MEDIUMTEXT|TINYTEXT|LONGBLOB|MEDIUMBLOB|DATETIME)\b/i, 2],
  [/^\s*#/m, 1],
  [/\bON\s+UPDATE\s+CURRENT_TIMESTAMP\b/i, 3],
  [/^\s*USE\s+\S+\s*;/im, 2],
  [/\bENUM\s*\(/i, 1],
];

const POSTGRES_MARKERS: Marker[] = [
  [/::[a-z_]+/i, 4],
  [/\bSET\s+search_path\b|\bpg_catalog\./i, 5],
  [/\$\$|\$[a-z_]+\$/i, 3],
  [/\b(BIG)?SERIAL\b/i, 3],
  [/\bCREATE\s+EXTENSION\b/i, 5],
  [/\bOWNER\s+TO\b/i, 4],
  [/^\\[a-z]/m, 5],
  [/\bUSING\s+(btree|gin|gist|brin|hash)\s*\(/i, 3],
  [/\bAS\s+ENUM\b/i, 5],
  [/\b(BYTEA|TIMESTAMPTZ|JSONB|TSVECTOR|CITEXT|UUID)\b/i, 2],
  [/\bGENERATED\s+(ALWAYS|BY\s+DEFAULT)\s+AS\s+IDENTITY\b/i, 4],
  [/\bCREATE\s+(OR\s+REPLACE\s+)?FUNCTION\b[\s\S]{0,400}\bLANGUAGE\s+(plpgsql|sql)\b/i, 4],
  [/"[A-Za-z_][\w$]*"\s*\(/, 1],
];

const SQLITE_MARKERS: Marker[] = [
  [/\bsqlite_(sequence|master|schema|stat\d)\b/i, 6],
  [/\bAUTOINCREMENT\b/i, 5],
  [/\)\s*WITHOUT\s+ROWID\b/i, 6],
  [/\)\s*STRICT\s*[;,]/i, 5],
  [/^\s*PRAGMA\s+\w+/im, 4],
  [/\bCREATE\s+VIRTUAL\s+TABLE\b/i, 5],
  [/^\s*BEGIN\s+TRANSACTION\s*;/im, 2],
  [/\b(datetime|strftime)\s*\(\s*'(now|%)/i, 3],
  [/^\.(schema|mode|headers|dump|open|read)\b/m, 5],
];

function score(text: string, markers: Marker[]): number {
  let total = 0;
  for (const [re, w] of markers) if (re.test(text)) total += w;
  return total;
}

function looksLikeJson(text: string): boolean {
  const t = text.trimStart();
  return t.startsWith('{') || t.startsWith('[');
}

function looksLikePrisma(text: string): boolean {
  return /^\s*(datasource|generator)\s+\w+\s*\{/m.test(text) || (/^\s*model\s+\w+\s*\{/m.test(text) && /@(id|unique|relation|default)\b|@@/.test(text));
}

function looksLikeDbml(text: string): boolean {
  return /^\s*(Table|TableGroup|Project|Ref|Enum)\b[^\n{]*\{/im.test(text) || /^\s*Ref\s*\w*\s*:/im.test(text);
}

/** How strongly SQL text reads as each dialect (0: no marker of it at all). */
export function sqlDialectScores(text: string): { postgres: number; mysql: number; sqlite: number } {
  const head = text.slice(0, 200_000);
  return { postgres: score(head, POSTGRES_MARKERS), mysql: score(head, MYSQL_MARKERS), sqlite: score(head, SQLITE_MARKERS) };
}

export function detectFormat(input: { text?: string; fileNames?: string[] }): ImportFormat {
  const names = input.fileNames ?? [];
  for (const name of names) {
    const ext = name.toLowerCase().split('.').pop() ?? '';
    const byExt = EXTENSIONS[ext];
    if (byExt) return byExt;
  }
  // Only the head matters and keeps this fast on large pastes.
  const text = (input.text ?? '').slice(0, 200_000);
  if (text.trim() === '') {
    if (names.some((n) => /mysql|maria/i.test(n))) return 'mysql';
    if (names.some((n) => /sqlite/i.test(n))) return 'sqlite';
    return 'postgres';
  }
  if (looksLikeJson(text)) return 'json';
  if (!/\bCREATE\s+TABLE\b/i.test(text)) {
    if (looksLikePrisma(text)) return 'prisma';
    if (looksLikeDbml(text)) return 'dbml';
  }
  const mysql = score(text, MYSQL_MARKERS) + (names.some((n) => /mysql|maria/i.test(n)) ? 3 : 0);
  const postgres = score(text, POSTGRES_MARKERS) + (names.some((n) => /postgres|pg_?dump|\bpg\b|psql/i.test(n)) ? 3 : 0);
  const sqlite = score(text, SQLITE_MARKERS) + (names.some((n) => /sqlite/i.test(n)) ? 3 : 0);
  if (sqlite > mysql && sqlite > postgres) return 'sqlite';
  return mysql > postgres ? 'mysql' : 'postgres';
}

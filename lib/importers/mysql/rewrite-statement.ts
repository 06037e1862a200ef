/**
 * Covers node-sql-parser's known gaps for MySQL DDL (measured on this corpus; see STACK-NOTES) by
 * rewriting one statement before parsing. Rewrites keep the text length where they can, so parser
 * error positions still point at the original text. Each rewrite that loses information returns a
 * note for the import report.
 */
import { mysqlLexer } from '../../sql-lexer';
import { itemAttributes, type ItemAttributes } from './mysql-attributes';

export interface Rewrite {
  sql: string;
  notes: string[];
  /** Columns declared `CHAR(n) BINARY` (binary collation of the table's charset). */
  binaryColumns: string[];
  /** Columns declared NVARCHAR/NCHAR/NATIONAL CHAR (MySQL's national charset, utf8mb3). */
  nationalColumns: string[];
  /** The table's `PARTITION BY ...` clause, cut from `sql` (the parser rejects it). */
  partitionClause?: string;
  /** INVISIBLE columns and indexes, NOT ENFORCED checks (the parser rejects them). */
  attributes: ItemAttributes;
}

const IDENT = '(`(?:[^`]|``)+`|[A-Za-z_][\\w$]*)';
const BINARY_COLUMN = new RegExp(`${IDENT}\\s+(?:var)?char\\s*\\(\\s*\\d+\\s*\\)\\s+binary\\b`, 'gi');
const NATIONAL_COLUMN = new RegExp(`${IDENT}\\s+(?:nvarchar|nchar|national\\s+(?:varchar|char|character))\\b`, 'gi');

function unquote(ident: string): string {
  return ident.startsWith('`') ? ident.slice(1, -1).replace(/``/g, '`') : ident;
}

function columnsMatching(sql: string, re: RegExp): string[] {
  return [...sql.matchAll(re)].map((m) => unquote(m[1]));
}

interface Rule {
  pattern: RegExp;
  replace: (match: string, ...groups: string[]) => string;
  note?: string;
}

const pad = (s: string, len: number) => (s.length >= len ? s : s + ' '.repeat(len - s.length));

/** Applied outside quoted strings and identifiers only. */
const RULES: Rule[] = [
  // DOUBLE PRECISION is plain DOUBLE.
  { pattern: /\bdouble\s+precision\b/gi, replace: (m) => pad('DOUBLE', m.length) },
  // NVARCHAR / NCHAR / NATIONAL CHAR: utf8 character columns; the model keeps varchar/char.
  { pattern: /\bnational\s+(varchar|char|character)\b/gi, replace: (m, t: string) => pad(t, m.length) },
  { pattern: /\bnvarchar\b/gi, replace: () => 'VARCHAR ' },
  { pattern: /\bnchar\b/gi, replace: () => 'CHAR ' },
  // `VARCHAR(40) BINARY`: a binary collation attribute the parser rejects.
  // (The importer turns it into the `<charset>_bin` collation: see binaryColumns.)
  { pattern: /(\b(?:var)?char\s*\(\s*\d+\s*\))(\s+)binary\b/gi, replace: (m, t: string, ws: string) => pad(t + ws, m.length) },
  // SRID on spatial columns (MySQL 8).
  { pattern: /\bsrid\s+\d+/gi, replace: (m) => ' '.repeat(m.length), note: 'SRID of a spatial column is not kept' },
  // MySQL 8 / MariaDB column, index and constraint attributes the parser rejects (mysqldump wraps the
  // MySQL ones in /*!80023 */): read from the text first (mysql-attributes.ts), then blanked.
  { pattern: /\b(?:in)?visible\b/gi, replace: (m) => ' '.repeat(m.length) },
  { pattern: /\b(?:not\s+)?ignored\b/gi, replace: (m) => ' '.repeat(m.length) },
  { pattern: /\bnot\s+enforced\b/gi, replace: (m) => ' '.repeat(m.length) },
  // BOOL is BOOLEAN (the parser only knows the long spelling).
  { pattern: /\bbool\b/gi, replace: () => 'BOOLEAN' },
  // DEC / FIXED are DECIMAL.
  { pattern: /\b(dec|fixed)(\s*\()/gi, replace: (_m, _t: string, p: string) => `DECIMAL${p}` },
];

/** Splits into quoted ('...', "...", `...`, comments) and unquoted segments. */
function segments(sql: string): { text: string; quoted: boolean }[] {
  const out: { text: string; quoted: boolean }[] = [];
  let plainStart = 0;
  let i = 0;
  while (i < sql.length) {
    const past = mysqlLexer.skip(sql, i);
    if (past === i) {
      i++;
      continue;
    }
    if (i > plainStart) out.push({ text: sql.slice(plainStart, i), quoted: false });
    out.push({ text: sql.slice(i, past), quoted: true });
    i = plainStart = past;
  }
  if (plainStart < sql.length) out.push({ text: sql.slice(plainStart), quoted: false });
  return out;
}

/**
 * MySQL executable comments `/*!50705 ... *\/` inside the column list are content (sakila's
 * `location GEOMETRY` column): unwrap them. After the column list they hold table options the model
 * does not keep (TABLESPACE, ENCRYPTION...; PARTITION BY is reported separately): blank those.
 */
function unwrapConditionalComments(sql: string): string {
  return sql.replace(/\/\*!(\d{5,6})?([\s\S]*?)\*\//g, (m: string, version: string | undefined, body: string, offset: number) => {
    if (mysqlLexer.depthAt(sql, offset) === 0 && /^\s*create\s+table\b/i.test(sql) && !/^\s*partition\b/i.test(body)) return ' '.repeat(m.length);
    return ' '.repeat(3 + (version?.length ?? 0)) + body + '  ';
  });
}

/** Cuts a trailing table PARTITION BY clause (the parser rejects it; the model has no MySQL partitions). */
function cutPartitionClause(sql: string): { sql: string; clause?: string } {
  const m = /\)\s*[^()]*?\bpartition\s+by\b/i.exec(sql);
  if (!m) return { sql };
  const at = sql.toLowerCase().indexOf('partition', m.index);
  return { sql: sql.slice(0, at) + ' '.repeat(sql.length - at), clause: sql.slice(at) };
}

export function rewriteMysqlDdl(original: string): Rewrite {
  const notes = new Set<string>();
  let sql = unwrapConditionalComments(original);
  // Named primary keys: `PRIMARY KEY name (cols)` -> `PRIMARY KEY (cols)`.
  sql = sql.replace(/\bprimary\s+key\s+(?!using\b)(`[^`]*`|[A-Za-z_][\w$]*)\s*\(/gi, (m) => `PRIMARY KEY${' '.repeat(m.length - 'PRIMARY KEY('.length)}(`);
  sql = segments(sql)
    .map((seg) => {
      if (seg.quoted) return seg.text;
      let t = seg.text;
      for (const rule of RULES) {
        t = t.replace(rule.pattern, (...args: string[]) => {
          if (rule.note) notes.add(rule.note);
          return rule.replace(args[0], ...args.slice(1));
        });
      }
      return t;
    })
    .join('');
  let partitionClause: string | undefined;
  if (/^\s*create\s+(temporary\s+)?table\b/i.test(sql)) {
    const cut = cutPartitionClause(sql);
    partitionClause = cut.clause;
    sql = cut.sql;
  }
  const unwrapped = unwrapConditionalComments(original);
  // Cheap pre-checks: the column scans are costly on large dumps and almost never match.
  return {
    sql,
    partitionClause,
    attributes: itemAttributes(unwrapped),
    notes: [...notes],
    binaryColumns: /\bbinary\b/i.test(unwrapped) ? columnsMatching(unwrapped, BINARY_COLUMN) : [],
    nationalColumns: /\bn(?:var)?char\b|\bnational\b/i.test(unwrapped) ? columnsMatching(unwrapped, NATIONAL_COLUMN) : [],
  };
}

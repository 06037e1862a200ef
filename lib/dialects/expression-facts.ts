/**
 * How each dialect spells the common parts of SQL expressions, as data, for the expression translator
 * (lib/sql-translate): which function names mean the same thing (read: the dialect's name -> a
 * portable name; write: the portable name -> the dialect's call), how casts, string concatenation,
 * case-insensitive LIKE, intervals, integer division and string aggregation are written, and which
 * types a CAST may name. A function missing from a table is not translated: the expression keeps its
 * cross-dialect warning, naming it.
 */
import type { Dialect, LogicalTypeName, ScalarType } from '../model/document';

/** A portable function: its name in a dialect, and whether it is written without parentheses (CURRENT_DATE). */
export interface FunctionSpelling {
  name: string;
  niladic?: boolean;
}

export type IntervalUnit = 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'second';
export const INTERVAL_UNITS: readonly IntervalUnit[] = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'];

export interface ExpressionFacts {
  /** Lower-cased function name as written in this dialect -> portable name (only built-in functions). */
  readFunctions: Readonly<Record<string, string>>;
  /** Portable name -> this dialect's spelling. */
  writeFunctions: Readonly<Record<string, FunctionSpelling>>;
  /** `a || b` (PostgreSQL) or CONCAT(a, b) (MySQL, where `||` is OR by default). */
  concat: 'operator' | 'function';
  /**
   * `a ILIKE b` (PostgreSQL) or `LOWER(a) LIKE LOWER(b)`. MySQL's default collations also ignore
   * accents ('Å' LIKE 'a%'), in LIKE and `=` alike: a property of the column's collation, not of the operator.
   */
  caseInsensitiveLike: 'ilike' | 'lower-like';
  /** `x::type` (PostgreSQL) or CAST(x AS type). */
  cast: 'double-colon' | 'cast';
  /** `INTERVAL '3 day'` (PostgreSQL), `INTERVAL 3 DAY` (MySQL), or none (SQLite: date arithmetic is datetime(x, '+3 days')). */
  interval: 'quoted' | 'keyword' | 'none';
  /** `date + 7` adds days (PostgreSQL); MySQL needs `+ INTERVAL 7 DAY` (a bare number is added to 20240107). */
  dateAddsIntegerDays: boolean;
  /** Integer division: `/` of two integers truncates (PostgreSQL), or is written DIV (MySQL, where `/` gives a decimal). */
  integerDivision: '/' | 'DIV';
  /** Any number is a truth value (MySQL: 0 is false); else a condition must be boolean (PostgreSQL). */
  numericConditions: boolean;
  /** string_agg(x, sep ORDER BY ..) or GROUP_CONCAT(x ORDER BY .. SEPARATOR sep). */
  stringAggregate: 'string_agg' | 'group_concat';
  /**
   * The type a CAST to this logical type names here; `literal-passes` when a string literal needs no
   * cast at all (MySQL JSON: `'{}'` is accepted where JSON is expected, and MariaDB has no CAST AS JSON).
   * Absent: no CAST to it (the expression is left untranslated).
   */
  castType(type: ScalarType): string | 'literal-passes' | undefined;
  /** A CAST target written in this dialect (lower-cased, arguments apart) -> the logical type it means. */
  readCastTypes: Readonly<Record<string, LogicalTypeName>>;
}

/** Functions whose name and arguments mean the same in both dialects (NULL handling included). */
const SHARED = ['trim', 'coalesce', 'nullif', 'lower', 'upper', 'abs', 'floor', 'mod', 'power', 'sqrt', 'replace', 'left', 'right', 'lpad', 'rpad', 'md5', 'concat_ws', 'round', 'count', 'sum', 'avg', 'min', 'max', 'char_length', 'octet_length', 'substring', 'ceil', 'sign', 'reverse', 'repeat', 'exp', 'ln'];

const identity = (names: readonly string[]): Record<string, string> => Object.fromEntries(names.map((n) => [n, n]));

const POSTGRES_FACTS: ExpressionFacts = {
  readFunctions: {
    ...identity(SHARED),
    now: 'current_timestamp',
    transaction_timestamp: 'current_timestamp',
    gen_random_uuid: 'uuid',
    // uuid-ossp's random UUID: the same kind of value.
    uuid_generate_v4: 'uuid',
    // PostgreSQL's length() counts characters (MySQL's LENGTH counts bytes).
    length: 'char_length',
    character_length: 'char_length',
    substr: 'substring',
    ceiling: 'ceil',
    pow: 'power',
    // TRIM(x) (one argument only: btrim(x, chars) is not MySQL's TRIM).
    btrim: 'trim',
  },
  writeFunctions: {
    ...Object.fromEntries(SHARED.map((n) => [n, { name: n }])),
    current_timestamp: { name: 'CURRENT_TIMESTAMP', niladic: true },
    localtimestamp: { name: 'LOCALTIMESTAMP', niladic: true },
    current_date: { name: 'CURRENT_DATE', niladic: true },
    current_time: { name: 'CURRENT_TIME', niladic: true },
    // Built in since PostgreSQL 13 (every PostgreSQL target).
    uuid: { name: 'gen_random_uuid' },
  },
  concat: 'operator',
  caseInsensitiveLike: 'ilike',
  cast: 'double-colon',
  interval: 'quoted',
  dateAddsIntegerDays: true,
  integerDivision: '/',
  numericConditions: false,
  stringAggregate: 'string_agg',
  // PostgreSQL casts to any type: the column type spelling (mapType) is used.
  castType: () => undefined,
  readCastTypes: {},
};

/** MySQL's CAST accepts only these targets (8.0; MariaDB 10.11 the same, without JSON). */
function mysqlCastType(t: ScalarType): string | 'literal-passes' | undefined {
  switch (t.name) {
    case 'text':
      return 'CHAR';
    case 'varchar':
    case 'char':
      return t.length ? `CHAR(${t.length})` : 'CHAR';
    case 'smallint':
    case 'integer':
    case 'bigint':
      return 'SIGNED';
    case 'decimal':
      return t.precision !== undefined ? `DECIMAL(${t.precision}, ${t.scale ?? 0})` : 'DECIMAL(65, 30)';
    case 'real':
    case 'double':
      return 'DOUBLE';
    case 'date':
      return 'DATE';
    case 'time':
      return 'TIME';
    case 'timestamp':
    case 'timestamptz':
      return t.precision ? `DATETIME(${t.precision})` : 'DATETIME';
    case 'json':
    case 'jsonb':
      return 'literal-passes';
    case 'uuid':
      return 'CHAR(36)';
    default:
      return undefined;
  }
}

const MYSQL_FACTS: ExpressionFacts = {
  readFunctions: {
    ...identity(SHARED),
    now: 'current_timestamp',
    current_timestamp: 'current_timestamp',
    localtimestamp: 'localtimestamp',
    localtime: 'localtimestamp',
    current_date: 'current_date',
    curdate: 'current_date',
    current_time: 'current_time',
    curtime: 'current_time',
    uuid: 'uuid',
    ifnull: 'coalesce',
    lcase: 'lower',
    ucase: 'upper',
    // MySQL's LENGTH counts bytes.
    length: 'octet_length',
    character_length: 'char_length',
    substr: 'substring',
    mid: 'substring',
    ceiling: 'ceil',
    pow: 'power',
  },
  writeFunctions: {
    ...Object.fromEntries(SHARED.map((n) => [n, { name: n.toUpperCase() }])),
    current_timestamp: { name: 'CURRENT_TIMESTAMP', niladic: true },
    localtimestamp: { name: 'LOCALTIMESTAMP', niladic: true },
    current_date: { name: 'CURRENT_DATE', niladic: true },
    current_time: { name: 'CURRENT_TIME', niladic: true },
    uuid: { name: 'UUID' },
  },
  concat: 'function',
  caseInsensitiveLike: 'lower-like',
  cast: 'cast',
  interval: 'keyword',
  dateAddsIntegerDays: false,
  integerDivision: 'DIV',
  numericConditions: true,
  stringAggregate: 'group_concat',
  castType: mysqlCastType,
  readCastTypes: {
    char: 'varchar',
    nchar: 'varchar',
    varchar: 'varchar',
    signed: 'bigint',
    'signed integer': 'bigint',
    integer: 'bigint',
    int: 'bigint',
    unsigned: 'bigint',
    'unsigned integer': 'bigint',
    decimal: 'decimal',
    double: 'double',
    float: 'real',
    real: 'double',
    date: 'date',
    datetime: 'timestamp',
    time: 'time',
    json: 'json',
    binary: 'blob',
  },
};

/** SQLite's CAST targets are affinities: the type name decides (sqlite.org "CAST expressions"). */
function sqliteCastType(t: ScalarType): string | 'literal-passes' | undefined {
  switch (t.name) {
    case 'text':
    case 'varchar':
    case 'char':
    case 'uuid':
    case 'date':
    case 'time':
    case 'timestamp':
    case 'timestamptz':
      return 'TEXT';
    case 'smallint':
    case 'integer':
    case 'bigint':
    case 'boolean':
      return 'INTEGER';
    case 'decimal':
      return 'NUMERIC';
    case 'real':
    case 'double':
      return 'REAL';
    case 'blob':
    case 'binary':
    case 'varbinary':
      return 'BLOB';
    case 'json':
    case 'jsonb':
      return 'literal-passes';
    default:
      return undefined;
  }
}

/** Built-in in SQLite 3.35+ (math functions are compiled into the usual builds, libSQL's included). */
const SQLITE_SHARED = ['trim', 'coalesce', 'nullif', 'lower', 'upper', 'abs', 'floor', 'power', 'sqrt', 'replace', 'round', 'count', 'sum', 'avg', 'min', 'max', 'ceil', 'sign', 'exp', 'ln'];

const SQLITE_FACTS: ExpressionFacts = {
  readFunctions: {
    ...identity(SQLITE_SHARED),
    ifnull: 'coalesce',
    // SQLite's length() counts characters of text.
    length: 'char_length',
    substr: 'substring',
    substring: 'substring',
    ceiling: 'ceil',
    concat_ws: 'concat_ws',
    octet_length: 'octet_length',
  },
  writeFunctions: {
    ...Object.fromEntries(SQLITE_SHARED.map((n) => [n, { name: n }])),
    char_length: { name: 'length' },
    substring: { name: 'substr' },
    concat_ws: { name: 'concat_ws' },
    octet_length: { name: 'octet_length' },
    current_timestamp: { name: 'CURRENT_TIMESTAMP', niladic: true },
    current_date: { name: 'CURRENT_DATE', niladic: true },
    current_time: { name: 'CURRENT_TIME', niladic: true },
  },
  concat: 'operator',
  // SQLite's LIKE ignores ASCII case already; LOWER() on both sides also covers the rest.
  caseInsensitiveLike: 'lower-like',
  cast: 'cast',
  interval: 'none',
  dateAddsIntegerDays: false,
  integerDivision: '/',
  numericConditions: true,
  // string_agg(x, sep ORDER BY ..) exists since 3.44; group_concat's MySQL form (SEPARATOR) never did.
  stringAggregate: 'string_agg',
  castType: sqliteCastType,
  readCastTypes: { text: 'text', integer: 'bigint', int: 'bigint', real: 'double', numeric: 'decimal', blob: 'blob' },
};

export const EXPRESSION_FACTS: Readonly<Record<Dialect, ExpressionFacts>> = { postgres: POSTGRES_FACTS, mysql: MYSQL_FACTS, sqlite: SQLITE_FACTS };

/**
 * MySQL 8.0 / 8.4 and MariaDB 10.11 as data. Identifiers: backticks doubled, at most 64 characters,
 * Basic Multilingual Plane only, no trailing space. String literals assume the default sql_mode
 * (backslash is an escape character), so backslashes are doubled as well as quotes.
 *
 * The output is proven on MariaDB 10.11 (the engine available to this project's tests); where MySQL 8
 * differs (functional indexes, UUID type, expression-only defaults on TEXT/BLOB/JSON, LIST DEFAULT
 * partitions) the difference is a capability flag of the target.
 */
import { logicalTypeNames, routineKinds, type ScalarType } from '../model/document';
import { MYSQL_INDEX_METHODS } from './index-methods';
import { innodbStorage } from './storage';
import type { Capabilities, DdlTarget, DialectSpec, MappedType, MysqlTarget } from './types';
import { MYSQL_MIGRATION } from './migration-facts';

/** Names InnoDB stores as they are (no `@xxxx` encoding): the usual case, no per-character walk. */
const FILE_NAME_SAFE = /^[A-Za-z0-9_]*$/;

/**
 * InnoDB stores each table (and partition) as a file whose name encodes every character outside
 * [A-Za-z0-9_] as `@xxxx` (5 bytes). File systems allow 255 bytes, so a 64-character name of CJK or
 * accented letters (64 x 5 + ".ibd") cannot be created even though it is a legal identifier.
 */
export function mysqlTableFileNameLength(table: string, partition?: string): number {
  const encoded = (name: string) => (FILE_NAME_SAFE.test(name) ? name.length : [...name].reduce((n, ch) => n + (/[A-Za-z0-9_]/.test(ch) ? 1 : 5), 0));
  return encoded(table) + (partition === undefined ? 0 : 3 + encoded(partition)) + '.ibd'.length;
}

// Every kind as written: the engine is the judge (a kind it lacks fails there, as it always did).
const ALL_ROUTINE_KINDS = new Set(routineKinds);

export const MAX_FILE_NAME_BYTES = 255;

const TEXT_KEY_TYPE = { sql: 'varchar(191)', length: 191 } as const;

const NEEDS_STRING_ESCAPE = /[\\'\u0000]/;

export const MYSQL_TARGETS: readonly MysqlTarget[] = ['mysql-8.0', 'mysql-8.4', 'mariadb-10.11'];

const LABELS: Record<MysqlTarget, string> = { 'mysql-8.0': 'MySQL 8.0', 'mysql-8.4': 'MySQL 8.4', 'mariadb-10.11': 'MariaDB 10.11' };

function mysqlCapabilities(target: DdlTarget): Capabilities {
  const mariadb = target === 'mariadb-10.11';
  return {
    target,
    label: LABELS[target as MysqlTarget] ?? 'MySQL 8.0',
    schemas: 'databases',
    enumStrategy: 'inline',
    domains: false,
    commentStyle: 'inline',
    commentLimits: { table: 2048, column: 1024, index: 1024 },
    identity: 'auto-increment',
    partialIndexes: false,
    includeColumns: false,
    indexMethods: new Set(['btree', 'hash', 'fulltext', 'spatial']),
    indexNullsOrder: false,
    expressionIndexes: !mariadb,
    operatorClasses: false,
    prefixLengths: true,
    nullsNotDistinct: false,
    virtualGenerated: true,
    arrays: false,
    deferrableConstraints: false,
    setDefaultAction: false,
    onUpdateCurrentTimestamp: true,
    foreignKeysOnPartitionedTables: false,
    listDefaultPartition: mariadb,
    rangeDefaultPartition: false,
    materializedViews: false,
    literalDefaultsOnLobs: mariadb,
    namedPrimaryKeys: false,
    // MySQL 8 refuses a CHECK naming an AUTO_INCREMENT column (3818), and so does MariaDB 10.11
    // (1901 "Function or expression 'AUTO_INCREMENT' cannot be used in the CHECK clause"), measured here.
    checksOnAutoIncrement: false,
    mysqlAttributes: { invisibleIndex: mariadb ? 'IGNORED' : 'INVISIBLE', checkNotEnforced: !mariadb },
    unsigned: true,
    tableOptions: true,
    lobKeysNeedPrefix: true,
    partitionSyntax: 'table-options',
    tablesNeedColumns: true,
    uniqueSyntax: 'unique-key',
    checksOnActionColumns: false,
    foreignKeyCreatesIndex: true,
    clusteredPrimaryKey: true,
    foreignKeyCollationsMatch: true,
    dropCascade: false,
    setNullOnNotNull: 'rejected',
    // Prisma's MySQL connector uses varchar(191) for String keys: 191 x 4 bytes (utf8mb4) = 764 bytes,
    // so even a 4-column key stays under InnoDB's 3072-byte index limit.
    textKeyType: TEXT_KEY_TYPE,
    extensions: false,
    sequences: mariadb ? 'standalone' : 'none',
    alterAddConstraint: true,
    dropColumn: true,
    strictTables: false,
    withoutRowid: false,
    primaryKeyImpliesNotNull: true,
  };
}

const approx = (sql: string, message: string, severity: 'info' | 'warning' = 'info'): MappedType => ({
  sql,
  loss: { severity, code: 'mysql.type-approximated', message },
});

const fsp = (t: ScalarType) => t.precision ?? t.length;
const temporal = (base: string, t: ScalarType) => (fsp(t) !== undefined ? `${base}(${fsp(t)})` : base);

const TYPE_TABLE: Record<ScalarType['name'], (t: ScalarType, caps: Capabilities) => MappedType> = {
  smallint: () => ({ sql: 'smallint' }),
  integer: () => ({ sql: 'int' }),
  bigint: () => ({ sql: 'bigint' }),
  decimal: (t) => ({ sql: t.precision !== undefined ? `decimal(${t.precision}${t.scale !== undefined ? `,${t.scale}` : ''})` : 'decimal(65,30)' }),
  real: () => ({ sql: 'float' }),
  double: () => ({ sql: 'double' }),
  boolean: () => ({ sql: 'tinyint(1)' }),
  char: (t) => ({ sql: `char(${t.length ?? 1})` }),
  varchar: (t) =>
    t.length ? { sql: `varchar(${t.length})` } : { sql: 'varchar(255)', loss: { severity: 'warning', code: 'mysql.varchar-length-defaulted', message: 'MySQL VARCHAR needs a length: varchar(255) used' } },
  // PostgreSQL text is unbounded; MySQL TEXT stops at 64 KB, LONGTEXT at 4 GB.
  text: () => ({ sql: 'longtext' }),
  uuid: (_t, caps) => (caps.target === 'mariadb-10.11' ? { sql: 'uuid' } : approx('char(36)', 'MySQL has no UUID type: char(36)')),
  date: () => ({ sql: 'date' }),
  time: (t) => ({ sql: temporal('time', t) }),
  timetz: (t) => approx(temporal('time', t), 'MySQL TIME has no time zone: time', 'warning'),
  timestamp: (t) => ({ sql: temporal('datetime', t) }),
  // DATETIME, not TIMESTAMP: TIMESTAMP ends in 2038 and cannot be a RANGE COLUMNS partition key.
  timestamptz: (t) => approx(temporal('datetime', t), 'MySQL DATETIME stores no time zone: datetime (store UTC)'),
  interval: () => approx('varchar(64)', 'MySQL has no INTERVAL type: varchar(64)', 'warning'),
  year: () => ({ sql: 'year' }),
  json: () => ({ sql: 'json' }),
  jsonb: () => approx('json', 'MySQL has one JSON type: json'),
  binary: (t) => ({ sql: `binary(${t.length ?? 1})` }),
  varbinary: (t) =>
    t.length ? { sql: `varbinary(${t.length})` } : { sql: 'varbinary(255)', loss: { severity: 'warning', code: 'mysql.varchar-length-defaulted', message: 'MySQL VARBINARY needs a length: varbinary(255) used' } },
  blob: () => ({ sql: 'longblob' }),
  inet: () => approx('varchar(43)', 'MySQL has no INET type: varchar(43)'),
  cidr: () => approx('varchar(43)', 'MySQL has no CIDR type: varchar(43)'),
  macaddr: () => approx('varchar(17)', 'MySQL has no MACADDR type: varchar(17)'),
  bit: (t) => ({ sql: `bit(${t.length ?? 1})` }),
  varbit: (t) => approx(`bit(${Math.min(t.length ?? 64, 64)})`, 'MySQL has no BIT VARYING: fixed bit(n), at most 64', 'warning'),
  xml: () => approx('longtext', 'MySQL has no XML type: longtext'),
  money: () => approx('decimal(19,4)', 'MySQL has no MONEY type: decimal(19,4)'),
  tsvector: () => approx('longtext', 'MySQL has no TSVECTOR: longtext (use a FULLTEXT index on the source columns)', 'warning'),
  geometry: () => ({ sql: 'geometry' }),
};

const UNSIGNABLE = new Set<ScalarType['name']>(['smallint', 'integer', 'bigint', 'decimal', 'real', 'double']);

const DISPLAY_WIDTH = new Set<ScalarType['name']>(['smallint', 'integer', 'bigint']);

function mapType(t: ScalarType, caps: Capabilities): MappedType {
  const mapped = TYPE_TABLE[t.name](t, caps);
  const integer = DISPLAY_WIDTH.has(t.name);
  const width = integer && t.displayWidth ? `(${t.displayWidth})` : '';
  const zerofill = integer && t.zerofill;
  // ZEROFILL implies UNSIGNED; the server reports both.
  const unsigned = (t.unsigned || zerofill) && UNSIGNABLE.has(t.name) ? ' unsigned' : '';
  return width || unsigned || zerofill ? { ...mapped, sql: `${mapped.sql}${width}${unsigned}${zerofill ? ' zerofill' : ''}` } : mapped;
}

/** MySQL 8.0 reserved words (the subset marked (R) in the manual that users meet in schemas). */
const RESERVED = new Set(
  `accessible add all alter analyze and as asc asensitive before between bigint binary blob both by call cascade case change char
  character check collate column condition constraint continue convert create cross cube cume_dist current_date current_time
  current_timestamp current_user cursor database databases day_hour day_microsecond day_minute day_second dec decimal declare
  default delayed delete dense_rank desc describe deterministic distinct distinctrow div double drop dual each else elseif empty
  enclosed escaped except exists exit explain false fetch first_value float float4 float8 for force foreign from fulltext
  function generated get grant group grouping groups having high_priority hour_microsecond hour_minute hour_second if ignore in
  index infile inner inout insensitive insert int int1 int2 int3 int4 int8 integer intersect interval into io_after_gtids
  io_before_gtids is iterate join json_table key keys kill lag last_value lateral lead leading leave left like limit linear
  lines load localtime localtimestamp lock long longblob longtext loop low_priority master_bind master_ssl_verify_server_cert
  match maxvalue mediumblob mediumint mediumtext middleint minute_microsecond minute_second mod modifies natural not
  no_write_to_binlog nth_value ntile null numeric of on optimize optimizer_costs option optionally or order out outer outfile
  over partition percent_rank precision primary procedure purge range rank read reads read_write real recursive references regexp
  release rename repeat replace require resignal restrict return revoke right rlike row row_number rows schema schemas
  second_microsecond select sensitive separator set show signal smallint spatial specific sql sqlexception sqlstate sqlwarning
  sql_big_result sql_calc_found_rows sql_small_result ssl starting stored straight_join system table terminated then tinyblob
  tinyint tinytext to trailing trigger true undo union unique unlock unsigned update usage use using utc_date utc_time
  utc_timestamp values varbinary varchar varcharacter varying virtual when where while window with write xor year_month zerofill`
    .split(/\s+/)
    .filter(Boolean),
);

export const mysqlDialect: DialectSpec = {
  name: 'mysql',
  label: 'MySQL',
  defaultTarget: 'mysql-8.0',
  targets: MYSQL_TARGETS,
  capabilities: mysqlCapabilities,
  quoteIdentifier: (name) => (name.includes('`') ? `\`${name.replace(/`/g, '``')}\`` : `\`${name}\``),
  // Most literals (enum values, comments) contain nothing to escape: one test instead of three replaces.
  quoteString: (value) => (NEEDS_STRING_ESCAPE.test(value) ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''").replace(/\u0000/g, '\\0')}'` : `'${value}'`),
  bareIdentifier: /^[A-Za-z_][A-Za-z0-9_$]*$/,
  caseInsensitiveNames: true,
  nameScopes: { indexesAreRelations: false, partitionsAreRelations: false, constraintsPerDatabase: true, namespaceWord: 'database' },
  identifierLimit: { max: 64, unit: 'characters' },
  truncatesLongIdentifiers: false,
  tableFileName: { bytes: mysqlTableFileNameLength, maxBytes: MAX_FILE_NAME_BYTES },
  enumLabelsFoldCase: true,
  routines: { signatureNeedsRelations: false, scriptDelimiter: true, rerun: 'drop-if-exists', kinds: ALL_ROUTINE_KINDS },
  invalidIdentifierReason: (name) => {
    if (/ $/.test(name)) return 'MySQL names cannot end with a space';
    // Supplementary characters (emoji, rare CJK) are outside the Basic Multilingual Plane.
    if (/[\uD800-\uDFFF]/.test(name)) return 'MySQL names allow only Basic Multilingual Plane characters (no emoji or other supplementary characters)';
    return undefined;
  },
  reservedWords: RESERVED,
  indexMethodFacts: MYSQL_INDEX_METHODS,
  indexStatement: 'create-kind-index',
  mapType,
  typeNames: logicalTypeNames,
  typeSpelling: { integer: 'int' },
  booleanLiterals: { true: '1', false: '0' },
  collationSyntax: 'charset-collation',
  foreignKeyToNonKey: { severity: 'warning', consequence: 'MySQL accepts it only with an index, and it is not a real key' },
  unwrittenReferentialAction: 'restrict',
  integerDisplayWidths: true,
  engineForeignKeyName: (table, n) => `${table}_ibfk_${n}`,
  createsForeignKeyIndexes: true,
  foreignKeyParent: 'leading-index',
  collationExample: 'e.g. utf8mb4_bin',
  storage: innodbStorage,
  typePicker: {
    suggestions: ['varchar(255)', 'decimal(10,2)', 'int unsigned', 'bigint unsigned', 'tinyint', 'mediumtext', 'longtext'],
    hidden: new Set(['timetz', 'interval', 'jsonb', 'inet', 'cidr', 'macaddr', 'varbit', 'xml', 'money', 'tsvector']),
  },
  builtinDefault: (name, column) => {
    switch (name) {
      case 'current_timestamp': {
        // Bare CURRENT_TIMESTAMP (with the column's precision, which must match) only on DATETIME/TIMESTAMP.
        const bare = column.fsp ? `CURRENT_TIMESTAMP(${column.fsp})` : 'CURRENT_TIMESTAMP';
        return column.temporalColumn ? bare : `(${bare})`;
      }
      case 'current_date':
        return '(CURRENT_DATE)';
      case 'current_time':
        return '(CURRENT_TIME)';
      case 'uuid':
        return '(UUID())';
    }
  },
  foreignKeyChecks: { off: 'SET FOREIGN_KEY_CHECKS = 0', on: 'SET FOREIGN_KEY_CHECKS = 1' },
  migration: MYSQL_MIGRATION,
};

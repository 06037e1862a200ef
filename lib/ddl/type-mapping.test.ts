/**
 * The logical -> native type table, one row per logical type and per target, through the generator
 * (so arrays, enums, domains and native overrides take the same path as real documents). The engine
 * tests (kitchen-sink.engines.test.ts) prove the same types on PostgreSQL and MariaDB.
 */
import { describe, expect, it } from 'vitest';
import { logicalTypeNames, type Column, type ColumnType, type Dialect, type ScalarType } from '../model/document';
import { documentOf, makeColumn, makeTable, scalar } from '../model/build';
import type { DdlTarget } from '../dialects/types';
import { generateDdlStatements } from './generate-ddl';
import { dialectSpec } from '../dialects/dialects';

/** The column's line in CREATE TABLE, minus its quoted name, plus the diagnostic codes it produced. */
function render(dialect: Dialect, type: ColumnType, extra: Partial<Column> = {}, target?: DdlTarget, more: Parameters<typeof documentOf>[0] = {}) {
  const c = makeColumn({ id: 'c1', name: 'c', type, nullable: true, ...extra });
  const doc = documentOf({ tables: [makeTable({ id: 't1', name: 't', columns: [c] })], ...more });
  const { statements, diagnostics, commented } = generateDdlStatements(doc, dialect, { target });
  // A table the target rejects (an AUTO_INCREMENT column that leads no key) is written commented out.
  const create = statements.find((s) => s.startsWith('CREATE TABLE')) ?? commented.find((s) => s.sql.startsWith('CREATE TABLE'))!.sql;
  const q = `${dialectSpec(dialect).quoteIdentifier('c')} `;
  const line = create.split('\n').find((l) => l.trim().startsWith(q))!.trim().replace(/,$/, '');
  return { sql: line.slice(q.length), codes: diagnostics.map((d) => d.code) };
}

/** [logical type, extras, PostgreSQL, MySQL 8.0, MariaDB 10.11] — `!code` marks an expected diagnostic. */
const TABLE: [ScalarType['name'], Omit<Partial<ScalarType>, 'kind' | 'name'>, string, string, string][] = [
  ['smallint', {}, 'smallint', 'smallint', 'smallint'],
  ['integer', {}, 'integer', 'int', 'int'],
  ['integer', { unsigned: true }, 'integer !postgres.unsigned-dropped', 'int unsigned', 'int unsigned'],
  ['bigint', {}, 'bigint', 'bigint', 'bigint'],
  ['decimal', { precision: 12, scale: 2 }, 'numeric(12,2)', 'decimal(12,2)', 'decimal(12,2)'],
  ['decimal', { precision: 8 }, 'numeric(8)', 'decimal(8)', 'decimal(8)'],
  ['decimal', {}, 'numeric', 'decimal(65,30)', 'decimal(65,30)'],
  ['real', {}, 'real', 'float', 'float'],
  ['double', {}, 'double precision', 'double', 'double'],
  ['boolean', {}, 'boolean', 'tinyint(1)', 'tinyint(1)'],
  ['char', { length: 3 }, 'char(3)', 'char(3)', 'char(3)'],
  ['varchar', { length: 40 }, 'varchar(40)', 'varchar(40)', 'varchar(40)'],
  ['varchar', {}, 'varchar', 'varchar(255) !mysql.varchar-length-defaulted', 'varchar(255) !mysql.varchar-length-defaulted'],
  ['text', {}, 'text', 'longtext', 'longtext'],
  ['uuid', {}, 'uuid', 'char(36) !mysql.type-approximated', 'uuid'],
  ['date', {}, 'date', 'date', 'date'],
  ['time', { precision: 3 }, 'time(3)', 'time(3)', 'time(3)'],
  ['timetz', {}, 'time with time zone', 'time !mysql.type-approximated', 'time !mysql.type-approximated'],
  ['timestamp', {}, 'timestamp', 'datetime', 'datetime'],
  ['timestamp', { precision: 6 }, 'timestamp(6)', 'datetime(6)', 'datetime(6)'],
  ['timestamptz', { precision: 3 }, 'timestamp(3) with time zone', 'datetime(3) !mysql.type-approximated', 'datetime(3) !mysql.type-approximated'],
  ['interval', {}, 'interval', 'varchar(64) !mysql.type-approximated', 'varchar(64) !mysql.type-approximated'],
  ['year', {}, 'smallint !postgres.type-approximated', 'year', 'year'],
  ['json', {}, 'json', 'json', 'json'],
  ['jsonb', {}, 'jsonb', 'json !mysql.type-approximated', 'json !mysql.type-approximated'],
  ['binary', { length: 16 }, 'bytea !postgres.type-approximated', 'binary(16)', 'binary(16)'],
  ['varbinary', { length: 64 }, 'bytea !postgres.type-approximated', 'varbinary(64)', 'varbinary(64)'],
  ['blob', {}, 'bytea', 'longblob', 'longblob'],
  ['inet', {}, 'inet', 'varchar(43) !mysql.type-approximated', 'varchar(43) !mysql.type-approximated'],
  ['cidr', {}, 'cidr', 'varchar(43) !mysql.type-approximated', 'varchar(43) !mysql.type-approximated'],
  ['macaddr', {}, 'macaddr', 'varchar(17) !mysql.type-approximated', 'varchar(17) !mysql.type-approximated'],
  ['bit', { length: 8 }, 'bit(8)', 'bit(8)', 'bit(8)'],
  ['varbit', { length: 16 }, 'bit varying(16)', 'bit(16) !mysql.type-approximated', 'bit(16) !mysql.type-approximated'],
  ['xml', {}, 'xml', 'longtext !mysql.type-approximated', 'longtext !mysql.type-approximated'],
  ['money', {}, 'money', 'decimal(19,4) !mysql.type-approximated', 'decimal(19,4) !mysql.type-approximated'],
  ['tsvector', {}, 'tsvector', 'longtext !mysql.type-approximated', 'longtext !mysql.type-approximated'],
  ['geometry', {}, 'geometry !postgres.requires-postgis', 'geometry', 'geometry'],
];

const split = (cell: string) => {
  const [sql, code] = cell.split(' !');
  return { sql, codes: code ? [code] : [] };
};

describe('logical type mapping', () => {
  it('covers every logical type', () => {
    const covered = new Set(TABLE.map((r) => r[0]));
    expect(logicalTypeNames.filter((n) => !covered.has(n))).toEqual([]);
  });

  it.each(TABLE)('%s %j -> %s | %s | %s', (name, extra, pg, my8, maria) => {
    const type = scalar(name, extra);
    expect(render('postgres', type)).toEqual(split(pg));
    expect(render('mysql', type, {}, 'mysql-8.0')).toEqual(split(my8));
    expect(render('mysql', type, {}, 'mysql-8.4')).toEqual(split(my8));
    expect(render('mysql', type, {}, 'mariadb-10.11')).toEqual(split(maria));
  });
});

describe('column type variants', () => {
  it('arrays: PostgreSQL [] per dimension; MySQL json with a diagnostic', () => {
    expect(render('postgres', scalar('integer'), { arrayDims: 2 })).toEqual({ sql: 'integer[][]', codes: [] });
    expect(render('mysql', scalar('integer'), { arrayDims: 1 })).toEqual({ sql: 'json', codes: ['mysql.array-as-json'] });
  });

  it('native overrides win for their dialect and fall back to the logical type for the other', () => {
    const t = scalar('text', { native: { postgres: 'citext', mysql: 'mediumtext' } });
    expect(render('postgres', t).sql).toBe('citext');
    expect(render('mysql', t).sql).toBe('mediumtext');
    expect(render('mysql', scalar('text', { native: { postgres: 'citext' } }))).toEqual({ sql: 'longtext', codes: ['type.native-fallback'] });
  });

  it('enums: a named type on PostgreSQL (schema-qualified), inline ENUM with escaped values on MySQL', () => {
    const more = { schemas: [{ id: 's1', name: 'app' }], enums: [{ id: 'e1', name: 'mood', schemaId: 's1', values: ["it's", 'back\\slash'] }] };
    expect(render('postgres', { kind: 'enum', enumId: 'e1' }, {}, undefined, more).sql).toBe('"app"."mood"');
    expect(render('mysql', { kind: 'enum', enumId: 'e1' }, {}, undefined, more).sql).toBe("enum('it''s','back\\\\slash')");
  });

  it('domains: the domain on PostgreSQL; its base type, NOT NULL and default inlined on MySQL', () => {
    const more = { domains: [{ id: 'd1', name: 'qty', type: scalar('integer'), nullable: false, default: { kind: 'literal' as const, value: 1 }, checks: [] }] };
    expect(render('postgres', { kind: 'domain', domainId: 'd1' }, {}, undefined, more).sql).toBe('"qty"');
    expect(render('mysql', { kind: 'domain', domainId: 'd1' }, {}, undefined, more)).toEqual({ sql: 'int NOT NULL DEFAULT 1', codes: ['mysql.domain-inlined'] });
  });
});

/** [default, column type, PostgreSQL, MySQL 8.0, MariaDB 10.11] */
const DEFAULTS: [Column['default'], ScalarType, string, string, string][] = [
  [{ kind: 'literal', value: "O'Reilly \\ x" }, scalar('varchar', { length: 20 }), "varchar(20) DEFAULT 'O''Reilly \\ x'", "varchar(20) DEFAULT 'O''Reilly \\\\ x'", "varchar(20) DEFAULT 'O''Reilly \\\\ x'"],
  [{ kind: 'literal', value: 42 }, scalar('integer'), 'integer DEFAULT 42', 'int DEFAULT 42', 'int DEFAULT 42'],
  [{ kind: 'literal', value: -1.5 }, scalar('decimal', { precision: 4, scale: 1 }), 'numeric(4,1) DEFAULT -1.5', 'decimal(4,1) DEFAULT -1.5', 'decimal(4,1) DEFAULT -1.5'],
  [{ kind: 'literal', value: true }, scalar('boolean'), 'boolean DEFAULT true', 'tinyint(1) DEFAULT 1', 'tinyint(1) DEFAULT 1'],
  [{ kind: 'literal', value: null }, scalar('integer'), 'integer DEFAULT NULL', 'int DEFAULT NULL', 'int DEFAULT NULL'],
  // MySQL 8 accepts only expression defaults on TEXT/BLOB/JSON; MariaDB takes literals.
  [{ kind: 'literal', value: '{}' }, scalar('json'), "json DEFAULT '{}'", "json DEFAULT ('{}')", "json DEFAULT '{}'"],
  [{ kind: 'expression', sql: 'id * 2' }, scalar('integer'), 'integer DEFAULT (id * 2)', 'int DEFAULT (id * 2)', 'int DEFAULT (id * 2)'],
  [{ kind: 'builtin', name: 'current_timestamp' }, scalar('timestamptz'), 'timestamp with time zone DEFAULT CURRENT_TIMESTAMP', 'datetime DEFAULT CURRENT_TIMESTAMP', 'datetime DEFAULT CURRENT_TIMESTAMP'],
  [{ kind: 'builtin', name: 'current_timestamp' }, scalar('timestamp', { precision: 3 }), 'timestamp(3) DEFAULT CURRENT_TIMESTAMP', 'datetime(3) DEFAULT CURRENT_TIMESTAMP(3)', 'datetime(3) DEFAULT CURRENT_TIMESTAMP(3)'],
  [{ kind: 'builtin', name: 'current_date' }, scalar('date'), 'date DEFAULT CURRENT_DATE', 'date DEFAULT (CURRENT_DATE)', 'date DEFAULT (CURRENT_DATE)'],
  [{ kind: 'builtin', name: 'current_time' }, scalar('time'), 'time DEFAULT CURRENT_TIME', 'time DEFAULT (CURRENT_TIME)', 'time DEFAULT (CURRENT_TIME)'],
  [{ kind: 'builtin', name: 'uuid' }, scalar('uuid'), 'uuid DEFAULT gen_random_uuid()', 'char(36) DEFAULT (UUID())', 'uuid DEFAULT (UUID())'],
];

describe('defaults', () => {
  it.each(DEFAULTS)('%j on %j', (value, type, pg, my8, maria) => {
    expect(render('postgres', type, { default: value }).sql).toBe(pg);
    expect(render('mysql', type, { default: value }, 'mysql-8.0').sql).toBe(my8);
    expect(render('mysql', type, { default: value }, 'mariadb-10.11').sql).toBe(maria);
  });

  it('identity vs AUTO_INCREMENT, generated columns, ON UPDATE, collation, inline comments', () => {
    const id = { nullable: false, identity: { always: true, start: 10, increment: 2 } };
    expect(render('postgres', scalar('bigint'), id).sql).toBe('bigint NOT NULL GENERATED ALWAYS AS IDENTITY (START WITH 10 INCREMENT BY 2)');
    expect(render('postgres', scalar('bigint'), { nullable: false, identity: { always: false } }).sql).toBe('bigint NOT NULL GENERATED BY DEFAULT AS IDENTITY');
    expect(render('mysql', scalar('bigint'), { nullable: false, identity: { always: false } }).sql).toBe('bigint NOT NULL AUTO_INCREMENT');
    const gen = { generated: { expression: 'a + b', stored: true } };
    expect(render('postgres', scalar('integer'), gen).sql).toBe('integer GENERATED ALWAYS AS (a + b) STORED');
    expect(render('mysql', scalar('integer'), { generated: { expression: 'a + b', stored: false } }).sql).toBe('int GENERATED ALWAYS AS (a + b) VIRTUAL');
    expect(render('mysql', scalar('timestamp'), { onUpdateCurrentTimestamp: true, default: { kind: 'builtin', name: 'current_timestamp' } }).sql).toBe(
      'datetime DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP',
    );
    expect(render('postgres', scalar('text'), { collation: 'en-x-icu' }).sql).toBe('text COLLATE "en-x-icu"');
    expect(render('mysql', scalar('text'), { collation: 'utf8mb4_bin' }).sql).toBe('longtext COLLATE utf8mb4_bin');
    expect(render('mysql', scalar('text'), { comment: "it's \\ here" }).sql).toBe("longtext COMMENT 'it''s \\\\ here'");
    expect(render('postgres', scalar('text'), { comment: 'not inline' }).sql).toBe('text');
  });
});

/**
 * SQLite keeps the declared type as written and derives an affinity from it: each logical type keeps
 * a readable name with the affinity its values need ([logical type, extras, SQLite, its affinity]).
 * ddl-sqlite.engines.test.ts proves the engine shows these names back.
 */
const SQLITE: [ScalarType['name'], Omit<Partial<ScalarType>, 'kind' | 'name'>, string, 'INTEGER' | 'TEXT' | 'BLOB' | 'REAL' | 'ANY'][] = [
  ['smallint', {}, 'smallint', 'INTEGER'],
  ['integer', {}, 'integer', 'INTEGER'],
  ['integer', { unsigned: true }, 'integer !sqlite.unsigned-dropped', 'INTEGER'],
  ['bigint', {}, 'bigint', 'INTEGER'],
  ['decimal', { precision: 12, scale: 2 }, 'decimal(12,2)', 'ANY'],
  ['decimal', {}, 'decimal', 'ANY'],
  ['real', {}, 'real', 'REAL'],
  ['double', {}, 'double', 'REAL'],
  ['boolean', {}, 'boolean', 'ANY'],
  ['char', { length: 3 }, 'char(3)', 'TEXT'],
  ['varchar', { length: 255 }, 'varchar(255)', 'TEXT'],
  ['varchar', {}, 'varchar', 'TEXT'],
  ['text', {}, 'text', 'TEXT'],
  ['uuid', {}, 'text !sqlite.type-approximated', 'TEXT'],
  ['date', {}, 'date', 'ANY'],
  ['time', { precision: 3 }, 'time(3)', 'ANY'],
  ['timetz', {}, 'time !sqlite.type-approximated', 'ANY'],
  ['timestamp', { precision: 6 }, 'timestamp(6)', 'ANY'],
  ['timestamptz', {}, 'timestamptz', 'ANY'],
  ['interval', {}, 'text !sqlite.type-approximated', 'TEXT'],
  ['year', {}, 'integer !sqlite.type-approximated', 'INTEGER'],
  ['json', {}, 'json', 'ANY'],
  ['jsonb', {}, 'json !sqlite.type-approximated', 'ANY'],
  ['binary', { length: 16 }, 'blob !sqlite.type-approximated', 'BLOB'],
  ['varbinary', {}, 'blob', 'BLOB'],
  ['blob', {}, 'blob', 'BLOB'],
  ['inet', {}, 'text !sqlite.type-approximated', 'TEXT'],
  ['cidr', {}, 'text !sqlite.type-approximated', 'TEXT'],
  ['macaddr', {}, 'text !sqlite.type-approximated', 'TEXT'],
  ['bit', { length: 8 }, 'integer !sqlite.type-approximated', 'INTEGER'],
  ['varbit', {}, 'text !sqlite.type-approximated', 'TEXT'],
  ['xml', {}, 'text !sqlite.type-approximated', 'TEXT'],
  ['money', {}, 'decimal(19,4) !sqlite.type-approximated', 'ANY'],
  ['tsvector', {}, 'text !sqlite.type-approximated', 'TEXT'],
  ['geometry', {}, 'blob !sqlite.type-approximated', 'BLOB'],
];

describe('SQLite type mapping', () => {
  it('covers every logical type', () => {
    const covered = new Set(SQLITE.map((r) => r[0]));
    expect(logicalTypeNames.filter((n) => !covered.has(n))).toEqual([]);
  });

  it.each(SQLITE)('%s %j -> %s (STRICT %s)', (name, extra, sqlite, strict) => {
    expect(render('sqlite', scalar(name, extra))).toEqual(split(sqlite));
    expect(dialectSpec('sqlite').strictType!(split(sqlite).sql)).toBe(strict);
  });

  it('enums are text with CHECK (col IN (..)); domains inline their base type and checks', () => {
    const more = { enums: [{ id: 'e1', name: 'mood', values: ["it's", 'ok'] }] };
    expect(render('sqlite', { kind: 'enum', enumId: 'e1' }, {}, undefined, more).sql).toBe(`text CHECK ("c" IN ('it''s', 'ok'))`);
    expect(render('sqlite', { kind: 'enum', enumId: 'e1' }, { arrayDims: 1 }, undefined, more).sql).toBe('json');
    const domains = { domains: [{ id: 'd1', name: 'qty', type: scalar('integer'), nullable: false, default: { kind: 'literal' as const, value: 1 }, checks: [] }] };
    expect(render('sqlite', { kind: 'domain', domainId: 'd1' }, {}, undefined, domains)).toEqual({ sql: 'integer NOT NULL DEFAULT 1', codes: ['sqlite.domain-inlined'] });
  });

  it('defaults: literals, parenthesised expressions, CURRENT_*, and a UUID from randomblob()', () => {
    expect(render('sqlite', scalar('boolean'), { default: { kind: 'literal', value: true } }).sql).toBe('boolean DEFAULT 1');
    expect(render('sqlite', scalar('text'), { default: { kind: 'literal', value: "O'Reilly \\ x" } }).sql).toBe("text DEFAULT 'O''Reilly \\ x'");
    expect(render('sqlite', scalar('integer'), { default: { kind: 'expression', sql: 'id * 2' } }).sql).toBe('integer DEFAULT (id * 2)');
    expect(render('sqlite', scalar('timestamp'), { default: { kind: 'builtin', name: 'current_timestamp' } }).sql).toBe('timestamp DEFAULT CURRENT_TIMESTAMP');
    expect(render('sqlite', scalar('uuid'), { default: { kind: 'builtin', name: 'uuid' } }).sql).toMatch(/^text DEFAULT \(lower\(hex\(randomblob\(4\)\)/);
  });

  it('generated columns stored or virtual, built-in collations, other collations left out with a diagnostic', () => {
    expect(render('sqlite', scalar('integer'), { generated: { expression: 'a + b', stored: false } }).sql).toBe('integer GENERATED ALWAYS AS (a + b) VIRTUAL');
    expect(render('sqlite', scalar('text'), { collation: 'nocase' }).sql).toBe('text COLLATE NOCASE');
    expect(render('sqlite', scalar('text'), { collation: 'utf8mb4_0900_ai_ci' })).toEqual({ sql: 'text COLLATE NOCASE', codes: ['sqlite.collation-approximated'] });
    expect(render('sqlite', scalar('text'), { collation: 'de-x-icu' })).toEqual({ sql: 'text', codes: ['sqlite.collation-dropped'] });
  });
});

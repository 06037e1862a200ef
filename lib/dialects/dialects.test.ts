/** Capability flags per target: the data every generator and the editor read. */
import { describe, expect, it } from 'vitest';
import { DIALECTS, spelledTypeName } from './dialects';
import { MYSQL_TARGETS } from './mysql';
import { POSTGRES_TARGETS } from './postgres';
import { SQLITE_TARGETS, sqliteStrictType } from './sqlite';

describe('dialect capabilities', () => {
  it.each([
    ['postgres-13', false],
    ['postgres-14', false],
    ['postgres-15', true],
    ['postgres-16', true],
    ['postgres-17', true],
  ] as const)('%s: NULLS NOT DISTINCT %s', (target, nnd) => {
    const caps = DIALECTS.postgres.capabilities(target);
    expect(caps.nullsNotDistinct).toBe(nnd);
    expect(caps.label).toBe(`PostgreSQL ${target.slice(9)}`);
    expect([...caps.indexMethods].sort()).toEqual(['brin', 'btree', 'gin', 'gist', 'hash', 'spgist']);
  });

  it.each([
    // target, functional indexes, UUID type, literal defaults on TEXT/JSON, LIST DEFAULT partition, CHECK on AUTO_INCREMENT
    ['mysql-8.0', true, false, false, false, false],
    ['mysql-8.4', true, false, false, false, false],
    ['mariadb-10.11', false, true, true, true, false],
  ] as const)('%s', (target, expressionIndexes, uuid, literalLob, listDefault, checkAi) => {
    const caps = DIALECTS.mysql.capabilities(target);
    expect({ expressionIndexes: caps.expressionIndexes, literalDefaultsOnLobs: caps.literalDefaultsOnLobs, listDefaultPartition: caps.listDefaultPartition, checksOnAutoIncrement: caps.checksOnAutoIncrement }).toEqual({
      expressionIndexes,
      literalDefaultsOnLobs: literalLob,
      listDefaultPartition: listDefault,
      checksOnAutoIncrement: checkAi,
    });
    expect(DIALECTS.mysql.mapType({ kind: 'scalar', name: 'uuid' }, caps).sql).toBe(uuid ? 'uuid' : 'char(36)');
    expect([...caps.indexMethods].sort()).toEqual(['btree', 'fulltext', 'hash', 'spatial']);
  });

  it('lists exactly the targets of the DdlOptions contract, with the documented defaults', () => {
    expect(POSTGRES_TARGETS).toEqual(['postgres-13', 'postgres-14', 'postgres-15', 'postgres-16', 'postgres-17']);
    expect(MYSQL_TARGETS).toEqual(['mysql-8.0', 'mysql-8.4', 'mariadb-10.11']);
    expect(DIALECTS.postgres.defaultTarget).toBe('postgres-16');
    expect(DIALECTS.mysql.defaultTarget).toBe('mysql-8.0');
  });

  it('limits: 63 bytes vs 64 characters; MySQL rejects trailing spaces and non-BMP characters', () => {
    expect(DIALECTS.postgres.identifierLimit).toEqual({ max: 63, unit: 'bytes' });
    expect(DIALECTS.mysql.identifierLimit).toEqual({ max: 64, unit: 'characters' });
    expect(DIALECTS.mysql.invalidIdentifierReason('ok name')).toBeUndefined();
    expect(DIALECTS.mysql.invalidIdentifierReason('trailing ')).toMatch(/space/);
    expect(DIALECTS.mysql.invalidIdentifierReason('emoji 😀')).toMatch(/Basic Multilingual Plane/);
    expect(DIALECTS.postgres.invalidIdentifierReason('emoji 😀')).toBeUndefined();
  });

  it('reserved words include the usual suspects', () => {
    for (const w of ['user', 'order', 'select', 'from', 'group', 'table']) expect(DIALECTS.postgres.reservedWords.has(w), w).toBe(true);
    for (const w of ['order', 'select', 'from', 'group', 'key', 'range']) expect(DIALECTS.mysql.reservedWords.has(w), w).toBe(true);
    expect(DIALECTS.postgres.reservedWords.has('name')).toBe(false);
  });
});

describe('SQLite as data', () => {
  it.each([
    // target, ALTER TABLE DROP COLUMN, STRICT tables
    ['sqlite-3.31', false, false],
    ['sqlite-3.35', true, false],
    ['sqlite-3.37', true, true],
    ['sqlite-3.45', true, true],
  ] as const)('%s', (target, dropColumn, strict) => {
    const caps = DIALECTS.sqlite.capabilities(target);
    expect({ dropColumn: caps.dropColumn, strictTables: caps.strictTables }).toEqual({ dropColumn, strictTables: strict });
    expect(caps.label).toBe(`SQLite ${target.slice(7)}`);
    // Generated columns since 3.31, the oldest target; what SQLite never has, on every target.
    expect(caps.virtualGenerated).toBe(true);
    expect({ schemas: caps.schemas, domains: caps.domains, partitions: caps.partitionSyntax, alterAdd: caps.alterAddConstraint, sequences: caps.sequences, extensions: caps.extensions }).toEqual({
      schemas: 'none', domains: false, partitions: 'none', alterAdd: false, sequences: 'none', extensions: false,
    });
    expect([...caps.indexMethods]).toEqual(['btree']);
  });

  it('targets, default (the version @libsql/client embeds), limits and reserved names', () => {
    expect(SQLITE_TARGETS).toEqual(['sqlite-3.31', 'sqlite-3.35', 'sqlite-3.37', 'sqlite-3.45']);
    expect(DIALECTS.sqlite.defaultTarget).toBe('sqlite-3.45');
    expect(DIALECTS.sqlite.identifierLimit.max).toBeGreaterThanOrEqual(1_000_000);
    expect(DIALECTS.sqlite.invalidIdentifierReason('sqlite_stat1')).toMatch(/internal use/);
    expect(DIALECTS.sqlite.invalidIdentifierReason('my sqlite_table')).toBeUndefined();
    expect(DIALECTS.sqlite.quoteIdentifier('a"b')).toBe('"a""b"');
    expect(DIALECTS.sqlite.quoteString("it's \\")).toBe("'it''s \\'");
    for (const w of ['order', 'select', 'autoincrement', 'without', 'pragma', 'returning']) expect(DIALECTS.sqlite.reservedWords.has(w), w).toBe(true);
    expect(DIALECTS.sqlite.reservedWords.size).toBe(147);
  });

  it('STRICT types follow the affinity rules, in their order', () => {
    const cases: [string, string][] = [['INT', 'INT'], ['bigint', 'INTEGER'], ['point', 'INTEGER'], ['varchar(255)', 'TEXT'], ['clob', 'TEXT'], ['blob', 'BLOB'], ['', 'BLOB'], ['double precision', 'REAL'], ['floating', 'REAL'], ['decimal(10,2)', 'ANY'], ['datetime', 'ANY']];
    for (const [declared, strict] of cases) expect(sqliteStrictType(declared), declared).toBe(strict);
  });

  it('collations: the built-ins, and the nearest one for another dialect\'s', () => {
    const c = DIALECTS.sqlite.builtinCollations!;
    expect([c.nearest('nocase'), c.nearest('utf8mb4_general_ci'), c.nearest('utf8mb4_bin'), c.nearest('C'), c.nearest('de-x-icu')]).toEqual(['NOCASE', 'NOCASE', 'BINARY', 'BINARY', undefined]);
  });
});

describe('type spelling', () => {
  // The name shown for a logical type is the word the DDL writes for it.
  it.each(Object.values(DIALECTS).flatMap((spec) => Object.entries(spec.typeSpelling).map(([name, spelled]) => [spec.name, name, spelled] as const)))(
    '%s spells %s as %s, as its DDL does',
    (dialect, name, spelled) => {
      const spec = DIALECTS[dialect];
      const sql = spec.mapType({ kind: 'scalar', name: name as never }, spec.capabilities(spec.defaultTarget)).sql;
      expect(sql.startsWith(spelled)).toBe(true);
      expect(spelledTypeName(name as never, dialect)).toBe(spelled);
    },
  );

  it('keeps the logical name where the dialect has no other word', () => {
    expect(spelledTypeName('varchar', 'postgres')).toBe('varchar');
    expect(spelledTypeName('decimal', 'mysql')).toBe('decimal');
    expect(spelledTypeName('decimal', 'postgres')).toBe('numeric');
  });
});

/**
 * The other half of "severity follows the engine" (rejected-statements.engines.test.ts proves the
 * errors): the script of every warning's and note's case (lib/ddl/diagnostic-cases.test-support.ts)
 * applies on the engine, so no warning hides a statement the engine rejects. The few that cannot
 * apply here are listed with the reason (an extension the test engines lack, SQL written for the
 * other dialect, a target other than the engine's).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDdlStatements } from '../../ddl/generate-ddl';
import { severityOf } from '../../ddl/diagnostic-codes';
import { DIAGNOSTIC_CASES, loadCaseParsers } from '../../ddl/diagnostic-cases.test-support';
import { mariadbSession } from './mariadb';
import { pgliteSession } from './pg-engines';
import { requireServer } from './require-server';
import { applyStatements } from './sql-client';
import { sqliteSession } from './sqlite-engine';

beforeAll(loadCaseParsers);

/** Warnings whose case cannot apply on the test engines, and why (the warning says so to the user). */
const CANNOT_APPLY_HERE: Record<string, string> = {
  'postgres.requires-postgis': 'geometry needs the PostGIS extension, which PGlite and the test server lack (the warning says so)',
  'postgres.spatial-as-gist': 'a GiST index on a geometry column needs PostGIS',
  'expression.cross-dialect': 'the case copies a PostgreSQL nextval() default into MySQL verbatim: that is what the warning warns about',
  'extension.missing': 'an info by design (issue 13): the document uses pg_trgm without declaring it, so the script needs the extension installed first, as the dump it came from did; the engine test of extension inference proves each such case',
  'expression.syntax-unverified': 'the case is a check that does not parse: the MySQL grammar here is not authoritative, so it is a warning, and MariaDB rejects this one',
};

/** MySQL cases whose code MariaDB, the MySQL engine here, does not trigger. */
const NOT_ON_MARIADB: Record<string, string> = {
  'mysql.type-approximated': 'the case is a uuid column: MariaDB 10.11 has a native UUID type',
  'mysql.sequence-dropped': 'MariaDB 10.11 has sequences: the sequence is written (CREATE SEQUENCE), not left out',
  'mysql.sequence-default-dropped': 'MariaDB 10.11 has sequences: the shared sequence is written and its columns draw from it',
};

const mysqlUrl = requireServer('mysql');
const maria = mysqlUrl ? mariadbSession(mysqlUrl) : undefined;
const pglite = pgliteSession();
const sqlite = sqliteSession();
afterAll(async () => {
  await sqlite.close();
  await maria?.close();
  await pglite.close();
});

const cases = DIAGNOSTIC_CASES.filter(([code, dialect]) => severityOf(code, dialect) !== 'error' && !(code in CANNOT_APPLY_HERE));

describe('the script of every warning and note applies', () => {
  it('the lists of exceptions name only warnings and notes that have a case', () => {
    for (const code of [...Object.keys(CANNOT_APPLY_HERE), ...Object.keys(NOT_ON_MARIADB)]) {
      expect(DIAGNOSTIC_CASES.some(([c, dialect]) => c === code && severityOf(c, dialect) !== 'error'), code).toBe(true);
    }
  });

  it.each(cases.filter(([, dialect]) => dialect === 'postgres'))('PGlite: %s', async (code, dialect, make, options) => {
    const run = generateDdlStatements(make(), dialect, options);
    expect(run.diagnostics.some((d) => d.code === code)).toBe(true);
    await applyStatements(await pglite.fresh(), run.statements);
  });

  it.each(cases.filter(([, dialect]) => dialect === 'sqlite'))('SQLite: %s', async (code, dialect, make, options) => {
    const run = generateDdlStatements(make(), dialect, options);
    expect(run.diagnostics.some((d) => d.code === code)).toBe(true);
    await applyStatements(await sqlite.fresh(), run.statements);
  });

  // MariaDB is the MySQL engine here: a case written for a MySQL 8 target is run for MariaDB 10.11.
  it.skipIf(!maria).each(cases.filter(([code, dialect, , options]) => dialect === 'mysql' && !options?.target?.startsWith('mysql-') && !(code in NOT_ON_MARIADB)))('MariaDB: %s', async (code, dialect, make, options) => {
    const run = generateDdlStatements(make(), dialect, { ...options, target: 'mariadb-10.11' });
    expect(run.diagnostics.some((d) => d.code === code)).toBe(true);
    await applyStatements(await maria!.fresh(), run.statements);
  });
});

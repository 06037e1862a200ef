/**
 * Every error-level DDL diagnostic is one the engine really rejects, and the script with that
 * statement commented out applies: table-driven over the code table (lib/ddl/diagnostic-codes.ts), so
 * an error code without a proof here fails the first test.
 *
 * For each (code, dialect) whose severity there is `error`: a small document that triggers it; the
 * generated script applies whole (the rejected statement is commented out); and the statement the
 * generator would have written, run uncommented after the statements before it, is rejected by the
 * engine with the expected message. PostgreSQL on PGlite (always) and the server (DATABASE_URL_PG);
 * MySQL on MariaDB 10.11 (DATABASE_URL_MYSQL).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DdlOptions } from '../../ddl/generate-ddl';
import { generateDdlStatements } from '../../ddl/generate-ddl';
import { DDL_DIAGNOSTIC_CODES, dialectsOf, severityOf } from '../../ddl/diagnostic-codes';
import { documentOf, makeColumn, makeIndex, makeRelationship, makeTable, scalar } from '../../model/build';
import type { Column, Dialect, Index, SchemaDocument, Table } from '../../model/document';
import { sequentialIds } from '../../model/ids';
import { loadDocument } from '../../model/migrate';
import { loadSqlParsers } from '../../sql-parse/load';
import { mariadbSession } from './mariadb';
import { pgliteSession, pgServerSession, type EngineSession } from './pg-engines';
import { requireServer } from './require-server';
import { applyStatements, type SqlClient } from './sql-client';
import { sqliteSession } from './sqlite-engine';

const ids = sequentialIds();
const col = (name: string, extra: Partial<Column> = {}): Column => makeColumn({ name, type: scalar('integer'), nullable: true, ...extra }, ids);
const ix = (name: string, column: Column, extra: Partial<Index> = {}): Index => makeIndex({ name, parts: [{ kind: 'column', columnId: column.id }], ...extra }, ids);

/** A table with an integer primary key `id` and the given extra columns. */
function table(name: string, columns: Column[] = [], extra: Partial<Table> = {}): Table {
  const id = col('id', { nullable: false });
  return makeTable({ name, columns: [id, ...columns], primaryKey: { columnIds: [id.id] }, ...extra }, ids);
}
const one = (t: Table, more: Parameters<typeof documentOf>[0] = {}) => documentOf({ tables: [t], ...more });

/** `child.parent_ref` -> `parent.<key>`; `key` picks the referenced column (default: the primary key). */
function reference(parent: Table, child: Table, ref: Column, to = parent.columns[0], extra: Record<string, unknown> = {}) {
  return makeRelationship({ fromTableId: child.id, toTableId: parent.id, columnPairs: [{ fromColumnId: ref.id, toColumnId: to.id }], ...extra }, ids);
}

function parentChild(extra: Record<string, unknown> = {}, refExtra: Partial<Column> = {}) {
  const parent = table('parent');
  const ref = col('parent_id', refExtra);
  const child = table('child', [ref]);
  return { parent, child, doc: documentOf({ tables: [parent, child], relationships: [reference(parent, child, ref, parent.columns[0], extra)] }) };
}

function partitioned(strategy: 'range' | 'list' | 'hash', partitions: NonNullable<Table['partitioning']>['partitions'], keyInPk = true): { doc: SchemaDocument; t: Table } {
  const k = col('k', { nullable: false });
  const id = col('id', { nullable: false });
  const t = makeTable({ name: 'p', columns: [id, k], primaryKey: { columnIds: keyInPk ? [id.id, k.id] : [id.id] }, partitioning: { strategy, key: [{ kind: 'column', columnId: k.id }], partitions } }, ids);
  return { doc: one(t), t };
}

const withParsers: DdlOptions = {};
beforeAll(async () => {
  withParsers.sqlParsers = await loadSqlParsers();
});

interface Proof {
  code: string;
  dialect: Dialect;
  make: () => SchemaDocument;
  options?: () => DdlOptions;
  /** What the engine answers the uncommented statement with. */
  rejected: RegExp;
}

/** A schema name of its own per run: MySQL databases are server-wide (schema-qualified output creates one). */
const ownDatabase = `nr_sales_${process.pid}_${Date.now().toString(36)}`;

const PROOFS: Proof[] = [
  // SQLite (the embedded engine, always)
  { code: 'name.invalid', dialect: 'sqlite', make: () => one(table('sqlite_things')), rejected: /reserved for internal use/ },
  { code: 'sqlite.table-without-columns', dialect: 'sqlite', make: () => one(makeTable({ name: 'empty' }, ids)), rejected: /syntax error|incomplete input/ },
  // PostgreSQL (PGlite, and the server when DATABASE_URL_PG is set)
  { code: 'expression.syntax', dialect: 'postgres', make: () => one(table('t', [], { checks: [{ id: ids('k'), expression: 'id > > 0' }] })), options: () => withParsers, rejected: /syntax error/ },
  { code: 'expression.unknown-column', dialect: 'postgres', make: () => one(table('t', [], { checks: [{ id: ids('k'), expression: 'quantity > 0' }] })), options: () => withParsers, rejected: /column "quantity" does not exist/ },
  { code: 'expression.ambiguous-column', dialect: 'postgres', make: () => documentOf({ tables: [table('a', [col('n')]), table('b', [col('n')])], views: [{ id: ids('v'), name: 'v', dialect: 'postgres', materialized: false, sql: 'SELECT n FROM a, b' }] }), options: () => withParsers, rejected: /column reference "n" is ambiguous/ },
  { code: 'name.duplicate', dialect: 'postgres', make: () => documentOf({ tables: [table('same'), table('same')] }), rejected: /already exists/ },
  { code: 'column.identity-type', dialect: 'postgres', make: () => one(table('t', [col('g', { type: scalar('text'), nullable: false, identity: { always: true } })])), rejected: /identity column type must be smallint, integer, or bigint/ },
  { code: 'enum.duplicate-value', dialect: 'postgres', make: () => one(table('t'), { enums: [{ id: ids('e'), name: 'e', values: ['a', 'a'] }] }), rejected: /duplicate key value|already exists/ },
  { code: 'postgres.enum-label-too-long', dialect: 'postgres', make: () => one(table('t'), { enums: [{ id: ids('e'), name: 'e', values: ['é'.repeat(32)] }] }), rejected: /invalid enum label|63 bytes/ },
  {
    code: 'fk.parent-key-not-unique',
    dialect: 'postgres',
    make: () => {
      const parent = table('parent', [col('code')]);
      const ref = col('parent_code');
      const child = table('child', [ref]);
      return documentOf({ tables: [parent, child], relationships: [reference(parent, child, ref, parent.columns[1])] });
    },
    rejected: /no unique constraint matching given keys/,
  },
  { code: 'postgres.unique-method', dialect: 'postgres', make: () => { const c = col('c'); return one(table('t', [c], { indexes: [ix('h', c, { method: 'hash', unique: true })] })); }, rejected: /does not support unique indexes/ },
  { code: 'partition.key-not-in-unique', dialect: 'postgres', make: () => partitioned('hash', [], false).doc, rejected: /must include all partitioning columns/ },
  { code: 'partition.bound-mismatch', dialect: 'postgres', make: () => partitioned('hash', [{ id: ids('pp'), name: 'p_1', bound: { kind: 'list', values: ['1'] } }]).doc, rejected: /invalid bound specification/ },
  {
    code: 'sequence.invalid',
    dialect: 'postgres',
    // MINVALUE above MAXVALUE: the sequence is rejected, and the table whose default draws from it with it.
    make: () => {
      const seq = { id: ids('s'), name: 'ticket_no', dataType: 'bigint' as const, min: 10, max: 5 };
      return one(table('t', [col('n', { type: scalar('bigint'), default: { kind: 'sequence', sequenceId: seq.id } })]), { sequences: [seq] });
    },
    rejected: /MINVALUE \(10\) must be less than MAXVALUE \(5\)/,
  },
  {
    code: 'dependency.commented-out',
    dialect: 'postgres',
    // The enum is rejected (label over 63 bytes): the table typed with it, and its index, need it.
    make: () => {
      const e = { id: ids('e'), name: 'mood', values: ['é'.repeat(32)] };
      const c = col('m', { type: { kind: 'enum', enumId: e.id } });
      return one(table('t', [c], { indexes: [ix('t_m', c)] }), { enums: [e] });
    },
    rejected: /type "mood" does not exist|relation "t" does not exist/,
  },

  // MySQL output, on MariaDB 10.11
  { code: 'expression.syntax', dialect: 'mysql', make: () => one(table('t', [], { checks: [{ id: ids('k'), expression: 'id > > 0' }] })), options: () => withParsers, rejected: /syntax/ },
  { code: 'expression.unknown-column', dialect: 'mysql', make: () => documentOf({ dialect: 'mysql', tables: [table('t', [], { checks: [{ id: ids('k'), expression: 'quantity > 0' }] })] }), options: () => withParsers, rejected: /Unknown column 'quantity'/ },
  {
    code: 'mysql.foreign-key-type-mismatch',
    dialect: 'mysql',
    make: () => {
      const parent = makeTable({ name: 'parent', columns: [col('id', { type: scalar('bigint'), nullable: false })] }, ids);
      parent.primaryKey = { columnIds: [parent.columns[0].id] };
      const ref = col('parent_id');
      const child = table('child', [ref]);
      return documentOf({ tables: [parent, child], relationships: [reference(parent, child, ref)] });
    },
    rejected: /errno: 150|incorrectly formed/,
  },
  { code: 'name.too-long', dialect: 'mysql', make: () => one(table('x'.repeat(65))), rejected: /too long|Incorrect table name/i },
  { code: 'name.invalid', dialect: 'mysql', make: () => one(table('rocket 🚀')), rejected: /Invalid utf8|Incorrect table name/ },
  { code: 'expression.ambiguous-column', dialect: 'mysql', make: () => documentOf({ dialect: 'mysql', tables: [table('a', [col('n')]), table('b', [col('n')])], views: [{ id: ids('v'), name: 'v', dialect: 'mysql', materialized: false, sql: 'SELECT n FROM a, b' }] }), options: () => withParsers, rejected: /Column 'n' in (field list|SELECT) is ambiguous/ },
  { code: 'name.duplicate', dialect: 'mysql', make: () => documentOf({ tables: [table('same'), table('same')] }), rejected: /already exists/ },
  { code: 'mysql.table-file-name-too-long', dialect: 'mysql', make: () => one(table('表'.repeat(60))), rejected: /Incorrect table name|too long|errno: 36/i },
  { code: 'column.identity-type', dialect: 'mysql', make: () => one(table('t', [col('g', { type: scalar('text'), nullable: false, identity: { always: true } })])), rejected: /Incorrect column specifier/ },
  {
    code: 'enum.duplicate-value',
    dialect: 'mysql',
    make: () => {
      const e = { id: ids('e'), name: 'e', values: ['a', 'A'] };
      return one(table('t', [col('v', { type: { kind: 'enum', enumId: e.id } })]), { enums: [e] });
    },
    rejected: /duplicated value/,
  },
  {
    code: 'mysql.auto-increment-multiple',
    dialect: 'mysql',
    make: () => {
      const a = col('a', { nullable: false, identity: { always: false } });
      const b = col('b', { nullable: false, identity: { always: false } });
      return one(makeTable({ name: 't', columns: [a, b], primaryKey: { columnIds: [a.id] } }, ids));
    },
    rejected: /only one auto column/,
  },
  { code: 'mysql.auto-increment-not-key', dialect: 'mysql', make: () => one(table('t', [col('n', { nullable: false, identity: { always: false } })])), rejected: /auto column.*key/ },
  { code: 'mysql.table-without-columns', dialect: 'mysql', make: () => one(makeTable({ name: 'empty' }, ids)), rejected: /syntax/ },
  { code: 'fk.set-null-on-not-null', dialect: 'mysql', make: () => parentChild({ onDelete: 'set null' }, { nullable: false }).doc, rejected: /errno: 150|incorrectly formed/ },
  {
    code: 'mysql.foreign-key-collation-mismatch',
    dialect: 'mysql',
    make: () => {
      const code = col('code', { type: scalar('varchar', { length: 9 }), nullable: false });
      const parent = makeTable({ name: 'parent', columns: [code], primaryKey: { columnIds: [code.id] }, options: { mysql: { collation: 'utf8mb4_bin' } } }, ids);
      const ref = col('parent_code', { type: scalar('varchar', { length: 9 }) });
      const child = table('child', [ref]);
      return documentOf({ tables: [parent, child], relationships: [reference(parent, child, ref, code)] });
    },
    rejected: /errno: 150|incorrectly formed/,
  },
  {
    code: 'mysql.cross-database-reference',
    dialect: 'mysql',
    make: () => {
      const { doc, child } = parentChild();
      doc.schemas.s1 = { id: 's1', name: ownDatabase };
      doc.tables[child.id].schemaId = 's1';
      return doc;
    },
    // dropFirst: the database is the server's, shared by the two applies of the case.
    options: () => ({ schemaQualified: true, dropFirst: true }),
    rejected: /errno: 150|incorrectly formed|doesn't exist/,
  },
  {
    code: 'mysql.foreign-key-parent-index',
    dialect: 'mysql',
    make: () => {
      const parent = table('parent', [col('code')]);
      const ref = col('parent_code');
      const child = table('child', [ref]);
      return documentOf({ tables: [parent, child], relationships: [reference(parent, child, ref, parent.columns[1])] });
    },
    rejected: /errno: 150|incorrectly formed|Missing index/,
  },
  {
    code: 'partition.key-not-in-unique',
    dialect: 'mysql',
    make: () => {
      const { doc, t } = partitioned('hash', []);
      t.indexes.push(ix('u', t.columns[0], { unique: true }));
      return doc;
    },
    rejected: /must include all columns in the table's partitioning function/,
  },
  { code: 'partition.bound-mismatch', dialect: 'mysql', make: () => partitioned('hash', [{ id: ids('pp'), name: 'p_1', bound: { kind: 'list', values: ['1'] } }]).doc, rejected: /VALUES IN|LIST PARTITIONING|partition/i },
  {
    code: 'dependency.commented-out',
    dialect: 'mysql',
    // The table is rejected (AUTO_INCREMENT column that leads no key): its index needs it.
    make: () => {
      const c = col('c');
      return one(table('t', [col('n', { nullable: false, identity: { always: false } }), c], { indexes: [ix('t_c', c)] }));
    },
    rejected: /doesn't exist/,
  },
];

/** The (code, dialect) pairs the code table says are errors that take a statement out of the script. */
function errorsToProve(): [string, Dialect][] {
  const out: [string, Dialect][] = [];
  for (const [code, info] of Object.entries(DDL_DIAGNOSTIC_CODES)) {
    if (info.rejects === 'document') continue;
    for (const dialect of dialectsOf(code)) if (severityOf(code, dialect) === 'error') out.push([code, dialect]);
  }
  return out;
}

describe('every error-level DDL diagnostic has an engine proof', () => {
  it('each (code, dialect) whose severity is error has a case here, and each error says what it rejects', () => {
    const proven = new Set(PROOFS.map((p) => `${p.code} ${p.dialect}`));
    expect(errorsToProve().filter(([code, dialect]) => !proven.has(`${code} ${dialect}`))).toEqual([]);
    expect(errorsToProve().filter(([code]) => !DDL_DIAGNOSTIC_CODES[code].rejects)).toEqual([]);
    // No proof for something that is not an error (a downgraded code keeps no stale case).
    expect(PROOFS.filter((p) => severityOf(p.code, p.dialect) !== 'error').map((p) => `${p.code} ${p.dialect}`)).toEqual([]);
  });

  it('document.invalid: nothing is generated, and the load gate refuses such a document before any output', () => {
    const { doc, child } = parentChild();
    Object.values(doc.relationships)[0].toTableId = 'missing';
    const run = generateDdlStatements(doc, 'postgres');
    expect(run.statements).toEqual([]);
    expect(run.diagnostics.map((d) => d.code)).toContain('document.invalid');
    expect(loadDocument(JSON.parse(JSON.stringify(doc))).ok).toBe(false);
    expect(child.name).toBe('child');
  });
});

interface Engine {
  name: string;
  dialect: Dialect;
  session: EngineSession | undefined;
}

const pgUrl = requireServer('pg');
const mysqlUrl = requireServer('mysql');
const ENGINES: Engine[] = [
  { name: 'PGlite', dialect: 'postgres', session: pgliteSession() },
  { name: 'PostgreSQL server', dialect: 'postgres', session: pgUrl ? pgServerSession(pgUrl) : undefined },
  { name: 'MariaDB', dialect: 'mysql', session: mysqlUrl ? mariadbSession(mysqlUrl) : undefined },
  { name: 'SQLite', dialect: 'sqlite', session: sqliteSession() },
];
afterAll(async () => {
  for (const e of ENGINES) await e.session?.close();
  if (mysqlUrl) {
    // The schema-qualified case created a database of its own on the server.
    const db = await mariadbSession(mysqlUrl).fresh().catch(() => undefined);
    await db?.query(`DROP DATABASE IF EXISTS \`${ownDatabase}\``);
  }
});

async function expectRejected(client: SqlClient, statement: string, rejected: RegExp): Promise<void> {
  let error: unknown;
  try {
    await client.query(statement);
  } catch (e) {
    error = e;
  }
  expect(error, `the engine accepted:\n${statement}`).toBeDefined();
  expect(String(error instanceof Error ? error.message : error)).toMatch(rejected);
}

for (const engine of ENGINES) {
  describe.skipIf(!engine.session)(`${engine.name}: the statement an error rejects fails uncommented, and the script applies`, () => {
    const cases = PROOFS.filter((p) => p.dialect === engine.dialect);
    it.each(cases.map((p) => [p.code, p] as const))('%s', async (code, proof) => {
      const options: DdlOptions = { ...(proof.options?.() ?? {}), ...(engine.dialect === 'mysql' ? { target: 'mariadb-10.11' } : {}) };
      const run = generateDdlStatements(proof.make(), engine.dialect, options);
      const hits = run.commented.filter((c) => c.diagnostics.some((d) => d.code === code));
      expect(hits.length, `no statement commented out for ${code}: ${JSON.stringify(run.diagnostics.map((d) => d.code))}`).toBeGreaterThan(0);
      // The script as written applies: the rejected statement is a comment.
      await applyStatements(await engine.session!.fresh(), run.statements);
      // Uncommented, after the statements before it, the engine rejects it.
      for (const hit of hits) {
        const db = await engine.session!.fresh();
        await applyStatements(db, run.statements.slice(0, hit.index));
        await expectRejected(db, hit.sql, proof.rejected);
      }
    }, 60_000);
  });
}

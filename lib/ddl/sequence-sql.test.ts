/**
 * Extensions and sequences in the generated DDL: where each statement goes, when a column is written
 * `serial` (only when that creates exactly what the document says) and pg_dump's shape otherwise,
 * and what MySQL makes of them. The engine tests (lib/server/testing) prove the catalogs.
 */
import { describe, expect, it } from 'vitest';
import { documentOf, makeColumn, makeTable, scalar } from '../model/build';
import type { Column, SchemaDocument, Sequence, Table } from '../model/document';
import { generateDdlStatements } from './generate-ddl';

const noIds = (p: string): string => {
  throw new Error(`give an id (${p})`);
};

function serialTable(name: string, seq: Partial<Sequence> = {}, column: Partial<Column> = {}): { table: Table; sequence: Sequence } {
  const id = makeColumn({ id: `c_${name}_id`, name: 'id', type: scalar('integer'), nullable: false, default: { kind: 'sequence', sequenceId: `q_${name}` }, ...column }, noIds);
  const table = makeTable({ id: `t_${name}`, name, columns: [id], primaryKey: { columnIds: [id.id] } }, noIds);
  const sequence: Sequence = { id: `q_${name}`, name: `${name}_id_seq`, dataType: 'integer', ownedBy: { tableId: table.id, columnId: id.id }, ...seq };
  return { table, sequence };
}

function pg(doc: SchemaDocument, options = {}) {
  return generateDdlStatements(doc, 'postgres', options);
}

describe('PostgreSQL: extensions and sequences', () => {
  it('a column owning a plain sequence named as PostgreSQL names it is written serial / bigserial / smallserial', () => {
    const a = serialTable('a');
    const b = serialTable('b', { dataType: 'bigint' }, { type: scalar('bigint') });
    const c = serialTable('c', { dataType: 'smallint' }, { type: scalar('smallint') });
    const run = pg(documentOf({ tables: [a.table, b.table, c.table], sequences: [a.sequence, b.sequence, c.sequence] }));
    expect(run.statements.filter((s) => /SEQUENCE/.test(s))).toEqual([]);
    expect(run.statements[0]).toContain('"id" serial NOT NULL');
    expect(run.statements[1]).toContain('"id" bigserial NOT NULL');
    expect(run.statements[2]).toContain('"id" smallserial NOT NULL');
    expect(run.diagnostics).toEqual([]);
  });

  it.each([
    ['an option', { start: 100 }, {}],
    ['another name', { name: 'ids' }, {}],
    ['a comment', { comment: 'ids' }, {}],
    ['another data type', { dataType: 'bigint' as const }, {}],
    ['a nullable column', {}, { nullable: true }],
  ] as [string, Partial<Sequence>, Partial<Column>][])('otherwise pg_dump\'s shape: CREATE SEQUENCE before, DEFAULT nextval, OWNED BY after the tables (%s)', (_why, seq, column) => {
    const a = serialTable('a', seq, column);
    if (column.nullable) a.table.primaryKey = undefined;
    const statements = pg(documentOf({ tables: [a.table], sequences: [a.sequence] })).statements;
    const name = a.sequence.name;
    expect(statements[0]).toMatch(new RegExp(`^CREATE SEQUENCE "${name}"`));
    expect(statements.find((s) => s.startsWith('CREATE TABLE'))).toContain(`"id" integer${column.nullable ? '' : ' NOT NULL'} DEFAULT nextval('"${name}"'::regclass)`);
    expect(statements.at(-1)).toBe(`ALTER SEQUENCE "${name}" OWNED BY "a"."id"`);
  });

  it('writes every option, and a shared sequence once, before the tables that use it', () => {
    const shared: Sequence = { id: 'q', name: 'shared', schemaId: 's', dataType: 'smallint', start: -5, increment: -1, min: -100, max: -1, cache: 20, cycle: true, comment: "it's shared" };
    const t1 = makeTable({ id: 't1', name: 't1', columns: [makeColumn({ id: 'c1', name: 'n', type: scalar('integer'), default: { kind: 'sequence', sequenceId: 'q' } }, noIds)] }, noIds);
    const t2 = makeTable({ id: 't2', name: 't2', schemaId: 's', columns: [makeColumn({ id: 'c2', name: 'n', type: scalar('bigint'), default: { kind: 'sequence', sequenceId: 'q' } }, noIds)] }, noIds);
    const { statements, diagnostics } = pg(documentOf({ schemas: [{ id: 's', name: 'App' }], tables: [t1, t2], sequences: [shared] }));
    expect(statements.slice(0, 3)).toEqual([
      'CREATE SCHEMA IF NOT EXISTS "App"',
      'CREATE SEQUENCE "App"."shared" AS smallint START WITH -5 INCREMENT BY -1 MINVALUE -100 MAXVALUE -1 CACHE 20 CYCLE',
      `COMMENT ON SEQUENCE "App"."shared" IS 'it''s shared'`,
    ]);
    expect(statements.filter((s) => s.includes(`nextval('"App"."shared"'::regclass)`))).toHaveLength(2);
    expect(diagnostics).toEqual([]);
  });

  it('extensions come first after the schemas, quoted, with schema, version and comment; dropFirst drops sequences, not extensions', () => {
    const a = serialTable('a', { start: 10 });
    const doc = documentOf({
      schemas: [{ id: 's', name: 'ext' }],
      extensions: [{ id: 'x1', name: 'uuid-ossp', schemaId: 's', version: '1.1' }, { id: 'x2', name: 'pg_trgm', comment: 'trigrams' }],
      tables: [a.table],
      sequences: [a.sequence],
    });
    expect(pg(doc).statements.slice(0, 5)).toEqual([
      'CREATE SCHEMA IF NOT EXISTS "ext"',
      `CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA "ext" VERSION '1.1'`,
      'CREATE EXTENSION IF NOT EXISTS "pg_trgm"',
      `COMMENT ON EXTENSION "pg_trgm" IS 'trigrams'`,
      'CREATE SEQUENCE "a_id_seq" AS integer START WITH 10',
    ]);
    const drops = pg(doc, { dropFirst: true }).statements;
    expect(drops.slice(0, 2)).toEqual(['DROP TABLE IF EXISTS "a" CASCADE', 'DROP SEQUENCE IF EXISTS "a_id_seq" CASCADE']);
    expect(drops.some((s) => s.startsWith('DROP EXTENSION'))).toBe(false);
  });

  it('a sequence name taken by another relation of its schema is a duplicate', () => {
    const a = serialTable('a', { name: 'a' });
    expect(pg(documentOf({ tables: [a.table], sequences: [a.sequence] })).diagnostics.map((d) => d.code)).toContain('name.duplicate');
  });

  it('says which undeclared extension the document needs, and nothing once it is declared', () => {
    const name = makeColumn({ id: 'c_n', name: 'code', type: scalar('text', { native: { postgres: 'citext' } }), default: { kind: 'expression', sql: 'uuid_generate_v4()::text' } }, noIds);
    const t = makeTable({ id: 't', name: 't', columns: [name], indexes: [{ id: 'i', parts: [{ kind: 'column', columnId: 'c_n', opclass: 'gin_trgm_ops' }], unique: false, method: 'gin' }] }, noIds);
    const missing = (doc: SchemaDocument) => pg(doc).diagnostics.filter((d) => d.code === 'extension.missing').map((d) => d.message.match(/needs the extension "([^"]+)"/)?.[1]);
    const doc = documentOf({ tables: [t] });
    expect(missing(doc)).toEqual(['citext', 'uuid-ossp', 'pg_trgm']);
    doc.extensions = { x1: { id: 'x1', name: 'citext' }, x2: { id: 'x2', name: 'uuid-ossp' }, x3: { id: 'x3', name: 'pg_trgm' } };
    expect(missing(doc)).toEqual([]);
    // Declared, never inferred into the script: what is written is what the document declares.
    expect(pg(documentOf({ tables: [t] })).statements.some((s) => s.startsWith('CREATE EXTENSION'))).toBe(false);
  });
});

describe('MySQL: sequences become AUTO_INCREMENT where a column owns one', () => {
  it('an owned sequence on an integer key column: AUTO_INCREMENT, its start the table AUTO_INCREMENT, lost options reported', () => {
    const a = serialTable('a', { start: 1000, cache: 10 });
    const { statements, diagnostics } = generateDdlStatements(documentOf({ tables: [a.table], sequences: [a.sequence] }), 'mysql', { target: 'mariadb-10.11' });
    expect(statements[0]).toContain('`id` int NOT NULL AUTO_INCREMENT');
    expect(statements[0]).toContain('AUTO_INCREMENT=1000');
    expect(diagnostics.map((d) => d.code)).toEqual(['mysql.sequence-options-dropped']);
  });

  it('a sequence nobody owns, with one user (pg_dump without OWNED BY): that column is AUTO_INCREMENT too', () => {
    const a = serialTable('a');
    delete a.sequence.ownedBy;
    const { statements, diagnostics } = generateDdlStatements(documentOf({ tables: [a.table], sequences: [a.sequence] }), 'mysql');
    expect(statements[0]).toContain('`id` int NOT NULL AUTO_INCREMENT');
    expect(diagnostics).toEqual([]);
  });

  it('a shared sequence: the defaults are left out and the sequence reported', () => {
    const a = serialTable('a');
    const other = makeColumn({ id: 'c_other', name: 'other_id', type: scalar('integer'), default: { kind: 'sequence', sequenceId: 'q_a' } }, noIds);
    a.table.columns.push(other);
    const { diagnostics } = generateDdlStatements(documentOf({ tables: [a.table], sequences: [a.sequence] }), 'mysql');
    expect(diagnostics.map((d) => d.code)).toEqual(['mysql.sequence-default-dropped']);
  });
});

describe('MariaDB: standalone sequences are CREATE SEQUENCE, owned ones stay AUTO_INCREMENT', () => {
  const maria = (doc: SchemaDocument, options = {}) => generateDdlStatements(doc, 'mysql', { target: 'mariadb-10.11', ...options });

  it('a shared sequence: CREATE SEQUENCE before the tables (bounds of a smaller type written out), columns default to nextval', () => {
    const a = serialTable('a');
    delete a.sequence.ownedBy;
    const other = makeColumn({ id: 'c_other', name: 'other_id', type: scalar('integer'), default: { kind: 'sequence', sequenceId: 'q_a' } }, noIds);
    a.table.columns.push(other);
    const { statements, diagnostics } = maria(documentOf({ tables: [a.table], sequences: [{ ...a.sequence, start: 10, cycle: true, comment: "it's shared" }] }));
    expect(statements[0]).toBe("CREATE SEQUENCE `a_id_seq` START WITH 10 MINVALUE 1 MAXVALUE 2147483647 CYCLE COMMENT 'it''s shared'");
    expect(statements[1]).toContain('`id` int NOT NULL DEFAULT nextval(`a_id_seq`)');
    expect(statements[1]).toContain('`other_id` int DEFAULT nextval(`a_id_seq`)');
    expect(diagnostics).toEqual([]);
  });

  it('a bigint sequence nobody uses: only the options it sets; dropFirst drops it', () => {
    const doc = documentOf({ sequences: [{ id: 'q1', name: 'tickets', dataType: 'bigint', increment: 5 }] });
    expect(maria(doc).statements).toEqual(['CREATE SEQUENCE `tickets` INCREMENT BY 5']);
    expect(maria(doc, { dropFirst: true }).statements).toEqual(['DROP SEQUENCE IF EXISTS `tickets`', 'CREATE SEQUENCE `tickets` INCREMENT BY 5']);
  });

  it('an owned sequence is still the AUTO_INCREMENT of its column (no CREATE SEQUENCE)', () => {
    const a = serialTable('a', { start: 1000 });
    const { statements } = maria(documentOf({ tables: [a.table], sequences: [a.sequence] }));
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain('`id` int NOT NULL AUTO_INCREMENT');
  });

  it('MySQL 8 has none: the same shared sequence is left out, with its defaults', () => {
    const doc = documentOf({ sequences: [{ id: 'q1', name: 'tickets', dataType: 'bigint' }] });
    expect(generateDdlStatements(doc, 'mysql', { target: 'mysql-8.4' }).diagnostics.map((d) => d.code)).toEqual(['mysql.sequence-dropped']);
  });
});

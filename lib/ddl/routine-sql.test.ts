import { describe, expect, it } from 'vitest';
import { documentOf, makeColumn, makeTable, scalar } from '../model/build';
import type { Routine } from '../model/document';
import { sequentialIds } from '../model/ids';
import { loadDocument } from '../model/migrate';
import { applyCommand } from '../model/commands/apply';
import { generateDdl, generateDdlStatements } from './generate-ddl';
import { delimitedStatement } from './routine-sql';

const ids = sequentialIds();
const customer = makeTable({ name: 'customer', columns: [makeColumn({ name: 'id', type: scalar('integer'), nullable: false }, ids)] }, ids);
const pg = (id: string, kind: Routine['kind'], name: string, sql: string, extra: Partial<Routine> = {}): Routine => ({ id, kind, name, dialect: 'postgres', sql, ...extra });

const PG_ROUTINES = [
  pg('r1', 'trigger', 'touch', 'CREATE TRIGGER touch BEFORE UPDATE ON customer FOR EACH ROW EXECUTE FUNCTION touch()', { tableId: customer.id }),
  pg('r2', 'function', 'touch', 'CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$'),
  pg('r3', 'function', 'report', 'CREATE FUNCTION report() RETURNS SETOF public.customer LANGUAGE sql AS $$ SELECT * FROM customer $$'),
  pg('r4', 'aggregate', 'agg', 'CREATE AGGREGATE agg(integer) (SFUNC = report_step, STYPE = integer)'),
  pg('r5', 'function', 'std', 'CREATE FUNCTION std() RETURNS integer LANGUAGE sql BEGIN ATOMIC SELECT count(*) FROM customer; END'),
];

describe('routines in the DDL', () => {
  it('PostgreSQL: check_function_bodies off, functions before the tables unless their signature needs one, triggers last', () => {
    const doc = documentOf({ tables: [customer], routines: PG_ROUTINES });
    const { statements, diagnostics } = generateDdlStatements(doc, 'postgres');
    const at = (prefix: string) => statements.findIndex((s) => s.startsWith(prefix));
    expect(at('SET check_function_bodies = false')).toBe(0);
    expect(at('CREATE FUNCTION touch')).toBeLessThan(at('CREATE TABLE'));
    expect(at('CREATE AGGREGATE agg')).toBeLessThan(at('CREATE TABLE'));
    // RETURNS SETOF customer needs the table's row type; a BEGIN ATOMIC body is analysed when created.
    expect(at('CREATE FUNCTION report')).toBeGreaterThan(at('CREATE TABLE'));
    expect(at('CREATE FUNCTION std')).toBeGreaterThan(at('CREATE TABLE'));
    expect(at('CREATE TRIGGER touch')).toBe(statements.length - 1);
    expect(statements.filter((s) => PG_ROUTINES.some((r) => r.sql === s))).toHaveLength(5);
    expect(diagnostics.filter((d) => d.code.startsWith('routine'))).toEqual([]);
  });

  it('writes no session setting when there are no routines (outputs without routines are unchanged)', () => {
    expect(generateDdl(documentOf({ tables: [customer] }), 'postgres').sql).not.toContain('check_function_bodies');
  });

  it('MySQL: bodies with semicolons in DELIMITER blocks in the script, plain in the statement list', () => {
    const body = 'CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND';
    const doc = documentOf({ dialect: 'mysql', tables: [customer], routines: [{ id: 'm1', kind: 'procedure', name: 'p', dialect: 'mysql', sql: body }, { id: 'm2', kind: 'function', name: 'f', dialect: 'mysql', sql: 'CREATE FUNCTION f() RETURNS INT RETURN 1' }] });
    const run = generateDdlStatements(doc, 'mysql');
    expect(run.statements).toContain(body);
    const { sql } = generateDdl(doc, 'mysql');
    expect(sql).toContain(`DELIMITER ;;\n${body};;\nDELIMITER ;\n\nCREATE FUNCTION f() RETURNS INT RETURN 1;\n\nCREATE TABLE`);
  });

  it('a body holding ;; gets another delimiter', () => {
    expect(delimitedStatement("CREATE PROCEDURE p() BEGIN SELECT ';;'; END")).toBe("DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT ';;'; END$$\nDELIMITER ;");
  });

  it("another dialect's routines are commented out, with one info diagnostic", () => {
    const doc = documentOf({ tables: [customer], routines: PG_ROUTINES });
    const run = generateDdlStatements(doc, 'mysql');
    const commented = run.statements.filter((s) => s.includes('touch()'));
    expect(commented.length).toBe(2);
    for (const s of commented) expect(s.split('\n').every((l) => l.startsWith('-- '))).toBe(true);
    expect(run.diagnostics.filter((d) => d.code === 'routine.other-dialect').map((d) => d.severity)).toEqual(['info']);
    expect(run.commented).toEqual([]);
  });
});

describe('routines in the document', () => {
  const base = () => JSON.parse(JSON.stringify(documentOf({ tables: [customer] })));
  it('are optional and validated: a trigger needs an existing table, others have none', () => {
    expect(loadDocument(base()).ok).toBe(true);
    const doc = base();
    doc.routines = { r1: pg('r1', 'trigger', 't', 'CREATE TRIGGER t ...'), r2: pg('r2', 'function', 'f', 'CREATE FUNCTION f ...', { tableId: customer.id }), r3: pg('r3', 'trigger', 'u', 'CREATE TRIGGER u ...', { tableId: 'nope' }) };
    const r = loadDocument(doc);
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['routines.r1.tableId', 'routines.r2.tableId', 'routines.r3.tableId']);
  });
  it('a trigger goes with its table when the table is removed', () => {
    const doc = documentOf({ tables: [customer], routines: [PG_ROUTINES[0], PG_ROUTINES[1]] });
    const result = applyCommand(doc, { type: 'table.remove', tableId: customer.id });
    expect(Object.keys(result.doc.routines ?? {})).toEqual(['r2']);
    expect(result.changes.map((c) => c.message)).toContain('trigger "touch" removed: table "customer" was removed');
  });
  it('are capped in number and text size', () => {
    const doc = base();
    doc.routines = { r1: { ...pg('r1', 'function', 'f', 'x'.repeat(1_000_001)) } };
    expect(loadDocument(doc).ok).toBe(false);
    doc.routines = Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [`r${i}`, pg(`r${i}`, 'function', `f${i}`, 'CREATE FUNCTION f() ...')]));
    const r = loadDocument(doc);
    expect(r.ok ? '' : r.issues[0].message).toMatch(/10,001 routines/);
  });
});

import { describe, expect, it } from 'vitest';
import { detectTransforms, phaseScript, planExpandContract, type ColumnTransform } from './expand-contract';
import { edit, versions } from './expand-contract.test-support';

describe('expand/contract phases', () => {
  it('finds renames and type changes from the ids, with casts both ways on PostgreSQL', async () => {
    const v = await versions();
    const found = detectTransforms(v.v1, v.renamedAndRetyped, 'postgres');
    expect(found.map((t) => [t.kind, Object.values(t.forward)[0], Object.values(t.backward!)[0]])).toEqual([
      ['rename', '{email}', '{login}'],
      ['type', '{amount}::bigint', '{amount}::integer'],
    ]);
    expect(detectTransforms(v.v1, v.v1, 'postgres')).toEqual([]);
    // A widening is no breaking change.
    const email = v.v1.tables[v.tableId].columns.find((c) => c.name === 'email')!;
    const wider = edit(v.v1, { type: 'column.update', tableId: v.tableId, columnId: email.id, changes: { type: { kind: 'scalar', name: 'varchar', length: 200 } } });
    expect(detectTransforms(v.v1, wider, 'postgres')).toEqual([]);
    // MySQL converts on assignment: no casts.
    expect(Object.values(detectTransforms(v.v1, v.renamedAndRetyped, 'mysql')[1].forward)).toEqual(['{amount}']);
  });

  it('expand adds, dual-writes and backfills; switch is a note; contract drops; each phase linted', async () => {
    const v = await versions();
    const plan = planExpandContract(v.v1, v.renamedAndRetyped, 'postgres');
    const [expand, sw, contract] = plan.phases;
    expect(plan.phases.map((p) => p.name)).toEqual(['expand', 'switch', 'contract']);
    expect(expand.steps.map((s) => s.kind)).toEqual(['column.add', 'column.add', 'trigger.create', 'trigger.create', 'data.backfill', 'trigger.create', 'trigger.create', 'data.backfill']);
    expect(expand.steps.some((s) => s.destructive)).toBe(false);
    expect(expand.lint.findings).toEqual([]);
    expect(phaseScript(plan, expand)).toContain('ALTER TABLE "accounts" ADD COLUMN "amount_new" bigint;');
    expect(phaseScript(plan, expand)).toContain('CREATE TRIGGER "accounts_email_dual_write" BEFORE INSERT OR UPDATE ON "accounts"');
    expect(phaseScript(plan, expand)).toMatch(/UPDATE "accounts" SET "amount_new" = "amount"::bigint WHERE ctid IN \(SELECT ctid FROM "accounts" WHERE .* LIMIT 10000\)/);
    expect(sw.steps).toEqual([]);
    expect(phaseScript(plan, sw)).toContain('renames amount_new -> amount');
    const contractSql = phaseScript(plan, contract);
    expect(contractSql.indexOf('DROP TRIGGER')).toBeLessThan(contractSql.indexOf('DROP COLUMN "email"'));
    expect(contractSql.indexOf('DROP COLUMN "amount"')).toBeLessThan(contractSql.indexOf('RENAME COLUMN "amount_new" TO "amount"'));
    expect(contract.lint.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['drop-column', 'set-not-null']));
  });

  it('MySQL gets a note instead of a trigger, and UPDATE .. LIMIT batches', async () => {
    const v = await versions();
    const plan = planExpandContract(v.v1, v.renamedAndRetyped, 'mysql');
    const trigger = plan.phases[0].steps.filter((s) => s.kind === 'trigger.create');
    expect(trigger.every((s) => s.commented)).toBe(true);
    expect(plan.phases[0].steps.find((s) => s.kind === 'data.backfill')!.sql).toBe('UPDATE `accounts` SET `login` = `email` WHERE NOT (`login` <=> `email`) LIMIT 10000');
    expect(plan.phases[2].steps.some((s) => s.kind === 'trigger.drop')).toBe(false);
  });

  it('a merge with user expressions; a placeholder that names no column is a clear error', async () => {
    const v = await versions();
    const t = v.v1.tables[v.tableId];
    const col = (n: string) => t.columns.find((c) => c.name === n)!;
    const merged = { id: 'c_contact', name: 'contact', type: { kind: 'scalar' as const, name: 'text' as const }, nullable: true, default: { kind: 'none' as const } };
    const to = edit(v.v1, { type: 'column.remove', tableId: t.id, columnId: col('email').id }, { type: 'column.remove', tableId: t.id, columnId: col('full_name').id }, { type: 'column.add', tableId: t.id, column: merged });
    const merge: ColumnTransform = { kind: 'merge', tableId: t.id, from: [col('email').id, col('full_name').id], into: [merged.id], forward: { [merged.id]: "{full_name} || ' <' || {email} || '>'" } };
    const plan = planExpandContract(v.v1, to, 'postgres', { transforms: [merge] });
    expect(phaseScript(plan, plan.phases[0])).toContain(`NEW."contact" := NEW."full_name" || ' <' || NEW."email" || '>';`);
    expect(phaseScript(plan, plan.phases[2])).toMatch(/DROP COLUMN "email"[\s\S]*DROP COLUMN "full_name"/);
    expect(() => planExpandContract(v.v1, to, 'postgres', { transforms: [{ ...merge, forward: { [merged.id]: '{mail}' } }] })).toThrow(/names \{mail\}, which is not one of email, full_name/);
  });

  it('names are quoted and the trigger name is cut to the identifier limit', async () => {
    const v = await versions();
    const t = v.v1.tables[v.tableId];
    const long = `a"${'x'.repeat(80)}`;
    const v1 = edit(v.v1, { type: 'table.update', tableId: t.id, changes: { name: long } });
    const v2 = edit(v1, { type: 'column.update', tableId: t.id, columnId: t.columns[1].id, changes: { name: 'login' } });
    const sql = phaseScript(planExpandContract(v1, v2, 'postgres'), planExpandContract(v1, v2, 'postgres').phases[0]);
    const trigger = /CREATE TRIGGER ("(?:[^"]|"")*")/.exec(sql)![1];
    expect(trigger.slice(1, -1).replace(/""/g, '"').length).toBe(63);
    expect(sql).toContain('ON "a""xxx');
    // A name with a line break stays inside its comment.
    const v3 = edit(v.v1, { type: 'table.update', tableId: t.id, changes: { name: 'acc\nDROP TABLE x; --' } });
    const v4 = edit(v3, { type: 'column.update', tableId: t.id, columnId: t.columns[1].id, changes: { name: 'login' } });
    const p4 = planExpandContract(v3, v4, 'mysql');
    // (A line that goes on a quoted identifier is part of the name, not a statement.)
    for (const phase of p4.phases) expect(phaseScript(p4, phase).split('\n').filter((l) => l.startsWith('DROP TABLE') && !/^DROP TABLE x; --`/.test(l))).toEqual([]);
  });
});

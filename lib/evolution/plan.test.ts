import { describe, expect, it } from 'vitest';
import { generateDdlStatements } from '../ddl/generate-ddl';
import { applyCommand } from '../model/commands/apply';
import type { Command } from '../model/commands/types';
import type { SchemaDocument } from '../model/document';
import { kitchenSinkDocument } from '../model/fixtures/kitchen-sink';
import { executableStatements, migrationScript, planMigration } from './plan';

function edit(doc: SchemaDocument, ...commands: Command[]): SchemaDocument {
  return commands.reduce((d, c) => applyCommand(d, c).doc, doc);
}

const v1 = kitchenSinkDocument();
const customers = v1.tables.t_customers;
const email = customers.columns.find((c) => c.name === 'email')!;
const orders = v1.tables.t_orders;

describe('planMigration', () => {
  it('writes nothing between equal versions', () => {
    const plan = planMigration(v1, v1, 'postgres');
    expect(plan.up).toEqual([]);
    expect(plan.down).toEqual([]);
    expect(migrationScript(plan, plan.up)).toContain('Nothing to do');
  });

  it('renames as renames, in both dialects, and derived key names follow', () => {
    const v2 = edit(v1, { type: 'column.update', tableId: customers.id, columnId: email.id, changes: { name: 'login' } }, { type: 'table.update', tableId: 't_departments', changes: { name: 'teams' } });
    const pg = planMigration(v1, v2, 'postgres');
    const sql = executableStatements(pg.up).join('\n');
    expect(sql).toContain('ALTER TABLE "customers" RENAME COLUMN "email" TO "login"');
    expect(sql).toContain('ALTER TABLE "departments" RENAME TO "teams"');
    expect(sql).toContain('RENAME CONSTRAINT "customers_email_key" TO "customers_login_key"');
    expect(sql).not.toMatch(/DROP COLUMN|DROP TABLE/);
    expect(executableStatements(pg.down).join('\n')).toContain('RENAME COLUMN "login" TO "email"');
    const my = executableStatements(planMigration(v1, v2, 'mysql').up).join('\n');
    expect(my).toContain('ALTER TABLE `customers` RENAME COLUMN `email` TO `login`');
    expect(my).toContain('RENAME INDEX `customers_email_key` TO `customers_login_key`');
  });

  it('new objects are written exactly as generateDdl writes them', () => {
    const v2 = edit(v1, { type: 'table.add', table: { id: 't_new', name: 'audit', columns: [{ id: 'c_a', name: 'id', type: { kind: 'scalar', name: 'bigint' }, nullable: false, default: { kind: 'none' } }], primaryKey: { columnIds: ['c_a'] }, uniques: [], checks: [], indexes: [] } });
    const create = planMigration(v1, v2, 'postgres').up.find((s) => s.kind === 'table.create')!;
    expect(generateDdlStatements(v2, 'postgres').statements).toContain(create.sql);
  });

  it('CREATE INDEX CONCURRENTLY outside a transaction when asked, for tables that exist', () => {
    const v2 = edit(v1, { type: 'index.add', tableId: orders.id, index: { id: 'ix_n', parts: [{ kind: 'column', columnId: orders.columns[1].id }], unique: false } });
    const plan = planMigration(v1, v2, 'postgres', { concurrentIndexes: true });
    const step = plan.up.find((s) => s.kind === 'index.create')!;
    expect(step.sql).toMatch(/^CREATE INDEX CONCURRENTLY /);
    expect(step.transactional).toBe(false);
    // Built CONCURRENTLY, the index takes SHARE UPDATE EXCLUSIVE (reads and writes go on), not SHARE.
    expect(step.lock).toMatchObject({ lock: 'SHARE UPDATE EXCLUSIVE', blocks: 'nothing' });
    expect(planMigration(v1, v2, 'postgres').up.find((s) => s.kind === 'index.create')!.lock).toMatchObject({ lock: 'SHARE', blocks: 'writes' });
    const script = migrationScript(plan, plan.up);
    expect(script).toContain('Runs outside a transaction block');
    expect(script.indexOf('CREATE INDEX CONCURRENTLY')).toBeLessThan(script.lastIndexOf('COMMIT;') === -1 ? Infinity : script.length);
    expect(planMigration(v1, v2, 'postgres').up.find((s) => s.kind === 'index.create')!.sql).toMatch(/^CREATE INDEX "/);
  });

  it('type changes: USING where PostgreSQL has no implicit cast, MODIFY COLUMN on MySQL', () => {
    const status = orders.columns.find((c) => c.name === 'status')!;
    const v2 = edit(v1, { type: 'column.update', tableId: orders.id, columnId: status.id, changes: { type: { kind: 'scalar', name: 'varchar', length: 20 } } });
    const pg = planMigration(v1, v2, 'postgres').up.find((s) => s.kind === 'column.type')!;
    expect(pg.sql).toBe('ALTER TABLE "sales"."orders" ALTER COLUMN "status" TYPE varchar(20) USING "status"::text::varchar(20)');
    const my = planMigration(v1, v2, 'mysql').up.find((s) => s.kind === 'column.type')!;
    expect(my.sql).toMatch(/^ALTER TABLE `orders` MODIFY COLUMN `status` varchar\(20\) NOT NULL DEFAULT 'pending'$/);
  });

  it('enums: ADD VALUE when values are only added, a rebuild when one is removed; the down script marks what it loses', () => {
    const e = Object.values(v1.enums).find((x) => x.name === 'customer_tier')!;
    const added = edit(v1, { type: 'enum.update', enumId: e.id, changes: { values: [...e.values, 'vip'] } });
    const plan = planMigration(v1, added, 'postgres');
    expect(plan.up.map((s) => s.sql)).toEqual([`ALTER TYPE "customer_tier" ADD VALUE 'vip' AFTER 'enterprise'`]);
    expect(plan.up[0].transactional).toBe(false);
    const rebuild = plan.down.filter((s) => s.kind === 'enum.rebuild');
    expect(rebuild[0].sql).toBe('ALTER TYPE "customer_tier" RENAME TO "customer_tier__old"');
    expect(plan.down.some((s) => s.destructive && /'vip'/.test(s.loses ?? ''))).toBe(true);
    expect(migrationScript(plan, plan.down, { direction: 'down' })).toContain('-- LOSES DATA:');
  });

  it('drops lose data and say so; views reading a changed table are dropped first and recreated after', () => {
    const tier = customers.columns.find((c) => c.name === 'tier')!;
    const v2 = edit(v1, { type: 'column.remove', tableId: customers.id, columnId: customers.columns.find((c) => c.name === 'signup_date')!.id }, { type: 'column.update', tableId: customers.id, columnId: tier.id, changes: { comment: 'plan' } });
    const plan = planMigration(v1, v2, 'postgres');
    const kinds = plan.up.map((s) => s.kind);
    const drop = plan.up.find((s) => s.kind === 'column.drop')!;
    expect(drop).toMatchObject({ destructive: true, loses: 'the values of "customers.signup_date"' });
    expect(kinds.indexOf('view.drop')).toBeLessThan(kinds.indexOf('column.drop'));
    expect(kinds.lastIndexOf('view.create')).toBeGreaterThan(kinds.indexOf('column.drop'));
    expect(plan.up.some((s) => s.sql === `COMMENT ON COLUMN "customers"."tier" IS 'plan'`)).toBe(true);
  });

  it('never refuses: what the target cannot do is a commented-out step with its reason', () => {
    const v2 = edit(v1, { type: 'table.update', tableId: 't_events', changes: { partitioning: { strategy: 'hash', key: [{ kind: 'column', columnId: v1.tables.t_events.columns[0].id }], partitions: [] } } });
    const step = planMigration(v1, v2, 'postgres').up.find((s) => s.kind === 'partitioning.change')!;
    expect(step.commented).toMatch(/cannot change a table's partitioning in place/);
    expect(step.sql.split('\n').every((l) => l.startsWith('--'))).toBe(true);
  });
});

/** Each migration lint rule triggered, and not triggered by the safe form of the same change. */
import { describe, expect, it } from 'vitest';
import { documentOf, makeColumn, makeTable, scalar } from '../../model/build';
import { applyCommand } from '../../model/commands/apply';
import type { Command } from '../../model/commands/types';
import type { Dialect, SchemaDocument } from '../../model/document';
import { planMigration } from '../plan';
import type { MigrationOptions } from '../types';
import { formatLintText, lintMigration, lintSteps } from './lint';
import { MIGRATION_RULES } from './rules';

function base(): SchemaDocument {
  const orders = makeTable({
    id: 't_orders',
    name: 'orders',
    columns: [
      makeColumn({ id: 'c_id', name: 'id', type: scalar('bigint'), nullable: false }),
      makeColumn({ id: 'c_status', name: 'status', type: scalar('text') }),
      makeColumn({ id: 'c_note', name: 'note', type: scalar('varchar', { length: 10 }) }),
      makeColumn({ id: 'c_qty', name: 'qty', type: scalar('integer') }),
      makeColumn({ id: 'c_state', name: 'state', type: { kind: 'enum', enumId: 'e_state' } }),
    ],
    primaryKey: { columnIds: ['c_id'] },
    volume: { rows: 2_000_000, growthPerMonth: 100_000 },
  });
  const customers = makeTable({ id: 't_customers', name: 'customers', columns: [makeColumn({ id: 'c_cid', name: 'id', type: scalar('bigint'), nullable: false })], primaryKey: { columnIds: ['c_cid'] } });
  return documentOf({ tables: [orders, customers], enums: [{ id: 'e_state', name: 'state', values: ['new', 'done', 'void'] }] });
}

const newTable = (extra: Partial<Parameters<typeof makeTable>[0]> = {}): Command => ({
  type: 'table.add',
  table: makeTable({ id: 't_new', name: 'fresh', columns: [makeColumn({ id: 'c_n', name: 'n', type: scalar('integer'), nullable: false }), makeColumn({ id: 'c_ref', name: 'ref', type: scalar('bigint') })], primaryKey: { columnIds: ['c_n'] }, ...extra }),
});

function rulesFired(commands: Command[], dialect: Dialect = 'postgres', options: MigrationOptions = {}): string[] {
  const v1 = base();
  const v2 = commands.reduce((d, c) => applyCommand(d, c).doc, v1);
  return [...new Set(lintMigration(planMigration(v1, v2, dialect, options), v1).findings.map((f) => f.rule))];
}

const fk = (fromTableId: string, fromColumnId: string): Command => ({ type: 'relationship.add', relationship: { id: 'r_new', fromTableId, toTableId: 't_customers', columnPairs: [{ fromColumnId, toColumnId: 'c_cid' }], onDelete: 'no action', onUpdate: 'no action', enforced: true } });
const addColumn = (column: Parameters<typeof makeColumn>[0], tableId = 't_orders'): Command => ({ type: 'column.add', tableId, column: makeColumn(column) });

const CASES: Record<string, { fires: () => string[]; quiet: () => string[] }> = {
  'not-null-column-without-default': {
    fires: () => rulesFired([addColumn({ id: 'c_x', name: 'x', type: scalar('integer'), nullable: false })]),
    quiet: () => rulesFired([addColumn({ id: 'c_x', name: 'x', type: scalar('integer'), nullable: false, default: { kind: 'literal', value: 0 } }), newTable()]),
  },
  'set-not-null': {
    fires: () => rulesFired([{ type: 'column.update', tableId: 't_orders', columnId: 'c_status', changes: { nullable: false } }]),
    quiet: () => rulesFired([newTable(), { type: 'column.update', tableId: 't_new', columnId: 'c_ref', changes: { nullable: false } }]),
  },
  'foreign-key-without-not-valid': {
    fires: () => rulesFired([addColumn({ id: 'c_cust', name: 'customer_id', type: scalar('bigint') }), fk('t_orders', 'c_cust')], 'postgres', { concurrentIndexes: true }),
    quiet: () => rulesFired([newTable(), fk('t_new', 'c_ref')], 'postgres', { concurrentIndexes: true }),
  },
  'unique-constraint-without-index': {
    fires: () => rulesFired([{ type: 'unique.add', tableId: 't_orders', unique: { id: 'u_note', columnIds: ['c_note'] } }]),
    quiet: () => rulesFired([newTable({ uniques: [{ id: 'u_ref', columnIds: ['c_ref'] }] })]),
  },
  'index-not-concurrent': {
    fires: () => rulesFired([{ type: 'index.add', tableId: 't_orders', index: { id: 'i_q', parts: [{ kind: 'column', columnId: 'c_qty' }], unique: false } }]),
    quiet: () => rulesFired([{ type: 'index.add', tableId: 't_orders', index: { id: 'i_q', parts: [{ kind: 'column', columnId: 'c_qty' }], unique: false } }], 'postgres', { concurrentIndexes: true }),
  },
  'rewriting-type-change': {
    fires: () => rulesFired([{ type: 'column.update', tableId: 't_orders', columnId: 'c_qty', changes: { type: scalar('text') } }]),
    quiet: () => rulesFired([{ type: 'column.update', tableId: 't_orders', columnId: 'c_note', changes: { type: scalar('varchar', { length: 20 }) } }]),
  },
  'volatile-default': {
    fires: () => rulesFired([addColumn({ id: 'c_u', name: 'token', type: scalar('uuid'), default: { kind: 'expression', sql: 'gen_random_uuid()' } })]),
    quiet: () => rulesFired([addColumn({ id: 'c_u', name: 'token', type: scalar('text'), default: { kind: 'literal', value: 'x' } })]),
  },
  'drop-column': {
    fires: () => rulesFired([{ type: 'column.remove', tableId: 't_orders', columnId: 'c_note' }]),
    quiet: () => rulesFired([{ type: 'column.update', tableId: 't_orders', columnId: 'c_note', changes: { comment: 'kept' } }]),
  },
  'drop-table': {
    fires: () => rulesFired([{ type: 'table.remove', tableId: 't_customers' }]),
    quiet: () => rulesFired([newTable()]),
  },
  rename: {
    fires: () => rulesFired([{ type: 'column.update', tableId: 't_orders', columnId: 'c_note', changes: { name: 'remark' } }]),
    quiet: () => rulesFired([{ type: 'table.update', tableId: 't_orders', changes: { comment: 'no rename' } }]),
  },
  'enum-value-removal': {
    fires: () => rulesFired([{ type: 'enum.update', enumId: 'e_state', changes: { values: ['new', 'done'] } }]),
    quiet: () => rulesFired([{ type: 'enum.update', enumId: 'e_state', changes: { values: ['new', 'done', 'void', 'held'] } }]),
  },
  'mysql-online-ddl': {
    fires: () => rulesFired([addColumn({ id: 'c_x', name: 'x', type: scalar('integer') })], 'mysql'),
    quiet: () => rulesFired([addColumn({ id: 'c_x', name: 'x', type: scalar('integer') })], 'postgres'),
  },
};

describe('migration lint rules', () => {
  it('every rule has a case here', () => {
    expect(Object.keys(CASES).sort()).toEqual(MIGRATION_RULES.map((r) => r.id).sort());
  });

  for (const [id, c] of Object.entries(CASES)) {
    it(`${id}: triggered, and not by the safe form`, () => {
      expect(c.fires()).toContain(id);
      expect(c.quiet()).not.toContain(id);
    });
  }

  it('enum value removal on MySQL (a MODIFY COLUMN that copies the table)', () => {
    expect(rulesFired([{ type: 'enum.update', enumId: 'e_state', changes: { values: ['new', 'done'] } }], 'mysql')).toContain('enum-value-removal');
  });

  it('says how long the lock could last at the declared volume, with the throughput assumed, and both dialects\' locks', () => {
    const v1 = base();
    const v2 = applyCommand(v1, { type: 'column.update', tableId: 't_orders', columnId: 'c_qty', changes: { type: scalar('text') } }).doc;
    const plan = planMigration(v1, v2, 'postgres');
    const finding = lintMigration(plan, v1).findings.find((f) => f.rule === 'rewriting-type-change')!;
    expect(finding.estimate?.now).toMatchObject({ rows: 2_000_000, seconds: 20, assumption: 'a table rewrite at 100,000 rows/s' });
    expect(finding.estimate?.in5y?.rows).toBe(8_000_000);
    expect(finding.locks.postgres.lock).toBe('ACCESS EXCLUSIVE');
    expect(finding.locks.mysql.online ?? finding.locks.mysql.lock).toMatch(/COPY|INPLACE|INSTANT/);
    const text = formatLintText(lintSteps(plan, plan.up, v1), 'up.sql');
    expect(text).toContain('up.sql:step 1: warning: rewriting-type-change:');
    expect(text).toContain('lock time: ~20 s at 2,000,000 rows now; ~80 s at 8,000,000 rows in 5 years (assumed: a table rewrite at 100,000 rows/s)');
    expect(text).toContain('see: squawk: changing-column-type; Atlas: PG301');
  });
});

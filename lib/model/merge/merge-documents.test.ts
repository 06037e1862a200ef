/**
 * The three-way document merge on the cases a user meets: two tabs edit different tables, different
 * fields of one column, the same field (a conflict, both values shown, either side chosen), one removes
 * what the other changed, both add, a column order changed on one side while the other adds a column,
 * and combinations that are only wrong together (a name used twice, a reference to a removed column).
 */
import { describe, expect, it } from 'vitest';
import { applyCommand, type Command } from '../commands/apply';
import { commandsFixture } from '../commands/test-fixture';
import { makeColumn, makeIndex, makeTable, scalar } from '../build';
import type { SchemaDocument } from '../document';
import { mergeDocuments } from './merge-documents';

function run(doc: SchemaDocument, ...commands: Command[]): SchemaDocument {
  return commands.reduce((d, c) => applyCommand(d, c).doc, doc);
}

const base = commandsFixture();

describe('mergeDocuments', () => {
  it('keeps both sides when they edit different tables', () => {
    const mine = run(base, { type: 'table.update', tableId: 't_users', changes: { name: 'members' } });
    const theirs = run(base, { type: 'column.update', tableId: 't_orders', columnId: 'c_orders_total', changes: { nullable: true } });
    const m = mergeDocuments(base, mine, theirs);
    expect(m.conflicts).toEqual([]);
    expect(m.blocked).toBe(false);
    expect(m.document?.tables.t_users.name).toBe('members');
    expect(m.document?.tables.t_orders.columns.find((c) => c.id === 'c_orders_total')?.nullable).toBe(true);
  });

  it('keeps both sides when they edit different fields of one column', () => {
    const mine = run(base, { type: 'column.update', tableId: 't_users', columnId: 'c_users_name', changes: { comment: 'Display name' } });
    const theirs = run(base, { type: 'column.update', tableId: 't_users', columnId: 'c_users_name', changes: { name: 'full_name' } });
    const m = mergeDocuments(base, mine, theirs);
    expect(m.conflicts).toEqual([]);
    const col = m.document?.tables.t_users.columns.find((c) => c.id === 'c_users_name');
    expect(col).toMatchObject({ name: 'full_name', comment: 'Display name' });
  });

  it('reports the same field changed twice per element, with both values, and takes the chosen side', () => {
    const mine = run(base, { type: 'column.update', tableId: 't_orders', columnId: 'c_orders_total', changes: { name: 'amount' } });
    const theirs = run(base, { type: 'column.update', tableId: 't_orders', columnId: 'c_orders_total', changes: { name: 'grand_total' } });
    const m = mergeDocuments(base, mine, theirs);
    expect(m.conflicts).toEqual([
      expect.objectContaining({ kind: 'both-changed', element: 'table "orders" › column "amount"', field: 'name', base: 'total', mine: 'amount', theirs: 'grand_total', resolvable: true, resolution: 'mine' }),
    ]);
    expect(m.blocked).toBe(false);
    const col = (d: SchemaDocument | undefined) => d?.tables.t_orders.columns.find((c) => c.id === 'c_orders_total')?.name;
    expect(col(m.document)).toBe('amount');
    expect(col(mergeDocuments(base, mine, theirs, { [m.conflicts[0].id]: 'theirs' }).document)).toBe('grand_total');
  });

  it('sequences and extensions merge field by field; an OWNED BY is taken whole; a sequence name used twice is a clash', () => {
    const mine = run(base, { type: 'sequence.update', sequenceId: 'q_invoice', changes: { cache: 20, ownedBy: { tableId: 't_users', columnId: 'c_users_id' } } }, { type: 'extension.update', extensionId: 'x_trgm', changes: { version: '1.6' } });
    const theirs = run(base, { type: 'sequence.update', sequenceId: 'q_invoice', changes: { cycle: true, ownedBy: { tableId: 't_orders', columnId: 'c_orders_id' } } });
    const m = mergeDocuments(base, mine, theirs);
    expect(m.conflicts.map((c) => [c.element, c.field])).toEqual([['sequence "invoice_no_seq"', 'ownedBy']]);
    expect(m.document?.sequences.q_invoice).toMatchObject({ cache: 20, cycle: true, ownedBy: { tableId: 't_users', columnId: 'c_users_id' } });
    expect(m.document?.extensions.x_trgm.version).toBe('1.6');
    const clash = mergeDocuments(base, run(base, { type: 'sequence.add', sequence: { id: 'q_a', name: 'ids', dataType: 'bigint' } }), run(base, { type: 'view.add', view: { id: 'v_ids', name: 'ids', sql: 'SELECT 1', dialect: 'postgres', materialized: false } }));
    expect(clash.blocked).toBe(true);
    expect(clash.conflicts.map((c) => c.message)).toEqual(['a sequence named "ids" already exists in the default schema', 'a view named "ids" already exists in the default schema']);
  });

  it('a table removed on one side and changed on the other is a conflict, whichever side removed it', () => {
    const removed = run(base, { type: 'table.remove', tableId: 't_users' });
    const changed = run(base, { type: 'table.update', tableId: 't_users', changes: { comment: 'People who order' } });
    const a = mergeDocuments(base, removed, changed);
    expect(a.conflicts).toEqual([expect.objectContaining({ kind: 'mine-removed', element: 'table "users"', field: undefined, mine: undefined })]);
    expect(a.conflicts[0].theirs).toMatchObject({ id: 't_users', comment: 'People who order' });
    expect(a.document?.tables.t_users).toBeUndefined();
    const keep = mergeDocuments(base, removed, changed, { [a.conflicts[0].id]: 'theirs' });
    // Keeping their table is a valid document: the relationships mine removed with it stay removed.
    expect(keep.document?.tables.t_users.comment).toBe('People who order');

    const b = mergeDocuments(base, changed, removed);
    expect(b.conflicts).toEqual([expect.objectContaining({ kind: 'theirs-removed', element: 'table "users"', theirs: undefined })]);
    expect(b.document?.tables.t_users.comment).toBe('People who order');
  });

  it('removal on one side of something the other left alone is simply taken', () => {
    const mine = run(base, { type: 'index.remove', tableId: 't_users', indexId: 'i_users_name' });
    const theirs = run(base, { type: 'table.update', tableId: 't_orders', changes: { comment: 'x' } });
    const m = mergeDocuments(base, mine, theirs);
    expect(m.conflicts).toEqual([]);
    expect(m.document?.tables.t_users.indexes.map((i) => i.id)).not.toContain('i_users_name');
    expect(m.document?.tables.t_orders.comment).toBe('x');
  });

  it('adds from both sides are kept, mine first, and a column moved on one side keeps the other side\'s new column', () => {
    const mine = run(
      base,
      { type: 'column.move', tableId: 't_users', columnId: 'c_users_name', toIndex: 0 },
      { type: 'table.add', table: makeTable({ id: 't_m', name: 'mine_table' }) },
    );
    const theirs = run(
      base,
      { type: 'column.add', tableId: 't_users', column: makeColumn({ id: 'c_new', name: 'phone', type: scalar('text') }), index: 2 },
      { type: 'table.add', table: makeTable({ id: 't_t', name: 'their_table' }) },
    );
    const m = mergeDocuments(base, mine, theirs);
    expect(m.conflicts).toEqual([]);
    expect(m.document?.tables.t_users.columns.map((c) => c.name)).toEqual(['name', 'id', 'email', 'phone', 'manager_id']);
    expect(Object.keys(m.document!.tables).slice(-2)).toEqual(['t_m', 't_t']);
  });

  it('both reordering the same columns differently is an order conflict shown by names', () => {
    const mine = run(base, { type: 'column.move', tableId: 't_users', columnId: 'c_users_name', toIndex: 0 });
    const theirs = run(base, { type: 'column.move', tableId: 't_users', columnId: 'c_users_email', toIndex: 3 });
    const m = mergeDocuments(base, mine, theirs);
    expect(m.conflicts).toEqual([
      expect.objectContaining({ element: 'table "users"', field: 'order of columns', mine: ['name', 'id', 'email', 'manager_id'], theirs: ['id', 'name', 'manager_id', 'email'] }),
    ]);
  });

  it('a table position is merged whole; its colour separately', () => {
    const mine = run(base, { type: 'layout.moveTables', positions: { t_users: { x: 500, y: 10 } } });
    const theirs = run(base, { type: 'layout.setTableColor', tableId: 't_users', color: '#ff0000' });
    expect(mergeDocuments(base, mine, theirs).document?.layout.tables.t_users).toEqual({ x: 500, y: 10, color: '#ff0000' });
    const theirsMoved = run(base, { type: 'layout.moveTables', positions: { t_users: { x: 500, y: 999 } } });
    const m = mergeDocuments(base, mine, theirsMoved);
    expect(m.conflicts).toEqual([expect.objectContaining({ element: 'table "users" on the canvas', field: 'position', mine: { x: 500, y: 10 }, theirs: { x: 500, y: 999 } })]);
  });

  it('two new tables with one name are a blocking name clash, named per element', () => {
    const mine = run(base, { type: 'table.add', table: makeTable({ id: 't_m', name: 'invoices' }) });
    const theirs = run(base, { type: 'table.add', table: makeTable({ id: 't_t', name: 'invoices' }) });
    const m = mergeDocuments(base, mine, theirs);
    expect(m.blocked).toBe(true);
    expect(m.conflicts.map((c) => [c.kind, c.element, c.resolvable])).toContainEqual(['name-clash', 'table "invoices"', false]);
    expect(m.conflicts[0].message).toMatch(/a table named "invoices" already exists/);
  });

  it('an index on a column the other side removed is reported, not merged into a broken document', () => {
    const mine = run(base, { type: 'column.remove', tableId: 't_users', columnId: 'c_users_manager_id' });
    const theirs = run(base, {
      type: 'index.add',
      tableId: 't_users',
      index: makeIndex({ id: 'i_mgr', name: 'ix_users_manager', parts: [{ kind: 'column', columnId: 'c_users_manager_id' }] }),
    });
    const m = mergeDocuments(base, mine, theirs);
    expect(m.blocked).toBe(true);
    expect(m.document).toBeUndefined();
    expect(m.conflicts).toContainEqual(expect.objectContaining({ kind: 'invalid', element: 'table "users" › index "ix_users_manager"', resolvable: false }));
  });

  it('an unchanged side gives the other side exactly', () => {
    const theirs = run(base, { type: 'table.update', tableId: 't_users', changes: { name: 'members' } }, { type: 'column.move', tableId: 't_orders', columnId: 'c_orders_total', toIndex: 0 });
    expect(mergeDocuments(base, base, theirs).document).toStrictEqual(theirs);
    expect(mergeDocuments(base, theirs, base).document).toStrictEqual(theirs);
  });
});

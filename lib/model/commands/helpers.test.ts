/** The plan-making helpers the canvas calls: each returns a Command that must apply cleanly. */
import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../empty';
import { sequentialIds } from '../ids';
import { applyAndCheck } from './apply-and-check';
import { CommandError } from './errors';
import { addTableCommand } from './helpers/add-table';
import { connectColumnsCommand } from './helpers/connect-columns';
import { manyToManyCommand } from './helpers/many-to-many';
import { pasteTablesCommand } from './helpers/paste-tables';
import { removeTablesPlan } from './helpers/remove-tables';
import { commandsFixture } from './test-fixture';

describe('addTableCommand', () => {
  it('makes table_N with a bigint identity primary key, skipping taken names', () => {
    const ids = sequentialIds();
    let doc = emptyDocument();
    doc = applyAndCheck(doc, addTableCommand(doc, { ids, position: { x: 1, y: 2 } })).doc;
    // Occupy table_3 so the third table must skip it.
    doc = applyAndCheck(doc, addTableCommand(doc, { ids, name: 'table_3' })).doc;
    doc = applyAndCheck(doc, addTableCommand(doc, { ids })).doc;
    expect(Object.values(doc.tables).map((t) => t.name)).toEqual(['table_1', 'table_3', 'table_4']);
    const first = Object.values(doc.tables)[0];
    expect(first).toEqual({
      id: 'tbl_2', name: 'table_1', uniques: [], checks: [], indexes: [],
      columns: [{ id: 'col_1', name: 'id', type: { kind: 'scalar', name: 'bigint' }, nullable: false, default: { kind: 'none' }, identity: { always: false } }],
      primaryKey: { columnIds: ['col_1'] },
    });
    expect(doc.layout.tables.tbl_2).toEqual({ x: 1, y: 2 });
  });

  it('makes a wanted name unique and uses BIGINT UNSIGNED for MySQL', () => {
    const doc = commandsFixture();
    const cmd = addTableCommand(doc, { name: 'users', dialect: 'mysql', ids: sequentialIds() });
    expect(cmd.table.name).toBe('users_2');
    expect(cmd.table.columns[0].type).toEqual({ kind: 'scalar', name: 'bigint', unsigned: true });
    applyAndCheck(doc, cmd);
  });
});

describe('connectColumnsCommand', () => {
  it('dragging from a FK column to a PK makes the relationship and aligns the FK type', () => {
    const doc = commandsFixture();
    // orders.user_id is integer, users.id bigint; drop the existing relationship first.
    const base = applyAndCheck(doc, { type: 'relationship.remove', relationshipId: 'r_orders_users' }).doc;
    const cmd = connectColumnsCommand(base, { fromTableId: 't_orders', fromColumnId: 'c_orders_user_id', toTableId: 't_users', toColumnId: 'c_users_id', ids: sequentialIds() });
    expect(cmd.label).toBe('Connect orders.user_id -> users.id');
    const after = applyAndCheck(base, cmd).doc;
    expect(after.tables.t_orders.columns[2].type).toEqual({ kind: 'scalar', name: 'bigint' });
    expect(after.relationships.rel_1).toEqual({
      id: 'rel_1', fromTableId: 't_orders', toTableId: 't_users', onDelete: 'no action', onUpdate: 'no action', enforced: true,
      columnPairs: [{ fromColumnId: 'c_orders_user_id', toColumnId: 'c_users_id' }],
    });
  });

  it('dragging from the PK to a plain column makes the plain column the child', () => {
    const doc = commandsFixture();
    const cmd = connectColumnsCommand(doc, { fromTableId: 't_products', fromColumnId: 'c_products_id', toTableId: 't_users', toColumnId: 'c_users_name', ids: sequentialIds() });
    const after = applyAndCheck(doc, cmd).doc;
    expect(after.relationships.rel_1).toMatchObject({ fromTableId: 't_users', toTableId: 't_products' });
    expect(after.tables.t_users.columns[2].type).toEqual({ kind: 'scalar', name: 'uuid' });
  });

  it('same types: only the relationship, no column change', () => {
    const base = applyAndCheck(commandsFixture(), { type: 'relationship.remove', relationshipId: 'r_items_products' }).doc;
    const cmd = connectColumnsCommand(base, { fromTableId: 't_order_items', fromColumnId: 'c_order_items_product_id', toTableId: 't_products', toColumnId: 'c_products_id', ids: sequentialIds() });
    expect(cmd.commands.map((c) => c.type)).toEqual(['relationship.add']);
    applyAndCheck(base, cmd);
  });

  it.each([
    {
      name: 'neither side is a key',
      input: { fromTableId: 't_orders', fromColumnId: 'c_orders_total', toTableId: 't_users', toColumnId: 'c_users_name' },
      message: 'neither orders.total nor users.name is a primary key or unique column: a foreign key must reference one',
    },
    {
      name: 'a column of a composite key alone is not a key',
      input: { fromTableId: 't_users', fromColumnId: 'c_users_manager_id', toTableId: 't_orders', toColumnId: 'c_orders_id' },
      message: 'neither users.manager_id nor orders.id is a primary key or unique column: a foreign key must reference one',
    },
    {
      name: 'the relationship exists already',
      input: { fromTableId: 't_order_items', fromColumnId: 'c_order_items_product_id', toTableId: 't_products', toColumnId: 'c_products_id' },
      message: 'order_items.product_id already references catalog.products.id',
    },
    {
      name: 'a column onto itself',
      input: { fromTableId: 't_users', fromColumnId: 'c_users_id', toTableId: 't_users', toColumnId: 'c_users_id' },
      message: 'a column cannot reference itself',
    },
  ])('refuses when $name', ({ input, message }) => {
    expect(() => connectColumnsCommand(commandsFixture(), input)).toThrowError(new CommandError('invalid-value', message));
  });
});

describe('manyToManyCommand', () => {
  it('makes a junction table with a composite PK over both key sets, two cascading FKs and a reverse index', () => {
    const doc = commandsFixture();
    const cmd = manyToManyCommand(doc, 't_users', 't_products', { ids: sequentialIds() });
    expect(cmd.label).toBe('Add many-to-many users <-> products');
    const after = applyAndCheck(doc, cmd).doc;
    const junction = Object.values(after.tables).at(-1)!;
    expect(junction.name).toBe('users_products');
    expect(junction.columns.map((c) => [c.name, c.type, c.nullable])).toEqual([
      ['users_id', { kind: 'scalar', name: 'bigint' }, false],
      ['products_id', { kind: 'scalar', name: 'uuid' }, false],
    ]);
    expect(junction.columns[0].identity).toBeUndefined();
    expect(junction.primaryKey?.columnIds).toEqual(junction.columns.map((c) => c.id));
    expect(junction.indexes.map((i) => [i.name, i.parts])).toEqual([['users_products_products_idx', [{ kind: 'column', columnId: junction.columns[1].id }]]]);
    const rels = Object.values(after.relationships).filter((r) => r.fromTableId === junction.id);
    expect(rels.map((r) => [r.toTableId, r.onDelete, r.columnPairs.length])).toEqual([['t_users', 'cascade', 1], ['t_products', 'cascade', 1]]);
    expect(after.layout.tables[junction.id]).toEqual({ x: 400, y: 200 });
  });

  it('handles a composite parent key and a self-referencing many-to-many', () => {
    const doc = commandsFixture();
    const after = applyAndCheck(doc, manyToManyCommand(doc, 't_orders', 't_orders', { name: 'related_orders', ids: sequentialIds() })).doc;
    const junction = Object.values(after.tables).at(-1)!;
    expect(junction.columns.map((c) => c.name)).toEqual(['orders_id', 'orders_created_at', 'orders_id_2', 'orders_created_at_2']);
    const rels = Object.values(after.relationships).filter((r) => r.fromTableId === junction.id);
    expect(rels.map((r) => r.columnPairs.length)).toEqual([2, 2]);
  });

  it('refuses a table without a primary key', () => {
    const doc = applyAndCheck(commandsFixture(), { type: 'primaryKey.set', tableId: 't_products', primaryKey: undefined }).doc;
    expect(() => manyToManyCommand(doc, 't_users', 't_products')).toThrowError('table "products" has no primary key to reference');
  });
});

describe('removeTablesPlan', () => {
  it('names the indexes, foreign keys and area memberships that go, and its command does exactly that', () => {
    const doc = commandsFixture();
    const plan = removeTablesPlan(doc, ['t_users', 't_users']);
    expect(plan.consequences).toEqual([
      'index "ix_users_name" on users',
      'index "ix_users_lower_email" on users',
      'foreign key orders(user_id) -> users(id) removed: table "users" was removed',
      'foreign key users(manager_id) -> users(id) removed: table "users" was removed',
      'area "Sales" updated: table "users" removed from it',
    ]);
    const after = applyAndCheck(doc, plan.command).doc;
    expect(after.tables.t_users).toBeUndefined();
  });

  it('unknown ids are refused before anything is planned', () => {
    expect(() => removeTablesPlan(commandsFixture(), ['t_nope'])).toThrowError('unknown table id "t_nope"');
  });
});

describe('pasteTablesCommand', () => {
  it('pastes copies with fresh ids, _copy names, remapped references and offset positions', () => {
    const doc = commandsFixture();
    const copied = [doc.tables.t_orders, doc.tables.t_order_items];
    const rels = Object.values(doc.relationships);
    const cmd = pasteTablesCommand(doc, copied, rels, { x: 40, y: 40 }, { ids: sequentialIds() });
    expect(cmd.label).toBe('Paste 2 tables');
    const after = applyAndCheck(doc, cmd).doc;
    const [orders, items] = Object.values(after.tables).slice(-2);
    expect([orders.name, items.name]).toEqual(['orders_copy', 'order_items_copy']);
    expect(orders.indexes.map((i) => i.name)).toEqual(['ix_orders_user_copy', 'ix_orders_status_created_copy']);
    const oldIds = new Set(copied.flatMap((t) => [t.id, ...t.columns.map((c) => c.id)]));
    expect([orders.id, ...orders.columns.map((c) => c.id), items.id, ...items.columns.map((c) => c.id)].filter((id) => oldIds.has(id))).toEqual([]);
    expect(orders.primaryKey?.columnIds).toEqual([orders.columns[0].id, orders.columns[1].id]);
    expect(orders.partitioning?.key).toEqual([{ kind: 'column', columnId: orders.columns[1].id }]);
    expect(orders.partitioning?.partitions.map((p) => p.name)).toEqual(['orders_2025_copy']);
    expect(after.layout.tables[orders.id]).toEqual({ x: 440, y: 40 });
    expect(after.layout.tables[items.id]).toEqual({ x: 40, y: 40 });
    // orders_copy -> users and items_copy -> products keep their existing parents; items_copy ->
    // orders_copy links the two copies; the name "fk_items_orders" is taken, so the copy has none.
    const pasted = Object.values(after.relationships).filter((r) => r.fromTableId === orders.id || r.fromTableId === items.id);
    expect(pasted.map((r) => [after.tables[r.fromTableId].name, after.tables[r.toTableId].name, r.name])).toEqual([
      ['orders_copy', 'users', undefined],
      ['order_items_copy', 'orders_copy', undefined],
      ['order_items_copy', 'products', undefined],
    ]);
    expect(pasted[1].columnPairs).toEqual([
      { fromColumnId: items.columns[0].id, toColumnId: orders.columns[0].id },
      { fromColumnId: items.columns[1].id, toColumnId: orders.columns[1].id },
    ]);
  });

  it('a serial column gets its own copy of its sequence; a shared sequence stays shared; one from elsewhere is dropped', () => {
    const doc = commandsFixture();
    const users = doc.tables.t_users;
    delete users.columns[0].identity;
    users.columns[0].default = { kind: 'sequence', sequenceId: 'q_users_id' };
    users.columns[3].default = { kind: 'sequence', sequenceId: 'q_invoice' };
    doc.sequences.q_users_id = { id: 'q_users_id', name: 'users_id_seq', dataType: 'bigint', cache: 10, ownedBy: { tableId: 't_users', columnId: 'c_users_id' } };
    const after = applyAndCheck(doc, pasteTablesCommand(doc, [doc.tables.t_users], [], { x: 0, y: 0 }, { ids: sequentialIds() })).doc;
    const copy = Object.values(after.tables).find((t) => t.name === 'users_copy')!;
    const own = copy.columns[0].default.kind === 'sequence' ? after.sequences[copy.columns[0].default.sequenceId] : undefined;
    expect(own).toMatchObject({ name: 'users_copy_id_seq', dataType: 'bigint', cache: 10, ownedBy: { tableId: copy.id, columnId: copy.columns[0].id } });
    expect(copy.columns[3].default).toEqual({ kind: 'sequence', sequenceId: 'q_invoice' });
    expect(after.sequences.q_users_id.ownedBy?.tableId).toBe('t_users');

    // From another document: its serial's sequence comes with the clip; another sequence does not exist here.
    const other = commandsFixture();
    delete other.sequences.q_invoice;
    const pasted = applyAndCheck(other, pasteTablesCommand(other, [users], [], { x: 0, y: 0 }, { ids: sequentialIds(), sequences: [doc.sequences.q_users_id] })).doc;
    const users2 = Object.values(pasted.tables).find((t) => t.name === 'users_copy')!;
    expect(users2.columns[3].default).toEqual({ kind: 'none' });
    expect(Object.values(pasted.sequences).map((q) => q.name)).toEqual(['users_copy_id_seq']);
  });

  it('PostgreSQL: named primary keys and uniques of copies are renamed like indexes; MySQL keeps them (per table); check names always get _copy (database-wide in MySQL 8)', () => {
    const pg = commandsFixture();
    const copy = Object.values(applyAndCheck(pg, pasteTablesCommand(pg, [pg.tables.t_users], [], { x: 0, y: 0 }, { ids: sequentialIds() })).doc.tables).at(-1)!;
    expect([copy.primaryKey?.name, copy.uniques[0].name, copy.checks[0].name, ...copy.indexes.map((i) => i.name)])
      .toEqual(['pk_users_copy', 'uq_users_email_copy', 'chk_users_name_copy', 'ix_users_name_copy', 'ix_users_lower_email_copy']);

    const mysql = { ...commandsFixture(), settings: { dialect: 'mysql' as const } };
    const copy2 = Object.values(applyAndCheck(mysql, pasteTablesCommand(mysql, [mysql.tables.t_users], [], { x: 0, y: 0 }, { ids: sequentialIds() })).doc.tables).at(-1)!;
    expect([copy2.name, copy2.primaryKey?.name, copy2.uniques[0].name, copy2.checks[0].name, ...copy2.indexes.map((i) => i.name)])
      .toEqual(['users_copy', 'pk_users', 'uq_users_email', 'chk_users_name_copy', 'ix_users_name', 'ix_users_lower_email']);
  });

  it('pasting twice counts up, and a paste into another document drops unknown types and parents', () => {
    const doc = commandsFixture();
    const ids = sequentialIds();
    let after = applyAndCheck(doc, pasteTablesCommand(doc, [doc.tables.t_users], [], { x: 0, y: 0 }, { ids })).doc;
    after = applyAndCheck(after, pasteTablesCommand(after, [doc.tables.t_users], [], { x: 0, y: 0 }, { ids })).doc;
    expect(Object.values(after.tables).slice(-2).map((t) => t.name)).toEqual(['users_copy', 'users_copy_2']);

    const empty = emptyDocument();
    const cmd = pasteTablesCommand(empty, [doc.tables.t_orders, doc.tables.t_users], Object.values(doc.relationships), { x: 0, y: 0 }, { ids: sequentialIds() });
    const pasted = applyAndCheck(empty, cmd).doc;
    expect(Object.values(pasted.tables).map((t) => t.name)).toEqual(['orders', 'users']);
    expect(pasted.tables.tbl_1.columns[3].type).toEqual({ kind: 'scalar', name: 'text' });
    expect(Object.values(pasted.relationships).map((r) => [pasted.tables[r.fromTableId].name, pasted.tables[r.toTableId].name])).toEqual([
      ['orders', 'users'], ['users', 'users'],
    ]);
  });
});

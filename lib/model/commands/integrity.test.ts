/** Integrity upkeep: exact side effects (`changes`) of removals, table-driven over the fixture. */
import { describe, expect, it } from 'vitest';
import { makeTable } from '../build';
import { kitchenSinkDocument } from '../fixtures/kitchen-sink';
import { applyCommand } from './apply';
import { applyAndCheck } from './apply-and-check';
import { CommandError } from './errors';
import { commandsFixture } from './test-fixture';
import type { Change, Command } from './types';

const removed = (entityId: string, message: string): Change => ({ entityId, kind: 'removed', message });
const updated = (entityId: string, message: string): Change => ({ entityId, kind: 'updated', message });

const cases: { name: string; command: Command; changes: Change[] }[] = [
  {
    name: 'a column in a unique, an INCLUDE list and an expression index',
    command: { type: 'column.remove', tableId: 't_users', columnId: 'c_users_email' },
    changes: [
      removed('u_users_email', 'unique constraint "uq_users_email" removed: its only column "email" was removed'),
      updated('i_users_name', 'index "ix_users_name" updated: column "email" removed from INCLUDE'),
      updated('i_users_lower_email', 'index "ix_users_lower_email" updated: column "email" removed from its key'),
    ],
  },
  {
    name: 'a single-column primary key referenced by two foreign keys (one a self reference)',
    command: { type: 'column.remove', tableId: 't_users', columnId: 'c_users_id' },
    changes: [
      removed('t_users', 'primary key of "users" removed: its only column "id" was removed'),
      removed('r_orders_users', 'foreign key orders(user_id) -> users(id) removed: its only column "id" was removed'),
      removed('r_users_manager', 'foreign key users(manager_id) -> users(id) removed: its only column "id" was removed'),
    ],
  },
  {
    name: 'a column of a composite key, a unique, an index, the partition key and a composite foreign key',
    command: { type: 'column.remove', tableId: 't_orders', columnId: 'c_orders_created_at' },
    changes: [
      updated('t_orders', 'primary key of "orders" updated: column "created_at" removed from it'),
      updated('u_orders_user_created', 'unique constraint on orders(user_id, created_at) updated: column "created_at" removed from it'),
      updated('i_orders_status_created', 'index "ix_orders_status_created" updated: column "created_at" removed from its key'),
      removed('t_orders', 'partitioning of "orders" removed: its only key column "created_at" was removed'),
      updated('r_items_orders', 'foreign key "fk_items_orders" updated: the column pair using "created_at" was removed'),
    ],
  },
  {
    name: 'a foreign key column with its own index',
    command: { type: 'column.remove', tableId: 't_orders', columnId: 'c_orders_user_id' },
    changes: [
      updated('u_orders_user_created', 'unique constraint on orders(user_id, created_at) updated: column "user_id" removed from it'),
      removed('i_orders_user', 'index "ix_orders_user" removed: its only column "user_id" was removed'),
      removed('r_orders_users', 'foreign key orders(user_id) -> users(id) removed: its only column "user_id" was removed'),
    ],
  },
  {
    name: 'the child side of a composite foreign key',
    command: { type: 'column.remove', tableId: 't_order_items', columnId: 'c_order_items_order_id' },
    changes: [
      updated('t_order_items', 'primary key of "order_items" updated: column "order_id" removed from it'),
      updated('r_items_orders', 'foreign key "fk_items_orders" updated: the column pair using "order_id" was removed'),
    ],
  },
  {
    name: 'a table: relationships on both ends (incl. self reference) and area membership',
    command: { type: 'table.remove', tableId: 't_users' },
    changes: [
      removed('r_orders_users', 'foreign key orders(user_id) -> users(id) removed: table "users" was removed'),
      removed('r_users_manager', 'foreign key users(manager_id) -> users(id) removed: table "users" was removed'),
      updated('a_sales', 'area "Sales" updated: table "users" removed from it'),
    ],
  },
  {
    name: 'an enum in use',
    command: { type: 'enum.remove', enumId: 'e_status' },
    changes: [updated('c_orders_status', 'column "orders.status" updated: type changed from enum "order_status" to text (the enum was removed)')],
  },
  {
    name: 'a domain in use',
    command: { type: 'domain.remove', domainId: 'd_email' },
    changes: [updated('c_users_email', 'column "users.email" updated: type changed from domain "email" to its base type varchar (the domain was removed)')],
  },
  {
    name: 'a schema with a table in it',
    command: { type: 'schema.remove', schemaId: 's_catalog' },
    changes: [updated('t_products', 'table "products" moved to the default schema (schema "catalog" was removed)')],
  },
  {
    name: 'two tables in one batch: the relationship between them is reported once',
    command: { type: 'batch', commands: [{ type: 'table.remove', tableId: 't_orders' }, { type: 'table.remove', tableId: 't_order_items' }] },
    changes: [
      removed('r_orders_users', 'foreign key orders(user_id) -> users(id) removed: table "orders" was removed'),
      removed('r_items_orders', 'foreign key "fk_items_orders" removed: table "orders" was removed'),
      updated('a_sales', 'area "Sales" updated: table "orders" removed from it'),
      removed('r_items_products', 'foreign key order_items(product_id) -> products(id) removed: table "order_items" was removed'),
    ],
  },
  {
    name: 'a primary key over a nullable column makes it NOT NULL',
    command: { type: 'primaryKey.set', tableId: 't_users', primaryKey: { columnIds: ['c_users_id', 'c_users_name'] } },
    changes: [updated('c_users_name', 'column "users.name" updated: made NOT NULL (primary key columns cannot be null)')],
  },
  {
    name: 'dropping an enum value used as a default removes that default',
    command: { type: 'enum.update', enumId: 'e_status', changes: { values: ['created', 'paid', 'done'] } },
    changes: [updated('c_orders_status', 'column "orders.status" updated: default \'new\' removed (no longer a value of enum "order_status")')],
  },
  {
    name: 'a referenced key changes type: the foreign key columns follow (self reference included)',
    command: { type: 'column.update', tableId: 't_users', columnId: 'c_users_id', changes: { type: { kind: 'scalar', name: 'uuid' }, identity: undefined } },
    changes: [
      updated('c_orders_user_id', 'column "orders.user_id" updated: type changed to match "users.id", which it references'),
      updated('c_users_manager_id', 'column "users.manager_id" updated: type changed to match "users.id", which it references'),
    ],
  },
];

describe('integrity upkeep reports exactly what it changed', () => {
  it.each(cases)('$name', ({ command, changes }) => {
    expect(applyAndCheck(commandsFixture(), command).changes).toEqual(changes);
  });

  it('a key type change follows chains of foreign keys (kitchen sink: orders.id <- order_items.order_id <- shipments.order_id)', () => {
    const r = applyAndCheck(kitchenSinkDocument(), { type: 'column.update', tableId: 't_orders', columnId: 'c_orders_id', changes: { type: { kind: 'scalar', name: 'uuid' }, identity: undefined } });
    expect(r.changes.map((c) => c.message)).toEqual([
      'column "order_items.order_id" updated: type changed to match "orders.id", which it references',
      'column "shipments.order_id" updated: type changed to match "order_items.order_id", which it references',
    ]);
    expect(r.doc.tables.t_shipments.columns.find((c) => c.id === 'c_shipments_order_id')?.type).toEqual({ kind: 'scalar', name: 'uuid' });
  });

  it('removing the last key column of an index with only expression parts left keeps the index', () => {
    const doc = applyAndCheck(commandsFixture(), { type: 'column.remove', tableId: 't_users', columnId: 'c_users_email' }).doc;
    expect(doc.tables.t_users.indexes.find((i) => i.id === 'i_users_lower_email')?.parts).toEqual([{ kind: 'expression', sql: 'lower(email)' }]);
    expect('includeColumnIds' in doc.tables.t_users.indexes[0]).toBe(false);
  });

  it('removing every column of a table leaves a valid, keyless, unreferenced table', () => {
    let doc = commandsFixture();
    for (const c of [...doc.tables.t_orders.columns]) doc = applyAndCheck(doc, { type: 'column.remove', tableId: 't_orders', columnId: c.id }).doc;
    const t = doc.tables.t_orders;
    expect(t).toMatchObject({ columns: [], uniques: [], indexes: [] });
    expect(t.primaryKey).toBeUndefined();
    expect(t.partitioning).toBeUndefined();
    expect(Object.keys(doc.relationships)).toEqual(['r_items_products', 'r_users_manager']);
  });

  it('removing a schema whose table clashes with a default-schema table is refused, nothing changed', () => {
    const doc = applyCommand(commandsFixture(), { type: 'table.add', table: makeTable({ id: 't_p2', name: 'products' }, () => 'x') }).doc;
    expect(() => applyCommand(doc, { type: 'schema.remove', schemaId: 's_catalog' })).toThrowError(
      new CommandError('duplicate-name', 'cannot remove schema "catalog": a table named "products" already exists in the default schema'),
    );
  });
});

/** History labels: names resolved from the document before the command. */
import { describe, expect, it } from 'vitest';
import { makeTable } from '../build';
import { describeCommand } from './describe';
import { commandsFixture } from './test-fixture';
import type { Command } from './types';

const cases: [Command, string][] = [
  [{ type: 'table.update', tableId: 't_users', changes: { name: 'accounts' } }, 'Rename table users -> accounts'],
  [{ type: 'table.update', tableId: 't_products', changes: { comment: 'x', schemaId: undefined } }, 'Change table catalog.products (comment, schemaId)'],
  [{ type: 'table.add', table: makeTable({ id: 't_x', name: 'payments' }, () => 'x') }, 'Add table payments'],
  [{ type: 'table.remove', tableId: 't_orders' }, 'Remove table orders'],
  [{ type: 'column.update', tableId: 't_users', columnId: 'c_users_email', changes: { name: 'mail' } }, 'Rename column users.email -> mail'],
  [{ type: 'column.update', tableId: 't_users', columnId: 'c_users_email', changes: { nullable: true } }, 'Change column users.email (nullable)'],
  [{ type: 'column.move', tableId: 't_users', columnId: 'c_users_email', toIndex: 0 }, 'Move column users.email to position 1'],
  [{ type: 'column.remove', tableId: 't_users', columnId: 'c_users_email' }, 'Remove column users.email'],
  [{ type: 'primaryKey.set', tableId: 't_orders', primaryKey: { columnIds: ['c_orders_id', 'c_orders_created_at'] } }, 'Set primary key of orders to (id, created_at)'],
  [{ type: 'index.remove', tableId: 't_users', indexId: 'i_users_name' }, 'Remove index ix_users_name'],
  [{ type: 'relationship.remove', relationshipId: 'r_orders_users' }, 'Remove relationship orders -> users'],
  [{ type: 'enum.remove', enumId: 'e_status' }, 'Remove enum order_status'],
  [{ type: 'layout.moveTables', positions: { t_users: { x: 1, y: 1 } } }, 'Move table users'],
  [{ type: 'layout.moveTables', positions: { t_users: { x: 1, y: 1 }, t_orders: { x: 2, y: 2 } } }, 'Move 2 tables'],
  [{ type: 'settings.setDialect', dialect: 'mysql' }, 'Switch dialect to MySQL'],
  [{ type: 'batch', label: 'Paste 3 tables', commands: [] }, 'Paste 3 tables'],
  [{ type: 'batch', commands: [{ type: 'table.remove', tableId: 't_orders' }] }, 'Remove table orders'],
  [{ type: 'table.remove', tableId: 't_gone' }, 'Remove table t_gone'],
];

describe('describeCommand', () => {
  it.each(cases)('%j -> %s', (command, text) => {
    expect(describeCommand(command, commandsFixture())).toBe(text);
  });
});

/** Invalid commands are refused with a CommandError naming the problem, and nothing changes. */
import { describe, expect, it } from 'vitest';
import { makeColumn, makeIndex, makeTable, scalar } from '../build';
import type { SchemaDocument } from '../document';
import { applyCommand } from './apply';
import { CommandError, type CommandErrorCode } from './errors';
import { commandsFixture } from './test-fixture';
import type { Command } from './types';

const noIds = (p: string): string => { throw new Error(`explicit id needed (${p})`); };
const textColumn = (id: string, name: string) => makeColumn({ id, name, type: scalar('text') }, noIds);

const cases: { name: string; command: Command; code: CommandErrorCode; message: string | RegExp; doc?: () => SchemaDocument }[] = [
  { name: 'unknown table', command: { type: 'table.remove', tableId: 't_nope' }, code: 'unknown-id', message: 'unknown table id "t_nope"' },
  { name: 'unknown column', command: { type: 'column.remove', tableId: 't_users', columnId: 'c_nope' }, code: 'unknown-id', message: 'unknown column id "c_nope" in table "users"' },
  { name: 'unknown relationship', command: { type: 'relationship.remove', relationshipId: 'r_nope' }, code: 'unknown-id', message: 'unknown relationship id "r_nope"' },
  { name: 'unknown index', command: { type: 'index.remove', tableId: 't_users', indexId: 'i_nope' }, code: 'unknown-id', message: 'unknown index id "i_nope" in table "users"' },
  { name: 'unknown area on table.add', command: { type: 'table.add', table: makeTable({ id: 't_x', name: 'x' }, noIds), areaId: 'a_nope' }, code: 'unknown-id', message: 'unknown area id "a_nope"' },
  { name: 'unknown schema on table.update', command: { type: 'table.update', tableId: 't_users', changes: { schemaId: 's_nope' } }, code: 'unknown-id', message: 'unknown schema id "s_nope"' },
  { name: 'unknown enum in a column type', command: { type: 'column.update', tableId: 't_users', columnId: 'c_users_name', changes: { type: { kind: 'enum', enumId: 'e_nope' } } }, code: 'unknown-id', message: 'column "name": unknown enum id "e_nope"' },
  { name: 'unknown command type', command: { type: 'table.explode' } as unknown as Command, code: 'invalid-value', message: 'unknown command type "table.explode"' },
  { name: 'duplicate table id', command: { type: 'table.add', table: makeTable({ id: 't_users', name: 'people' }, noIds) }, code: 'duplicate-id', message: 'a table with id "t_users" already exists' },
  { name: 'duplicate table name in the default schema', command: { type: 'table.add', table: makeTable({ id: 't_x', name: 'orders' }, noIds) }, code: 'duplicate-name', message: 'a table named "orders" already exists in the default schema' },
  { name: 'table name clashing with a view', command: { type: 'table.update', tableId: 't_users', changes: { name: 'active_users' } }, code: 'duplicate-name', message: 'a view named "active_users" already exists in the default schema' },
  { name: 'moving a table into a schema where its name is taken', command: { type: 'table.update', tableId: 't_products', changes: { schemaId: undefined, name: 'users' } }, code: 'duplicate-name', message: 'a table named "users" already exists in the default schema' },
  { name: 'PostgreSQL: a table named like a partition (partitions are tables)', command: { type: 'table.add', table: makeTable({ id: 't_x', name: 'orders_2025' }, noIds) }, code: 'duplicate-name', message: 'a partition named "orders_2025" (of table "orders") already exists in the default schema' },
  { name: 'PostgreSQL: a partition named like a table', command: { type: 'table.update', tableId: 't_orders', changes: { partitioning: { strategy: 'list', key: [{ kind: 'column', columnId: 'c_orders_status' }], partitions: [{ id: 'p_1', name: 'users', bound: { kind: 'default' } }] } } }, code: 'duplicate-name', message: 'a table named "users" already exists in the default schema' },
  { name: 'duplicate column name', command: { type: 'column.update', tableId: 't_users', columnId: 'c_users_name', changes: { name: 'email' } }, code: 'duplicate-name', message: 'table "users" already has a column named "email"' },
  { name: 'duplicate column name on add', command: { type: 'column.add', tableId: 't_users', column: textColumn('c_users_x', 'id') }, code: 'duplicate-name', message: 'table "users" already has a column named "id"' },
  { name: 'duplicate column names inside an added table', command: { type: 'table.add', table: makeTable({ id: 't_x', name: 'x', columns: [textColumn('c_1', 'a'), textColumn('c_2', 'a')] }, noIds) }, code: 'duplicate-name', message: 'table "x" has two columns named "a"' },
  { name: 'index name taken in the schema (PostgreSQL: on another table)', command: { type: 'index.add', tableId: 't_orders', index: makeIndex({ id: 'i_x', name: 'ix_users_name', parts: [{ kind: 'column', columnId: 'c_orders_id' }] }, noIds) }, code: 'duplicate-name', message: 'an index named "ix_users_name" already exists in the default schema (on table "users")' },
  { name: 'PostgreSQL: an index named like a unique constraint (which is an index too)', command: { type: 'index.add', tableId: 't_users', index: makeIndex({ id: 'i_x', name: 'uq_users_email', parts: [{ kind: 'column', columnId: 'c_users_name' }] }, noIds) }, code: 'duplicate-name', message: 'a unique constraint named "uq_users_email" already exists in table "users"' },
  { name: 'PostgreSQL: a unique constraint named like another table\'s primary key', command: { type: 'unique.add', tableId: 't_orders', unique: { id: 'u_x', name: 'pk_users', columnIds: ['c_orders_total'] } }, code: 'duplicate-name', message: 'a primary key named "pk_users" already exists in the default schema (on table "users")' },
  { name: 'constraint name taken in the table', command: { type: 'check.add', tableId: 't_users', check: { id: 'k_x', name: 'uq_users_email', expression: 'true' } }, code: 'duplicate-name', message: 'table "users" already has a constraint named "uq_users_email"' },
  { name: 'schema name taken', command: { type: 'schema.add', schema: { id: 's_x', name: 'catalog' } }, code: 'duplicate-name', message: 'a schema named "catalog" already exists' },
  { name: 'type name taken (enum vs domain)', command: { type: 'enum.add', enum: { id: 'e_x', name: 'email', values: ['a'] } }, code: 'duplicate-name', message: 'a type named "email" already exists in the default schema' },
  { name: 'empty table name', command: { type: 'table.update', tableId: 't_users', changes: { name: '' } }, code: 'invalid-value', message: 'invalid table at name: Too small: expected string to have >=1 characters' },
  { name: 'removing a required field', command: { type: 'column.update', tableId: 't_users', columnId: 'c_users_name', changes: { nullable: undefined } }, code: 'invalid-value', message: 'invalid column at nullable: Invalid input: expected boolean, received undefined' },
  { name: 'changing an id', command: { type: 'column.update', tableId: 't_users', columnId: 'c_users_name', changes: { id: 'c_other' } as never }, code: 'invalid-value', message: 'cannot change "id" of a column' },
  { name: 'changing a relationship end', command: { type: 'relationship.update', relationshipId: 'r_orders_users', changes: { toTableId: 't_orders' } as never }, code: 'invalid-value', message: 'cannot change "toTableId" of a relationship (remove it and add a new one to change its tables)' },
  { name: 'column.move out of range', command: { type: 'column.move', tableId: 't_users', columnId: 'c_users_id', toIndex: 4 }, code: 'invalid-value', message: 'column index 4 is out of range 0..3' },
  { name: 'primary key naming a column twice', command: { type: 'primaryKey.set', tableId: 't_users', primaryKey: { columnIds: ['c_users_id', 'c_users_id'] } }, code: 'invalid-value', message: 'the primary key lists column "id" twice' },
  { name: 'empty primary key', command: { type: 'primaryKey.set', tableId: 't_users', primaryKey: { columnIds: [] } }, code: 'invalid-value', message: 'invalid primary key at columnIds: Too small: expected array to have >=1 items' },
  { name: 'index on a column of another table', command: { type: 'index.add', tableId: 't_users', index: makeIndex({ id: 'i_x', name: 'ix_x', parts: [{ kind: 'column', columnId: 'c_orders_id' }] }, noIds) }, code: 'unknown-id', message: 'unknown column id "c_orders_id" in table "users"' },
  { name: 'relationship pair on the wrong table', command: { type: 'relationship.update', relationshipId: 'r_orders_users', changes: { columnPairs: [{ fromColumnId: 'c_users_id', toColumnId: 'c_users_id' }] } }, code: 'unknown-id', message: 'unknown column id "c_users_id" in table "orders"' },
  { name: 'bad colour', command: { type: 'layout.setTableColor', tableId: 't_users', color: 'red' }, code: 'invalid-value', message: 'invalid colour "red": expected a colour like #1e90ff' },
  { name: 'non-finite position', command: { type: 'layout.moveTables', positions: { t_users: { x: Number.NaN, y: 0 } } }, code: 'invalid-value', message: 'position of table "users": x and y must be finite numbers' },
  { name: 'a primary key column made nullable', command: { type: 'column.update', tableId: 't_users', columnId: 'c_users_id', changes: { nullable: true } }, code: 'invalid-value', message: 'column "id" is part of the primary key of "users" and cannot be nullable' },
  { name: 'a command missing a field', command: { type: 'note.add', note: { id: 'n_x', text: '', color: '#000000' } } as unknown as Command, code: 'invalid-value', message: /^malformed note\.add command: .*geometry/ },
  { name: 'duplicate enum values', command: { type: 'enum.update', enumId: 'e_status', changes: { values: ['a', 'a'] } }, code: 'invalid-value', message: 'enum value "a" appears twice' },
  {
    name: 'a failing step fails the whole batch, naming the step',
    command: { type: 'batch', label: 'Paste', commands: [{ type: 'table.add', table: makeTable({ id: 't_a', name: 'a' }, noIds) }, { type: 'table.add', table: makeTable({ id: 't_b', name: 'a' }, noIds) }] },
    code: 'duplicate-name',
    message: 'Paste, step 2 (table.add): a table named "a" already exists in the default schema',
  },
  {
    name: 'MySQL compares column names case-insensitively',
    doc: () => ({ ...commandsFixture(), settings: { dialect: 'mysql' } }),
    command: { type: 'column.add', tableId: 't_users', column: textColumn('c_x', 'EMAIL') },
    code: 'duplicate-name',
    message: 'table "users" already has a column named "EMAIL"',
  },
  {
    name: 'an internal reference the handler does not check is still caught by the integrity net',
    command: { type: 'table.update', tableId: 't_orders', changes: { partitioning: { strategy: 'hash', key: [{ kind: 'column', columnId: 'c_nope' }], partitions: [] } } },
    code: 'integrity',
    message: 'table.update would break the document: tables.t_orders.partitioning.key.0.columnId: unknown column id "c_nope" in table "orders"',
  },
];

describe('invalid commands are refused', () => {
  it.each(cases)('$name', ({ command, code, message, doc: make }) => {
    const doc = (make ?? commandsFixture)();
    const before = structuredClone(doc);
    let error: unknown;
    try {
      applyCommand(doc, command);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CommandError);
    expect((error as CommandError).code).toBe(code);
    if (typeof message === 'string') expect((error as CommandError).message).toBe(message);
    else expect((error as CommandError).message).toMatch(message);
    expect(doc).toStrictEqual(before);
  });

  it('PostgreSQL keeps case-distinct names apart (the generator quotes them)', () => {
    const doc = commandsFixture();
    expect(() => applyCommand(doc, { type: 'column.add', tableId: 't_users', column: textColumn('c_x', 'EMAIL') })).not.toThrow();
  });

  it('MySQL index names are per table, PostgreSQL ones per schema', () => {
    const mysql = { ...commandsFixture(), settings: { dialect: 'mysql' as const } };
    const index = makeIndex({ id: 'i_x', name: 'ix_users_name', parts: [{ kind: 'column', columnId: 'c_orders_id' }] }, noIds);
    expect(applyCommand(mysql, { type: 'index.add', tableId: 't_orders', index }).doc.tables.t_orders.indexes.at(-1)?.name).toBe('ix_users_name');
    // products lives in schema "catalog": the same name is free there in PostgreSQL.
    const pg = commandsFixture();
    const inCatalog = makeIndex({ id: 'i_y', name: 'ix_users_name', parts: [{ kind: 'column', columnId: 'c_products_sku' }] }, noIds);
    expect(applyCommand(pg, { type: 'index.add', tableId: 't_products', index: inCatalog }).doc.tables.t_products.indexes).toHaveLength(2);
  });
});

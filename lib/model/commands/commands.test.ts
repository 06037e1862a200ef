/**
 * Every command type, table-driven: apply to the fixture, check the new document, and (through
 * applyAndCheck) that the input is untouched, the result valid, undo exact and redo exact.
 */
import { describe, expect, it } from 'vitest';
import { makeColumn, makeIndex, makeRelationship, makeTable, scalar } from '../build';
import type { SchemaDocument } from '../document';
import { applyAndCheck } from './apply-and-check';
import { commandsFixture } from './test-fixture';
import type { Command, CommandResult, CommandType } from './types';

interface Case {
  name: string;
  command: Command;
  check: (after: SchemaDocument, before: SchemaDocument, result: CommandResult) => void;
}

const noIds = (p: string): string => { throw new Error(`explicit id needed (${p})`); };
const users = (d: SchemaDocument) => d.tables.t_users;
const orders = (d: SchemaDocument) => d.tables.t_orders;

const cases: Case[] = [
  {
    name: 'table.add with position and area',
    command: {
      type: 'table.add',
      table: makeTable({ id: 't_new', name: 'payments', columns: [makeColumn({ id: 'c_new_id', name: 'id', type: scalar('bigint'), nullable: false }, noIds)], primaryKey: { columnIds: ['c_new_id'] } }, noIds),
      position: { x: 10, y: 20 },
      areaId: 'a_sales',
    },
    check: (d) => {
      expect(d.tables.t_new.name).toBe('payments');
      expect(Object.keys(d.tables).at(-1)).toBe('t_new');
      expect(d.layout.tables.t_new).toEqual({ x: 10, y: 20 });
      expect(d.areas.a_sales.tableIds).toEqual(['t_users', 't_orders', 't_new']);
    },
  },
  {
    name: 'table.update renames (one field only)',
    command: { type: 'table.update', tableId: 't_users', changes: { name: 'accounts' } },
    check: (d, b) => expect(users(d)).toEqual({ ...users(b), name: 'accounts' }),
  },
  {
    name: 'table.update moves to a schema and sets comment and partitioning',
    command: { type: 'table.update', tableId: 't_users', changes: { schemaId: 's_catalog', comment: 'People', options: { mysql: { engine: 'InnoDB' } } } },
    check: (d) => {
      expect(users(d).schemaId).toBe('s_catalog');
      expect(users(d).comment).toBe('People');
      expect(users(d).options).toEqual({ mysql: { engine: 'InnoDB' } });
    },
  },
  {
    name: 'table.update clears optional fields with undefined',
    command: { type: 'table.update', tableId: 't_orders', changes: { partitioning: undefined } },
    check: (d) => expect('partitioning' in orders(d)).toBe(false),
  },
  {
    name: 'table.remove',
    command: { type: 'table.remove', tableId: 't_orders' },
    check: (d) => {
      expect(d.tables.t_orders).toBeUndefined();
      expect(Object.keys(d.relationships)).toEqual(['r_items_products', 'r_users_manager']);
      expect(d.areas.a_sales.tableIds).toEqual(['t_users']);
      expect(d.layout.tables.t_orders).toBeUndefined();
    },
  },
  {
    name: 'column.add at a position',
    command: { type: 'column.add', tableId: 't_users', column: makeColumn({ id: 'c_users_phone', name: 'phone', type: scalar('varchar', { length: 20 }) }, noIds), index: 1 },
    check: (d) => expect(users(d).columns.map((c) => c.name)).toEqual(['id', 'phone', 'email', 'name', 'manager_id']),
  },
  {
    name: 'column.add at the end',
    command: { type: 'column.add', tableId: 't_users', column: makeColumn({ id: 'c_users_status', name: 'status', type: { kind: 'enum', enumId: 'e_status' } }, noIds) },
    check: (d) => expect(users(d).columns.at(-1)?.id).toBe('c_users_status'),
  },
  {
    name: 'column.update renames (one field only)',
    command: { type: 'column.update', tableId: 't_users', columnId: 'c_users_name', changes: { name: 'full_name' } },
    check: (d, b) => expect(users(d).columns[2]).toEqual({ ...users(b).columns[2], name: 'full_name' }),
  },
  {
    name: 'column.update changes type, nullability, default; clears comment',
    command: { type: 'column.update', tableId: 't_orders', columnId: 'c_orders_total', changes: { type: scalar('decimal', { precision: 14, scale: 4 }), nullable: true, default: { kind: 'literal', value: 0 }, comment: undefined } },
    check: (d) => expect(orders(d).columns[4]).toEqual({
      id: 'c_orders_total', name: 'total', type: scalar('decimal', { precision: 14, scale: 4 }), nullable: true, default: { kind: 'literal', value: 0 },
    }),
  },
  {
    name: 'column.move down',
    command: { type: 'column.move', tableId: 't_users', columnId: 'c_users_id', toIndex: 3 },
    check: (d) => expect(users(d).columns.map((c) => c.name)).toEqual(['email', 'name', 'manager_id', 'id']),
  },
  {
    name: 'column.move up',
    command: { type: 'column.move', tableId: 't_users', columnId: 'c_users_manager_id', toIndex: 0 },
    check: (d) => expect(users(d).columns.map((c) => c.name)).toEqual(['manager_id', 'id', 'email', 'name']),
  },
  {
    name: 'column.remove (integrity in integrity.test.ts)',
    command: { type: 'column.remove', tableId: 't_orders', columnId: 'c_orders_total' },
    check: (d, _b, r) => {
      expect(orders(d).columns.map((c) => c.name)).toEqual(['id', 'created_at', 'user_id', 'status']);
      expect(r.changes).toEqual([]);
    },
  },
  {
    name: 'primaryKey.set',
    command: { type: 'primaryKey.set', tableId: 't_orders', primaryKey: { name: 'pk_orders', columnIds: ['c_orders_id'] } },
    check: (d) => expect(orders(d).primaryKey).toEqual({ name: 'pk_orders', columnIds: ['c_orders_id'] }),
  },
  {
    name: 'primaryKey.set undefined drops it',
    command: { type: 'primaryKey.set', tableId: 't_orders', primaryKey: undefined },
    check: (d) => expect('primaryKey' in orders(d)).toBe(false),
  },
  {
    name: 'unique.add',
    command: { type: 'unique.add', tableId: 't_users', unique: { id: 'u_users_name', name: 'uq_users_name', columnIds: ['c_users_name'], nullsNotDistinct: true } },
    check: (d) => expect(users(d).uniques.map((u) => u.id)).toEqual(['u_users_email', 'u_users_name']),
  },
  {
    name: 'unique.update',
    command: { type: 'unique.update', tableId: 't_users', uniqueId: 'u_users_email', changes: { columnIds: ['c_users_email', 'c_users_name'], name: undefined } },
    check: (d) => expect(users(d).uniques[0]).toEqual({ id: 'u_users_email', columnIds: ['c_users_email', 'c_users_name'] }),
  },
  {
    name: 'unique.remove',
    command: { type: 'unique.remove', tableId: 't_users', uniqueId: 'u_users_email' },
    check: (d) => expect(users(d).uniques).toEqual([]),
  },
  {
    name: 'check.add',
    command: { type: 'check.add', tableId: 't_orders', check: { id: 'k_orders_total', name: 'chk_total', expression: 'total >= 0' } },
    check: (d) => expect(orders(d).checks).toEqual([{ id: 'k_orders_total', name: 'chk_total', expression: 'total >= 0' }]),
  },
  {
    name: 'check.update',
    command: { type: 'check.update', tableId: 't_users', checkId: 'k_users_name', changes: { expression: 'length(name) > 1' } },
    check: (d) => expect(users(d).checks[0].expression).toBe('length(name) > 1'),
  },
  {
    name: 'check.remove',
    command: { type: 'check.remove', tableId: 't_users', checkId: 'k_users_name' },
    check: (d) => expect(users(d).checks).toEqual([]),
  },
  {
    name: 'index.add',
    command: { type: 'index.add', tableId: 't_orders', index: makeIndex({ id: 'i_orders_total', name: 'ix_orders_total', parts: [{ kind: 'column', columnId: 'c_orders_total', order: 'desc', nulls: 'last' }], method: 'btree', includeColumnIds: ['c_orders_id'] }, noIds) },
    check: (d) => expect(orders(d).indexes.at(-1)?.name).toBe('ix_orders_total'),
  },
  {
    name: 'index.update sets a WHERE and renames',
    command: { type: 'index.update', tableId: 't_orders', indexId: 'i_orders_user', changes: { name: 'ix_orders_user_open', where: "status = 'new'", purpose: 'open orders per user' } },
    check: (d) => expect(orders(d).indexes[0]).toEqual({
      id: 'i_orders_user', name: 'ix_orders_user_open', unique: false, parts: [{ kind: 'column', columnId: 'c_orders_user_id' }], where: "status = 'new'", purpose: 'open orders per user',
    }),
  },
  {
    name: 'index.remove',
    command: { type: 'index.remove', tableId: 't_orders', indexId: 'i_orders_user' },
    check: (d) => expect(orders(d).indexes.map((i) => i.id)).toEqual(['i_orders_status_created']),
  },
  {
    name: 'relationship.add',
    command: { type: 'relationship.add', relationship: makeRelationship({ id: 'r_new', fromTableId: 't_products', toTableId: 't_users', columnPairs: [{ fromColumnId: 'c_products_sku', toColumnId: 'c_users_email' }], enforced: false }, noIds) },
    check: (d) => expect(d.relationships.r_new.enforced).toBe(false),
  },
  {
    name: 'relationship.update',
    command: { type: 'relationship.update', relationshipId: 'r_orders_users', changes: { onDelete: 'cascade', name: 'fk_orders_users', cardinality: { from: 'one-or-many', to: 'exactly-one' } } },
    check: (d, b) => expect(d.relationships.r_orders_users).toEqual({ ...b.relationships.r_orders_users, onDelete: 'cascade', name: 'fk_orders_users', cardinality: { from: 'one-or-many', to: 'exactly-one' } }),
  },
  {
    name: 'relationship.remove',
    command: { type: 'relationship.remove', relationshipId: 'r_items_orders' },
    check: (d) => expect(d.relationships.r_items_orders).toBeUndefined(),
  },
  {
    name: 'enum.add',
    command: { type: 'enum.add', enum: { id: 'e_tier', name: 'tier', values: ['free', 'pro'], schemaId: 's_catalog' } },
    check: (d) => expect(d.enums.e_tier.values).toEqual(['free', 'pro']),
  },
  {
    name: 'enum.update adds a value',
    command: { type: 'enum.update', enumId: 'e_status', changes: { values: ['new', 'paid', 'shipped', 'done'] } },
    check: (d) => expect(d.enums.e_status.values).toEqual(['new', 'paid', 'shipped', 'done']),
  },
  {
    name: 'enum.remove (in use: columns fall back to text)',
    command: { type: 'enum.remove', enumId: 'e_status' },
    check: (d) => {
      expect(d.enums.e_status).toBeUndefined();
      expect(orders(d).columns[3].type).toEqual({ kind: 'scalar', name: 'text' });
    },
  },
  {
    name: 'domain.add',
    command: { type: 'domain.add', domain: { id: 'd_money', name: 'money_amount', type: scalar('decimal', { precision: 12, scale: 2 }), nullable: false, default: { kind: 'literal', value: 0 }, checks: [] } },
    check: (d) => expect(d.domains.d_money.name).toBe('money_amount'),
  },
  {
    name: 'domain.update',
    command: { type: 'domain.update', domainId: 'd_email', changes: { type: scalar('text'), comment: 'an e-mail address' } },
    check: (d) => expect(d.domains.d_email.type).toEqual(scalar('text')),
  },
  {
    name: 'domain.remove (in use: columns take its base type)',
    command: { type: 'domain.remove', domainId: 'd_email' },
    check: (d) => expect(users(d).columns[1].type).toEqual(scalar('varchar', { length: 254 })),
  },
  {
    name: 'view.add',
    command: { type: 'view.add', view: { id: 'v_big', name: 'big_orders', sql: 'SELECT * FROM orders WHERE total > 100', dialect: 'postgres', materialized: true } },
    check: (d) => expect(d.views.v_big.materialized).toBe(true),
  },
  {
    name: 'view.update',
    command: { type: 'view.update', viewId: 'v_active', changes: { name: 'all_users', schemaId: 's_catalog' } },
    check: (d) => expect(d.views.v_active).toMatchObject({ name: 'all_users', schemaId: 's_catalog' }),
  },
  {
    name: 'view.remove',
    command: { type: 'view.remove', viewId: 'v_active' },
    check: (d) => expect(d.views).toEqual({}),
  },
  {
    name: 'schema.add',
    command: { type: 'schema.add', schema: { id: 's_audit', name: 'audit' } },
    check: (d) => expect(Object.keys(d.schemas)).toEqual(['s_catalog', 's_audit']),
  },
  {
    name: 'schema.update',
    command: { type: 'schema.update', schemaId: 's_catalog', changes: { name: 'shop', comment: 'Products' } },
    check: (d) => expect(d.schemas.s_catalog).toEqual({ id: 's_catalog', name: 'shop', comment: 'Products' }),
  },
  {
    name: 'schema.remove (members move to the default schema)',
    command: { type: 'schema.remove', schemaId: 's_catalog' },
    check: (d) => {
      expect(d.schemas).toEqual({});
      expect('schemaId' in d.tables.t_products).toBe(false);
    },
  },
  {
    name: 'extension.add',
    command: { type: 'extension.add', extension: { id: 'x_uuid', name: 'uuid-ossp', schemaId: 's_catalog', version: '1.1' } },
    check: (d) => expect(Object.keys(d.extensions)).toEqual(['x_trgm', 'x_uuid']),
  },
  {
    name: 'extension.update',
    command: { type: 'extension.update', extensionId: 'x_trgm', changes: { schemaId: 's_catalog', version: '1.6' } },
    check: (d) => expect(d.extensions.x_trgm).toEqual({ id: 'x_trgm', name: 'pg_trgm', schemaId: 's_catalog', version: '1.6' }),
  },
  {
    name: 'extension.remove',
    command: { type: 'extension.remove', extensionId: 'x_trgm' },
    check: (d) => expect(d.extensions).toEqual({}),
  },
  {
    name: 'sequence.add (owned by a column of its schema)',
    command: { type: 'sequence.add', sequence: { id: 'q_sku', name: 'sku_seq', schemaId: 's_catalog', dataType: 'integer', increment: 5, cycle: true, ownedBy: { tableId: 't_products', columnId: 'c_products_sku' } } },
    check: (d) => expect(d.sequences.q_sku.ownedBy).toEqual({ tableId: 't_products', columnId: 'c_products_sku' }),
  },
  {
    name: 'sequence.update',
    command: { type: 'sequence.update', sequenceId: 'q_invoice', changes: { start: undefined, max: 999_999, cache: 20 } },
    check: (d) => expect(d.sequences.q_invoice).toEqual({ id: 'q_invoice', name: 'invoice_no_seq', dataType: 'bigint', max: 999_999, cache: 20 }),
  },
  {
    name: 'sequence.remove',
    command: { type: 'sequence.remove', sequenceId: 'q_invoice' },
    check: (d) => expect(d.sequences).toEqual({}),
  },
  {
    name: 'area.add',
    command: { type: 'area.add', area: { id: 'a_catalog', name: 'Catalog', color: '#00aa00', tableIds: ['t_products', 't_products'] } },
    check: (d) => expect(d.areas.a_catalog.tableIds).toEqual(['t_products']),
  },
  {
    name: 'area.update',
    command: { type: 'area.update', areaId: 'a_sales', changes: { name: 'Sales & orders', color: '#123456', tableIds: ['t_orders', 't_order_items'] } },
    check: (d) => expect(d.areas.a_sales).toEqual({ id: 'a_sales', name: 'Sales & orders', color: '#123456', tableIds: ['t_orders', 't_order_items'] }),
  },
  {
    name: 'area.remove (tables stay)',
    command: { type: 'area.remove', areaId: 'a_sales' },
    check: (d) => {
      expect(d.areas).toEqual({});
      expect(d.tables.t_users).toBeDefined();
    },
  },
  {
    name: 'area.addTables',
    command: { type: 'area.addTables', areaId: 'a_sales', tableIds: ['t_orders', 't_products'] },
    check: (d) => expect(d.areas.a_sales.tableIds).toEqual(['t_users', 't_orders', 't_products']),
  },
  {
    name: 'area.removeTables',
    command: { type: 'area.removeTables', areaId: 'a_sales', tableIds: ['t_users'] },
    check: (d) => expect(d.areas.a_sales.tableIds).toEqual(['t_orders']),
  },
  {
    name: 'note.add',
    command: { type: 'note.add', note: { id: 'n_2', text: 'hello', color: '#abcdef' }, geometry: { x: 5, y: 6, width: 100, height: 50 } },
    check: (d) => {
      expect(d.notes.n_2.text).toBe('hello');
      expect(d.layout.notes.n_2).toEqual({ x: 5, y: 6, width: 100, height: 50 });
    },
  },
  {
    name: 'note.update',
    command: { type: 'note.update', noteId: 'n_1', changes: { text: 'Partitioned by year since 2025' } },
    check: (d) => expect(d.notes.n_1.text).toBe('Partitioned by year since 2025'),
  },
  {
    name: 'note.remove (and its geometry)',
    command: { type: 'note.remove', noteId: 'n_1' },
    check: (d) => {
      expect(d.notes).toEqual({});
      expect(d.layout.notes).toEqual({});
    },
  },
  {
    name: 'layout.moveTables: a drag of three tables, one without a position yet',
    command: { type: 'layout.moveTables', positions: { t_users: { x: 50, y: 60 }, t_orders: { x: 450, y: 60 }, t_order_items: { x: 0, y: 500 } } },
    check: (d) => expect(d.layout.tables).toEqual({
      t_users: { x: 50, y: 60 }, t_orders: { x: 450, y: 60, color: '#ff0000' }, t_products: { x: 800, y: 0 }, t_order_items: { x: 0, y: 500 },
    }),
  },
  {
    name: 'layout.setTableColor',
    command: { type: 'layout.setTableColor', tableId: 't_users', color: '#00ff00' },
    check: (d) => expect(d.layout.tables.t_users).toEqual({ x: 0, y: 0, color: '#00ff00' }),
  },
  {
    name: 'layout.setTableColor undefined clears it',
    command: { type: 'layout.setTableColor', tableId: 't_orders', color: undefined },
    check: (d) => expect(d.layout.tables.t_orders).toEqual({ x: 400, y: 0 }),
  },
  {
    name: 'layout.setTablesCollapsed',
    command: { type: 'layout.setTablesCollapsed', tableIds: ['t_users', 't_order_items'], collapsed: true },
    check: (d) => {
      expect(d.layout.tables.t_users).toEqual({ x: 0, y: 0, collapsed: true });
      expect(d.layout.tables.t_order_items).toEqual({ x: 0, y: 0, collapsed: true });
    },
  },
  {
    name: 'layout.setNote',
    command: { type: 'layout.setNote', noteId: 'n_1', geometry: { width: 320 } },
    check: (d) => expect(d.layout.notes.n_1).toEqual({ x: 0, y: 300, width: 320, height: 100 }),
  },
  {
    name: 'design.setNarrative',
    command: { type: 'design.setNarrative', section: 'caching', markdown: '## Caching\nRedis in front of product reads.' },
    check: (d) => expect(d.design.narrative).toEqual({ executiveSummary: 'A shop.', caching: '## Caching\nRedis in front of product reads.' }),
  },
  {
    name: 'design.setNarrative with empty text removes the section',
    command: { type: 'design.setNarrative', section: 'executiveSummary', markdown: '' },
    check: (d) => expect(d.design.narrative).toEqual({}),
  },
  {
    name: 'design.setRequirements',
    command: { type: 'design.setRequirements', requirements: { workload: 'oltp', rpo: '5 min', concurrency: '200' } },
    check: (d) => expect(d.design.requirements).toEqual({ workload: 'oltp', rpo: '5 min', concurrency: '200' }),
  },
  {
    name: 'design.queryPattern.add at the front',
    command: { type: 'design.queryPattern.add', queryPattern: { id: 'q_2', name: 'Top products', frequency: '10/s' }, index: 0 },
    check: (d) => expect(d.design.queryPatterns.map((q) => q.id)).toEqual(['q_2', 'q_orders_by_user']),
  },
  {
    name: 'design.queryPattern.update',
    command: { type: 'design.queryPattern.update', queryPatternId: 'q_orders_by_user', changes: { latencyTarget: '< 10 ms', sql: undefined } },
    check: (d) => expect(d.design.queryPatterns[0]).toEqual({ id: 'q_orders_by_user', name: 'Orders of a user', latencyTarget: '< 10 ms' }),
  },
  {
    name: 'design.queryPattern.remove',
    command: { type: 'design.queryPattern.remove', queryPatternId: 'q_orders_by_user' },
    check: (d) => expect(d.design.queryPatterns).toEqual([]),
  },
  {
    name: 'settings.setDialect',
    command: { type: 'settings.setDialect', dialect: 'mysql' },
    check: (d) => expect(d.settings.dialect).toBe('mysql'),
  },
  {
    name: 'review.setRule',
    command: { type: 'review.setRule', ruleId: 'fk-without-index', setting: { severity: 'error' } },
    check: (d) => expect(d.review?.rules).toEqual({ 'fk-without-index': { severity: 'error' } }),
  },
  {
    name: 'review.waive',
    command: { type: 'review.waive', waiver: { key: 'no-primary-key:t_users', ruleId: 'no-primary-key', rationale: 'staging table' } },
    check: (d) => expect(d.review?.waivers?.map((w) => w.rationale)).toEqual(['staging table']),
  },
  {
    name: 'review.unwaive',
    command: {
      type: 'batch',
      commands: [
        { type: 'review.waive', waiver: { key: 'k1', ruleId: 'no-primary-key', rationale: 'staging table' } },
        { type: 'review.unwaive', key: 'k1' },
      ],
    },
    check: (d) => expect(d.review?.waivers).toEqual([]),
  },
  {
    name: 'governance.setMeta',
    command: { type: 'governance.setMeta', changes: { status: 'in-review', authors: ['Ada'], reviewers: ['Grace'] } },
    check: (d) => expect(d.governance).toEqual({ status: 'in-review', authors: ['Ada'], reviewers: ['Grace'] }),
  },
  {
    name: 'governance.approve',
    command: {
      type: 'batch',
      commands: [
        { type: 'governance.setMeta', changes: { reviewers: ['Grace'] } },
        { type: 'governance.approve', reviewer: 'Grace', at: '2026-12-04T10:00:00Z', versionName: 'v1' },
      ],
    },
    check: (d) => expect(d.governance?.approval).toMatchObject({ reviewer: 'Grace', versionName: 'v1', fingerprint: expect.stringMatching(/^[0-9a-f]{16}$/) }),
  },
  {
    name: 'governance.decision.add',
    command: { type: 'governance.decision.add', decision: { id: 'd1', title: 'UUID keys', status: 'accepted', alternatives: [{ option: 'bigint identity' }], elements: [{ kind: 'table', id: 't_users' }] } },
    check: (d) => expect(d.governance?.decisions?.map((x) => x.title)).toEqual(['UUID keys']),
  },
  {
    name: 'governance.decision.update',
    command: {
      type: 'batch',
      commands: [
        { type: 'governance.decision.add', decision: { id: 'd1', title: 'UUID keys', status: 'proposed', alternatives: [], elements: [] } },
        { type: 'governance.decision.update', decisionId: 'd1', changes: { status: 'accepted', consequences: 'wider indexes' } },
      ],
    },
    check: (d) => expect(d.governance?.decisions?.[0]).toMatchObject({ status: 'accepted', consequences: 'wider indexes' }),
  },
  {
    name: 'governance.decision.remove',
    command: {
      type: 'batch',
      commands: [
        { type: 'governance.decision.add', decision: { id: 'd1', title: 'UUID keys', status: 'proposed', alternatives: [], elements: [] } },
        { type: 'governance.decision.remove', decisionId: 'd1' },
      ],
    },
    check: (d) => expect(d.governance?.decisions).toEqual([]),
  },
  {
    name: 'governance.risk.add',
    command: { type: 'governance.risk.add', risk: { id: 'r1', kind: 'question', title: 'Who owns refunds?', status: 'open', owner: 'Ada' } },
    check: (d) => expect(d.governance?.risks?.map((x) => x.title)).toEqual(['Who owns refunds?']),
  },
  {
    name: 'governance.risk.update',
    command: {
      type: 'batch',
      commands: [
        { type: 'governance.risk.add', risk: { id: 'r1', kind: 'risk', title: 'Hot partition', status: 'open' } },
        { type: 'governance.risk.update', riskId: 'r1', changes: { status: 'mitigating', impact: 'high' } },
      ],
    },
    check: (d) => expect(d.governance?.risks?.[0]).toMatchObject({ status: 'mitigating', impact: 'high' }),
  },
  {
    name: 'governance.risk.remove',
    command: {
      type: 'batch',
      commands: [
        { type: 'governance.risk.add', risk: { id: 'r1', kind: 'risk', title: 'Hot partition', status: 'open' } },
        { type: 'governance.risk.remove', riskId: 'r1' },
      ],
    },
    check: (d) => expect(d.governance?.risks).toEqual([]),
  },
  {
    name: 'document.replace: an imported schema merged in replaces the parts that differ',
    command: (() => {
      const next = structuredClone(commandsFixture());
      next.settings.dialect = 'mysql';
      delete next.tables.t_users;
      for (const [id, r] of Object.entries(next.relationships)) if (r.fromTableId === 't_users' || r.toTableId === 't_users') delete next.relationships[id];
      for (const a of Object.values(next.areas)) a.tableIds = a.tableIds.filter((t) => t !== 't_users');
      delete next.layout.tables.t_users;
      return { type: 'document.replace' as const, document: next, label: 'Import merge' };
    })(),
    check: (d) => {
      expect(d.tables.t_users).toBeUndefined();
      expect(d.settings.dialect).toBe('mysql');
    },
  },
  {
    name: 'batch: add a table, then a column to it, then index it (later steps see earlier ones)',
    command: {
      type: 'batch',
      label: 'Add audit log',
      commands: [
        { type: 'table.add', table: makeTable({ id: 't_log', name: 'audit_log' }, noIds) },
        { type: 'column.add', tableId: 't_log', column: makeColumn({ id: 'c_log_at', name: 'at', type: scalar('timestamptz') }, noIds) },
        { type: 'index.add', tableId: 't_log', index: makeIndex({ id: 'i_log_at', name: 'ix_log_at', parts: [{ kind: 'column', columnId: 'c_log_at' }], method: 'brin' }, noIds) },
      ],
    },
    check: (d) => expect(d.tables.t_log.indexes[0].method).toBe('brin'),
  },
];

describe('every command: apply, check, undo, redo', () => {
  it.each(cases)('$name', ({ command, check }) => {
    const before = commandsFixture();
    const result = applyAndCheck(before, command);
    expect(result.patches.length).toBeGreaterThan(0);
    check(result.doc, before, result);
  });

  it('covers every command type', () => {
    // A Record over CommandType: adding a command type without listing it here fails to compile.
    const all: Record<CommandType, true> = {
      'table.add': true, 'table.update': true, 'table.remove': true,
      'column.add': true, 'column.update': true, 'column.move': true, 'column.remove': true,
      'primaryKey.set': true, 'unique.add': true, 'unique.update': true, 'unique.remove': true,
      'check.add': true, 'check.update': true, 'check.remove': true, 'index.add': true, 'index.update': true, 'index.remove': true,
      'relationship.add': true, 'relationship.update': true, 'relationship.remove': true,
      'enum.add': true, 'enum.update': true, 'enum.remove': true, 'domain.add': true, 'domain.update': true, 'domain.remove': true,
      'view.add': true, 'view.update': true, 'view.remove': true, 'schema.add': true, 'schema.update': true, 'schema.remove': true,
      'extension.add': true, 'extension.update': true, 'extension.remove': true,
      'sequence.add': true, 'sequence.update': true, 'sequence.remove': true,
      'area.add': true, 'area.update': true, 'area.remove': true, 'area.addTables': true, 'area.removeTables': true,
      'note.add': true, 'note.update': true, 'note.remove': true,
      'layout.moveTables': true, 'layout.setTableColor': true, 'layout.setTablesCollapsed': true, 'layout.setNote': true,
      'design.setNarrative': true, 'design.setRequirements': true,
      'design.queryPattern.add': true, 'design.queryPattern.update': true, 'design.queryPattern.remove': true,
      'settings.setDialect': true, 'review.setRule': true, 'review.waive': true, 'review.unwaive': true,
      'governance.setMeta': true, 'governance.approve': true,
      'governance.decision.add': true, 'governance.decision.update': true, 'governance.decision.remove': true,
      'governance.risk.add': true, 'governance.risk.update': true, 'governance.risk.remove': true,
      'document.replace': true, batch: true,
    };
    // A batch counts for the types it runs too (review.unwaive needs a waiver to exist first).
    const typesOf = (c: Command): CommandType[] => (c.type === 'batch' ? ['batch', ...c.commands.flatMap(typesOf)] : [c.type]);
    const tested = new Set(cases.flatMap((c) => typesOf(c.command)));
    expect(Object.keys(all).filter((t) => !tested.has(t as CommandType))).toEqual([]);
  });

  it('a no-op command produces no patches and returns the same document', () => {
    const doc = commandsFixture();
    const r = applyAndCheck(doc, { type: 'layout.moveTables', positions: { t_users: { x: 0, y: 0 } } });
    expect(r.patches).toEqual([]);
    expect(r.doc).toBe(doc);
  });

  it('a rename touches one field: the patch is a single replace of that name', () => {
    const r = applyAndCheck(commandsFixture(), { type: 'column.update', tableId: 't_users', columnId: 'c_users_email', changes: { name: 'mail' } });
    expect(r.patches).toEqual([{ op: 'replace', path: ['tables', 't_users', 'columns', 1, 'name'], value: 'mail' }]);
    expect(r.inversePatches).toEqual([{ op: 'replace', path: ['tables', 't_users', 'columns', 1, 'name'], value: 'email' }]);
  });

  it('the added element does not alias the command (later edits of the command object do not leak in)', () => {
    const column = makeColumn({ id: 'c_x', name: 'x', type: scalar('text') }, noIds);
    const r = applyAndCheck(commandsFixture(), { type: 'column.add', tableId: 't_users', column });
    column.name = 'changed';
    expect(users(r.doc).columns.at(-1)?.name).toBe('x');
  });
});

describe('document.replace', () => {
  it('refuses an invalid replacement and leaves the document as it was', async () => {
    const { applyCommand, CommandError } = await import('./apply');
    const doc = commandsFixture();
    const broken = structuredClone(doc);
    broken.relationships = { r: { ...Object.values(doc.relationships)[0], id: 'r', toTableId: 'nope' } };
    expect(() => applyCommand(doc, { type: 'document.replace', document: broken })).toThrow(CommandError);
    expect(() => applyCommand(doc, { type: 'document.replace', document: broken })).toThrow(/replacement document is invalid: relationships\.r\.toTableId/);
    expect(doc).toEqual(commandsFixture());
  });
});

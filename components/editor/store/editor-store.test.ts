/**
 * The editor store without a DOM: every command type through dispatch, then undo and redo through
 * the store's history; a drag as one step; selection pruning; errors that leave the store alone.
 */
import { describe, expect, it, vi } from 'vitest';
import { makeColumn, makeIndex, makeRelationship, makeTable, scalar } from '@/lib/model/build';
import type { SchemaDocument } from '@/lib/model/document';
import { integrityIssues } from '@/lib/model/validate';
import { addTableCommand, connectColumnsCommand, manyToManyCommand, pasteTablesCommand, removeTablesPlan, type Command, type CommandType } from '@/lib/model/commands/apply';
import { commandsFixture } from '@/lib/model/commands/test-fixture';
import { createEditorStore, HISTORY_LIMIT, pruneSelection, type Selection } from './editor-store';
import type { Saver } from './saver';

const noIds = (prefix: string): string => {
  throw new Error(`give every element an id (${prefix})`);
};

function newStore(doc: SchemaDocument = commandsFixture()) {
  return createEditorStore({ projectId: 'p1', name: 'Shop', version: 1, doc });
}

type Case = { command: Command; check: (doc: SchemaDocument) => void };

/**
 * One case per command type. `satisfies Record<CommandType, ...>` makes the compiler fail when a
 * command type is added to lib/model/commands without a store test here.
 */
const cases = {
  'table.add': {
    command: { type: 'table.add', table: makeTable({ id: 't_new', name: 'audit', columns: [makeColumn({ id: 'c_new_id', name: 'id' }, noIds)] }, noIds), position: { x: 10, y: 20 } },
    check: (d) => {
      expect(d.tables.t_new.name).toBe('audit');
      expect(d.layout.tables.t_new).toEqual({ x: 10, y: 20 });
    },
  },
  'table.update': { command: { type: 'table.update', tableId: 't_users', changes: { name: 'accounts' } }, check: (d) => expect(d.tables.t_users.name).toBe('accounts') },
  'table.setVolume': { command: { type: 'table.setVolume', tableId: 't_users', volume: { rows: 1000 } }, check: (d) => expect(d.tables.t_users.volume).toEqual({ rows: 1000 }) },
  'table.setVolumes': {
    command: { type: 'table.setVolumes', volumes: [{ tableId: 't_users', volume: { rows: 10 } }, { tableId: 't_orders', volume: { rows: 20, growthPerMonth: 5 } }] },
    check: (d) => expect([d.tables.t_users.volume, d.tables.t_orders.volume]).toEqual([{ rows: 10 }, { rows: 20, growthPerMonth: 5 }]),
  },
  'table.remove': {
    command: { type: 'table.remove', tableId: 't_orders' },
    check: (d) => {
      expect(d.tables.t_orders).toBeUndefined();
      expect(d.relationships.r_orders_users).toBeUndefined();
      expect(d.areas.a_sales.tableIds).toEqual(['t_users']);
    },
  },
  'column.add': {
    command: { type: 'column.add', tableId: 't_users', column: makeColumn({ id: 'c_users_phone', name: 'phone', type: scalar('varchar', { length: 20 }) }, noIds), index: 1 },
    check: (d) => expect(d.tables.t_users.columns.map((c) => c.name)).toEqual(['id', 'phone', 'email', 'name', 'manager_id']),
  },
  'column.update': {
    command: { type: 'column.update', tableId: 't_users', columnId: 'c_users_name', changes: { name: 'full_name', nullable: false } },
    check: (d) => expect(d.tables.t_users.columns[2]).toMatchObject({ name: 'full_name', nullable: false }),
  },
  'column.move': {
    command: { type: 'column.move', tableId: 't_users', columnId: 'c_users_manager_id', toIndex: 0 },
    check: (d) => expect(d.tables.t_users.columns.map((c) => c.name)).toEqual(['manager_id', 'id', 'email', 'name']),
  },
  'column.remove': {
    command: { type: 'column.remove', tableId: 't_orders', columnId: 'c_orders_user_id' },
    check: (d) => {
      expect(d.tables.t_orders.columns.map((c) => c.name)).not.toContain('user_id');
      expect(d.relationships.r_orders_users).toBeUndefined();
      expect(d.tables.t_orders.indexes.map((i) => i.id)).not.toContain('i_orders_user');
    },
  },
  'primaryKey.set': { command: { type: 'primaryKey.set', tableId: 't_orders', primaryKey: undefined }, check: (d) => expect(d.tables.t_orders.primaryKey).toBeUndefined() },
  'unique.add': {
    command: { type: 'unique.add', tableId: 't_users', unique: { id: 'u_users_name', columnIds: ['c_users_name'] } },
    check: (d) => expect(d.tables.t_users.uniques.map((u) => u.id)).toEqual(['u_users_email', 'u_users_name']),
  },
  'unique.update': {
    command: { type: 'unique.update', tableId: 't_users', uniqueId: 'u_users_email', changes: { nullsNotDistinct: true } },
    check: (d) => expect(d.tables.t_users.uniques[0].nullsNotDistinct).toBe(true),
  },
  'unique.remove': { command: { type: 'unique.remove', tableId: 't_users', uniqueId: 'u_users_email' }, check: (d) => expect(d.tables.t_users.uniques).toEqual([]) },
  'check.add': {
    command: { type: 'check.add', tableId: 't_orders', check: { id: 'k_total', expression: 'total >= 0' } },
    check: (d) => expect(d.tables.t_orders.checks).toEqual([{ id: 'k_total', expression: 'total >= 0' }]),
  },
  'check.update': {
    command: { type: 'check.update', tableId: 't_users', checkId: 'k_users_name', changes: { expression: 'length(name) > 1' } },
    check: (d) => expect(d.tables.t_users.checks[0].expression).toBe('length(name) > 1'),
  },
  'check.remove': { command: { type: 'check.remove', tableId: 't_users', checkId: 'k_users_name' }, check: (d) => expect(d.tables.t_users.checks).toEqual([]) },
  'index.add': {
    command: { type: 'index.add', tableId: 't_orders', index: makeIndex({ id: 'i_total', name: 'ix_orders_total', parts: [{ kind: 'column', columnId: 'c_orders_total' }] }, noIds) },
    check: (d) => expect(d.tables.t_orders.indexes.map((i) => i.name)).toContain('ix_orders_total'),
  },
  'index.update': {
    command: { type: 'index.update', tableId: 't_orders', indexId: 'i_orders_user', changes: { where: "status <> 'done'" } },
    check: (d) => expect(d.tables.t_orders.indexes[0].where).toBe("status <> 'done'"),
  },
  'index.remove': { command: { type: 'index.remove', tableId: 't_orders', indexId: 'i_orders_user' }, check: (d) => expect(d.tables.t_orders.indexes.map((i) => i.id)).toEqual(['i_orders_status_created']) },
  'relationship.add': {
    command: {
      type: 'relationship.add',
      relationship: makeRelationship({ id: 'r_new', fromTableId: 't_order_items', toTableId: 't_users', columnPairs: [{ fromColumnId: 'c_order_items_qty', toColumnId: 'c_users_id' }] }, noIds),
    },
    check: (d) => expect(d.relationships.r_new.toTableId).toBe('t_users'),
  },
  'relationship.update': {
    command: { type: 'relationship.update', relationshipId: 'r_orders_users', changes: { onDelete: 'cascade' } },
    check: (d) => expect(d.relationships.r_orders_users.onDelete).toBe('cascade'),
  },
  'relationship.remove': { command: { type: 'relationship.remove', relationshipId: 'r_items_orders' }, check: (d) => expect(d.relationships.r_items_orders).toBeUndefined() },
  'enum.add': { command: { type: 'enum.add', enum: { id: 'e_tier', name: 'tier', values: ['free', 'pro'] } }, check: (d) => expect(d.enums.e_tier.values).toEqual(['free', 'pro']) },
  'enum.update': { command: { type: 'enum.update', enumId: 'e_status', changes: { values: ['new', 'paid'] } }, check: (d) => expect(d.enums.e_status.values).toEqual(['new', 'paid']) },
  'enum.remove': {
    command: { type: 'enum.remove', enumId: 'e_status' },
    check: (d) => {
      expect(d.enums.e_status).toBeUndefined();
      expect(d.tables.t_orders.columns[3].type).toEqual({ kind: 'scalar', name: 'text' });
    },
  },
  'domain.add': {
    command: { type: 'domain.add', domain: { id: 'd_amount', name: 'amount', type: scalar('decimal', { precision: 12, scale: 2 }), nullable: false, default: { kind: 'none' }, checks: [] } },
    check: (d) => expect(d.domains.d_amount.name).toBe('amount'),
  },
  'domain.update': { command: { type: 'domain.update', domainId: 'd_email', changes: { comment: 'an address' } }, check: (d) => expect(d.domains.d_email.comment).toBe('an address') },
  'domain.remove': { command: { type: 'domain.remove', domainId: 'd_email' }, check: (d) => expect(d.tables.t_users.columns[1].type).toMatchObject({ kind: 'scalar', name: 'varchar' }) },
  'view.add': {
    command: { type: 'view.add', view: { id: 'v_big', name: 'big_orders', sql: 'SELECT * FROM orders', dialect: 'postgres', materialized: true } },
    check: (d) => expect(d.views.v_big.materialized).toBe(true),
  },
  'view.update': { command: { type: 'view.update', viewId: 'v_active', changes: { name: 'all_users' } }, check: (d) => expect(d.views.v_active.name).toBe('all_users') },
  'view.remove': { command: { type: 'view.remove', viewId: 'v_active' }, check: (d) => expect(d.views).toEqual({}) },
  'schema.add': { command: { type: 'schema.add', schema: { id: 's_audit', name: 'audit' } }, check: (d) => expect(d.schemas.s_audit.name).toBe('audit') },
  'schema.update': { command: { type: 'schema.update', schemaId: 's_catalog', changes: { name: 'shop' } }, check: (d) => expect(d.schemas.s_catalog.name).toBe('shop') },
  'schema.remove': {
    command: { type: 'schema.remove', schemaId: 's_catalog' },
    check: (d) => {
      expect(d.schemas).toEqual({});
      expect(d.tables.t_products.schemaId).toBeUndefined();
    },
  },
  'extension.add': { command: { type: 'extension.add', extension: { id: 'x_uuid', name: 'uuid-ossp' } }, check: (d) => expect(d.extensions.x_uuid.name).toBe('uuid-ossp') },
  'extension.update': { command: { type: 'extension.update', extensionId: 'x_trgm', changes: { version: '1.6' } }, check: (d) => expect(d.extensions.x_trgm.version).toBe('1.6') },
  'extension.remove': { command: { type: 'extension.remove', extensionId: 'x_trgm' }, check: (d) => expect(d.extensions).toEqual({}) },
  'sequence.add': { command: { type: 'sequence.add', sequence: { id: 'q_x', name: 'x_seq', dataType: 'integer' } }, check: (d) => expect(d.sequences.q_x.dataType).toBe('integer') },
  'sequence.update': { command: { type: 'sequence.update', sequenceId: 'q_invoice', changes: { cycle: true } }, check: (d) => expect(d.sequences.q_invoice.cycle).toBe(true) },
  'sequence.remove': { command: { type: 'sequence.remove', sequenceId: 'q_invoice' }, check: (d) => expect(d.sequences).toEqual({}) },
  'area.add': {
    command: { type: 'area.add', area: { id: 'a_cat', name: 'Catalog', color: '#00aa00', tableIds: ['t_products'] } },
    check: (d) => expect(d.areas.a_cat.tableIds).toEqual(['t_products']),
  },
  'area.update': { command: { type: 'area.update', areaId: 'a_sales', changes: { color: '#123456' } }, check: (d) => expect(d.areas.a_sales.color).toBe('#123456') },
  'area.remove': { command: { type: 'area.remove', areaId: 'a_sales' }, check: (d) => expect(d.areas).toEqual({}) },
  'area.addTables': { command: { type: 'area.addTables', areaId: 'a_sales', tableIds: ['t_products'] }, check: (d) => expect(d.areas.a_sales.tableIds).toEqual(['t_users', 't_orders', 't_products']) },
  'area.removeTables': { command: { type: 'area.removeTables', areaId: 'a_sales', tableIds: ['t_users'] }, check: (d) => expect(d.areas.a_sales.tableIds).toEqual(['t_orders']) },
  'note.add': {
    command: { type: 'note.add', note: { id: 'n_2', text: 'hi', color: '#abcdef' }, geometry: { x: 1, y: 2, width: 100, height: 50 } },
    check: (d) => expect(d.layout.notes.n_2).toEqual({ x: 1, y: 2, width: 100, height: 50 }),
  },
  'note.update': { command: { type: 'note.update', noteId: 'n_1', changes: { text: 'changed' } }, check: (d) => expect(d.notes.n_1.text).toBe('changed') },
  'note.remove': { command: { type: 'note.remove', noteId: 'n_1' }, check: (d) => expect(d.notes).toEqual({}) },
  'layout.moveTables': {
    command: { type: 'layout.moveTables', positions: { t_users: { x: 50, y: 60 }, t_order_items: { x: 0, y: 500 } } },
    check: (d) => {
      expect(d.layout.tables.t_users).toEqual({ x: 50, y: 60 });
      expect(d.layout.tables.t_order_items).toEqual({ x: 0, y: 500 });
    },
  },
  'layout.setTableColor': { command: { type: 'layout.setTableColor', tableId: 't_users', color: '#00ff00' }, check: (d) => expect(d.layout.tables.t_users.color).toBe('#00ff00') },
  'layout.setTablesCollapsed': { command: { type: 'layout.setTablesCollapsed', tableIds: ['t_users'], collapsed: true }, check: (d) => expect(d.layout.tables.t_users.collapsed).toBe(true) },
  'layout.setNote': { command: { type: 'layout.setNote', noteId: 'n_1', geometry: { width: 320 } }, check: (d) => expect(d.layout.notes.n_1.width).toBe(320) },
  'design.setNarrative': { command: { type: 'design.setNarrative', section: 'caching', markdown: 'Redis' }, check: (d) => expect(d.design.narrative.caching).toBe('Redis') },
  'design.setRequirements': { command: { type: 'design.setRequirements', requirements: { workload: 'oltp' } }, check: (d) => expect(d.design.requirements).toEqual({ workload: 'oltp' }) },
  'design.queryPattern.add': {
    command: { type: 'design.queryPattern.add', queryPattern: { id: 'q_2', name: 'Top products' } },
    check: (d) => expect(d.design.queryPatterns.map((q) => q.id)).toEqual(['q_orders_by_user', 'q_2']),
  },
  'design.queryPattern.update': {
    command: { type: 'design.queryPattern.update', queryPatternId: 'q_orders_by_user', changes: { frequencyPerSecond: 10 } },
    check: (d) => expect(d.design.queryPatterns[0].frequencyPerSecond).toBe(10),
  },
  'design.queryPattern.remove': { command: { type: 'design.queryPattern.remove', queryPatternId: 'q_orders_by_user' }, check: (d) => expect(d.design.queryPatterns).toEqual([]) },
  'settings.setDialect': { command: { type: 'settings.setDialect', dialect: 'mysql' }, check: (d) => expect(d.settings.dialect).toBe('mysql') },
  'review.setRule': { command: { type: 'review.setRule', ruleId: 'no-primary-key', setting: { enabled: false } }, check: (d) => expect(d.review?.rules?.['no-primary-key']).toEqual({ enabled: false }) },
  'review.waive': {
    command: { type: 'review.waive', waiver: { key: 'no-primary-key:t_users', ruleId: 'no-primary-key', rationale: 'staging' } },
    check: (d) => expect(d.review?.waivers).toHaveLength(1),
  },
  'review.unwaive': {
    command: { type: 'batch', commands: [{ type: 'review.waive', waiver: { key: 'k', ruleId: 'no-primary-key', rationale: 'r' } }, { type: 'review.unwaive', key: 'k' }] },
    check: (d) => expect(d.review?.waivers).toEqual([]),
  },
  'governance.setMeta': { command: { type: 'governance.setMeta', changes: { status: 'in-review' } }, check: (d) => expect(d.governance?.status).toBe('in-review') },
  'governance.approve': {
    command: { type: 'batch', commands: [{ type: 'governance.setMeta', changes: { reviewers: ['Grace'] } }, { type: 'governance.approve', reviewer: 'Grace', at: '2026-12-04T10:00:00Z' }] },
    check: (d) => expect(d.governance?.status).toBe('approved'),
  },
  'governance.decision.add': {
    command: { type: 'governance.decision.add', decision: { id: 'd1', title: 'UUID keys', status: 'accepted', alternatives: [], elements: [] } },
    check: (d) => expect(d.governance?.decisions).toHaveLength(1),
  },
  'governance.decision.update': {
    command: { type: 'batch', commands: [{ type: 'governance.decision.add', decision: { id: 'd1', title: 'A', status: 'proposed', alternatives: [], elements: [] } }, { type: 'governance.decision.update', decisionId: 'd1', changes: { title: 'B' } }] },
    check: (d) => expect(d.governance?.decisions?.[0].title).toBe('B'),
  },
  'governance.decision.remove': {
    command: { type: 'batch', commands: [{ type: 'governance.decision.add', decision: { id: 'd1', title: 'A', status: 'proposed', alternatives: [], elements: [] } }, { type: 'governance.decision.remove', decisionId: 'd1' }] },
    check: (d) => expect(d.governance?.decisions).toEqual([]),
  },
  'governance.risk.add': { command: { type: 'governance.risk.add', risk: { id: 'r1', kind: 'risk', title: 'A', status: 'open' } }, check: (d) => expect(d.governance?.risks).toHaveLength(1) },
  'governance.risk.update': {
    command: { type: 'batch', commands: [{ type: 'governance.risk.add', risk: { id: 'r1', kind: 'risk', title: 'A', status: 'open' } }, { type: 'governance.risk.update', riskId: 'r1', changes: { status: 'closed' } }] },
    check: (d) => expect(d.governance?.risks?.[0].status).toBe('closed'),
  },
  'governance.risk.remove': {
    command: { type: 'batch', commands: [{ type: 'governance.risk.add', risk: { id: 'r1', kind: 'risk', title: 'A', status: 'open' } }, { type: 'governance.risk.remove', riskId: 'r1' }] },
    check: (d) => expect(d.governance?.risks).toEqual([]),
  },
  'document.replace': {
    command: { type: 'document.replace', label: 'Import into this project', document: { ...commandsFixture(), settings: { dialect: 'mysql' } } },
    check: (d) => expect(d.settings.dialect).toBe('mysql'),
  },
  batch: {
    command: {
      type: 'batch',
      label: 'Add audit log',
      commands: [
        { type: 'table.add', table: makeTable({ id: 't_log', name: 'audit_log' }, noIds) },
        { type: 'column.add', tableId: 't_log', column: makeColumn({ id: 'c_log_at', name: 'at', type: scalar('timestamptz') }, noIds) },
      ],
    },
    check: (d) => expect(d.tables.t_log.columns.map((c) => c.name)).toEqual(['at']),
  },
} satisfies Record<CommandType, Case>;

describe('editor store: every command through dispatch, undo and redo', () => {
  it.each(Object.entries(cases))('%s', (_type, { command, check }) => {
    const store = newStore();
    const before = store.getState().doc;
    const snapshot = structuredClone(before);

    const r = store.getState().dispatch(command as Command);
    expect('error' in r ? r.error : 'ok').toBe('ok');
    const after = store.getState().doc;
    expect(after).not.toBe(before);
    check(after);
    expect(integrityIssues(after)).toEqual([]);
    expect(before).toEqual(snapshot); // the previous document was not mutated
    expect(store.getState().past).toHaveLength(1);
    expect(store.getState().past[0].label.length).toBeGreaterThan(0);

    store.getState().undo();
    expect(store.getState().doc).toEqual(snapshot);
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().future).toHaveLength(1);

    store.getState().redo();
    expect(store.getState().doc).toEqual(after);
    expect(store.getState().future).toHaveLength(0);
  });
});

describe('editor store: history', () => {
  it('a drag of several tables is one undo step', () => {
    const store = newStore();
    const s = store.getState();
    // While dragging, positions live outside the document and outside history.
    s.setDragPositions({ t_users: { x: 5, y: 5 }, t_orders: { x: 405, y: 5 } });
    s.setDragPositions({ t_users: { x: 15, y: 25 }, t_orders: { x: 415, y: 25 } });
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().doc.layout.tables.t_users).toEqual({ x: 0, y: 0 });
    // Drag end commits once.
    store.getState().dispatch({ type: 'layout.moveTables', positions: { t_users: { x: 15, y: 25 }, t_orders: { x: 415, y: 25 } } });
    store.getState().setDragPositions({});
    expect(store.getState().past).toHaveLength(1);
    expect(store.getState().doc.layout.tables.t_orders).toEqual({ x: 415, y: 25, color: '#ff0000' });
    store.getState().undo();
    expect(store.getState().doc.layout.tables.t_users).toEqual({ x: 0, y: 0 });
    expect(store.getState().doc.layout.tables.t_orders).toEqual({ x: 400, y: 0, color: '#ff0000' });
  });

  it('undo several steps, redo them in order, and a new edit clears redo', () => {
    const store = newStore();
    const original = store.getState().doc;
    const d = store.getState().dispatch;
    d({ type: 'table.update', tableId: 't_users', changes: { name: 'a' } });
    d({ type: 'table.update', tableId: 't_users', changes: { name: 'b' } });
    d({ type: 'table.update', tableId: 't_users', changes: { name: 'c' } });
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().doc.tables.t_users.name).toBe('a');
    store.getState().redo();
    expect(store.getState().doc.tables.t_users.name).toBe('b');
    store.getState().dispatch({ type: 'table.update', tableId: 't_users', changes: { name: 'z' } });
    expect(store.getState().future).toEqual([]);
    store.getState().redo(); // nothing to redo: no change
    expect(store.getState().doc.tables.t_users.name).toBe('z');
    store.getState().undo();
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().doc).toEqual(original);
    store.getState().undo(); // nothing left: no change, no throw
    expect(store.getState().doc).toEqual(original);
  });

  it('an invalid command returns an error and changes nothing', () => {
    const store = newStore();
    const before = store.getState().doc;
    const r = store.getState().dispatch({ type: 'table.update', tableId: 't_users', changes: { name: 'orders' } });
    expect(r).toEqual({ error: expect.stringContaining('orders') });
    expect(store.getState().doc).toBe(before);
    expect(store.getState().past).toEqual([]);
  });

  it('a command that changes nothing records no history', () => {
    const store = newStore();
    store.getState().dispatch({ type: 'area.addTables', areaId: 'a_sales', tableIds: ['t_users'] });
    expect(store.getState().past).toEqual([]);
  });

  it('keeps at most HISTORY_LIMIT entries', () => {
    const store = newStore();
    for (let i = 0; i < HISTORY_LIMIT + 5; i++) store.getState().dispatch({ type: 'layout.moveTables', positions: { t_users: { x: i + 1, y: 0 } } });
    expect(store.getState().past).toHaveLength(HISTORY_LIMIT);
    expect(store.getState().doc.layout.tables.t_users.x).toBe(HISTORY_LIMIT + 5);
  });

  it('lastChanges reports integrity side effects of the last command, and is cleared by the next', () => {
    const store = newStore();
    store.getState().dispatch({ type: 'column.remove', tableId: 't_orders', columnId: 'c_orders_user_id' });
    const messages = store.getState().lastChanges.map((c) => c.message).join('\n');
    expect(messages).toContain('ix_orders_user');
    expect(store.getState().lastChanges.map((c) => c.entityId)).toContain('r_orders_users');
    store.getState().dispatch({ type: 'table.update', tableId: 't_users', changes: { comment: 'x' } });
    expect(store.getState().lastChanges).toEqual([]);
  });
});

describe('editor store: canvas helpers from lib/model/commands through dispatch', () => {
  it('addTableCommand adds a table with an id key; undo removes it', () => {
    const store = newStore();
    const cmd = addTableCommand(store.getState().doc, { position: { x: 100, y: 200 } });
    store.getState().dispatch(cmd);
    const t = store.getState().doc.tables[cmd.table.id];
    expect(t.name).toBe('table_5');
    expect(t.columns.map((c) => c.name)).toEqual(['id']);
    expect(store.getState().doc.layout.tables[cmd.table.id]).toEqual({ x: 100, y: 200 });
    store.getState().undo();
    expect(store.getState().doc.tables[cmd.table.id]).toBeUndefined();
  });

  it('connectColumnsCommand creates the relationship in one step', () => {
    const store = newStore();
    const cmd = connectColumnsCommand(store.getState().doc, { fromTableId: 't_order_items', fromColumnId: 'c_order_items_qty', toTableId: 't_users', toColumnId: 'c_users_id' });
    const before = Object.keys(store.getState().doc.relationships).length;
    store.getState().dispatch(cmd);
    const rels = Object.values(store.getState().doc.relationships);
    expect(rels).toHaveLength(before + 1);
    expect(rels.some((r) => r.fromTableId === 't_order_items' && r.toTableId === 't_users' && r.columnPairs[0].fromColumnId === 'c_order_items_qty')).toBe(true);
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(Object.keys(store.getState().doc.relationships)).toHaveLength(before);
  });

  it('manyToManyCommand creates a junction table with two relationships, one undo step', () => {
    const store = newStore();
    const tablesBefore = Object.keys(store.getState().doc.tables).length;
    store.getState().dispatch(manyToManyCommand(store.getState().doc, 't_users', 't_products'));
    const doc = store.getState().doc;
    expect(Object.keys(doc.tables)).toHaveLength(tablesBefore + 1);
    const junction = Object.values(doc.tables).find((t) => !commandsFixture().tables[t.id])!;
    const rels = Object.values(doc.relationships).filter((r) => r.fromTableId === junction.id);
    expect(rels.map((r) => r.toTableId).sort()).toEqual(['t_products', 't_users']);
    store.getState().undo();
    expect(Object.keys(store.getState().doc.tables)).toHaveLength(tablesBefore);
  });

  it('removeTablesPlan names what else goes; its command removes it all in one step', () => {
    const store = newStore();
    const plan = removeTablesPlan(store.getState().doc, ['t_orders']);
    expect(plan.consequences.join('\n')).toContain('ix_orders_user');
    expect(plan.consequences).toContain('foreign key "fk_items_orders" removed: table "orders" was removed');
    store.getState().select({ kind: 'tables', tableIds: ['t_orders', 't_users'] });
    store.getState().dispatch(plan.command);
    expect(store.getState().doc.tables.t_orders).toBeUndefined();
    expect(store.getState().selection).toEqual({ kind: 'tables', tableIds: ['t_users'] });
    store.getState().undo();
    expect(store.getState().doc).toEqual(commandsFixture());
  });

  it('pasteTablesCommand adds copies with fresh ids and non-clashing names', () => {
    const store = newStore();
    const doc = store.getState().doc;
    store.getState().dispatch(pasteTablesCommand(doc, [doc.tables.t_users], [doc.relationships.r_users_manager], { x: 40, y: 40 }));
    const names = Object.values(store.getState().doc.tables).map((t) => t.name);
    expect(names).toContain('users_copy');
    const copy = Object.values(store.getState().doc.tables).find((t) => t.name === 'users_copy')!;
    expect(copy.id).not.toBe('t_users');
    expect(store.getState().doc.layout.tables[copy.id]).toEqual({ x: 40, y: 40 });
    store.getState().undo();
    expect(store.getState().doc).toEqual(commandsFixture());
  });
});

describe('editor store: selection', () => {
  it('undoing an add drops the added table from the selection', () => {
    const store = newStore();
    const cmd = addTableCommand(store.getState().doc);
    store.getState().dispatch(cmd);
    store.getState().select({ kind: 'tables', tableIds: [cmd.table.id] });
    store.getState().undo();
    expect(store.getState().selection).toEqual({ kind: 'none' });
  });

  it.each([
    [{ kind: 'column', tableId: 't_users', columnId: 'c_users_name' }, { type: 'column.remove', tableId: 't_users', columnId: 'c_users_name' }],
    [{ kind: 'index', tableId: 't_orders', indexId: 'i_orders_user' }, { type: 'index.remove', tableId: 't_orders', indexId: 'i_orders_user' }],
    [{ kind: 'relationship', relationshipId: 'r_orders_users' }, { type: 'relationship.remove', relationshipId: 'r_orders_users' }],
    [{ kind: 'note', noteId: 'n_1' }, { type: 'note.remove', noteId: 'n_1' }],
    [{ kind: 'area', areaId: 'a_sales' }, { type: 'area.remove', areaId: 'a_sales' }],
  ] as const)('removing the selected %o clears the selection', (selection, command) => {
    const store = newStore();
    store.getState().select(selection);
    store.getState().dispatch(command);
    expect(store.getState().selection).toEqual({ kind: 'none' });
  });

  it('pruneSelection keeps a selection that still exists (same object)', () => {
    const doc = commandsFixture();
    const sel: Selection = { kind: 'tables', tableIds: ['t_users'] };
    expect(pruneSelection(doc, sel)).toBe(sel);
  });

  it('select with an equal selection does not notify subscribers', () => {
    const store = newStore();
    store.getState().select({ kind: 'tables', tableIds: ['t_users'] });
    let calls = 0;
    const unsub = store.subscribe(() => calls++);
    store.getState().select({ kind: 'tables', tableIds: ['t_users'] });
    unsub();
    expect(calls).toBe(0);
  });

  it('dialect starts as the document dialect and is independent of it', () => {
    const store = newStore();
    expect(store.getState().dialect).toBe('postgres');
    store.getState().setDialect('mysql');
    expect(store.getState().dialect).toBe('mysql');
    expect(store.getState().doc.settings.dialect).toBe('postgres');
    expect(store.getState().past).toEqual([]);
  });

  it('replaceDocument (reload after a conflict) resets history, selection and save state', () => {
    const store = newStore();
    store.getState().dispatch({ type: 'table.update', tableId: 't_users', changes: { name: 'mine' } });
    store.getState().select({ kind: 'tables', tableIds: ['t_users'] });
    const theirs = commandsFixture();
    theirs.tables.t_users.name = 'theirs';
    store.getState().replaceDocument(theirs, 7);
    const s = store.getState();
    expect(s.doc.tables.t_users.name).toBe('theirs');
    expect(s.past).toEqual([]);
    expect(s.future).toEqual([]);
    expect(s.selection).toEqual({ kind: 'none' });
    expect(s.saveState).toEqual({ status: 'saved', version: 7 });
  });
});

describe('editor store: read-only (a viewer, a commenter, a share link; issue 18)', () => {
  const reason = 'Read-only: your role is viewer';
  const readOnlyStore = (saver?: Saver) => createEditorStore({ projectId: 'p1', name: 'Shop', version: 1, doc: commandsFixture(), readOnly: reason, saver });

  it.each(Object.entries(cases))('refuses %s at dispatch and changes nothing', (_type, { command }) => {
    const store = readOnlyStore();
    const before = store.getState();
    expect(store.getState().dispatch(command)).toEqual({ error: reason });
    const after = store.getState();
    expect(after.doc).toBe(before.doc);
    expect(after.past).toEqual([]);
    expect(after.future).toEqual([]);
    expect(after.saveState).toEqual({ status: 'saved', version: 1 });
  });

  it('undo and redo do nothing, even with history made before it became read-only', () => {
    const store = newStore();
    store.getState().dispatch(cases['table.update'].command);
    store.getState().dispatch(cases['column.update'].command);
    store.getState().undo();
    store.setState({ readOnly: reason });
    const { doc, past, future } = store.getState();
    store.getState().undo();
    store.getState().redo();
    expect(store.getState().doc).toBe(doc);
    expect(store.getState().past).toBe(past);
    expect(store.getState().future).toBe(future);
  });

  it('a drag shows nothing (no live positions to commit)', () => {
    const store = readOnlyStore();
    store.getState().setDragPositions({ t_users: { x: 1, y: 2 } });
    expect(store.getState().dragPositions).toEqual({});
  });

  it('never attaches the saver: nothing is autosaved', () => {
    const attach = vi.fn();
    readOnlyStore({ attach } as unknown as Saver);
    expect(attach).not.toHaveBeenCalled();
    const writable = vi.fn();
    createEditorStore({ projectId: 'p1', name: 'Shop', version: 1, doc: commandsFixture(), saver: { attach: writable } as unknown as Saver });
    expect(writable).toHaveBeenCalledTimes(1);
  });

  it('selection, the view and a reload of the saved version still work', () => {
    const store = readOnlyStore();
    store.getState().select({ kind: 'tables', tableIds: ['t_users'] });
    expect(store.getState().selection).toEqual({ kind: 'tables', tableIds: ['t_users'] });
    const newer = commandsFixture();
    store.getState().replaceDocument(newer, 7);
    expect(store.getState().doc).toBe(newer);
    expect(store.getState().saveState.version).toBe(7);
  });
});

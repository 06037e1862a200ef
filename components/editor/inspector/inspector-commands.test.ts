/**
 * The inspector's plans run through the real editor store and applyCommand: each edit lands in the
 * document as the form intends, keeps referential integrity, and is one undo step.
 */
import { describe, expect, it } from 'vitest';
import { documentOf, makeColumn, makeRelationship, makeTable, scalar } from '@/lib/model/build';
import type { Command } from '@/lib/model/commands/types';
import type { SchemaDocument } from '@/lib/model/document';
import { integrityIssues } from '@/lib/model/validate';
import { createEditorStore } from '@/components/editor/store/editor-store';
import { formToDefault } from './default-value';
import { addIndexCommand, toggleColumnUnique, togglePrimaryKeyColumn } from '@/lib/model/commands/helpers/table-edits';
import { cardinalityAfterChoice } from './plans';
import { formatColumnType, parseTypeText, userTypeNames } from '@/lib/dialects/type-text';
import { addDomainCheckCommand, addDomainCommand, addViewCommand, removeDomainCheckCommand, updateDomainCheckCommand } from '@/lib/model/commands/helpers/view-domain-edits';
import { parseDomainBaseType } from './view-domain-plans';
import { sequentialIds } from '@/lib/model/ids';
import { generateDdl } from '@/lib/ddl/generate-ddl';
import { indexName } from '@/lib/naming/derived-names';

function fixture(): SchemaDocument {
  const users = makeTable({
    id: 't_users',
    name: 'users',
    columns: [
      makeColumn({ id: 'c_id', name: 'id', type: scalar('bigint'), nullable: false }),
      makeColumn({ id: 'c_email', name: 'email', type: scalar('text') }),
    ],
    primaryKey: { columnIds: ['c_id'] },
  });
  const orders = makeTable({
    id: 't_orders',
    name: 'orders',
    columns: [
      makeColumn({ id: 'c_oid', name: 'id', type: scalar('bigint'), nullable: false }),
      makeColumn({ id: 'c_uid', name: 'user_id', type: scalar('bigint') }),
    ],
    primaryKey: { columnIds: ['c_oid'] },
  });
  const rel = makeRelationship({ id: 'r_1', fromTableId: 't_orders', toTableId: 't_users', columnPairs: [{ fromColumnId: 'c_uid', toColumnId: 'c_id' }] });
  return documentOf({ tables: [users, orders], relationships: [rel], enums: [{ id: 'e_status', name: 'status', values: ['a', 'b'] }] });
}

function storeWith(doc: SchemaDocument) {
  return createEditorStore({ projectId: 'p1', name: 'test', version: 1, doc });
}

/** Dispatches, checks integrity and that one undo restores the original document exactly. */
function dispatchOk(store: ReturnType<typeof storeWith>, command: Command | undefined): SchemaDocument {
  if (!command) throw new Error('no command planned');
  const before = store.getState().doc;
  const r = store.getState().dispatch(command);
  if ('error' in r) throw new Error(r.error);
  const after = store.getState().doc;
  expect(integrityIssues(after)).toEqual([]);
  store.getState().undo();
  expect(store.getState().doc).toEqual(before);
  store.getState().redo();
  expect(store.getState().doc).toEqual(after);
  return after;
}

describe('inspector edits through the store', () => {
  it('type picker text -> column type, shown back normalised', () => {
    const store = storeWith(fixture());
    const parsed = parseTypeText('character varying(120)[]', { dialect: 'postgres', ...userTypeNames(store.getState().doc) });
    if (!parsed.ok) throw new Error(parsed.error);
    const doc = dispatchOk(store, {
      type: 'column.update', tableId: 't_users', columnId: 'c_email', changes: { type: parsed.value.type, arrayDims: parsed.value.arrayDims },
    });
    const col = doc.tables.t_users.columns[1];
    expect(col.type).toEqual(scalar('varchar', { length: 120 }));
    expect(formatColumnType(col.type, col.arrayDims, doc, 'postgres')).toBe('varchar(120)[]');
    // Back to a non-array type clears arrayDims (undefined removes the field).
    const doc2 = dispatchOk(store, { type: 'column.update', tableId: 't_users', columnId: 'c_email', changes: { type: scalar('text'), arrayDims: undefined } });
    expect('arrayDims' in doc2.tables.t_users.columns[1]).toBe(false);
  });

  it('default form -> typed literal default', () => {
    const store = storeWith(fixture());
    const r = formToDefault({ kind: 'literal', text: '42' }, scalar('bigint'));
    if (!r.ok) throw new Error(r.error);
    const doc = dispatchOk(store, { type: 'column.update', tableId: 't_orders', columnId: 'c_uid', changes: { default: r.value } });
    expect(doc.tables.t_orders.columns[1].default).toEqual({ kind: 'literal', value: 42 });
  });

  it('primary key checkbox makes a composite key and a NOT NULL column in one undo step', () => {
    const store = storeWith(fixture());
    const doc = dispatchOk(store, togglePrimaryKeyColumn(store.getState().doc.tables.t_users, 'c_email', true));
    expect(doc.tables.t_users.primaryKey).toEqual({ columnIds: ['c_id', 'c_email'] });
    expect(doc.tables.t_users.columns[1].nullable).toBe(false);
    expect(store.getState().past).toHaveLength(1);
  });

  it('unique checkbox adds then removes a single-column unique', () => {
    const store = storeWith(fixture());
    const doc = dispatchOk(store, toggleColumnUnique(store.getState().doc.tables.t_users, 'c_email', true));
    expect(doc.tables.t_users.uniques.map((u) => u.columnIds)).toEqual([['c_email']]);
    const doc2 = dispatchOk(store, toggleColumnUnique(doc.tables.t_users, 'c_email', false));
    expect(doc2.tables.t_users.uniques).toEqual([]);
  });

  it('new index with a partial WHERE', () => {
    const store = storeWith(fixture());
    const add = addIndexCommand(store.getState().doc.tables.t_users, 'c_email');
    const doc = dispatchOk(store, add);
    const ix = doc.tables.t_users.indexes[0];
    expect(ix.name).toBeUndefined();
    expect(indexName(doc.tables.t_users, ix)).toBe('users_email_idx');
    const doc2 = dispatchOk(store, { type: 'index.update', tableId: 't_users', indexId: ix.id, changes: { where: 'email IS NOT NULL', method: 'hash' } });
    expect(doc2.tables.t_users.indexes[0]).toMatchObject({ where: 'email IS NOT NULL', method: 'hash' });
  });

  it('an unnamed index\'s name follows its columns and the table until it is named', () => {
    const store = storeWith(fixture());
    const add = addIndexCommand(store.getState().doc.tables.t_users);
    const doc = dispatchOk(store, add);
    const ix = doc.tables.t_users.indexes[0];
    expect(indexName(doc.tables.t_users, ix)).toBe('users_idx');
    const doc2 = dispatchOk(store, { type: 'index.update', tableId: 't_users', indexId: ix.id, changes: { parts: [{ kind: 'column', columnId: 'c_email' }] } });
    expect(indexName(doc2.tables.t_users, doc2.tables.t_users.indexes[0])).toBe('users_email_idx');
    const doc3 = dispatchOk(store, { type: 'table.update', tableId: 't_users', changes: { name: 'members' } });
    expect(indexName(doc3.tables.t_users, doc3.tables.t_users.indexes[0])).toBe('members_email_idx');
    const doc4 = dispatchOk(store, { type: 'index.update', tableId: 't_users', indexId: ix.id, changes: { name: 'members_by_email' } });
    const doc5 = dispatchOk(store, { type: 'index.update', tableId: 't_users', indexId: ix.id, changes: { parts: [{ kind: 'column', columnId: 'c_id' }] } });
    expect(doc4.tables.t_users.indexes[0].name).toBe('members_by_email');
    expect(indexName(doc5.tables.t_users, doc5.tables.t_users.indexes[0])).toBe('members_by_email');
    // Back to the derived name: the name is cleared.
    const doc6 = dispatchOk(store, { type: 'index.update', tableId: 't_users', indexId: ix.id, changes: { name: undefined } });
    expect('name' in doc6.tables.t_users.indexes[0]).toBe(false);
    expect(indexName(doc6.tables.t_users, doc6.tables.t_users.indexes[0])).toBe('members_id_idx');
  });

  it('relationship cardinality override and reset', () => {
    const store = storeWith(fixture());
    const derived = { from: 'zero-or-many', to: 'zero-or-one' } as const; // nullable user_id, not unique
    const doc = dispatchOk(store, { type: 'relationship.update', relationshipId: 'r_1', changes: { cardinality: cardinalityAfterChoice(undefined, derived, 'from', 'one-or-many') } });
    expect(doc.relationships.r_1.cardinality).toEqual({ from: 'one-or-many', to: 'zero-or-one' });
    const doc2 = dispatchOk(store, {
      type: 'relationship.update', relationshipId: 'r_1', changes: { cardinality: cardinalityAfterChoice(doc.relationships.r_1.cardinality, derived, 'from', 'derived') },
    });
    expect('cardinality' in doc2.relationships.r_1).toBe(false);
  });

  it('partitioning with a hash partition set on a table', () => {
    const store = storeWith(fixture());
    const doc = dispatchOk(store, {
      type: 'table.update', tableId: 't_orders',
      changes: { partitioning: { strategy: 'hash', key: [{ kind: 'column', columnId: 'c_uid' }], partitions: [{ id: 'p0', name: 'orders_p0', bound: { kind: 'hash', modulus: 2, remainder: 0 } }] } },
    });
    expect(doc.tables.t_orders.partitioning?.partitions).toHaveLength(1);
  });

  it('refused edits come back as an error and change nothing', () => {
    const store = storeWith(fixture());
    const before = store.getState().doc;
    const r = store.getState().dispatch({ type: 'column.update', tableId: 't_users', columnId: 'c_email', changes: { name: 'id' } });
    expect(r).toMatchObject({ error: expect.stringContaining('already has a column named "id"') });
    expect(store.getState().doc).toBe(before);
  });

  it('views: add in the document dialect, edit name/SQL/materialized/comment, remove', () => {
    const store = storeWith(fixture());
    const ids = sequentialIds();
    const doc = dispatchOk(store, addViewCommand(store.getState().doc, ids));
    const [view] = Object.values(doc.views);
    expect(view).toEqual({ id: view.id, name: 'view_1', sql: 'SELECT 1', dialect: 'postgres', materialized: false });
    const doc2 = dispatchOk(store, {
      type: 'view.update', viewId: view.id, changes: { name: 'user_ids', sql: 'SELECT id FROM users', materialized: true, comment: 'ids only' },
    });
    expect(doc2.views[view.id]).toMatchObject({ name: 'user_ids', sql: 'SELECT id FROM users', materialized: true, comment: 'ids only' });
    expect(generateDdl(doc2, 'postgres').sql).toMatch(/CREATE MATERIALIZED VIEW "user_ids" AS\s+SELECT id FROM users/);
    // A blank comment field removes the comment (undefined deletes the key).
    const doc3 = dispatchOk(store, { type: 'view.update', viewId: view.id, changes: { comment: undefined } });
    expect('comment' in doc3.views[view.id]).toBe(false);
    // The next new view skips names in use: view_2 while view_1 exists, view_1 again once renamed.
    expect(addViewCommand(doc, ids)).toMatchObject({ view: { name: 'view_2' } });
    expect(addViewCommand(doc3, ids)).toMatchObject({ view: { name: 'view_1' } });
    const doc4 = dispatchOk(store, { type: 'view.remove', viewId: view.id });
    expect(doc4.views).toEqual({});
  });

  it('views: a name taken by a table is refused', () => {
    const store = storeWith(fixture());
    const add = addViewCommand(store.getState().doc);
    dispatchOk(store, add);
    if (add.type !== 'view.add') throw new Error('expected view.add');
    const r = store.getState().dispatch({ type: 'view.update', viewId: add.view.id, changes: { name: 'users' } });
    expect(r).toMatchObject({ error: expect.stringContaining('a table named "users" already exists') });
  });

  it('domains: add domain_N text, base type, nullable, default, checks; removing one in use retypes its columns', () => {
    const store = storeWith(fixture());
    const ids = sequentialIds();
    const doc = dispatchOk(store, addDomainCommand(store.getState().doc, ids));
    const [d] = Object.values(doc.domains);
    expect(d).toEqual({ id: d.id, name: 'domain_1', type: { kind: 'scalar', name: 'text' }, nullable: true, default: { kind: 'none' }, checks: [] });
    expect(addDomainCommand(doc, ids)).toMatchObject({ domain: { name: 'domain_2' } });

    const base = parseDomainBaseType('varchar(320)', doc);
    if (!base.ok) throw new Error(base.error);
    const def = formToDefault({ kind: 'literal', text: 'nobody' }, base.type);
    if (!def.ok) throw new Error(def.error);
    const doc2 = dispatchOk(store, { type: 'domain.update', domainId: d.id, changes: { name: 'email', type: base.type, nullable: false, default: def.value, comment: 'an address' } });
    expect(doc2.domains[d.id]).toMatchObject({ name: 'email', type: scalar('varchar', { length: 320 }), nullable: false, default: { kind: 'literal', value: 'nobody' }, comment: 'an address' });

    const doc3 = dispatchOk(store, addDomainCheckCommand(doc2.domains[d.id], ids));
    const check = doc3.domains[d.id].checks[0];
    expect(check).toMatchObject({ name: 'email_check', expression: 'VALUE IS NOT NULL' });
    const doc4 = dispatchOk(store, updateDomainCheckCommand(doc3.domains[d.id], check.id, { name: 'email_has_at', expression: "VALUE LIKE '%@%'" }));
    expect(doc4.domains[d.id].checks).toEqual([{ id: check.id, name: 'email_has_at', expression: "VALUE LIKE '%@%'" }]);
    const pgDdl = generateDdl(doc4, 'postgres').sql;
    expect(pgDdl).toContain('CREATE DOMAIN "email" AS varchar(320)');
    expect(pgDdl).toMatch(/CONSTRAINT "email_has_at" CHECK \(VALUE LIKE '%@%'\)/);
    const doc5 = dispatchOk(store, removeDomainCheckCommand(doc4.domains[d.id], check.id));
    expect(doc5.domains[d.id].checks).toEqual([]);

    // A column typed with the domain falls back to varchar(320) when the domain goes; the store reports it.
    dispatchOk(store, { type: 'column.update', tableId: 't_users', columnId: 'c_email', changes: { type: { kind: 'domain', domainId: d.id } } });
    const doc6 = dispatchOk(store, { type: 'domain.remove', domainId: d.id });
    expect(doc6.domains).toEqual({});
    expect(doc6.tables.t_users.columns[1].type).toEqual(scalar('varchar', { length: 320 }));
    // dispatchOk returns the document only: undo and dispatch once more to read the reported change.
    store.getState().undo();
    const r = store.getState().dispatch({ type: 'domain.remove', domainId: d.id });
    if ('error' in r) throw new Error(r.error);
    expect(r.changes.map((c) => c.message)).toEqual([expect.stringContaining('type changed from domain "email" to its base type varchar')]);
  });

  it('domain base type: built-in scalar types only', () => {
    const doc = fixture();
    expect(parseDomainBaseType('numeric(10,2)', doc)).toEqual({ ok: true, type: scalar('decimal', { precision: 10, scale: 2 }) });
    expect(parseDomainBaseType('text[]', doc)).toMatchObject({ ok: false, error: expect.stringContaining('array') });
    expect(parseDomainBaseType('status', doc)).toMatchObject({ ok: false, error: expect.stringContaining('enum or domain') });
    expect(parseDomainBaseType('  ', doc)).toMatchObject({ ok: false });
  });
});

/**
 * A rename dispatched to the editor store (the canvas's inline rename and the inspector's both send
 * a plain `column.update { name }` / `table.update { name }`) rewrites the SQL that names the old
 * name, once the parsers are loaded: one history entry, the rewrites announced in lastChanges, one
 * undo restores everything; a refused rename says why as the plain rename would.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { commandsFixture } from '@/lib/model/commands/test-fixture';
import { loadSqlParsers } from '@/lib/sql-parse/load';
import { createEditorStore } from './editor-store';

beforeAll(async () => {
  await loadSqlParsers();
});

const newStore = () => createEditorStore({ projectId: 'p1', name: 'Shop', version: 1, doc: commandsFixture() });

describe('editor store: renames keep expressions in step', () => {
  it('a column rename rewrites the check and the view, in one undo step', () => {
    const store = newStore();
    const before = store.getState().doc;
    const r = store.getState().dispatch({ type: 'column.update', tableId: 't_users', columnId: 'c_users_name', changes: { name: 'full_name' } });
    expect('error' in r).toBe(false);
    const doc = store.getState().doc;
    expect(doc.tables.t_users.columns.find((c) => c.id === 'c_users_name')!.name).toBe('full_name');
    expect(doc.tables.t_users.checks[0].expression).toBe("full_name <> ''");
    expect(store.getState().past).toHaveLength(1);
    expect(store.getState().lastChanges.map((c) => c.message)).toEqual(['check "chk_users_name" on users rewritten: "name" is now "full_name"']);
    store.getState().undo();
    expect(store.getState().doc).toEqual(before);
  });

  it('a table rename rewrites the view body', () => {
    const store = newStore();
    store.getState().dispatch({ type: 'table.update', tableId: 't_users', changes: { name: 'accounts' } });
    expect(store.getState().doc.views.v_active.sql).toBe('SELECT id FROM accounts');
    expect(store.getState().past).toHaveLength(1);
  });

  it('a refused rename answers with the plain rename\'s message and changes nothing', () => {
    const store = newStore();
    const before = store.getState().doc;
    const r = store.getState().dispatch({ type: 'column.update', tableId: 't_users', columnId: 'c_users_name', changes: { name: 'email' } });
    expect(r).toEqual({ error: expect.stringMatching(/^table "users" already has a column named "email"/) });
    expect(store.getState().doc).toBe(before);
  });
});

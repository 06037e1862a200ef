import { describe, expect, it } from 'vitest';
import { documentOf, makeColumn, makeTable, scalar } from '../../build';
import { sequentialIds } from '../../ids';
import { assertDocument } from '../../validate';
import { applyCommand } from '../apply';
import { addColumnCommand, addIndexCommand, addUniqueCommand, setTableStorageFlag, toggleColumnUnique, togglePrimaryKeyColumn } from './table-edits';

function usersTable() {
  return makeTable({
    id: 't1',
    name: 'users',
    columns: [
      makeColumn({ id: 'c1', name: 'id', type: scalar('bigint'), nullable: false }),
      makeColumn({ id: 'c2', name: 'email', type: scalar('text'), nullable: true }),
      makeColumn({ id: 'c3', name: 'column', type: scalar('text') }),
    ],
    primaryKey: { name: 'users_pk', columnIds: ['c1'] },
    uniques: [{ id: 'u1', columnIds: ['c2'] }, { id: 'u2', columnIds: ['c1', 'c2'] }],
  });
}

describe('togglePrimaryKeyColumn', () => {
  it('appends the column, keeps the key name, and makes the column NOT NULL in one undo step', () => {
    expect(togglePrimaryKeyColumn(usersTable(), 'c2', true)).toEqual({
      type: 'batch',
      label: 'Add column to primary key',
      commands: [
        { type: 'primaryKey.set', tableId: 't1', primaryKey: { name: 'users_pk', columnIds: ['c1', 'c2'] } },
        { type: 'column.update', tableId: 't1', columnId: 'c2', changes: { nullable: false } },
      ],
    });
  });
  it('drops the key when its last column leaves, and does nothing when already in that state', () => {
    expect(togglePrimaryKeyColumn(usersTable(), 'c1', false)).toEqual({ type: 'primaryKey.set', tableId: 't1', primaryKey: undefined });
    expect(togglePrimaryKeyColumn(usersTable(), 'c1', true)).toBeUndefined();
    expect(togglePrimaryKeyColumn(usersTable(), 'c3', false)).toBeUndefined();
  });
});

describe('toggleColumnUnique', () => {
  it('adds a single-column unique, removes only single-column ones', () => {
    expect(toggleColumnUnique(usersTable(), 'c3', true, sequentialIds())).toEqual({
      type: 'unique.add', tableId: 't1', unique: { id: 'unq_1', columnIds: ['c3'] },
    });
    expect(toggleColumnUnique(usersTable(), 'c2', false)).toEqual({ type: 'unique.remove', tableId: 't1', uniqueId: 'u1' });
    // c1 is only in the composite unique: the checkbox is off and unchecking does nothing.
    expect(toggleColumnUnique(usersTable(), 'c1', false)).toBeUndefined();
    expect(toggleColumnUnique(usersTable(), 'c2', true)).toBeUndefined();
  });
});

describe('addColumnCommand / addIndexCommand', () => {
  it('picks names that do not clash and builds valid elements', () => {
    const add = addColumnCommand(usersTable(), sequentialIds());
    expect(add).toMatchObject({ type: 'column.add', tableId: 't1', column: { id: 'col_1', name: 'column_2', nullable: true } });
    const ix = addIndexCommand(usersTable(), 'c2', sequentialIds());
    // Unnamed: the name is derived from the columns (and follows them) until the architect names it.
    expect(ix).toEqual({ type: 'index.add', tableId: 't1', index: { id: 'idx_1', unique: false, parts: [{ kind: 'column', columnId: 'c2' }] } });
    // The built elements satisfy the document schema.
    if (add.type !== 'column.add' || ix?.type !== 'index.add') throw new Error('unexpected command');
    const t = usersTable();
    const doc = documentOf({ tables: [{ ...t, columns: [...t.columns, add.column], indexes: [ix.index] }] });
    expect(assertDocument(doc).tables.t1.columns).toHaveLength(4);
  });

  it('starts an index or unique on no column when none is selected (never the first column, usually the key)', () => {
    const t = usersTable();
    const ix = addIndexCommand(t, undefined, sequentialIds());
    const u = addUniqueCommand(t, undefined, sequentialIds());
    expect(ix).toEqual({ type: 'index.add', tableId: 't1', index: { id: 'idx_1', unique: false, parts: [] } });
    expect(u).toEqual({ type: 'unique.add', tableId: 't1', unique: { id: 'unq_1', columnIds: [] } });
    expect(addUniqueCommand(t, 'c2', sequentialIds())).toMatchObject({ unique: { columnIds: ['c2'] } });
    // An unknown column is no column.
    expect(addIndexCommand(t, 'nope', sequentialIds())).toMatchObject({ index: { parts: [] } });
    if (ix.type !== 'index.add' || u.type !== 'unique.add') throw new Error('unexpected command');
    // Both are valid documents: not yet generated, which the DDL panel reports.
    const doc = documentOf({ tables: [{ ...t, indexes: [ix.index], uniques: [...t.uniques, u.unique] }] });
    expect(assertDocument(doc).tables.t1.indexes[0].parts).toEqual([]);
  });
});

describe('setTableStorageFlag', () => {
  it('sets STRICT and WITHOUT ROWID in options.sqlite, keeping other options, and removes emptied ones', () => {
    const table = { ...usersTable(), options: { mysql: { engine: 'InnoDB' } } };
    const strict = setTableStorageFlag(table, 'strict', true);
    expect(strict).toEqual({ type: 'table.update', tableId: 't1', changes: { options: { mysql: { engine: 'InnoDB' }, sqlite: { strict: true } } } });
    const both = { ...table, options: { sqlite: { strict: true } } };
    expect(setTableStorageFlag(both, 'withoutRowid', true)).toEqual({ type: 'table.update', tableId: 't1', changes: { options: { sqlite: { strict: true, withoutRowid: true } } } });
    expect(setTableStorageFlag(both, 'strict', false)).toEqual({ type: 'table.update', tableId: 't1', changes: { options: undefined } });
  });

  it('does nothing when the flag already has that value', () => {
    expect(setTableStorageFlag(usersTable(), 'strict', false)).toBeUndefined();
    expect(setTableStorageFlag({ ...usersTable(), options: { sqlite: { withoutRowid: true } } }, 'withoutRowid', true)).toBeUndefined();
  });

  it('applies as a command and the document stays valid', () => {
    const doc = documentOf({ tables: [usersTable()] });
    const command = setTableStorageFlag(doc.tables.t1, 'strict', true)!;
    const { doc: next } = applyCommand(doc, command);
    expect(next.tables.t1.options?.sqlite).toEqual({ strict: true });
    assertDocument(next);
  });
});

/**
 * What the table inspector's buttons and checkboxes do to a table: each returns the Command to dispatch
 * (or undefined when there is nothing to do).
 */
import type { Column, Index, Table } from '../../document';
import { makeColumn, makeIndex, scalar } from '../../build';
import { newId, type IdFactory } from '../../ids';
import { firstFreeName } from '../../../naming/unique-names';
import type { Command } from '../types';

/** Adds or removes a column from the primary key, keeping the key's name and column order. */
export function togglePrimaryKeyColumn(table: Table, columnId: string, on: boolean): Command | undefined {
  const current = table.primaryKey?.columnIds ?? [];
  const has = current.includes(columnId);
  if (has === on) return undefined;
  const columnIds = on ? [...current, columnId] : current.filter((id) => id !== columnId);
  const commands: Command[] = [
    {
      type: 'primaryKey.set',
      tableId: table.id,
      primaryKey: columnIds.length ? { ...(table.primaryKey?.name ? { name: table.primaryKey.name } : {}), columnIds } : undefined,
    },
  ];
  // A primary key column is NOT NULL in both dialects: say so in the model rather than let the DDL differ.
  const column = table.columns.find((c) => c.id === columnId);
  if (on && column?.nullable) commands.push({ type: 'column.update', tableId: table.id, columnId, changes: { nullable: false } });
  return commands.length === 1 ? commands[0] : { type: 'batch', label: 'Add column to primary key', commands };
}

/** The single-column unique constraints on this column (what the column's "Unique" checkbox shows). */
export function singleColumnUniques(table: Table, columnId: string): Table['uniques'] {
  return table.uniques.filter((u) => u.columnIds.length === 1 && u.columnIds[0] === columnId);
}

export function toggleColumnUnique(table: Table, columnId: string, on: boolean, ids: IdFactory = newId): Command | undefined {
  const existing = singleColumnUniques(table, columnId);
  if (on) {
    if (existing.length) return undefined;
    return { type: 'unique.add', tableId: table.id, unique: { id: ids('unq'), columnIds: [columnId] } };
  }
  if (!existing.length) return undefined;
  const commands: Command[] = existing.map((u) => ({ type: 'unique.remove', tableId: table.id, uniqueId: u.id }));
  return commands.length === 1 ? commands[0] : { type: 'batch', label: 'Remove unique', commands };
}

export function addColumnCommand(table: Table, ids: IdFactory = newId): Command {
  const column: Column = makeColumn({ name: firstFreeName('column', table.columns.map((c) => c.name)), type: scalar('text') }, ids);
  return { type: 'column.add', tableId: table.id, column };
}

/**
 * A new index, unnamed (its name is derived from its columns and follows them until the architect
 * names it), on `columnId` when a column is selected, else on no column yet: the inspector then asks
 * for its columns. Never a silent guess such as the first column, usually the primary key.
 */
export function addIndexCommand(table: Table, columnId?: string, ids: IdFactory = newId): Command {
  const column = table.columns.find((c) => c.id === columnId);
  const index: Index = makeIndex({ parts: column ? [{ kind: 'column', columnId: column.id }] : [] }, ids);
  return { type: 'index.add', tableId: table.id, index };
}

/** A new unique constraint, unnamed, on `columnId` when a column is selected, else on no column yet. */
export function addUniqueCommand(table: Table, columnId?: string, ids: IdFactory = newId): Command {
  const column = table.columns.find((c) => c.id === columnId);
  return { type: 'unique.add', tableId: table.id, unique: { id: ids('unq'), columnIds: column ? [column.id] : [] } };
}

/** SQLite's per-table storage flags (STRICT, WITHOUT ROWID), kept in `options.sqlite`. */
export type TableStorageFlag = keyof NonNullable<NonNullable<Table['options']>['sqlite']>;

/** Turns one storage flag on or off; an emptied `options.sqlite` (and `options`) is removed. */
export function setTableStorageFlag(table: Table, flag: TableStorageFlag, on: boolean): Command | undefined {
  const current = table.options?.sqlite ?? {};
  if ((current[flag] ?? false) === on) return undefined;
  const sqlite = { ...current, [flag]: on ? true : undefined };
  if (!on) delete sqlite[flag];
  const options = { ...table.options, sqlite: Object.keys(sqlite).length ? sqlite : undefined };
  if (!options.sqlite) delete options.sqlite;
  return { type: 'table.update', tableId: table.id, changes: { options: Object.keys(options).length ? options : undefined } };
}

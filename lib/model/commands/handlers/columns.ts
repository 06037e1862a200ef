/** column.add / column.update / column.move / column.remove */
import { columnSchema, type SchemaDocument } from '../../document';
import {
  assignChanges, changeableKeys, checkChangeKeys, checkPosition, checkShape, requireColumnIndex, requireColumnTypeRef, requireTable,
  type ApplyContext,
} from '../context';
import { CommandError } from '../errors';
import { removeColumnReferences } from '../integrity';
import { assertColumnNameFree } from '../names';
import type { CommandOf } from '../types';

const COLUMN_CHANGE_KEYS = changeableKeys(columnSchema);

export function addColumn(doc: SchemaDocument, cmd: CommandOf<'column.add'>): void {
  const table = requireTable(doc, cmd.tableId);
  const column = checkShape(columnSchema, cmd.column, 'column');
  if (table.columns.some((c) => c.id === column.id)) {
    throw new CommandError('duplicate-id', `table "${table.name}" already has a column with id "${column.id}"`);
  }
  assertColumnNameFree(doc, table, column.name);
  requireColumnTypeRef(doc, column);
  const at = cmd.index ?? table.columns.length;
  checkPosition(at, table.columns.length, 'column index');
  table.columns.splice(at, 0, column);
}

export function updateColumn(doc: SchemaDocument, cmd: CommandOf<'column.update'>): void {
  const table = requireTable(doc, cmd.tableId);
  const column = table.columns[requireColumnIndex(table, cmd.columnId)];
  checkChangeKeys(cmd.changes, COLUMN_CHANGE_KEYS, 'column');
  if (cmd.changes.name !== undefined && cmd.changes.name !== column.name) assertColumnNameFree(doc, table, cmd.changes.name, column.id);
  if (cmd.changes.nullable === true && table.primaryKey?.columnIds.includes(column.id)) {
    throw new CommandError('invalid-value', `column "${column.name}" is part of the primary key of "${table.name}" and cannot be nullable`);
  }
  assignChanges(column, cmd.changes);
  checkShape(columnSchema, column, 'column');
  requireColumnTypeRef(doc, column);
}

export function moveColumn(doc: SchemaDocument, cmd: CommandOf<'column.move'>): void {
  const table = requireTable(doc, cmd.tableId);
  const from = requireColumnIndex(table, cmd.columnId);
  checkPosition(cmd.toIndex, table.columns.length - 1, 'column index');
  if (from === cmd.toIndex) return;
  const [column] = table.columns.splice(from, 1);
  table.columns.splice(cmd.toIndex, 0, column);
}

export function removeColumn(doc: SchemaDocument, cmd: CommandOf<'column.remove'>, ctx: ApplyContext): void {
  const table = requireTable(doc, cmd.tableId);
  const at = requireColumnIndex(table, cmd.columnId);
  removeColumnReferences(doc, table, cmd.columnId, ctx);
  table.columns.splice(at, 1);
}

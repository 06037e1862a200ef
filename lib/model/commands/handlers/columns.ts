/** column.add / column.update / column.move / column.remove */
import { columnSchema, type Column, type SchemaDocument, type Table } from '../../document';
import {
  assignChanges, changeableKeys, checkChangeKeys, checkPosition, checkShape, clone, requireColumnIndex, requireColumnTypeRef, requireTable,
  sameColumnType, valuesOf, type ApplyContext,
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

export function updateColumn(doc: SchemaDocument, cmd: CommandOf<'column.update'>, ctx: ApplyContext): void {
  const table = requireTable(doc, cmd.tableId);
  const column = table.columns[requireColumnIndex(table, cmd.columnId)];
  checkChangeKeys(cmd.changes, COLUMN_CHANGE_KEYS, 'column');
  if (cmd.changes.name !== undefined && cmd.changes.name !== column.name) assertColumnNameFree(doc, table, cmd.changes.name, column.id);
  if (cmd.changes.nullable === true && table.primaryKey?.columnIds.includes(column.id)) {
    throw new CommandError('invalid-value', `column "${column.name}" is part of the primary key of "${table.name}" and cannot be nullable`);
  }
  const before = clone(column);
  assignChanges(column, cmd.changes);
  checkShape(columnSchema, column, 'column');
  requireColumnTypeRef(doc, column);
  if (!sameColumnType(before, column)) alignReferencingColumns(doc, table, column, ctx);
}

/**
 * A referenced key changed type: the foreign key columns pointing at it follow (an FK between
 * mismatched types is refused or silently slow on the engines), transitively along chains of keys
 * (a.id <- b.a_id, itself the key b.id is made of <- c.b_id). Each follower is reported.
 */
function alignReferencingColumns(doc: SchemaDocument, table: Table, column: Column, ctx: ApplyContext): void {
  const queue: { table: Table; column: Column }[] = [{ table, column }];
  const visited = new Set([`${table.id}/${column.id}`]);
  for (let item = queue.shift(); item; item = queue.shift()) {
    const parent = item;
    for (const r of valuesOf(doc.relationships)) {
      if (r.toTableId !== parent.table.id) continue;
      for (const pair of r.columnPairs) {
        if (pair.toColumnId !== parent.column.id || visited.has(`${r.fromTableId}/${pair.fromColumnId}`)) continue;
        visited.add(`${r.fromTableId}/${pair.fromColumnId}`);
        const childTable = doc.tables[r.fromTableId];
        const child = childTable.columns.find((c) => c.id === pair.fromColumnId)!;
        if (sameColumnType(child, parent.column)) continue;
        child.type = clone(parent.column.type);
        if (parent.column.arrayDims) child.arrayDims = parent.column.arrayDims;
        else delete child.arrayDims;
        ctx.changes.push({
          entityId: child.id, kind: 'updated',
          message: `column "${childTable.name}.${child.name}" updated: type changed to match "${parent.table.name}.${parent.column.name}", which it references`,
        });
        queue.push({ table: childTable, column: child });
      }
    }
  }
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

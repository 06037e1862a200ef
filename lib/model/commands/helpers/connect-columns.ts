/**
 * Dragging from one column handle to another. The side whose column is a key (primary key or a
 * single-column unique) is the parent; the other side holds the foreign key. The target is tried as
 * the parent first (drag from FK to PK, the common gesture), then the source. When the two column
 * types differ, the foreign key column takes the parent's type, in the same undo step.
 */
import type { ColumnType, SchemaDocument } from '../../document';
import { makeRelationship } from '../../build';
import { newId, type IdFactory } from '../../ids';
import { displayName, isUniqueColumnSet } from '../../lookup';
import { requireColumn, requireTable, sameColumnType } from '../context';
import { CommandError } from '../errors';
import type { Command, CommandOf } from '../types';

export interface ConnectColumnsInput {
  fromTableId: string;
  fromColumnId: string;
  toTableId: string;
  toColumnId: string;
  ids?: IdFactory;
}

export function connectColumnsCommand(doc: SchemaDocument, input: ConnectColumnsInput): CommandOf<'batch'> {
  const side = (tableId: string, columnId: string) => {
    const table = requireTable(doc, tableId);
    return { table, column: requireColumn(table, columnId) };
  };
  const a = side(input.fromTableId, input.fromColumnId);
  const b = side(input.toTableId, input.toColumnId);
  const label = (s: typeof a) => `${displayName(doc, s.table)}.${s.column.name}`;
  if (a.table.id === b.table.id && a.column.id === b.column.id) throw new CommandError('invalid-value', 'a column cannot reference itself');

  let child: typeof a;
  let parent: typeof a;
  if (isUniqueColumnSet(b.table, [b.column.id])) [child, parent] = [a, b];
  else if (isUniqueColumnSet(a.table, [a.column.id])) [child, parent] = [b, a];
  else {
    throw new CommandError('invalid-value',
      `neither ${label(a)} nor ${label(b)} is a primary key or unique column: a foreign key must reference one`);
  }

  const exists = Object.values(doc.relationships).some((r) => r.fromTableId === child.table.id && r.toTableId === parent.table.id
    && r.columnPairs.length === 1 && r.columnPairs[0].fromColumnId === child.column.id && r.columnPairs[0].toColumnId === parent.column.id);
  if (exists) throw new CommandError('invalid-value', `${label(child)} already references ${label(parent)}`);

  const commands: Command[] = [];
  if (!sameColumnType(child.column, parent.column)) {
    const type: ColumnType = structuredClone(parent.column.type);
    const changes: CommandOf<'column.update'>['changes'] = { type };
    changes.arrayDims = parent.column.arrayDims;
    commands.push({ type: 'column.update', tableId: child.table.id, columnId: child.column.id, changes });
  }
  commands.push({
    type: 'relationship.add',
    relationship: makeRelationship({
      fromTableId: child.table.id,
      toTableId: parent.table.id,
      columnPairs: [{ fromColumnId: child.column.id, toColumnId: parent.column.id }],
    }, input.ids ?? newId),
  });
  return { type: 'batch', label: `Connect ${label(child)} -> ${label(parent)}`, commands };
}

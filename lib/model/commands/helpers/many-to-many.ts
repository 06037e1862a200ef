/**
 * The many-to-many helper: a junction table holding one foreign key to each side, whose primary key
 * is both key column sets (so a pair is stored once), plus an index on the second side's columns for
 * lookups from that side (the primary key already serves lookups from the first). One undo step.
 */
import type { Column, SchemaDocument, Table } from '../../document';
import { makeColumn, makeIndex, makeRelationship, makeTable } from '../../build';
import { newId, type IdFactory } from '../../ids';
import { columnOf } from '../../lookup';
import { requireTable } from '../context';
import { CommandError } from '../errors';
import { indexNamesInScope, relationNamesInSchema, uniqueName } from '../names';
import type { Command, CommandOf, Point } from '../types';

export interface ManyToManyOptions {
  /** Junction table name (default `a_b`), made unique in the first table's schema. */
  name?: string;
  position?: Point;
  ids?: IdFactory;
}

function keyColumns(table: Table): Column[] {
  if (!table.primaryKey) throw new CommandError('invalid-value', `table "${table.name}" has no primary key to reference`);
  return table.primaryKey.columnIds.map((id) => columnOf(table, id)!);
}

export function manyToManyCommand(doc: SchemaDocument, tableAId: string, tableBId: string, options: ManyToManyOptions = {}): CommandOf<'batch'> {
  const ids = options.ids ?? newId;
  const dialect = doc.settings.dialect;
  const a = requireTable(doc, tableAId);
  const b = requireTable(doc, tableBId);
  const name = uniqueName(dialect, options.name ?? `${a.name}_${b.name}`, relationNamesInSchema(doc, a.schemaId));

  const columnNames: string[] = [];
  const foreignKey = (parent: Table) => keyColumns(parent).map((key) => {
    const columnName = uniqueName(dialect, `${parent.name}_${key.name}`, columnNames);
    columnNames.push(columnName);
    // The FK column copies the key's type but none of its behaviour (identity, default, generation).
    const column = makeColumn({ name: columnName, type: structuredClone(key.type), nullable: false }, ids);
    if (key.arrayDims) column.arrayDims = key.arrayDims;
    return { column, key };
  });
  const toA = foreignKey(a);
  const toB = foreignKey(b);
  const columns = [...toA, ...toB].map((x) => x.column);

  const junction = makeTable({
    name,
    columns,
    primaryKey: { columnIds: columns.map((c) => c.id) },
    indexes: [makeIndex({
      name: uniqueName(dialect, `${name}_${b.name}_idx`, indexNamesInScope(doc, a)),
      parts: toB.map((x) => ({ kind: 'column' as const, columnId: x.column.id })),
    }, ids)],
  }, ids);
  if (a.schemaId) junction.schemaId = a.schemaId;

  const relationship = (parent: Table, pairs: typeof toA) => makeRelationship({
    fromTableId: junction.id,
    toTableId: parent.id,
    columnPairs: pairs.map((x) => ({ fromColumnId: x.column.id, toColumnId: x.key.id })),
    // A link row means nothing without both ends.
    onDelete: 'cascade',
  }, ids);

  const add: CommandOf<'table.add'> = { type: 'table.add', table: junction };
  const pa = doc.layout.tables[a.id];
  const pb = doc.layout.tables[b.id];
  const position = options.position ?? (pa && pb ? { x: (pa.x + pb.x) / 2, y: Math.max(pa.y, pb.y) + 200 } : undefined);
  if (position) add.position = position;
  const commands: Command[] = [
    add,
    { type: 'relationship.add', relationship: relationship(a, toA) },
    { type: 'relationship.add', relationship: relationship(b, toB) },
  ];
  return { type: 'batch', label: `Add many-to-many ${a.name} <-> ${b.name}`, commands };
}

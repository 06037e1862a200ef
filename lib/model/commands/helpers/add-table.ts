/** The "new table" button: a fresh table with a surrogate key, named so it clashes with nothing. */
import { editorCapabilities } from '../../../dialects/dialects';
import type { Dialect, SchemaDocument } from '../../document';
import { makeColumn, makeTable, scalar } from '../../build';
import { newId, type IdFactory } from '../../ids';
import { nameKey, relationNamesInSchema } from '../names';
import type { CommandOf, Point } from '../types';

export interface AddTableOptions {
  /** Wanted name; made unique (`orders_2`) when taken. Default: `table_N`. */
  name?: string;
  position?: Point;
  /** Shapes the key column (MySQL: BIGINT UNSIGNED). Default: the document's dialect. */
  dialect?: Dialect;
  schemaId?: string;
  areaId?: string;
  ids?: IdFactory;
}

export function addTableCommand(doc: SchemaDocument, options: AddTableOptions = {}): CommandOf<'table.add'> {
  const ids = options.ids ?? newId;
  const dialect = options.dialect ?? doc.settings.dialect;
  const taken = new Set(relationNamesInSchema(doc, options.schemaId).map((n) => nameKey(doc.settings.dialect, n)));
  const free = (n: string) => !taken.has(nameKey(doc.settings.dialect, n));
  let name = options.name;
  if (name === undefined) {
    // table_N counts up from the number of tables so a new table's name is usually just the next one.
    let n = Object.keys(doc.tables).length + 1;
    while (!free(`table_${n}`)) n++;
    name = `table_${n}`;
  } else if (!free(name)) {
    let n = 2;
    while (!free(`${name}_${n}`)) n++;
    name = `${name}_${n}`;
  }
  const id = makeColumn({
    name: 'id',
    type: scalar('bigint', editorCapabilities(dialect).unsigned ? { unsigned: true } : {}),
    nullable: false,
    identity: { always: false },
  }, ids);
  const table = makeTable({ name, schemaId: options.schemaId, columns: [id], primaryKey: { columnIds: [id.id] } }, ids);
  if (table.schemaId === undefined) delete table.schemaId;
  const command: CommandOf<'table.add'> = { type: 'table.add', table };
  if (options.position) command.position = { x: options.position.x, y: options.position.y };
  if (options.areaId) command.areaId = options.areaId;
  return command;
}

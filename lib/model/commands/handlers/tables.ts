/** table.add / table.update / table.remove */
import { tableSchema, type SchemaDocument, type Table } from '../../document';
import {
  assignChanges, checkChangeKeys, checkShape, hasKey, requireColumnTypeRef, requireIn, requireNewId, requireSchema, requireTable,
  valuesOf, type ApplyContext,
} from '../context';
import { CommandError } from '../errors';
import { removeTableReferences } from '../integrity';
import { assertIndexNameFree, assertPartitionNamesFree, assertRelationNameFree, indexNameOwners, nameKey } from '../names';
import type { CommandOf } from '../types';

const TABLE_CHANGE_KEYS = ['name', 'schemaId', 'comment', 'partitioning', 'options'] as const;

export function addTable(doc: SchemaDocument, cmd: CommandOf<'table.add'>): void {
  const table = checkShape(tableSchema, cmd.table, 'table');
  requireNewId(doc.tables, table.id, 'table');
  requireSchema(doc, table.schemaId);
  assertRelationNameFree(doc, table.name, table.schemaId);
  assertPartitionNamesFree(doc, table, table.schemaId);
  const seen = new Set<string>();
  for (const c of table.columns) {
    const key = nameKey(doc.settings.dialect, c.name);
    if (seen.has(key)) throw new CommandError('duplicate-name', `table "${table.name}" has two columns named "${c.name}"`);
    seen.add(key);
    requireColumnTypeRef(doc, c);
  }
  const indexNames = new Set<string>();
  const owners = indexNameOwners(doc, { ...table, indexes: [] });
  for (const ix of table.indexes) {
    if (ix.name === undefined) continue;
    const key = nameKey(doc.settings.dialect, ix.name);
    if (indexNames.has(key)) throw new CommandError('duplicate-name', `table "${table.name}" has two indexes named "${ix.name}"`);
    indexNames.add(key);
    assertIndexNameFree(doc, table, ix.name, undefined, table.schemaId, owners);
  }
  const area = cmd.areaId === undefined ? undefined : requireIn(doc.areas, cmd.areaId, 'area');
  doc.tables[table.id] = table;
  if (cmd.position) doc.layout.tables[table.id] = { x: cmd.position.x, y: cmd.position.y };
  area?.tableIds.push(table.id);
}

export function updateTable(doc: SchemaDocument, cmd: CommandOf<'table.update'>, ctx: ApplyContext): void {
  const table = requireTable(doc, cmd.tableId);
  checkChangeKeys(cmd.changes, TABLE_CHANGE_KEYS, 'table');
  const schemaId = hasKey(cmd.changes, 'schemaId') ? cmd.changes.schemaId : table.schemaId;
  const name = cmd.changes.name ?? table.name;
  const previousSchemaId = table.schemaId;
  if (schemaId !== table.schemaId) {
    requireSchema(doc, schemaId);
    // Index names are schema-scoped in PostgreSQL: moving the table moves its indexes.
    const owners = indexNameOwners(doc, table, schemaId);
    for (const ix of table.indexes) assertIndexNameFree(doc, table, ix.name, ix.id, schemaId, owners);
  }
  if (schemaId !== table.schemaId || name !== table.name) assertRelationNameFree(doc, name, schemaId, table.id);
  assignChanges(table, cmd.changes);
  checkShape(tableSchema, table, 'table');
  if (hasKey(cmd.changes, 'partitioning') || hasKey(cmd.changes, 'name') || schemaId !== table.schemaId) assertPartitionNamesFree(doc, table, schemaId);
  if (table.schemaId !== previousSchemaId) moveOwnedSequences(doc, table, ctx);
}

/** Sequences owned by the table's columns move with it, as ALTER TABLE ... SET SCHEMA moves them. */
function moveOwnedSequences(doc: SchemaDocument, table: Table, ctx: ApplyContext): void {
  for (const peeked of valuesOf(doc.sequences)) {
    if (peeked.ownedBy?.tableId !== table.id || peeked.schemaId === table.schemaId) continue;
    const seq = doc.sequences[peeked.id];
    assertRelationNameFree(doc, seq.name, table.schemaId, seq.id);
    if (table.schemaId === undefined) delete seq.schemaId;
    else seq.schemaId = table.schemaId;
    ctx.changes.push({ entityId: seq.id, kind: 'updated', message: `sequence "${seq.name}" moved with table "${table.name}", which owns it` });
  }
}

export function removeTable(doc: SchemaDocument, cmd: CommandOf<'table.remove'>, ctx: ApplyContext): void {
  const table = requireTable(doc, cmd.tableId);
  removeTableReferences(doc, table, ctx);
  delete doc.tables[table.id];
}

/** primaryKey.set, unique.*, check.*, index.*: everything that lives inside a table besides columns. */
import {
  checkConstraintSchema, indexSchema, primaryKeySchema, uniqueConstraintSchema, type Index, type SchemaDocument, type Table,
} from '../../document';
import {
  assignChanges, changeableKeys, checkChangeKeys, checkShape, requireColumn, requireIndexIn, requireTable, type ApplyContext,
} from '../context';
import { CommandError } from '../errors';
import { primaryKeyColumnsNotNull } from '../integrity';
import { assertConstraintNameFree, assertIndexNameFree, primaryKeyKey } from '../names';
import type { CommandOf } from '../types';
import { indexName } from '../../../naming/derived-names';

/** Every id names a column of the table, and none twice. */
function requireColumnSet(table: Table, columnIds: readonly string[], what: string): void {
  const seen = new Set<string>();
  for (const id of columnIds) {
    requireColumn(table, id);
    if (seen.has(id)) throw new CommandError('invalid-value', `${what} lists column "${table.columns.find((c) => c.id === id)?.name}" twice`);
    seen.add(id);
  }
}

function requireIndexColumns(table: Table, index: Index): void {
  for (const p of index.parts) if (p.kind === 'column') requireColumn(table, p.columnId);
  if (index.includeColumnIds) requireColumnSet(table, index.includeColumnIds, `index "${indexName(table, index)}" INCLUDE`);
}

function requireNewChildId(list: readonly { id: string }[], id: string, what: string, table: Table): void {
  if (list.some((x) => x.id === id)) throw new CommandError('duplicate-id', `table "${table.name}" already has a ${what} with id "${id}"`);
}

/** Primary key columns are NOT NULL in both engines: the document says so too, and reports it. */
export function setPrimaryKey(doc: SchemaDocument, cmd: CommandOf<'primaryKey.set'>, ctx: ApplyContext): void {
  const table = requireTable(doc, cmd.tableId);
  if (cmd.primaryKey === undefined) {
    delete table.primaryKey;
    return;
  }
  const pk = checkShape(primaryKeySchema, cmd.primaryKey, 'primary key');
  requireColumnSet(table, pk.columnIds, 'the primary key');
  assertConstraintNameFree(doc, table, pk.name, primaryKeyKey(table.id));
  if (pk.name !== undefined) assertIndexNameFree(doc, table, pk.name, primaryKeyKey(table.id));
  table.primaryKey = pk;
  primaryKeyColumnsNotNull(table, ctx);
}

export function addUnique(doc: SchemaDocument, cmd: CommandOf<'unique.add'>): void {
  const table = requireTable(doc, cmd.tableId);
  const unique = checkShape(uniqueConstraintSchema, cmd.unique, 'unique constraint');
  requireNewChildId(table.uniques, unique.id, 'unique constraint', table);
  requireColumnSet(table, unique.columnIds, 'the unique constraint');
  assertConstraintNameFree(doc, table, unique.name);
  if (unique.name !== undefined) assertIndexNameFree(doc, table, unique.name);
  table.uniques.push(unique);
}

export function updateUnique(doc: SchemaDocument, cmd: CommandOf<'unique.update'>): void {
  const table = requireTable(doc, cmd.tableId);
  const unique = table.uniques[requireIndexIn(table.uniques, cmd.uniqueId, 'unique constraint', `table "${table.name}"`)];
  checkChangeKeys(cmd.changes, changeableKeys(uniqueConstraintSchema), 'unique constraint');
  assertConstraintNameFree(doc, table, cmd.changes.name, unique.id);
  if (cmd.changes.name !== undefined) assertIndexNameFree(doc, table, cmd.changes.name, unique.id);
  assignChanges(unique, cmd.changes);
  checkShape(uniqueConstraintSchema, unique, 'unique constraint');
  requireColumnSet(table, unique.columnIds, 'the unique constraint');
}

export function removeUnique(doc: SchemaDocument, cmd: CommandOf<'unique.remove'>): void {
  const table = requireTable(doc, cmd.tableId);
  table.uniques.splice(requireIndexIn(table.uniques, cmd.uniqueId, 'unique constraint', `table "${table.name}"`), 1);
}

export function addCheck(doc: SchemaDocument, cmd: CommandOf<'check.add'>): void {
  const table = requireTable(doc, cmd.tableId);
  const check = checkShape(checkConstraintSchema, cmd.check, 'check constraint');
  requireNewChildId(table.checks, check.id, 'check constraint', table);
  assertConstraintNameFree(doc, table, check.name);
  table.checks.push(check);
}

export function updateCheck(doc: SchemaDocument, cmd: CommandOf<'check.update'>): void {
  const table = requireTable(doc, cmd.tableId);
  const check = table.checks[requireIndexIn(table.checks, cmd.checkId, 'check constraint', `table "${table.name}"`)];
  checkChangeKeys(cmd.changes, changeableKeys(checkConstraintSchema), 'check constraint');
  assertConstraintNameFree(doc, table, cmd.changes.name, check.id);
  assignChanges(check, cmd.changes);
  checkShape(checkConstraintSchema, check, 'check constraint');
}

export function removeCheck(doc: SchemaDocument, cmd: CommandOf<'check.remove'>): void {
  const table = requireTable(doc, cmd.tableId);
  table.checks.splice(requireIndexIn(table.checks, cmd.checkId, 'check constraint', `table "${table.name}"`), 1);
}

export function addIndex(doc: SchemaDocument, cmd: CommandOf<'index.add'>): void {
  const table = requireTable(doc, cmd.tableId);
  const index = checkShape(indexSchema, cmd.index, 'index');
  requireNewChildId(table.indexes, index.id, 'index', table);
  requireIndexColumns(table, index);
  assertIndexNameFree(doc, table, index.name);
  table.indexes.push(index);
}

export function updateIndex(doc: SchemaDocument, cmd: CommandOf<'index.update'>): void {
  const table = requireTable(doc, cmd.tableId);
  const index = table.indexes[requireIndexIn(table.indexes, cmd.indexId, 'index', `table "${table.name}"`)];
  checkChangeKeys(cmd.changes, changeableKeys(indexSchema), 'index');
  if (cmd.changes.name !== undefined && cmd.changes.name !== index.name) assertIndexNameFree(doc, table, cmd.changes.name, index.id);
  assignChanges(index, cmd.changes);
  checkShape(indexSchema, index, 'index');
  requireIndexColumns(table, index);
}

export function removeIndex(doc: SchemaDocument, cmd: CommandOf<'index.remove'>): void {
  const table = requireTable(doc, cmd.tableId);
  table.indexes.splice(requireIndexIn(table.indexes, cmd.indexId, 'index', `table "${table.name}"`), 1);
}

/**
 * Paste (or duplicate) tables: every id is fresh, every clashing name gets `_copy` (then `_copy_2`,
 * ...), internal references are remapped to the new ids. Relationships between pasted tables are
 * copied; a relationship from a pasted table to a table that still exists in the document keeps
 * pointing at it; any other relationship is dropped. A column that owns its sequence (serial) gets a
 * copy of the sequence, named for the copy; a default drawing from another sequence keeps it if the
 * document has it, else is dropped. One undo step.
 */
import type { Column, ColumnType, DefaultValue, Relationship, SchemaDocument, Sequence, Table } from '../../document';
import { serialSequenceName } from '../../sequences';
import { newId, type IdFactory } from '../../ids';
import { indexNamesInScope, nameKey, nameScopes, relationNamesInSchema } from '../names';
import type { Command, CommandOf, Point } from '../types';

export interface PasteOptions {
  ids?: IdFactory;
  /** Where the copied tables were (clipboard from another document); default: their positions in `doc`. */
  positions?: Record<string, Point>;
  /** The sequences the copied columns draw from (clipboard from another document); default: `doc`'s. */
  sequences?: readonly Sequence[];
}

/** `name` if free, else `name_copy`, `name_copy_2`, ...; the result is added to `taken`. */
function copyName(dialect: SchemaDocument['settings']['dialect'], name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 1; taken.has(nameKey(dialect, candidate)); n++) candidate = n === 1 ? `${name}_copy` : `${name}_copy_${n}`;
  taken.add(nameKey(dialect, candidate));
  return candidate;
}

/** Types referring to enums/domains this document lacks (a paste from elsewhere) fall back to text. */
function portableType(doc: SchemaDocument, type: ColumnType): ColumnType {
  if (type.kind === 'enum' && !doc.enums[type.enumId]) return { kind: 'scalar', name: 'text' };
  if (type.kind === 'domain' && !doc.domains[type.domainId]) return { kind: 'scalar', name: 'text' };
  return structuredClone(type);
}

export function pasteTablesCommand(
  doc: SchemaDocument, tables: readonly Table[], relationships: readonly Relationship[], offset: Point, options: PasteOptions = {},
): CommandOf<'batch'> {
  const ids = options.ids ?? newId;
  const dialect = doc.settings.dialect;
  const scopes = nameScopes(doc);
  const tableIdMap = new Map<string, string>();
  const columnIdMaps = new Map<string, Map<string, string>>();
  const relationNames = new Map<string | undefined, Set<string>>();
  const indexNames = new Map<string | undefined, Set<string>>();
  const commands: Command[] = [];
  const checkNames = new Set(Object.values(doc.tables).flatMap((t) => t.checks.flatMap((c) => (c.name ? [nameKey(dialect, c.name)] : []))));
  const sourceSequences = new Map((options.sequences ?? []).map((q) => [q.id, q]));
  const sequenceOf = (id: string) => sourceSequences.get(id) ?? doc.sequences[id];
  const sequenceCommands: Command[] = [];

  for (const source of tables) {
    const schemaId = source.schemaId && doc.schemas[source.schemaId] ? source.schemaId : undefined;
    if (!relationNames.has(schemaId)) relationNames.set(schemaId, new Set(relationNamesInSchema(doc, schemaId).map((n) => nameKey(dialect, n))));
    const indexScope = scopes.indexesAreRelations ? schemaId : `${source.id}`;
    if (!indexNames.has(indexScope)) {
      // Scope of a table with nothing in it: the source's own names only count if it is in `doc`.
      const empty: Table = { ...source, id: '', schemaId, indexes: [], uniques: [], primaryKey: undefined };
      const existing = scopes.indexesAreRelations ? indexNamesInScope(doc, empty) : [];
      indexNames.set(indexScope, new Set(existing.map((n) => nameKey(dialect, n))));
    }

    const table: Table = structuredClone(source);
    table.id = ids('tbl');
    if (schemaId === undefined) delete table.schemaId;
    table.name = copyName(dialect, source.name, relationNames.get(schemaId)!);
    const columnIds = new Map<string, string>();
    table.columns = table.columns.map((c): Column => {
      const id = ids('col');
      columnIds.set(c.id, id);
      return { ...c, id, type: portableType(doc, c.type) };
    });
    // Sequence defaults: a serial column's own sequence is copied for the copy; others are kept if here.
    table.columns.forEach((c, i) => {
      if (c.default.kind !== 'sequence') return;
      const seq = sequenceOf(c.default.sequenceId);
      const owned = seq?.ownedBy?.tableId === source.id && seq.ownedBy.columnId === source.columns[i].id;
      let next: DefaultValue = { kind: 'none' };
      if (seq && owned) {
        // Added before the table (its column draws from it), owned once the table is there.
        const copy: Sequence = { ...structuredClone(seq), id: ids('seq'), name: copyName(dialect, serialSequenceName(table.name, c.name), relationNames.get(schemaId)!) };
        delete copy.ownedBy;
        if (schemaId === undefined) delete copy.schemaId;
        else copy.schemaId = schemaId;
        commands.push({ type: 'sequence.add', sequence: copy });
        sequenceCommands.push({ type: 'sequence.update', sequenceId: copy.id, changes: { ownedBy: { tableId: table.id, columnId: c.id } } });
        next = { kind: 'sequence', sequenceId: copy.id };
      } else if (seq && doc.sequences[seq.id]) next = c.default;
      c.default = next;
    });
    const col = (id: string) => columnIds.get(id) ?? id;
    // PostgreSQL: named primary keys and uniques create indexes, so their names share the index scope.
    const indexLikeName = (name: string | undefined) => (name !== undefined && scopes.indexesAreRelations ? copyName(dialect, name, indexNames.get(indexScope)!) : name);
    if (table.primaryKey) {
      table.primaryKey.columnIds = table.primaryKey.columnIds.map(col);
      const name = indexLikeName(table.primaryKey.name);
      if (name !== undefined) table.primaryKey.name = name;
    }
    table.uniques = table.uniques.map((u) => {
      const copy = { ...u, id: ids('uq'), columnIds: u.columnIds.map(col) };
      const name = indexLikeName(u.name);
      if (name !== undefined) copy.name = name;
      return copy;
    });
    // Check names are database-wide in MySQL 8: copies get fresh ones whichever dialect is current.
    table.checks = table.checks.map((c) => (c.name === undefined ? { ...c, id: ids('chk') } : { ...c, id: ids('chk'), name: copyName(dialect, c.name, checkNames) }));
    table.indexes = table.indexes.map((ix) => {
      // An unnamed index stays unnamed: its derived name follows the copy's table name.
      const copy = ix.name === undefined ? { ...ix, id: ids('idx') } : { ...ix, id: ids('idx'), name: copyName(dialect, ix.name, indexNames.get(indexScope)!) };
      copy.parts = ix.parts.map((p) => (p.kind === 'column' ? { ...p, columnId: col(p.columnId) } : p));
      if (ix.includeColumnIds) copy.includeColumnIds = ix.includeColumnIds.map(col);
      return copy;
    });
    if (table.partitioning) {
      table.partitioning.key = table.partitioning.key.map((p) => (p.kind === 'column' ? { ...p, columnId: col(p.columnId) } : p));
      // PostgreSQL partitions are tables: their names share the schema's relation namespace.
      const partitionNames = scopes.partitionsAreRelations ? relationNames.get(schemaId)! : new Set<string>();
      table.partitioning.partitions = table.partitioning.partitions.map((p) => ({ ...p, id: ids('part'), name: copyName(dialect, p.name, partitionNames) }));
    }
    if (table.volume?.avgLength) {
      table.volume = { ...table.volume, avgLength: Object.fromEntries(Object.entries(table.volume.avgLength).map(([id, n]) => [col(id), n])) };
    }
    tableIdMap.set(source.id, table.id);
    columnIdMaps.set(source.id, columnIds);

    const from = options.positions?.[source.id] ?? doc.layout.tables[source.id] ?? { x: 0, y: 0 };
    commands.push({ type: 'table.add', table, position: { x: from.x + offset.x, y: from.y + offset.y } });
  }

  for (const c of sequenceCommands) commands.push(c);
  const constraintNames = new Set(Object.values(doc.relationships).flatMap((r) => (r.name ? [nameKey(dialect, r.name)] : [])));
  for (const source of relationships) {
    const fromTableId = tableIdMap.get(source.fromTableId);
    if (!fromTableId) continue; // the child was not copied: nothing holds this foreign key
    const toCopied = tableIdMap.get(source.toTableId);
    const existingParent = doc.tables[source.toTableId];
    if (!toCopied && !existingParent) continue;
    const fromCols = columnIdMaps.get(source.fromTableId)!;
    const toCols = columnIdMaps.get(source.toTableId);
    const columnPairs = source.columnPairs.map((p) => ({
      fromColumnId: fromCols.get(p.fromColumnId) ?? p.fromColumnId,
      toColumnId: toCols?.get(p.toColumnId) ?? p.toColumnId,
    }));
    if (!toCopied && !columnPairs.every((p) => existingParent.columns.some((c) => c.id === p.toColumnId))) continue;
    const relationship: Relationship = { ...structuredClone(source), id: ids('rel'), fromTableId, toTableId: toCopied ?? source.toTableId, columnPairs };
    // FK names are database-wide in MySQL; a copied name would clash, the generator derives a fresh one.
    if (relationship.name && constraintNames.has(nameKey(dialect, relationship.name))) delete relationship.name;
    commands.push({ type: 'relationship.add', relationship });
  }

  return { type: 'batch', label: tables.length === 1 ? `Paste table ${tables[0].name}` : `Paste ${tables.length} tables`, commands };
}

/**
 * Name scopes. Names are data, but the generated DDL must not clash, so each command checks the
 * scope its element lives in:
 * - tables, views and sequences share the relation namespace of their schema;
 * - enums and domains share the type namespace of their schema;
 * - columns are unique per table;
 * - index names are unique per schema in PostgreSQL (indexes are relations there), per table in MySQL;
 * - named constraints (primary key, uniques, checks, foreign keys) are unique per table.
 * PostgreSQL names are compared exactly (the generator quotes every identifier, so `Users` and
 * `users` are different tables); MySQL compares column, index and (on most installs) table names
 * case-insensitively, so its names are compared lowercased.
 */
import { dialectSpec, nameKey } from '../../dialects/dialects';
import type { NameScopes } from '../../dialects/types';
import type { Dialect, SchemaDocument, Table } from '../document';
import { displayName } from '../lookup';
import { valuesOf } from './context';
import { CommandError } from './errors';
import { firstFreeName } from '../../naming/unique-names';

export { nameKey };

/** The current dialect's name scopes (lib/dialects: the generator reads the same facts). */
export function nameScopes(doc: SchemaDocument): NameScopes {
  return dialectSpec(doc.settings.dialect).nameScopes;
}

function sameName(doc: SchemaDocument, a: string, b: string): boolean {
  return nameKey(doc.settings.dialect, a) === nameKey(doc.settings.dialect, b);
}

function schemaLabel(doc: SchemaDocument, schemaId: string | undefined): string {
  return schemaId ? `schema "${doc.schemas[schemaId]?.name ?? schemaId}"` : 'the default schema';
}

/**
 * Throws when a table, view or (PostgreSQL, where partitions are tables) partition of an element other
 * than `exceptId` already uses `name` in the schema.
 */
export function assertRelationNameFree(doc: SchemaDocument, name: string, schemaId: string | undefined, exceptId?: string): void {
  for (const t of valuesOf(doc.tables)) {
    if (t.id === exceptId || t.schemaId !== schemaId) continue;
    if (sameName(doc, t.name, name)) {
      throw new CommandError('duplicate-name', `a table named "${t.name}" already exists in ${schemaLabel(doc, schemaId)}`);
    }
    const partition = nameScopes(doc).partitionsAreRelations ? t.partitioning?.partitions.find((p) => sameName(doc, p.name, name)) : undefined;
    if (partition) {
      throw new CommandError('duplicate-name', `a partition named "${partition.name}" (of table "${t.name}") already exists in ${schemaLabel(doc, schemaId)}`);
    }
  }
  for (const v of valuesOf(doc.views)) {
    if (v.id !== exceptId && v.schemaId === schemaId && sameName(doc, v.name, name)) {
      throw new CommandError('duplicate-name', `a view named "${v.name}" already exists in ${schemaLabel(doc, schemaId)}`);
    }
  }
  for (const s of valuesOf(doc.sequences)) {
    if (s.id !== exceptId && s.schemaId === schemaId && sameName(doc, s.name, name)) {
      throw new CommandError('duplicate-name', `a sequence named "${s.name}" already exists in ${schemaLabel(doc, schemaId)}`);
    }
  }
}

export function assertTypeNameFree(doc: SchemaDocument, name: string, schemaId: string | undefined, exceptId?: string): void {
  const clash = [...valuesOf(doc.enums), ...valuesOf(doc.domains)].find(
    (t) => t.id !== exceptId && t.schemaId === schemaId && sameName(doc, t.name, name),
  );
  if (clash) throw new CommandError('duplicate-name', `a type named "${clash.name}" already exists in ${schemaLabel(doc, schemaId)}`);
}

export function assertColumnNameFree(doc: SchemaDocument, table: Table, name: string, exceptColumnId?: string): void {
  if (table.columns.some((c) => c.id !== exceptColumnId && sameName(doc, c.name, name))) {
    throw new CommandError('duplicate-name', `table "${displayName(doc, table)}" already has a column named "${name}"`);
  }
}

/** The id a table's primary key goes by in name checks (a primary key has no id of its own). */
export const primaryKeyKey = (tableId: string): string => `${tableId}:primaryKey`;

export interface IndexNameOwner {
  tableId: string;
  tableName: string;
  /** Index id, unique constraint id, or primaryKeyKey(tableId). */
  id: string;
  name: string;
  kind: 'index' | 'unique constraint' | 'primary key';
}

/**
 * Who owns each index name in the scope of `table`, by name key. PostgreSQL: the table's schema, and
 * named primary keys and unique constraints count too (each creates an index of that name). MySQL:
 * the table's own indexes.
 */
export function indexNameOwners(doc: SchemaDocument, table: Table, schemaId: string | undefined = table.schemaId): Map<string, IndexNameOwner> {
  const schemaWide = nameScopes(doc).indexesAreRelations;
  const scope = schemaWide ? valuesOf(doc.tables).filter((t) => t.schemaId === schemaId && t.id !== table.id).concat(table) : [table];
  const owners = new Map<string, IndexNameOwner>();
  const own = (t: Table, id: string, name: string, kind: IndexNameOwner['kind']) =>
    owners.set(nameKey(doc.settings.dialect, name), { tableId: t.id, tableName: t.name, id, name, kind });
  for (const t of scope) {
    for (const ix of t.indexes) if (ix.name !== undefined) own(t, ix.id, ix.name, 'index');
    if (!schemaWide) continue;
    for (const u of t.uniques) if (u.name) own(t, u.id, u.name, 'unique constraint');
    if (t.primaryKey?.name) own(t, primaryKeyKey(t.id), t.primaryKey.name, 'primary key');
  }
  return owners;
}

/**
 * Throws when something else already uses `name` as an index name in the scope of `table`. An
 * unnamed index or constraint (`name` undefined) takes its derived name, made unique by the DDL
 * generator: nothing to check.
 * `exceptId` is the element being renamed; `schemaId` the table's (possibly new) schema; pass
 * `owners` when checking many names against the same scope.
 */
export function assertIndexNameFree(
  doc: SchemaDocument, table: Table, name: string | undefined, exceptId?: string, schemaId: string | undefined = table.schemaId,
  owners?: Map<string, IndexNameOwner>,
): void {
  if (name === undefined) return;
  const clash = (owners ?? indexNameOwners(doc, table, schemaId)).get(nameKey(doc.settings.dialect, name));
  if (clash && clash.id !== exceptId) {
    const where = clash.tableId === table.id ? `table "${clash.tableName}"` : `${schemaLabel(doc, schemaId)} (on table "${clash.tableName}")`;
    const article = clash.kind === 'index' ? 'an' : 'a';
    throw new CommandError('duplicate-name', `${article} ${clash.kind} named "${clash.name}" already exists in ${where}`);
  }
}

/**
 * Named constraints: the primary key, uniques, checks and foreign keys of a table. In MySQL, check and
 * foreign key names are unique per database (MySQL 8 rejects a second `chk_x` in another table), so
 * there they are compared across every table.
 */
export function assertConstraintNameFree(doc: SchemaDocument, table: Table, name: string | undefined, exceptId?: string): void {
  if (name === undefined) return;
  const databaseWide = nameScopes(doc).constraintsPerDatabase;
  const names: { id: string; name?: string; tableId: string }[] = [
    { id: primaryKeyKey(table.id), name: table.primaryKey?.name, tableId: table.id },
    ...table.uniques.map((u) => ({ ...u, tableId: table.id })),
  ];
  for (const t of databaseWide ? valuesOf(doc.tables) : [table]) {
    // The table being edited may be a draft with changes the snapshot does not have yet.
    const checks = t.id === table.id ? table.checks : t.checks;
    names.push(...checks.map((k) => ({ id: k.id, name: k.name, tableId: t.id })));
  }
  for (const r of valuesOf(doc.relationships)) {
    if (databaseWide || r.fromTableId === table.id) names.push({ id: r.id, name: r.name, tableId: r.fromTableId });
  }
  const clash = names.find((n) => n.id !== exceptId && n.name !== undefined && sameName(doc, n.name, name));
  if (!clash) return;
  if (clash.tableId === table.id) throw new CommandError('duplicate-name', `table "${table.name}" already has a constraint named "${name}"`);
  const owner = doc.tables[clash.tableId]?.name ?? clash.tableId;
  throw new CommandError('duplicate-name', `a constraint named "${name}" already exists in the database (on table "${owner}"); MySQL check and foreign key names are database-wide`);
}

/** `base`, else `base_2`, `base_3`, ...: the first name not in `taken` (compared with nameKey). */
export function uniqueName(dialect: Dialect, base: string, taken: Iterable<string>): string {
  return firstFreeName(base, taken, { fold: (n) => nameKey(dialect, n) });
}

/** Names in the relation namespace of a schema: tables, views, sequences and, in PostgreSQL, partitions. */
export function relationNamesInSchema(doc: SchemaDocument, schemaId: string | undefined): string[] {
  const tables = valuesOf(doc.tables).filter((t) => t.schemaId === schemaId);
  const partitions = nameScopes(doc).partitionsAreRelations ? tables.flatMap((t) => t.partitioning?.partitions.map((p) => p.name) ?? []) : [];
  const sequences = valuesOf(doc.sequences).filter((s) => s.schemaId === schemaId).map((s) => s.name);
  return [...tables.map((t) => t.name), ...valuesOf(doc.views).filter((v) => v.schemaId === schemaId).map((v) => v.name), ...sequences, ...partitions];
}

/**
 * Partition names: unique within the table, and in PostgreSQL (where each partition is a table)
 * free in the schema's relation namespace too.
 */
export function assertPartitionNamesFree(doc: SchemaDocument, table: Table, schemaId: string | undefined): void {
  const seen = new Set<string>([nameKey(doc.settings.dialect, table.name)]);
  for (const p of table.partitioning?.partitions ?? []) {
    const key = nameKey(doc.settings.dialect, p.name);
    if (seen.has(key)) throw new CommandError('duplicate-name', `table "${table.name}" cannot have a partition named "${p.name}": the name is used twice`);
    seen.add(key);
    if (nameScopes(doc).partitionsAreRelations) assertRelationNameFree(doc, p.name, schemaId, table.id);
  }
}

export function indexNamesInScope(doc: SchemaDocument, table: Table): string[] {
  return [...indexNameOwners(doc, table).values()].map((o) => o.name);
}

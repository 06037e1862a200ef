/**
 * Name scopes. Names are data, but the generated DDL must not clash, so each command checks the
 * scope its element lives in:
 * - tables and views share the relation namespace of their schema;
 * - enums and domains share the type namespace of their schema;
 * - columns are unique per table;
 * - index names are unique per schema in PostgreSQL (indexes are relations there), per table in MySQL;
 * - named constraints (primary key, uniques, checks, foreign keys) are unique per table.
 * PostgreSQL names are compared exactly (the generator quotes every identifier, so `Users` and
 * `users` are different tables); MySQL compares column, index and (on most installs) table names
 * case-insensitively, so its names are compared lowercased.
 */
import type { Dialect, SchemaDocument, Table } from '../document';
import { displayName } from '../lookup';
import { CommandError } from './errors';

export function nameKey(dialect: Dialect, name: string): string {
  return dialect === 'mysql' ? name.toLowerCase() : name;
}

function sameName(doc: SchemaDocument, a: string, b: string): boolean {
  return nameKey(doc.settings.dialect, a) === nameKey(doc.settings.dialect, b);
}

function schemaLabel(doc: SchemaDocument, schemaId: string | undefined): string {
  return schemaId ? `schema "${doc.schemas[schemaId]?.name ?? schemaId}"` : 'the default schema';
}

/** Throws when a table or view other than `exceptId` already uses `name` in the schema. */
export function assertRelationNameFree(doc: SchemaDocument, name: string, schemaId: string | undefined, exceptId?: string): void {
  for (const t of Object.values(doc.tables)) {
    if (t.id !== exceptId && t.schemaId === schemaId && sameName(doc, t.name, name)) {
      throw new CommandError('duplicate-name', `a table named "${t.name}" already exists in ${schemaLabel(doc, schemaId)}`);
    }
  }
  for (const v of Object.values(doc.views)) {
    if (v.id !== exceptId && v.schemaId === schemaId && sameName(doc, v.name, name)) {
      throw new CommandError('duplicate-name', `a view named "${v.name}" already exists in ${schemaLabel(doc, schemaId)}`);
    }
  }
}

export function assertTypeNameFree(doc: SchemaDocument, name: string, schemaId: string | undefined, exceptId?: string): void {
  const clash = [...Object.values(doc.enums), ...Object.values(doc.domains)].find(
    (t) => t.id !== exceptId && t.schemaId === schemaId && sameName(doc, t.name, name),
  );
  if (clash) throw new CommandError('duplicate-name', `a type named "${clash.name}" already exists in ${schemaLabel(doc, schemaId)}`);
}

export function assertColumnNameFree(doc: SchemaDocument, table: Table, name: string, exceptColumnId?: string): void {
  if (table.columns.some((c) => c.id !== exceptColumnId && sameName(doc, c.name, name))) {
    throw new CommandError('duplicate-name', `table "${displayName(doc, table)}" already has a column named "${name}"`);
  }
}

/** Index names: per schema in PostgreSQL, per table in MySQL. `schemaId` is the table's (possibly new) schema. */
export function assertIndexNameFree(
  doc: SchemaDocument, table: Table, name: string, exceptIndexId?: string, schemaId: string | undefined = table.schemaId,
): void {
  const scope = doc.settings.dialect === 'postgres'
    ? Object.values(doc.tables).filter((t) => t.schemaId === schemaId || t.id === table.id)
    : [table];
  for (const t of scope) {
    const clash = t.indexes.find((ix) => ix.id !== exceptIndexId && sameName(doc, ix.name, name));
    if (clash) {
      const where = t.id === table.id ? `table "${t.name}"` : `${schemaLabel(doc, schemaId)} (on table "${t.name}")`;
      throw new CommandError('duplicate-name', `an index named "${clash.name}" already exists in ${where}`);
    }
  }
}

/** Named constraints of one table: primary key, uniques, checks and the foreign keys it holds. */
export function assertConstraintNameFree(doc: SchemaDocument, table: Table, name: string | undefined, exceptId?: string): void {
  if (name === undefined) return;
  const names: { id: string; name?: string }[] = [
    { id: `${table.id}:primaryKey`, name: table.primaryKey?.name },
    ...table.uniques,
    ...table.checks,
    ...Object.values(doc.relationships).filter((r) => r.fromTableId === table.id),
  ];
  const clash = names.find((n) => n.id !== exceptId && n.name !== undefined && sameName(doc, n.name, name));
  if (clash) throw new CommandError('duplicate-name', `table "${table.name}" already has a constraint named "${name}"`);
}

/** `base`, else `base_2`, `base_3`, ...: the first name not in `taken` (compared with nameKey). */
export function uniqueName(dialect: Dialect, base: string, taken: Iterable<string>): string {
  const keys = new Set([...taken].map((n) => nameKey(dialect, n)));
  if (!keys.has(nameKey(dialect, base))) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!keys.has(nameKey(dialect, candidate))) return candidate;
  }
}

export function relationNamesInSchema(doc: SchemaDocument, schemaId: string | undefined): string[] {
  return [...Object.values(doc.tables), ...Object.values(doc.views)].filter((x) => x.schemaId === schemaId).map((x) => x.name);
}

export function indexNamesInScope(doc: SchemaDocument, table: Table): string[] {
  const tables = doc.settings.dialect === 'postgres' ? Object.values(doc.tables).filter((t) => t.schemaId === table.schemaId) : [table];
  return tables.flatMap((t) => t.indexes.map((ix) => ix.name));
}

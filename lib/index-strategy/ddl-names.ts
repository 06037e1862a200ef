/**
 * The names generateDdl gives primary keys, unique constraints and foreign keys the document leaves
 * unnamed, so the index strategy table names exactly what `\d table` / `SHOW INDEX` will show.
 *
 * This mirrors lib/ddl (generate-ddl.ts reserveExplicitNames, tableStatements; foreign-key-sql.ts):
 * explicit names are reserved first, then foreign-key names are derived in relationship order, then
 * primary-key and unique names table by table in dependency order; a derived name is
 * `<table>_pkey`, `<table>_<cols>_key`, `<table>_<cols>_fkey`, fitted to the identifier limit with a
 * short hash, and made unique with `1`, `2`... It uses lib/ddl's own NameRegistry and fitDerivedName.
 * The engine test (index-strategy.engines.test.ts) proves the names against PostgreSQL and MariaDB:
 * if lib/ddl changes its scheme, that test fails.
 */
import { dialectSpec } from '../dialects/dialects';
import { fitDerivedName, NameRegistry } from '../ddl/names';
import { tableOrder } from '../ddl/order';
import type { Dialect, SchemaDocument, Table } from '../model/document';
import { columnName } from '../model/lookup';

export interface DdlNames {
  /** Table id -> primary key name (`PRIMARY` on MySQL). */
  primaryKeys: Map<string, string>;
  /** Unique constraint id -> name. */
  uniques: Map<string, string>;
  /** Relationship id -> foreign key constraint name (enforced relationships only). */
  foreignKeys: Map<string, string>;
}

export interface DdlNameOptions {
  /** As DdlOptions.schemaQualified: MySQL schemas kept as databases. */
  schemaQualified?: boolean;
}

export function ddlNames(doc: SchemaDocument, dialect: Dialect, options: DdlNameOptions = {}): DdlNames {
  const spec = dialectSpec(dialect);
  const caps = spec.capabilities(spec.defaultTarget);
  const pg = dialect === 'postgres';
  // Same scopes as DdlContext: PostgreSQL relation names per schema; MySQL index names per table and
  // constraint names per database; MySQL compares them case-insensitively.
  const relations = new NameRegistry(!pg);
  const constraints = new NameRegistry(!pg);
  const schemaKey = (schemaId: string | undefined) => {
    const name = schemaId ? doc.schemas[schemaId]?.name : undefined;
    if (caps.schemas === 'databases') return options.schemaQualified ? (name ?? '') : '';
    return name ?? (options.schemaQualified ? (spec.defaultSchema ?? '') : '');
  };
  const indexScope = (t: Table) => (pg ? `rel:${schemaKey(t.schemaId)}` : `ix:${schemaKey(t.schemaId)}\u0000${t.id}`);
  const constraintScope = (t: Table) => (pg ? `${schemaKey(t.schemaId)}\u0000${t.id}` : schemaKey(t.schemaId));
  const claim = (registry: NameRegistry, scope: string, base: string) => registry.claim(scope, base, (candidate) => fitDerivedName(spec, candidate).name);
  const joined = (t: Table, ids: readonly string[]) => ids.map((id) => columnName(t, id)).join('_');

  // 1. Explicit names first, so no derived name takes them.
  for (const t of Object.values(doc.tables)) {
    const schema = schemaKey(t.schemaId);
    relations.add(`rel:${schema}`, t.name);
    if (pg) for (const p of t.partitioning?.partitions ?? []) relations.add(`rel:${schema}`, p.name);
    if (t.primaryKey?.name && caps.namedPrimaryKeys) relations.add(indexScope(t), t.primaryKey.name);
    for (const u of t.uniques) if (u.name) relations.add(indexScope(t), u.name);
    for (const ix of t.indexes) relations.add(indexScope(t), ix.name);
    for (const c of t.checks) if (c.name) constraints.add(constraintScope(t), c.name);
  }
  for (const v of Object.values(doc.views)) if (v.dialect === dialect) relations.add(`rel:${schemaKey(v.schemaId)}`, v.name);
  const enforced = Object.values(doc.relationships).filter((r) => r.enforced && doc.tables[r.fromTableId] && doc.tables[r.toTableId]);
  for (const r of enforced) if (r.name) constraints.add(constraintScope(doc.tables[r.fromTableId]), r.name);

  // 2. Foreign keys, planned before any table is written.
  const foreignKeys = new Map<string, string>();
  for (const r of enforced) {
    const from = doc.tables[r.fromTableId];
    foreignKeys.set(r.id, r.name ?? claim(constraints, constraintScope(from), `${from.name}_${joined(from, r.columnPairs.map((p) => p.fromColumnId))}_fkey`));
  }

  // 3. Keys, table by table in creation (dependency) order.
  const primaryKeys = new Map<string, string>();
  const uniques = new Map<string, string>();
  for (const t of tableOrder(doc).tables) {
    if (t.primaryKey) {
      primaryKeys.set(t.id, caps.namedPrimaryKeys ? (t.primaryKey.name ?? claim(relations, indexScope(t), `${t.name}_pkey`)) : 'PRIMARY');
    }
    for (const u of t.uniques) uniques.set(u.id, u.name ?? claim(relations, indexScope(t), `${t.name}_${joined(t, u.columnIds)}_key`));
  }
  return { primaryKeys, uniques, foreignKeys };
}

/**
 * Prisma DMMF (what `getDMMF` returns) -> a Draftbase document. Pure: the server calls getDMMF, this
 * turns its output plus what only the source text says (provider, relationMode, views) into a document.
 *
 * Prisma's database mapping rules followed here (what `prisma migrate` would create):
 * - table/column names are `@@map`/`@map` names (`dbName`) or the model/field names;
 * - constraint and index names default to `{table}_{columns}_{pkey|key|idx|fkey}`;
 * - an implicit many-to-many relation becomes a junction table `_{RelationName}` with columns `A`
 *   (the model that sorts first) and `B`, both foreign keys with ON DELETE/UPDATE CASCADE;
 * - a relation without `onDelete` gets RESTRICT when required and SET NULL when optional; `onUpdate`
 *   defaults to CASCADE.
 */
import { dialectSpec } from '../../dialects/dialects';
import { makeColumn, makeIndex, makeRelationship, makeTable } from '../../model/build';
import type { Diagnostic } from '../../model/diagnostics';
import type { Column, DefaultValue, Dialect, EnumType, Identity, Index, ReferentialAction, SchemaDocument, SchemaNamespace, Table, View } from '../../model/document';
import { emptyDocument } from '../../model/empty';
import { sequentialIds, type IdFactory } from '../../model/ids';
import type { DmmfDatamodel, DmmfDefault, DmmfField, DmmfIndex, DmmfModel } from './dmmf-types';
import { mapPrismaScalar } from './prisma-types';

export interface PrismaSourceFacts {
  /** datasource provider: postgresql, mysql, cockroachdb, sqlite, sqlserver, mongodb. */
  provider?: string;
  relationMode?: string;
  /** Names of `view` blocks. */
  viewNames: ReadonlySet<string>;
}

export interface PrismaMapping {
  document: SchemaDocument;
  diagnostics: Diagnostic[];
}

const ACTIONS: Record<string, ReferentialAction> = {
  Cascade: 'cascade', Restrict: 'restrict', NoAction: 'no action', SetNull: 'set null', SetDefault: 'set default',
};

const METHODS: Record<string, Index['method']> = {
  BTree: 'btree', Hash: 'hash', Gin: 'gin', Gist: 'gist', Brin: 'brin', SpGist: 'spgist',
};

/** How long Prisma lets a default constraint name grow per provider (PostgreSQL 63 bytes, MySQL 64, SQLite no limit). */
const DEFAULT_NAME_LIMIT: Record<Dialect, number> = { postgres: 63, mysql: 64, sqlite: Number.POSITIVE_INFINITY };

/** PostgreSQL truncates identifiers at 63 bytes; Prisma keeps the suffix when it shortens a default name. */
function defaultName(table: string, columns: readonly string[], suffix: string, dialect: Dialect): string {
  const limit = DEFAULT_NAME_LIMIT[dialect];
  const base = [table, ...columns].join('_');
  const full = `${base}_${suffix}`;
  return full.length <= limit ? full : `${base.slice(0, limit - suffix.length - 1)}_${suffix}`;
}

/** The datasource provider's dialect (cockroachdb reads as PostgreSQL; unknown providers too, with a warning). */
const PROVIDER_DIALECTS: Record<string, Dialect> = { postgresql: 'postgres', postgres: 'postgres', cockroachdb: 'postgres', mysql: 'mysql', sqlite: 'sqlite' };

export function dialectOfProvider(provider: string | undefined): Dialect {
  return (provider !== undefined ? PROVIDER_DIALECTS[provider] : undefined) ?? 'postgres';
}

/**
 * What `prisma migrate` writes for `@unique` per provider: a UNIQUE constraint on PostgreSQL and MySQL
 * (on MySQL that is an index anyway), a `CREATE UNIQUE INDEX "<table>_<cols>_key"` on SQLite.
 */
const UNIQUE_AS_INDEX: Record<Dialect, boolean> = { postgres: false, mysql: false, sqlite: true };

function quoteSqlIdentifier(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function quoteSqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

interface MappedDefault {
  default: DefaultValue;
  identity?: Identity;
  /** A Prisma client-side generator (cuid(), nanoid()...) with no database equivalent. */
  clientSide?: string;
}

/** The enum of an enum field: its database name (for casts) and value names -> database names. */
interface FieldEnum {
  dbName: string;
  values: ReadonlyMap<string, string>;
}

/** `@default(uuid())` as a database default (PostgreSQL gen_random_uuid(), MySQL uuid()); SQLite has none. */
const UUID_IN_DATABASE: Record<Dialect, boolean> = { postgres: true, mysql: true, sqlite: false };

const NUMERIC_STRING_TYPES: ReadonlySet<string> = new Set(['BigInt', 'Decimal']);

function mapDefault(field: DmmfField, fieldEnum: FieldEnum | undefined, dialect: Dialect): MappedDefault {
  const d: DmmfDefault | undefined = field.default;
  const enumDbValues = fieldEnum?.values;
  if (d === undefined) return { default: { kind: 'none' } };
  if (Array.isArray(d)) {
    // Scalar-list defaults exist only on PostgreSQL (arrays).
    const items = (d as ReadonlyArray<string | number | boolean>).map((v) => (typeof v === 'string' ? quoteSqlString(enumDbValues?.get(v) ?? v) : String(v)));
    if (dialect !== 'postgres') return { default: { kind: 'none' } };
    if (!items.length) return { default: { kind: 'expression', sql: `'{}'` } };
    // ARRAY['USER'] is text[], which PostgreSQL will not assign to a "Role"[] column: cast it, as
    // prisma migrate does (`ARRAY['USER']::"Role"[]`).
    const cast = fieldEnum ? `::${quoteSqlIdentifier(fieldEnum.dbName)}[]` : '';
    return { default: { kind: 'expression', sql: `ARRAY[${items.join(', ')}]${cast}` } };
  }
  if (typeof d === 'object' && d !== null && 'name' in d) {
    const fn = d as { name: string; args: ReadonlyArray<string | number> };
    switch (fn.name) {
      case 'now':
        return { default: { kind: 'builtin', name: 'current_timestamp' } };
      case 'autoincrement':
      case 'sequence':
        return { default: { kind: 'none' }, identity: { always: false } };
      case 'uuid':
        // SQLite has no uuid function: prisma migrate writes no default there (Prisma Client makes the value).
        return UUID_IN_DATABASE[dialect] ? { default: { kind: 'builtin', name: 'uuid' } } : { default: { kind: 'none' }, clientSide: 'uuid()' };
      case 'dbgenerated': {
        const sql = typeof fn.args[0] === 'string' ? fn.args[0].trim() : '';
        return { default: sql ? { kind: 'expression', sql } : { kind: 'none' } };
      }
      default:
        // cuid(), nanoid(), ulid(), auto(): generated by Prisma Client, not by the database.
        return { default: { kind: 'none' }, clientSide: `${fn.name}()` };
    }
  }
  // BigInt and Decimal defaults come as strings: numbers, written as numbers (`DEFAULT 0`, as prisma migrate does).
  if (typeof d === 'string' && NUMERIC_STRING_TYPES.has(field.type) && /^-?\d+(\.\d+)?$/.test(d)) {
    const n = Number(d);
    return { default: Number.isSafeInteger(n) || (Number.isFinite(n) && String(n) === d) ? { kind: 'literal', value: n } : { kind: 'expression', sql: d } };
  }
  if (typeof d === 'string') return { default: { kind: 'literal', value: enumDbValues?.get(d) ?? d } };
  if (typeof d === 'number' || typeof d === 'boolean') return { default: { kind: 'literal', value: d } };
  return { default: { kind: 'none' } };
}

function placeholderViewSql(columns: readonly string[], dialect: Dialect): string {
  const q = dialectSpec(dialect).quoteIdentifier;
  const list = columns.length ? columns.map((c) => `NULL AS ${q(c)}`).join(', ') : 'NULL AS placeholder';
  return `SELECT ${list} /* placeholder: a Prisma schema does not contain the view's query */`;
}

export function dmmfToDocument(dm: DmmfDatamodel, facts: PrismaSourceFacts, ids: IdFactory = sequentialIds()): PrismaMapping {
  const dialect = dialectOfProvider(facts.provider);
  const diagnostics: Diagnostic[] = [];
  const doc = emptyDocument(dialect);
  const enforced = facts.relationMode !== 'prisma';

  if (facts.provider && !(facts.provider in PROVIDER_DIALECTS)) {
    diagnostics.push({ severity: 'warning', code: 'prisma.provider-not-supported', message: `datasource provider "${facts.provider}" is not PostgreSQL, MySQL or SQLite: types were mapped as for PostgreSQL` });
  }

  // Namespaces (@@schema with multiSchema).
  const schemaIdByName = new Map<string, string>();
  const schemaIdOf = (name: string | null | undefined): string | undefined => {
    if (!name) return undefined;
    let id = schemaIdByName.get(name);
    if (!id) {
      id = ids('sch');
      const ns: SchemaNamespace = { id, name };
      doc.schemas[id] = ns;
      schemaIdByName.set(name, id);
    }
    return id;
  };

  // Enums: database names of the enum and of each value (@map on values).
  const enumIdByName = new Map<string, string>();
  const enumsByName = new Map<string, FieldEnum>();
  for (const e of dm.enums) {
    const id = ids('enm');
    const values = e.values.map((v) => v.dbName ?? v.name);
    const el: EnumType = { id, name: e.dbName ?? e.name, values: values.length ? values : [''] };
    if (e.documentation) el.comment = e.documentation;
    doc.enums[id] = el;
    enumIdByName.set(e.name, id);
    enumsByName.set(e.name, { dbName: el.name, values: new Map(e.values.map((v) => [v.name, v.dbName ?? v.name])) });
  }

  const modelByName = new Map(dm.models.map((m) => [m.name, m]));
  const tableByModel = new Map<string, Table>();
  /** model name -> field name -> column id */
  const columnIds = new Map<string, Map<string, string>>();
  const columnDbName = (model: DmmfModel, fieldName: string) => model.fields.find((f) => f.name === fieldName)?.dbName ?? fieldName;
  const clientSideDefaults = new Map<string, number>();
  let viewCount = 0;

  for (const model of dm.models) {
    const isView = facts.viewNames.has(model.name);
    const tableName = model.dbName ?? model.name;
    const fieldColumns = new Map<string, string>();
    const columns: Column[] = [];
    for (const f of model.fields) {
      if (f.kind === 'object') continue;
      let column: Column;
      if (f.kind === 'enum') {
        const enumId = enumIdByName.get(f.type);
        column = makeColumn({ name: f.dbName ?? f.name, type: enumId ? { kind: 'enum', enumId } : { kind: 'scalar', name: 'text' }, nullable: !f.isRequired }, ids);
      } else {
        const mapped = f.kind === 'unsupported' ? undefined : mapPrismaScalar(f.type, f.nativeType, dialect);
        if (mapped?.unknownNative) {
          diagnostics.push({ severity: 'warning', code: 'prisma.unknown-native-type', message: `column "${tableName}.${f.dbName ?? f.name}": native type ${mapped.unknownNative} kept verbatim for ${dialect}` });
        }
        // Unsupported("type") and anything unknown keeps its spelling as the native type.
        const type = mapped?.type ?? { kind: 'scalar' as const, name: 'text' as const, native: { [dialect]: f.type } };
        column = makeColumn({ name: f.dbName ?? f.name, type, nullable: !f.isRequired }, ids);
      }
      if (f.isList) column.arrayDims = 1;
      const def = mapDefault(f, f.kind === 'enum' ? enumsByName.get(f.type) : undefined, dialect);
      column.default = def.default;
      if (def.identity) column.identity = def.identity;
      if (def.clientSide) clientSideDefaults.set(def.clientSide, (clientSideDefaults.get(def.clientSide) ?? 0) + 1);
      if (f.documentation) column.comment = f.documentation;
      columns.push(column);
      fieldColumns.set(f.name, column.id);
    }
    columnIds.set(model.name, fieldColumns);

    if (isView) {
      viewCount++;
      const view: View = {
        id: ids('viw'),
        name: tableName,
        schemaId: schemaIdOf(model.schema),
        sql: placeholderViewSql(columns.map((c) => c.name), dialect),
        dialect,
        materialized: false,
      };
      if (view.schemaId === undefined) delete view.schemaId;
      view.comment = [model.documentation, `Prisma view with columns: ${columns.map((c) => c.name).join(', ')}. Its query is not in the Prisma schema.`].filter(Boolean).join('\n');
      doc.views[view.id] = view;
      diagnostics.push({ severity: 'warning', code: 'prisma.view-without-query', entityId: view.id, message: `view "${tableName}": a Prisma schema has no view query; a placeholder SELECT was used` });
      continue;
    }

    const table = makeTable({ name: tableName, columns }, ids);
    const schemaId = schemaIdOf(model.schema);
    if (schemaId) table.schemaId = schemaId;
    if (model.documentation) table.comment = model.documentation;
    tableByModel.set(model.name, table);
    doc.tables[table.id] = table;
  }

  // Keys and indexes: datamodel.indexes lists @id/@@id, @unique/@@unique, @@index and @@fulltext.
  const indexesByModel = new Map<string, DmmfIndex[]>();
  for (const ix of dm.indexes) {
    const list = indexesByModel.get(ix.model) ?? [];
    list.push(ix);
    indexesByModel.set(ix.model, list);
  }
  for (const model of dm.models) {
    const table = tableByModel.get(model.name);
    if (!table) continue;
    const fieldColumns = columnIds.get(model.name)!;
    const list = indexesByModel.get(model.name) ?? [];
    if (!list.some((ix) => ix.type === 'id')) {
      // Older DMMF shapes: fall back to primaryKey / isId.
      const pkFields = model.primaryKey?.fields ?? model.fields.filter((f) => f.isId).map((f) => f.name);
      if (pkFields.length) list.unshift({ model: model.name, type: 'id', isDefinedOnField: false, fields: pkFields.map((name) => ({ name })) });
    }
    for (const ix of list) {
      const cols = ix.fields.map((f) => fieldColumns.get(f.name)).filter((id): id is string => id !== undefined);
      if (cols.length !== ix.fields.length || cols.length === 0) {
        diagnostics.push({ severity: 'warning', code: 'prisma.index-unknown-field', message: `${ix.type} index on "${table.name}" names a field that is not a column; skipped` });
        continue;
      }
      const dbCols = ix.fields.map((f) => columnDbName(model, f.name));
      const plain = ix.fields.every((f) => !f.sortOrder && !f.length && !f.operatorClass) && !ix.algorithm;
      if (ix.type === 'id') {
        table.primaryKey = { columnIds: cols, name: ix.dbName ?? (dialect === 'postgres' ? defaultName(table.name, [], 'pkey', dialect) : undefined) };
        if (table.primaryKey.name === undefined) delete table.primaryKey.name;
        continue;
      }
      if (ix.type === 'unique' && plain && !UNIQUE_AS_INDEX[dialect]) {
        table.uniques.push({ id: ids('unq'), name: ix.dbName ?? defaultName(table.name, dbCols, 'key', dialect), columnIds: cols });
        continue;
      }
      const index = makeIndex(
        {
          name: ix.dbName ?? defaultName(table.name, dbCols, ix.type === 'unique' ? 'key' : 'idx', dialect),
          unique: ix.type === 'unique',
          parts: ix.fields.map((f, i) => {
            const part: Index['parts'][number] = { kind: 'column', columnId: cols[i] };
            if (f.sortOrder) part.order = f.sortOrder;
            if (f.length) part.length = f.length;
            if (f.operatorClass) part.opclass = f.operatorClass;
            return part;
          }),
        },
        ids,
      );
      if (ix.type === 'fulltext') index.method = 'fulltext';
      else if (ix.algorithm && METHODS[ix.algorithm]) index.method = METHODS[ix.algorithm];
      table.indexes.push(index);
    }
  }

  // One-to-one / one-to-many: the side with `fields:` holds the foreign key.
  let logical = 0;
  for (const model of dm.models) {
    for (const f of model.fields) {
      if (f.kind !== 'object' || !f.relationFromFields?.length) continue;
      const from = tableByModel.get(model.name);
      const to = tableByModel.get(f.type);
      const target = modelByName.get(f.type);
      if (!from || !to || !target) {
        diagnostics.push({ severity: 'info', code: 'prisma.relation-to-view', message: `relation ${model.name}.${f.name} involves a view; no relationship imported` });
        continue;
      }
      const fromCols = columnIds.get(model.name)!;
      const toCols = columnIds.get(f.type)!;
      const toFields = f.relationToFields ?? [];
      const pairs = f.relationFromFields.map((name, i) => ({ fromColumnId: fromCols.get(name) ?? '', toColumnId: toCols.get(toFields[i] ?? '') ?? '' }));
      if (pairs.some((p) => !p.fromColumnId || !p.toColumnId)) {
        diagnostics.push({ severity: 'warning', code: 'prisma.relation-unknown-field', message: `relation ${model.name}.${f.name} names a field that is not a column; skipped` });
        continue;
      }
      const required = f.relationFromFields.every((name) => model.fields.find((x) => x.name === name)?.isRequired);
      const rel = makeRelationship(
        {
          fromTableId: from.id,
          toTableId: to.id,
          columnPairs: pairs,
          onDelete: (f.relationOnDelete && ACTIONS[f.relationOnDelete]) || (required ? 'restrict' : 'set null'),
          onUpdate: (f.relationOnUpdate && ACTIONS[f.relationOnUpdate]) || 'cascade',
          enforced,
        },
        ids,
      );
      if (f.documentation) rel.comment = f.documentation;
      doc.relationships[rel.id] = rel;
      if (!enforced) logical++;
    }
  }

  // Implicit many-to-many: both sides are lists and neither has `fields:`.
  const m2m = new Map<string, Array<{ model: DmmfModel; field: DmmfField }>>();
  for (const model of dm.models) {
    for (const f of model.fields) {
      if (f.kind !== 'object' || !f.isList || f.relationFromFields?.length || !f.relationName) continue;
      const list = m2m.get(f.relationName) ?? [];
      list.push({ model, field: f });
      m2m.set(f.relationName, list);
    }
  }
  for (const [relationName, sides] of m2m) {
    if (sides.length !== 2) continue; // a one-to-many's list side: its partner holds the foreign key
    const [a, b] = [...sides].sort((x, y) => (x.model.name < y.model.name ? -1 : x.model.name > y.model.name ? 1 : 0)).map((s) => s.model);
    const tableA = tableByModel.get(a.name);
    const tableB = tableByModel.get(b.name);
    if (!tableA || !tableB || !tableA.primaryKey || !tableB.primaryKey || tableA.primaryKey.columnIds.length !== 1 || tableB.primaryKey.columnIds.length !== 1) {
      diagnostics.push({ severity: 'warning', code: 'prisma.m2m-skipped', message: `implicit many-to-many relation "${relationName}" needs single-column ids on both models; its junction table was not created` });
      continue;
    }
    const idA = tableA.columns.find((c) => c.id === tableA.primaryKey!.columnIds[0])!;
    const idB = tableB.columns.find((c) => c.id === tableB.primaryKey!.columnIds[0])!;
    const colA = makeColumn({ name: 'A', type: idA.type, nullable: false }, ids);
    const colB = makeColumn({ name: 'B', type: idB.type, nullable: false }, ids);
    const name = `_${relationName}`;
    const junction = makeTable({ name, columns: [colA, colB], comment: `Junction table of the implicit many-to-many relation "${relationName}" (${a.name} <-> ${b.name}).` }, ids);
    if (tableA.schemaId) junction.schemaId = tableA.schemaId;
    // Prisma 6+: a primary key on PostgreSQL, a unique index on MySQL; plus an index on B either way.
    if (dialect === 'postgres') junction.primaryKey = { name: `${name}_AB_pkey`, columnIds: [colA.id, colB.id] };
    else junction.indexes.push(makeIndex({ name: `${name}_AB_unique`, unique: true, parts: [{ kind: 'column', columnId: colA.id }, { kind: 'column', columnId: colB.id }] }, ids));
    const bIndex = makeIndex({ name: `${name}_B_index`, parts: [{ kind: 'column', columnId: colB.id }] }, ids);
    // Where @@unique is an index (SQLite), the DMMF of the junction written out as a model lists its
    // @@index first: the same order here, so exporting and importing again gives the same document.
    if (UNIQUE_AS_INDEX[dialect]) junction.indexes.unshift(bIndex);
    else junction.indexes.push(bIndex);
    doc.tables[junction.id] = junction;
    for (const [col, target, targetId] of [[colA, tableA, idA], [colB, tableB, idB]] as const) {
      const rel = makeRelationship({ fromTableId: junction.id, toTableId: target.id, columnPairs: [{ fromColumnId: col.id, toColumnId: targetId.id }], onDelete: 'cascade', onUpdate: 'cascade', enforced }, ids);
      doc.relationships[rel.id] = rel;
      if (!enforced) logical++;
    }
  }

  if (!enforced && logical > 0) {
    diagnostics.push({ severity: 'info', code: 'prisma.relation-mode-prisma', message: `relationMode = "prisma": ${logical} relationships imported as logical relationships (no FOREIGN KEY is emitted for them)` });
  }
  for (const [fn, count] of clientSideDefaults) {
    diagnostics.push({ severity: 'info', code: 'prisma.client-side-default', message: `${count} column${count === 1 ? '' : 's'} use @default(${fn}), which Prisma Client generates: no database default was imported` });
  }
  if (viewCount === 0 && facts.viewNames.size > 0) {
    diagnostics.push({ severity: 'warning', code: 'prisma.views-missing', message: 'view blocks were found in the source but not in the parsed schema' });
  }
  return { document: doc, diagnostics };
}

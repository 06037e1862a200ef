/** Explicit names first: so derived names never take a name the user chose later in the document. */
import type { DialectSpec } from '../dialects/types';
import type { Table } from '../model/document';
import type { DdlContext } from './context';

/**
 * Explicit names are reserved first, so derived names never take them. Relation names (tables,
 * partitions, views) go first; then index-like names. A duplicate table or view is an error. A
 * PostgreSQL index/PK/unique name that is already taken in its schema (common in MySQL imports, where
 * index names are per table) is made unique as `<table>_<name>`, with a warning.
 */
export function reserveExplicitNames(ctx: DdlContext): void {
  const relations = ctx.names;
  for (const t of Object.values(ctx.doc.tables)) {
    const schema = ctx.schemaKey(t.schemaId);
    const path = `tables.${t.id}`;
    ctx.checkIdentifier(t.name, 'table', t.id, `${path}.name`);
    ctx.reserveName(relations, `rel:${schema}`, t.name, 'table', t.id, `${path}.name`);
    if (ctx.spec.tableFileName) checkTableFileNames(ctx, ctx.spec.tableFileName, t);
    if (ctx.spec.nameScopes.partitionsAreRelations) {
      t.partitioning?.partitions.forEach((p, i) => ctx.reserveName(relations, `rel:${schema}`, p.name, 'partition', p.id, `${path}.partitioning.partitions.${i}.name`));
    }
  }
  for (const v of Object.values(ctx.doc.views)) {
    if (!ctx.mayWriteView(v)) continue;
    ctx.checkIdentifier(v.name, 'view', v.id, `views.${v.id}.name`);
    ctx.reserveName(relations, `rel:${ctx.schemaKey(v.schemaId)}`, v.name, 'view', v.id, `views.${v.id}.name`);
  }

  // Sequences are relations too (PostgreSQL; MariaDB's are tables; MySQL has none to write).
  if (ctx.caps.sequences !== 'none') {
    for (const s of Object.values(ctx.doc.sequences)) ctx.reserveName(relations, `rel:${ctx.schemaKey(s.schemaId)}`, s.name, 'sequence', s.id, `sequences.${s.id}.name`);
  }

  const clashes: NameClash[] = [];
  for (const t of Object.values(ctx.doc.tables)) {
    const path = `tables.${t.id}`;
    // PostgreSQL: index and PK/unique names share the relation namespace of the schema.
    const indexScope = ctx.indexScope(t);
    if (t.primaryKey?.name && ctx.caps.namedPrimaryKeys) {
      ctx.checkIdentifier(t.primaryKey.name, 'primary key', t.id, `${path}.primaryKey.name`);
      reserveIndexLike(ctx, clashes, t, indexScope, `${t.id}:pk`, t.primaryKey.name, 'primary key', t.id, `${path}.primaryKey.name`);
    }
    t.uniques.forEach((u, i) => {
      if (!u.name || !u.columnIds.length) return;
      ctx.checkIdentifier(u.name, 'unique constraint', u.id, `${path}.uniques.${i}.name`);
      reserveIndexLike(ctx, clashes, t, indexScope, u.id, u.name, 'unique constraint', u.id, `${path}.uniques.${i}.name`);
    });
    t.indexes.forEach((ix, i) => {
      if (ix.name !== undefined && ix.parts.length) reserveIndexLike(ctx, clashes, t, indexScope, ix.id, ix.name, 'index', ix.id, `${path}.indexes.${i}.name`);
    });
    t.checks.forEach((c, i) => {
      if (!c.name) return;
      ctx.checkIdentifier(c.name, 'check constraint', c.id, `${path}.checks.${i}.name`);
      ctx.reserveName(ctx.constraintNames, ctx.constraintScope(t), c.name, 'check constraint', c.id, `${path}.checks.${i}.name`);
    });
  }
  for (const c of clashes) {
    const renamed = ctx.derivedName(relations, ctx.indexScope(c.table), `${c.table.name}_${c.name}`, c.entityId, c.path);
    ctx.renamed.set(c.key, renamed);
    ctx.diag('warning', 'postgres.name-made-unique', `${c.what} "${c.name}" of "${c.table.name}": PostgreSQL needs index and constraint names unique per schema and "${c.name}" is taken: generated as "${renamed}"`, c.entityId, c.path);
  }
  for (const r of Object.values(ctx.doc.relationships)) {
    const from = ctx.doc.tables[r.fromTableId];
    if (r.name && r.enforced && from) ctx.reserveName(ctx.constraintNames, ctx.constraintScope(from), r.name, 'foreign key', r.id, `relationships.${r.id}.name`);
  }
}

interface NameClash {
  key: string;
  table: Table;
  name: string;
  what: string;
  entityId: string;
  path: string;
}

/** Reserves an explicit index/PK/unique name, or (PostgreSQL, name taken in the schema) records a clash. */
function reserveIndexLike(ctx: DdlContext, clashes: NameClash[], table: Table, scope: string, key: string, name: string, what: string, entityId: string, path: string): void {
  if (ctx.spec.nameScopes.indexesAreRelations && ctx.names.has(scope, name)) clashes.push({ key, table, name, what, entityId, path });
  else ctx.reserveName(ctx.names, scope, name, what, entityId, path);
}

/** InnoDB: the table's (and each partition's) file name must fit the file system. */
function checkTableFileNames(ctx: DdlContext, files: NonNullable<DialectSpec['tableFileName']>, t: Table): void {
  const names = t.partitioning?.partitions.length ? t.partitioning.partitions.map((p) => p.name) : [undefined];
  const longest = Math.max(...names.map((p) => files.bytes(t.name, p)));
  if (longest > files.maxBytes) {
    ctx.diag('error', 'mysql.table-file-name-too-long', `table "${t.name}": InnoDB would store it in a file named with ${longest} bytes (characters other than A-Z, 0-9 and _ take 5 bytes each); file systems allow ${files.maxBytes}`, t.id, `tables.${t.id}.name`);
  }
}

/** Explicit names first: so derived names never take a name the user chose later in the document. */
import { MAX_FILE_NAME_BYTES, mysqlTableFileNameLength } from '../dialects/mysql';
import type { Table } from '../model/document';
import type { DdlContext } from './context';

/** Explicit names are reserved first, so derived names never take them; duplicates are reported. */
export function reserveExplicitNames(ctx: DdlContext): void {
  const relations = ctx.names;
  for (const t of Object.values(ctx.doc.tables)) {
    const schema = ctx.schemaKey(t.schemaId);
    const path = `tables.${t.id}`;
    ctx.checkIdentifier(t.name, 'table', t.id, `${path}.name`);
    ctx.reserveName(relations, `rel:${schema}`, t.name, 'table', t.id, `${path}.name`);
    if (ctx.dialect === 'mysql') checkTableFileNames(ctx, t);
    if (ctx.dialect === 'postgres') {
      for (const p of t.partitioning?.partitions ?? []) ctx.reserveName(relations, `rel:${schema}`, p.name, 'partition', p.id, path);
    }
    // PostgreSQL: index and PK/unique names share the relation namespace of the schema.
    const indexScope = ctx.dialect === 'postgres' ? `rel:${schema}` : `ix:${schema}\u0000${t.id}`;
    if (t.primaryKey?.name && ctx.caps.namedPrimaryKeys) {
      ctx.checkIdentifier(t.primaryKey.name, 'primary key', t.id, `${path}.primaryKey.name`);
      ctx.reserveName(relations, indexScope, t.primaryKey.name, 'primary key', t.id, `${path}.primaryKey.name`);
    }
    t.uniques.forEach((u, i) => {
      if (!u.name) return;
      ctx.checkIdentifier(u.name, 'unique constraint', u.id, `${path}.uniques.${i}.name`);
      ctx.reserveName(relations, indexScope, u.name, 'unique constraint', u.id, `${path}.uniques.${i}.name`);
    });
    t.indexes.forEach((ix, i) => ctx.reserveName(relations, indexScope, ix.name, 'index', ix.id, `${path}.indexes.${i}.name`));
    t.checks.forEach((c, i) => {
      if (!c.name) return;
      ctx.checkIdentifier(c.name, 'check constraint', c.id, `${path}.checks.${i}.name`);
      ctx.reserveName(ctx.constraintNames, ctx.constraintScope(t), c.name, 'check constraint', c.id, `${path}.checks.${i}.name`);
    });
  }
  for (const v of Object.values(ctx.doc.views)) {
    if (v.dialect !== ctx.dialect) continue;
    ctx.checkIdentifier(v.name, 'view', v.id, `views.${v.id}.name`);
    ctx.reserveName(relations, `rel:${ctx.schemaKey(v.schemaId)}`, v.name, 'view', v.id, `views.${v.id}.name`);
  }
  for (const r of Object.values(ctx.doc.relationships)) {
    const from = ctx.doc.tables[r.fromTableId];
    if (r.name && r.enforced && from) ctx.reserveName(ctx.constraintNames, ctx.constraintScope(from), r.name, 'foreign key', r.id, `relationships.${r.id}.name`);
  }
}

/** MySQL: the table's (and each partition's) file name must fit the file system. */
function checkTableFileNames(ctx: DdlContext, t: Table): void {
  const names = t.partitioning?.partitions.length ? t.partitioning.partitions.map((p) => p.name) : [undefined];
  const longest = Math.max(...names.map((p) => mysqlTableFileNameLength(t.name, p)));
  if (longest > MAX_FILE_NAME_BYTES) {
    ctx.diag('error', 'mysql.table-file-name-too-long', `table "${t.name}": InnoDB would store it in a file named with ${longest} bytes (characters other than A-Z, 0-9 and _ take 5 bytes each); file systems allow ${MAX_FILE_NAME_BYTES}`, t.id, `tables.${t.id}.name`);
  }
}

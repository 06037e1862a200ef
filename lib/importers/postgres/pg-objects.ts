/**
 * Everything that is not a table: enums, domains, views, schemas, comments (sequences and extensions:
 * pg-database-objects.ts).
 */
import type { AlterEnumStmt, CommentStmt, CreateDomainStmt, CreateEnumStmt, CreateTableAsStmt, ViewStmt } from 'libpg-query';
import type { Domain, EnumType, ScalarType, View } from '../../model/document';
import { nodeAs, stringList, type PgNode } from './pg-ast';
import type { PgContext } from './pg-context';
import type { ParsedStatement } from './parse-script';
import { statementSql } from './pg-tables';

export function createEnum(ctx: PgContext, s: CreateEnumStmt, st: ParsedStatement): void {
  const b = ctx.b;
  const { schema, name } = ctx.qualify(stringList(s.typeName));
  const key = b.key(schema, name);
  const values = stringList(s.vals).map((v) => v.slice(0, 1000));
  if (b.enums.has(key)) return b.skip(st.start, statementSql(ctx, st), `type "${name}" is already defined`);
  if (values.length === 0) return b.skip(st.start, statementSql(ctx, st), 'enum without values');
  const e: EnumType = { id: b.ids('enum'), name: b.name(name, st.start), values };
  const schemaId = b.schemaId(schema ?? b.searchSchema ?? 'public');
  if (schemaId) e.schemaId = schemaId;
  b.enums.set(key, e);
}

export function alterEnum(ctx: PgContext, s: AlterEnumStmt, st: ParsedStatement): void {
  const b = ctx.b;
  const { schema, name } = ctx.qualify(stringList(s.typeName));
  const e = b.lookup(b.enums, schema, name);
  if (!e || !s.newVal) return b.skip(st.start, statementSql(ctx, st), `ALTER TYPE on "${name}", which is not an enum in the import`);
  if (s.oldVal) {
    e.values = e.values.map((v) => (v === s.oldVal ? (s.newVal ?? v) : v));
    return;
  }
  if (e.values.includes(s.newVal)) return;
  const at = s.newValNeighbor ? e.values.indexOf(s.newValNeighbor) : -1;
  if (at < 0) e.values.push(s.newVal);
  else e.values.splice(s.newValIsAfter === true ? at + 1 : at, 0, s.newVal);
}

export function createDomain(ctx: PgContext, s: CreateDomainStmt, st: ParsedStatement): void {
  const b = ctx.b;
  const sql = statementSql(ctx, st);
  const { schema, name } = ctx.qualify(stringList(s.domainname));
  const key = b.key(schema, name);
  if (b.domains.has(key)) return b.skip(st.start, sql, `domain "${name}" is already defined`);
  if (!s.typeName) return b.skip(st.start, sql, 'domain without a type');
  const resolved = ctx.resolveType(s.typeName);
  // A domain's base type is a scalar in the model; a domain over an enum/domain keeps its SQL spelling.
  const type: ScalarType =
    resolved.type.kind === 'scalar' && resolved.arrayDims === 0 ? resolved.type : { kind: 'scalar', name: 'text', native: { postgres: ctx.sql({ TypeName: s.typeName }).slice(0, 200) } };
  const d: Domain = { id: b.ids('dom'), name: b.name(name, st.start), type, nullable: true, default: { kind: 'none' }, checks: [] };
  const schemaId = b.schemaId(schema ?? b.searchSchema ?? 'public');
  if (schemaId) d.schemaId = schemaId;
  for (const n of s.constraints ?? []) {
    const con = nodeAs(n, 'Constraint');
    if (!con) continue;
    if (con.contype === 'CONSTR_NOTNULL') d.nullable = false;
    else if (con.contype === 'CONSTR_DEFAULT' && con.raw_expr) d.default = ctx.defaultValue(con.raw_expr);
    else if (con.contype === 'CONSTR_CHECK' && con.raw_expr) {
      const check: Domain['checks'][number] = { id: b.ids('chk'), expression: ctx.sql(con.raw_expr) };
      if (con.conname) check.name = b.name(con.conname);
      d.checks.push(check);
    }
  }
  b.domains.set(key, d);
}

export function createView(ctx: PgContext, s: ViewStmt, st: ParsedStatement): void {
  if (!s.query) return;
  if (s.aliases?.length) {
    ctx.b.diag('warning', 'postgres.view-column-names', `view "${s.view?.relname ?? ''}": its column name list (${stringList(s.aliases).join(', ')}) is not kept; name the columns in the SELECT instead`, st.start);
  }
  addView(ctx, s.view?.schemaname, s.view?.relname ?? '', s.query, false, st, s.replace === true);
}

export function createTableAs(ctx: PgContext, s: CreateTableAsStmt, st: ParsedStatement): void {
  if (s.objtype !== 'OBJECT_MATVIEW' || !s.query) return ctx.b.skip(st.start, statementSql(ctx, st), 'CREATE TABLE AS is not modeled (its columns come from a query)');
  addView(ctx, s.into?.rel?.schemaname, s.into?.rel?.relname ?? '', s.query, true, st, false);
}

function addView(ctx: PgContext, schema: string | undefined, name: string, query: PgNode, materialized: boolean, st: ParsedStatement, replace: boolean): void {
  const b = ctx.b;
  const key = b.key(schema, name);
  const existing = b.views.get(key);
  if (existing && !replace) return b.skip(st.start, statementSql(ctx, st), `view "${name}" is already defined`);
  const sql = ctx.sql(query);
  if (!sql) return b.skip(st.start, statementSql(ctx, st), 'view without a query');
  const view: View = { id: existing?.id ?? b.ids('view'), name: b.name(name, st.start), sql, dialect: 'postgres', materialized };
  const schemaId = b.schemaId(schema ?? b.searchSchema ?? 'public');
  if (schemaId) view.schemaId = schemaId;
  b.views.set(key, view);
}

export function createSchema(ctx: PgContext, name: string | undefined, st: ParsedStatement): void {
  if (!name) return ctx.b.skip(st.start, statementSql(ctx, st), 'CREATE SCHEMA without a name (AUTHORIZATION only) is not modeled');
  ctx.b.schemaId(name);
}

export function comment(ctx: PgContext, s: CommentStmt, st: ParsedStatement): void {
  const b = ctx.b;
  const sql = statementSql(ctx, st);
  const text = s.comment === undefined ? undefined : b.comment(s.comment, st.start);
  const list = stringList(nodeAs(s.object, 'List')?.items);
  const typeNames = stringList(nodeAs(s.object, 'TypeName')?.names);
  const set = <T extends { comment?: string }>(el: T | undefined, what: string) => {
    if (!el) return b.skip(st.start, sql, `comment on ${what}, which is not defined in the import`);
    if (text === undefined) delete el.comment;
    else el.comment = text;
  };
  switch (s.objtype) {
    case 'OBJECT_TABLE':
    case 'OBJECT_FOREIGN_TABLE': {
      const { schema, name } = ctx.qualify(list);
      return set(b.findTable(schema, name), `table "${name}"`);
    }
    case 'OBJECT_VIEW':
    case 'OBJECT_MATVIEW': {
      const { schema, name } = ctx.qualify(list);
      return set(b.lookup(b.views, schema, name), `view "${name}"`);
    }
    case 'OBJECT_COLUMN': {
      const column = list[list.length - 1];
      const { schema, name } = ctx.qualify(list.slice(0, -1));
      const table = b.findTable(schema, name);
      return set(table ? b.findColumn(table, column) : undefined, `column "${name}.${column}"`);
    }
    case 'OBJECT_TYPE':
    case 'OBJECT_DOMAIN': {
      const { schema, name } = ctx.qualify(typeNames.length ? typeNames : list);
      const key = b.key(schema, name);
      return set(b.enums.get(key) ?? b.domains.get(key), `type "${name}"`);
    }
    case 'OBJECT_SCHEMA': {
      const name = nodeAs(s.object, 'String')?.sval ?? '';
      const id = b.schemaId(name);
      const ns = [...b.schemas.values()].find((x) => x.id === id);
      return ns ? set(ns, `schema "${name}"`) : b.skip(st.start, sql, 'comment on the default schema is not modeled');
    }
    case 'OBJECT_SEQUENCE': {
      const { schema, name } = ctx.qualify(list);
      return set(b.lookup(b.sequences, schema, name), `sequence "${name}"`);
    }
    case 'OBJECT_EXTENSION': {
      const name = nodeAs(s.object, 'String')?.sval ?? '';
      return set(b.extensions.get(name), `extension "${name}"`);
    }
    case 'OBJECT_INDEX': {
      const { name } = ctx.qualify(list);
      for (const t of b.tables.values()) {
        const ix = t.indexes.find((i) => i.name === name);
        if (ix) {
          if (text === undefined) delete ix.purpose;
          else ix.purpose = text;
          return;
        }
      }
      return b.skip(st.start, sql, `comment on index "${name}", which is not defined in the import`);
    }
    default:
      return b.skip(st.start, sql, `comment on ${(s.objtype ?? 'object').replace('OBJECT_', '').toLowerCase()} is not modeled`);
  }
}

/**
 * What a statement needs to exist before it runs, as document paths (planned-statement.ts): its
 * schema, the enums and domains its columns use, the tables and views a view reads. A statement the
 * target rejects takes every statement that needs it out of the script with it.
 */
import type { Table, View } from '../model/document';
import { SQL_LEXERS } from '../sql-lexer';
import type { DdlContext } from './context';
import { identifiersIn } from './sql-text';

/** The schema statement an element in `schemaId` needs, when the script creates one. */
export function schemaNeeds(ctx: DdlContext, schemaId: string | undefined): string[] {
  return schemaId && ctx.schemaOf(schemaId) !== undefined ? [`schemas.${schemaId}`] : [];
}

/**
 * A table: its schema, every enum and domain its columns are typed with, and every sequence a
 * column's default draws from (`DEFAULT nextval('s'::regclass)` needs it when the table is created).
 */
export function tableNeeds(ctx: DdlContext, table: Table): string[] {
  const out = schemaNeeds(ctx, table.schemaId);
  let seen: Set<string> | undefined;
  const add = (need: string) => {
    seen ??= new Set();
    if (seen.has(need)) return;
    seen.add(need);
    out.push(need);
  };
  for (const c of table.columns) {
    const t = c.type;
    if (t.kind !== 'scalar') add(t.kind === 'enum' ? `enums.${t.enumId}` : `domains.${t.domainId}`);
    if (c.default.kind === 'sequence') add(`sequences.${c.default.sequenceId}`);
  }
  return out;
}

/**
 * Every table and view (by lower-cased name) a view body may read. Read by name, as viewOrder
 * orders views: a word that names a table counts, so a column named like a table reads as one
 * (the view is then commented out with that table: conservative, never a view that fails).
 */
export function relationsByName(ctx: DdlContext): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  const add = (name: string, path: string) => {
    const key = name.toLowerCase();
    const list = byName.get(key);
    if (list) list.push(path);
    else byName.set(key, [path]);
  };
  for (const t of Object.values(ctx.doc.tables)) add(t.name, `tables.${t.id}`);
  for (const v of Object.values(ctx.doc.views)) add(v.name, `views.${v.id}`);
  return byName;
}

export function viewNeeds(ctx: DdlContext, view: View, relations: Map<string, string[]>): string[] {
  const out = schemaNeeds(ctx, view.schemaId);
  const self = `views.${view.id}`;
  for (const name of identifiersIn(view.sql, SQL_LEXERS[view.dialect])) {
    for (const path of relations.get(name) ?? []) if (path !== self) out.push(path);
  }
  return out;
}

/** view.* and schema.* (namespaces). */
import { schemaNamespaceSchema, viewSchema, type SchemaDocument } from '../../document';
import {
  assignChanges, changeableKeys, checkChangeKeys, checkShape, hasKey, requireIn, requireNewId, requireSchema, valuesOf, type ApplyContext,
} from '../context';
import { CommandError } from '../errors';
import { assertIndexNameFree, assertRelationNameFree, assertTypeNameFree, nameKey } from '../names';
import type { CommandOf } from '../types';

export function addView(doc: SchemaDocument, cmd: CommandOf<'view.add'>): void {
  const v = checkShape(viewSchema, cmd.view, 'view');
  requireNewId(doc.views, v.id, 'view');
  requireSchema(doc, v.schemaId);
  assertRelationNameFree(doc, v.name, v.schemaId);
  doc.views[v.id] = v;
}

export function updateView(doc: SchemaDocument, cmd: CommandOf<'view.update'>): void {
  const v = requireIn(doc.views, cmd.viewId, 'view');
  checkChangeKeys(cmd.changes, changeableKeys(viewSchema), 'view');
  const schemaId = hasKey(cmd.changes, 'schemaId') ? cmd.changes.schemaId : v.schemaId;
  requireSchema(doc, schemaId);
  assertRelationNameFree(doc, cmd.changes.name ?? v.name, schemaId, v.id);
  assignChanges(v, cmd.changes);
  checkShape(viewSchema, v, 'view');
}

export function removeView(doc: SchemaDocument, cmd: CommandOf<'view.remove'>): void {
  requireIn(doc.views, cmd.viewId, 'view');
  delete doc.views[cmd.viewId];
}

function assertSchemaNameFree(doc: SchemaDocument, name: string, exceptId?: string): void {
  const key = nameKey(doc.settings.dialect, name);
  if (valuesOf(doc.schemas).some((s) => s.id !== exceptId && nameKey(doc.settings.dialect, s.name) === key)) {
    throw new CommandError('duplicate-name', `a schema named "${name}" already exists`);
  }
}

export function addSchema(doc: SchemaDocument, cmd: CommandOf<'schema.add'>): void {
  const s = checkShape(schemaNamespaceSchema, cmd.schema, 'schema');
  requireNewId(doc.schemas, s.id, 'schema');
  assertSchemaNameFree(doc, s.name);
  doc.schemas[s.id] = s;
}

export function updateSchema(doc: SchemaDocument, cmd: CommandOf<'schema.update'>): void {
  const s = requireIn(doc.schemas, cmd.schemaId, 'schema');
  checkChangeKeys(cmd.changes, changeableKeys(schemaNamespaceSchema), 'schema');
  if (cmd.changes.name !== undefined) assertSchemaNameFree(doc, cmd.changes.name, s.id);
  assignChanges(s, cmd.changes);
  checkShape(schemaNamespaceSchema, s, 'schema');
}

/**
 * Moves the schema's tables, views, enums, domains, sequences and extensions to the default schema, one element at a time
 * so each name is checked against what is already there (a clash refuses the whole command).
 */
export function removeSchema(doc: SchemaDocument, cmd: CommandOf<'schema.remove'>, ctx: ApplyContext): void {
  const s = requireIn(doc.schemas, cmd.schemaId, 'schema');
  const why = `moved to the default schema (schema "${s.name}" was removed)`;
  const inSchema = <T extends { id: string; schemaId?: string }>(items: Record<string, T>) =>
    valuesOf(items).filter((x) => x.schemaId === s.id).map((x) => items[x.id]);
  try {
    for (const t of inSchema(doc.tables)) {
      assertRelationNameFree(doc, t.name, undefined, t.id);
      for (const ix of t.indexes) assertIndexNameFree(doc, t, ix.name, ix.id, undefined);
      delete t.schemaId;
      ctx.changes.push({ entityId: t.id, kind: 'updated', message: `table "${t.name}" ${why}` });
    }
    for (const v of inSchema(doc.views)) {
      assertRelationNameFree(doc, v.name, undefined, v.id);
      delete v.schemaId;
      ctx.changes.push({ entityId: v.id, kind: 'updated', message: `view "${v.name}" ${why}` });
    }
    for (const e of inSchema(doc.enums)) {
      assertTypeNameFree(doc, e.name, undefined, e.id);
      delete e.schemaId;
      ctx.changes.push({ entityId: e.id, kind: 'updated', message: `enum "${e.name}" ${why}` });
    }
    for (const d of inSchema(doc.domains)) {
      assertTypeNameFree(doc, d.name, undefined, d.id);
      delete d.schemaId;
      ctx.changes.push({ entityId: d.id, kind: 'updated', message: `domain "${d.name}" ${why}` });
    }
    for (const q of inSchema(doc.sequences)) {
      assertRelationNameFree(doc, q.name, undefined, q.id);
      delete q.schemaId;
      ctx.changes.push({ entityId: q.id, kind: 'updated', message: `sequence "${q.name}" ${why}` });
    }
    for (const x of inSchema(doc.extensions)) {
      delete x.schemaId;
      ctx.changes.push({ entityId: x.id, kind: 'updated', message: `extension "${x.name}" ${why}` });
    }
    // Routines are verbatim statements (their text still names the schema): only the grouping moves.
    for (const r of inSchema(doc.routines ?? {})) {
      delete r.schemaId;
      ctx.changes.push({ entityId: r.id, kind: 'updated', message: `${r.kind} "${r.name}" ${why} (its statement text is unchanged)` });
    }
  } catch (e) {
    if (e instanceof CommandError) throw new CommandError(e.code, `cannot remove schema "${s.name}": ${e.message}`);
    throw e;
  }
  delete doc.schemas[s.id];
}

/** enum.* and domain.*: user-defined types. Removing one in use retypes its columns (reported). */
import { domainSchema, enumSchema, type Column, type SchemaDocument } from '../../document';
import { displayName } from '../../lookup';
import {
  assignChanges, changeableKeys, checkChangeKeys, checkShape, hasKey, requireIn, requireNewId, requireSchema, valuesOf, type ApplyContext,
} from '../context';
import { CommandError } from '../errors';
import { retypeColumns } from '../integrity';
import { assertTypeNameFree } from '../names';
import type { CommandOf } from '../types';

export function addEnum(doc: SchemaDocument, cmd: CommandOf<'enum.add'>): void {
  const e = checkShape(enumSchema, cmd.enum, 'enum');
  requireNewId(doc.enums, e.id, 'enum');
  requireNewId(doc.domains, e.id, 'domain');
  requireSchema(doc, e.schemaId);
  assertTypeNameFree(doc, e.name, e.schemaId);
  checkEnumValues(e.values);
  doc.enums[e.id] = e;
}

function checkEnumValues(values: readonly string[]): void {
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) throw new CommandError('invalid-value', `enum value "${v}" appears twice`);
    seen.add(v);
  }
}

/** Dropping enum values leaves defaults naming them invalid: those defaults are removed (reported). */
export function updateEnum(doc: SchemaDocument, cmd: CommandOf<'enum.update'>, ctx: ApplyContext): void {
  const e = requireIn(doc.enums, cmd.enumId, 'enum');
  checkChangeKeys(cmd.changes, changeableKeys(enumSchema), 'enum');
  const schemaId = hasKey(cmd.changes, 'schemaId') ? cmd.changes.schemaId : e.schemaId;
  requireSchema(doc, schemaId);
  assertTypeNameFree(doc, cmd.changes.name ?? e.name, schemaId, e.id);
  assignChanges(e, cmd.changes);
  checkShape(enumSchema, e, 'enum');
  checkEnumValues(e.values);
  const values = new Set(e.values);
  const stale = (c: Column) => c.type.kind === 'enum' && c.type.enumId === e.id && c.default.kind === 'literal'
    && typeof c.default.value === 'string' && !values.has(c.default.value);
  for (const peeked of valuesOf(doc.tables)) {
    if (!peeked.columns.some(stale)) continue;
    const t = doc.tables[peeked.id];
    for (const c of t.columns) {
      if (!stale(c)) continue;
      const old = c.default.kind === 'literal' ? String(c.default.value) : '';
      c.default = { kind: 'none' };
      ctx.changes.push({ entityId: c.id, kind: 'updated', message: `column "${displayName(doc, t)}.${c.name}" updated: default '${old}' removed (no longer a value of enum "${e.name}")` });
    }
  }
}

export function removeEnum(doc: SchemaDocument, cmd: CommandOf<'enum.remove'>, ctx: ApplyContext): void {
  const e = requireIn(doc.enums, cmd.enumId, 'enum');
  retypeColumns(doc, (c) => c.type.kind === 'enum' && c.type.enumId === e.id, { kind: 'scalar', name: 'text' },
    `type changed from enum "${e.name}" to text (the enum was removed)`, ctx);
  delete doc.enums[e.id];
}

export function addDomain(doc: SchemaDocument, cmd: CommandOf<'domain.add'>): void {
  const d = checkShape(domainSchema, cmd.domain, 'domain');
  requireNewId(doc.domains, d.id, 'domain');
  requireNewId(doc.enums, d.id, 'enum');
  requireSchema(doc, d.schemaId);
  assertTypeNameFree(doc, d.name, d.schemaId);
  doc.domains[d.id] = d;
}

export function updateDomain(doc: SchemaDocument, cmd: CommandOf<'domain.update'>): void {
  const d = requireIn(doc.domains, cmd.domainId, 'domain');
  checkChangeKeys(cmd.changes, changeableKeys(domainSchema), 'domain');
  const schemaId = hasKey(cmd.changes, 'schemaId') ? cmd.changes.schemaId : d.schemaId;
  requireSchema(doc, schemaId);
  assertTypeNameFree(doc, cmd.changes.name ?? d.name, schemaId, d.id);
  assignChanges(d, cmd.changes);
  checkShape(domainSchema, d, 'domain');
}

export function removeDomain(doc: SchemaDocument, cmd: CommandOf<'domain.remove'>, ctx: ApplyContext): void {
  const d = requireIn(doc.domains, cmd.domainId, 'domain');
  retypeColumns(doc, (c) => c.type.kind === 'domain' && c.type.domainId === d.id, d.type,
    `type changed from domain "${d.name}" to its base type ${d.type.name} (the domain was removed)`, ctx);
  delete doc.domains[d.id];
}

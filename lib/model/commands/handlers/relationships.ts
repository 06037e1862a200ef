/** relationship.add / relationship.update / relationship.remove */
import { relationshipSchema, type Relationship, type SchemaDocument } from '../../document';
import {
  assignChanges, changeableKeys, checkChangeKeys, checkShape, requireColumn, requireIn, requireNewId, requireTable,
} from '../context';
import { CommandError } from '../errors';
import { assertConstraintNameFree } from '../names';
import type { CommandOf } from '../types';

const RELATIONSHIP_CHANGE_KEYS = changeableKeys(relationshipSchema).filter((k) => k !== 'fromTableId' && k !== 'toTableId');

function requirePairs(doc: SchemaDocument, r: Relationship): void {
  const from = requireTable(doc, r.fromTableId);
  const to = requireTable(doc, r.toTableId);
  const seen = new Set<string>();
  for (const p of r.columnPairs) {
    requireColumn(from, p.fromColumnId);
    requireColumn(to, p.toColumnId);
    if (seen.has(p.fromColumnId)) throw new CommandError('invalid-value', `a foreign key cannot use column "${requireColumn(from, p.fromColumnId).name}" twice`);
    seen.add(p.fromColumnId);
  }
}

export function addRelationship(doc: SchemaDocument, cmd: CommandOf<'relationship.add'>): void {
  const r = checkShape(relationshipSchema, cmd.relationship, 'relationship');
  requireNewId(doc.relationships, r.id, 'relationship');
  requirePairs(doc, r);
  assertConstraintNameFree(doc, doc.tables[r.fromTableId], r.name);
  doc.relationships[r.id] = r;
}

export function updateRelationship(doc: SchemaDocument, cmd: CommandOf<'relationship.update'>): void {
  const r = requireIn(doc.relationships, cmd.relationshipId, 'relationship');
  checkChangeKeys(cmd.changes, RELATIONSHIP_CHANGE_KEYS, 'relationship (remove it and add a new one to change its tables)');
  if (cmd.changes.name !== undefined && cmd.changes.name !== r.name) assertConstraintNameFree(doc, doc.tables[r.fromTableId], cmd.changes.name, r.id);
  assignChanges(r, cmd.changes);
  checkShape(relationshipSchema, r, 'relationship');
  requirePairs(doc, r);
}

export function removeRelationship(doc: SchemaDocument, cmd: CommandOf<'relationship.remove'>): void {
  requireIn(doc.relationships, cmd.relationshipId, 'relationship');
  delete doc.relationships[cmd.relationshipId];
}

/**
 * extension.* and sequence.*: the database-wide objects. Extension names are unique per database;
 * sequences share their schema's relation namespace (names.ts). A sequence OWNED BY a column must
 * live in that column's table's schema (PostgreSQL refuses otherwise); removing a sequence removes
 * the defaults drawing from it (reported).
 */
import { extensionSchema, sequenceSchema, type Sequence, type SchemaDocument } from '../../document';
import { sequenceProblems } from '../../sequences';
import { assignChanges, changeableKeys, checkChangeKeys, checkShape, hasKey, requireColumn, requireIn, requireNewId, requireSchema, requireTable, valuesOf, type ApplyContext } from '../context';
import { CommandError } from '../errors';
import { clearSequenceDefaults } from '../integrity';
import { assertRelationNameFree, nameKey } from '../names';
import type { CommandOf } from '../types';

function assertExtensionNameFree(doc: SchemaDocument, name: string, exceptId?: string): void {
  const key = nameKey(doc.settings.dialect, name);
  if (valuesOf(doc.extensions).some((x) => x.id !== exceptId && nameKey(doc.settings.dialect, x.name) === key)) {
    throw new CommandError('duplicate-name', `the extension "${name}" is already declared`);
  }
}

export function addExtension(doc: SchemaDocument, cmd: CommandOf<'extension.add'>): void {
  const x = checkShape(extensionSchema, cmd.extension, 'extension');
  requireNewId(doc.extensions, x.id, 'extension');
  requireSchema(doc, x.schemaId);
  assertExtensionNameFree(doc, x.name);
  doc.extensions[x.id] = x;
}

export function updateExtension(doc: SchemaDocument, cmd: CommandOf<'extension.update'>): void {
  const x = requireIn(doc.extensions, cmd.extensionId, 'extension');
  checkChangeKeys(cmd.changes, changeableKeys(extensionSchema), 'extension');
  if (hasKey(cmd.changes, 'schemaId')) requireSchema(doc, cmd.changes.schemaId);
  if (cmd.changes.name !== undefined) assertExtensionNameFree(doc, cmd.changes.name, x.id);
  assignChanges(x, cmd.changes);
  checkShape(extensionSchema, x, 'extension');
}

export function removeExtension(doc: SchemaDocument, cmd: CommandOf<'extension.remove'>): void {
  requireIn(doc.extensions, cmd.extensionId, 'extension');
  delete doc.extensions[cmd.extensionId];
}

/** The sequence's options are ones the engine accepts, and its owner exists in its schema. */
function checkSequence(doc: SchemaDocument, seq: Sequence): void {
  const problems = sequenceProblems(seq);
  if (problems.length) throw new CommandError('invalid-value', `sequence "${seq.name}": ${problems[0]}`);
  if (!seq.ownedBy) return;
  const table = requireTable(doc, seq.ownedBy.tableId);
  const column = requireColumn(table, seq.ownedBy.columnId);
  if (table.schemaId !== seq.schemaId) {
    throw new CommandError('invalid-value', `sequence "${seq.name}" cannot be owned by "${table.name}.${column.name}": a sequence must be in its owning table's schema`);
  }
}

export function addSequence(doc: SchemaDocument, cmd: CommandOf<'sequence.add'>): void {
  const seq = checkShape(sequenceSchema, cmd.sequence, 'sequence');
  requireNewId(doc.sequences, seq.id, 'sequence');
  requireSchema(doc, seq.schemaId);
  assertRelationNameFree(doc, seq.name, seq.schemaId);
  checkSequence(doc, seq);
  doc.sequences[seq.id] = seq;
}

export function updateSequence(doc: SchemaDocument, cmd: CommandOf<'sequence.update'>): void {
  const seq = requireIn(doc.sequences, cmd.sequenceId, 'sequence');
  checkChangeKeys(cmd.changes, changeableKeys(sequenceSchema), 'sequence');
  const schemaId = hasKey(cmd.changes, 'schemaId') ? cmd.changes.schemaId : seq.schemaId;
  requireSchema(doc, schemaId);
  const name = cmd.changes.name ?? seq.name;
  if (name !== seq.name || schemaId !== seq.schemaId) assertRelationNameFree(doc, name, schemaId, seq.id);
  assignChanges(seq, cmd.changes);
  checkShape(sequenceSchema, seq, 'sequence');
  checkSequence(doc, seq);
}

export function removeSequence(doc: SchemaDocument, cmd: CommandOf<'sequence.remove'>, ctx: ApplyContext): void {
  const seq = requireIn(doc.sequences, cmd.sequenceId, 'sequence');
  clearSequenceDefaults(doc, seq, 'the sequence was removed', ctx);
  delete doc.sequences[seq.id];
}

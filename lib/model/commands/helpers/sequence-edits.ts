/**
 * What the Database panel's and the column inspector's sequence and extension controls dispatch:
 * a new sequence, a new extension, a column made serial (an integer column that owns a sequence
 * named as PostgreSQL names it), the columns a sequence may be owned by, and an option typed in a
 * field. The components only render these.
 */
import type { Column, SchemaDocument, Sequence, SequenceDataType, Table } from '../../document';
import { newId, type IdFactory } from '../../ids';
import { serialSequenceName } from '../../sequences';
import { firstFreeName } from '../../../naming/unique-names';
import { nameKey, relationNamesInSchema } from '../names';
import type { Command } from '../types';

/** The serial pseudo-types and the integer type each stands for. */
export const SERIAL_TYPES: Readonly<Record<string, SequenceDataType>> = {
  smallserial: 'smallint', serial2: 'smallint', serial: 'integer', serial4: 'integer', bigserial: 'bigint', serial8: 'bigint',
};

/** The sequence data type a typed type means when it is a serial pseudo-type (`serial`, `BIGSERIAL`). */
export function serialTypeOf(text: string | undefined): SequenceDataType | undefined {
  return text === undefined ? undefined : SERIAL_TYPES[text.trim().toLowerCase()];
}

function freeRelationName(doc: SchemaDocument, base: string, schemaId: string | undefined): string {
  return firstFreeName(base, relationNamesInSchema(doc, schemaId), { fold: (n) => nameKey(doc.settings.dialect, n) });
}

/** A new bigint sequence `seq_N` in the default schema, every option at its default. */
export function addSequenceCommand(doc: SchemaDocument, ids: IdFactory = newId): Command {
  const name = firstFreeName('seq', relationNamesInSchema(doc, undefined), { bare: false, first: 1, fold: (n) => nameKey(doc.settings.dialect, n) });
  return { type: 'sequence.add', sequence: { id: ids('seq'), name, dataType: 'bigint' } };
}

/** Declares an extension by name (e.g. one the document needs, from extensionsNeeded). */
export function addExtensionCommand(name: string, ids: IdFactory = newId): Command {
  return { type: 'extension.add', extension: { id: ids('ext'), name } };
}

/**
 * Makes a column serial in one undo step: its type the serial's integer type, NOT NULL, no identity,
 * and its default the next value of a new sequence `<table>_<column>_seq` that it owns. A column that
 * already owns a sequence keeps it (its data type follows).
 */
export function serialColumnCommand(doc: SchemaDocument, table: Table, column: Column, dataType: SequenceDataType, ids: IdFactory = newId): Command {
  const owned = column.default.kind === 'sequence' ? doc.sequences[column.default.sequenceId] : undefined;
  const columnChanges = { type: { kind: 'scalar' as const, name: dataType }, arrayDims: undefined, nullable: false, identity: undefined, generated: undefined };
  if (owned?.ownedBy?.tableId === table.id && owned.ownedBy.columnId === column.id) {
    return {
      type: 'batch',
      label: `Make ${table.name}.${column.name} ${dataType === 'integer' ? 'serial' : dataType === 'bigint' ? 'bigserial' : 'smallserial'}`,
      commands: [{ type: 'column.update', tableId: table.id, columnId: column.id, changes: columnChanges }, { type: 'sequence.update', sequenceId: owned.id, changes: { dataType } }],
    };
  }
  const sequence: Sequence = { id: ids('seq'), name: freeRelationName(doc, serialSequenceName(table.name, column.name), table.schemaId), dataType };
  if (table.schemaId) sequence.schemaId = table.schemaId;
  return {
    type: 'batch',
    label: `Make ${table.name}.${column.name} serial`,
    commands: [
      { type: 'sequence.add', sequence },
      { type: 'column.update', tableId: table.id, columnId: column.id, changes: { ...columnChanges, default: { kind: 'sequence', sequenceId: sequence.id } } },
      { type: 'sequence.update', sequenceId: sequence.id, changes: { ownedBy: { tableId: table.id, columnId: column.id } } },
    ],
  };
}

export interface OwnerChoice {
  /** `<table id>/<column id>`, or '' for none. */
  value: string;
  label: string;
}

/** The columns a sequence may be OWNED BY: those of the tables in its schema, as `table.column`. */
export function sequenceOwnerChoices(doc: SchemaDocument, seq: Sequence): OwnerChoice[] {
  const out: OwnerChoice[] = [{ value: '', label: 'Not owned' }];
  for (const t of Object.values(doc.tables)) {
    if (t.schemaId !== seq.schemaId) continue;
    for (const c of t.columns) out.push({ value: `${t.id}/${c.id}`, label: `${t.name}.${c.name}` });
  }
  return out;
}

/** The sequence.update for an owner choice. */
export function sequenceOwnerCommand(seq: Sequence, value: string): Command {
  const [tableId, columnId] = value.split('/');
  return { type: 'sequence.update', sequenceId: seq.id, changes: { ownedBy: value ? { tableId, columnId } : undefined } };
}

export type SequenceOption = 'start' | 'increment' | 'min' | 'max' | 'cache';

/** The sequence.update for an option typed in a field ('' = the default), or the reason it is not a whole number. */
export function sequenceOptionCommand(seq: Sequence, option: SequenceOption, text: string): Command | string {
  const t = text.trim();
  if (t === '') return { type: 'sequence.update', sequenceId: seq.id, changes: { [option]: undefined } };
  if (!/^-?\d+$/.test(t) || !Number.isSafeInteger(Number(t))) return `"${text}" is not a whole number within ±2^53`;
  return { type: 'sequence.update', sequenceId: seq.id, changes: { [option]: Number(t) } };
}

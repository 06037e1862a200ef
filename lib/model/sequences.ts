/**
 * Facts about sequences every layer shares: the engine's defaults for a data type and direction
 * (what an absent option means), who draws from a sequence, and which columns are serial (an integer
 * column whose default is the next value of a sequence it owns).
 *
 * Bounds are bigint here: a bigint sequence's limits (±9223372036854775807) are past what a JavaScript
 * number holds exactly; the document stores only values that differ from these defaults.
 */
import type { Column, SchemaDocument, Sequence, SequenceDataType, Table } from './document';

export const SEQUENCE_TYPE_LIMITS: Record<SequenceDataType, { min: bigint; max: bigint }> = {
  smallint: { min: -32768n, max: 32767n },
  integer: { min: -2147483648n, max: 2147483647n },
  bigint: { min: -9223372036854775808n, max: 9223372036854775807n },
};

/** Every option of a sequence, its defaults filled in as PostgreSQL fills them (CREATE SEQUENCE). */
export interface SequenceSettings {
  dataType: SequenceDataType;
  start: bigint;
  increment: bigint;
  min: bigint;
  max: bigint;
  cache: bigint;
  cycle: boolean;
}

type SequenceOptionValues = Partial<Record<'start' | 'increment' | 'min' | 'max' | 'cache', bigint>> & { cycle?: boolean };

/** The settings a sequence of `dataType` has with the given options (absent = the engine's default). */
export function sequenceSettings(dataType: SequenceDataType, given: SequenceOptionValues): SequenceSettings {
  const increment = given.increment ?? 1n;
  const limits = SEQUENCE_TYPE_LIMITS[dataType];
  const min = given.min ?? (increment > 0n ? 1n : limits.min);
  const max = given.max ?? (increment > 0n ? limits.max : -1n);
  return { dataType, start: given.start ?? (increment > 0n ? min : max), increment, min, max, cache: given.cache ?? 1n, cycle: given.cycle ?? false };
}

const big = (n: number | undefined) => (n === undefined ? undefined : BigInt(n));

/** The effective settings of a document sequence. */
export function settingsOf(seq: Sequence): SequenceSettings {
  return sequenceSettings(seq.dataType, { start: big(seq.start), increment: big(seq.increment), min: big(seq.min), max: big(seq.max), cache: big(seq.cache), cycle: seq.cycle });
}

/**
 * The document form of full settings: only what differs from the defaults (which depend on the
 * data type and the increment's sign), as numbers. `unsafe` names options whose value a number
 * cannot hold exactly (they are left out; the caller reports them).
 */
export function optionsFromSettings(s: SequenceSettings): { options: Pick<Sequence, 'start' | 'increment' | 'min' | 'max' | 'cache' | 'cycle'>; unsafe: string[] } {
  const options: Pick<Sequence, 'start' | 'increment' | 'min' | 'max' | 'cache' | 'cycle'> = {};
  const unsafe: string[] = [];
  const defaults = sequenceSettings(s.dataType, { increment: s.increment });
  const put = (key: 'increment' | 'min' | 'max' | 'cache', value: bigint, def: bigint) => {
    if (value === def) return;
    const n = Number(value);
    if (Number.isSafeInteger(n)) options[key] = n;
    else unsafe.push(key);
  };
  put('increment', s.increment, 1n);
  put('min', s.min, defaults.min);
  put('max', s.max, defaults.max);
  // The start's default follows min/max as given, not the type's.
  const startDefault = s.increment > 0n ? s.min : s.max;
  if (s.start !== startDefault) {
    const n = Number(s.start);
    if (Number.isSafeInteger(n)) options.start = n;
    else unsafe.push('start');
  }
  put('cache', s.cache, 1n);
  if (s.cycle) options.cycle = true;
  return { options, unsafe };
}

/** Problems PostgreSQL would refuse the sequence for (CREATE SEQUENCE's own checks), as sentences. */
export function sequenceProblems(seq: Sequence): string[] {
  const s = settingsOf(seq);
  const limits = SEQUENCE_TYPE_LIMITS[s.dataType];
  const out: string[] = [];
  if (s.min < limits.min || s.max > limits.max) out.push(`its bounds do not fit the data type ${s.dataType} (${limits.min} to ${limits.max})`);
  if (s.min >= s.max) out.push(`MINVALUE (${s.min}) must be less than MAXVALUE (${s.max})`);
  else if (s.start < s.min || s.start > s.max) out.push(`START WITH ${s.start} is outside ${s.min} to ${s.max}`);
  return out;
}

export interface SequenceUser {
  table: Table;
  column: Column;
  columnIndex: number;
}

/** The columns whose default draws from each sequence, by sequence id (one pass over the tables). */
export function sequenceUsers(doc: SchemaDocument): Map<string, SequenceUser[]> {
  const users = new Map<string, SequenceUser[]>();
  for (const table of Object.values(doc.tables)) {
    table.columns.forEach((column, columnIndex) => {
      if (column.default.kind !== 'sequence') return;
      const list = users.get(column.default.sequenceId);
      if (list) list.push({ table, column, columnIndex });
      else users.set(column.default.sequenceId, [{ table, column, columnIndex }]);
    });
  }
  return users;
}

/** The sequence a column draws from and owns (a serial column), if it does. */
export function ownedSequenceOf(doc: SchemaDocument, table: Table, column: Column): Sequence | undefined {
  if (column.default.kind !== 'sequence') return undefined;
  const seq = doc.sequences[column.default.sequenceId];
  return seq?.ownedBy?.tableId === table.id && seq.ownedBy.columnId === column.id ? seq : undefined;
}

/** PostgreSQL's serial pseudo-type for an owned sequence's data type. */
export const SERIAL_TYPE_OF: Record<SequenceDataType, 'smallserial' | 'serial' | 'bigserial'> = {
  smallint: 'smallserial',
  integer: 'serial',
  bigint: 'bigserial',
};

/** The sequence data type a serial column of this logical type uses, if the type can be serial. */
export function serialDataType(column: Column): SequenceDataType | undefined {
  if (column.type.kind !== 'scalar' || column.arrayDims || column.type.native?.postgres) return undefined;
  const name = column.type.name;
  return name === 'smallint' || name === 'integer' || name === 'bigint' ? name : undefined;
}

/** The name PostgreSQL gives a serial column's sequence (before truncation and clash numbering). */
export function serialSequenceName(tableName: string, columnName: string): string {
  return `${tableName}_${columnName}_seq`;
}

/** `nextval('sales.orders_id_seq')`: how a sequence default reads in labels and documents. */
export function sequenceDefaultLabel(doc: SchemaDocument, sequenceId: string): string {
  const seq = doc.sequences[sequenceId];
  if (!seq) return `nextval(?)`;
  const schema = seq.schemaId ? doc.schemas[seq.schemaId]?.name : undefined;
  return `nextval('${(schema ? `${schema}.${seq.name}` : seq.name).replace(/'/g, "''")}')`;
}

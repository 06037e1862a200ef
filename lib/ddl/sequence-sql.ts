/**
 * Sequences: `CREATE SEQUENCE` before the
 * tables (so a column's `DEFAULT nextval(...)` finds its sequence), `ALTER SEQUENCE ... OWNED BY`
 * after them, pg_dump's own shape. A column that owns a plain sequence named as PostgreSQL would
 * name it is written `serial` instead: the catalog is the same, and the script reads as the user
 * wrote it.
 *
 * Where the target has no sequences (MySQL), a column that owns its sequence (or is the only user of
 * one nobody owns) becomes AUTO_INCREMENT (its start kept as the table's AUTO_INCREMENT), and whatever
 * that cannot say is a diagnostic. MariaDB (`standalone` sequences) maps those columns the same way and
 * writes every other sequence as its own CREATE SEQUENCE, with `DEFAULT nextval(seq)` columns.
 */
import type { Column, Identity, SchemaDocument, Sequence, Table } from '../model/document';
import { SERIAL_TYPE_OF, sequenceProblems, settingsOf, sequenceUsers, serialDataType, serialSequenceName, type SequenceUser } from '../model/sequences';
import type { DdlContext } from './context';
import type { PlannedStatement } from './planned-statement';
import { schemaNeeds } from './statement-needs';

function sequencePath(seq: Sequence): string {
  return `sequences.${seq.id}`;
}

/**
 * Decides which columns are written `serial`: the column owns the sequence and is its only user, is
 * NOT NULL, not identity or generated, of the sequence's data type; the sequence has every option at
 * its default, no comment, the table's schema and the name PostgreSQL would give it.
 */
export function planSerialColumns(ctx: DdlContext): void {
  if (ctx.caps.sequences !== 'create-sequence') return;
  const users = sequenceUsers(ctx.doc);
  for (const seq of Object.values(ctx.doc.sequences)) {
    if (!seq.ownedBy || seq.comment !== undefined) continue;
    if (seq.start !== undefined || seq.increment !== undefined || seq.min !== undefined || seq.max !== undefined || seq.cache !== undefined || seq.cycle) continue;
    const using = users.get(seq.id);
    if (using?.length !== 1) continue;
    const { table, column } = using[0];
    if (table.id !== seq.ownedBy.tableId || column.id !== seq.ownedBy.columnId) continue;
    if (column.nullable || column.identity || column.generated || column.collation || serialDataType(column) !== seq.dataType) continue;
    if (seq.schemaId !== table.schemaId || seq.name !== serialSequenceName(table.name, column.name)) continue;
    ctx.serialColumns.set(column, SERIAL_TYPE_OF[seq.dataType]);
  }
}

function writtenAsSerial(ctx: DdlContext, seq: Sequence): boolean {
  if (!seq.ownedBy || !ctx.serialColumns.size) return false;
  const table = ctx.doc.tables[seq.ownedBy.tableId];
  const column = table && ctx.column(table, seq.ownedBy.columnId);
  return column !== undefined && ctx.serialColumns.has(column);
}

/** CREATE SEQUENCE for every sequence not written as a serial column; a diagnostic each where there are none. */
export function sequenceStatements(ctx: DdlContext): PlannedStatement[] {
  const out: PlannedStatement[] = [];
  const sequences = Object.values(ctx.doc.sequences);
  if (ctx.caps.sequences === 'none') {
    for (const seq of sequences) {
      if (autoIncrementColumn(ctx, seq)) continue;
      ctx.diag('warning', `${ctx.dialect}.sequence-dropped`, `sequence "${seq.name}": ${ctx.spec.label} has no sequences (only a column's own AUTO_INCREMENT): left out`, seq.id, sequencePath(seq));
    }
    return out;
  }
  if (ctx.caps.sequences === 'standalone') {
    for (const seq of sequences) if (!autoIncrementColumn(ctx, seq)) out.push(...standaloneSequence(ctx, seq));
    return out;
  }
  for (const seq of sequences) {
    const path = sequencePath(seq);
    ctx.checkIdentifier(seq.name, 'sequence', seq.id, `${path}.name`);
    for (const problem of sequenceProblems(seq)) ctx.diag('error', 'sequence.invalid', `sequence "${seq.name}": ${problem}`, seq.id, path);
    if (writtenAsSerial(ctx, seq)) continue;
    let sql = `CREATE SEQUENCE ${ctx.qualified(seq)}`;
    // bigint is CREATE SEQUENCE's own default type.
    if (seq.dataType !== 'bigint') sql += ` AS ${seq.dataType}`;
    if (seq.start !== undefined) sql += ` START WITH ${seq.start}`;
    if (seq.increment !== undefined) sql += ` INCREMENT BY ${seq.increment}`;
    if (seq.min !== undefined) sql += ` MINVALUE ${seq.min}`;
    if (seq.max !== undefined) sql += ` MAXVALUE ${seq.max}`;
    if (seq.cache !== undefined) sql += ` CACHE ${seq.cache}`;
    if (seq.cycle) sql += ' CYCLE';
    out.push({ sql, path, needs: schemaNeeds(ctx, seq.schemaId) });
    if (seq.comment !== undefined) out.push({ sql: `COMMENT ON SEQUENCE ${ctx.qualified(seq)} IS ${ctx.str(seq.comment)}`, needs: [path] });
  }
  return out;
}

/**
 * MariaDB's CREATE SEQUENCE: always bigint (no AS type before 11.5), so a smaller type's effective
 * bounds and start are written out; its comment is a table option.
 */
function standaloneSequence(ctx: DdlContext, seq: Sequence): PlannedStatement[] {
  const path = sequencePath(seq);
  ctx.checkIdentifier(seq.name, 'sequence', seq.id, `${path}.name`);
  for (const problem of sequenceProblems(seq)) ctx.diag('error', 'sequence.invalid', `sequence "${seq.name}": ${problem}`, seq.id, path);
  const eff = settingsOf(seq);
  const typed = seq.dataType !== 'bigint';
  let sql = `CREATE SEQUENCE ${ctx.qualified(seq)}`;
  if (seq.start !== undefined || typed) sql += ` START WITH ${eff.start}`;
  if (seq.increment !== undefined) sql += ` INCREMENT BY ${seq.increment}`;
  if (seq.min !== undefined || typed) sql += ` MINVALUE ${eff.min}`;
  if (seq.max !== undefined || typed) sql += ` MAXVALUE ${eff.max}`;
  if (seq.cache !== undefined) sql += ` CACHE ${seq.cache}`;
  if (seq.cycle) sql += ' CYCLE';
  if (seq.comment !== undefined) sql += ` COMMENT ${ctx.str(seq.comment)}`;
  return [{ sql, path, needs: schemaNeeds(ctx, seq.schemaId) }];
}

/** ALTER SEQUENCE ... OWNED BY, once every table exists (serial columns own theirs already). */
export function ownedByStatements(ctx: DdlContext): PlannedStatement[] {
  const out: PlannedStatement[] = [];
  if (ctx.caps.sequences !== 'create-sequence') return out;
  for (const seq of Object.values(ctx.doc.sequences)) {
    if (!seq.ownedBy || writtenAsSerial(ctx, seq)) continue;
    const table = ctx.doc.tables[seq.ownedBy.tableId];
    const column = table && ctx.column(table, seq.ownedBy.columnId);
    if (!column) continue;
    if (seq.schemaId !== table.schemaId) {
      ctx.diag('warning', 'sequence.owner-schema', `sequence "${seq.name}" is owned by "${table.name}.${column.name}" in another schema, which PostgreSQL refuses: OWNED BY left out`, seq.id, `${sequencePath(seq)}.ownedBy`);
      continue;
    }
    const path = sequencePath(seq);
    out.push({ sql: `ALTER SEQUENCE ${ctx.qualified(seq)} OWNED BY ${ctx.qualified(table)}.${ctx.q(column.name)}`, path: `${path}.ownedBy`, needs: [path, `tables.${table.id}`] });
  }
  return out;
}

/**
 * `nextval('"s"."seq"'::regclass)`, pg_dump's spelling (the catalog shows it the same way); MariaDB
 * `nextval(`seq`)` for a sequence that is not written as a column's AUTO_INCREMENT.
 */
export function sequenceDefaultSql(ctx: DdlContext, sequenceId: string): string | undefined {
  if (ctx.caps.sequences === 'none') return undefined;
  const seq = ctx.doc.sequences[sequenceId];
  if (!seq) return undefined;
  if (ctx.caps.sequences === 'standalone') return autoIncrementColumn(ctx, seq) ? undefined : `nextval(${ctx.qualified(seq)})`;
  return `nextval(${ctx.str(ctx.qualified(seq))}::regclass)`;
}

/** Users per sequence, once per document (documents are immutable; the generator reads them often). */
const usersOf = new WeakMap<SchemaDocument, Map<string, SequenceUser[]>>();

function usersOfSequence(ctx: DdlContext, sequenceId: string): readonly SequenceUser[] {
  let users = usersOf.get(ctx.doc);
  if (!users) usersOf.set(ctx.doc, (users = sequenceUsers(ctx.doc)));
  return users.get(sequenceId) ?? [];
}

/**
 * The column AUTO_INCREMENT can stand for a sequence with, where there are no sequences: the integer
 * column that owns it and draws from it, or, for a sequence nobody owns (pg_dump of a schema whose
 * sequences lack OWNED BY, like pagila), its only user.
 */
function autoIncrementColumn(ctx: DdlContext, seq: Sequence): { table: Table; column: Column } | undefined {
  let table: Table | undefined;
  let column: Column | undefined;
  if (seq.ownedBy) {
    table = ctx.doc.tables[seq.ownedBy.tableId];
    column = table && ctx.column(table, seq.ownedBy.columnId);
  } else {
    const users = usersOfSequence(ctx, seq.id);
    if (users.length === 1) ({ table, column } = users[0]);
  }
  if (!table || !column || column.identity || column.generated || !serialDataType(column)) return undefined;
  if (column.default.kind !== 'sequence' || column.default.sequenceId !== seq.id) return undefined;
  return { table, column };
}

/**
 * Where the target has no sequences: the identity a column's sequence default becomes (AUTO_INCREMENT
 * from the sequence's start, see autoIncrementColumn), with a diagnostic for what is lost; undefined
 * when the default is left out (reported here too).
 */
export function sequenceIdentity(ctx: DdlContext, table: Table, column: Column, index: number): Identity | undefined {
  if (ctx.caps.sequences === 'create-sequence' || column.default.kind !== 'sequence' || column.identity || column.generated) return undefined;
  const seq = ctx.doc.sequences[column.default.sequenceId];
  if (!seq) return undefined;
  const path = `tables.${table.id}.columns.${index}`;
  const where = `column "${column.name}" of "${table.name}"`;
  const mapped = autoIncrementColumn(ctx, seq);
  // MariaDB: a sequence no column stands for is written; the column draws from it (sequenceDefaultSql).
  if (ctx.caps.sequences === 'standalone' && !mapped) return undefined;
  if (mapped?.column !== column) {
    ctx.diag('warning', `${ctx.dialect}.sequence-default-dropped`, `${where}: its default draws from sequence "${seq.name}", which ${seq.ownedBy ? 'another column owns' : 'other columns share'}; ${ctx.spec.label} has no sequences: the default is left out`, column.id, path);
    return undefined;
  }
  const lost = [
    seq.min !== undefined && `MINVALUE ${seq.min}`,
    seq.max !== undefined && `MAXVALUE ${seq.max}`,
    seq.cache !== undefined && `CACHE ${seq.cache}`,
    seq.cycle && 'CYCLE',
  ].filter(Boolean);
  if (lost.length) ctx.diag('warning', `${ctx.dialect}.sequence-options-dropped`, `${where}: AUTO_INCREMENT stands for sequence "${seq.name}" but cannot keep ${lost.join(', ')}`, column.id, path);
  // AUTO_INCREMENT's own diagnostics say what happens to the start (table option) and the increment.
  const identity: Identity = { always: false };
  if (seq.start !== undefined) identity.start = seq.start;
  if (seq.increment !== undefined) identity.increment = seq.increment;
  return identity;
}

/** Whether `column` owns the sequence its default draws from (so it counts by itself where there are no sequences). */
export function ownsAutoIncrementSequence(ctx: DdlContext, column: Column): boolean {
  if (ctx.caps.sequences === 'create-sequence' || column.default.kind !== 'sequence') return false;
  const seq = ctx.doc.sequences[column.default.sequenceId];
  return seq !== undefined && autoIncrementColumn(ctx, seq)?.column === column;
}

/** Whether a column is AUTO_INCREMENT in this output: an identity, or (no sequences) its own sequence. */
export function isAutoIncrement(ctx: DdlContext, table: Table, column: Column): boolean {
  if (ctx.caps.identity !== 'auto-increment') return false;
  if (column.identity) return true;
  if (ctx.caps.sequences === 'create-sequence' || column.default.kind !== 'sequence') return false;
  const seq = ctx.doc.sequences[column.default.sequenceId];
  return seq !== undefined && autoIncrementColumn(ctx, seq)?.column === column;
}

/**
 * Extensions and sequences of a PostgreSQL script, kept as the script declares them:
 * - `CREATE EXTENSION [IF NOT EXISTS] name [WITH SCHEMA s] [VERSION v]` -> an extension;
 * - `CREATE SEQUENCE` with every option, `ALTER SEQUENCE` (options, OWNED BY), serial columns (a
 *   sequence named as PostgreSQL names it, owned by the column, which draws its default from it),
 *   and `DEFAULT nextval('seq'::regclass)` bound to the sequence it names, so pg_dump's shape
 *   (CREATE SEQUENCE; ALTER SEQUENCE OWNED BY; ALTER TABLE ... SET DEFAULT nextval) comes back as it was.
 * Everything is resolved once every statement is read (a default may name a sequence created later,
 * an owner may be dropped, renamed or folded into a partitioned parent).
 */
import type { AlterSeqStmt, CreateExtensionStmt, CreateSeqStmt } from 'libpg-query';
import type { Column, DefaultValue, Extension, Sequence, SequenceDataType, Table } from '../../model/document';
import { optionsFromSettings, sequenceSettings, serialSequenceName } from '../../model/sequences';
import { identifierLength } from '../../dialects/types';
import { postgresDialect as postgres } from '../../dialects/postgres';
import { intValue, nodeAs, stringList, type PgNode } from './pg-ast';
import type { PgContext } from './pg-context';
import type { ParsedStatement } from './parse-script';
import { statementSql } from './pg-tables';

type OptionValues = Partial<Record<'start' | 'increment' | 'min' | 'max' | 'cache', bigint>> & { cycle?: boolean };

const DATA_TYPES: Readonly<Record<string, SequenceDataType>> = {
  int2: 'smallint', smallint: 'smallint', int4: 'integer', int: 'integer', integer: 'integer', int8: 'bigint', bigint: 'bigint',
};

/** An OWNED BY as written: resolved to the table and column objects when they exist, else by name at the end. */
type Owner = { table: Table; column: Column } | { names: string[] };

interface PendingDefault {
  column: Column;
  key: string;
  /** The nextval expression as written, kept if the sequence never appears. */
  sql: string;
}

/** Integer value of a DefElem argument, exactly (bigint bounds do not fit a number). */
function bigArg(arg: PgNode | undefined): bigint | undefined {
  const i = intValue(arg);
  if (i !== undefined) return BigInt(i);
  const f = nodeAs(arg, 'Float')?.fval;
  return f !== undefined && /^-?\d+$/.test(f) ? BigInt(f) : undefined;
}

/**
 * PostgreSQL's makeObjectName: `table_column_seq`, each part shortened (the longer first) so the
 * whole fits in 63 bytes.
 */
function serialName(table: string, column: string): string {
  const max = postgres.identifierLimit.max;
  const full = serialSequenceName(table, column);
  if (identifierLength(postgres, full) <= max) return full;
  let a = [...table];
  let b = [...column];
  const bytes = (chars: string[]) => identifierLength(postgres, chars.join(''));
  while (bytes(a) + bytes(b) + '__seq'.length > max) {
    if (bytes(a) > bytes(b)) a = a.slice(0, -1);
    else b = b.slice(0, -1);
  }
  return serialSequenceName(a.join(''), b.join(''));
}

export class SequenceImport {
  private readonly options = new Map<Sequence, OptionValues>();
  private readonly owners = new Map<Sequence, Owner>();
  private readonly defaults: PendingDefault[] = [];

  constructor(private readonly ctx: PgContext) {}

  private get b() {
    return this.ctx.b;
  }

  create(s: CreateSeqStmt, st: ParsedStatement): void {
    const b = this.b;
    const sql = statementSql(this.ctx, st);
    if (s.sequence?.relpersistence === 't') return b.skip(st.start, sql, 'temporary sequence');
    const schema = s.sequence?.schemaname;
    const name = s.sequence?.relname ?? '';
    const key = b.key(schema, name);
    if (b.sequences.has(key)) return b.skip(st.start, sql, `sequence "${name}" is already defined`);
    const seq: Sequence = { id: b.ids('seq'), name: b.name(name, st.start), dataType: 'bigint' };
    const schemaId = b.schemaId(schema ?? b.searchSchema ?? 'public');
    if (schemaId) seq.schemaId = schemaId;
    this.options.set(seq, {});
    b.sequences.set(key, seq);
    this.readOptions(seq, s.options);
  }

  alter(s: AlterSeqStmt, st: ParsedStatement): void {
    const seq = this.b.lookup(this.b.sequences, s.sequence?.schemaname, s.sequence?.relname ?? '');
    if (!seq) return this.b.skip(st.start, statementSql(this.ctx, st), 'ALTER SEQUENCE on a sequence not defined in the import');
    this.readOptions(seq, s.options);
  }

  private readOptions(seq: Sequence, options: PgNode[] | undefined): void {
    const values = this.options.get(seq) ?? {};
    for (const o of options ?? []) {
      const d = nodeAs(o, 'DefElem');
      if (!d) continue;
      switch (d.defname) {
        case 'as': {
          const names = stringList(nodeAs(d.arg, 'TypeName')?.names);
          const type = DATA_TYPES[names[names.length - 1] ?? ''];
          if (type) seq.dataType = type;
          break;
        }
        case 'start':
        case 'increment':
        case 'cache':
          values[d.defname] = bigArg(d.arg);
          break;
        // NO MINVALUE / NO MAXVALUE have no argument: back to the default.
        case 'minvalue':
          values.min = bigArg(d.arg);
          break;
        case 'maxvalue':
          values.max = bigArg(d.arg);
          break;
        case 'cycle':
          values.cycle = nodeAs(d.arg, 'Boolean')?.boolval === true;
          break;
        case 'owned_by': {
          const names = stringList(nodeAs(d.arg, 'List')?.items);
          if (names.length === 1 && names[0] === 'none') this.owners.delete(seq);
          else this.owners.set(seq, this.owner(names));
          break;
        }
        default:
          // RESTART and SEQUENCE NAME change no definition the catalog compares.
          break;
      }
    }
    this.options.set(seq, values);
  }

  private owner(names: string[]): Owner {
    const column = names[names.length - 1];
    const { schema, name } = this.ctx.qualify(names.slice(0, -1));
    const table = this.b.findTable(schema, name);
    const col = table ? this.b.findColumn(table, column) : undefined;
    return table && col ? { table, column: col } : { names };
  }

  /** A serial column: its sequence (named as PostgreSQL names it), owned by it, and its default. */
  serial(table: Table, column: Column, dataType: SequenceDataType): void {
    const b = this.b;
    const schema = table.schemaId ? [...b.schemas.values()].find((s) => s.id === table.schemaId)?.name : undefined;
    const base = serialName(table.name, column.name);
    // ChooseRelationName: a number appended while the name is taken in the schema.
    let name = base;
    for (let n = 1; this.relationTaken(schema, name, table); n++) name = `${base}${n}`;
    const seq: Sequence = { id: b.ids('seq'), name, dataType };
    if (table.schemaId) seq.schemaId = table.schemaId;
    b.sequences.set(b.key(schema ?? b.defaultSchema, name), seq);
    this.options.set(seq, {});
    this.owners.set(seq, { table, column });
    column.nullable = false;
    column.default = { kind: 'sequence', sequenceId: seq.id };
  }

  private relationTaken(schema: string | undefined, name: string, creating: Table): boolean {
    const key = this.b.key(schema ?? this.b.defaultSchema, name);
    return creating.name === name || this.b.tables.has(key) || this.b.views.has(key) || this.b.sequences.has(key);
  }

  /** `DEFAULT nextval('seq')`: bound to the sequence once every statement is read. */
  nextvalDefault(column: Column, key: string, sql: string): void {
    delete column.identity;
    column.default = { kind: 'none' };
    this.defaults.push({ column, key, sql });
  }

  /** Binds defaults, resolves owners, drops sequences whose owner is gone, normalises options. */
  finish(): void {
    const b = this.b;
    const liveTables = new Set(b.tables.values());
    for (const d of this.defaults) {
      const seq = b.sequences.get(d.key);
      d.column.default = seq ? { kind: 'sequence', sequenceId: seq.id } : ({ kind: 'expression', sql: d.sql } satisfies DefaultValue);
      if (!seq) b.diag('warning', 'postgres.sequence-missing', `a default calls ${d.sql}, a sequence the import does not define: kept as an expression`, undefined, d.column.id);
    }
    const gone = new Set<string>();
    for (const [key, seq] of b.sequences) {
      const owner = this.owners.get(seq);
      if (owner) {
        const resolved = 'names' in owner ? this.owner(owner.names) : owner;
        if ('table' in resolved && liveTables.has(resolved.table) && resolved.table.columns.includes(resolved.column)) {
          seq.ownedBy = { tableId: resolved.table.id, columnId: resolved.column.id };
          if (resolved.table.schemaId !== seq.schemaId) {
            b.diag('warning', 'postgres.sequence-owner-schema', `sequence "${seq.name}" is OWNED BY "${resolved.table.name}.${resolved.column.name}" in another schema, which PostgreSQL refuses: OWNED BY not kept`, undefined, seq.id);
            delete seq.ownedBy;
          }
        } else if ('table' in resolved) {
          // The owner was dropped (or became a partition): PostgreSQL drops an owned sequence with it.
          b.sequences.delete(key);
          gone.add(seq.id);
          continue;
        } else {
          b.diag('warning', 'postgres.sequence-owner-missing', `sequence "${seq.name}" is OWNED BY ${resolved.names.join('.')}, which the import does not define: OWNED BY not kept`, undefined, seq.id);
        }
      }
      const { options, unsafe } = optionsFromSettings(sequenceSettings(seq.dataType, this.options.get(seq) ?? {}));
      Object.assign(seq, options);
      if (unsafe.length) b.diag('warning', 'postgres.sequence-option-range', `sequence "${seq.name}": ${unsafe.join(', ')} beyond ±2^53 cannot be kept exactly: left at the default`, undefined, seq.id);
    }
    if (!gone.size) return;
    for (const t of b.tables.values()) {
      for (const c of t.columns) if (c.default.kind === 'sequence' && gone.has(c.default.sequenceId)) c.default = { kind: 'none' };
    }
  }
}

/** CREATE EXTENSION: name, schema (the default schema and pg_catalog are "none") and version. */
export function createExtension(ctx: PgContext, s: CreateExtensionStmt, st: ParsedStatement): void {
  const b = ctx.b;
  const name = s.extname ?? '';
  if (!name) return b.skip(st.start, statementSql(ctx, st), 'CREATE EXTENSION without a name');
  if (b.extensions.has(name)) return b.skip(st.start, statementSql(ctx, st), `extension "${name}" is already declared`);
  const x: Extension = { id: b.ids('ext'), name: b.name(name, st.start) };
  for (const o of s.options ?? []) {
    const d = nodeAs(o, 'DefElem');
    const value = nodeAs(d?.arg, 'String')?.sval;
    if (d?.defname === 'schema' && value && value !== 'pg_catalog') {
      const schemaId = b.schemaId(value);
      if (schemaId) x.schemaId = schemaId;
    }
    if (d?.defname === 'new_version' && value) x.version = value.slice(0, 64);
  }
  b.extensions.set(name, x);
}

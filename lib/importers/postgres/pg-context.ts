/**
 * State of one PostgreSQL import beyond the shared ImportBuilder: sequences (pg-database-objects.ts),
 * partitions (modeled on their parent), the search_path, and the conversions every statement handler
 * needs: type names, defaults, expressions.
 */
import type { A_Const, TypeName } from 'libpg-query';
import type { Column, ColumnType, DefaultValue, Identity, Table } from '../../model/document';
import { SequenceImport } from './pg-database-objects';
import type { ImportBuilder } from '../sql-common/import-builder';
import { constValue, intValue, nodeAs, qualifiedName, stringList, type Deparser, type PgNode } from './pg-ast';
import { mapPgScalar, nativeOnly } from './pg-types';

const TEXT_LIKE_CASTS = new Set(['text', 'varchar', 'bpchar', 'char', 'character', 'name', 'citext']);

export class PgContext {
  readonly sequences: SequenceImport = new SequenceImport(this);
  /** Tables attached as partitions: key of the child -> its parent. */
  readonly partitionParents = new Map<string, Table>();
  /** Tables created plain and then attached (pg_dump's shape), per parent: one summary each. */
  readonly foldedPartitions = new Map<Table, number>();

  constructor(
    readonly b: ImportBuilder,
    readonly deparser: Deparser,
  ) {}

  /** SQL text of an expression node. */
  sql(node: PgNode): string {
    return this.deparser.deparse(node).trim();
  }

  /** Schema and name of a qualified name list, with unqualified names in the search_path schema. */
  qualify(parts: string[]): { schema: string | undefined; name: string } {
    const q = qualifiedName(parts);
    return { schema: q.schema, name: q.name };
  }

  // ---- types -------------------------------------------------------------------------------------

  resolveType(tn: TypeName): { type: ColumnType; arrayDims: number; serial: boolean } {
    const names = stringList(tn.names);
    const arrayDims = Math.min(tn.arrayBounds?.length ?? 0, 6);
    const { schema, name } = this.qualify(names);
    if (schema !== 'pg_catalog') {
      const en = this.b.lookup(this.b.enums, schema, name);
      if (en) return { type: { kind: 'enum', enumId: en.id }, arrayDims, serial: false };
      const dom = this.b.lookup(this.b.domains, schema, name);
      if (dom) return { type: { kind: 'domain', domainId: dom.id }, arrayDims, serial: false };
    }
    const native = () => this.sql({ TypeName: { ...tn, arrayBounds: undefined } }).slice(0, 200);
    const mods = tn.typmods?.map((m) => intValue(m));
    const intMods = mods && mods.every((m): m is number => m !== undefined) ? mods : mods ? undefined : [];
    if (!tn.setof && !tn.pct_type) {
      const mapped = mapPgScalar({ names, intMods, native });
      if (mapped) return { type: mapped.type, arrayDims, serial: mapped.serial };
    }
    return { type: nativeOnly(native()), arrayDims, serial: false };
  }

  // ---- defaults ----------------------------------------------------------------------------------

  /** The default for an expression, or a sequence default to resolve later. */
  applyDefault(column: Column, expr: PgNode | undefined): void {
    if (!expr) {
      column.default = { kind: 'none' };
      return;
    }
    const seq = this.nextvalSequence(expr);
    if (seq) {
      // pg_dump's `DEFAULT nextval('t_id_seq'::regclass)`: bound to the sequence at the end.
      this.sequences.nextvalDefault(column, seq, this.sql(expr));
      return;
    }
    column.default = this.defaultValue(expr);
  }

  defaultValue(expr: PgNode): DefaultValue {
    const c = nodeAs(expr, 'A_Const');
    if (c) return this.literal(c) ?? { kind: 'expression', sql: this.sql(expr) };
    const cast = nodeAs(expr, 'TypeCast');
    if (cast?.arg && cast.typeName) {
      const inner = nodeAs(cast.arg, 'A_Const');
      const target = stringList(cast.typeName.names);
      const base = target[target.length - 1];
      const isEnum = this.b.enums.has(this.b.key(this.qualify(target).schema, base));
      if (inner?.sval && !cast.typeName.arrayBounds && (TEXT_LIKE_CASTS.has(base) || isEnum)) {
        return { kind: 'literal', value: inner.sval.sval ?? '' };
      }
    }
    const svf = nodeAs(expr, 'SQLValueFunction');
    if (svf?.op === 'SVFOP_CURRENT_TIMESTAMP') return { kind: 'builtin', name: 'current_timestamp' };
    if (svf?.op === 'SVFOP_CURRENT_DATE') return { kind: 'builtin', name: 'current_date' };
    if (svf?.op === 'SVFOP_CURRENT_TIME') return { kind: 'builtin', name: 'current_time' };
    return { kind: 'expression', sql: this.sql(expr) };
  }

  private literal(c: A_Const): DefaultValue | undefined {
    const v = constValue(c);
    if (!v) return undefined;
    switch (v.kind) {
      case 'null':
        return { kind: 'literal', value: null };
      case 'string':
        return { kind: 'literal', value: v.value };
      case 'boolean':
        return { kind: 'literal', value: v.value };
      case 'number':
        // Keep numbers whose text a JS number would change (huge or very precise decimals) as SQL.
        return String(v.value) === v.text ? { kind: 'literal', value: v.value } : { kind: 'expression', sql: v.text };
      default: {
        const never: never = v;
        return never;
      }
    }
  }

  /** `nextval('schema.seq'::regclass)` -> the sequence's key. */
  private nextvalSequence(expr: PgNode): string | undefined {
    const call = nodeAs(expr, 'FuncCall');
    if (!call) return undefined;
    const fname = stringList(call.funcname);
    if (fname[fname.length - 1] !== 'nextval' || call.args?.length !== 1) return undefined;
    let arg = call.args[0];
    const cast = nodeAs(arg, 'TypeCast');
    if (cast?.arg) arg = cast.arg;
    const s = nodeAs(arg, 'A_Const')?.sval?.sval;
    if (!s) return undefined;
    const parts = s.split('.').map((p) => (p.startsWith('"') && p.endsWith('"') ? p.slice(1, -1).replace(/""/g, '"') : p.toLowerCase()));
    const q = this.qualify(parts);
    return this.b.key(q.schema, q.name);
  }

  identityFromOptions(always: boolean, options: PgNode[] | undefined): Identity {
    const identity: Identity = { always };
    for (const o of options ?? []) {
      const d = nodeAs(o, 'DefElem');
      if (!d) continue;
      const v = numberArg(d.arg);
      if (d.defname === 'start' && v !== undefined && v !== 1) identity.start = v;
      if (d.defname === 'increment' && v !== undefined && v !== 1) identity.increment = v;
    }
    return identity;
  }

  /** Called once every statement was read. */
  finish(): void {
    for (const [parent, n] of this.foldedPartitions) {
      this.b.diag('info', 'postgres.partitions-folded', `${n} table(s) attached to "${parent.name}" with ATTACH PARTITION are modeled as its partitions`, undefined, parent.id);
    }
    this.sequences.finish();
  }
}

/** Integer value of a DefElem argument (Integer, Float text, or a negative A_Const). */
export function numberArg(arg: PgNode | undefined): number | undefined {
  const i = intValue(arg);
  if (i !== undefined) return i;
  const f = nodeAs(arg, 'Float');
  if (f?.fval !== undefined) {
    const n = Number(f.fval);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  return undefined;
}

/**
 * CREATE TABLE, ALTER TABLE and CREATE INDEX: everything that lands on a table.
 */
import type { AlterTableStmt, ColumnDef, Constraint, CreateStmt, IndexStmt, PartitionBoundSpec, RangeVar } from 'libpg-query';
import { makeColumn, makeIndex, makeTable } from '../../model/build';
import type { Index, IndexMethod, IndexPart, PartitionBound, ReferentialAction, Table } from '../../model/document';
import { indexMethods } from '../../model/document';
import { nodeAs, nodeKind, stringList, type PgNode } from './pg-ast';
import type { PgContext } from './pg-context';
import type { ParsedStatement } from './parse-script';
import { dropColumn, dropConstraint } from './pg-changes';

const FK_ACTIONS: Record<string, ReferentialAction> = { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };

function fkAction(code: string | undefined): ReferentialAction {
  return FK_ACTIONS[code ?? 'a'] ?? 'no action';
}

export function statementSql(ctx: PgContext, st: ParsedStatement): string {
  return ctx.b.text.slice(st.start, st.end);
}

function relationKey(ctx: PgContext, rel: RangeVar | undefined): { schema: string | undefined; name: string } {
  return { schema: rel?.schemaname, name: rel?.relname ?? '' };
}

/** The table a statement targets, or a reason it is not a modeled table. */
function targetTable(ctx: PgContext, rel: RangeVar | undefined): { table: Table } | { reason: string } {
  const { schema, name } = relationKey(ctx, rel);
  const parent = ctx.b.lookup(ctx.partitionParents, schema, name);
  if (parent) return { reason: `"${name}" is a partition of "${parent.name}" (partitions are modeled on their parent)` };
  const table = ctx.b.findTable(schema, name);
  if (table) return { table };
  if (ctx.b.lookup(ctx.b.views, schema, name)) return { reason: `"${name}" is a view (not modeled for this statement)` };
  return { reason: `table "${name}" is not defined in the import` };
}

// ---- CREATE TABLE -------------------------------------------------------------------------------

export function createTable(ctx: PgContext, s: CreateStmt, st: ParsedStatement): void {
  const b = ctx.b;
  const sql = statementSql(ctx, st);
  const { schema, name } = relationKey(ctx, s.relation);
  if (s.relation?.relpersistence === 't') return b.skip(st.start, sql, 'temporary table');
  if (s.ofTypename) return b.skip(st.start, sql, 'typed table (OF type) is not modeled');
  if (s.partbound) {
    const parentRel = nodeAs(s.inhRelations?.[0], 'RangeVar');
    const parent = parentRel ? ctx.b.findTable(parentRel.schemaname, parentRel.relname ?? '') : undefined;
    if (!parent?.partitioning) return b.skip(st.start, sql, `partition of "${parentRel?.relname ?? '?'}", which is not a partitioned table in the import`);
    addPartition(ctx, parent, name, s.partbound);
    ctx.partitionParents.set(b.key(schema, name), parent);
    return;
  }
  const key = b.key(schema, name);
  if (b.tables.has(key)) return b.skip(st.start, sql, `table "${name}" is already defined`);
  const table = makeTable({ name: b.name(name, st.start) }, b.ids);
  const schemaId = b.schemaId(schema ?? b.searchSchema ?? 'public');
  if (schemaId) table.schemaId = schemaId;
  if (s.inhRelations?.length) b.diag('warning', 'postgres.inherits-not-modeled', `table "${name}" uses INHERITS, which is not modeled: only its own columns are kept`, st.start, table.id);

  const constraints: Constraint[] = [];
  for (const el of s.tableElts ?? []) {
    const col = nodeAs(el, 'ColumnDef');
    if (col) {
      addColumn(ctx, table, col, st);
      continue;
    }
    const con = nodeAs(el, 'Constraint');
    if (con) {
      constraints.push(con);
      continue;
    }
    b.diag('warning', 'postgres.table-element-skipped', `table "${name}": ${nodeKind(el)} (e.g. LIKE) is not modeled`, st.start, table.id);
  }
  for (const con of constraints) addTableConstraint(ctx, table, con, st);
  if (s.partspec) {
    const strategy = s.partspec.strategy === 'PARTITION_STRATEGY_LIST' ? 'list' : s.partspec.strategy === 'PARTITION_STRATEGY_HASH' ? 'hash' : 'range';
    const key: NonNullable<Table['partitioning']>['key'] = [];
    for (const p of s.partspec.partParams ?? []) {
      const pe = nodeAs(p, 'PartitionElem');
      if (!pe) continue;
      const c = pe.name ? b.findColumn(table, pe.name) : undefined;
      if (c) key.push({ kind: 'column', columnId: c.id });
      else if (pe.expr) key.push({ kind: 'expression', sql: ctx.sql(pe.expr) });
    }
    if (key.length > 0) table.partitioning = { strategy, key, partitions: [] };
  }
  b.tables.set(key, table);
}

function addPartition(ctx: PgContext, parent: Table, name: string, spec: PartitionBoundSpec): void {
  const partitioning = parent.partitioning;
  if (!partitioning) return;
  partitioning.partitions.push({ id: ctx.b.ids('part'), name: ctx.b.name(name), bound: partitionBound(ctx, spec) });
}

function partitionBound(ctx: PgContext, spec: PartitionBoundSpec): PartitionBound {
  const datum = (n: PgNode) => {
    const prd = nodeAs(n, 'PartitionRangeDatum');
    if (prd?.kind === 'PARTITION_RANGE_DATUM_MINVALUE') return 'MINVALUE';
    if (prd?.kind === 'PARTITION_RANGE_DATUM_MAXVALUE') return 'MAXVALUE';
    const ref = nodeAs(n, 'ColumnRef');
    const word = ref ? stringList(ref.fields)[0] : undefined;
    if (word === 'minvalue' || word === 'maxvalue') return word.toUpperCase();
    return ctx.sql(prd?.value ?? n) || 'NULL';
  };
  if (spec.is_default) return { kind: 'default' };
  if (spec.strategy === 'h') return { kind: 'hash', modulus: Math.max(1, spec.modulus ?? 1), remainder: Math.max(0, spec.remainder ?? 0) };
  if (spec.strategy === 'l') return { kind: 'list', values: (spec.listdatums ?? []).map(datum).concat((spec.listdatums ?? []).length ? [] : ['NULL']) };
  const from = (spec.lowerdatums ?? []).map(datum);
  const to = (spec.upperdatums ?? []).map(datum);
  return { kind: 'range', from: from.length ? from : ['MINVALUE'], to: to.length ? to : ['MAXVALUE'] };
}

// ---- columns --------------------------------------------------------------------------------------

function addColumn(ctx: PgContext, table: Table, def: ColumnDef, st: ParsedStatement): void {
  const b = ctx.b;
  const colName = def.colname ?? '';
  if (b.findColumn(table, colName)) {
    b.diag('warning', 'postgres.duplicate-column', `table "${table.name}" defines column "${colName}" twice: the second is ignored`, st.start, table.id);
    return;
  }
  const resolved = def.typeName ? ctx.resolveType(def.typeName) : { type: nativeText(), arrayDims: 0, serial: false };
  const column = makeColumn({ name: b.name(colName, st.start), type: resolved.type }, b.ids);
  if (resolved.arrayDims > 0) column.arrayDims = resolved.arrayDims;
  const coll = def.collClause ? stringList(def.collClause.collname) : [];
  if (coll.length) column.collation = coll.join('.').slice(0, 128);
  table.columns.push(column);
  // serial: an integer column that owns a sequence named as PostgreSQL names it, and draws from it.
  if (resolved.serial && column.type.kind === 'scalar') ctx.sequences.serial(table, column, column.type.name === 'smallint' ? 'smallint' : column.type.name === 'bigint' ? 'bigint' : 'integer');
  for (const n of def.constraints ?? []) {
    const con = nodeAs(n, 'Constraint');
    if (!con) continue;
    switch (con.contype) {
      case 'CONSTR_NOTNULL':
        column.nullable = false;
        break;
      case 'CONSTR_NULL':
        column.nullable = true;
        break;
      case 'CONSTR_DEFAULT':
        ctx.applyDefault(column, con.raw_expr);
        break;
      case 'CONSTR_IDENTITY':
        column.identity = ctx.identityFromOptions(con.generated_when === 'a', con.options);
        column.nullable = false;
        break;
      case 'CONSTR_GENERATED':
        if (con.raw_expr) column.generated = { expression: ctx.sql(con.raw_expr), stored: con.generated_kind !== 'v' };
        break;
      default:
        // PRIMARY KEY, UNIQUE, CHECK, REFERENCES written on the column: table constraints on one column.
        addTableConstraint(ctx, table, { ...con, keys: con.keys ?? [{ String: { sval: colName } }], fk_attrs: con.fk_attrs ?? [{ String: { sval: colName } }] }, st);
    }
  }
}

function nativeText() {
  return { kind: 'scalar' as const, name: 'text' as const };
}

// ---- constraints ----------------------------------------------------------------------------------

function addTableConstraint(ctx: PgContext, table: Table, con: Constraint, st: ParsedStatement): void {
  const b = ctx.b;
  const name = con.conname ? b.name(con.conname, st.start) : undefined;
  const label = name ? `constraint "${name}" on "${table.name}"` : `a constraint on "${table.name}"`;
  const ids = (nodes: PgNode[] | undefined): string[] | undefined => {
    const r = b.columnIds(table, stringList(nodes));
    if ('missing' in r) {
      b.diag('warning', 'postgres.constraint-column-missing', `${label}: column "${r.missing}" does not exist: skipped`, st.start, table.id);
      return undefined;
    }
    return r.ids;
  };
  switch (con.contype) {
    case 'CONSTR_PRIMARY': {
      if (con.indexname) return b.diag('warning', 'postgres.using-index', `${label}: PRIMARY KEY USING INDEX is not modeled`, st.start, table.id);
      const columnIds = ids(con.keys);
      if (!columnIds || columnIds.length === 0) return;
      if (table.primaryKey) return b.diag('warning', 'postgres.second-primary-key', `${label}: "${table.name}" already has a primary key`, st.start, table.id);
      table.primaryKey = name ? { name, columnIds } : { columnIds };
      for (const c of table.columns) if (columnIds.includes(c.id)) c.nullable = false;
      return;
    }
    case 'CONSTR_UNIQUE': {
      if (con.indexname) return b.diag('warning', 'postgres.using-index', `${label}: UNIQUE USING INDEX is not modeled`, st.start, table.id);
      const columnIds = ids(con.keys);
      if (!columnIds || columnIds.length === 0) return;
      const u: Table['uniques'][number] = { id: b.ids('uq'), columnIds };
      if (name) u.name = name;
      if (con.nulls_not_distinct) u.nullsNotDistinct = true;
      table.uniques.push(u);
      return;
    }
    case 'CONSTR_CHECK': {
      if (!con.raw_expr) return;
      const c: Table['checks'][number] = { id: b.ids('chk'), expression: ctx.sql(con.raw_expr), name: name ?? postgresCheckName(table, con.raw_expr) };
      table.checks.push(c);
      return;
    }
    case 'CONSTR_FOREIGN': {
      const columns = stringList(con.fk_attrs);
      const deferrable = con.deferrable ? (con.initdeferred ? 'deferrable initially deferred' : 'deferrable initially immediate') : undefined;
      b.foreignKeys.push({
        offset: st.start,
        table,
        columns,
        parentSchema: con.pktable?.schemaname,
        parentName: con.pktable?.relname ?? '',
        parentColumns: stringList(con.pk_attrs),
        name,
        onDelete: fkAction(con.fk_del_action),
        onUpdate: fkAction(con.fk_upd_action),
        deferrable,
        enforced: con.is_enforced !== false,
      });
      return;
    }
    case 'CONSTR_NOTNULL': {
      for (const id of ids(con.keys) ?? []) {
        const c = table.columns.find((x) => x.id === id);
        if (c) c.nullable = false;
      }
      return;
    }
    case 'CONSTR_EXCLUSION':
      return b.diag('warning', 'postgres.exclusion-not-modeled', `${label}: EXCLUDE constraints are not modeled: skipped`, st.start, table.id);
    default:
      return;
  }
}

/**
 * The name PostgreSQL gives an unnamed CHECK: `<table>_<column>_check` when the expression uses exactly
 * one column, else `<table>_check`, with a number appended on a clash (AddRelationNewConstraints).
 * Keeping the engine's name makes the document say what the database will have.
 */
function postgresCheckName(table: Table, expr: PgNode): string {
  const columns = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const ref = nodeAs(v as PgNode, 'ColumnRef');
    if (ref) {
      const fields = stringList(ref.fields);
      if (fields.length) columns.add(fields[fields.length - 1]);
      return;
    }
    for (const child of Object.values(v)) walk(child);
  };
  walk(expr);
  const base = columns.size === 1 ? `${table.name}_${[...columns][0]}` : table.name;
  const { taken, resume } = checkNames(table);
  // Resume where the last search for this base stopped: names are only added (a drop or a rename
  // starts over), so n unnamed checks cost n tries in all, not n²/2.
  let n = resume.get(base) ?? 0;
  let name = n ? `${base}_check${n}` : `${base}_check`;
  while (taken.has(name)) name = `${base}_check${++n}`;
  resume.set(base, n);
  // PostgreSQL truncates identifiers to 63 bytes; names this long are rare enough to keep whole.
  return name;
}

interface CheckNames {
  checks: Table['checks'];
  seen: number;
  taken: Set<string | undefined>;
  resume: Map<string, number>;
}
const checkNameCache = new WeakMap<Table, CheckNames>();

/** The check names of `table`, kept in step with appends; a new checks array starts over. */
function checkNames(table: Table): CheckNames {
  let entry = checkNameCache.get(table);
  if (!entry || entry.checks !== table.checks || entry.seen > table.checks.length) {
    entry = { checks: table.checks, seen: 0, taken: new Set(), resume: new Map() };
    checkNameCache.set(table, entry);
  }
  for (; entry.seen < table.checks.length; entry.seen++) entry.taken.add(table.checks[entry.seen].name);
  return entry;
}

/** Call after renaming a constraint of `table` in place. */
export function checkNamesChanged(table: Table): void {
  checkNameCache.delete(table);
}

// ---- ALTER TABLE ------------------------------------------------------------------------------------

export function alterTable(ctx: PgContext, s: AlterTableStmt, st: ParsedStatement): void {
  const b = ctx.b;
  const sql = statementSql(ctx, st);
  if (s.objtype && s.objtype !== 'OBJECT_TABLE') {
    const what = s.objtype.replace('OBJECT_', '').toLowerCase().replace('_', ' ');
    return b.skip(st.start, sql, `ALTER ${what.toUpperCase()} is not modeled`);
  }
  const cmds = (s.cmds ?? []).map((n) => nodeAs(n, 'AlterTableCmd')).filter((c) => c !== undefined);
  if (cmds.length > 0 && cmds.every((c) => c.subtype === 'AT_ChangeOwner')) return b.skip(st.start, sql, 'ownership (not modeled)');
  // ATTACH PARTITION targets the parent; everything else targets a table.
  const attach = cmds.find((c) => c.subtype === 'AT_AttachPartition');
  if (attach) return attachPartition(ctx, s, attach.def, st);
  const target = targetTable(ctx, s.relation);
  if ('reason' in target) return b.skip(st.start, sql, target.reason);
  const table = target.table;
  const unhandled: string[] = [];
  for (const cmd of cmds) {
    const col = cmd.name ? b.findColumn(table, cmd.name) : undefined;
    switch (cmd.subtype) {
      case 'AT_AddConstraint': {
        const con = nodeAs(cmd.def, 'Constraint');
        if (con) addTableConstraint(ctx, table, con, st);
        break;
      }
      case 'AT_AddColumn': {
        const def = nodeAs(cmd.def, 'ColumnDef');
        if (def) addColumn(ctx, table, def, st);
        break;
      }
      case 'AT_ColumnDefault':
        if (col) ctx.applyDefault(col, cmd.def);
        else unhandled.push(`default on unknown column "${cmd.name}"`);
        break;
      case 'AT_SetNotNull':
      case 'AT_DropNotNull':
        if (col) col.nullable = cmd.subtype === 'AT_DropNotNull';
        break;
      case 'AT_AddIdentity': {
        const con = nodeAs(cmd.def, 'Constraint');
        if (col && con) {
          col.identity = ctx.identityFromOptions(con.generated_when === 'a', con.options);
          col.nullable = false;
          col.default = { kind: 'none' };
        }
        break;
      }
      case 'AT_AlterColumnType': {
        const def = nodeAs(cmd.def, 'ColumnDef');
        if (col && def?.typeName) {
          const r = ctx.resolveType(def.typeName);
          col.type = r.type;
          if (r.arrayDims) col.arrayDims = r.arrayDims;
          else delete col.arrayDims;
        }
        break;
      }
      case 'AT_DropColumn':
        if (!dropColumn(ctx, table, cmd.name ?? '')) unhandled.push(`DROP COLUMN of unknown column "${cmd.name}"`);
        break;
      case 'AT_DropConstraint':
        if (!dropConstraint(ctx, table, cmd.name ?? '')) unhandled.push(`DROP CONSTRAINT of unknown constraint "${cmd.name}"`);
        break;
      default:
        unhandled.push(describeAlter(cmd.subtype));
    }
  }
  if (unhandled.length === cmds.length && cmds.length > 0) b.skip(st.start, sql, `${unhandled.join(', ')} is not modeled`);
  else if (unhandled.length > 0) b.diag('info', 'postgres.alter-part-skipped', `ALTER TABLE "${table.name}": ${unhandled.join(', ')} not modeled`, st.start, table.id);
}

function describeAlter(subtype: string | undefined): string {
  const words: Record<string, string> = {
    AT_ChangeOwner: 'OWNER TO',
    AT_EnableRowSecurity: 'ENABLE ROW LEVEL SECURITY',
    AT_ForceRowSecurity: 'FORCE ROW LEVEL SECURITY',
    AT_EnableTrig: 'ENABLE TRIGGER',
    AT_DisableTrig: 'DISABLE TRIGGER',
    AT_ReplicaIdentity: 'REPLICA IDENTITY',
    AT_ClusterOn: 'CLUSTER ON',
    AT_DropColumn: 'DROP COLUMN',
    AT_DropConstraint: 'DROP CONSTRAINT',
    AT_SetStatistics: 'SET STATISTICS',
  };
  return words[subtype ?? ''] ?? (subtype ?? 'ALTER').replace(/^AT_/, '');
}

function attachPartition(ctx: PgContext, s: AlterTableStmt, def: PgNode | undefined, st: ParsedStatement): void {
  const b = ctx.b;
  const sql = statementSql(ctx, st);
  const cmd = nodeAs(def, 'PartitionCmd');
  const parent = b.findTable(s.relation?.schemaname, s.relation?.relname ?? '');
  if (!cmd?.name || !cmd.bound || !parent?.partitioning) return b.skip(st.start, sql, 'ATTACH PARTITION to a table that is not a partitioned table in the import');
  const childKey = b.key(cmd.name.schemaname, cmd.name.relname ?? '');
  const child = b.tables.get(childKey);
  // The partition was created as a plain table (pg_dump does this); it becomes a partition entry.
  if (child) {
    b.tables.delete(childKey);
    ctx.foldedPartitions.set(parent, (ctx.foldedPartitions.get(parent) ?? 0) + 1);
  }
  addPartition(ctx, parent, cmd.name.relname ?? '', cmd.bound);
  ctx.partitionParents.set(childKey, parent);
}

// ---- CREATE INDEX -------------------------------------------------------------------------------------

const MODELED_METHODS = new Set<string>(indexMethods);
const isIndexMethod = (m: string): m is IndexMethod => MODELED_METHODS.has(m);

export function createIndex(ctx: PgContext, s: IndexStmt, st: ParsedStatement): void {
  const b = ctx.b;
  const sql = statementSql(ctx, st);
  const target = targetTable(ctx, s.relation);
  if ('reason' in target) return b.skip(st.start, sql, `index on ${target.reason}`);
  const table = target.table;
  const method = (s.accessMethod ?? 'btree').toLowerCase();
  if (!isIndexMethod(method)) return b.skip(st.start, sql, `index method "${method}" is not modeled`);
  const parts: IndexPart[] = [];
  const names: string[] = [];
  for (const p of s.indexParams ?? []) {
    const el = nodeAs(p, 'IndexElem');
    if (!el) continue;
    const order = el.ordering === 'SORTBY_DESC' ? 'desc' : el.ordering === 'SORTBY_ASC' ? 'asc' : undefined;
    const nulls = el.nulls_ordering === 'SORTBY_NULLS_FIRST' ? 'first' : el.nulls_ordering === 'SORTBY_NULLS_LAST' ? 'last' : undefined;
    const opclass = stringList(el.opclass).join('.') || undefined;
    let part: IndexPart;
    if (el.name) {
      const c = b.findColumn(table, el.name);
      if (!c) return b.skip(st.start, sql, `index column "${el.name}" does not exist in "${table.name}"`);
      part = { kind: 'column', columnId: c.id };
      names.push(el.name);
    } else if (el.expr) {
      part = { kind: 'expression', sql: ctx.sql(el.expr) };
      names.push('expr');
    } else continue;
    if (order) part.order = order;
    if (nulls) part.nulls = nulls;
    if (opclass) part.opclass = opclass.slice(0, 128);
    parts.push(part);
  }
  if (parts.length === 0) return b.skip(st.start, sql, 'index without columns');
  // PostgreSQL's own naming when the statement gives none.
  const name = s.idxname ?? `${table.name}_${names.join('_')}_idx`;
  const index: Index = makeIndex({ name: b.name(name, st.start), parts, unique: s.unique === true }, b.ids);
  if (method !== 'btree') index.method = method;
  if (s.whereClause) index.where = ctx.sql(s.whereClause);
  const include: string[] = [];
  for (const p of s.indexIncludingParams ?? []) {
    const el = nodeAs(p, 'IndexElem');
    const c = el?.name ? b.findColumn(table, el.name) : undefined;
    if (c) include.push(c.id);
  }
  if (include.length) index.includeColumnIds = include;
  if (table.indexes.some((x) => x.name === index.name)) return b.skip(st.start, sql, `index "${index.name}" is already defined on "${table.name}"`);
  table.indexes.push(index);
}

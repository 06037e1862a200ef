/**
 * Maps what the readers found (read-create-table.ts, read-statements.ts) onto the import builder:
 * tables with their columns and constraints, indexes, views, triggers. SQLite facts kept:
 * - the declared type text (as `native.sqlite`) and nullability as written (a PRIMARY KEY column
 *   may hold NULL in SQLite unless NOT NULL is written, and the catalog says so);
 * - AUTOINCREMENT as identity on the key column; a plain INTEGER PRIMARY KEY (a rowid alias) has none;
 * - WITHOUT ROWID and STRICT per table (`options.sqlite`);
 * - CHECKs as written, also `col IN ('a', 'b')` lists (SQLite has no enums: an info diagnostic
 *   suggests one, the check stays);
 * - foreign keys with their actions (NO ACTION when none is written, as SQLite records) and DEFERRABLE.
 */
import { makeColumn, makeIndex, makeTable } from '../../model/build';
import type { Column, DefaultValue, Index, IndexPart, ReferentialAction, Routine, Table, View } from '../../model/document';
import type { ImportBuilder } from '../sql-common/import-builder';
import { StatementCursor, SqliteSyntaxError } from './cursor';
import type { ColumnSyntax, CreateTableSyntax, DefaultSyntax, ForeignKeyClause, IndexedColumn } from './read-create-table';
import type { CreateIndexSyntax, CreateViewSyntax, TriggerHeader } from './read-statements';
import { sqliteColumnType } from './sqlite-types';

const ACTIONS: Record<string, ReferentialAction> = { 'no action': 'no action', restrict: 'restrict', cascade: 'cascade', 'set null': 'set null', 'set default': 'set default' };

const BUILTIN_DEFAULTS: Record<string, 'current_timestamp' | 'current_date' | 'current_time'> = {
  CURRENT_TIMESTAMP: 'current_timestamp',
  CURRENT_DATE: 'current_date',
  CURRENT_TIME: 'current_time',
};

/** DEFAULT as written -> the document's default; anything not a plain literal stays an expression, as written. */
export function sqliteDefault(d: DefaultSyntax): DefaultValue {
  switch (d.form) {
    case 'expression':
      return { kind: 'expression', sql: d.expr.text.trim() || 'NULL' };
    case 'string':
      return { kind: 'literal', value: d.value };
    case 'number': {
      const n = Number(d.raw);
      // Only numbers that print back as written (`0.0`, `1e3`, `0x10` keep their spelling as expressions).
      return Number.isFinite(n) && String(n) === d.raw.replace(/^\+/, '') ? { kind: 'literal', value: n } : { kind: 'expression', sql: d.raw };
    }
    case 'word': {
      const upper = d.raw.toUpperCase();
      if (upper === 'NULL') return { kind: 'literal', value: null };
      if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'literal', value: upper === 'TRUE' };
      const builtin = BUILTIN_DEFAULTS[upper];
      if (builtin) return { kind: 'builtin', name: builtin };
      return { kind: 'expression', sql: d.raw };
    }
  }
}

/** `col IN ('a', 'b', ...)`: the column and values of a check that is an enum in disguise. */
export function enumLikeCheck(text: string, start: number, end: number): { column: string; values: string[] } | undefined {
  const c = new StatementCursor(text, start, end);
  if (!c.isName() || c.peek()?.kind === 'string') return undefined;
  const column = c.name().value;
  if (!c.acceptWords('in') || !c.acceptPunct('(')) return undefined;
  const values: string[] = [];
  do {
    const t = c.peek();
    if (t?.kind !== 'string' || !t.closed) return undefined;
    values.push(c.name().value);
  } while (c.acceptPunct(','));
  if (!c.acceptPunct(')') || !c.done || values.length === 0) return undefined;
  return { column, values };
}

function quoteCollation(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `"${name.split('"').join('""')}"`;
}

export class SqliteObjects {
  /** Folded names of the shadow tables of virtual tables seen so far (skipped when their CREATE TABLE follows). */
  readonly shadowTables = new Map<string, string>();
  /** Index names (one namespace per database in SQLite). */
  private readonly indexNames = new Set<string>();
  /** Each column's declared type as written (the document keeps it only where the DDL would spell it otherwise). */
  private readonly declaredTypes = new WeakMap<Column, string | undefined>();

  constructor(private readonly b: ImportBuilder) {}

  /** `main` is the default schema; another name is an attached database, kept as a namespace. */
  schemaOf(schema: string | undefined): string | undefined {
    return schema === undefined || this.b.fold(schema) === 'main' ? undefined : schema;
  }

  // ---- CREATE TABLE ---------------------------------------------------------------------------------

  createTable(t: CreateTableSyntax, start: number, sql: string): void {
    const b = this.b;
    if (t.temporary || (t.schema !== undefined && /^temp$/i.test(t.schema))) return b.skip(start, sql, 'temporary table (not part of the database schema)');
    if (t.asSelect) return b.skip(start, sql, 'CREATE TABLE ... AS SELECT (its columns come from a query)');
    if (/^sqlite_/i.test(t.name)) return b.skip(start, sql, `SQLite's internal table "${t.name}" (created by the engine)`);
    const owner = this.shadowTables.get(b.fold(t.name));
    if (owner !== undefined) return b.skip(start, sql, `shadow table of the virtual table "${owner}" (created by its module)`);
    const schema = this.schemaOf(t.schema);
    const key = b.key(schema, t.name);
    if (b.tables.has(key)) {
      if (t.ifNotExists) return b.skip(start, sql, `table "${t.name}" already exists (IF NOT EXISTS)`);
      b.diag('warning', 'sqlite.duplicate-table', `table "${t.name}" is created twice: the second definition is skipped`, t.at);
      return b.skip(start, sql, `table "${t.name}" already exists`);
    }
    const table = makeTable({ name: b.name(t.name, t.at) }, b.ids);
    if (t.comment !== undefined) table.comment = b.comment(t.comment, t.at);
    const schemaId = b.schemaId(schema);
    if (schemaId) table.schemaId = schemaId;
    for (const col of t.columns) this.addColumn(table, col);
    for (const con of t.constraints) {
      const named = con.name !== undefined ? { name: b.name(con.name, con.at) } : {};
      if (con.kind === 'check') this.addCheck(table, con.expr.text, con.expr.start, con.expr.end, con.name, con.at);
      else if (con.kind === 'foreign-key') this.addForeignKey(table, con.columns, con.fk, con.name, con.at);
      else {
        const ids = this.keyColumnIds(table, con.columns, con.kind === 'primary-key' ? 'PRIMARY KEY' : 'UNIQUE', con.at);
        if (con.conflict) this.conflictNote(table, con.kind === 'primary-key' ? 'PRIMARY KEY' : 'UNIQUE', con.conflict, con.at);
        if (con.kind === 'unique') table.uniques.push({ id: b.ids('uq'), ...named, columnIds: ids });
        else {
          if (table.primaryKey) throw new SqliteSyntaxError(`table "${t.name}" has more than one primary key`, con.at);
          table.primaryKey = { ...named, columnIds: ids };
          if (con.autoincrement) this.autoincrement(table, ids, con.at);
        }
      }
    }
    if (t.withoutRowid && !table.primaryKey) throw new SqliteSyntaxError(`PRIMARY KEY missing on table "${t.name}" (WITHOUT ROWID needs one)`, t.at);
    this.primaryKeyNotNull(table, t);
    if (t.withoutRowid || t.strict) table.options = { sqlite: { ...(t.withoutRowid ? { withoutRowid: true } : {}), ...(t.strict ? { strict: true } : {}) } };
    b.tables.set(key, table);
  }

  /**
   * A primary key column is NOT NULL in the document, as the design means it and as the SQLite DDL
   * writes it. SQLite itself enforces that only for a WITHOUT ROWID table and an INTEGER PRIMARY KEY
   * (the rowid); any other key column of a rowid table accepts NULL unless NOT NULL is written (a bug
   * SQLite keeps for compatibility): that change is said in a diagnostic.
   */
  private primaryKeyNotNull(table: Table, t: CreateTableSyntax): void {
    const pk = table.primaryKey;
    if (!pk) return;
    const rowidAlias = pk.columnIds.length === 1 && this.declaredTypes.get(table.columns.find((c) => c.id === pk.columnIds[0])!)?.trim().toUpperCase() === 'INTEGER';
    const loosened: string[] = [];
    for (const c of table.columns) {
      if (!pk.columnIds.includes(c.id) || !c.nullable) continue;
      c.nullable = false;
      if (!t.withoutRowid && !rowidAlias) loosened.push(c.name);
    }
    if (loosened.length) {
      this.b.diag('info', 'sqlite.primary-key-nullable', `"${table.name}": primary key column(s) ${loosened.map((n) => `"${n}"`).join(', ')} accept NULL in SQLite (NOT NULL is not written, and a rowid table does not imply it); imported as NOT NULL, as a key means`, t.at, table.id);
    }
  }

  private addColumn(table: Table, col: ColumnSyntax): void {
    const b = this.b;
    if (b.findColumn(table, col.name)) throw new SqliteSyntaxError(`duplicate column name: ${col.name}`, col.at);
    const column: Column = makeColumn({ name: b.name(col.name, col.at), type: sqliteColumnType(col.declaredType) }, b.ids);
    if (col.declaredType === undefined) b.diag('info', 'sqlite.no-declared-type', `column "${table.name}"."${col.name}" has no declared type (any value, BLOB affinity): imported as blob`, col.at, table.id);
    this.declaredTypes.set(column, col.declaredType);
    if (col.comment !== undefined) column.comment = b.comment(col.comment, col.at);
    table.columns.push(column);
    for (const k of col.constraints) {
      switch (k.kind) {
        case 'not-null':
          column.nullable = false;
          if (k.conflict) this.conflictNote(table, 'NOT NULL', k.conflict, k.at);
          break;
        case 'null':
          break;
        case 'default':
          column.default = sqliteDefault(k.value);
          break;
        case 'collate':
          column.collation = b.name(k.collation, k.at).slice(0, 128);
          break;
        case 'generated':
          column.generated = { expression: k.expr.text.trim(), stored: k.stored };
          break;
        case 'check':
          this.addCheck(table, k.expr.text, k.expr.start, k.expr.end, k.name, k.at);
          break;
        case 'unique':
          table.uniques.push({ id: b.ids('uq'), ...(k.name !== undefined ? { name: b.name(k.name, k.at) } : {}), columnIds: [column.id] });
          if (k.conflict) this.conflictNote(table, 'UNIQUE', k.conflict, k.at);
          break;
        case 'references':
          this.addForeignKey(table, [col.name], k.fk, k.name, k.at);
          break;
        case 'primary-key':
          if (table.primaryKey) throw new SqliteSyntaxError(`table "${table.name}" has more than one primary key`, k.at);
          table.primaryKey = { ...(k.name !== undefined ? { name: b.name(k.name, k.at) } : {}), columnIds: [column.id] };
          if (k.autoincrement) this.autoincrement(table, [column.id], k.at);
          if (k.conflict) this.conflictNote(table, 'PRIMARY KEY', k.conflict, k.at);
          if (k.order === 'desc') b.diag('info', 'sqlite.pk-desc', `"${table.name}"."${col.name}": PRIMARY KEY DESC is not kept (the key is written without an order)`, k.at, table.id);
          break;
      }
    }
  }

  private autoincrement(table: Table, ids: string[], at: number): void {
    const col = ids.length === 1 ? table.columns.find((c) => c.id === ids[0]) : undefined;
    const declared = col ? this.declaredTypes.get(col) : undefined;
    if (!col || declared?.trim().toUpperCase() !== 'INTEGER') throw new SqliteSyntaxError('AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY', at);
    col.identity = { always: false };
  }

  private conflictNote(table: Table, what: string, conflict: string, at: number): void {
    this.b.diag('info', 'sqlite.conflict-clause', `"${table.name}": ${what} ON CONFLICT ${conflict.toUpperCase()} is not kept (Draftbase models no conflict resolution)`, at, table.id);
  }

  private keyColumnIds(table: Table, parts: IndexedColumn[], what: string, at: number): string[] {
    const ids: string[] = [];
    for (const p of parts) {
      const col = p.column !== undefined ? this.b.findColumn(table, p.column) : undefined;
      if (!col) throw new SqliteSyntaxError(p.column !== undefined ? `no such column: ${p.column} (in ${what})` : `expressions are not allowed in ${what}`, p.expr.start);
      if (p.collate !== undefined || p.order === 'desc') {
        this.b.diag('info', 'sqlite.key-part-options', `"${table.name}" ${what} (${p.column}): ${p.collate !== undefined ? `COLLATE ${p.collate}` : 'DESC'} is not kept on a key column`, p.expr.start, table.id);
      }
      ids.push(col.id);
    }
    if (!ids.length) throw new SqliteSyntaxError(`${what} without columns`, at);
    return ids;
  }

  private addCheck(table: Table, expr: string, start: number, end: number, name: string | undefined, at: number): void {
    const b = this.b;
    const check: Table['checks'][number] = { id: b.ids('chk'), expression: expr.trim() };
    if (name !== undefined) check.name = b.name(name, at);
    table.checks.push(check);
    const asEnum = enumLikeCheck(b.text, start, end);
    if (asEnum && b.findColumn(table, asEnum.column)) {
      b.diag('info', 'sqlite.check-as-enum', `"${table.name}"."${asEnum.column}" is limited to ${asEnum.values.length} values by a CHECK (${asEnum.values.slice(0, 5).map((v) => `'${v}'`).join(', ')}${asEnum.values.length > 5 ? ', …' : ''}): kept as a check; it could be an enum for PostgreSQL/MySQL`, at, table.id);
    }
  }

  private addForeignKey(table: Table, columns: string[], fk: ForeignKeyClause, name: string | undefined, at: number): void {
    const b = this.b;
    if (fk.match !== undefined) b.diag('info', 'sqlite.fk-match', `"${table.name}": MATCH ${fk.match} is parsed and ignored by SQLite; not kept`, at, table.id);
    b.foreignKeys.push({
      offset: at,
      table,
      columns,
      parentSchema: this.schemaOf(fk.schema) ?? (table.schemaId ? this.schemaNameOf(table) : undefined),
      parentName: fk.table,
      ...(fk.columns.length ? { parentColumns: fk.columns } : {}),
      ...(name !== undefined ? { name: b.name(name, at), nameWritten: true } : {}),
      onDelete: ACTIONS[fk.onDelete ?? 'no action'],
      onUpdate: ACTIONS[fk.onUpdate ?? 'no action'],
      ...(fk.deferrable ? { deferrable: fk.deferrable } : {}),
      enforced: true,
    });
  }

  private schemaNameOf(table: Table): string | undefined {
    for (const ns of this.b.schemas.values()) if (ns.id === table.schemaId) return ns.name;
    return undefined;
  }

  /** ALTER TABLE ... ADD [COLUMN]: the column joins the table. */
  addColumnTo(tableName: { schema?: string; name: string }, col: ColumnSyntax, start: number, sql: string): void {
    const table = this.b.findTable(this.schemaOf(tableName.schema), tableName.name);
    if (!table) return this.b.skip(start, sql, `table "${tableName.name}" is not defined in the import`);
    this.addColumn(table, col);
  }

  // ---- CREATE INDEX ---------------------------------------------------------------------------------

  createIndex(ix: CreateIndexSyntax, start: number, sql: string): void {
    const b = this.b;
    const schema = this.schemaOf(ix.schema);
    const table = b.findTable(schema, ix.table);
    if (!table) return b.skip(start, sql, `index on "${ix.table}", which is not a table of the import`);
    const key = b.key(schema, ix.name);
    if (this.indexNames.has(key)) {
      b.diag('warning', 'sqlite.duplicate-index', `index "${ix.name}" is created twice: the second definition is skipped`, ix.at, table.id);
      return b.skip(start, sql, `index "${ix.name}" already exists`);
    }
    const parts: IndexPart[] = ix.parts.map((p) => {
      const col = p.column !== undefined && p.collate === undefined ? b.findColumn(table, p.column) : undefined;
      const order = p.order ? { order: p.order } : {};
      if (col) return { kind: 'column', columnId: col.id, ...order };
      // A COLLATE on a key part stays with its expression: SQLite indexes `a COLLATE NOCASE` as column a with that collation.
      const sqlText = p.collate !== undefined ? `${p.expr.text} COLLATE ${quoteCollation(p.collate)}` : p.expr.text;
      return { kind: 'expression', sql: sqlText, ...order };
    });
    const index: Index = makeIndex({ name: b.name(ix.name, ix.at), parts, unique: ix.unique }, b.ids);
    if (ix.where) index.where = ix.where.text.trim();
    this.indexNames.add(key);
    table.indexes.push(index);
  }

  // ---- CREATE VIEW / TRIGGER ------------------------------------------------------------------------

  createView(v: CreateViewSyntax, start: number, sql: string): void {
    const b = this.b;
    if (v.temporary || (v.schema !== undefined && /^temp$/i.test(v.schema))) return b.skip(start, sql, 'temporary view (not part of the database schema)');
    const schema = this.schemaOf(v.schema);
    const key = b.key(schema, v.name);
    if (b.views.has(key) || b.tables.has(key)) return b.skip(start, sql, `"${v.name}" already exists`);
    const view: View = { id: b.ids('view'), name: b.name(v.name, v.at), sql: v.body.text.slice(0, 1_000_000), dialect: 'sqlite', materialized: false };
    const schemaId = b.schemaId(schema);
    if (schemaId) view.schemaId = schemaId;
    if (v.columnNames) {
      b.diag('warning', 'sqlite.view-column-names', `view "${v.name}": its column list (${v.columnNames.join(', ')}) is not kept; the columns take the names the query gives them`, v.at, view.id);
    }
    b.views.set(key, view);
  }

  createTrigger(h: TriggerHeader, start: number, sql: string): void {
    const b = this.b;
    if (h.temporary || (h.schema !== undefined && /^temp$/i.test(h.schema))) return b.skip(start, sql, 'temporary trigger (not part of the database schema)');
    const schema = this.schemaOf(h.schema);
    const table = b.findTable(schema, h.table);
    if (!table && !b.lookup(b.views, schema, h.table)) return b.skip(start, sql, `trigger on "${h.table}", which is not a table or view of the import`);
    const routine: Routine = { id: b.ids('rtn'), kind: 'trigger', name: b.name(h.name, h.at), dialect: 'sqlite', sql: sql.trim() };
    const schemaId = table ? table.schemaId : b.schemaId(schema);
    if (schemaId) routine.schemaId = schemaId;
    b.routines.push({ routine, ...(table ? { table } : {}), offset: start });
  }
}

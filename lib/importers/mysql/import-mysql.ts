/**
 * MySQL / MariaDB DDL (hand-written scripts, mysqldump, MySQL Workbench exports) -> a Draftbase document.
 *
 * Parser choice: node-sql-parser 5.4 (MySQL grammar, also for MariaDB) was the best-kept JavaScript
 * parser tried; it runs in the browser and Node. Its gaps are covered here: the script is split first
 * by our own lexer (quote-, comment- and DELIMITER-aware; whole-file parsing is superlinear), statements
 * that define no schema (SET, USE, DROP, routines and triggers in DELIMITER blocks, the mysql client's
 * `source`/`flush`) are classified without parsing and reported as skipped, known grammar gaps are
 * rewritten (rewrite-statement.ts), and views are read from the text (their bodies use syntax such as
 * `_utf8'...'` the parser rejects, and the model keeps the body as SQL anyway).
 *
 * Inline ENUM(...) columns become document enums named `<table>_<column>`; SET(...) keeps its native type.
 */
import { DIALECTS } from '../../dialects/dialects';
import { makeColumn, makeIndex, makeTable } from '../../model/build';
import type { Column, DefaultValue, EnumType, Index, IndexPart, ReferentialAction, Routine, Table, View } from '../../model/document';
import { sequentialIds, type IdFactory } from '../../model/ids';
import { ImportBuilder } from '../sql-common/import-builder';
import { assertInputSize, assertLooksLikeText, assertNoLexProblems, withoutBom, wrongDialectHint } from '../sql-common/guard-input';
import { LineIndex } from '../sql-common/positions';
import { mysqlLexOptions, splitStatements } from '../sql-common/split-statements';
import { ImportError, type ImportResult } from '../types';
import {
  columnName,
  ident,
  isColumnRef,
  type AlterTableAst,
  type ColumnDefinition,
  type ColumnRef,
  type ConstraintDefinition,
  type CreateIndexAst,
  type CreateTableAst,
  type Expr,
  type IndexDefinition,
} from './mysql-ast';
import { parseMysqlPartitionClause } from './mysql-partitions';
import { mapMysqlScalar } from './mysql-types';
import { astifyCreateTable } from './chunked-create-table';
import { rewriteMysqlDdl, type Rewrite } from './rewrite-statement';
import type { ItemAttributes } from './mysql-attributes';
import { mysqlRoutineHeader, type MysqlRoutineHeader } from './mysql-routines';

const CREATE_TABLE = /^\s*create\s+(?:temporary\s+)?table\b/i;

interface MysqlParser {
  astify(sql: string): unknown;
  exprToSql(expr: Expr | ColumnRef): string;
}

let loading: Promise<MysqlParser> | undefined;

function loadMysqlParser(): Promise<MysqlParser> {
  loading ??= (async () => {
    // The MySQL-only build: a fraction of the all-dialects bundle.
    const mod = await import('node-sql-parser/build/mysql');
    const ParserCtor = mod.Parser ?? (mod as unknown as { default: { Parser: typeof mod.Parser } }).default.Parser;
    const p = new ParserCtor();
    const opt = { database: 'MySQL' };
    return { astify: (sql: string) => p.astify(sql, opt), exprToSql: (e: Expr | ColumnRef) => p.exprToSQL(e, opt) };
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** ALTER TABLE actions that set a table option (node-sql-parser's `resource`). */
const TABLE_OPTION_RESOURCES: ReadonlySet<string> = new Set(['engine', 'row_format', 'auto_increment', 'key_block_size', 'comment', 'charset', 'character set', 'collate', 'default charset', 'default character set', 'default collate']);

type Classified = { action: 'parse' } | { action: 'view' } | { action: 'routine'; header: MysqlRoutineHeader } | { action: 'use'; db: string } | { action: 'skip'; reason: string } | { action: 'try'; reason: string };

/**
 * A whole statement in a MySQL 5.x conditional comment that changes a table (`/*!50610 ALTER TABLE
 * film_text engine=InnoDB *\/`, sakila): MySQL 5.6+, MySQL 8 and MariaDB all run it, so it is
 * imported as that statement (the comment markers blanked, offsets unchanged). Others stay skipped.
 */
function executedConditional(text: string): string {
  const m = /^(\s*\/\*!)(5\d{4})(\s+alter\s+table\b[\s\S]*)\*\/(\s*)$/i.exec(text);
  return m ? `${' '.repeat(m[1].length + m[2].length)}${m[3]}  ${m[4]}` : text;
}

/** Decides from the leading words what a statement is, without parsing it. */
function classify(sql: string, inDelimiterBlock: boolean): Classified {
  // Before the conditional-comment rule: mysqldump writes triggers as `/*!50003 CREATE*/ ... /*!50003 TRIGGER ... */`.
  const routine = mysqlRoutineHeader(sql);
  if (routine) return { action: 'routine', header: routine };
  const head = sql.slice(0, 400).replace(/\s+/g, ' ').toLowerCase();
  if (/^\/\*!\d*\s*(set|use)\b/.test(head) || (head.startsWith('/*!') && head.endsWith('*/'))) return { action: 'skip', reason: 'version-conditional session setting' };
  if (/^create (or replace )?(algorithm ?= ?\w+ )?(definer ?= ?\S+ )?(sql security \w+ )?view\b/.test(head)) return { action: 'view' };
  if (/^create (definer ?= ?\S+ )?(aggregate )?(procedure|function|trigger|event)\b/.test(head)) return { action: 'skip', reason: 'routine/trigger/event whose name could not be read' };
  if (inDelimiterBlock) return { action: 'skip', reason: 'statement inside a DELIMITER block (routine body, not modeled)' };
  const use = /^use\s+(`[^`]+`|\S+)/i.exec(sql.trim());
  if (use) return { action: 'use', db: use[1].replace(/^`|`$/g, '').replace(/;$/, '') };
  if (/^create (temporary )?table\b/.test(head)) return head.startsWith('create temporary') ? { action: 'skip', reason: 'temporary table' } : { action: 'parse' };
  if (/^create table\b/.test(head) || /^alter (online |ignore )?table\b/.test(head) || /^create (unique |fulltext |spatial )?index\b/.test(head)) return { action: 'parse' };
  const reasons: [RegExp, string][] = [
    [/^set\b/, 'session setting'],
    [/^(drop|truncate)\b/, 'DROP (the import describes what exists)'],
    [/^create (database|schema)\b/, 'database creation'],
    [/^(insert|replace|update|delete|load data)\b/, 'data (not schema)'],
    [/^(lock|unlock)\b/, 'table locking'],
    [/^(start transaction|begin|commit|rollback)\b/, 'transaction control'],
    [/^(grant|revoke|create user|create role|alter user)\b/, 'privileges (not modeled)'],
    [/^(source|flush|\\\.)\b/, 'mysql client command'],
    [/^(select|call|show|describe|explain)\b/, 'query (not schema)'],
    [/^(alter|drop) (database|schema)\b/, 'database options'],
  ];
  for (const [re, reason] of reasons) if (re.test(head)) return { action: 'skip', reason };
  // Unknown: parse it anyway, so that text which is not SQL at all is reported as a syntax error.
  return { action: 'try', reason: `statement not modeled (${head.split(' ').slice(0, 2).join(' ').toUpperCase()})` };
}

const engineForeignKeyName = DIALECTS.mysql.engineForeignKeyName ?? ((table: string, n: number) => `${table}_ibfk_${n}`);

const FK_ACTIONS: Record<string, ReferentialAction> = {
  'no action': 'no action',
  restrict: 'restrict',
  cascade: 'cascade',
  'set null': 'set null',
  'set default': 'set default',
};

function stringValue(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'value' in v && typeof v.value === 'string') return v.value;
  return undefined;
}

/** node-sql-parser keeps `''` and `\'` escapes inside string literals as written: undo them. */
function unescapeMysql(raw: string): string {
  return raw.replace(/''/g, "'").replace(/\\(['"\\])/g, '$1');
}

/** Unquotes a MySQL identifier as written in text. */
function unquoteIdent(s: string): string {
  const t = s.trim();
  if (t.startsWith('`') && t.endsWith('`')) return t.slice(1, -1).replace(/``/g, '`');
  if (t.startsWith('"') && t.endsWith('"')) return t.slice(1, -1);
  return t;
}

class MysqlImport {
  private currentDb: string | undefined;
  private readonly enumCount = new Map<string, number>();
  /** Per table: foreign keys declared so far, for MySQL's names of unnamed ones (`<table>_ibfk_<n>`). */
  private readonly fkCount = new Map<string, number>();
  /**
   * Per table: its index names (lower case), and per first-column base where the search for a free
   * `<base>_<n>` stopped. Indexes are only ever added here, so a name once taken stays taken; a
   * scan of every index per candidate made n indexes on one column cost n³.
   */
  private readonly indexNames = new Map<Table, { taken: Set<string>; resume: Map<string, number> }>();

  private indexNamesOf(table: Table) {
    let entry = this.indexNames.get(table);
    if (!entry) {
      entry = { taken: new Set(table.indexes.flatMap((i) => (i.name === undefined ? [] : [i.name.toLowerCase()]))), resume: new Map() };
      this.indexNames.set(table, entry);
    }
    return entry;
  }

  constructor(
    readonly b: ImportBuilder,
    readonly parser: MysqlParser,
  ) {}

  use(db: string) {
    this.currentDb = db;
    this.b.schemaId(db);
  }

  private schemaOf(db: string | null | undefined): string | undefined {
    return db ?? this.currentDb;
  }

  private sqlOf(e: Expr | ColumnRef): string {
    return this.parser.exprToSql(e).trim();
  }

  // ---- CREATE TABLE --------------------------------------------------------------------------------

  createTable(ast: CreateTableAst, start: number, sql: string, rw: Rewrite): void {
    const notes = rw.notes;
    const b = this.b;
    const ref = ast.table[0];
    if (!ref) return b.skip(start, sql, 'CREATE TABLE without a name');
    if (ast.like) return b.skip(start, sql, 'CREATE TABLE ... LIKE is not modeled');
    if (ast.query_expr) return b.skip(start, sql, 'CREATE TABLE ... AS SELECT is not modeled (its columns come from a query)');
    const schema = this.schemaOf(ref.db);
    const tableName = ident(ref.table);
    const key = b.key(schema, tableName);
    if (b.tables.has(key)) return b.skip(start, sql, `table "${tableName}" is already defined`);
    const table = makeTable({ name: b.name(tableName, start) }, b.ids);
    const schemaId = b.schemaId(schema);
    if (schemaId) table.schemaId = schemaId;
    for (const note of notes) b.diag('warning', 'mysql.rewrite', `table "${ref.table}": ${note}`, start, table.id);
    const defs = ast.create_definitions ?? [];
    for (const d of defs) if (d.resource === 'column') this.addColumn(table, d, start);
    for (const d of defs) if (d.resource !== 'column') this.addDefinition(table, d, start);
    this.tableOptions(table, ast.table_options ?? []);
    this.characterSetHints(table, rw);
    this.applyAttributes(table, rw.attributes);
    if (rw.partitionClause) {
      const parsed = parseMysqlPartitionClause(rw.partitionClause, table, b.ids, b.fold);
      if (parsed.ok) {
        table.partitioning = parsed.partitioning;
        for (const note of parsed.notes) b.diag('warning', 'mysql.partitioning', `table "${tableName}": ${note}`, start, table.id);
      } else b.diag('warning', 'mysql.partitioning', `table "${tableName}": partitioning not imported: ${parsed.reason}`, start, table.id);
    }
    b.tables.set(key, table);
  }

  /**
   * `VARCHAR(n) BINARY` is the table charset's binary collation; NVARCHAR/NCHAR use MySQL's national
   * charset (utf8mb3). The parser rejects or drops both, so they come from the statement text.
   */
  private characterSetHints(table: Table, rw: Rewrite) {
    const charset = table.options?.mysql?.charset;
    for (const name of rw.binaryColumns) {
      const col = this.b.findColumn(table, name);
      if (!col || col.collation) continue;
      if (charset) col.collation = `${charset.toLowerCase()}_bin`;
      else this.b.diag('warning', 'mysql.binary-attribute', `column "${table.name}.${name}": the BINARY attribute needs the table's character set to name its collation, which is not declared: not kept`, undefined, table.id);
    }
    for (const name of rw.nationalColumns) {
      const col = this.b.findColumn(table, name);
      if (col && !col.collation) col.collation = 'utf8mb3_general_ci';
    }
  }

  /** INVISIBLE columns and indexes, NOT ENFORCED checks, read from the statement text (mysql-attributes.ts). */
  applyAttributes(table: Table, a: ItemAttributes, checksBefore = 0) {
    const fold = this.b.fold;
    for (const name of a.invisibleColumns) {
      const col = this.b.findColumn(table, name);
      if (col) col.invisible = true;
    }
    for (const name of a.invisibleIndexes) {
      const ix = table.indexes.find((i) => i.name !== undefined && fold(i.name) === fold(name));
      if (ix) ix.invisible = true;
    }
    // Unnamed checks by position: column-level ones were imported first, then table-level ones.
    const added = table.checks.slice(checksBefore);
    const columnLevel = added.filter((c) => c.name === undefined && this.columnChecks.has(c));
    const tableLevel = added.filter((c) => c.name === undefined && !this.columnChecks.has(c));
    for (const n of a.notEnforcedChecks) {
      const c = n.name !== undefined ? added.find((x) => x.name !== undefined && fold(x.name) === fold(n.name!)) : (n.columnLevel ? columnLevel : tableLevel)[n.ordinal];
      if (c) c.enforced = false;
    }
  }

  /** Checks written inside a column definition (imported before the table-level ones). */
  private readonly columnChecks = new WeakSet<Table['checks'][number]>();

  private tableOptions(table: Table, options: { keyword: string; value: unknown }[], merge = false) {
    const mysql: NonNullable<NonNullable<Table['options']>['mysql']> = merge ? { ...table.options?.mysql } : {};
    for (const o of options) {
      const k = o.keyword.toLowerCase();
      const v = typeof o.value === 'number' ? String(o.value) : (stringValue(o.value) ?? (o.value && typeof o.value === 'object' && 'value' in o.value ? stringValue(o.value.value) : undefined));
      if (v === undefined) continue;
      if (k === 'engine') mysql.engine = v === 'INNODB' ? 'InnoDB' : v === 'MYISAM' ? 'MyISAM' : v;
      else if (k.endsWith('charset') || k.endsWith('character set')) mysql.charset = v.slice(0, 64);
      else if (k.endsWith('collate')) mysql.collation = v.slice(0, 64);
      else if (k === 'comment') table.comment = this.b.comment(unescapeMysql(v.replace(/^'|'$/g, '')));
      else if (k === 'row_format') mysql.rowFormat = v.toUpperCase().slice(0, 64);
      else if (k === 'auto_increment' && /^\d+$/.test(v) && Number(v) > 0) mysql.autoIncrement = Number(v);
      else if (k === 'key_block_size' && /^\d+$/.test(v) && Number(v) > 0) mysql.keyBlockSize = Number(v);
    }
    if (Object.keys(mysql).length) table.options = { mysql };
  }

  private addColumn(table: Table, d: ColumnDefinition, start: number): void {
    const b = this.b;
    const name = columnName(d.column);
    if (b.findColumn(table, name)) {
      b.diag('warning', 'mysql.duplicate-column', `table "${table.name}" defines column "${name}" twice: the second is ignored`, start, table.id);
      return;
    }
    const dt = d.definition.dataType.toUpperCase();
    const members = (d.definition.expr?.value ?? []).map((v) => unescapeMysql(stringValue(v.value) ?? String(v.value ?? '')));
    let column: Column;
    if (dt === 'ENUM' && members.length > 0) {
      const en = this.inlineEnum(table, name, members);
      column = makeColumn({ name: b.name(name, start), type: { kind: 'enum', enumId: en.id } }, b.ids);
    } else {
      const setMembers = members.map((m) => `'${m.replace(/'/g, "''")}'`);
      column = makeColumn({ name: b.name(name, start), type: mapMysqlScalar({ ...d.definition, setMembers }) }, b.ids);
    }
    if (d.nullable?.type === 'not null') column.nullable = false;
    if (d.auto_increment) {
      column.identity = { always: false };
      column.nullable = false;
    }
    if (d.default_val) this.applyDefault(column, d.default_val.value);
    const comment = stringValue(d.comment?.value?.value) ?? stringValue(d.comment?.value);
    if (comment !== undefined) column.comment = b.comment(unescapeMysql(comment));
    const coll = d.collate?.collate?.name;
    if (coll) column.collation = coll.slice(0, 128);
    const charset = d.character_set?.value?.value;
    if (typeof charset === 'string' && charset) column.charset = charset.toLowerCase().slice(0, 64);
    if (d.generated?.expr) column.generated = { expression: this.sqlOf(d.generated.expr), stored: (d.generated.storage_type ?? '').toLowerCase() === 'stored' };
    table.columns.push(column);
    if (d.primary_key) {
      if (table.primaryKey) b.diag('warning', 'mysql.second-primary-key', `table "${table.name}" declares a second primary key`, start, table.id);
      else table.primaryKey = { columnIds: [column.id] };
      column.nullable = false;
    }
    if (d.unique) table.uniques.push({ id: b.ids('uq'), columnIds: [column.id] });
    for (const c of d.check?.definition ?? []) {
      const check = { id: b.ids('chk'), expression: this.sqlOf(c) };
      this.columnChecks.add(check);
      table.checks.push(check);
    }
    const ref = d.reference_definition as { table?: unknown; on_action?: { type?: string; value?: { value?: string } }[] } | null | undefined;
    // `ON UPDATE CURRENT_TIMESTAMP` after a non-timestamp default is parsed as a reference action.
    const onUpdate = ref?.on_action?.find((a) => a.type === 'on update' && /^current_timestamp/i.test(a.value?.value ?? ''));
    if (onUpdate && !ref?.table) column.onUpdateCurrentTimestamp = true;
    else if (d.reference_definition) {
      b.diag('warning', 'mysql.inline-references-ignored', `column "${table.name}.${name}": an inline REFERENCES clause is ignored by MySQL and InnoDB; declare a FOREIGN KEY instead`, start, table.id);
    }
  }

  private inlineEnum(table: Table, column: string, values: string[]): EnumType {
    const b = this.b;
    // One enum per column, named after it; a second table with the same name pair gets a suffix.
    const base = `${table.name}_${column}`;
    const n = (this.enumCount.get(base.toLowerCase()) ?? 0) + 1;
    this.enumCount.set(base.toLowerCase(), n);
    const name = n === 1 ? base : `${base}_${n}`;
    const en: EnumType = { id: b.ids('enum'), name: b.name(name), values: values.map((v) => v.slice(0, 1000)) };
    if (table.schemaId) en.schemaId = table.schemaId;
    b.enums.set(b.key(undefined, `${table.schemaId ?? ''}.${name}`), en);
    return en;
  }

  private applyDefault(column: Column, v: Expr): void {
    const over = v.over;
    if (over && typeof over === 'object' && 'type' in over && over.type === 'on update') column.onUpdateCurrentTimestamp = true;
    column.default = this.defaultValue(v);
  }

  private defaultValue(v: Expr): DefaultValue {
    switch (v.type) {
      case 'null':
        return { kind: 'literal', value: null };
      case 'bool':
        return { kind: 'literal', value: v.value === true };
      case 'number':
        return typeof v.value === 'number' ? { kind: 'literal', value: v.value } : { kind: 'expression', sql: String(v.value) };
      case 'single_quote_string':
      case 'double_quote_string':
      case 'string':
        return { kind: 'literal', value: unescapeMysql(stringValue(v.value) ?? '') };
      case 'function': {
        const sql = this.sqlOf({ ...v, over: null });
        const upper = sql.toUpperCase();
        if (upper === 'CURRENT_TIMESTAMP' || upper === 'CURRENT_TIMESTAMP()' || upper === 'NOW()') return { kind: 'builtin', name: 'current_timestamp' };
        return { kind: 'expression', sql };
      }
      default: {
        const sql = this.sqlOf(v);
        return sql ? { kind: 'expression', sql } : { kind: 'none' };
      }
    }
  }

  private partsOf(table: Table, defs: (ColumnRef | Expr)[], label: string, start: number): IndexPart[] | undefined {
    const parts: IndexPart[] = [];
    for (const d of defs) {
      if (isColumnRef(d)) {
        const name = columnName(d);
        const col = this.b.findColumn(table, name);
        if (!col) {
          this.b.diag('warning', 'mysql.index-column-missing', `${label}: column "${name}" does not exist in "${table.name}": skipped`, start, table.id);
          return undefined;
        }
        const part: IndexPart = { kind: 'column', columnId: col.id };
        const len = /^\((\d+)\)$/.exec(d.suffix ?? '');
        if (len) part.length = Number(len[1]);
        if (d.order_by?.toLowerCase() === 'desc') part.order = 'desc';
        parts.push(part);
      } else {
        const prefixed = prefixKeyPart(d);
        const col = prefixed ? this.b.findColumn(table, prefixed.column) : undefined;
        if (prefixed && col) {
          const part: IndexPart = { kind: 'column', columnId: col.id, length: prefixed.length };
          if (prefixed.desc) part.order = 'desc';
          parts.push(part);
        } else parts.push({ kind: 'expression', sql: this.sqlOf(d) });
      }
    }
    return parts;
  }

  private addDefinition(table: Table, d: ConstraintDefinition | IndexDefinition, start: number): void {
    const b = this.b;
    if (d.resource === 'index') return this.addIndex(table, d.index ?? undefined, d.keyword, d.definition ?? [], d.index_type?.type ?? d.index_options?.find((o) => o.keyword === 'using')?.type, false, start);
    const type = d.constraint_type.toLowerCase();
    const name = d.constraint ? b.name(d.constraint) : undefined;
    const label = name ? `constraint "${name}" on "${table.name}"` : `a constraint on "${table.name}"`;
    const columnNames = (d.definition ?? []).filter(isColumnRef).map(columnName);
    if (type === 'primary key') {
      const r = b.columnIds(table, columnNames);
      if ('missing' in r) return b.diag('warning', 'mysql.constraint-column-missing', `${label}: column "${r.missing}" does not exist: skipped`, start, table.id);
      if (table.primaryKey) return b.diag('warning', 'mysql.second-primary-key', `${label}: "${table.name}" already has a primary key`, start, table.id);
      // MySQL always names the primary key PRIMARY: a name written in the DDL is not kept by the engine.
      table.primaryKey = { columnIds: r.ids };
      for (const c of table.columns) if (r.ids.includes(c.id)) c.nullable = false;
      return;
    }
    if (type.startsWith('unique')) {
      // A MySQL UNIQUE KEY is an index; prefix lengths and USING only fit the index form.
      return this.addIndex(table, d.index ?? name, 'unique', d.definition ?? [], d.index_type?.type, true, start);
    }
    if (type === 'foreign key') {
      const ref = d.reference_definition;
      const parent = ref?.table?.[0];
      if (!parent) return b.diag('warning', 'mysql.fk-no-target', `${label}: no referenced table`, start, table.id);
      const actions = ref?.on_action ?? [];
      // MySQL names an unnamed foreign key `<table>_ibfk_<n>`; keep the name the engine would show.
      const n = (this.fkCount.get(table.id) ?? 0) + (name ? 0 : 1);
      this.fkCount.set(table.id, n);
      // An action the statement does not write is the one InnoDB records for it (RESTRICT).
      const unwritten = DIALECTS.mysql.unwrittenReferentialAction;
      const action = (t: string): ReferentialAction => {
        const written = actions.find((a) => a.type === t)?.value.value;
        return written === undefined ? unwritten : (FK_ACTIONS[written.toLowerCase()] ?? unwritten);
      };
      b.foreignKeys.push({
        offset: start,
        table,
        columns: columnNames,
        parentSchema: this.schemaOf(parent.db),
        parentName: ident(parent.table),
        parentColumns: (ref?.definition ?? []).map(columnName),
        name: name ?? b.name(engineForeignKeyName(table.name, n)),
        nameWritten: name !== undefined,
        onDelete: action('on delete'),
        onUpdate: action('on update'),
        enforced: true,
      });
      return;
    }
    if (type === 'check') {
      for (const e of d.definition ?? []) {
        const c: Table['checks'][number] = { id: b.ids('chk'), expression: this.sqlOf(e) };
        if (name) c.name = name;
        table.checks.push(c);
      }
      return;
    }
    b.diag('warning', 'mysql.constraint-not-modeled', `${label}: ${d.constraint_type} is not modeled`, start, table.id);
  }

  private addIndex(table: Table, name: string | undefined, keyword: string, defs: (ColumnRef | Expr)[], using: string | undefined, unique: boolean, start: number): void {
    const kw = keyword.toLowerCase();
    const label = name ? `index "${name}" on "${table.name}"` : `an index on "${table.name}"`;
    const parts = this.partsOf(table, defs, label, start);
    if (!parts || parts.length === 0) return;
    // MySQL names an unnamed index after its first column (with _2, _3... on clashes).
    const names = this.indexNamesOf(table);
    let finalName = name;
    if (!finalName) {
      const first = parts[0].kind === 'column' ? (table.columns.find((c) => parts[0].kind === 'column' && c.id === parts[0].columnId)?.name ?? 'idx') : 'functional_index';
      let n = names.resume.get(first) ?? 1;
      finalName = n === 1 ? first : `${first}_${n}`;
      while (names.taken.has(finalName.toLowerCase())) finalName = `${first}_${++n}`;
      names.resume.set(first, n);
    }
    const indexName = this.b.name(finalName, start);
    const index: Index = makeIndex({ name: indexName, parts, unique: unique || kw.startsWith('unique') }, this.b.ids);
    if (kw.startsWith('fulltext')) index.method = 'fulltext';
    else if (kw.startsWith('spatial')) index.method = 'spatial';
    else if (using?.toLowerCase() === 'hash') index.method = 'hash';
    if (names.taken.has(indexName.toLowerCase())) {
      return this.b.diag('warning', 'mysql.duplicate-index', `${label}: an index with this name already exists: skipped`, start, table.id);
    }
    table.indexes.push(index);
    names.taken.add(indexName.toLowerCase());
  }

  // ---- ALTER TABLE / CREATE INDEX ---------------------------------------------------------------------

  alterTable(ast: AlterTableAst, start: number, sql: string, attributes?: ItemAttributes): void {
    const b = this.b;
    const ref = ast.table[0];
    const table = ref ? b.findTable(this.schemaOf(ref.db), ident(ref.table)) : undefined;
    if (!table) return b.skip(start, sql, `table "${ref?.table ?? '?'}" is not defined in the import`);
    const checksBefore = table.checks.length;
    const unhandled: string[] = [];
    for (const a of ast.expr ?? []) {
      if (a.action === 'add' && a.resource === 'column' && a.column && a.definition && !Array.isArray(a.definition)) {
        this.addColumn(table, { ...(a as unknown as ColumnDefinition), resource: 'column' }, start);
      } else if ((a.action === 'modify' || a.action === 'change') && a.resource === 'column' && a.column && a.definition && !Array.isArray(a.definition)) {
        const replaced = this.replaceColumn(table, columnName(a.old_column ?? a.column), { ...(a as unknown as ColumnDefinition), resource: 'column' }, start);
        if (!replaced) unhandled.push(`${a.action.toUpperCase()} of unknown column "${columnName(a.old_column ?? a.column)}"`);
      } else if (a.action === 'add' && a.create_definitions && a.create_definitions.resource !== 'column') {
        this.addDefinition(table, a.create_definitions, start);
      } else if (a.action === 'add' && a.resource === 'index' && Array.isArray(a.definition)) {
        this.addIndex(table, a.index, String(a.keyword ?? 'index'), a.definition, undefined, false, start);
      } else if (a.resource && TABLE_OPTION_RESOURCES.has(String(a.resource)) && a.keyword) {
        // ALTER TABLE t ENGINE=InnoDB, ROW_FORMAT=..., AUTO_INCREMENT=...: the same options as CREATE TABLE's.
        const raw = a as unknown as Record<string, unknown>;
        this.tableOptions(table, [{ keyword: String(a.keyword), value: raw[String(a.resource)] }], true);
      } else unhandled.push(`${a.action.toUpperCase()} ${a.resource ?? ''}`.trim());
    }
    if (attributes) this.applyAttributes(table, attributes, checksBefore);
    if (unhandled.length && unhandled.length === (ast.expr ?? []).length) b.skip(start, sql, `${unhandled.join(', ')} is not modeled`);
    else if (unhandled.length) b.diag('info', 'mysql.alter-part-skipped', `ALTER TABLE "${table.name}": ${unhandled.join(', ')} not modeled`, start, table.id);
  }

  /**
   * MODIFY / CHANGE COLUMN: the new definition replaces the old one in place. The column keeps its id,
   * so keys, indexes and foreign keys that use it stay attached.
   */
  private replaceColumn(table: Table, oldName: string, d: ColumnDefinition, start: number): boolean {
    const at = table.columns.findIndex((c) => this.b.fold(c.name) === this.b.fold(oldName));
    if (at < 0) return false;
    const old = table.columns[at];
    table.columns.splice(at, 1);
    const before = table.columns.length;
    this.addColumn(table, d, start);
    if (table.columns.length === before) {
      table.columns.splice(at, 0, old);
      this.b.columnsChanged(table);
      return false;
    }
    const fresh = table.columns.pop();
    if (!fresh) return false;
    const newId = fresh.id;
    fresh.id = old.id;
    table.columns.splice(at, 0, fresh);
    this.b.columnsChanged(table);
    // A PRIMARY KEY / UNIQUE written in the new definition refers to the new id: point it at the old one.
    const remap = (ids: string[]) => ids.map((id) => (id === newId ? old.id : id));
    if (table.primaryKey) table.primaryKey.columnIds = remap(table.primaryKey.columnIds);
    for (const u of table.uniques) u.columnIds = remap(u.columnIds);
    return true;
  }

  createIndex(ast: CreateIndexAst, start: number, sql: string, attributes?: ItemAttributes): void {
    const table = this.b.findTable(this.schemaOf(ast.table.db), ident(ast.table.table));
    if (!table) return this.b.skip(start, sql, `index on table "${ast.table.table}", which is not defined in the import`);
    const kind = (ast.index_type ?? '').toLowerCase();
    this.addIndex(table, ast.index, kind || 'index', ast.index_columns ?? [], ast.index_using?.type, kind === 'unique', start);
    if (attributes) this.applyAttributes(table, attributes);
  }

  // ---- CREATE VIEW (from the text) --------------------------------------------------------------------

  createView(sql: string, start: number): void {
    const b = this.b;
    const m = /\bview\s+((?:`(?:[^`]|``)+`|[\w$]+)(?:\s*\.\s*(?:`(?:[^`]|``)+`|[\w$]+))?)\s*(\([^)]*\))?\s*as\s+([\s\S]+)$/i.exec(sql);
    if (!m) return b.skip(start, sql, 'view definition could not be read');
    const nameParts = m[1].split(/\s*\.\s*(?=`|[\w$])/).map(unquoteIdent);
    const name = nameParts[nameParts.length - 1];
    const schema = nameParts.length > 1 ? nameParts[0] : this.currentDb;
    const body = m[3].replace(/\s+with\s+(cascaded\s+|local\s+)?check\s+option\s*$/i, '').trim();
    if (!body) return b.skip(start, sql, 'view without a query');
    const key = b.key(schema, name);
    const existing = b.views.get(key);
    const view: View = { id: existing?.id ?? b.ids('view'), name: b.name(name, start), sql: body.slice(0, 1_000_000), dialect: 'mysql', materialized: false };
    const schemaId = b.schemaId(schema);
    if (schemaId) view.schemaId = schemaId;
    b.views.set(key, view);
  }
}

interface ParserSyntaxError {
  message?: string;
  found?: string | null;
  location?: { start?: { offset?: number } };
}

function parserErrorAt(e: unknown): { message: string; offset?: number } {
  const pe = (e ?? {}) as ParserSyntaxError;
  const offset = pe.location?.start?.offset;
  if (pe.found !== undefined) return { message: pe.found === null ? 'unexpected end of statement' : `syntax error near "${String(pe.found).slice(0, 40)}"`, offset };
  return { message: e instanceof Error ? e.message.slice(0, 200) : String(e).slice(0, 200), offset };
}

/** A routine kept verbatim; a trigger on a table the script does not define is skipped. */
function keepRoutine(b: ImportBuilder, h: MysqlRoutineHeader, text: string, offset: number): void {
  const table = h.table ? b.findTable(h.table.schema, h.table.name) : undefined;
  if (h.table && !table) return b.skip(offset, text, `trigger on "${h.table.name}", which is not a table of the script`);
  const routine: Routine = { id: b.ids('rtn'), kind: h.kind, name: b.name(h.name, offset), dialect: 'mysql', sql: text.trim() };
  const schemaId = table ? table.schemaId : b.schemaId(h.schema);
  if (schemaId) routine.schemaId = schemaId;
  b.routines.push({ routine, table, offset });
}

export async function importMysql(source: string, options: { ids?: IdFactory } = {}): Promise<ImportResult> {
  assertInputSize(source);
  const sql = withoutBom(source);
  const lines = new LineIndex(sql);
  assertLooksLikeText(sql, lines);
  const split = splitStatements(sql, mysqlLexOptions);
  assertNoLexProblems(split.problems, lines);
  const parser = await loadMysqlParser();
  const b = new ImportBuilder('mysql', sql, options.ids ?? sequentialIds(), (s) => s.toLowerCase(), undefined);
  const imp = new MysqlImport(b, parser);
  let parsedAny = false;
  const errors: { offset: number; message: string }[] = [];

  for (const cmd of split.clientCommands) b.skip(cmd.start, cmd.text, 'mysql client command');
  for (const st of split.statements) {
    const text = executedConditional(sql.slice(st.start, st.end));
    const c = classify(text, st.delimiterInForce !== ';');
    if (c.action === 'skip') {
      b.skip(st.start, text, c.reason);
      continue;
    }
    if (c.action === 'use') {
      imp.use(c.db);
      parsedAny = true;
      continue;
    }
    if (c.action === 'view') {
      imp.createView(text, st.start);
      parsedAny = true;
      continue;
    }
    if (c.action === 'routine') {
      keepRoutine(b, c.header, text, st.start);
      parsedAny = true;
      continue;
    }
    const rw = rewriteMysqlDdl(text);
    let ast: unknown;
    try {
      // Many definitions in one CREATE TABLE: parsed in chunks (the parser is quadratic in them).
      ast = CREATE_TABLE.test(rw.sql) ? astifyCreateTable(parser.astify, rw.sql) : parser.astify(rw.sql);
    } catch (e) {
      const pe = parserErrorAt(e);
      const offset = st.start + Math.min(pe.offset ?? 0, text.length);
      const p = lines.position(offset);
      errors.push({ offset, message: pe.message });
      b.skip(st.start, text, `syntax error at line ${p.line}, column ${p.column}: ${pe.message}`);
      b.diag('error', 'mysql.syntax-error', `${pe.message} (statement skipped)`, offset);
      continue;
    }
    parsedAny = true;
    const node = (Array.isArray(ast) ? ast[0] : ast) as { type?: string; keyword?: string } | undefined;
    try {
      if (node?.type === 'create' && node.keyword === 'table') imp.createTable(node as CreateTableAst, st.start, text, rw);
      else if (node?.type === 'alter') imp.alterTable(node as AlterTableAst, st.start, text, rw.attributes);
      else if (node?.type === 'create' && node.keyword === 'index') imp.createIndex(node as CreateIndexAst, st.start, text, rw.attributes);
      else b.skip(st.start, text, c.action === 'try' ? c.reason : 'statement not modeled');
    } catch (err) {
      // An AST shape this importer does not expect must not lose the rest of the import.
      b.skip(st.start, text, `could not be imported: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  if (!parsedAny && errors.length > 0) {
    const e = errors[0];
    const p = lines.position(e.offset);
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more statement(s) with errors)` : '';
    const hint = wrongDialectHint(sql, 'mysql');
    throw new ImportError(`${e.message} at line ${p.line}, column ${p.column}${more}${hint ? `; ${hint}` : ''}`, { line: p.line, column: p.column, excerpt: lines.lineText(p.line) });
  }
  const hint = errors.length > 0 ? wrongDialectHint(sql, 'mysql') : undefined;
  if (hint) b.diag('warning', 'import.wrong-dialect', hint);
  b.skipped.sort((x, y) => x.line - y.line);
  return b.finish();
}

/**
 * `col(764)` as a key part of `CREATE INDEX ... ON t (col(764))`: the parser reads it as a call of a
 * function named `col`. A prefix length, not an expression: functional key parts are always in their
 * own parentheses in MySQL (`((lower(c)))`), which the parser marks.
 */
function prefixKeyPart(e: Expr | ColumnRef): { column: string; length: number; desc: boolean } | undefined {
  const f = e as { type?: string; parentheses?: boolean; name?: { name?: { value?: unknown }[] }; args?: { value?: { type?: string; value?: unknown }[] }; order_by?: string | null };
  if (f.type !== 'function' || f.parentheses) return undefined;
  const names = f.name?.name ?? [];
  const args = f.args?.value ?? [];
  if (names.length !== 1 || typeof names[0].value !== 'string' || args.length !== 1 || args[0].type !== 'number') return undefined;
  const length = Number(args[0].value);
  if (!Number.isInteger(length) || length <= 0) return undefined;
  return { column: ident(names[0].value), length, desc: f.order_by?.toLowerCase() === 'desc' };
}

/**
 * Everything the generator's parts share while walking one document: the dialect data, the target's
 * capabilities, name quoting and qualification, identifier checks, and the diagnostics being
 * collected. One context per generateDdl call.
 */
import type { Capabilities, DdlTarget, DialectSpec } from '../dialects/types';
import { identifierLength } from '../dialects/types';
import type { Column, Dialect, Relationship, SchemaDocument, Table, View } from '../model/document';
import type { Diagnostic, Severity } from '../model/diagnostics';
import type { SqlParsers } from '../sql-parse/types';
import { DocumentIndex } from '../model/lookup';
import type { ResolvedType } from './column-sql';
import { emptyDecisions, type DdlDecisions } from './decisions';
import { fitDerivedName, NameRegistry } from './names';
import type { PlannedStatement } from './planned-statement';

export interface DdlOptions {
  /** Emit DROP ... IF EXISTS for every object first, in reverse dependency order. */
  dropFirst?: boolean;
  /**
   * PostgreSQL: also qualify objects of the default schema (`"public"."t"`); objects in a named schema
   * are always qualified. MySQL: keep schemas as databases (`CREATE DATABASE`, `` `db`.`t` ``);
   * without it every schema is flattened into the connection's database, with a diagnostic.
   */
  schemaQualified?: boolean;
  target?: DdlTarget;
  /**
   * SQLite STRICT tables (3.37+): every CREATE TABLE ends with STRICT and column types become the
   * STRICT names of their affinity (DialectSpec.strictType). Elsewhere a diagnostic says it is ignored.
   */
  strictTables?: boolean;
  /** SQLite WITHOUT ROWID for every table with a primary key and no AUTOINCREMENT column. */
  withoutRowid?: boolean;
  /**
   * The loaded SQL parsers (lib/sql-parse/load.ts): with them, every expression and view body is
   * parsed and checked (expression.syntax, expression.unknown-column). Loading is asynchronous, so
   * each caller loads them first; without them those checks are not made.
   */
  sqlParsers?: SqlParsers;
}

/**
 * Lower-case ASCII names: legal in both dialects, counted as their length in bytes and characters,
 * and already in the case the reserved-word lists use. Most names are like this; checkIdentifier
 * takes a fast path for them (it runs once per named element, every column included).
 */
const PLAIN_IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** Index methods whose columns are key columns on MySQL (BRIN falls back to a B-tree there). */
const KEY_INDEX_METHODS: ReadonlySet<string> = new Set(['btree', 'hash', 'brin']);

/** Up to this many columns a table's columns are scanned by id rather than mapped. */
const NARROW_TABLE = 24;

export class DdlContext {
  readonly diagnostics: Diagnostic[] = [];
  /** Index-like names (PK, unique, index; PostgreSQL relations too), unique per schema. */
  readonly names: NameRegistry;
  /** Foreign key and check names: per database on MySQL, per table on PostgreSQL. */
  readonly constraintNames: NameRegistry;
  /** Per wide table: column id -> position in `table.columns`, built on first use. */
  private readonly columnIndexes = new Map<string, Map<string, number>>();
  // Initialised here (not on first use) so every instance has the same hidden class from the start.
  private outgoing: Map<string, Relationship[]> | undefined = undefined;
  private keyedText: Set<Column> | undefined = undefined;

  constructor(
    readonly doc: SchemaDocument,
    readonly dialect: Dialect,
    readonly spec: DialectSpec,
    readonly caps: Capabilities,
    readonly options: DdlOptions,
  ) {
    this.names = new NameRegistry(spec.caseInsensitiveNames);
    this.constraintNames = new NameRegistry(spec.caseInsensitiveNames);
    this.crossDialect = doc.settings.dialect !== dialect;
    this.strictTables = options.strictTables === true && caps.strictTables && spec.strictType !== undefined;
    this.withoutRowid = options.withoutRowid === true && caps.withoutRowid;
  }

  /** Is `table` written STRICT: every table by the script's option, or this one by its own (`options.sqlite.strict`)? */
  isStrict(table: Table): boolean {
    return this.strictTables || (table.options?.sqlite?.strict === true && this.caps.strictTables && this.spec.strictType !== undefined);
  }

  /** Every table is STRICT (SQLite 3.37+, DdlOptions.strictTables): column types are their affinity's STRICT name. */
  readonly strictTables: boolean;

  /** WITHOUT ROWID for each table whose key allows it (DdlOptions.withoutRowid). */
  readonly withoutRowid: boolean;

  /**
   * Columns written `INTEGER PRIMARY KEY AUTOINCREMENT` (SQLite: an identity that is its table's whole
   * primary key becomes the rowid), with the primary key's name; their table writes no PRIMARY KEY clause.
   */
  readonly rowidAliases = new Map<Column, string>();

  /** Comments written as `--` lines (commentStyle 'sql-comment'), for the one note that says so. */
  sqlComments = 0;

  /** Records an expression of `entityId` written verbatim (`what` tells two of one element apart). */
  copiedVerbatim(entityId: string, what: string, where: () => string): void {
    if (!this.crossDialect) return;
    const key = `${entityId}\u0000${what}`;
    // Only the first few are described in the warning: describe only those.
    if (!this.verbatimExpressions.has(key)) this.verbatimExpressions.set(key, { entityId, where: this.verbatimExpressions.size < 5 ? where() : undefined });
  }

  /** Expressions and view bodies translated from the document's dialect (lib/ddl/translate-sql.ts). */
  translatedCount = 0;

  /** MySQL attributes the target has no meaning for: attribute -> where (one note, mysql-attributes-sql.ts). */
  readonly ignoredMysqlAttributes = new Map<string, string[]>();

  /** Views left out of the script (untranslatable): a view reading one cannot be translated either. */
  readonly skippedViews = new Set<string>();

  /** MySQL inline `enum(...)` type text per enum id (every column of the type repeats it). */
  readonly inlineEnums = new Map<string, string>();

  /**
   * Column types resolved quietly, for the MySQL checks that look at key and foreign-key columns. A
   * Map, not a WeakMap: the context lives for one generator run, and ephemeron tables cost the
   * garbage collector more than they save.
   */
  readonly resolvedTypes = new Map<Column, ResolvedType>();

  /** Final names and per-index outcomes, recorded as the statements are written. */
  readonly decisions: DdlDecisions = emptyDecisions();

  /**
   * Columns written with a serial pseudo-type (`serial`, `bigserial`...) because it creates exactly
   * what the document says; their sequences are not written separately (sequence-sql.ts).
   */
  readonly serialColumns = new Map<Column, string>();

  /**
   * MySQL partitions whose bound the strategy rejects, per table id: written after their table as
   * `ALTER TABLE ... ADD PARTITION` (commented out), so the table itself is still created.
   */
  readonly partitionsAdded = new Map<string, PlannedStatement[]>();

  /** Explicit index/PK/unique names changed to keep them unique (key: index/unique id, `<table id>:pk`). */
  readonly renamed = new Map<string, string>();

  /** Keys per table, for the uniqueness check of each foreign key's referenced columns. */
  readonly lookup = new DocumentIndex();

  /** The document's SQL expressions are in the other dialect's SQL (see copiedVerbatim). */
  readonly crossDialect: boolean;

  /**
   * Expressions written into the script verbatim while crossDialect: key (element id and what) ->
   * the element and a description. Recorded where the text is written, so an expression the target
   * drops (a MySQL partial index's predicate, a skipped check) is reported once, as dropped, and
   * never again as "copied verbatim".
   */
  readonly verbatimExpressions = new Map<string, { entityId: string; where: string | undefined }>();

  /** Whether a view can be written: in this dialect's SQL, or translatable (the parsers are loaded; translate-sql.ts). */
  mayWriteView(v: View): boolean {
    return v.dialect === this.dialect || this.options.sqlParsers?.[v.dialect] !== undefined;
  }

  /** The scope an index/PK/unique name must be unique in: the schema (PostgreSQL) or the table (MySQL). */
  indexScope(table: Table): string {
    const schema = this.schemaKey(table.schemaId);
    return this.spec.nameScopes.indexesAreRelations ? `rel:${schema}` : `ix:${schema}\u0000${table.id}`;
  }

  /** The scope a FK/check name must be unique in. */
  constraintScope(table: Table): string {
    return this.spec.nameScopes.constraintsPerDatabase ? this.schemaKey(table.schemaId) : `${this.schemaKey(table.schemaId)}\u0000${table.id}`;
  }

  diag(severity: Severity, code: string, message: string, entityId?: string, path?: string): void {
    // Whole literals, not spreads (this runs per diagnostic, thousands of times on large documents)
    // nor properties added later (each added property is a new hidden class, dropped by the GC).
    this.diagnostics.push(
      entityId
        ? path
          ? { severity, code, message, entityId, path }
          : { severity, code, message, entityId }
        : path
          ? { severity, code, message, path }
          : { severity, code, message },
    );
  }

  q(name: string): string {
    return this.spec.quoteIdentifier(name);
  }

  str(value: string): string {
    return this.spec.quoteString(value);
  }

  /** The schema an element lives in for this output, or undefined for the default/connection one. */
  schemaOf(schemaId: string | undefined): string | undefined {
    const name = schemaId ? this.doc.schemas[schemaId]?.name : undefined;
    if (this.caps.schemas === 'none') return undefined;
    if (this.caps.schemas === 'databases') return this.options.schemaQualified ? name : undefined;
    return name ?? (this.options.schemaQualified ? this.spec.defaultSchema : undefined);
  }

  /** `"schema"."name"` or `"name"`. */
  qualified(el: { name: string; schemaId?: string }): string {
    const schema = this.schemaOf(el.schemaId);
    return schema ? `${this.q(schema)}.${this.q(el.name)}` : this.q(el.name);
  }

  /** Key for per-schema name registries: the schema the object will really live in. */
  schemaKey(schemaId: string | undefined): string {
    return this.schemaOf(schemaId) ?? '';
  }

  /** Relationships whose child (referencing) table is `tableId`, in document order. */
  relationshipsFrom(tableId: string): readonly Relationship[] {
    if (!this.outgoing) {
      this.outgoing = new Map();
      for (const r of Object.values(this.doc.relationships)) {
        const list = this.outgoing.get(r.fromTableId);
        if (list) list.push(r);
        else this.outgoing.set(r.fromTableId, [r]);
      }
    }
    return this.outgoing.get(tableId) ?? [];
  }

  /**
   * Whether `column` is a text column that caps.textKeyType replaces: logical text without a native
   * type for this dialect, no array, used whole (no prefix length) in a primary key, a unique, a
   * B-tree/hash index or either side of an enforced foreign key. Both sides of a foreign key are
   * keyed, so they get the same type. Computed once per run, on first use.
   */
  isKeyedTextColumn(column: Column): boolean {
    if (!this.caps.textKeyType) return false;
    if (!this.keyedText) this.keyedText = this.collectKeyedTextColumns();
    return this.keyedText.has(column);
  }

  private collectKeyedTextColumns(): Set<Column> {
    const out = new Set<Column>();
    const add = (table: Table, ids: readonly string[]) => {
      for (const id of ids) {
        const c = this.column(table, id);
        if (c && this.isPlainText(c)) out.add(c);
      }
    };
    for (const table of Object.values(this.doc.tables)) {
      if (table.primaryKey) add(table, table.primaryKey.columnIds);
      for (const u of table.uniques) add(table, u.columnIds);
      for (const ix of table.indexes) {
        // FULLTEXT/SPATIAL take TEXT whole; GIN/GiST/SP-GiST are not built on MySQL.
        if (ix.method && !KEY_INDEX_METHODS.has(ix.method)) continue;
        for (const p of ix.parts) if (p.kind === 'column' && p.length === undefined) add(table, [p.columnId]);
      }
    }
    for (const r of Object.values(this.doc.relationships)) {
      if (!r.enforced) continue;
      const from = this.doc.tables[r.fromTableId];
      const to = this.doc.tables[r.toTableId];
      if (!from || !to) continue;
      for (const p of r.columnPairs) {
        add(from, [p.fromColumnId]);
        add(to, [p.toColumnId]);
      }
    }
    return out;
  }

  /** Logical text (directly or through an inlined domain) with no native type for this dialect. */
  private isPlainText(column: Column): boolean {
    if (column.arrayDims) return false;
    const t = column.type;
    const scalar = t.kind === 'scalar' ? t : t.kind === 'domain' && !this.caps.domains ? this.doc.domains[t.domainId]?.type : undefined;
    return scalar !== undefined && scalar.name === 'text' && !scalar.native?.[this.dialect];
  }

  column(table: Table, columnId: string): Column | undefined {
    const i = this.columnIndex(table, columnId);
    return i < 0 ? undefined : table.columns[i];
  }

  /**
   * Position of a column in `table.columns`, or -1. Narrow tables are scanned (cheaper than building a
   * map for the few lookups a table gets); wide ones get a per-table map, built once.
   */
  columnIndex(table: Table, columnId: string): number {
    const columns = table.columns;
    if (columns.length <= NARROW_TABLE) {
      for (let i = 0; i < columns.length; i++) if (columns[i].id === columnId) return i;
      return -1;
    }
    let m = this.columnIndexes.get(table.id);
    if (!m) {
      m = new Map();
      for (let i = 0; i < table.columns.length; i++) m.set(table.columns[i].id, i);
      this.columnIndexes.set(table.id, m);
    }
    return m.get(columnId) ?? -1;
  }

  columnNameOf(table: Table, columnId: string): string {
    return this.column(table, columnId)?.name ?? columnId;
  }

  /**
   * Checks a user-given identifier: over-long (PostgreSQL would truncate it silently, MySQL rejects
   * it), illegal characters, reserved words. Called once per named element (hot: every column).
   */
  /** Lower-case ASCII within the limit: checkIdentifier can only report it as a reserved word. */
  isPlainIdentifier(name: string): boolean {
    return name.length <= this.spec.identifierLimit.max && PLAIN_IDENTIFIER.test(name);
  }

  /** False when checkIdentifier would report nothing: callers can skip building its path. */
  needsIdentifierCheck(name: string): boolean {
    return !this.isPlainIdentifier(name) || this.spec.reservedWords.has(name) || this.spec.invalidIdentifierReason(name) !== undefined;
  }

  checkIdentifier(name: string, what: string, entityId?: string, path?: string): void {
    if (this.isPlainIdentifier(name)) {
      if (this.spec.reservedWords.has(name)) this.reservedWordInfo(name, what, entityId, path);
      // Plain names can still be reserved by the engine (SQLite: sqlite_...).
      const invalid = this.spec.invalidIdentifierReason(name);
      if (invalid) this.diag('error', 'name.invalid', `${what} "${name}": ${invalid}`, entityId, path);
      return;
    }
    const { max, unit } = this.spec.identifierLimit;
    const length = identifierLength(this.spec, name);
    if (length > max) {
      // PostgreSQL accepts and truncates (a warning); MySQL rejects the statement.
      this.diag(this.spec.truncatesLongIdentifiers ? 'warning' : 'error', 'name.too-long', `${what} "${name}" is ${length} ${unit} long; ${this.spec.label} allows ${max} ${unit}${this.spec.truncatesLongIdentifiers ? ' and would silently truncate it' : ''}`, entityId, path);
    }
    const invalid = this.spec.invalidIdentifierReason(name);
    if (invalid) this.diag('error', 'name.invalid', `${what} "${name}": ${invalid}`, entityId, path);
    if (this.spec.reservedWords.has(name.toLowerCase())) this.reservedWordInfo(name, what, entityId, path);
  }

  private reservedWordInfo(name: string, what: string, entityId?: string, path?: string): void {
    this.diag('info', 'name.reserved-word', `${what} "${name}" is a reserved word in ${this.spec.label}: it is quoted here, and every query must quote it too`, entityId, path);
  }

  /** A derived constraint/index name, fitted to the limit and unique in its scope. */
  derivedName(registry: NameRegistry, scope: string, base: string, entityId?: string, path?: string): string {
    let shortened = false;
    const name = registry.claim(scope, base, (candidate) => {
      const fitted = fitDerivedName(this.spec, candidate);
      shortened ||= fitted.shortened;
      return fitted.name;
    });
    if (shortened) {
      this.diag('info', 'name.derived-shortened', `derived name "${base}" exceeds ${this.spec.identifierLimit.max} ${this.spec.identifierLimit.unit}: shortened to "${name}"`, entityId, path);
    }
    return name;
  }

  /**
   * Reserves an explicit name before any name is derived (so a derived name never takes it) and
   * reports a duplicate in the same scope.
   */
  reserveName(registry: NameRegistry, scope: string, name: string, what: string, entityId?: string, path?: string): void {
    if (registry.has(scope, name)) {
      this.diag('error', 'name.duplicate', `${what} "${name}" is used twice in the same ${this.spec.nameScopes.namespaceWord}; the engine will reject the second`, entityId, path);
    }
    registry.add(scope, name);
  }
}

/** `a_b_c` from column names, as PostgreSQL derives constraint names. */
export function joinedColumnNames(ctx: DdlContext, table: Table, columnIds: readonly string[]): string {
  return columnIds.map((id) => ctx.columnNameOf(table, id)).join('_');
}

/**
 * The mutable workspace both SQL importers fill while walking statements: namespaces, tables by
 * name, foreign keys waiting for their target (a REFERENCES may name a table created later), the
 * skipped-statement report and diagnostics. `finish()` resolves the foreign keys and returns a
 * validated document, so neither importer can hand out an inconsistent one.
 */
import { DIALECTS } from '../../dialects/dialects';
import { documentOf, makeIndex, makeRelationship } from '../../model/build';
import { firstFreeName } from '../../naming/unique-names';
import type { Diagnostic, Severity } from '../../model/diagnostics';
import type { Column, Dialect, Domain, EnumType, Extension, ReferentialAction, Relationship, Routine, SchemaDocument, SchemaNamespace, Sequence, Table, View } from '../../model/document';
import type { IdFactory } from '../../model/ids';
import { loadDocument } from '../../model/migrate';
import { formatIssues } from '../../model/validate';
import { limitIssues } from '../../model/limits';
import { ImportError, countDocument, type ImportFormat, type ImportResult, type SkippedStatement } from '../types';
import { LineIndex, statementExcerpt } from './positions';

export interface PendingForeignKey {
  /** Source offset of the statement that declared it (for diagnostics). */
  offset: number;
  table: Table;
  columns: string[];
  parentSchema: string | undefined;
  parentName: string;
  /** Absent: the parent's primary key (`REFERENCES customers` with no column list). */
  parentColumns?: string[];
  name?: string;
  /** The statement wrote the name (else it is the one the engine gives an unnamed key). */
  nameWritten?: boolean;
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
  deferrable?: Relationship['deferrable'];
  enforced: boolean;
}

/** Names longer than this are cut (PostgreSQL itself truncates at 63 bytes, MySQL refuses over 64). */
const MAX_NAME = 256;
const MAX_COMMENT = 10_000;

export class ImportBuilder {
  readonly lines: LineIndex;
  readonly skipped: SkippedStatement[] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly schemas = new Map<string, SchemaNamespace>();
  readonly tables = new Map<string, Table>();
  readonly enums = new Map<string, EnumType>();
  readonly domains = new Map<string, Domain>();
  readonly views = new Map<string, View>();
  /** PostgreSQL: by name (extension names are unique per database). */
  readonly extensions = new Map<string, Extension>();
  /** PostgreSQL: by key(schema, name), like tables (sequences are relations). */
  readonly sequences = new Map<string, Sequence>();
  readonly foreignKeys: PendingForeignKey[] = [];
  /** Routines kept verbatim, in script order; a trigger with its table object (resolved at the end: it may be renamed or dropped). */
  readonly routines: { routine: Routine; table?: Table; offset: number }[] = [];
  /** Where unqualified names live when it is not the default schema (PostgreSQL `SET search_path`). */
  searchSchema: string | undefined;

  constructor(
    readonly format: ImportFormat & Dialect,
    readonly text: string,
    readonly ids: IdFactory,
    /** Case folding of identifiers for lookups (MySQL compares names case-insensitively). */
    readonly fold: (name: string) => string,
    /** The schema that maps to "no namespace" (PostgreSQL `public`; MySQL: the first database used). */
    public defaultSchema: string | undefined,
  ) {
    this.lines = new LineIndex(text);
  }

  // ---- names -------------------------------------------------------------------------------------

  key(schema: string | undefined, name: string): string {
    return `${this.fold(schema ?? this.searchSchema ?? this.defaultSchema ?? '')}\u0000${this.fold(name)}`;
  }

  name(raw: string, offset?: number): string {
    const clean = raw.replace(/\u0000/g, '');
    const safe = clean.length === 0 ? '_' : clean;
    if (safe.length <= MAX_NAME) return safe;
    this.diag('warning', 'import.name-truncated', `the name "${safe.slice(0, 40)}…" is longer than ${MAX_NAME} characters and was cut`, offset);
    return safe.slice(0, MAX_NAME);
  }

  comment(raw: string, offset?: number): string {
    if (raw.length <= MAX_COMMENT) return raw;
    this.diag('warning', 'import.comment-truncated', `a comment longer than ${MAX_COMMENT} characters was cut`, offset);
    return raw.slice(0, MAX_COMMENT);
  }

  /** The namespace id for a schema name; undefined for the default schema. Creates it on first use. */
  schemaId(schema: string | undefined): string | undefined {
    if (schema === undefined) return undefined;
    if (this.defaultSchema === undefined) this.defaultSchema = schema;
    if (this.fold(schema) === this.fold(this.defaultSchema)) return undefined;
    const k = this.fold(schema);
    let ns = this.schemas.get(k);
    if (!ns) {
      ns = { id: this.ids('sch'), name: this.name(schema) };
      this.schemas.set(k, ns);
    }
    return ns.id;
  }

  // ---- lookups -----------------------------------------------------------------------------------

  /** Keys an unqualified name may have: the search_path schema first, then the default schema. */
  lookupKeys(schema: string | undefined, name: string): string[] {
    const first = this.key(schema, name);
    if (schema !== undefined || this.searchSchema === undefined) return [first];
    return [first, `${this.fold(this.defaultSchema ?? '')}\u0000${this.fold(name)}`];
  }

  /** The first of the lookup keys present in `map`. */
  lookup<T>(map: Map<string, T>, schema: string | undefined, name: string): T | undefined {
    for (const k of this.lookupKeys(schema, name)) {
      const v = map.get(k);
      if (v !== undefined) return v;
    }
    return undefined;
  }

  findTable(schema: string | undefined, name: string): Table | undefined {
    return this.lookup(this.tables, schema, name);
  }

  /**
   * Per table: its columns by folded name, for findColumn. Scanning made a table of n columns cost n²
   * (every new column is first looked up). Kept in step with appends (columns.push); a new columns
   * array or fewer columns rebuild it; code that renames or replaces a column in place calls
   * columnsChanged. A hit is checked against the table before it is returned.
   */
  private readonly columnsByName = new Map<Table, { columns: Column[]; seen: number; byName: Map<string, { column: Column; at: number }> }>();

  findColumn(table: Table, name: string): Column | undefined {
    const f = this.fold(name);
    const found = this.columnIndex(table).byName.get(f);
    if (!found) return undefined;
    if (table.columns[found.at] === found.column && this.fold(found.column.name) === f) return found.column;
    // Changed in place without columnsChanged: rebuild once.
    this.columnsChanged(table);
    return this.columnIndex(table).byName.get(f)?.column;
  }

  /** Call after renaming or replacing a column of `table` in place. */
  columnsChanged(table: Table): void {
    this.columnsByName.delete(table);
  }

  private columnIndex(table: Table) {
    let entry = this.columnsByName.get(table);
    if (!entry || entry.columns !== table.columns || entry.seen > table.columns.length) {
      entry = { columns: table.columns, seen: 0, byName: new Map() };
      this.columnsByName.set(table, entry);
    }
    // The first of two columns with one name wins, as with columns.find.
    for (; entry.seen < table.columns.length; entry.seen++) {
      const column = table.columns[entry.seen];
      const key = this.fold(column.name);
      if (!entry.byName.has(key)) entry.byName.set(key, { column, at: entry.seen });
    }
    return entry;
  }

  /** Column ids for names, or the first missing name. */
  columnIds(table: Table, names: readonly string[]): { ids: string[] } | { missing: string } {
    const ids: string[] = [];
    for (const n of names) {
      const c = this.findColumn(table, n);
      if (!c) return { missing: n };
      ids.push(c.id);
    }
    return { ids };
  }

  // ---- report ------------------------------------------------------------------------------------

  skip(offset: number, sql: string, reason: string): void {
    this.skipped.push({ line: this.lines.line(offset), statement: statementExcerpt(sql), reason });
  }

  diag(severity: Severity, code: string, message: string, offset?: number, entityId?: string): void {
    const d: Diagnostic = { severity, code, message };
    if (offset !== undefined) {
      const p = this.lines.position(offset);
      d.line = p.line;
      d.column = p.column;
    }
    if (entityId) d.entityId = entityId;
    this.diagnostics.push(d);
  }

  // ---- finish ------------------------------------------------------------------------------------

  private resolveForeignKeys(): Relationship[] {
    const out: Relationship[] = [];
    const engineIndexes: { fk: PendingForeignKey; columnIds: string[] }[] = [];
    for (const fk of this.foreignKeys) {
      const label = fk.name ? `foreign key "${fk.name}"` : `foreign key on "${fk.table.name}" (${fk.columns.join(', ')})`;
      if (!this.tables.has(this.key(this.schemaNameOf(fk.table), fk.table.name))) {
        // The child was removed (e.g. it turned out to be a partition, modeled on its parent).
        this.diag('info', 'import.fk-on-removed-table', `${label} was dropped with its table "${fk.table.name}"`, fk.offset);
        continue;
      }
      const parent = this.findTable(fk.parentSchema, fk.parentName);
      if (!parent) {
        this.diag('warning', 'import.fk-target-missing', `${label} references "${fk.parentName}", which is not defined in the import: skipped`, fk.offset, fk.table.id);
        continue;
      }
      const from = this.columnIds(fk.table, fk.columns);
      if ('missing' in from) {
        this.diag('warning', 'import.fk-column-missing', `${label}: column "${from.missing}" does not exist in "${fk.table.name}": skipped`, fk.offset, fk.table.id);
        continue;
      }
      let toIds: string[];
      if (fk.parentColumns && fk.parentColumns.length > 0) {
        const to = this.columnIds(parent, fk.parentColumns);
        if ('missing' in to) {
          this.diag('warning', 'import.fk-column-missing', `${label}: column "${to.missing}" does not exist in "${parent.name}": skipped`, fk.offset, fk.table.id);
          continue;
        }
        toIds = to.ids;
      } else if (parent.primaryKey) {
        toIds = parent.primaryKey.columnIds;
      } else {
        this.diag('warning', 'import.fk-no-parent-key', `${label} names no columns and "${parent.name}" has no primary key: skipped`, fk.offset, fk.table.id);
        continue;
      }
      if (toIds.length !== from.ids.length) {
        this.diag('warning', 'import.fk-arity', `${label} pairs ${from.ids.length} column(s) with ${toIds.length}: skipped`, fk.offset, fk.table.id);
        continue;
      }
      const rel = makeRelationship(
        {
          fromTableId: fk.table.id,
          toTableId: parent.id,
          columnPairs: from.ids.map((id, i) => ({ fromColumnId: id, toColumnId: toIds[i] })),
          onDelete: fk.onDelete,
          onUpdate: fk.onUpdate,
          enforced: fk.enforced,
        },
        this.ids,
      );
      if (fk.name) rel.name = fk.name;
      if (fk.deferrable && fk.deferrable !== 'not deferrable') rel.deferrable = fk.deferrable;
      out.push(rel);
      if (DIALECTS[this.format].createsForeignKeyIndexes) engineIndexes.push({ fk, columnIds: from.ids });
    }
    for (const { fk, columnIds } of engineIndexes) this.addEngineForeignKeyIndex(fk, columnIds);
    return out;
  }

  /**
   * The index InnoDB creates for a foreign key whose columns lead no index (checked once every
   * statement ran: a later index that can serve the key replaces it), under InnoDB's name for it.
   */
  private addEngineForeignKeyIndex(fk: PendingForeignKey, columnIds: readonly string[]): void {
    const table = fk.table;
    const leads = (ids: readonly (string | undefined)[]) => columnIds.every((id, i) => ids[i] === id);
    if (table.primaryKey && leads(table.primaryKey.columnIds)) return;
    if (table.uniques.some((u) => leads(u.columnIds))) return;
    if (table.indexes.some((ix) => !ix.where && leads(ix.parts.map((p) => (p.kind === 'column' ? p.columnId : undefined))))) return;
    const first = table.columns.find((c) => c.id === columnIds[0])?.name ?? 'fk';
    const base = fk.nameWritten && fk.name ? fk.name : first;
    const taken = [...table.indexes.map((ix) => ix.name ?? ''), ...table.uniques.map((u) => u.name ?? '')];
    const name = firstFreeName(base, taken);
    table.indexes.push(makeIndex({ name, parts: columnIds.map((columnId) => ({ kind: 'column', columnId })) }, this.ids));
  }

  private schemaNameOf(table: Table): string | undefined {
    if (!table.schemaId) return undefined;
    for (const ns of this.schemas.values()) if (ns.id === table.schemaId) return ns.name;
    return undefined;
  }

  /** The routines whose trigger table still exists in the document (a dropped table drops its triggers). */
  private resolveRoutines(): Routine[] {
    const live = new Set(this.tables.values());
    const out: Routine[] = [];
    for (const { routine, table, offset } of this.routines) {
      if (table && !live.has(table)) {
        this.skip(offset, routine.sql, `trigger "${routine.name}": its table "${table.name}" is not in the imported schema (dropped or a partition)`);
        continue;
      }
      out.push(table ? { ...routine, tableId: table.id } : routine);
    }
    return out;
  }

  finish(): ImportResult {
    const relationships = this.resolveForeignKeys();
    const routines = this.resolveRoutines();
    // A trigger skipped here goes in its line's place (the importers sorted the report already).
    if (routines.length !== this.routines.length) this.skipped.sort((x, y) => x.line - y.line);
    const document: SchemaDocument = documentOf({
      dialect: this.format,
      schemas: [...this.schemas.values()],
      tables: [...this.tables.values()],
      relationships,
      enums: [...this.enums.values()],
      domains: [...this.domains.values()],
      views: [...this.views.values()],
      extensions: [...this.extensions.values()],
      sequences: [...this.sequences.values()],
      routines,
    });
    // A script can describe more than Draftbase accepts (5 MB of small CREATE TABLEs: 50,000 tables):
    // say which limit, not "inconsistent".
    const over = limitIssues(document);
    if (over.length) throw new ImportError(`the imported schema is larger than Draftbase accepts: ${over[0].message}`);
    const checked = loadDocument(document);
    if (!checked.ok) {
      // A bug in the importer rather than in the input; still reported as an ImportError so callers
      // have one failure type to handle.
      throw new ImportError(`the imported schema is inconsistent: ${formatIssues(checked.issues.slice(0, 5))}`);
    }
    return {
      document: checked.document,
      report: { format: this.format, counts: countDocument(checked.document), skipped: this.skipped, diagnostics: this.diagnostics },
    };
  }
}

/**
 * DBML -> document through the official parser (@dbml/core, `dbmlv2`). Tables, columns, refs (composite,
 * with actions), enums, indexes, notes and sticky notes, TableGroups as areas.
 */
import { Parser } from '@dbml/core';
import { makeColumn, makeIndex, makeRelationship, makeTable } from '../../model/build';
import type { Diagnostic } from '../../model/diagnostics';
import type { Area, Column, DefaultValue, Dialect, EnumType, Index, ReferentialAction, SchemaDocument, Table } from '../../model/document';
import { emptyDocument } from '../../model/empty';
import { sequentialIds, type IdFactory } from '../../model/ids';
import { countDocument, ImportError, lineExcerpt, type ImportResult } from '../types';
import { guardDbmlInput } from './dbml-guard';
import { mapTypeName, parseTypeName } from './dbml-type-names';

// The part of `Database.export()` read here (the published typings omit checks and colours).
interface DbmlField {
  name: string;
  type: { schemaName?: string | null; type_name: string };
  unique?: boolean;
  pk?: boolean;
  not_null?: boolean;
  note?: string | null;
  dbdefault?: { value: unknown; type: string } | null;
  increment?: boolean;
}
interface DbmlIndex {
  name?: string | null;
  type?: string | null;
  unique?: boolean;
  pk?: boolean | string | null;
  note?: string | null;
  columns: Array<{ type: string; value: string }>;
}
interface DbmlTable {
  name: string;
  note?: string | null;
  headerColor?: string | null;
  fields: DbmlField[];
  indexes: DbmlIndex[];
  checks?: Array<{ name?: string | null; expression: string }>;
}
interface DbmlEndpoint { schemaName?: string | null; tableName: string; fieldNames: string[]; relation: string }
interface DbmlSchema {
  name: string;
  tables: DbmlTable[];
  enums: Array<{ name: string; note?: string | null; values: Array<{ name: string }> }>;
  tableGroups: Array<{ name: string; note?: string | null; color?: string | null; tables: Array<{ tableName: string; schemaName?: string | null }> }>;
  refs: Array<{ name?: string | null; endpoints: DbmlEndpoint[]; onDelete?: string | null; onUpdate?: string | null }>;
}
export interface DbmlExport {
  schemas: DbmlSchema[];
  notes?: Array<{ name: string; content: string; headerColor?: string | null }>;
}

export interface CompilerDiag {
  message: string;
  location?: { start?: { line: number; column: number } };
}

function isCompilerError(e: unknown): e is { diags: CompilerDiag[] } {
  return typeof e === 'object' && e !== null && Array.isArray((e as { diags?: unknown }).diags);
}

const ACTIONS: Record<string, ReferentialAction> = {
  cascade: 'cascade', restrict: 'restrict', 'no action': 'no action', 'set null': 'set null', 'set default': 'set default',
  // prisma-dbml-generator writes Prisma's spellings.
  noaction: 'no action', setnull: 'set null', setdefault: 'set default',
};

const INDEX_METHODS: Record<string, Index['method']> = { btree: 'btree', hash: 'hash', gin: 'gin', gist: 'gist', brin: 'brin', spgist: 'spgist' };

const AREA_COLORS = ['#3b82f6', '#10b981', '#f59e0b', '#ef4444', '#8b5cf6', '#06b6d4', '#ec4899', '#84cc16'];

function action(a: string | null | undefined): ReferentialAction {
  if (!a) return 'no action';
  return ACTIONS[a.toLowerCase().replace(/_/g, ' ')] ?? ACTIONS[a.toLowerCase().replace(/[\s_]/g, '')] ?? 'no action';
}

function color(c: string | null | undefined, fallback: string): string {
  if (c && /^#[0-9a-fA-F]{6}$/.test(c)) return c.toLowerCase();
  if (c && /^#[0-9a-fA-F]{3}$/.test(c)) return `#${[...c.slice(1)].map((x) => x + x).join('')}`.toLowerCase();
  return fallback;
}

function mapDefault(d: DbmlField['dbdefault']): DefaultValue {
  if (!d) return { kind: 'none' };
  switch (d.type) {
    case 'expression':
      return typeof d.value === 'string' && d.value.trim() ? { kind: 'expression', sql: d.value } : { kind: 'none' };
    case 'number':
      return { kind: 'literal', value: typeof d.value === 'number' ? d.value : Number(d.value) };
    case 'boolean':
      if (d.value === null || d.value === 'null') return { kind: 'literal', value: null };
      return { kind: 'literal', value: d.value === true || d.value === 'true' };
    default:
      return { kind: 'literal', value: d.value === null || d.value === undefined ? null : String(d.value) };
  }
}

/**
 * The text of a backtick (expression) default on a json/jsonb column that is a JSON object or array,
 * else undefined. Generators such as drizzle-dbml write JSON defaults in backticks; `{...}` / `[...]`
 * is no SQL expression in either dialect (PostgreSQL: syntax error at "{"), so it can only mean the
 * JSON value, which both dialects take as a string literal.
 */
function jsonDocumentExpression(column: Column): string | undefined {
  const d = column.default;
  if (d.kind !== 'expression' || column.type.kind !== 'scalar' || (column.type.name !== 'json' && column.type.name !== 'jsonb') || column.arrayDims) return undefined;
  const text = d.sql.trim();
  if (!/^[[{]/.test(text)) return undefined;
  try {
    JSON.parse(text);
    return text;
  } catch {
    return undefined;
  }
}

function dialectOf(databaseType: string | undefined): Dialect {
  return databaseType && /mysql|maria/i.test(databaseType) ? 'mysql' : 'postgres';
}

/** What the DBML parser produced: `Database.export()` and the Project's database_type. */
export interface ParsedDbml {
  exported: DbmlExport;
  databaseType?: string;
}

/** A parser failure in plain data (it may come back from a worker thread). */
export interface DbmlParseFailure {
  diags?: CompilerDiag[];
  message: string;
  stackOverflow?: boolean;
}

/** Turns a parser failure into an ImportError at the first diagnostic's position. */
export function dbmlFailureToImportError(text: string, failure: DbmlParseFailure): ImportError {
  const first = failure.diags?.[0];
  if (first) {
    const line = first.location?.start?.line;
    const column = first.location?.start?.column;
    const count = failure.diags!.length;
    const more = count > 1 ? ` (and ${count - 1} more error${count > 2 ? 's' : ''})` : '';
    return new ImportError(`invalid DBML: ${first.message}${more}`, { line, column, excerpt: line ? lineExcerpt(text, line) : undefined });
  }
  // Stack overflow: the parser's recursion ran out of stack on pathological input.
  if (failure.stackOverflow) return new ImportError('invalid DBML: the input is too deeply nested or too irregular to parse');
  return new ImportError(`invalid DBML: ${failure.message}`);
}

/** Parses in this thread (browser, tests). The server bounds the time with a worker instead. */
export function parseDbml(text: string): ParsedDbml {
  try {
    const db = Parser.parse(text, 'dbmlv2');
    const exported: DbmlExport = db.export();
    return { exported, databaseType: db.databaseType };
  } catch (e) {
    throw dbmlFailureToImportError(text, {
      diags: isCompilerError(e) ? e.diags : undefined,
      message: e instanceof Error ? e.message : String(e),
      stackOverflow: e instanceof RangeError,
    });
  }
}

/** True when `fields` are exactly the table's primary key. */
function isPrimaryKey(table: Table | undefined, fields: readonly string[]): boolean {
  const pk = table?.primaryKey?.columnIds.map((id) => table.columns.find((c) => c.id === id)?.name);
  return !!pk && pk.length === fields.length && fields.every((f) => pk.includes(f));
}

/**
 * [referenced, referencing] endpoints of a ref. The "1" side of `>`/`<` is referenced. For one-to-one
 * (`-`) the side whose columns are its table's primary key is referenced (prisma-dbml-generator writes
 * the foreign key side first, hand-written DBML usually the key first); when that does not decide,
 * @dbml/core's own SQL export convention applies: the second endpoint holds the foreign key.
 */
function refDirection(a: DbmlEndpoint, b: DbmlEndpoint, tableOf: (e: DbmlEndpoint) => Table | undefined): [DbmlEndpoint, DbmlEndpoint] {
  if (a.relation !== b.relation) return a.relation === '1' ? [a, b] : [b, a];
  const aKey = isPrimaryKey(tableOf(a), a.fieldNames);
  const bKey = isPrimaryKey(tableOf(b), b.fieldNames);
  return bKey && !aKey ? [b, a] : [a, b];
}

/** DBML text -> document, parsing in this thread. */
export function importDbml(text: string, ids: IdFactory = sequentialIds()): ImportResult {
  if (!text.trim()) throw new ImportError('the DBML source is empty');
  guardDbmlInput(text);
  return dbmlToDocument(parseDbml(text), ids);
}

/** The parser's output -> document (the part that does not depend on where parsing ran). */
export function dbmlToDocument({ exported, databaseType }: ParsedDbml, ids: IdFactory = sequentialIds()): ImportResult {
  const dialect = dialectOf(databaseType);
  const doc: SchemaDocument = emptyDocument(dialect);
  const diagnostics: Diagnostic[] = [];

  const schemaIdOf = (name: string | null | undefined): string | undefined => {
    if (!name || name === 'public') return undefined;
    const existing = Object.values(doc.schemas).find((s) => s.name === name);
    if (existing) return existing.id;
    const id = ids('sch');
    doc.schemas[id] = { id, name };
    return id;
  };
  const key = (schema: string | null | undefined, name: string) => `${schema && schema !== 'public' ? schema : ''}\u0000${name}`;

  // Enums first: column types refer to them by (schema, name).
  const enumIds = new Map<string, string>();
  for (const s of exported.schemas) {
    for (const e of s.enums) {
      const el: EnumType = { id: ids('enm'), name: e.name, values: e.values.length ? e.values.map((v) => v.name) : [''] };
      const schemaId = schemaIdOf(s.name);
      if (schemaId) el.schemaId = schemaId;
      if (e.note) el.comment = e.note;
      doc.enums[el.id] = el;
      enumIds.set(key(s.name, e.name), el.id);
    }
  }
  const tableNames = new Set(exported.schemas.flatMap((s) => s.tables.map((t) => t.name)));

  const tables = new Map<string, Table>();
  const relationFields: string[] = [];
  for (const s of exported.schemas) {
    for (const t of s.tables) {
      const table = makeTable({ name: t.name }, ids);
      const schemaId = schemaIdOf(s.name);
      if (schemaId) table.schemaId = schemaId;
      if (t.note) table.comment = t.note;
      const pk: string[] = [];
      for (const f of t.fields) {
        const typeName = f.type.type_name;
        const { base, arrayDims } = parseTypeName(typeName);
        const enumId = enumIds.get(key(f.type.schemaName ?? s.name, base)) ?? enumIds.get(key(null, base));
        let column: Column;
        if (enumId) {
          column = makeColumn({ name: f.name, type: { kind: 'enum', enumId } }, ids);
          if (arrayDims) column.arrayDims = arrayDims;
        } else {
          const mapped = mapTypeName(typeName, dialect);
          if (!mapped && tableNames.has(typeName.replace(/(\[\])+$/, ''))) {
            // prisma-dbml-generator writes Prisma relation fields as columns typed by the other table.
            relationFields.push(`${t.name}.${f.name}`);
            continue;
          }
          if (!mapped) {
            diagnostics.push({ severity: 'warning', code: 'dbml.unknown-type', message: `column "${t.name}.${f.name}": unknown type "${typeName}" kept verbatim for ${dialect}` });
          }
          column = makeColumn({ name: f.name, type: mapped?.type ?? { kind: 'scalar', name: 'text', native: { [dialect]: typeName } } }, ids);
          if (mapped?.arrayDims) column.arrayDims = mapped.arrayDims;
          if (mapped?.identity) column.identity = { always: false };
        }
        column.nullable = !(f.not_null || f.pk);
        column.default = mapDefault(f.dbdefault);
        const jsonText = jsonDocumentExpression(column);
        if (jsonText !== undefined) {
          column.default = { kind: 'literal', value: jsonText };
          diagnostics.push({ severity: 'info', code: 'dbml.json-default-as-literal', entityId: column.id, message: `column "${t.name}.${f.name}": the backtick default is a JSON document, not SQL: kept as a string literal` });
        }
        if (f.increment) column.identity = { always: false };
        if (f.note) column.comment = f.note;
        if (f.pk) pk.push(column.id);
        if (f.unique && !f.pk) table.uniques.push({ id: ids('unq'), columnIds: [column.id] });
        table.columns.push(column);
      }
      const colId = (name: string) => table.columns.find((c) => c.name === name)?.id;
      for (const ix of t.indexes) {
        const parts: Index['parts'] = [];
        for (const c of ix.columns) {
          if (c.type === 'column') {
            const id = colId(c.value);
            if (id) parts.push({ kind: 'column', columnId: id });
          } else if (c.value) {
            parts.push({ kind: 'expression', sql: c.value });
          }
        }
        if (parts.length !== ix.columns.length || parts.length === 0) {
          diagnostics.push({ severity: 'warning', code: 'dbml.index-unknown-column', message: `an index on "${t.name}" names an unknown column; skipped` });
          continue;
        }
        if (ix.pk) {
          table.primaryKey = { columnIds: parts.map((p) => (p.kind === 'column' ? p.columnId : '')).filter(Boolean) };
          if (ix.name) table.primaryKey.name = ix.name;
          continue;
        }
        const colNames = ix.columns.map((c) => (c.type === 'column' ? c.value : 'expr'));
        const index = makeIndex({ name: ix.name || `${t.name}_${colNames.join('_')}_${ix.unique ? 'key' : 'idx'}`, parts, unique: ix.unique ?? false }, ids);
        const method = ix.type ? INDEX_METHODS[ix.type.toLowerCase()] : undefined;
        if (method) index.method = method;
        if (ix.note) index.purpose = ix.note;
        table.indexes.push(index);
      }
      if (!table.primaryKey && pk.length) table.primaryKey = { columnIds: pk };
      for (const check of t.checks ?? []) {
        if (check.expression?.trim()) table.checks.push({ id: ids('chk'), expression: check.expression, ...(check.name ? { name: check.name } : {}) });
      }
      doc.tables[table.id] = table;
      tables.set(key(s.name, t.name), table);
    }
  }

  for (const s of exported.schemas) {
    for (const ref of s.refs) {
      const [a, b] = ref.endpoints;
      if (!a || !b) continue;
      if (a.relation === '*' && b.relation === '*') {
        diagnostics.push({ severity: 'warning', code: 'dbml.many-to-many-skipped', message: `many-to-many ref ${a.tableName} <> ${b.tableName} has no junction table; skipped (model the junction table explicitly)` });
        continue;
      }
      const [parent, child] = refDirection(a, b, (e) => tables.get(key(e.schemaName ?? s.name, e.tableName)) ?? tables.get(key(null, e.tableName)));
      const from = tables.get(key(child.schemaName ?? s.name, child.tableName)) ?? tables.get(key(null, child.tableName));
      const to = tables.get(key(parent.schemaName ?? s.name, parent.tableName)) ?? tables.get(key(null, parent.tableName));
      if (!from || !to) {
        diagnostics.push({ severity: 'warning', code: 'dbml.ref-unknown-table', message: `ref between "${a.tableName}" and "${b.tableName}" names an unknown table; skipped` });
        continue;
      }
      const pairs = child.fieldNames.map((name, i) => ({
        fromColumnId: from.columns.find((c) => c.name === name)?.id ?? '',
        toColumnId: to.columns.find((c) => c.name === parent.fieldNames[i])?.id ?? '',
      }));
      if (pairs.length === 0 || pairs.length !== parent.fieldNames.length || pairs.some((p) => !p.fromColumnId || !p.toColumnId)) {
        diagnostics.push({ severity: 'warning', code: 'dbml.ref-unknown-column', message: `ref ${child.tableName}(${child.fieldNames.join(', ')}) -> ${parent.tableName}(${parent.fieldNames.join(', ')}) names an unknown column; skipped` });
        continue;
      }
      const rel = makeRelationship({ fromTableId: from.id, toTableId: to.id, columnPairs: pairs, onDelete: action(ref.onDelete), onUpdate: action(ref.onUpdate) }, ids);
      if (ref.name) rel.name = ref.name;
      if (a.relation === '1' && b.relation === '1') rel.cardinality = { from: 'zero-or-one', to: 'exactly-one' };
      doc.relationships[rel.id] = rel;
    }

    s.tableGroups.forEach((g) => {
      const tableIds = g.tables.map((x) => tables.get(key(x.schemaName ?? s.name, x.tableName))?.id ?? tables.get(key(null, x.tableName))?.id).filter((id): id is string => !!id);
      const area: Area = { id: ids('area'), name: g.name, color: color(g.color, AREA_COLORS[Object.keys(doc.areas).length % AREA_COLORS.length]), tableIds };
      if (g.note) area.comment = g.note;
      doc.areas[area.id] = area;
    });
  }

  if (relationFields.length) {
    const shown = relationFields.slice(0, 5).join(', ');
    diagnostics.push({
      severity: 'info',
      code: 'dbml.relation-field-skipped',
      message: `${relationFields.length} fields typed by a table name (Prisma relation fields, e.g. ${shown}) are not columns; skipped`,
    });
  }

  (exported.notes ?? []).forEach((n, i) => {
    const id = ids('note');
    doc.notes[id] = { id, text: n.name ? `${n.name}\n\n${n.content}` : n.content, color: color(n.headerColor, '#fef3c7') };
    doc.layout.notes[id] = { x: 40 + i * 280, y: -240, width: 240, height: 160 };
  });

  return { document: doc, report: { format: 'dbml', counts: countDocument(doc), skipped: [], diagnostics } };
}

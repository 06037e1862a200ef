/**
 * DBML (dbml.dbdiagram.io) from a schema document: enums, tables with columns (type as the chosen
 * dialect spells it, pk, increment, not null, unique, default, note), indexes (pk, unique, method,
 * expressions), table notes, and one Ref per relationship with its actions. Every name is a quoted
 * identifier, so any user-provided name survives. Validated with @dbml/core's parser in the tests.
 */
import type { Diagnostic } from '../model/diagnostics';
import type { Column, Dialect, Relationship, SchemaDocument, Table } from '../model/document';
import { columnTypeLabel } from '../mermaid/type-label';
import { indexName, uniqueConstraintName } from '../naming/derived-names';
import { ColumnSets, displayName, DocumentIndex } from '../model/lookup';
import { ownedSequenceOf, sequenceDefaultLabel } from '../model/sequences';
import type { ExportResult } from './export-prisma';
import { dialectSpec } from '../dialects/dialects';

/** The portable uuid default as DBML writes it. */
const DBML_UUID_DEFAULT: Record<Dialect, string> = { postgres: 'gen_random_uuid()', mysql: 'uuid()', sqlite: 'uuid()' };

export interface DbmlExportOptions {
  /** Whose type spellings the columns show; default the document's dialect. */
  dialect?: Dialect;
}

/** A DBML quoted identifier: `"name"` with `\` and `"` escaped. */
export function dbmlName(name: string): string {
  return `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n|\r/g, ' ')}"`;
}

/** A DBML single-quoted string with escapes (line breaks as \n). */
export function dbmlString(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\r\n|\r|\n/g, '\\n')}'`;
}

function qualified(doc: SchemaDocument, el: { name: string; schemaId?: string }): string {
  const schema = el.schemaId ? doc.schemas[el.schemaId]?.name : undefined;
  return schema ? `${dbmlName(schema)}.${dbmlName(el.name)}` : dbmlName(el.name);
}

const ACTION: Record<Relationship['onDelete'], string> = {
  'no action': 'no action',
  restrict: 'restrict',
  cascade: 'cascade',
  'set null': 'set null',
  'set default': 'set default',
};

class DbmlExporter {
  readonly diagnostics: Diagnostic[] = [];
  /** Column names by id, and per child table its primary key and unique column sets (many lookups per table). */
  private readonly index = new DocumentIndex();
  private readonly oneToOneKeys = new Map<Table, ColumnSets>();

  constructor(
    private readonly doc: SchemaDocument,
    private readonly dialect: Dialect,
  ) {}

  private warn(code: string, message: string, path: string, severity: Diagnostic['severity'] = 'warning') {
    this.diagnostics.push({ severity, code, message, path });
  }

  private typeOf(column: Column): string {
    if (column.type.kind === 'enum') {
      const e = this.doc.enums[column.type.enumId];
      if (e) return qualified(this.doc, e) + '[]'.repeat(column.arrayDims ?? 0);
    }
    const label = columnTypeLabel(this.doc, column, this.dialect);
    // Simple spellings stay bare (`varchar(255)`, `int[]`); anything else is quoted.
    return /^[A-Za-z_][A-Za-z0-9_]*(\(\d+(,\s*-?\d+)?\))?(\[\])*$/.test(label) ? label : dbmlName(label);
  }

  private defaultOf(table: Table, column: Column, path: string): string | undefined {
    const d = column.default;
    switch (d.kind) {
      case 'none':
        return undefined;
      case 'literal':
        if (d.value === null) return 'null';
        if (typeof d.value === 'number') return Number.isFinite(d.value) ? String(d.value) : dbmlString(String(d.value));
        if (typeof d.value === 'boolean') return String(d.value);
        return dbmlString(d.value);
      case 'builtin':
        return `\`${d.name === 'uuid' ? DBML_UUID_DEFAULT[this.dialect] : d.name}\``;
      case 'expression':
        if (d.sql.includes('`')) {
          this.warn('dbml.default', `${displayName(this.doc, table)}.${column.name}: a default expression holding a backtick cannot be written in DBML: left out`, path);
          return undefined;
        }
        return `\`${d.sql.replace(/\r\n|\r|\n/g, ' ')}\``;
      case 'sequence':
        return `\`${sequenceDefaultLabel(this.doc, d.sequenceId)}\``;
      default: {
        const never: never = d;
        throw new Error(`unknown default ${JSON.stringify(never)}`);
      }
    }
  }

  private columnLine(table: Table, column: Column, index: number, singleUniques: Set<string>): string {
    const path = `tables.${table.id}.columns.${index}`;
    const settings: string[] = [];
    const pk = table.primaryKey;
    if (pk && pk.columnIds.length === 1 && pk.columnIds[0] === column.id) settings.push('pk');
    // A serial column (it owns its sequence) is DBML's increment too.
    const serial = ownedSequenceOf(this.doc, table, column) !== undefined;
    if (column.identity || serial) settings.push('increment');
    if (!column.nullable) settings.push('not null');
    if (singleUniques.has(column.id)) settings.push('unique');
    const def = serial ? undefined : this.defaultOf(table, column, path);
    if (def !== undefined) settings.push(`default: ${def}`);
    if (column.generated) this.warn('dbml.generated', `${displayName(this.doc, table)}.${column.name}: generated column (${column.generated.expression}) noted, not expressible in DBML`, path, 'info');
    const note = [column.comment, column.generated ? `generated ${column.generated.stored ? 'stored' : 'virtual'}: ${column.generated.expression}` : undefined].filter(Boolean).join('\n');
    if (note) settings.push(`note: ${dbmlString(note)}`);
    return `  ${dbmlName(column.name)} ${this.typeOf(column)}${settings.length ? ` [${settings.join(', ')}]` : ''}`;
  }

  private tableBlock(table: Table): string {
    const colName = (id: string) => dbmlName(this.index.columnName(table, id));
    const singleUniques = new Set(table.uniques.filter((u) => u.columnIds.length === 1 && !u.name).map((u) => u.columnIds[0]));
    const lines = [`Table ${qualified(this.doc, table)} {`];
    table.columns.forEach((c, i) => lines.push(this.columnLine(table, c, i, singleUniques)));
    const indexes: string[] = [];
    if (table.primaryKey && table.primaryKey.columnIds.length > 1) {
      indexes.push(`    (${table.primaryKey.columnIds.map(colName).join(', ')}) [pk${table.primaryKey.name ? `, name: ${dbmlString(table.primaryKey.name)}` : ''}]`);
    }
    table.uniques.forEach((u, i) => {
      if (!u.columnIds.length) this.warn('dbml.index', `${displayName(this.doc, table)}: unique constraint ${uniqueConstraintName(table, u)} has no columns yet: left out`, `tables.${table.id}.uniques.${i}`);
    });
    for (const u of table.uniques) {
      if ((u.columnIds.length === 1 && !u.name) || !u.columnIds.length) continue;
      indexes.push(`    (${u.columnIds.map(colName).join(', ')}) [unique${u.name ? `, name: ${dbmlString(u.name)}` : ''}]`);
    }
    table.indexes.forEach((ix, i) => {
      const path = `tables.${table.id}.indexes.${i}`;
      const name = indexName(table, ix);
      if (!ix.parts.length) {
        this.warn('dbml.index', `${displayName(this.doc, table)}: index ${name} has no columns yet: left out`, path);
        return;
      }
      const parts: string[] = [];
      for (const p of ix.parts) {
        if (p.kind === 'column') parts.push(colName(p.columnId));
        else if (p.sql.includes('`')) {
          this.warn('dbml.index', `${displayName(this.doc, table)}: index ${name} has an expression holding a backtick: left out`, path);
          return;
        } else parts.push(`\`${p.sql.replace(/\r\n|\r|\n/g, ' ')}\``);
      }
      // An unnamed index stays unnamed: DBML and the DDL derive its name from the columns.
      const settings = ix.name === undefined ? [] : [`name: ${dbmlString(ix.name)}`];
      if (ix.unique) settings.unshift('unique');
      if (ix.method === 'btree' || ix.method === 'hash' || ix.method === 'gin' || ix.method === 'gist' || ix.method === 'brin') settings.push(`type: ${ix.method}`);
      else if (ix.method) this.warn('dbml.index-method', `${displayName(this.doc, table)}: index ${name} method ${ix.method} has no DBML type (kept in the note)`, path, 'info');
      const note = [ix.purpose, ix.where ? `WHERE ${ix.where}` : undefined, ix.method && !['btree', 'hash', 'gin', 'gist', 'brin'].includes(ix.method) ? `method ${ix.method}` : undefined].filter(Boolean).join('\n');
      if (note) settings.push(`note: ${dbmlString(note)}`);
      if (ix.where) this.warn('dbml.partial-index', `${displayName(this.doc, table)}: partial index ${name}: its predicate is kept in the note only`, path, 'info');
      indexes.push(`    (${parts.join(', ')}) [${settings.join(', ')}]`);
    });
    if (indexes.length) lines.push('', '  indexes {', ...indexes, '  }');
    const notes = [table.comment, ...table.checks.filter((c) => c.expression.trim()).map((c) => `CHECK ${c.name ? `${c.name}: ` : ''}${c.expression}`)].filter(Boolean).join('\n');
    if (table.checks.length) this.warn('dbml.check', `${displayName(this.doc, table)}: ${table.checks.length} check constraint(s) kept in the table note (DBML has none)`, `tables.${table.id}.checks`, 'info');
    if (notes) lines.push('', `  Note: ${dbmlString(notes)}`);
    lines.push('}');
    return lines.join('\n');
  }

  private refLine(r: Relationship): string | undefined {
    const child = this.doc.tables[r.fromTableId];
    const parent = this.doc.tables[r.toTableId];
    if (!child || !parent) return undefined;
    const cols = (t: Table, ids: string[]) => {
      const names = ids.map((id) => dbmlName(this.index.columnName(t, id)));
      return names.length === 1 ? names[0] : `(${names.join(', ')})`;
    };
    const from = `${qualified(this.doc, child)}.${cols(child, r.columnPairs.map((p) => p.fromColumnId))}`;
    const to = `${qualified(this.doc, parent)}.${cols(parent, r.columnPairs.map((p) => p.toColumnId))}`;
    const oneToOne = this.isOneToOne(child, r);
    const settings = [`delete: ${ACTION[r.onDelete]}`, `update: ${ACTION[r.onUpdate]}`];
    if (!r.enforced) this.warn('dbml.logical-ref', `relationship ${r.name ?? `${child.name} -> ${parent.name}`} is logical only; DBML refs have no such flag`, `relationships.${r.id}`, 'info');
    return `Ref${r.name ? ` ${dbmlName(r.name)}` : ''}: ${from} ${oneToOne ? '-' : '>'} ${to} [${settings.join(', ')}]`;
  }

  private isOneToOne(child: Table, r: Relationship): boolean {
    let keys = this.oneToOneKeys.get(child);
    if (!keys) {
      keys = new ColumnSets();
      if (child.primaryKey) keys.add(child.primaryKey.columnIds);
      for (const u of child.uniques) keys.add(u.columnIds);
      this.oneToOneKeys.set(child, keys);
    }
    return keys.has(r.columnPairs.map((p) => p.fromColumnId));
  }

  run(): string {
    const blocks: string[] = [`// Generated by Draftbase (${dialectSpec(this.dialect).label} types)`];
    blocks.push(`Project ${dbmlName('draftbase')} {\n  database_type: ${dbmlString(dialectSpec(this.dialect).label)}\n}`);
    for (const e of Object.values(this.doc.enums)) {
      const values = [...new Set(e.values)].map((v) => `  ${dbmlName(v)}`);
      blocks.push(`Enum ${qualified(this.doc, e)} {\n${values.join('\n')}\n}`);
    }
    for (const t of Object.values(this.doc.tables)) blocks.push(this.tableBlock(t));
    const refs = Object.values(this.doc.relationships).map((r) => this.refLine(r)).filter((l): l is string => l !== undefined);
    if (refs.length) blocks.push(refs.join('\n'));
    if (Object.keys(this.doc.views).length) this.diagnostics.push({ severity: 'info', code: 'dbml.view', message: `${Object.keys(this.doc.views).length} view(s) not exported: DBML has no views` });
    return `${blocks.join('\n\n')}\n`;
  }
}

export function exportDbml(doc: SchemaDocument, options: DbmlExportOptions = {}): ExportResult {
  const exporter = new DbmlExporter(doc, options.dialect ?? doc.settings.dialect);
  const text = exporter.run();
  return { text, diagnostics: exporter.diagnostics };
}

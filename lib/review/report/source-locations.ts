/**
 * A Locate for findings on a document imported from schema files: each element's declaration
 * (source-names.ts) matched to the document by name, as `file:line:col`. A column finding points at
 * the column's line, an index or a named foreign key at its declaration, anything else in a table at
 * its CREATE TABLE; what cannot be placed points at the file alone.
 */
import { dialectSchema, type SchemaDocument, type Table } from '../../model/document';
import { LineIndex } from '../../importers/sql-common/positions';
import type { ImportFormat, SourceFile } from '../../importers/types';
import type { FindingTarget } from '../types';
import type { Locate, SourceLocation } from './location';
import { dbmlDeclaredNames, prismaDeclaredNames, sqlDeclaredNames, type DeclaredNames } from './source-names';

type Placed = Required<SourceLocation>;

export interface ElementPositions {
  /** By element id: tables, columns, indexes, uniques, checks, relationships, enums, views. */
  byId: Map<string, Placed>;
}

/** How each non-SQL format declares names; SQL of either dialect is read by sqlDeclaredNames. JSON documents are located by path (the CLI). */
const NON_SQL_DECLARATIONS: Partial<Record<ImportFormat, (text: string) => DeclaredNames>> = { prisma: prismaDeclaredNames, dbml: dbmlDeclaredNames };

function declaredNames(format: ImportFormat, text: string): DeclaredNames | undefined {
  const dialect = dialectSchema.safeParse(format);
  return dialect.success ? sqlDeclaredNames(text, dialect.data) : NON_SQL_DECLARATIONS[format]?.(text);
}

const fold = (s: string) => s.toLowerCase();

/** Finds a document element by name: the exact spelling first, then case-insensitively (unquoted SQL names fold). */
function byName<T extends { name: string }>(items: readonly T[], name: string): T | undefined {
  return items.find((x) => x.name === name) ?? items.find((x) => fold(x.name) === fold(name));
}

class TableFinder {
  private readonly byName = new Map<string, Table[]>();
  constructor(private readonly doc: SchemaDocument) {
    for (const t of Object.values(doc.tables)) {
      const k = fold(t.name);
      let list = this.byName.get(k);
      if (!list) this.byName.set(k, (list = []));
      list.push(t);
    }
  }

  /** The table `schema.name` declares: the one in that schema when several share the name. */
  find(schema: string | undefined, name: string): Table | undefined {
    const candidates = this.byName.get(fold(name)) ?? [];
    if (candidates.length <= 1 || schema === undefined) return byName(candidates, name);
    const inSchema = candidates.filter((t) => fold((t.schemaId && this.doc.schemas[t.schemaId]?.name) || '') === fold(schema));
    return byName(inSchema.length ? inSchema : candidates.filter((t) => !t.schemaId), name) ?? byName(candidates, name);
  }
}

/** Positions of the document's elements in `files` (the schema files it was imported from). */
export function elementPositions(doc: SchemaDocument, files: readonly SourceFile[], format: ImportFormat, fileLabel: (name: string) => string = (n) => n): ElementPositions {
  const byId = new Map<string, Placed>();
  const tables = new TableFinder(doc);
  const set = (id: string | undefined, at: Placed) => {
    if (id !== undefined && !byId.has(id)) byId.set(id, at);
  };
  for (const file of files) {
    const names = declaredNames(format, file.content);
    if (!names) continue;
    const lines = new LineIndex(file.content);
    const at = (offset: number): Placed => ({ file: fileLabel(file.name), ...lines.position(offset) });
    for (const d of names.tables) {
      const table = tables.find(d.schema, d.name);
      if (!table) continue;
      set(table.id, at(d.offset));
      for (const c of d.columns) set(byName(table.columns, c.name)?.id, at(c.offset));
      for (const p of d.parts) setPart(doc, table, p.name, at(p.offset), set);
    }
    for (const p of names.tableParts) {
      const table = tables.find(p.schema, p.table);
      if (table) setPart(doc, table, p.name, at(p.offset), set);
    }
    for (const e of names.enums) set(byName(Object.values(doc.enums), e.name)?.id, at(e.offset));
    for (const v of names.views) set(byName(Object.values(doc.views), v.name)?.id, at(v.offset));
  }
  return { byId };
}

/** A named part of a table: an index, a unique or check constraint, or a foreign key declared on it. */
function setPart(doc: SchemaDocument, table: Table, name: string, at: Placed, set: (id: string | undefined, at: Placed) => void): void {
  const named = [...table.indexes, ...table.uniques, ...table.checks].filter((x): x is typeof x & { name: string } => typeof x.name === 'string');
  const part = byName(named, name);
  if (part) return set(part.id, at);
  const rels = Object.values(doc.relationships).filter((r): r is typeof r & { name: string } => r.fromTableId === table.id && typeof r.name === 'string');
  set(byName(rels, name)?.id, at);
}

/** The element a target points at first, then what contains it (a column's table, a foreign key's first column). */
function candidateIds(target: FindingTarget, doc: SchemaDocument): string[] {
  switch (target.kind) {
    case 'table':
      return [target.tableId];
    case 'column':
      return [target.columnId, target.tableId];
    case 'index':
      return [target.indexId, target.tableId];
    case 'unique':
      return [target.uniqueId, target.tableId];
    case 'check':
      return [target.checkId, target.tableId];
    case 'relationship': {
      const r = doc.relationships[target.relationshipId];
      return r ? [r.id, ...r.columnPairs.map((p) => p.fromColumnId), r.fromTableId] : [];
    }
    case 'enum':
      return [target.enumId];
    case 'view':
      return [target.viewId];
    default:
      return [];
  }
}

/** A Locate over element positions; `fallbackFile` for what has none (the file given on the command line). */
export function positionsLocator(doc: SchemaDocument, positions: ElementPositions, fallbackFile: string): Locate {
  return ({ target }) => {
    for (const id of candidateIds(target, doc)) {
      const at = positions.byId.get(id);
      if (at) return at;
    }
    return { file: fallbackFile };
  };
}

/**
 * Typed builders for documents: used by importers, commands and tests alike, so nobody hand-writes
 * a full element literal (and nobody needs a cast). Every builder fills the required fields with
 * neutral values; pass what differs.
 */
import type { Column, ColumnType, Dialect, Index, LogicalTypeName, Relationship, Routine, SchemaDocument, ScalarType, Table } from './document';
import { emptyDocument } from './empty';
import { newId, type IdFactory } from './ids';

export function scalar(name: LogicalTypeName, extra: Omit<Partial<ScalarType>, 'kind' | 'name'> = {}): ScalarType {
  return { kind: 'scalar', name, ...extra };
}

export type ColumnInit = Partial<Omit<Column, 'name'>> & { name: string };

export function makeColumn(init: ColumnInit, ids: IdFactory = newId): Column {
  return {
    id: init.id ?? ids('col'),
    type: init.type ?? scalar('text'),
    nullable: init.nullable ?? true,
    default: init.default ?? { kind: 'none' },
    ...init,
  };
}

export type TableInit = Partial<Omit<Table, 'name' | 'columns'>> & { name: string; columns?: Column[] };

export function makeTable(init: TableInit, ids: IdFactory = newId): Table {
  return {
    id: init.id ?? ids('tbl'),
    columns: [],
    uniques: [],
    checks: [],
    indexes: [],
    ...init,
  };
}

export type IndexInit = Partial<Omit<Index, 'parts'>> & { parts: Index['parts'] };

export function makeIndex(init: IndexInit, ids: IdFactory = newId): Index {
  return { id: init.id ?? ids('idx'), unique: false, ...init };
}

export type RelationshipInit = Partial<Relationship> & Pick<Relationship, 'fromTableId' | 'toTableId' | 'columnPairs'>;

export function makeRelationship(init: RelationshipInit, ids: IdFactory = newId): Relationship {
  return { id: init.id ?? ids('rel'), onDelete: 'no action', onUpdate: 'no action', enforced: true, ...init };
}

/** A document holding the given elements (records are keyed by each element's id). */
export function documentOf(parts: {
  dialect?: Dialect;
  tables?: Table[];
  relationships?: Relationship[];
  enums?: SchemaDocument['enums'][string][];
  domains?: SchemaDocument['domains'][string][];
  views?: SchemaDocument['views'][string][];
  extensions?: SchemaDocument['extensions'][string][];
  sequences?: SchemaDocument['sequences'][string][];
  routines?: Routine[];
  schemas?: SchemaDocument['schemas'][string][];
  areas?: SchemaDocument['areas'][string][];
  notes?: SchemaDocument['notes'][string][];
}): SchemaDocument {
  const doc = emptyDocument(parts.dialect);
  const put = <T extends { id: string }>(target: Record<string, T>, items: T[] | undefined) => {
    for (const item of items ?? []) target[item.id] = item;
  };
  put(doc.tables, parts.tables);
  put(doc.relationships, parts.relationships);
  put(doc.enums, parts.enums);
  put(doc.domains, parts.domains);
  put(doc.views, parts.views);
  put(doc.extensions, parts.extensions);
  put(doc.sequences, parts.sequences);
  if (parts.routines?.length) put((doc.routines = {}), parts.routines);
  put(doc.schemas, parts.schemas);
  put(doc.areas, parts.areas);
  put(doc.notes, parts.notes);
  return doc;
}

/** Shorthand for the common case in tests: an enum-typed column type. */
export function enumType(enumId: string): ColumnType {
  return { kind: 'enum', enumId };
}

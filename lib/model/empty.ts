import { DOCUMENT_VERSION, type Dialect, type SchemaDocument } from './document';

/** A valid document with nothing in it. */
export function emptyDocument(dialect: Dialect = 'postgres'): SchemaDocument {
  return {
    format: 'draftbase',
    version: DOCUMENT_VERSION,
    settings: { dialect },
    schemas: {},
    tables: {},
    relationships: {},
    enums: {},
    domains: {},
    views: {},
    extensions: {},
    sequences: {},
    areas: {},
    notes: {},
    design: { narrative: {}, requirements: {}, queryPatterns: [] },
    layout: { tables: {}, notes: {} },
  };
}

/**
 * How the schema document (lib/model/document.ts) is merged: which parts are collections of
 * elements merged by id, which objects are merged field by field, and which values are taken whole.
 *
 * Taken whole, because mixing the two sides' parts would make something neither side wrote: a column
 * type, a default, identity and generated settings, a primary key, index parts, relationship column
 * pairs, partitioning, enum values, a sequence's owner (table and column together), a table's position
 * (x and y together) and a note's size.
 */
import type { MergeSpec } from './three-way';

const atomic: MergeSpec = { kind: 'atomic' };
const fields = (f: Record<string, MergeSpec> = {}, groups?: string[][]): MergeSpec => ({ kind: 'object', fields: f, groups });
const record = (item: MergeSpec): MergeSpec => ({ kind: 'record', item });
const list = (item: MergeSpec): MergeSpec => ({ kind: 'list', item });

const table = fields({
  columns: list(fields()),
  uniques: list(fields()),
  checks: list(fields()),
  indexes: list(fields()),
  primaryKey: atomic,
  partitioning: atomic,
  options: atomic,
  // Declared volumes merge per figure (rows from one tab, retention from another); a data size's value
  // and unit are taken together.
  volume: fields({ avgLength: fields() }),
});

export const documentMergeSpec: MergeSpec = fields({
  settings: fields(),
  schemas: record(fields()),
  tables: record(table),
  relationships: record(fields()),
  enums: record(fields()),
  domains: record(fields({ checks: list(fields()) })),
  views: record(fields()),
  extensions: record(fields()),
  sequences: record(fields({ ownedBy: atomic })),
  routines: record(fields()),
  areas: record(fields({ tableIds: { kind: 'idSet' } })),
  notes: record(fields()),
  design: fields({
    narrative: fields(),
    requirements: fields({ notes: fields() }),
    queryPatterns: list(fields({ notes: fields() })),
  }),
  // A rule's setting is taken whole; waivers (keyed by finding, not by id) as one list.
  review: fields({ rules: fields(), waivers: atomic }),
  layout: fields({
    tables: record(fields({}, [['x', 'y']])),
    notes: record(fields({}, [['x', 'y'], ['width', 'height']])),
    viewport: atomic,
  }),
});

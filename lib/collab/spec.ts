/**
 * How the schema document (lib/model/document.ts) is laid out in Yjs types: which parts merge field
 * by field, which are collections of elements keyed by id, which are typed text, which are taken whole.
 * The choices follow the three-way merge's spec (lib/model/merge/document-spec.ts) so a live merge and
 * a save-time merge agree on what "one value" is:
 *
 * - `object`: a Y.Map, one entry per field; concurrent edits of different fields both stay. Fields not
 *   listed are `atomic`. A group (x and y of a position) is one entry, so a merge never takes one
 *   person's x and the other's y. An `optional` object is always there in Yjs (created with its
 *   parent) and marked present by a `?field` entry of the parent: two people creating the table's
 *   volume at once write into one map instead of replacing each other's map.
 * - `record` (elements keyed by id, e.g. tables) and `list` (arrays of elements with ids, e.g. columns):
 *   a Y.Map from id to the element's Y.Map, which also holds the element's order key (`#o`,
 *   order-keys.ts). A record item that is not an object keeps its value under `#v`.
 * - `idSet`: an ordered set of ids (an area's tables): a Y.Map from id to order key.
 * - `text`: a Y.Text; two people typing in one narrative section merge character by character.
 * - `atomic`: a plain JSON value, last writer wins (a column type, a primary key, index parts...).
 */
import { narrativeSectionKeys } from '../model/document';

export type CollabSpec =
  | { kind: 'atomic' }
  | { kind: 'text'; optional?: boolean }
  | { kind: 'object'; fields: Readonly<Record<string, CollabSpec>>; groups?: readonly (readonly string[])[]; optional?: boolean }
  | { kind: 'record'; item: CollabSpec; optional?: boolean }
  | { kind: 'list'; item: ObjectSpec; optional?: boolean }
  | { kind: 'idSet' };

export type ObjectSpec = Extract<CollabSpec, { kind: 'object' }>;
export type ContainerSpec = Extract<CollabSpec, { kind: 'object' | 'record' | 'list' }>;

export const ATOMIC: CollabSpec = { kind: 'atomic' };
const object = (fields: Record<string, CollabSpec> = {}, extra: { groups?: string[][]; optional?: boolean } = {}): ObjectSpec => ({ kind: 'object', fields, ...extra });
const optionalObject = (fields: Record<string, CollabSpec> = {}): ObjectSpec => object(fields, { optional: true });
const record = (item: CollabSpec, optional = false): CollabSpec => ({ kind: 'record', item, optional });
const list = (item: ObjectSpec = object(), optional = false): CollabSpec => ({ kind: 'list', item, optional });

/** Entry keys that are not document fields (ids and field names never start with these characters in a map that holds them). */
export const ORDER_KEY = '#o';
export const VALUE_KEY = '#v';
/** The parent's entry marking an optional container or text as present: `?volume`. */
export const presenceKey = (field: string): string => `?${field}`;
/** The entry of a field group: `x+y`. */
export const groupKey = (group: readonly string[]): string => group.join('+');

const table = object({
  columns: list(),
  uniques: list(),
  checks: list(),
  indexes: list(),
  // Declared volumes merge per figure; the average lengths per column id.
  volume: optionalObject({ avgLength: record(ATOMIC, true) }),
});

const narrative = object(Object.fromEntries(narrativeSectionKeys.map((k) => [k, { kind: 'text', optional: true } as CollabSpec])));

export const documentCollabSpec: ObjectSpec = object({
  settings: object(),
  schemas: record(object()),
  tables: record(table),
  relationships: record(object()),
  enums: record(object()),
  domains: record(object({ checks: list() })),
  views: record(object()),
  extensions: record(object()),
  sequences: record(object()),
  routines: record(object(), true),
  areas: record(object({ tableIds: { kind: 'idSet' } })),
  notes: record(object({ text: { kind: 'text' } })),
  design: object({
    narrative,
    requirements: object({ notes: record(ATOMIC, true) }),
    queryPatterns: list(object({ notes: record(ATOMIC, true) })),
  }),
  review: optionalObject({ rules: record(ATOMIC, true) }),
  governance: optionalObject({ decisions: list(object(), true), risks: list(object(), true) }),
  layout: object({
    tables: record(object({}, { groups: [['x', 'y']] })),
    notes: record(object({}, { groups: [['x', 'y'], ['width', 'height']] })),
  }),
});

export function fieldSpec(spec: ObjectSpec, field: string): CollabSpec {
  return spec.fields[field] ?? ATOMIC;
}

export function groupOf(spec: ObjectSpec, field: string): readonly string[] | undefined {
  return spec.groups?.find((g) => g.includes(field));
}

export function isContainer(spec: CollabSpec): spec is ContainerSpec {
  return spec.kind === 'object' || spec.kind === 'record' || spec.kind === 'list';
}

/** Specs whose Yjs type exists whether or not the document has a value there (see `optional`). */
export function isPreCreated(spec: CollabSpec): boolean {
  return spec.kind === 'text' || isContainer(spec) || spec.kind === 'idSet';
}

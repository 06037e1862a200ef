/**
 * What changed between two versions of a schema document, element by element, matched by stable id:
 * a renamed table is one `changed` entry with `renamed`, never a drop and an add. The walk follows the
 * merge spec (lib/model/merge/document-spec.ts): the collections it merges by id are the elements
 * diffed here, and the values it takes whole (a column type, a primary key, partitioning, enum
 * values...) are compared whole, so a field change here is exactly what a merge would see.
 *
 * Only the schema is compared (schemas, tables and what they hold, relationships, enums, domains,
 * views, extensions, sequences): layout, notes, areas, the design narrative and review settings do not
 * change the database. Two documents from different imports have unrelated ids: align them first
 * (`matchByName`, match-by-name.ts), or call `diffDocuments(from, to, { matchByName: true })`.
 *
 * Pure; linear in the size of both documents.
 */
import type { SchemaDocument } from '../model/document';
import { documentMergeSpec } from '../model/merge/document-spec';
import { deepEqual, isPlainObject, type MergeSpec } from '../model/merge/three-way';
import { alignByName } from './match-by-name';

export type ElementKind =
  | 'schema' | 'table' | 'column' | 'primaryKey' | 'unique' | 'check' | 'index' | 'partitioning'
  | 'relationship' | 'enum' | 'domain' | 'view' | 'extension' | 'sequence';

export const ELEMENT_KINDS: readonly ElementKind[] = ['schema', 'table', 'column', 'primaryKey', 'unique', 'check', 'index', 'partitioning', 'relationship', 'enum', 'domain', 'view', 'extension', 'sequence'];

export type ChangeKind = 'added' | 'removed' | 'changed';

/** One field of an element that changed: `old` / `new` are the whole values (undefined = absent). */
export interface FieldChange {
  /** The field's name (`name`, `type`, `nullable`, `default`, `comment`, `columnIds`...). */
  field: string;
  old: unknown;
  new: unknown;
}

export interface DiffEntry {
  change: ChangeKind;
  kind: ElementKind;
  /** The element's id; for `primaryKey` and `partitioning`, the table's id. */
  id: string;
  /** The table (or domain, for a domain's check) the element belongs to. */
  parentId?: string;
  /** Its name in the newer version (the older one when removed); a relationship without one: `from -> to`. */
  name: string;
  /** The changed fields (changed entries only; empty when only the position moved). */
  fields: FieldChange[];
  /** Set when the name changed: a rename, not a drop and an add. */
  renamed?: { from: string; to: string };
  /** Enum values: added, removed, and whether the values both versions have are in another order. */
  enumValues?: { added: string[]; removed: string[]; reordered: boolean };
  /** A column whose position among the columns both versions have changed. */
  moved?: boolean;
}

export interface DocumentDiff {
  entries: DiffEntry[];
  /** Per kind: how many added, removed, changed. */
  counts: Record<ElementKind, Record<ChangeKind, number>>;
  /** No entries: the two versions create the same database. */
  identical: boolean;
}

export interface DiffOptions {
  /**
   * The documents come from different imports (unrelated ids): elements are matched by name first
   * (tables by schema and name, columns by name within their table, constraints by name or columns).
   */
  matchByName?: boolean;
}

const SCHEMA_PARTS: readonly [string, ElementKind][] = [
  ['schemas', 'schema'], ['extensions', 'extension'], ['enums', 'enum'], ['domains', 'domain'], ['sequences', 'sequence'],
  ['tables', 'table'], ['relationships', 'relationship'], ['views', 'view'],
];

const CHILD_KINDS: Readonly<Record<string, ElementKind>> = { columns: 'column', uniques: 'unique', checks: 'check', indexes: 'index' };
/** Table fields diffed as elements of their own (the merge spec takes them whole). */
const OWN_ELEMENT_FIELDS: Readonly<Record<string, ElementKind>> = { primaryKey: 'primaryKey', partitioning: 'partitioning' };

export function diffDocuments(from: SchemaDocument, to: SchemaDocument, options: DiffOptions = {}): DocumentDiff {
  const target = options.matchByName ? alignByName(from, to) : to;
  const entries: DiffEntry[] = [];
  const top = fieldsOf(documentMergeSpec);
  for (const [part, kind] of SCHEMA_PARTS) {
    const item = top[part]?.kind === 'record' ? (top[part] as { item: MergeSpec }).item : { kind: 'atomic' as const };
    diffCollection(entries, kind, item, entriesOf(from[part as keyof SchemaDocument]), entriesOf(target[part as keyof SchemaDocument]), undefined, from, target);
  }
  const counts = Object.fromEntries(ELEMENT_KINDS.map((k) => [k, { added: 0, removed: 0, changed: 0 }])) as DocumentDiff['counts'];
  for (const e of entries) counts[e.kind][e.change]++;
  return { entries, counts, identical: entries.length === 0 };
}

function fieldsOf(spec: MergeSpec): Readonly<Record<string, MergeSpec>> {
  return spec.kind === 'object' ? (spec.fields ?? {}) : {};
}

/** `[id, element]` of a record keyed by id or a list of elements with ids. */
function entriesOf(v: unknown): [string, Record<string, unknown>][] {
  if (Array.isArray(v)) return v.filter(isPlainObject).map((el) => [String(el.id), el]);
  if (isPlainObject(v)) return Object.entries(v).filter((e): e is [string, Record<string, unknown>] => isPlainObject(e[1]));
  return [];
}

function nameOf(kind: ElementKind, el: Record<string, unknown>, docs: readonly SchemaDocument[]): string {
  if (typeof el.name === 'string') return el.name;
  if (kind === 'relationship') {
    const t = (id: unknown) => docs.map((d) => d.tables[String(id)]?.name).find(Boolean) ?? String(id);
    return `${t(el.fromTableId)} -> ${t(el.toTableId)}`;
  }
  if (kind === 'check' && typeof el.expression === 'string') return el.expression;
  if ((kind === 'unique' || kind === 'index') && Array.isArray(el.columnIds ?? el.parts)) return String(el.id);
  return String(el.id);
}

function diffCollection(
  out: DiffEntry[],
  kind: ElementKind,
  item: MergeSpec,
  a: [string, Record<string, unknown>][],
  b: [string, Record<string, unknown>][],
  parentId: string | undefined,
  from: SchemaDocument,
  to: SchemaDocument,
): void {
  const A = new Map(a);
  const B = new Map(b);
  const docs = [to, from];
  const base = (change: ChangeKind, id: string, el: Record<string, unknown>): DiffEntry => {
    const e: DiffEntry = { change, kind, id, name: nameOf(kind, el, docs), fields: [] };
    if (parentId !== undefined) e.parentId = parentId;
    return e;
  };
  // Position changes among the elements both have (columns: a move; PostgreSQL cannot reorder).
  const moved = kind === 'column' ? movedIds(a.map(([id]) => id).filter((id) => B.has(id)), b.map(([id]) => id).filter((id) => A.has(id))) : undefined;
  for (const [id, old] of a) {
    const next = B.get(id);
    if (!next) {
      out.push(base('removed', id, old));
      continue;
    }
    if (deepEqual(old, next) && !moved?.has(id)) continue;
    const entry = base('changed', id, next);
    const children: DiffEntry[] = [];
    const spec = fieldsOf(item);
    for (const field of unionKeys(old, next)) {
      if (field === 'id') continue;
      const ov = old[field];
      const nv = next[field];
      if (deepEqual(ov, nv)) continue;
      const fs = spec[field];
      const childKind = CHILD_KINDS[field];
      if (childKind && fs && (fs.kind === 'list' || fs.kind === 'record')) {
        diffCollection(children, childKind, fs.item, entriesOf(ov), entriesOf(nv), id, from, to);
        continue;
      }
      const own = kind === 'table' ? OWN_ELEMENT_FIELDS[field] : undefined;
      if (own) {
        const e: DiffEntry = { change: ov === undefined ? 'added' : nv === undefined ? 'removed' : 'changed', kind: own, id, parentId: id, name: own === 'primaryKey' ? primaryKeyName(next, old) : String(next.name), fields: [] };
        if (e.change === 'changed') e.fields = objectFieldChanges(ov, nv);
        children.push(e);
        continue;
      }
      entry.fields.push({ field, old: ov, new: nv });
    }
    const rename = entry.fields.find((f) => f.field === 'name');
    if (rename && typeof rename.old === 'string' && typeof rename.new === 'string') entry.renamed = { from: rename.old, to: rename.new };
    if (kind === 'enum') {
      const values = entry.fields.find((f) => f.field === 'values');
      if (values) entry.enumValues = enumValueChanges(values.old as string[], values.new as string[]);
    }
    if (moved?.has(id)) entry.moved = true;
    if (entry.fields.length || entry.moved) out.push(entry);
    for (const c of children) out.push(c);
  }
  for (const [id, el] of b) if (!A.has(id)) out.push(base('added', id, el));
}

function primaryKeyName(next: Record<string, unknown>, old: Record<string, unknown>): string {
  const pk = (next.primaryKey ?? old.primaryKey) as { name?: string } | undefined;
  return pk?.name ?? `${String(next.name)} primary key`;
}

/** The fields of two objects that differ (a primary key's name and columns, partitioning's parts). */
function objectFieldChanges(a: unknown, b: unknown): FieldChange[] {
  if (!isPlainObject(a) || !isPlainObject(b)) return [{ field: 'value', old: a, new: b }];
  return unionKeys(a, b).filter((k) => !deepEqual(a[k], b[k])).map((k) => ({ field: k, old: a[k], new: b[k] }));
}

function unionKeys(a: Record<string, unknown>, b: Record<string, unknown>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}

export function enumValueChanges(a: readonly string[], b: readonly string[]): { added: string[]; removed: string[]; reordered: boolean } {
  const inA = new Set(a);
  const inB = new Set(b);
  const kept = a.filter((v) => inB.has(v));
  const keptB = b.filter((v) => inA.has(v));
  return { added: b.filter((v) => !inA.has(v)), removed: a.filter((v) => !inB.has(v)), reordered: kept.some((v, i) => keptB[i] !== v) };
}

/**
 * Ids whose position changed, as few as possible: everything outside a longest run kept in order
 * (a longest increasing subsequence of the new positions), so moving one column marks that column only.
 */
function movedIds(before: readonly string[], after: readonly string[]): Set<string> | undefined {
  if (before.length === after.length && before.every((id, i) => after[i] === id)) return undefined;
  const pos = new Map(after.map((id, i) => [id, i]));
  const seq = before.map((id) => pos.get(id)!);
  // Patience sorting: O(n log n).
  const tails: number[] = [];
  const tailIdx: number[] = [];
  const prev: number[] = new Array(seq.length).fill(-1);
  seq.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tails[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = v;
    tailIdx[lo] = i;
    prev[i] = lo > 0 ? tailIdx[lo - 1] : -1;
  });
  const keep = new Set<number>();
  for (let i = tailIdx[tails.length - 1] ?? -1; i >= 0; i = prev[i]) keep.add(i);
  return new Set(before.filter((_, i) => !keep.has(i)));
}

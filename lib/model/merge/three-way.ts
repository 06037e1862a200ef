/**
 * A three-way merge of JSON trees (base = the common ancestor, mine, theirs), guided by a spec that
 * says which parts are collections of elements with ids and which are single values. Collections
 * are merged element by element, by id: what one side changed and the other left alone is taken;
 * an element one side added is kept; an element one side removed goes, unless the other side changed
 * it (a conflict). A value both sides changed differently is a conflict, resolved as the caller
 * chooses (mine by default), and always reported with both values: nothing is decided silently.
 *
 * Pure and generic: lib/model/merge/merge-documents.ts applies it to the schema document.
 */

export type MergeSpec =
  /** Compared and taken as a whole (a column type, a position, an array without ids). */
  | { kind: 'atomic' }
  /**
   * Merged field by field (fields not listed are atomic). A group of fields is merged as one value,
   * e.g. `x` and `y` of a position, so a merge never takes one side's x and the other's y.
   */
  | { kind: 'object'; fields?: Readonly<Record<string, MergeSpec>>; groups?: readonly (readonly string[])[] }
  /** An object keyed by id (key order is display order). */
  | { kind: 'record'; item: MergeSpec }
  /** An array of objects with a string `id`. */
  | { kind: 'list'; item: MergeSpec }
  /** An array of distinct strings used as an ordered set (e.g. the table ids of an area). */
  | { kind: 'idSet' };

export type Side = 'mine' | 'theirs';

export type ConflictKind =
  /** Both sides changed the value, differently. */
  | 'both-changed'
  /** Mine removed the element; theirs changed it. */
  | 'mine-removed'
  /** Theirs removed the element; mine changed it. */
  | 'theirs-removed'
  /** Both sides added an element with the same id, differently. */
  | 'both-added';

/** Path segments: field names and element ids; `#order` for the order of a collection, `a+b` for a field group. */
export type MergePath = readonly string[];

export interface TreeConflict {
  /** Stable key of the conflict (the path as JSON): the key of its resolution. */
  id: string;
  path: MergePath;
  kind: ConflictKind;
  /** `undefined` = absent on that side. For an order conflict: the ids in each side's order. */
  base: unknown;
  mine: unknown;
  theirs: unknown;
  /** Which side's value the merged tree holds. */
  resolution: Side;
}

export interface TreeMerge {
  value: unknown;
  conflicts: TreeConflict[];
}

export const ORDER_SEGMENT = '#order';
const ATOMIC: MergeSpec = { kind: 'atomic' };

export function conflictId(path: MergePath): string {
  return JSON.stringify(path);
}

export function mergeTree(spec: MergeSpec, base: unknown, mine: unknown, theirs: unknown, resolutions: Readonly<Record<string, Side>> = {}): TreeMerge {
  const conflicts: TreeConflict[] = [];
  const conflict = (path: MergePath, kind: ConflictKind, b: unknown, m: unknown, t: unknown): unknown => {
    const id = conflictId(path);
    const resolution: Side = resolutions[id] === 'theirs' ? 'theirs' : 'mine';
    conflicts.push({ id, path, kind, base: b, mine: m, theirs: t, resolution });
    return resolution === 'theirs' ? t : m;
  };

  const node = (s: MergeSpec, b: unknown, m: unknown, t: unknown, path: MergePath): unknown => {
    if (deepEqual(m, t)) return m;
    if (deepEqual(b, m)) return t;
    if (deepEqual(b, t)) return m;
    if (m === undefined) return conflict(path, 'mine-removed', b, m, t);
    if (t === undefined) return conflict(path, 'theirs-removed', b, m, t);
    if (b === undefined) return conflict(path, 'both-added', b, m, t);
    switch (s.kind) {
      case 'object':
        if (isPlainObject(b) && isPlainObject(m) && isPlainObject(t)) return object(s, b, m, t, path);
        break;
      case 'record':
        if (isPlainObject(b) && isPlainObject(m) && isPlainObject(t)) {
          return Object.fromEntries(keyed(s.item, Object.entries(b), Object.entries(m), Object.entries(t), path));
        }
        break;
      case 'list': {
        const [lb, lm, lt] = [idEntries(b), idEntries(m), idEntries(t)];
        if (lb && lm && lt) return keyed(s.item, lb, lm, lt, path).map(([, v]) => v);
        break;
      }
      case 'idSet': {
        const [sb, sm, st] = [setEntries(b), setEntries(m), setEntries(t)];
        if (sb && sm && st) return keyed(ATOMIC, sb, sm, st, path).map(([id]) => id);
        break;
      }
      case 'atomic':
        break;
    }
    return conflict(path, 'both-changed', b, m, t);
  };

  const object = (
    s: Extract<MergeSpec, { kind: 'object' }>,
    b: Record<string, unknown>,
    m: Record<string, unknown>,
    t: Record<string, unknown>,
    path: MergePath,
  ): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const done = new Set<string>();
    for (const key of unique([...Object.keys(m), ...Object.keys(t), ...Object.keys(b)])) {
      if (done.has(key)) continue;
      const group = s.groups?.find((g) => g.includes(key));
      if (group) {
        group.forEach((k) => done.add(k));
        const merged = node(ATOMIC, pick(b, group), pick(m, group), pick(t, group), [...path, group.join('+')]);
        if (isPlainObject(merged)) for (const k of group) if (merged[k] !== undefined) out[k] = merged[k];
        continue;
      }
      done.add(key);
      const merged = node(s.fields?.[key] ?? ATOMIC, b[key], m[key], t[key], [...path, key]);
      if (merged !== undefined) out[key] = merged;
    }
    return out;
  };

  /** Merges collections given as [id, value] entries; returns the merged entries in merged order. */
  const keyed = (
    item: MergeSpec,
    b: [string, unknown][],
    m: [string, unknown][],
    t: [string, unknown][],
    path: MergePath,
  ): [string, unknown][] => {
    const [B, M, T] = [new Map(b), new Map(m), new Map(t)];
    const result = new Map<string, unknown>();
    for (const id of unique([...M.keys(), ...T.keys(), ...B.keys()])) {
      const p = [...path, id];
      const v = node(item, B.get(id), M.get(id), T.get(id), p);
      if (v !== undefined) result.set(id, v);
    }
    return orderEntries(result, [...B.keys()], [...M.keys()], [...T.keys()], path);
  };

  /**
   * The merged order: the order of the elements all three share is taken from the side that changed
   * it (both changing it differently is a conflict); then each side's additions go after the element
   * they follow on that side (theirs after mine's when both added at the same spot, as if mine's
   * edits were applied first).
   */
  const orderEntries = (result: Map<string, unknown>, b: string[], m: string[], t: string[], path: MergePath): [string, unknown][] => {
    const inM = new Set(m);
    const inT = new Set(t);
    const shared = new Set(b.filter((id) => inM.has(id) && inT.has(id) && result.has(id)));
    const [ob, om, ot] = [b, m, t].map((ids) => ids.filter((id) => shared.has(id)));
    let skeleton: string[];
    if (sameArray(om, ob)) skeleton = ot;
    else if (sameArray(ot, ob) || sameArray(om, ot)) skeleton = om;
    else skeleton = conflict([...path, ORDER_SEGMENT], 'both-changed', ob, om, ot) as string[];

    const order = [...skeleton];
    const placed = new Set(order);
    const addedByMine = new Set<string>();
    const insertFrom = (sequence: string[], skip: Set<string> | undefined) => {
      let anchor: string | undefined;
      for (const id of sequence) {
        if (placed.has(id)) {
          anchor = id;
          continue;
        }
        if (!result.has(id)) continue;
        let at = anchor === undefined ? 0 : order.indexOf(anchor) + 1;
        while (skip && at < order.length && skip.has(order[at])) at++;
        order.splice(at, 0, id);
        placed.add(id);
        if (!skip) addedByMine.add(id);
        anchor = id;
      }
    };
    insertFrom(m, undefined);
    insertFrom(t, addedByMine);
    for (const id of result.keys()) if (!placed.has(id)) order.push(id);
    return order.map((id) => [id, result.get(id)]);
  };

  const value = node(spec, base, mine, theirs, []);
  return { value, conflicts };
}

// ---------------------------------------------------------------------------------------------

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Structural equality of JSON values; object key order is ignored and a key holding `undefined` counts as absent. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!deepEqual(ra[k], rb[k])) return false;
  return true;
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

function sameArray(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function pick(obj: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return Object.keys(out).length ? out : undefined;
}

/** `[id, element]` entries of an array of elements with distinct string ids; undefined otherwise. */
function idEntries(v: unknown): [string, unknown][] | undefined {
  if (!Array.isArray(v)) return undefined;
  const out: [string, unknown][] = [];
  const seen = new Set<string>();
  for (const el of v) {
    const id = isPlainObject(el) ? el.id : undefined;
    if (typeof id !== 'string' || seen.has(id)) return undefined;
    seen.add(id);
    out.push([id, el]);
  }
  return out;
}

function setEntries(v: unknown): [string, unknown][] | undefined {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string') || new Set(v).size !== v.length) return undefined;
  return v.map((id: string) => [id, id]);
}

/**
 * Reading and writing plain JSON values in Yjs types laid out by a CollabSpec (spec.ts). Writes are
 * minimal: a value equal to what is there writes nothing, an element whose order is unchanged keeps
 * its order key, text changes only between the common prefix and suffix. That is what makes a
 * concurrent edit of another field, element or character survive the merge.
 *
 * Reads are canonical: an object's fields in sorted order, collections in (order key, id) order, so
 * every replica that holds the same Yjs state reads the same bytes.
 */
import * as Y from 'yjs';
import { deepEqual, cloneJson } from './json';
import { compareOrdered, keyBetween, reorderKeys, spreadKeys } from './order-keys';
import {
  ATOMIC, ORDER_KEY, VALUE_KEY, fieldSpec, groupKey, groupOf, isPreCreated, presenceKey,
  type CollabSpec, type ObjectSpec,
} from './spec';

type YMap = Y.Map<unknown>;
type Plain = Record<string, unknown>;

function isPlain(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function setFlag(map: YMap, key: string, on: boolean): void {
  if (on) {
    if (map.get(key) !== true) map.set(key, true);
  } else if (map.has(key)) {
    map.delete(key);
  }
}

/** Creates the texts and containers an object's Y.Map always has (see `optional` in spec.ts). */
export function preCreate(spec: ObjectSpec, map: YMap): void {
  for (const [field, fs] of Object.entries(spec.fields)) {
    if (map.has(field)) continue;
    if (fs.kind === 'text') map.set(field, new Y.Text());
    else if (fs.kind === 'object') preCreate(fs, setNewMap(map, field));
    else if (fs.kind === 'record' || fs.kind === 'list' || fs.kind === 'idSet') setNewMap(map, field);
  }
}

function setNewMap(parent: YMap, key: string): YMap {
  const m = new Y.Map<unknown>();
  parent.set(key, m);
  return m;
}

// ---------------------------------------------------------------------------------------------
// Reading

export function readSlot(spec: CollabSpec, map: YMap, key: string): unknown {
  switch (spec.kind) {
    case 'atomic': {
      const v = map.get(key);
      return v === undefined || v instanceof Y.AbstractType ? undefined : cloneJson(v);
    }
    case 'text': {
      const t = map.get(key);
      const s = t instanceof Y.Text ? t.toString() : '';
      if (spec.optional && s === '' && map.get(presenceKey(key)) !== true) return undefined;
      return s;
    }
    case 'idSet': {
      const m = map.get(key);
      return m instanceof Y.Map ? readIdSet(m) : [];
    }
    default: {
      const c = map.get(key);
      if (!(c instanceof Y.Map)) return undefined;
      if (spec.optional && map.get(presenceKey(key)) !== true) return undefined;
      if (spec.kind === 'object') return readObject(spec, c);
      if (spec.kind === 'record') return readRecord(spec.item, c);
      return readOrdered(c).map(([, entry]) => readObject(spec.item, entry));
    }
  }
}

export function readObject(spec: ObjectSpec, map: YMap): Plain {
  const out: Plain = {};
  for (const key of [...map.keys()].sort()) {
    if (key.startsWith('?') || key.startsWith('#')) continue;
    const group = spec.groups?.find((g) => groupKey(g) === key);
    if (group) {
      const v = map.get(key);
      if (isPlain(v)) for (const f of group) if (v[f] !== undefined) out[f] = cloneJson(v[f]);
      continue;
    }
    const v = readSlot(fieldSpec(spec, key), map, key);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** The entries of a record or list map in (order key, id) order. */
function readOrdered(map: YMap): [string, YMap][] {
  const entries: { id: string; key: string; entry: YMap }[] = [];
  for (const [id, entry] of map.entries()) {
    if (!(entry instanceof Y.Map)) continue;
    const key = entry.get(ORDER_KEY);
    entries.push({ id, key: typeof key === 'string' ? key : '', entry });
  }
  entries.sort(compareOrdered);
  return entries.map((e) => [e.id, e.entry]);
}

export function readRecord(item: CollabSpec, map: YMap): Plain {
  const out: Plain = {};
  for (const [id, entry] of readOrdered(map)) out[id] = readEntryValue(item, entry);
  return out;
}

export function readEntryValue(item: CollabSpec, entry: YMap): unknown {
  return item.kind === 'object' ? readObject(item, entry) : readSlot(item, entry, VALUE_KEY);
}

function readIdSet(map: YMap): string[] {
  const entries: { id: string; key: string }[] = [];
  for (const [id, key] of map.entries()) entries.push({ id, key: typeof key === 'string' ? key : '' });
  return entries.sort(compareOrdered).map((e) => e.id);
}

/** The ids of a record in order, without reading the elements. */
export function recordOrder(map: YMap): string[] {
  return readOrdered(map).map(([id]) => id);
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Makes slot `key` of object map `map` hold `value` (undefined = absent). */
export function writeSlot(spec: CollabSpec, map: YMap, key: string, value: unknown): void {
  switch (spec.kind) {
    case 'atomic': {
      if (value === undefined) {
        if (map.has(key)) map.delete(key);
        return;
      }
      const current = map.get(key);
      if (current === undefined || current instanceof Y.AbstractType || !deepEqual(current, value)) map.set(key, cloneJson(value));
      return;
    }
    case 'text': {
      let t = map.get(key);
      if (!(t instanceof Y.Text)) {
        t = new Y.Text();
        map.set(key, t);
      }
      writeText(t as Y.Text, typeof value === 'string' ? value : '');
      if (spec.optional) setFlag(map, presenceKey(key), value === '');
      return;
    }
    case 'idSet': {
      let m = map.get(key);
      if (!(m instanceof Y.Map)) m = setNewMap(map, key);
      writeIdSet(m as YMap, Array.isArray(value) ? value.map(String) : []);
      return;
    }
    default: {
      let c = map.get(key);
      if (value === undefined && !spec.optional) {
        if (map.has(key)) map.delete(key);
        return;
      }
      if (!(c instanceof Y.Map)) {
        c = setNewMap(map, key);
        if (spec.kind === 'object') preCreate(spec, c as YMap);
      }
      const m = c as YMap;
      if (spec.kind === 'object') writeObject(spec, m, isPlain(value) ? value : {});
      else if (spec.kind === 'record') writeRecord(spec.item, m, isPlain(value) ? value : {});
      else writeList(spec.item, m, Array.isArray(value) ? value : []);
      if (spec.optional) setFlag(map, presenceKey(key), value !== undefined);
    }
  }
}

export function writeObject(spec: ObjectSpec, map: YMap, value: Plain): void {
  const written = new Set<string>();
  for (const [field, v] of Object.entries(value)) {
    if (v === undefined || groupOf(spec, field)) continue;
    written.add(field);
    writeSlot(fieldSpec(spec, field), map, field, v);
  }
  for (const group of spec.groups ?? []) {
    const present = group.filter((f) => value[f] !== undefined);
    const key = groupKey(group);
    written.add(key);
    writeSlot(ATOMIC, map, key, present.length ? Object.fromEntries(present.map((f) => [f, value[f]])) : undefined);
  }
  for (const key of [...map.keys()]) {
    if (written.has(key) || key.startsWith('?') || key.startsWith('#')) continue;
    const fs = fieldSpec(spec, key);
    if (isPreCreated(fs)) writeSlot(fs, map, key, undefined);
    else map.delete(key);
  }
}

function entryOf(item: CollabSpec, map: YMap, id: string): { entry: YMap; created: boolean } {
  const existing = map.get(id);
  if (existing instanceof Y.Map) return { entry: existing, created: false };
  const entry = setNewMap(map, id);
  if (item.kind === 'object') preCreate(item, entry);
  return { entry, created: true };
}

function writeEntryValue(item: CollabSpec, entry: YMap, value: unknown): void {
  if (item.kind === 'object') writeObject(item, entry, isPlain(value) ? value : {});
  else writeSlot(item, entry, VALUE_KEY, value);
}

export function writeRecord(item: CollabSpec, map: YMap, value: Plain): void {
  writeElements(item, map, Object.keys(value), (id) => value[id]);
}

function writeList(item: ObjectSpec, map: YMap, value: unknown[]): void {
  const byId = new Map<string, unknown>();
  for (const el of value) if (isPlain(el) && typeof el.id === 'string') byId.set(el.id, el);
  writeElements(item, map, [...byId.keys()], (id) => byId.get(id));
}

function writeElements(item: CollabSpec, map: YMap, ids: string[], valueOf: (id: string) => unknown): void {
  const keep = new Set(ids);
  for (const id of [...map.keys()]) if (!keep.has(id)) map.delete(id);
  const entries = ids.map((id) => {
    const { entry } = entryOf(item, map, id);
    writeEntryValue(item, entry, valueOf(id));
    return entry;
  });
  const current = entries.map((e) => {
    const k = e.get(ORDER_KEY);
    return typeof k === 'string' ? k : undefined;
  });
  const spread = current.every((k) => k === undefined) ? spreadKeys(ids.length) : undefined;
  const keys = spread ? new Map(ids.map((id, i) => [id, spread[i]])) : reorderKeys(ids, current);
  entries.forEach((e, i) => {
    const k = keys.get(ids[i]);
    if (k !== undefined) e.set(ORDER_KEY, k);
  });
}

/**
 * Writes one element of a record (undefined removes it). A new element goes after the last one, as a
 * key added to a JavaScript object does.
 */
export function writeRecordEntry(item: CollabSpec, map: YMap, id: string, value: unknown): void {
  if (value === undefined) {
    if (map.has(id)) map.delete(id);
    return;
  }
  const { entry, created } = entryOf(item, map, id);
  writeEntryValue(item, entry, value);
  if (created) {
    let last: string | undefined;
    for (const [other, e] of map.entries()) {
      if (other === id || !(e instanceof Y.Map)) continue;
      const k = e.get(ORDER_KEY);
      if (typeof k === 'string' && (last === undefined || k > last)) last = k;
    }
    entry.set(ORDER_KEY, keyBetween(last, undefined));
  }
}

function writeIdSet(map: YMap, ids: string[]): void {
  const unique = [...new Set(ids)];
  const keep = new Set(unique);
  for (const id of [...map.keys()]) if (!keep.has(id)) map.delete(id);
  const current = unique.map((id) => {
    const k = map.get(id);
    return typeof k === 'string' ? k : undefined;
  });
  const spread = current.every((k) => k === undefined) ? spreadKeys(unique.length) : undefined;
  const keys = spread ? new Map(unique.map((id, i) => [id, spread[i]])) : reorderKeys(unique, current);
  for (const [id, k] of keys) map.set(id, k);
}

/** Replaces only what changed between the common prefix and suffix, so concurrent typing elsewhere in the text survives. */
export function writeText(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  let start = 0;
  const max = Math.min(current.length, next.length);
  while (start < max && current.charCodeAt(start) === next.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && current.charCodeAt(current.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++;
  // Never split a surrogate pair.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end--;
  const removed = current.length - start - end;
  if (removed > 0) text.delete(start, removed);
  const inserted = next.slice(start, next.length - end);
  if (inserted) text.insert(start, inserted);
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * Anchors: the places where a change is read from or written to the shared document. An anchor is
 * a document path that ends at an object field or a record element; it never goes inside an ordered
 * list (a list is re-read and rewritten whole, by id, so positions never travel), a field group (x
 * and y together), or an optional container (whose presence is part of its value).
 *
 * Both directions use them: immer patch paths -> anchors (local edits, apply-patches.ts), Yjs event
 * paths -> anchors (remote edits, remote.ts).
 */
import * as Y from 'yjs';
import { readEntryValue, readObject, readSlot, writeObject, writeRecordEntry, writeSlot } from './y-tree';
import { documentCollabSpec, fieldSpec, groupKey, groupOf, ORDER_KEY, type CollabSpec, type ObjectSpec } from './spec';

type YMap = Y.Map<unknown>;
export type Anchor = readonly string[];

/** Descends into an object field or a record's elements when the anchor may go deeper than it. */
function descends(spec: CollabSpec): spec is ObjectSpec | Extract<CollabSpec, { kind: 'record' }> {
  return (spec.kind === 'object' || spec.kind === 'record') && !spec.optional;
}

/** How many segments of an immer patch path make its anchor. */
export function anchorLength(path: readonly (string | number)[], root: ObjectSpec = documentCollabSpec): number {
  let spec: CollabSpec = root;
  for (let i = 0; i < path.length; i++) {
    const seg = String(path[i]);
    if (spec.kind === 'object') {
      if (groupOf(spec, seg)) return i;
      const fs = fieldSpec(spec, seg);
      if (!descends(fs)) return i + 1;
      spec = fs;
    } else if (spec.kind === 'record') {
      if (spec.item.kind !== 'object') return i + 1;
      spec = spec.item;
    } else {
      return i;
    }
  }
  return path.length;
}

export interface YAnchor {
  anchor: Anchor;
  /** The record (by path) whose element order changed: an element added, or its order key written. */
  reordered?: Anchor;
}

/** The anchor of a change at Yjs path `yPath` (map keys from the root map down to the changed key). */
export function anchorOfYPath(yPath: readonly string[], added = false, root: ObjectSpec = documentCollabSpec): YAnchor {
  let spec: CollabSpec = root;
  const out: string[] = [];
  for (let i = 0; i < yPath.length; i++) {
    const seg = yPath[i];
    if (spec.kind === 'object') {
      if (seg.startsWith('?')) return { anchor: [...out, seg.slice(1)] };
      if (spec.groups?.some((g) => groupKey(g) === seg)) return { anchor: out };
      const fs = fieldSpec(spec, seg);
      out.push(seg);
      if (!descends(fs)) return { anchor: out };
      spec = fs;
    } else if (spec.kind === 'record') {
      out.push(seg);
      const reordered = (added && i === yPath.length - 1) || yPath[i + 1] === ORDER_KEY ? out.slice(0, -1) : undefined;
      if (spec.item.kind !== 'object' || reordered) return { anchor: out, reordered };
      spec = spec.item;
    } else {
      return { anchor: out };
    }
  }
  return { anchor: out };
}

/** Drops every anchor that lies under another one (the outer one is read or written whole). */
export function collapseAnchors(anchors: readonly Anchor[]): Anchor[] {
  const sorted = [...anchors].sort((a, b) => a.length - b.length);
  const kept = new Set<string>();
  const out: Anchor[] = [];
  for (const a of sorted) {
    let covered = false;
    for (let n = 0; n <= a.length && !covered; n++) covered = kept.has(a.slice(0, n).join('\u0000') + `\u0001${n}`);
    if (covered) continue;
    kept.add(a.join('\u0000') + `\u0001${a.length}`);
    out.push(a);
  }
  return out;
}

type Slot =
  | { kind: 'root'; map: YMap; spec: ObjectSpec }
  | { kind: 'field'; map: YMap; key: string; spec: CollabSpec }
  | { kind: 'entry'; map: YMap; key: string; item: CollabSpec };

/** The Yjs place of an anchor; undefined when a container on the way does not exist (removed). */
function locate(rootMap: YMap, anchor: Anchor, root: ObjectSpec): Slot | undefined {
  if (anchor.length === 0) return { kind: 'root', map: rootMap, spec: root };
  let spec: CollabSpec = root;
  let map = rootMap;
  for (let i = 0; i < anchor.length; i++) {
    const seg = anchor[i];
    const last = i === anchor.length - 1;
    if (spec.kind === 'object') {
      const fs = fieldSpec(spec, seg);
      if (last) return { kind: 'field', map, key: seg, spec: fs };
      const next = map.get(seg);
      if (!(next instanceof Y.Map)) return undefined;
      spec = fs;
      map = next;
    } else if (spec.kind === 'record') {
      if (last) return { kind: 'entry', map, key: seg, item: spec.item };
      const next = map.get(seg);
      if (!(next instanceof Y.Map) || spec.item.kind !== 'object') return undefined;
      spec = spec.item;
      map = next;
    } else {
      return undefined;
    }
  }
  return undefined;
}

/** The value at an anchor, read from Yjs (undefined = absent). */
export function readAnchor(rootMap: YMap, anchor: Anchor, root: ObjectSpec = documentCollabSpec): unknown {
  const slot = locate(rootMap, anchor, root);
  if (!slot) return undefined;
  if (slot.kind === 'root') return readObject(slot.spec, slot.map);
  if (slot.kind === 'field') return readSlot(slot.spec, slot.map, slot.key);
  const entry = slot.map.get(slot.key);
  return entry instanceof Y.Map ? readEntryValue(slot.item, entry) : undefined;
}

/** Writes the value at an anchor (undefined removes it). Returns false when its container is gone. */
export function writeAnchor(rootMap: YMap, anchor: Anchor, value: unknown, root: ObjectSpec = documentCollabSpec): boolean {
  const slot = locate(rootMap, anchor, root);
  if (!slot) return false;
  if (slot.kind === 'root') writeObject(slot.spec, slot.map, (value ?? {}) as Record<string, unknown>);
  else if (slot.kind === 'field') writeSlot(slot.spec, slot.map, slot.key, value);
  else writeRecordEntry(slot.item, slot.map, slot.key, value);
  return true;
}

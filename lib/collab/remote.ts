/**
 * Remote edits -> the store: the Yjs events of a transaction someone else made (another replica, or
 * this user's Y.UndoManager) become a new document, with immer patches for whoever wants them.
 * Only the anchors the events touched are read from Yjs; everything else is the previous document's
 * own objects (structural sharing), so a one-column edit in a 1,000-table document costs one table.
 *
 * The flow is one-way: transactions whose origin is local (the user's own commands, repairs written
 * by this replica) are skipped, since the store already holds them; nothing read here is written back.
 */
import { enablePatches, produceWithPatches, type Draft, type Patch } from 'immer';
import * as Y from 'yjs';
import type { SchemaDocument } from '../model/document';
import { anchorOfYPath, collapseAnchors, readAnchor, type Anchor } from './anchors';
import { rootMapOf } from './y-document';
import { recordOrder } from './y-tree';

enablePatches();

export interface RemoteChange {
  doc: SchemaDocument;
  patches: Patch[];
  inversePatches: Patch[];
  /** The anchors read from Yjs (document paths). */
  anchors: Anchor[];
}

/** The anchors a transaction's events touched, and the records whose order changed. */
export function anchorsOfEvents(events: readonly Y.YEvent<Y.AbstractType<unknown>>[]): { anchors: Anchor[]; reordered: Anchor[] } {
  const anchors: Anchor[] = [];
  const reordered: Anchor[] = [];
  for (const event of events) {
    const path = event.path.map(String);
    if (event.target instanceof Y.Map) {
      for (const [key, change] of event.changes.keys) {
        const a = anchorOfYPath([...path, key], change.action === 'add');
        anchors.push(a.anchor);
        if (a.reordered) reordered.push(a.reordered);
      }
    } else {
      anchors.push(anchorOfYPath(path).anchor);
    }
  }
  return { anchors, reordered };
}

function getIn(obj: unknown, path: Anchor): unknown {
  let node = obj;
  for (const seg of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Re-reads `anchors` from the Y.Doc into `doc` and puts reordered records in the Y.Doc's order. */
export function refreshFromY(doc: SchemaDocument, ydoc: Y.Doc, anchors: readonly Anchor[], reordered: readonly Anchor[] = []): RemoteChange {
  const root = rootMapOf(ydoc);
  const collapsed = collapseAnchors(anchors);
  const [next, patches, inversePatches] = produceWithPatches(doc, (draft: Draft<SchemaDocument>) => {
    for (let anchor of collapsed) {
      // A parent the document does not have yet (created and edited in one transaction): read it whole.
      while (anchor.length > 0 && !isObject(getIn(draft, anchor.slice(0, -1)))) anchor = anchor.slice(0, -1);
      const value = readAnchor(root, anchor);
      if (anchor.length === 0) {
        const whole = draft as unknown as Record<string, unknown>;
        for (const k of Object.keys(whole)) delete whole[k];
        Object.assign(whole, value);
        continue;
      }
      const parent = getIn(draft, anchor.slice(0, -1)) as Record<string, unknown>;
      const key = anchor[anchor.length - 1];
      if (value === undefined) delete parent[key];
      else parent[key] = value;
    }
    for (const recordPath of reordered) {
      const record = getIn(draft, recordPath);
      const ymap = recordPath.reduce<unknown>((m, seg) => (m instanceof Y.Map ? m.get(seg) : undefined), root);
      if (!isObject(record) || !(ymap instanceof Y.Map)) continue;
      const order = recordOrder(ymap).filter((id) => id in record);
      const current = Object.keys(record);
      if (order.length === current.length && order.every((id, i) => id === current[i])) continue;
      const values = order.map((id) => record[id]);
      for (const id of current) delete record[id];
      order.forEach((id, i) => (record[id] = values[i]));
    }
  });
  return { doc: next, patches, inversePatches, anchors: collapsed };
}

export interface ObserveOptions {
  /** True for the origins whose changes the store already holds (this user's commands and repairs). */
  isLocal(origin: unknown): boolean;
  /** The store's current document. */
  current(): SchemaDocument;
  onRemote(change: RemoteChange, transaction: Y.Transaction): void;
}

/**
 * Calls `onRemote` after every transaction with a non-local origin. Returns the unsubscribe function.
 *
 * While Yjs holds back part of an update (it arrived before one it follows: `pendingStructs`), the
 * state is torn (the update's deletions applied, its new values not yet), so the anchors are kept
 * and read when the missing update has filled the gap. CausalInbox avoids such states on the
 * receiving side; this is the binding's own guard.
 */
export function observeRemote(ydoc: Y.Doc, options: ObserveOptions): () => void {
  const root = rootMapOf(ydoc);
  let deferred: { anchors: Anchor[]; reordered: Anchor[] } = { anchors: [], reordered: [] };
  const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    if (options.isLocal(transaction.origin)) return;
    const found = anchorsOfEvents(events);
    const anchors = [...deferred.anchors, ...found.anchors];
    const reordered = [...deferred.reordered, ...found.reordered];
    if (ydoc.store.pendingStructs !== null) {
      deferred = { anchors, reordered };
      return;
    }
    deferred = { anchors: [], reordered: [] };
    if (!anchors.length) return;
    options.onRemote(refreshFromY(options.current(), ydoc, anchors, reordered), transaction);
  };
  root.observeDeep(handler);
  return () => root.unobserveDeep(handler);
}

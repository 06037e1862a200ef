/**
 * A schema document as a Y.Doc, and back.
 *
 *   const ydoc = toYDoc(doc);          // one Y.Map 'document' laid out by documentCollabSpec (spec.ts)
 *   fromYDoc(ydoc)                     // the SchemaDocument, through loadDocument (the one gate)
 *
 * The round trip is exact: fromYDoc(toYDoc(doc)) serialises to the same JSON as the loaded document,
 * records in their display order (order keys), objects in the schema's field order (loadDocument).
 */
import * as Y from 'yjs';
import type { SchemaDocument } from '../model/document';
import { loadDocument } from '../model/migrate';
import { formatIssues, type DocumentIssue } from '../model/validate';
import { documentCollabSpec } from './spec';
import { preCreate, readObject, writeObject } from './y-tree';

/** The name of the root Y.Map in every Draftbase Y.Doc. */
export const ROOT_MAP = 'document';

export const INIT_ORIGIN = 'draftbase:init';

export function rootMapOf(ydoc: Y.Doc): Y.Map<unknown> {
  return ydoc.getMap<unknown>(ROOT_MAP);
}

/** Writes `doc` into `ydoc` (normally an empty one) as one transaction. */
export function writeDocument(ydoc: Y.Doc, doc: SchemaDocument, origin: unknown = INIT_ORIGIN): void {
  ydoc.transact(() => {
    const root = rootMapOf(ydoc);
    preCreate(documentCollabSpec, root);
    writeObject(documentCollabSpec, root, doc as unknown as Record<string, unknown>);
  }, origin);
}

/** A new Y.Doc holding `doc`. `clientID` fixes the replica's Yjs client id (tests, benchmarks). */
export function toYDoc(doc: SchemaDocument, options: { clientID?: number } = {}): Y.Doc {
  const ydoc = new Y.Doc();
  if (options.clientID !== undefined) ydoc.clientID = options.clientID;
  writeDocument(ydoc, doc);
  return ydoc;
}

/** The plain tree the Y.Doc holds, before the load gate (a merged state may still need repairMerged). */
export function readYDoc(ydoc: Y.Doc): SchemaDocument {
  return readObject(documentCollabSpec, rootMapOf(ydoc)) as unknown as SchemaDocument;
}

export class CollabDocumentError extends Error {
  constructor(readonly issues: DocumentIssue[]) {
    super(`the shared document is not a valid document: ${formatIssues(issues.slice(0, 5))}`);
    this.name = 'CollabDocumentError';
  }
}

/** The document the Y.Doc holds, through loadDocument; throws CollabDocumentError when it is not valid. */
export function fromYDoc(ydoc: Y.Doc): SchemaDocument {
  const loaded = loadDocument(readYDoc(ydoc));
  if (!loaded.ok) throw new CollabDocumentError(loaded.issues);
  return loaded.document;
}

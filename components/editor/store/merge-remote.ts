/**
 * Merging what another tab or person saved into this tab: their version is fetched (and validated
 * by loadDocument, in fetchProject), merged three-way with the tab's document over the version the
 * tab last loaded or saved (lib/model/merge), applied as ONE undoable step (`document.replace`, like
 * an import merged into the project) and saved with their version in If-Match.
 */
import type { StoreApi } from 'zustand/vanilla';
import type { SchemaDocument } from '@/lib/model/document';
import { mergeDocuments, type DocumentMerge, type Side } from '@/lib/model/merge/merge-documents';
import { deepEqual } from '@/lib/model/merge/three-way';
import { fetchProject, type LoadedProject } from '../project-api';
import type { EditorState } from './editor-store';
import type { Saver } from './saver';

export interface RemoteMerge {
  /** The version this tab last loaded or saved. */
  base: SchemaDocument;
  theirs: LoadedProject;
}

export type Resolutions = Readonly<Record<string, Side>>;

/** Fetches their version and merges the tab's current document with it (nothing is applied yet). */
export async function loadRemoteMerge(store: StoreApi<EditorState>, saver: Saver, fetchFn?: typeof fetch): Promise<{ merge: RemoteMerge; result: DocumentMerge }> {
  const { projectId, doc } = store.getState();
  const theirs = await fetchProject(projectId, fetchFn);
  const merge = { base: saver.base() ?? doc, theirs };
  return { merge, result: mergeNow(store, merge) };
}

/** The merge of the tab's document as it is now, with the user's choices for conflicts (mine by default). */
export function mergeNow(store: StoreApi<EditorState>, merge: RemoteMerge, resolutions: Resolutions = {}): DocumentMerge {
  return mergeDocuments(merge.base, store.getState().doc, merge.theirs.document, resolutions);
}

/** Applies the merge as one undo step and saves it over their version; an error leaves everything as it was. */
export function applyRemoteMerge(store: StoreApi<EditorState>, saver: Saver, merge: RemoteMerge, resolutions: Resolutions = {}): { ok: true } | { error: string } {
  const result = mergeNow(store, merge, resolutions);
  if (result.blocked || !result.document) {
    const first = result.conflicts.find((c) => !c.resolvable);
    return { error: `These versions cannot be merged as they are${first ? `: ${first.element}: ${first.message}` : ''}.` };
  }
  const { theirs } = merge;
  if (!deepEqual(store.getState().doc, result.document)) {
    const r = store.getState().dispatch({ type: 'document.replace', document: result.document, label: `Merge version ${theirs.version} saved elsewhere` });
    if ('error' in r) return r;
  }
  saver.rebase(theirs.document, theirs.version);
  const { doc } = store.getState();
  if (deepEqual(doc, theirs.document)) {
    // Only their changes: the server already has exactly this.
    saver.reset(doc);
    store.getState().setSaveState({ status: 'saved', version: theirs.version });
  } else {
    void saver.flush();
  }
  return { ok: true };
}

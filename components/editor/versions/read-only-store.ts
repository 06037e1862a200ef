/**
 * An editor store for a document shown but not edited: a version opened read-only, or a comparison.
 * The canvas reads it like the live store; it has no saver, and its dispatch refuses every edit but
 * moving things around (layout commands: a ghost on top of a table can be dragged aside; nothing is
 * saved).
 */
import type { StoreApi } from 'zustand/vanilla';
import type { SchemaDocument } from '@/lib/model/document';
import { createEditorStore, type EditorState } from '../store/editor-store';

export const READ_ONLY_MESSAGE = 'This is a read-only view: close it (or restore the version) to edit.';

export function createReadOnlyStore(projectId: string, name: string, doc: SchemaDocument): StoreApi<EditorState> {
  const store = createEditorStore({ projectId, name, version: 0, doc });
  const dispatch = store.getState().dispatch;
  store.setState({ dispatch: (command) => (command.type.startsWith('layout.') ? dispatch(command) : { error: READ_ONLY_MESSAGE }) });
  return store;
}

'use client';
/**
 * The canvas of a version opened read-only, or of two sides compared (the newer side with ghosts of
 * what the older one had, and every change marked). The same Canvas as the live editor, over a
 * read-only store of its own (read-only-store.ts): same speed (edges attached to rows, the overview
 * map), nothing here can change the design.
 */
import { useMemo } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import { Canvas } from '../canvas';
import { EditorStoreContext, type EditorState } from '../store/editor-store';
import { DiffViewContext, type DiffView } from './diff-context';
import { createReadOnlyStore } from './read-only-store';
import type { SchemaDocument } from '@/lib/model/document';

const noAdd = () => undefined;

export function useReviewStore(projectId: string, name: string, doc: SchemaDocument | undefined): StoreApi<EditorState> | undefined {
  return useMemo(() => (doc ? createReadOnlyStore(projectId, name, doc) : undefined), [projectId, name, doc]);
}

export function ReviewCanvas({ store, diff, colorMode, viewKey }: { store: StoreApi<EditorState>; diff: DiffView | null; colorMode: 'light' | 'dark' | 'system'; viewKey: string }) {
  return (
    <EditorStoreContext.Provider value={store}>
      <DiffViewContext.Provider value={diff}>
        {/* A new store (another version or pair) remounts the canvas: its first view fits what it shows. */}
        <Canvas key={viewKey} onAddTableAt={noAdd} colorMode={colorMode} />
      </DiffViewContext.Provider>
    </EditorStoreContext.Provider>
  );
}

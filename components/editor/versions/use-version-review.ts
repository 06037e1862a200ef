'use client';
/**
 * The editor's side of versions: the History panel's actions (list, save, open, restore, compare),
 * the review being shown (a version read-only, or a comparison), its read-only canvas store and the
 * comparison, and focusing a change on that canvas. Versions' documents are fetched once per page.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { StoreApi } from 'zustand/vanilla';
import type { Command } from '@/lib/model/commands/apply';
import type { DiffEntry } from '@/lib/evolution/diff';
import type { EditorState } from '../store/editor-store';
import type { Saver } from '../store/saver';
import { fetchVersion, listVersions, saveVersion, type LoadedVersion } from './versions-api';
import { compareSides, focusForEntry, type Comparison, type Review, type Side } from './review';
import { createReadOnlyStore } from './read-only-store';
import { CURRENT, type VersionsPanelActions } from './versions-panel';

interface Deps {
  store: StoreApi<EditorState>;
  saver: Saver;
  run: (command: Command) => unknown;
  toast: (text: string, kind?: 'info' | 'error') => void;
}

export interface VersionReview {
  review: Review | undefined;
  comparison: Comparison | undefined;
  viewStore: StoreApi<EditorState> | undefined;
  /** Changes with every new review: remounts the review canvas. */
  viewKey: string;
  actions: VersionsPanelActions;
  close(): void;
  focus(entry: DiffEntry): void;
  /** The entry last focused (`kind:id`). */
  focusedKey: string | undefined;
}

export function useVersionReview({ store, saver, run, toast }: Deps): VersionReview {
  const { fitView } = useReactFlow();
  const [review, setReview] = useState<Review>();
  const [focusedKey, setFocusedKey] = useState<string>();
  const [serial, setSerial] = useState(0);
  const cache = useRef(new Map<string, Promise<LoadedVersion>>());
  const projectId = store.getState().projectId;

  const load = useCallback(
    (versionId: string) => {
      let p = cache.current.get(versionId);
      if (!p) {
        p = fetchVersion(projectId, versionId);
        p.catch(() => cache.current.delete(versionId));
        cache.current.set(versionId, p);
      }
      return p;
    },
    [projectId],
  );

  const side = useCallback(
    async (id: string): Promise<Side> => {
      if (id === CURRENT) return { label: 'current design', doc: store.getState().doc };
      const v = await load(id);
      return { label: v.summary.name, doc: v.document, versionId: id };
    },
    [load, store],
  );

  const show = useCallback((r: Review) => {
    setSerial((n) => n + 1);
    setFocusedKey(undefined);
    setReview(r);
  }, []);

  const actions = useMemo<VersionsPanelActions>(
    () => ({
      list: () => listVersions(projectId),
      load,
      async save(name) {
        // A version snapshots the saved design: unsaved edits are saved first.
        await saver.flush();
        const status = store.getState().saveState.status;
        if (status !== 'saved') throw new Error(`The design could not be saved first (${status}); the version was not created.`);
        const v = await saveVersion(projectId, name);
        toast(`Saved version "${v.name}".`);
        return v;
      },
      open(versionId) {
        side(versionId).then((s) => show({ kind: 'version', side: s }), (e: unknown) => toast(String(e instanceof Error ? e.message : e), 'error'));
      },
      restore(versionId) {
        load(versionId).then(
          (v) => {
            const r = run({ type: 'document.replace', document: v.document, label: `Restore version "${v.summary.name}"` });
            if (r && typeof r === 'object' && 'error' in r) return;
            setReview(undefined);
            toast(`Restored version "${v.summary.name}" (undo brings the design back).`);
          },
          (e: unknown) => toast(String(e instanceof Error ? e.message : e), 'error'),
        );
      },
      compare(fromId, toId) {
        Promise.all([side(fromId), side(toId)]).then(([from, to]) => show({ kind: 'compare', from, to }), (e: unknown) => toast(String(e instanceof Error ? e.message : e), 'error'));
      },
    }),
    [projectId, load, saver, store, toast, side, show, run],
  );

  const comparison = useMemo(() => (review?.kind === 'compare' ? compareSides(review.from.doc, review.to.doc) : undefined), [review]);
  const viewStore = useMemo(() => {
    if (!review) return undefined;
    const doc = comparison?.doc ?? (review.kind === 'version' ? review.side.doc : undefined);
    return doc && createReadOnlyStore(projectId, review.kind === 'version' ? review.side.label : `${review.from.label} → ${review.to.label}`, doc);
  }, [review, comparison, projectId]);

  const focus = useCallback(
    (entry: DiffEntry) => {
      setFocusedKey(`${entry.kind}:${entry.id}`);
      if (!viewStore) return;
      const target = focusForEntry(entry, viewStore.getState().doc);
      if (!target) return;
      viewStore.getState().select(target.selection);
      requestAnimationFrame(() => void fitView({ nodes: target.tableIds.map((id) => ({ id })), duration: 300, maxZoom: 1.1, minZoom: 0.6, includeHiddenNodes: true }));
    },
    [viewStore, fitView],
  );

  const close = useCallback(() => setReview(undefined), []);
  return { review, comparison, viewStore, viewKey: `review-${serial}`, actions, close, focus, focusedKey };
}

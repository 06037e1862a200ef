'use client';
/**
 * Runs the auto-layout (lib/layout) in a module Web Worker and commits the result as one
 * `layout.moveTables` command (one undo step). The picture is shaped to the canvas's aspect ratio.
 * The worker is created on first use and kept for the page's lifetime.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StoreApi } from 'zustand/vanilla';
import type { EditorState } from '../store/editor-store';
import { tablePosition } from '../flow/to-flow';
import { layoutInput, layoutOrigin, scopeTableIds, type LayoutScope, type Point } from './layout-input';
import { aspectRatioOf, createLayoutWorker, positionsFromXY, type LayoutRequest, type LayoutResponse } from './layout-worker-client';

export type LayoutStatus =
  | { kind: 'idle' }
  | { kind: 'running'; phase: string; tableCount: number; startedAt: number }
  /** elkMs: time computing in the worker (the name kept for the page's data-elk-ms attribute). */
  | { kind: 'done'; tableCount: number; elkMs: number; totalMs: number }
  | { kind: 'error'; message: string };

/** The canvas's shape (its element, or React Flow's root, which fills it). */
function canvasAspectRatio(): number {
  if (typeof document === 'undefined') return aspectRatioOf(null);
  return aspectRatioOf(document.querySelector('[data-testid="canvas"]') ?? document.querySelector('.react-flow'));
}

export function useAutoLayout(store: StoreApi<EditorState>, onApplied?: (tableIds: string[]) => void) {
  const [status, setStatus] = useState<LayoutStatus>({ kind: 'idle' });
  const workerRef = useRef<Worker | null>(null);
  const requestRef = useRef(0);
  const onAppliedRef = useRef(onApplied);
  /** Handles the worker's messages for the current request (set per run). */
  const handlerRef = useRef<((msg: LayoutResponse) => void) | undefined>(undefined);

  useEffect(() => {
    onAppliedRef.current = onApplied;
  }, [onApplied]);
  useEffect(() => () => workerRef.current?.terminate(), []);

  const run = useCallback(
    (scope: LayoutScope) => {
      const doc = store.getState().doc;
      const tableIds = scopeTableIds(doc, scope);
      if (tableIds.length === 0) {
        setStatus({ kind: 'error', message: 'nothing to lay out' });
        return;
      }
      const current: Record<string, Point | undefined> = {};
      for (const id of tableIds) current[id] = tablePosition(doc, id);
      const origin = scope.kind === 'all' ? { x: 0, y: 0 } : layoutOrigin(current, tableIds);
      // One area is one group already; its tables are arranged by their relationships only.
      const { nodes, edges } = layoutInput(doc, tableIds, { groupByArea: scope.kind !== 'area' });
      const requestId = ++requestRef.current;
      const startedAt = performance.now();
      setStatus({ kind: 'running', phase: 'starting the layout worker', tableCount: tableIds.length, startedAt });

      if (!workerRef.current) {
        workerRef.current = createLayoutWorker();
        workerRef.current.onmessage = (event: MessageEvent<LayoutResponse>) => handlerRef.current?.(event.data);
        workerRef.current.onerror = () => setStatus({ kind: 'error', message: 'the layout worker failed to start' });
      }
      handlerRef.current = (msg: LayoutResponse) => {
        if (msg.requestId !== requestRef.current) return; // a newer request superseded this one
        if (msg.type === 'progress') {
          setStatus({ kind: 'running', phase: msg.phase, tableCount: tableIds.length, startedAt });
        } else if (msg.type === 'error') {
          setStatus({ kind: 'error', message: `layout failed: ${msg.message}` });
        } else {
          const laidOut = positionsFromXY(nodes, msg.xy);
          // Tables removed while the worker ran are skipped rather than failing the whole command.
          // (A new record, not `delete`: deleting keys from a 5,000-key object makes every access slow.)
          const live = store.getState().doc.tables;
          const positions: Record<string, Point> = {};
          for (const id in laidOut) if (live[id]) positions[id] = { x: laidOut[id].x + origin.x, y: laidOut[id].y + origin.y };
          const r = store.getState().dispatch({ type: 'layout.moveTables', positions });
          if ('error' in r) {
            setStatus({ kind: 'error', message: r.error });
            return;
          }
          setStatus({ kind: 'done', tableCount: tableIds.length, elkMs: msg.computeMs, totalMs: Math.round(performance.now() - startedAt) });
          onAppliedRef.current?.(Object.keys(positions));
        }
      };
      const request: LayoutRequest = { requestId, nodes, edges, aspectRatio: canvasAspectRatio() };
      workerRef.current.postMessage(request);
    },
    [store],
  );

  return { status, run };
}

'use client';
/**
 * The React Flow canvas. Nodes are derived from the store by `toFlow` (never copied into React
 * state); React Flow's changes come back as store actions: selection changes select, a drag shows
 * live positions and commits one `layout.moveTables` on drag end, a connection becomes
 * `connectColumnsCommand`. Relationships are drawn by our own layer (flow/relationship-layer.tsx)
 * from the same geometry, not as React Flow edges.
 *
 * Speed (../shared/design/CANVAS-PERF.md): onlyRenderVisibleElements, declared node geometry and
 * handles, level of detail inside the node, memoized nodes with id-only data, and a relationship
 * layer that draws detailed lines near the view only and, zoomed out, all lines as one path.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  ReactFlow,
  useReactFlow,
  useStore as useFlowStore,
  type Connection,
  type NodeChange,
  type NodeTypes,
  type OnNodeDrag,
  type Viewport,
} from '@xyflow/react';
import { useStore } from 'zustand';
import { connectColumnsCommand } from '@/lib/model/commands/apply';
import { createFlowDeriver, tablePosition, type FlowNode } from './flow/to-flow';
import { LOW_DETAIL_ZOOM, parseHandleId } from './flow/geometry';
import { firstView } from './flow/first-view';
import { DiagramLayer } from './flow/diagram-layer';
import { Minimap } from './flow/minimap';
import { useEditorStore, type Selection } from './store/editor-store';
import { TableNodeView } from './nodes/table-node';
import { NoteNodeView } from './nodes/note-node';
import { AreaNodeView } from './nodes/area-node';
import { FlowMarkers } from './flow/markers';
import { useToast } from './toast';
import { LiveCanvasLayer, useLive } from './collab/live-ui';

// Module scope: a new object per render would make React Flow re-create every node.
const nodeTypes: NodeTypes = { table: TableNodeView, note: NoteNodeView, area: AreaNodeView };
const proOptions = { hideAttribution: true };

const NO_EDGES: never[] = [];
// Hidden nodes (the map's) count: fitting must include every table.
const FIT_ALL = { maxZoom: 1, padding: 0.1, includeHiddenNodes: true };

export function Canvas(props: { onAddTableAt: (position: { x: number; y: number }) => void; colorMode: 'light' | 'dark' | 'system' }) {
  // The first view depends on the canvas size, so React Flow mounts once that is known: mounting
  // at a guessed view first would mount the nodes of a view the user never sees.
  const wrapperRef = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState<{ width: number; height: number }>();
  useLayoutEffect(() => {
    const el = wrapperRef.current;
    if (!el) return;
    const measure = () => {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) setSize((s) => s ?? { width: r.width, height: r.height });
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return (
    <div ref={wrapperRef} className="db-canvas h-full w-full" data-testid="canvas">
      {size && <FlowCanvas {...props} size={size} />}
    </div>
  );
}

function FlowCanvas({ onAddTableAt, colorMode, size }: { onAddTableAt: (position: { x: number; y: number }) => void; colorMode: 'light' | 'dark' | 'system'; size: { width: number; height: number } }) {
  const store = useEditorStore();
  const toast = useToast();
  const { screenToFlowPosition } = useReactFlow();
  const wrapperRef = useRef<HTMLDivElement>(null);
  /** While an area is dragged: where it and its tables started. */
  const areaDrag = useRef<{ areaId: string; start: { x: number; y: number }; tables: Record<string, { x: number; y: number }> } | undefined>(undefined);

  const doc = useStore(store, (s) => s.doc);
  const selection = useStore(store, (s) => s.selection);
  const dragPositions = useStore(store, (s) => s.dragPositions);
  const focusAreaId = useStore(store, (s) => s.focusAreaId);
  // Read-only (role or share link): nothing can be dragged, connected or added by double-click.
  const readOnly = useStore(store, (s) => s.readOnly !== undefined);

  const toFlow = useMemo(() => createFlowDeriver(), []);
  // Zoomed out, the map layer draws the tables and their nodes are hidden (never mounted).
  const mapMode = useFlowStore((s) => s.transform[2] < LOW_DETAIL_ZOOM);
  // While a foreign key is being drawn, every row shows where it can end.
  const connecting = useFlowStore((s) => s.connection.inProgress);
  const { nodes, boxes } = useMemo(() => toFlow({ doc, selection, dragPositions, focusAreaId, mapMode }), [toFlow, doc, selection, dragPositions, focusAreaId, mapMode]);
  // Changes with everything that places boxes except a drag: the layers rebuild the paths of the
  // tables that are not being dragged only when it changes, not on every drag frame.
  const stillKey = useMemo(() => ({}), [doc.tables, doc.layout.tables, doc.relationships, focusAreaId]); // eslint-disable-line react-hooks/exhaustive-deps

  const initialViewport = useMemo(() => {
    const state = store.getState();
    return firstView({ boxes, width: size.width, height: size.height, remembered: state.doc.layout.viewport ?? rememberedViewport(state.projectId) });
    // The first viewport only: later document changes must not move the view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const state = store.getState();
      let drag: Record<string, { x: number; y: number }> | undefined;
      let selected: Set<string> | undefined;
      let selectedArea: string | undefined;
      let selectedNote: string | undefined;
      for (const c of changes) {
        if (c.type === 'position' && c.dragging && c.position && areaDrag.current?.areaId === c.id) {
          // Dragging an area moves its tables by the same offset (the frame follows them).
          const { start, tables } = areaDrag.current;
          drag ??= { ...state.dragPositions };
          for (const [id, p] of Object.entries(tables)) drag[id] = { x: p.x + c.position.x - start.x, y: p.y + c.position.y - start.y };
        } else if (c.type === 'position' && c.dragging && c.position) {
          drag ??= { ...state.dragPositions };
          drag[c.id] = c.position;
        } else if (c.type === 'select') {
          if (state.doc.tables[c.id]) {
            selected ??= new Set(currentTableSelection(state.selection));
            if (c.selected) selected.add(c.id);
            else selected.delete(c.id);
          } else if (c.selected && state.doc.areas[c.id]) selectedArea = c.id;
          else if (c.selected && state.doc.notes[c.id]) selectedNote = c.id;
        }
      }
      if (drag) state.setDragPositions(drag);
      if (selectedArea) return state.select({ kind: 'area', areaId: selectedArea });
      if (selectedNote) return state.select({ kind: 'note', noteId: selectedNote });
      if (selected) {
        const ids = [...selected];
        const sel = state.selection;
        // Clicking a column row also selects its node: keep the finer column/index selection.
        if ((sel.kind === 'column' || sel.kind === 'index') && ids.length === 1 && ids[0] === sel.tableId) return;
        if (ids.length === 0 && sel.kind !== 'tables') return;
        state.select(ids.length ? { kind: 'tables', tableIds: ids } : { kind: 'none' });
      }
    },
    [store],
  );

  const onNodeDragStart: OnNodeDrag<FlowNode> = useCallback(
    (_e, node) => {
      const doc = store.getState().doc;
      const area = doc.areas[node.id];
      if (!area) {
        areaDrag.current = undefined;
        return;
      }
      const tables: Record<string, { x: number; y: number }> = {};
      for (const id of area.tableIds) if (doc.tables[id]) tables[id] = tablePosition(doc, id);
      areaDrag.current = { areaId: area.id, start: { ...node.position }, tables };
    },
    [store],
  );

  const commitDrag = useCallback(() => {
    const state = store.getState();
    const drag = state.dragPositions;
    const tablePositions: Record<string, { x: number; y: number }> = {};
    let any = false;
    for (const [id, p] of Object.entries(drag)) {
      if (state.doc.tables[id]) {
        tablePositions[id] = { x: Math.round(p.x), y: Math.round(p.y) };
        any = true;
      } else if (state.doc.notes[id]) {
        state.dispatch({ type: 'layout.setNote', noteId: id, geometry: { x: Math.round(p.x), y: Math.round(p.y) } });
      }
    }
    // The whole drag, however many tables moved, is one command: one undo step.
    if (any) state.dispatch({ type: 'layout.moveTables', positions: tablePositions });
    state.setDragPositions({});
  }, [store]);

  const onNodeDragStop: OnNodeDrag<FlowNode> = useCallback(() => {
    areaDrag.current = undefined;
    commitDrag();
  }, [commitDrag]);

  const onConnect = useCallback(
    (c: Connection) => {
      const from = parseHandleId(c.sourceHandle);
      const to = parseHandleId(c.targetHandle);
      if (!from || !to) return;
      const state = store.getState();
      let command;
      try {
        command = connectColumnsCommand(state.doc, { fromTableId: c.source, fromColumnId: from.columnId, toTableId: c.target, toColumnId: to.columnId });
      } catch (e) {
        toast(e instanceof Error ? e.message : String(e), 'error');
        return;
      }
      const r = state.dispatch(command);
      if ('error' in r) toast(r.error, 'error');
    },
    [store, toast],
  );

  // Names drawn at names-only detail keep a minimum size on screen: the zoom reaches the CSS as a
  // variable on the wrapper (set during the gesture, no React render).
  const setZoomVariable = useCallback((zoom: number) => wrapperRef.current?.style.setProperty('--db-zoom', zoomVariable(zoom)), []);
  const onMoveStart = useCallback(() => wrapperRef.current?.classList.add('is-moving'), []);
  const onMove = useCallback((_: unknown, vp: Viewport) => setZoomVariable(vp.zoom), [setZoomVariable]);
  const onMoveEnd = useCallback(
    (_: unknown, vp: Viewport) => {
      wrapperRef.current?.classList.remove('is-moving');
      setZoomVariable(vp.zoom);
      rememberViewport(store.getState().projectId, vp);
    },
    [store, setZoomVariable],
  );

  const onPaneClick = useCallback(() => store.getState().select({ kind: 'none' }), [store]);

  // A live session shows my pointer to the others in flow coordinates (live-session.ts throttles it).
  const live = useLive();
  const onPointerMove = useCallback((e: React.PointerEvent) => live?.setCursor(screenToFlowPosition({ x: e.clientX, y: e.clientY })), [live, screenToFlowPosition]);
  const onPointerLeave = useCallback(() => live?.setCursor(null), [live]);

  const onDoubleClick = useCallback(
    (e: React.MouseEvent) => {
      const target = e.target as HTMLElement;
      if (readOnly || !target.classList.contains('react-flow__pane')) return;
      onAddTableAt(screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [onAddTableAt, screenToFlowPosition, readOnly],
  );

  return (
    <div
      ref={wrapperRef}
      className="h-full w-full"
      style={{ ['--db-zoom' as string]: zoomVariable(initialViewport.zoom) }}
      onDoubleClick={onDoubleClick}
      onPointerMove={live ? onPointerMove : undefined}
      onPointerLeave={live ? onPointerLeave : undefined}
      data-detail={mapMode ? 'map' : 'full'}
      data-connecting={connecting || undefined}
    >
      <FlowMarkers />
      <ReactFlow<FlowNode>
        nodes={nodes}
        edges={NO_EDGES}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        onMoveStart={onMoveStart}
        onMove={onMove}
        onMoveEnd={onMoveEnd}
        onPaneClick={onPaneClick}
        connectionMode={ConnectionMode.Loose}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        onlyRenderVisibleElements
        defaultViewport={initialViewport}
        minZoom={0.01}
        maxZoom={2}
        zoomOnDoubleClick={false}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control']}
        colorMode={colorMode}
        proOptions={proOptions}
        elevateNodesOnSelect={false}
      >
        <Background variant={BackgroundVariant.Dots} gap={24} size={1} />
        <Controls showInteractive={false} fitViewOptions={FIT_ALL} />
        <Minimap boxes={boxes} />
        <DiagramLayer doc={doc} boxes={boxes} stillKey={stillKey} selection={selection} dragPositions={dragPositions} commitDrag={commitDrag} />
        {live && <LiveCanvasLayer />}
      </ReactFlow>
    </div>
  );
}

/** Capped at 1: above it no name needs enlarging, so zooming in re-styles nothing. */
const zoomVariable = (zoom: number) => String(Math.round(Math.min(zoom, 1) * 1000) / 1000);

/**
 * The view is remembered per project in this browser (not in the document: panning is not an edit
 * and must not create history entries or saves), so a reload opens where the user left off.
 */
const viewportKey = (projectId: string) => `draftbase-viewport:${projectId}`;

function rememberedViewport(projectId: string): Viewport | undefined {
  try {
    const v = JSON.parse(localStorage.getItem(viewportKey(projectId)) ?? 'null') as Viewport | null;
    return v && [v.x, v.y, v.zoom].every((n) => typeof n === 'number' && Number.isFinite(n)) && v.zoom > 0 ? v : undefined;
  } catch {
    return undefined;
  }
}

function rememberViewport(projectId: string, vp: Viewport) {
  try {
    localStorage.setItem(viewportKey(projectId), JSON.stringify({ x: Math.round(vp.x), y: Math.round(vp.y), zoom: Math.round(vp.zoom * 1000) / 1000 }));
  } catch {
    // storage full or disabled: the view is simply not remembered
  }
}

function currentTableSelection(selection: Selection): string[] {
  return selection.kind === 'tables' ? selection.tableIds : [];
}

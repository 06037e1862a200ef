'use client';
/**
 * What React Flow's nodes do not draw, in one SVG inside React Flow's viewport (so panning and
 * zooming move it with the nodes and never re-render it): every relationship, from the geometry the
 * nodes declare — not from handle bounds React Flow measures on mount (those are empty for a node
 * first mounted at names-only detail, which is why half the lines used to be missing) — and, zoomed
 * out, the tables themselves (map-layer.tsx).
 *
 * Two forms:
 * - full detail (zoom >= LOW_DETAIL_ZOOM): one rounded orthogonal path per column pair, from the
 *   child's row to the parent's row, with crow's-foot ends, for every relationship with a table in
 *   the render window (the view plus a margin, moved only when the view leaves it);
 * - names-only detail (the map): every relationship as one straight segment, all in a single <path>
 *   (plus one for the lines of tables being dragged and one for the selection), under the map's
 *   boxes and names, because thousands of elements were what made a zoomed-out canvas slow.
 *   Strokes keep one screen pixel at any zoom.
 */
import { memo, useEffect, useMemo, useState } from 'react';
import { getSmoothStepPath, Position, useStore as useFlowStore, useStoreApi, ViewportPortal } from '@xyflow/react';
import { useEditorStore, type DragPositions, type Selection } from '../store/editor-store';
import type { SchemaDocument } from '@/lib/model/document';
import { LOW_DETAIL_ZOOM } from './geometry';
import { MapLayer } from './map-layer';
import { createLineDeriver, linesTouching, markerId, overviewSegment, type PairLine, type Rect, type RelationshipLine } from './relationship-lines';
import type { TableBox } from './to-flow';
import { useLateValue } from './use-late-value';
import { useDiffView } from '../versions/diff-context';

interface Props {
  doc: SchemaDocument;
  boxes: ReadonlyMap<string, TableBox>;
  selection: Selection;
  dragPositions: DragPositions;
  /** A new object whenever boxes change for any reason but a drag. */
  stillKey: object;
  commitDrag: () => void;
}

export function DiagramLayer({ doc, boxes, stillKey, selection, dragPositions, commitDrag }: Props) {
  const lowDetail = useFlowStore((s) => s.transform[2] < LOW_DETAIL_ZOOM);
  // On the map, a change that moves thousands of tables at once (an auto-layout, its undo) draws the
  // boxes first and the lines in the next task; a drag or an edit draws its lines in the same frame.
  const countMoved = useMemo(() => createMoveCounter(), []);
  const bulk = useMemo(() => countMoved(boxes) > BULK_MOVE_LINES, [countMoved, boxes]);
  const lineBoxes = useLateValue(boxes, lowDetail && bulk);
  const deriveLines = useMemo(() => createLineDeriver(), []);
  const lines = useMemo(() => (lineBoxes.stale ? NO_LINES : deriveLines(doc, lineBoxes.value)), [deriveLines, doc, lineBoxes.value, lineBoxes.stale]);
  const renderWindow = useRenderWindow(!lowDetail);

  const selectedId = selection.kind === 'relationship' ? selection.relationshipId : undefined;
  const highlightTables = useMemo(() => new Set(selection.kind === 'tables' ? selection.tableIds : selection.kind === 'column' || selection.kind === 'index' ? [selection.tableId] : []), [selection]);

  return (
    <ViewportPortal>
      <svg className="db-relationships" data-testid="relationship-layer" data-detail={lowDetail ? 'overview' : 'full'} aria-label="relationships">
        {lowDetail ? (
          <>
            <OverviewLines lines={lines} boxes={boxes} stillKey={stillKey} dragPositions={dragPositions} selectedId={selectedId} highlightTables={highlightTables} />
            <MapLayer doc={doc} boxes={boxes} stillKey={stillKey} selection={selection} dragPositions={dragPositions} commitDrag={commitDrag} />
          </>
        ) : (
          <DetailLines lines={renderWindow ? linesTouching(lines, boxes, renderWindow) : NO_LINES} selectedId={selectedId} highlightTables={highlightTables} />
        )}
      </svg>
    </ViewportPortal>
  );
}

const NO_LINES: RelationshipLine[] = [];

/** Above this many tables moved in one change, the map's lines are drawn a task later. */
const BULK_MOVE_LINES = 500;

/** How many boxes moved, appeared or changed shape since the previous call: cheap, no geometry. */
function createMoveCounter(): (boxes: ReadonlyMap<string, TableBox>) => number {
  let prev: ReadonlyMap<string, TableBox> = new Map();
  return (boxes) => {
    let moved = 0;
    for (const [id, b] of boxes) {
      const p = prev.get(id);
      if (!p || p.x !== b.x || p.y !== b.y || p.shape !== b.shape) moved++;
    }
    prev = boxes;
    return moved;
  };
}

function DetailLines({ lines, selectedId, highlightTables }: { lines: RelationshipLine[]; selectedId?: string; highlightTables: ReadonlySet<string> }) {
  const store = useEditorStore();
  // Comparing versions: added, removed (ghost) and changed relationships are drawn as such.
  const diff = useDiffView();
  return (
    <g data-count={lines.length}>
      {lines.map((line) => (
        <LineView
          key={line.id}
          line={line}
          diff={diff?.marks.get(line.id)?.change}
          selected={line.id === selectedId}
          highlighted={highlightTables.has(line.fromTableId) || highlightTables.has(line.toTableId)}
          onSelect={() => store.getState().select({ kind: 'relationship', relationshipId: line.id })}
        />
      ))}
    </g>
  );
}

const side = (s: 'l' | 'r') => (s === 'r' ? Position.Right : Position.Left);

function pairPath(p: PairLine): string {
  return getSmoothStepPath({ sourceX: p.sx, sourceY: p.sy, sourcePosition: side(p.sourceSide), targetX: p.tx, targetY: p.ty, targetPosition: side(p.targetSide), borderRadius: 8, offset: 24 })[0];
}

const LineView = memo(
  function LineView({ line, selected, highlighted, diff, onSelect }: { line: RelationshipLine; selected: boolean; highlighted: boolean; diff?: string; onSelect: () => void }) {
    const cls = `db-rel${selected ? ' is-selected' : ''}${highlighted ? ' is-highlighted' : ''}${line.logical ? ' is-logical' : ''}`;
    return (
      <g className={cls} data-relationship-id={line.id} data-diff={diff} aria-label={line.label} role="button">
        {line.pairs.map((p, i) => {
          const d = pairPath(p);
          return (
            <g key={i}>
              <path
                className="db-rel-hit nopan"
                d={d}
                onClick={(e) => {
                  e.stopPropagation();
                  onSelect();
                }}
              />
              <path
                className="db-rel-line"
                d={d}
                data-from-column={p.fromColumnId}
                data-to-column={p.toColumnId}
                markerStart={`url(#${markerId(line.childEnd)})`}
                markerEnd={`url(#${markerId(line.parentEnd)})`}
              />
            </g>
          );
        })}
      </g>
    );
  },
  (a, b) => a.line === b.line && a.selected === b.selected && a.highlighted === b.highlighted && a.diff === b.diff,
);

/** Names-only detail: straight segments in three paths (still, dragged, selected or highlighted). */
function OverviewLines({
  lines,
  boxes,
  stillKey,
  dragPositions,
  selectedId,
  highlightTables,
}: {
  lines: RelationshipLine[];
  boxes: ReadonlyMap<string, TableBox>;
  stillKey: object;
  dragPositions: DragPositions;
  selectedId?: string;
  highlightTables: ReadonlySet<string>;
}) {
  // The still lines are one string rebuilt only when the lines change, not on every drag frame.
  const moving = (l: RelationshipLine) => l.fromTableId in dragPositions || l.toTableId in dragPositions;
  const marked = (l: RelationshipLine) => l.id === selectedId || highlightTables.has(l.fromTableId) || highlightTables.has(l.toTableId);
  const dragging = Object.keys(dragPositions).length > 0;
  const movingKey = dragging ? Object.keys(dragPositions).join(',') : '';
  const still = useMemo(() => {
    let d = '';
    let n = 0;
    for (const l of lines) {
      if (dragging && moving(l)) continue;
      d += overviewSegment(l, boxes);
      n++;
    }
    return { d, n };
    // Keyed on stillKey and the dragged tables, not on lines/boxes (new objects on every drag
    // frame): the lines of tables not being dragged do not move during a drag.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stillKey, movingKey]);
  let movingD = '';
  let movingN = 0;
  let markedD = '';
  for (const l of lines) {
    if (dragging && moving(l)) {
      movingD += overviewSegment(l, boxes);
      movingN++;
    }
    if (marked(l)) markedD += overviewSegment(l, boxes);
  }
  return (
    <g data-count={still.n + movingN}>
      <path className="db-rel-overview" d={still.d || 'M0 0'} data-role="still" />
      {movingD && <path className="db-rel-overview" d={movingD} data-role="moving" />}
      {markedD && <path className="db-rel-overview is-marked" d={markedD} data-role="marked" />}
    </g>
  );
}

/**
 * The part of the flow the detailed lines are drawn for: the view plus half a view on every side,
 * replaced only when the view leaves it or zooms far out of it, so panning re-renders the layer a few
 * times per screen travelled, not on every frame. `undefined` until the canvas has a size.
 */
function useRenderWindow(active: boolean): Rect | undefined {
  const flow = useStoreApi();
  const [win, setWin] = useState<Rect | undefined>(() => windowFor(flow.getState()));
  useEffect(() => {
    if (!active) return;
    const check = (s: FlowState) => {
      const view = viewRect(s);
      if (!view) return;
      setWin((w) => (w && contains(w, view) && area(w) <= 9 * area(view) ? w : expand(view)));
    };
    check(flow.getState());
    return flow.subscribe(check);
  }, [flow, active]);
  return win;
}

type FlowState = { transform: [number, number, number]; width: number; height: number };

function viewRect(s: FlowState): Rect | undefined {
  const [tx, ty, zoom] = s.transform;
  if (!s.width || !s.height || !zoom) return undefined;
  return { x1: -tx / zoom, y1: -ty / zoom, x2: (s.width - tx) / zoom, y2: (s.height - ty) / zoom };
}

function windowFor(s: FlowState): Rect | undefined {
  const v = viewRect(s);
  return v && expand(v);
}

function expand(r: Rect): Rect {
  const w = (r.x2 - r.x1) / 2;
  const h = (r.y2 - r.y1) / 2;
  return { x1: r.x1 - w, y1: r.y1 - h, x2: r.x2 + w, y2: r.y2 + h };
}

const contains = (outer: Rect, inner: Rect) => outer.x1 <= inner.x1 && outer.y1 <= inner.y1 && outer.x2 >= inner.x2 && outer.y2 >= inner.y2;
const area = (r: Rect) => (r.x2 - r.x1) * (r.y2 - r.y1);

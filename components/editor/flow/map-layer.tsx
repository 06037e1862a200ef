'use client';
/**
 * The zoomed-out map (names-only detail): every table as a box in one SVG path, names placed as a
 * map places them (map-labels.ts), area names over their regions. React Flow's table nodes are
 * hidden at this zoom: a thousand node elements repainted on every pan frame were what held a
 * fitted canvas under 30 fps, while a few paths cost the same at 100 or 5,000 tables.
 *
 * The map is interactive like the nodes it replaces: click selects a table (Ctrl/Cmd adds), a drag
 * moves the selection (live positions, one `layout.moveTables` on release), a double-click zooms
 * into the table.
 */
import { memo, useMemo, useRef } from 'react';
import { useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import type { SchemaDocument } from '@/lib/model/document';
import { useEditorStore, type DragPositions, type Selection } from '../store/editor-store';
import { HEADER_HEIGHT } from './geometry';
import { placeMapLabels, zoomStep } from './map-labels';
import { useLateValue } from './use-late-value';
import type { TableBox } from './to-flow';

export const MAP_FONT_PX = 11;
const AREA_FONT_PX = 15;

interface Props {
  doc: SchemaDocument;
  boxes: ReadonlyMap<string, TableBox>;
  selection: Selection;
  dragPositions: DragPositions;
  /** A new object whenever boxes change for any reason but a drag. */
  stillKey: object;
  /** Commits the live drag positions as one command (the canvas's drag-stop). */
  commitDrag: () => void;
}

const rectPath = (b: TableBox) => `M${Math.round(b.x)} ${Math.round(b.y)}h${b.shape.width}v${b.shape.height}h${-b.shape.width}Z`;
const headerPath = (b: TableBox) => `M${Math.round(b.x)} ${Math.round(b.y)}h${b.shape.width}v${HEADER_HEIGHT}h${-b.shape.width}Z`;

export function MapLayer({ doc, boxes, stillKey, selection, dragPositions, commitDrag }: Props) {
  const store = useEditorStore();
  const { screenToFlowPosition, fitView } = useReactFlow();
  const step = useFlowStore((s) => zoomStep(s.transform[2]));
  const dragging = Object.keys(dragPositions).length > 0;
  const moving = dragging ? Object.keys(dragPositions).join(',') : '';

  // Boxes that are not being dragged: one string per document/layout change, not per drag frame.
  const still = useMemo(() => {
    const skip = new Set(moving ? moving.split(',') : []);
    const body: string[] = [];
    const headers = new Map<string, string[]>();
    for (const [id, b] of boxes) {
      if (skip.has(id)) continue;
      body.push(rectPath(b));
      const color = doc.layout.tables[id]?.color ?? '';
      (headers.get(color) ?? headers.set(color, []).get(color)!).push(headerPath(b));
    }
    return { body: body.join(''), headers: [...headers].map(([color, d]) => ({ color, d: d.join('') })) };
    // Keyed on stillKey, not boxes (a new map on every drag frame): undragged boxes do not move.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stillKey, moving]);

  let live = '';
  if (dragging) for (const id of Object.keys(dragPositions)) {
    const b = boxes.get(id);
    if (b) live += rectPath(b);
  }
  const selectedIds = selection.kind === 'tables' ? selection.tableIds : selection.kind === 'column' || selection.kind === 'index' ? [selection.tableId] : [];
  let selected = '';
  for (const id of selectedIds) {
    const b = boxes.get(id);
    if (b) selected += rectPath(b);
  }

  const drag = useRef<{ ids: string[]; start: { x: number; y: number }; from: Record<string, { x: number; y: number }>; moved: boolean } | undefined>(undefined);

  const tableAt = (clientX: number, clientY: number): string | undefined => {
    const p = screenToFlowPosition({ x: clientX, y: clientY });
    let hit: string | undefined;
    for (const [id, b] of boxes) if (p.x >= b.x && p.x <= b.x + b.shape.width && p.y >= b.y && p.y <= b.y + b.shape.height) hit = id;
    return hit;
  };

  const onPointerDown = (e: React.PointerEvent<SVGPathElement>) => {
    if (e.button !== 0) return;
    const id = tableAt(e.clientX, e.clientY);
    if (!id) return;
    e.stopPropagation();
    const state = store.getState();
    const current = state.selection.kind === 'tables' ? state.selection.tableIds : [];
    const additive = e.ctrlKey || e.metaKey || e.shiftKey;
    let ids: string[];
    if (additive) ids = current.includes(id) ? current.filter((x) => x !== id) : [...current, id];
    else ids = current.includes(id) ? current : [id];
    state.select(ids.length ? { kind: 'tables', tableIds: ids } : { kind: 'none' });
    const from: Record<string, { x: number; y: number }> = {};
    for (const t of ids) {
      const b = boxes.get(t);
      if (b) from[t] = { x: b.x, y: b.y };
    }
    drag.current = { ids, start: screenToFlowPosition({ x: e.clientX, y: e.clientY }), from, moved: false };
    e.currentTarget.setPointerCapture(e.pointerId);
  };

  const onPointerMove = (e: React.PointerEvent<SVGPathElement>) => {
    const d = drag.current;
    if (!d) return;
    const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
    const dx = p.x - d.start.x;
    const dy = p.y - d.start.y;
    if (!d.moved && Math.abs(dx) + Math.abs(dy) < 2 / step) return;
    d.moved = true;
    const next: Record<string, { x: number; y: number }> = {};
    for (const [id, q] of Object.entries(d.from)) next[id] = { x: q.x + dx, y: q.y + dy };
    store.getState().setDragPositions(next);
  };

  const onPointerUp = () => {
    const d = drag.current;
    drag.current = undefined;
    if (d?.moved) commitDrag();
  };

  const onDoubleClick = (e: React.MouseEvent<SVGPathElement>) => {
    const id = tableAt(e.clientX, e.clientY);
    if (!id) return;
    e.stopPropagation();
    void fitView({ nodes: [{ id }], duration: 300, maxZoom: 1, minZoom: 0.6, includeHiddenNodes: true });
  };

  return (
    <g className="db-map" data-testid="table-map">
      <path className="db-map-box nopan" d={still.body || 'M0 0'} onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onClick={(e) => e.stopPropagation()} onDoubleClick={onDoubleClick} />
      {still.headers.map((h) => (
        <path key={h.color} className="db-map-header" d={h.d} style={h.color ? { fill: h.color } : undefined} />
      ))}
      {live && <path className="db-map-box is-live" d={live} />}
      {selected && <path className="db-map-selected" d={selected} />}
      <MapLabels doc={doc} boxes={boxes} stillKey={stillKey} step={step} />
    </g>
  );
}

let measureContext: CanvasRenderingContext2D | null | undefined;
const charWidths = new Map<string, number>();

/**
 * Width of `text` at 1 px of the label font: the sum of its characters' widths, each measured once
 * (measuring every name whole cost ~16 ms per 1,000 tables; kerning is not worth it here).
 */
function measureName(text: string): number {
  let w = 0;
  for (const ch of text) {
    let cw = charWidths.get(ch);
    if (cw === undefined) {
      if (measureContext === undefined) {
        measureContext = document.createElement('canvas').getContext('2d');
        if (measureContext) measureContext.font = '600 100px ui-sans-serif, system-ui, sans-serif';
      }
      cw = measureContext ? measureContext.measureText(ch).width / 100 : 0.6;
      charWidths.set(ch, cw);
    }
    w += cw;
  }
  return w;
}

const MapLabels = memo(function MapLabels(props: { doc: SchemaDocument; boxes: ReadonlyMap<string, TableBox>; stillKey: object; step: number }) {
  // Placed one task late: after an auto-layout of thousands of tables the boxes appear first and the
  // names in a task of their own, instead of one long main-thread task. Until then, names of tables
  // that moved are hidden rather than shown where the tables were; on a zoom step the old ones stay.
  const late = useLateValue(props, true, true);
  const hidden = !late.value || (late.stale && late.value.stillKey !== props.stillKey);
  return hidden ? null : <PlacedLabels {...late.value!} />;
});

const PlacedLabels = memo(function PlacedLabels({ doc, boxes, stillKey, step }: { doc: SchemaDocument; boxes: ReadonlyMap<string, TableBox>; stillKey: object; step: number }) {
  const labels = useMemo(() => {
    const names = new Map<string, string>();
    for (const id of boxes.keys()) names.set(id, doc.tables[id]?.name ?? '');
    const degree = new Map<string, number>();
    for (const r of Object.values(doc.relationships)) {
      degree.set(r.fromTableId, (degree.get(r.fromTableId) ?? 0) + 1);
      degree.set(r.toTableId, (degree.get(r.toTableId) ?? 0) + 1);
    }
    return placeMapLabels({ boxes, names, degree, zoom: step, fontPx: MAP_FONT_PX, measure: measureName });
    // Placed again when the tables or the zoom step change; during a drag the names stay put.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stillKey, step]);

  const areas = useMemo(() => {
    const out: { id: string; name: string; color: string; x: number; y: number }[] = [];
    for (const a of Object.values(doc.areas)) {
      let x = Infinity;
      let y = Infinity;
      for (const id of a.tableIds) {
        const b = boxes.get(id);
        if (!b) continue;
        x = Math.min(x, b.x);
        y = Math.min(y, b.y);
      }
      if (x !== Infinity) out.push({ id: a.id, name: a.name, color: a.color, x, y });
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [doc.areas, stillKey]);

  const font = MAP_FONT_PX / step;
  const areaFont = AREA_FONT_PX / step;
  return (
    <g className="db-map-labels">
      {labels.map((l) => (
        <text key={l.tableId} className="db-map-label" data-table-id={l.tableId} x={l.x} y={l.y} fontSize={font} strokeWidth={font / 4}>
          {l.text}
        </text>
      ))}
      {areas.map((a) => (
        <text key={a.id} className="db-map-area-label" data-area-id={a.id} x={a.x} y={a.y - areaFont * 0.5} fontSize={areaFont} strokeWidth={areaFont / 4} style={{ fill: a.color }}>
          {a.name}
        </text>
      ))}
    </g>
  );
});

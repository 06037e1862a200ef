'use client';
/**
 * The minimap: every table as one path (React Flow's MiniMap draws a rect per node and skips hidden
 * ones — at map zoom every table node is hidden), and the view as a rectangle. Press or drag on it
 * to move the view there.
 */
import { memo, useMemo } from 'react';
import { Panel, useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import { boundsOf } from './first-view';
import type { TableBox } from './to-flow';

const W = 200;
const H = 140;

export const Minimap = memo(function Minimap({ boxes }: { boxes: ReadonlyMap<string, TableBox> }) {
  const { setCenter, getViewport } = useReactFlow();
  const world = useMemo(() => {
    const b = boundsOf(boxes.values());
    if (!b) return undefined;
    const pad = Math.max(b.x2 - b.x1, b.y2 - b.y1) * 0.05 + 40;
    const x1 = b.x1 - pad;
    const y1 = b.y1 - pad;
    const scale = Math.min(W / (b.x2 - b.x1 + 2 * pad), H / (b.y2 - b.y1 + 2 * pad));
    let d = '';
    for (const t of boxes.values()) d += `M${Math.round((t.x - x1) * scale)} ${Math.round((t.y - y1) * scale)}h${Math.max(1, Math.round(t.shape.width * scale))}v${Math.max(1, Math.round(t.shape.height * scale))}h${-Math.max(1, Math.round(t.shape.width * scale))}Z`;
    return { x1, y1, scale, d };
  }, [boxes]);
  const view = useFlowStore((s) => {
    const [tx, ty, zoom] = s.transform;
    if (!world || !zoom) return '';
    const x = (-tx / zoom - world.x1) * world.scale;
    const y = (-ty / zoom - world.y1) * world.scale;
    return `${x.toFixed(1)},${y.toFixed(1)},${((s.width / zoom) * world.scale).toFixed(1)},${((s.height / zoom) * world.scale).toFixed(1)}`;
  });
  if (!world) return null;
  const [vx, vy, vw, vh] = view.split(',').map(Number);

  const moveTo = (e: React.PointerEvent<SVGSVGElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const fx = (e.clientX - r.left) / world.scale + world.x1;
    const fy = (e.clientY - r.top) / world.scale + world.y1;
    void setCenter(fx, fy, { zoom: getViewport().zoom });
  };

  return (
    <Panel position="bottom-right" className="db-minimap">
      <svg
        width={W}
        height={H}
        role="img"
        aria-label="Minimap"
        data-testid="minimap"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          moveTo(e);
        }}
        onPointerMove={(e) => e.buttons === 1 && moveTo(e)}
      >
        <path className="db-minimap-tables" d={world.d} />
        {Number.isFinite(vx) && <rect className="db-minimap-view" x={vx} y={vy} width={vw} height={vh} />}
      </svg>
    </Panel>
  );
});

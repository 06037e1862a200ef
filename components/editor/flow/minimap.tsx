'use client';
/**
 * The minimap: every table drawn once into a bitmap (React Flow's MiniMap draws an SVG rect per node
 * and skips hidden ones — at map zoom every table node is hidden — and repainting 5,000 rects on every
 * pan frame cost frames on two cores), and the view as a rectangle moved over it. Press or drag on it
 * to move the view there.
 */
import { memo, useEffect, useMemo, useRef } from 'react';
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
    return { x1, y1, scale };
  }, [boxes]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    // Drawn in a task of its own, so a change of thousands of tables does not add to the commit's task.
    const timer = setTimeout(() => {
      const canvas = canvasRef.current;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx || !world) return;
      const dpr = window.devicePixelRatio || 1;
      canvas.width = W * dpr;
      canvas.height = H * dpr;
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, W, H);
      ctx.fillStyle = getComputedStyle(canvas).color;
      for (const t of boxes.values()) ctx.fillRect((t.x - world.x1) * world.scale, (t.y - world.y1) * world.scale, Math.max(1, t.shape.width * world.scale), Math.max(1, t.shape.height * world.scale));
    }, 0);
    return () => clearTimeout(timer);
  }, [boxes, world]);
  const view = useFlowStore((s) => {
    const [tx, ty, zoom] = s.transform;
    if (!world || !zoom) return '';
    const x = (-tx / zoom - world.x1) * world.scale;
    const y = (-ty / zoom - world.y1) * world.scale;
    return `${x.toFixed(1)},${y.toFixed(1)},${((s.width / zoom) * world.scale).toFixed(1)},${((s.height / zoom) * world.scale).toFixed(1)}`;
  });
  if (!world) return null;
  const [vx, vy, vw, vh] = view.split(',').map(Number);

  const moveTo = (e: React.PointerEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const fx = (e.clientX - r.left) / world.scale + world.x1;
    const fy = (e.clientY - r.top) / world.scale + world.y1;
    void setCenter(fx, fy, { zoom: getViewport().zoom });
  };

  return (
    <Panel position="bottom-right" className="db-minimap">
      <div
        className="db-minimap-frame"
        style={{ width: W, height: H }}
        role="img"
        aria-label="Minimap"
        data-testid="minimap"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          moveTo(e);
        }}
        onPointerMove={(e) => e.buttons === 1 && moveTo(e)}
      >
        <canvas ref={canvasRef} className="db-minimap-tables" style={{ width: W, height: H }} />
        {Number.isFinite(vx) && <div className="db-minimap-view" style={{ transform: `translate(${vx}px, ${vy}px)`, width: vw, height: vh }} />}
      </div>
    </Panel>
  );
});

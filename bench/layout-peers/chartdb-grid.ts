/**
 * ChartDB's table placement (chartdb/chartdb src/lib/domain/db-table.ts, `adjustTablePositions`
 * without areas, mode 'all'), reproduced with Draftbase's table sizes: tables sorted by number of
 * relationships; under 100 connected tables, each placed on a 6-column grid and its neighbours
 * around it on a circle, recursively; from 100 on, a 10-column grid; a spiral search moves a table
 * off any table it would touch; tables without relationships go in an 8-column grid below.
 * ChartDB looks up each table's size with an array search (cubic in the table count); a map here
 * gives the same positions faster, so the times below flatter ChartDB.
 */
import { checkDeadline, type PeerLayout } from './types';

export const chartdbGrid: PeerLayout = (nodes, edges, deadline) => {
  const gapX = 100;
  const gapY = 100;
  const startX = 100;
  const startY = 100;
  const size = new Map(nodes.map((n) => [n.id, { width: n.width, height: n.height }]));
  const ids = new Set(nodes.map((n) => n.id));
  const connections = new Map<string, Set<string>>();
  for (const e of edges) {
    if (!ids.has(e.source) || !ids.has(e.target)) continue;
    if (!connections.has(e.source)) connections.set(e.source, new Set());
    if (!connections.has(e.target)) connections.set(e.target, new Set());
    connections.get(e.source)!.add(e.target);
    connections.get(e.target)!.add(e.source);
  }
  const connected = nodes.filter((n) => (connections.get(n.id)?.size ?? 0) > 0).map((n) => n.id);
  const isolated = nodes.filter((n) => !((connections.get(n.id)?.size ?? 0) > 0)).map((n) => n.id);
  connected.sort((a, b) => (connections.get(b)?.size ?? 0) - (connections.get(a)?.size ?? 0));

  const placed = new Map<string, { x: number; y: number }>();
  const overlapping = (x: number, y: number, id: string) => {
    for (const [other, p] of placed) {
      if (other === id) continue;
      const s = size.get(other)!;
      if (Math.abs(x - p.x) < s.width + gapX && Math.abs(y - p.y) < s.height + gapY) return true;
    }
    return false;
  };
  const freeSpot = (baseX: number, baseY: number, id: string) => {
    checkDeadline(deadline);
    const { width, height } = size.get(id)!;
    const step = Math.max(width, height) / 2;
    let angle = 0;
    let radius = 0;
    for (let i = 0; i < 1000; i++) {
      const x = baseX + radius * Math.cos(angle);
      const y = baseY + radius * Math.sin(angle);
      if (!overlapping(x, y, id)) return { x, y };
      angle += Math.PI / 4;
      if (angle >= 2 * Math.PI) {
        angle = 0;
        radius += step;
      }
    }
    return { x: baseX + radius * Math.cos(angle), y: baseY + radius * Math.sin(angle) };
  };
  const place = (id: string, baseX: number, baseY: number) => {
    if (placed.has(id)) return;
    const { x, y } = freeSpot(baseX, baseY, id);
    placed.set(id, { x, y });
    const around = connections.get(id) ?? new Set<string>();
    let angle = 0;
    const angleStep = (2 * Math.PI) / around.size;
    for (const other of around) {
      if (placed.has(other)) continue;
      const a = size.get(id)!;
      const b = size.get(other)!;
      const newX = x + Math.cos(angle) * ((a.width + b.width) / 2 + gapX * 2);
      const newY = y + Math.sin(angle) * ((a.height + b.height) / 2 + gapY * 2);
      place(other, newX, newY);
      angle += angleStep;
    }
  };
  if (connected.length < 100) {
    connected.forEach((id, index) => {
      if (placed.has(id)) return;
      const { width, height } = size.get(id)!;
      place(id, startX + (index % 6) * (width + gapX * 2), startY + Math.floor(index / 6) * (height + gapY * 2));
    });
  } else {
    connected.forEach((id, index) => {
      if (placed.has(id)) return;
      const { width, height } = size.get(id)!;
      placed.set(id, freeSpot(startX + (index % 10) * (width + gapX), startY + Math.floor(index / 10) * (height + gapY), id));
    });
  }
  let maxY = startY;
  for (const [id, p] of placed) maxY = Math.max(maxY, p.y + size.get(id)!.height);
  isolated.forEach((id, index) => {
    const { width, height } = size.get(id)!;
    placed.set(id, freeSpot(startX + (index % 8) * (width + gapX), maxY + gapY * 2 + Math.floor(index / 8) * (height + gapY), id));
  });
  return Object.fromEntries(placed);
};

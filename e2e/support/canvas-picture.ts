/**
 * What the user sees on the canvas, read from the page: the view, the tables in it, and whether a
 * line is drawn for every relationship with a table in the view — attached, at full detail, to the
 * right column rows (every pair of a composite key) on the node's border.
 *
 * Lines are read geometrically from whatever draws them (our relationship layer, or React Flow edges
 * if any exist), so the check does not trust the implementation's own bookkeeping.
 */
import { expect, type Page } from '@playwright/test';

export interface PictureReport {
  zoom: number;
  detail: 'full' | 'overview';
  tablesInView: number;
  /** Relationships with at least one table in the view. */
  expected: number;
  /** Of those, how many are drawn (correctly attached at full detail). */
  drawn: number;
  missing: string[];
  misplaced: string[];
  /** Smallest on-screen font size (px) of a table name in the view. */
  smallestNamePx: number | null;
  /** Tables in the view whose name is drawn (at full detail all; on the map, where names fit). */
  namedTables: number;
}

export async function readPicture(page: Page): Promise<PictureReport> {
  return page.evaluate(() => {
    type Col = { id: string; name: string };
    type Tbl = { id: string; name: string; columns: Col[]; primaryKey?: { columnIds: string[] } };
    type Rel = { id: string; fromTableId: string; toTableId: string; columnPairs: { fromColumnId: string; toColumnId: string }[] };
    type Doc = { tables: Record<string, Tbl>; relationships: Record<string, Rel>; layout: { tables: Record<string, { x: number; y: number; collapsed?: boolean }> } };
    const store = (window as unknown as { __draftbaseStore: { getState(): { doc: Doc; dragPositions: Record<string, { x: number; y: number }> } } }).__draftbaseStore;
    const { doc, dragPositions } = store.getState();
    const flowEl = document.querySelector('.react-flow') as HTMLElement;
    const vpEl = document.querySelector('.react-flow__viewport') as HTMLElement;
    const canvas = flowEl.getBoundingClientRect();
    const m = /translate\(([-\d.e]+)px,\s*([-\d.e]+)px\)\s*scale\(([-\d.e]+)\)/.exec(vpEl.style.transform);
    if (!m) throw new Error(`unreadable viewport transform: ${vpEl.style.transform}`);
    const [tx, ty, zoom] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const toScreen = (x: number, y: number) => ({ x: canvas.left + tx + x * zoom, y: canvas.top + ty + y * zoom });

    // Table boxes in screen pixels: the node in the DOM when mounted, else its live (dragged) or stored
    // position with the declared size (header 34, rows 24, footer 6 — components/editor/flow/geometry.ts).
    const attached = new Map<string, Set<string>>();
    for (const r of Object.values(doc.relationships)) {
      for (const p of r.columnPairs) {
        (attached.get(r.fromTableId) ?? attached.set(r.fromTableId, new Set()).get(r.fromTableId)!).add(p.fromColumnId);
        (attached.get(r.toTableId) ?? attached.set(r.toTableId, new Set()).get(r.toTableId)!).add(p.toColumnId);
      }
    }
    type Box = { left: number; top: number; right: number; bottom: number; mounted: HTMLElement | null };
    const boxes = new Map<string, Box>();
    for (const t of Object.values(doc.tables)) {
      const el = document.querySelector(`.react-flow__node[data-id="${CSS.escape(t.id)}"]`) as HTMLElement | null;
      if (el) {
        const r = el.getBoundingClientRect();
        boxes.set(t.id, { left: r.left, top: r.top, right: r.right, bottom: r.bottom, mounted: el });
        continue;
      }
      const stored = doc.layout.tables[t.id];
      const pos = dragPositions[t.id] ? { ...stored, ...dragPositions[t.id] } : stored;
      if (!pos) continue; // unplaced tables sit on the fallback grid; they are mounted when in view
      const rows = pos.collapsed ? t.columns.filter((c) => t.primaryKey?.columnIds.includes(c.id) || attached.get(t.id)?.has(c.id)).length : t.columns.length;
      const a = toScreen(pos.x, pos.y);
      const b = toScreen(pos.x + 260, pos.y + 34 + Math.max(1, rows) * 24 + 6);
      boxes.set(t.id, { left: a.x, top: a.y, right: b.x, bottom: b.y, mounted: null });
    }
    const inView = (b: Box) => b.right >= canvas.left && b.left <= canvas.right && b.bottom >= canvas.top && b.top <= canvas.bottom;
    const visibleTables = [...boxes.entries()].filter(([, b]) => inView(b)).map(([id]) => id);
    const visible = new Set(visibleTables);

    // Lines as drawn: endpoints in screen pixels.
    const numbers = (d: string) => (d.match(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g) ?? []).map(Number);
    const layer = document.querySelector('[data-testid="relationship-layer"]');
    const detail = (layer?.getAttribute('data-detail') ?? (zoom < 0.5 ? 'overview' : 'full')) as 'full' | 'overview';
    type Seg = { rel?: string; from?: string; to?: string; a: { x: number; y: number }; b: { x: number; y: number } };
    const segs: Seg[] = [];
    const svgPoint = (el: SVGGraphicsElement, x: number, y: number) => {
      const ctm = el.getScreenCTM();
      if (!ctm) return toScreen(x, y);
      return { x: ctm.a * x + ctm.c * y + ctm.e, y: ctm.b * x + ctm.d * y + ctm.f };
    };
    for (const p of document.querySelectorAll<SVGPathElement>('[data-testid="relationship-layer"] path.db-rel-line, .react-flow__edge path.react-flow__edge-path')) {
      const n = numbers(p.getAttribute('d') ?? '');
      if (n.length < 4) continue;
      const g = p.closest('[data-relationship-id], .react-flow__edge');
      const rel = g?.getAttribute('data-relationship-id') ?? g?.getAttribute('data-id') ?? undefined;
      segs.push({ rel, from: p.dataset.fromColumn, to: p.dataset.toColumn, a: svgPoint(p, n[0], n[1]), b: svgPoint(p, n[n.length - 2], n[n.length - 1]) });
    }
    for (const p of document.querySelectorAll<SVGPathElement>('[data-testid="relationship-layer"] path.db-rel-overview')) {
      for (const sub of (p.getAttribute('d') ?? '').split('M').slice(1)) {
        const n = numbers(sub);
        if (sub.includes('h')) {
          // self-reference loop: M x y h40 v32 h-40 — both ends on the same side
          segs.push({ a: svgPoint(p, n[0], n[1]), b: svgPoint(p, n[0], n[1] + 32) });
        } else if (n.length >= 4) segs.push({ a: svgPoint(p, n[0], n[1]), b: svgPoint(p, n[2], n[3]) });
      }
    }

    const tol = 6;
    const onSide = (pt: { x: number; y: number }, b: Box) => (Math.abs(pt.x - b.left) <= tol || Math.abs(pt.x - b.right) <= tol) && pt.y >= b.top - tol && pt.y <= b.bottom + tol;
    const onRow = (pt: { x: number; y: number }, b: Box, tableId: string, columnId: string) => {
      if (!onSide(pt, b)) return false;
      if (!b.mounted) return true; // off-screen end: the side and height range are all that can be seen
      const name = doc.tables[tableId].columns.find((c) => c.id === columnId)?.name ?? '';
      const row = b.mounted.querySelector(`[data-testid="column-row"][data-column-name="${CSS.escape(name)}"]`);
      if (!row) return !b.mounted.querySelector('[data-testid="column-row"]'); // names-only node: no rows to hit
      const r = row.getBoundingClientRect();
      return pt.y >= r.top - 1 && pt.y <= r.bottom + 1;
    };

    const missing: string[] = [];
    const misplaced: string[] = [];
    let expected = 0;
    let drawn = 0;
    for (const rel of Object.values(doc.relationships)) {
      const fromBox = boxes.get(rel.fromTableId);
      const toBox = boxes.get(rel.toTableId);
      if (!fromBox || !toBox || !(visible.has(rel.fromTableId) || visible.has(rel.toTableId))) continue;
      expected++;
      const label = `${doc.tables[rel.fromTableId].name} -> ${doc.tables[rel.toTableId].name} (${rel.id})`;
      if (detail === 'full') {
        const mine = segs.filter((s) => s.rel === rel.id);
        if (mine.length === 0) {
          missing.push(label);
          continue;
        }
        const bad = rel.columnPairs.filter((pair) => {
          const s = mine.find((x) => x.from === pair.fromColumnId && x.to === pair.toColumnId) ?? (mine.length === 1 && rel.columnPairs.length === 1 ? mine[0] : undefined);
          return !s || !onRow(s.a, fromBox, rel.fromTableId, pair.fromColumnId) || !onRow(s.b, toBox, rel.toTableId, pair.toColumnId);
        });
        if (bad.length) misplaced.push(`${label}: ${bad.length} of ${rel.columnPairs.length} column pairs not on their rows`);
        else drawn++;
      } else {
        const hit = segs.some((s) => (onSide(s.a, fromBox) && onSide(s.b, toBox)) || (onSide(s.b, fromBox) && onSide(s.a, toBox)));
        if (hit) drawn++;
        else missing.push(label);
      }
    }

    // Names as drawn: in the node's header at full detail, or on the map (SVG text in flow units).
    let smallestNamePx: number | null = null;
    for (const id of visibleTables) {
      const el = (boxes.get(id)!.mounted?.querySelector('.db-table-name, .db-table-low-name') ??
        document.querySelector(`.db-map-label[data-table-id="${CSS.escape(id)}"]`)) as Element | null;
      if (!el) continue;
      const px = parseFloat(getComputedStyle(el).fontSize) * zoom;
      smallestNamePx = smallestNamePx === null ? px : Math.min(smallestNamePx, px);
    }
    const namedTables = visibleTables.filter((id) => boxes.get(id)!.mounted?.querySelector('.db-table-name') || document.querySelector(`.db-map-label[data-table-id="${CSS.escape(id)}"]`)).length;
    return { zoom, detail, tablesInView: visibleTables.length, expected, drawn, missing, misplaced, smallestNamePx, namedTables };
  });
}

/** Waits (polling) until every expected line is drawn and attached; fails with the last report. */
export async function expectEveryRelationshipDrawn(page: Page, what: string): Promise<PictureReport> {
  let last: PictureReport | undefined;
  await expect
    .poll(
      async () => {
        last = await readPicture(page);
        return { missing: last.missing.slice(0, 8), misplaced: last.misplaced.slice(0, 8), firstViewHasTables: last.tablesInView > 0 };
      },
      { message: what, timeout: 10_000 },
    )
    .toEqual({ missing: [], misplaced: [], firstViewHasTables: true });
  return last!;
}

export async function viewportZoom(page: Page): Promise<number> {
  return page.evaluate(() => {
    const m = /scale\(([-\d.e]+)\)/.exec((document.querySelector('.react-flow__viewport') as HTMLElement).style.transform);
    return m ? Number(m[1]) : NaN;
  });
}

/**
 * Zooms with the mouse wheel over a screen point until the zoom reaches `target` (either way). One
 * wheel event of the right size does it (React Flow zooms by 2^(-deltaY * 0.002)); a few more correct
 * for the zoom limits.
 */
export async function wheelZoomTo(page: Page, at: { x: number; y: number }, target: number): Promise<void> {
  await page.mouse.move(at.x, at.y);
  for (let i = 0; i < 6; i++) {
    const z = await viewportZoom(page);
    if (Math.abs(Math.log2(z / target)) < 0.1) return;
    await page.mouse.wheel(0, -Math.log2(target / z) / 0.002);
    await page.waitForTimeout(80);
  }
}

/** Screen centres of up to `n` tables spread over the document (first, busiest, last). */
export async function tableSpots(page: Page, n: number): Promise<string[]> {
  return page.evaluate((count) => {
    type Doc = { tables: Record<string, { id: string }>; relationships: Record<string, { fromTableId: string; toTableId: string }> };
    const doc = (window as unknown as { __draftbaseStore: { getState(): { doc: Doc } } }).__draftbaseStore.getState().doc;
    const ids = Object.keys(doc.tables);
    const degree = new Map<string, number>();
    for (const r of Object.values(doc.relationships)) {
      degree.set(r.fromTableId, (degree.get(r.fromTableId) ?? 0) + 1);
      degree.set(r.toTableId, (degree.get(r.toTableId) ?? 0) + 1);
    }
    const busiest = [...degree.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
    const picks = [busiest[0], ids[0], ids[Math.floor(ids.length / 2)], ids[ids.length - 1], busiest[1]].filter(Boolean);
    return [...new Set(picks)].slice(0, count);
  }, n);
}

/** Where a table's header is on screen (from its stored position and the view), mounted or not. */
export async function tableHeaderOnScreen(page: Page, tableId: string): Promise<{ x: number; y: number } | undefined> {
  return page.evaluate((id) => {
    type Doc = { layout: { tables: Record<string, { x: number; y: number }> } };
    const doc = (window as unknown as { __draftbaseStore: { getState(): { doc: Doc } } }).__draftbaseStore.getState().doc;
    const node = document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
    if (node) {
      const r = node.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + Math.min(r.height / 2, 17) };
    }
    const pos = doc.layout.tables[id];
    if (!pos) return undefined;
    const canvas = (document.querySelector('.react-flow') as HTMLElement).getBoundingClientRect();
    const m = /translate\(([-\d.e]+)px,\s*([-\d.e]+)px\)\s*scale\(([-\d.e]+)\)/.exec((document.querySelector('.react-flow__viewport') as HTMLElement).style.transform);
    if (!m) return undefined;
    const [tx, ty, zoom] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return { x: canvas.left + tx + (pos.x + 130) * zoom, y: canvas.top + ty + (pos.y + 17) * zoom };
  }, tableId);
}

/**
 * The canvas as the user arranged it, as a standalone SVG file: tables at their positions (collapsed
 * ones collapsed), in their colours, with their rows as the node draws them (key badges, names,
 * the dialect's type spelling, nullability), relationships along the same paths with crow's-foot
 * ends, areas and notes — the whole diagram or only the selected tables. Pure: a string is built,
 * nothing is measured, and every name and comment is escaped for XML.
 */
import { getSmoothStepPath, Position } from '@xyflow/react';
import type { CardinalityEnd, Dialect, SchemaDocument } from '@/lib/model/document';
import { formatColumnType } from '@/lib/dialects/type-text';
import { FOOTER_HEIGHT, HEADER_HEIGHT, ROW_HEIGHT, type Side } from './geometry';
import { createLineDeriver } from './relationship-lines';
import type { TableBox } from './to-flow';

export interface CanvasSvgInput {
  doc: SchemaDocument;
  boxes: ReadonlyMap<string, TableBox>;
  dialect: Dialect;
  /** Only these tables (and the relationships and areas among them); all when absent. */
  tableIds?: readonly string[];
  theme?: 'light' | 'dark';
}

const PALETTE = {
  light: { bg: '#f8fafc', table: '#ffffff', border: '#cbd5e1', header: '#1e293b', headerFg: '#f8fafc', fg: '#0f172a', muted: '#64748b', edge: '#64748b', pk: '#b45309', fk: '#2563eb', accent: '#3b82f6' },
  dark: { bg: '#0b1120', table: '#111827', border: '#334155', header: '#1e3a5f', headerFg: '#e2e8f0', fg: '#e2e8f0', muted: '#94a3b8', edge: '#94a3b8', pk: '#fbbf24', fk: '#60a5fa', accent: '#3b82f6' },
};

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Keeps a text within `max` characters (the node clips with an ellipsis too). */
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

const side = (s: Side) => (s === 'r' ? Position.Right : Position.Left);

const MARKERS: Record<CardinalityEnd, string> = {
  'exactly-one': '<path d="M12 3 L12 17 M16 3 L16 17"/>',
  'zero-or-one': '<circle cx="7" cy="10" r="3.5" class="hole"/><path d="M15 3 L15 17"/>',
  'one-or-many': '<path d="M7 3 L7 17"/><path d="M10 10 L20 3 M10 10 L20 10 M10 10 L20 17"/>',
  'zero-or-many': '<circle cx="5" cy="10" r="3.5" class="hole"/><path d="M10 10 L20 3 M10 10 L20 10 M10 10 L20 17"/>',
};

export function canvasSvg({ doc, boxes, dialect, tableIds, theme = 'light' }: CanvasSvgInput): string {
  const c = PALETTE[theme];
  const included = new Set(tableIds ?? boxes.keys());
  const shown = new Map([...boxes].filter(([id]) => included.has(id) && doc.tables[id]));
  if (shown.size === 0) throw new Error('there are no tables to draw');

  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  const grow = (ax: number, ay: number, bx: number, by: number) => {
    x1 = Math.min(x1, ax);
    y1 = Math.min(y1, ay);
    x2 = Math.max(x2, bx);
    y2 = Math.max(y2, by);
  };
  for (const b of shown.values()) grow(b.x, b.y, b.x + b.shape.width, b.y + b.shape.height);

  const parts: string[] = [];
  // Areas whose tables are all drawn: frames behind the tables.
  for (const a of Object.values(doc.areas)) {
    const mine = a.tableIds.map((id) => shown.get(id)).filter((b): b is TableBox => !!b);
    if (mine.length === 0 || mine.length < a.tableIds.filter((id) => doc.tables[id]).length) continue;
    const ax = mine.reduce((m, b) => Math.min(m, b.x), Infinity) - 30;
    const ay = mine.reduce((m, b) => Math.min(m, b.y), Infinity) - 58;
    const bx = mine.reduce((m, b) => Math.max(m, b.x + b.shape.width), -Infinity) + 30;
    const by = mine.reduce((m, b) => Math.max(m, b.y + b.shape.height), -Infinity) + 30;
    grow(ax, ay, bx, by);
    const color = escapeXml(a.color);
    parts.push(
      `<g class="area"><rect x="${ax}" y="${ay}" width="${bx - ax}" height="${by - ay}" rx="10" fill="${color}" fill-opacity="0.1" stroke="${color}" stroke-width="2" stroke-dasharray="8 5"/>` +
        `<text x="${ax + 10}" y="${ay + 20}" fill="${color}" font-weight="600" font-size="14">${escapeXml(a.name)}</text></g>`,
    );
  }
  // Notes only with the whole diagram (they belong to no table).
  if (!tableIds) {
    let i = 0;
    for (const n of Object.values(doc.notes)) {
      const g = doc.layout.notes[n.id] ?? { x: -280, y: i * 160, width: 220, height: 140 };
      i++;
      grow(g.x, g.y, g.x + g.width, g.y + g.height);
      const lines = n.text.split('\n').flatMap((l) => l.match(/.{1,32}(\s|$)|\S+/g) ?? ['']).slice(0, Math.floor((g.height - 16) / 18));
      parts.push(
        `<g class="note"><rect x="${g.x}" y="${g.y}" width="${g.width}" height="${g.height}" rx="4" fill="${escapeXml(n.color ?? '#fef3c7')}"/>` +
          lines.map((l, k) => `<text x="${g.x + 10}" y="${g.y + 24 + k * 18}" fill="#1f2937" font-size="13">${escapeXml(l.trimEnd())}</text>`).join('') +
          '</g>',
      );
    }
  }

  // Relationships among the drawn tables, along the canvas's paths.
  const lines = createLineDeriver()(doc, shown);
  for (const line of lines) {
    for (const p of line.pairs) {
      const [d] = getSmoothStepPath({ sourceX: p.sx, sourceY: p.sy, sourcePosition: side(p.sourceSide), targetX: p.tx, targetY: p.ty, targetPosition: side(p.targetSide), borderRadius: 8, offset: 24 });
      parts.push(`<path class="rel${line.logical ? ' logical' : ''}" d="${d}" marker-start="url(#cf-${line.childEnd})" marker-end="url(#cf-${line.parentEnd})"><title>${escapeXml(line.label)}</title></path>`);
    }
  }

  // Tables.
  const fk = new Set<string>();
  for (const r of Object.values(doc.relationships)) for (const p of r.columnPairs) fk.add(`${r.fromTableId}\u0000${p.fromColumnId}`);
  for (const [id, b] of shown) {
    const t = doc.tables[id];
    const accent = escapeXml(doc.layout.tables[id]?.color ?? c.accent);
    const pk = new Set(t.primaryKey?.columnIds ?? []);
    const rows = b.shape.rowIds.map((cid) => t.columns.find((col) => col.id === cid)!).filter(Boolean);
    const out: string[] = [
      `<g class="table" data-table-id="${escapeXml(id)}" transform="translate(${b.x} ${b.y})">`,
      `<rect width="${b.shape.width}" height="${b.shape.height}" rx="6" fill="${c.table}" stroke="${c.border}"/>`,
      `<path d="M0 6 a6 6 0 0 1 6 -6 h${b.shape.width - 12} a6 6 0 0 1 6 6 v${HEADER_HEIGHT - 6} h${-b.shape.width} Z" fill="${c.header}"/>`,
      `<rect width="${b.shape.width}" height="3" fill="${accent}"/>`,
      `<text x="10" y="${HEADER_HEIGHT / 2 + 5}" fill="${c.headerFg}" font-weight="600" font-size="13">${escapeXml(clip(t.name, 34))}</text>`,
    ];
    rows.forEach((col, i) => {
      const y = HEADER_HEIGHT + i * ROW_HEIGHT + ROW_HEIGHT / 2 + 4;
      const isPk = pk.has(col.id);
      const isFk = fk.has(`${id}\u0000${col.id}`);
      if (isPk) out.push(`<text x="8" y="${y}" fill="${c.pk}" font-weight="700" font-size="9">PK</text>`);
      if (isFk) out.push(`<text x="${isPk ? 22 : 8}" y="${y}" fill="${c.fk}" font-weight="700" font-size="9">FK</text>`);
      out.push(`<text x="${isPk && isFk ? 40 : 30}" y="${y}" fill="${c.fg}" font-size="12">${escapeXml(clip(col.name, 24))}</text>`);
      const type = formatColumnType(col.type, col.arrayDims, doc, dialect);
      out.push(`<text x="${b.shape.width - 22}" y="${y}" fill="${c.muted}" font-size="11" text-anchor="end" font-family="ui-monospace, Menlo, monospace">${escapeXml(clip(type, 16))}</text>`);
      out.push(`<text x="${b.shape.width - 10}" y="${y}" fill="${c.muted}" font-size="12" font-weight="700" text-anchor="middle">${col.nullable ? '?' : '!'}</text>`);
    });
    if (b.shape.collapsed && rows.length < t.columns.length) {
      out.push(`<text x="${b.shape.width / 2}" y="${b.shape.height - FOOTER_HEIGHT + 4}" fill="${c.muted}" font-size="9" text-anchor="middle">${t.columns.length - rows.length} more</text>`);
    }
    out.push('</g>');
    parts.push(out.join(''));
  }

  const pad = 40;
  const vx = Math.floor(x1 - pad);
  const vy = Math.floor(y1 - pad);
  const w = Math.ceil(x2 - x1 + 2 * pad);
  const h = Math.ceil(y2 - y1 + 2 * pad);
  const markerDefs = (Object.keys(MARKERS) as CardinalityEnd[])
    .map((m) => `<marker id="cf-${m}" viewBox="0 0 20 20" markerWidth="20" markerHeight="20" refX="20" refY="10" orient="auto-start-reverse" markerUnits="userSpaceOnUse"><g fill="none" stroke="${c.edge}" stroke-width="1.4">${MARKERS[m]}</g></marker>`)
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="${vx} ${vy} ${w} ${h}" font-family="ui-sans-serif, system-ui, sans-serif">` +
    `<title>${escapeXml(`${shown.size} tables`)}</title>` +
    `<style>.rel{fill:none;stroke:${c.edge};stroke-width:1.4}.rel.logical{stroke-dasharray:6 4}.hole{fill:${c.bg}}</style>` +
    `<defs>${markerDefs}</defs>` +
    `<rect x="${vx}" y="${vy}" width="${w}" height="${h}" fill="${c.bg}"/>` +
    parts.join('') +
    '</svg>'
  );
}

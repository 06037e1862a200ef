/** Search over table and column names (pure; used by the Ctrl/Cmd+K dialog). */
import type { SchemaDocument } from '@/lib/model/document';
import { displayName } from '@/lib/model/lookup';

export interface SearchHit {
  kind: 'table' | 'column';
  tableId: string;
  columnId?: string;
  label: string;
  detail?: string;
}

/**
 * Tables first, then columns; exact and prefix matches before substring matches. Case-insensitive.
 * At most `limit` hits so a one-letter query on 13,000 columns stays instant.
 */
export function searchDocument(doc: SchemaDocument, query: string, limit = 50): SearchHit[] {
  const q = query.trim().toLowerCase();
  if (!q) return Object.values(doc.tables).slice(0, limit).map((t) => ({ kind: 'table', tableId: t.id, label: displayName(doc, t) }));
  const scored: { hit: SearchHit; score: number }[] = [];
  const rank = (name: string) => {
    const n = name.toLowerCase();
    if (n === q) return 0;
    if (n.startsWith(q)) return 1;
    if (n.includes(q)) return 2;
    return -1;
  };
  for (const t of Object.values(doc.tables)) {
    const r = rank(t.name);
    const label = displayName(doc, t);
    if (r >= 0) scored.push({ hit: { kind: 'table', tableId: t.id, label }, score: r });
    for (const c of t.columns) {
      const rc = rank(c.name);
      if (rc >= 0) scored.push({ hit: { kind: 'column', tableId: t.id, columnId: c.id, label: `${label}.${c.name}`, detail: label }, score: 10 + rc });
    }
  }
  // Shorter names first among equal matches: `orders` before `order_items` for "order".
  scored.sort((a, b) => a.score - b.score || a.hit.label.length - b.hit.label.length || a.hit.label.localeCompare(b.hit.label));
  return scored.slice(0, limit).map((s) => s.hit);
}

/**
 * The comparison the canvas is showing, read by the table nodes and the relationship layer by id
 * (one context value per comparison, so nodes re-render only when a comparison opens or closes).
 * Null on the live canvas and on a version opened read-only.
 */
import { createContext, useContext } from 'react';
import type { CompareView, DiffMark } from '@/lib/evolution/view/compare-view';
import { formatFieldValue } from '@/lib/evolution/view/compare-view';

export type DiffView = Pick<CompareView, 'marks' | 'tables' | 'extras'>;

export const DiffViewContext = createContext<DiffView | null>(null);

export function useDiffView(): DiffView | null {
  return useContext(DiffViewContext);
}

/** A mark's per-field list, one `field: old → new` line each (the tooltip of a changed element). */
export function describeMark(mark: DiffMark): string {
  if (mark.change !== 'changed') return `${mark.kind} ${mark.name} ${mark.change}`;
  const lines = mark.fields.map((f) => `${f.field}: ${formatFieldValue(f.old)} → ${formatFieldValue(f.new)}`);
  return [`${mark.kind} ${mark.name} changed`, ...(lines.length ? lines : ['position moved'])].join('\n');
}

/** Layout colours that say how each table changed (the map draws headers in them, too). */
export const DIFF_COLORS = { added: '#16a34a', removed: '#94a3b8', changed: '#d97706' } as const;

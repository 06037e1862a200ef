/**
 * What the editor derives from the threads: the Comments panel's groups (one per element, open or
 * resolved threads, orphaned ones flagged) and each table's count of open threads for its canvas
 * marker.
 */
import type { SchemaDocument } from '../model/document';
import { anchorKey, anchorLabel, anchorTableId, isOrphaned, type CommentAnchor } from './anchor';
import type { CommentThreadInfo } from './types';

export type ThreadFilter = 'open' | 'resolved';

export interface ThreadGroup {
  key: string;
  anchor: CommentAnchor;
  label: string;
  orphaned: boolean;
  threads: CommentThreadInfo[];
}

/**
 * Threads passing `filter`, grouped by element: groups ordered by their newest thread, orphaned
 * groups last (their element is gone), threads oldest first inside a group.
 */
export function groupThreads(threads: readonly CommentThreadInfo[], doc: SchemaDocument, filter: ThreadFilter): ThreadGroup[] {
  const groups = new Map<string, ThreadGroup>();
  for (const t of threads) {
    if (t.resolved !== (filter === 'resolved')) continue;
    const key = anchorKey(t.anchor);
    let g = groups.get(key);
    if (!g) {
      g = { key, anchor: t.anchor, label: anchorLabel(t.anchor, doc), orphaned: isOrphaned(t.anchor, doc), threads: [] };
      groups.set(key, g);
    }
    g.threads.push(t);
  }
  const newest = (g: ThreadGroup) => g.threads.reduce((m, t) => (t.createdAt > m ? t.createdAt : m), '');
  for (const g of groups.values()) g.threads.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return [...groups.values()].sort((a, b) => Number(a.orphaned) - Number(b.orphaned) || newest(b).localeCompare(newest(a)));
}

/** Open threads per table (the canvas marker's count); sections count for no table. */
export function openCountsByTable(threads: readonly CommentThreadInfo[], doc: SchemaDocument): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of threads) {
    if (t.resolved) continue;
    const id = anchorTableId(t.anchor, doc);
    if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** Open threads per design-document section slug (the preview's heading markers). */
export function openCountsBySection(threads: readonly CommentThreadInfo[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of threads) if (!t.resolved && t.anchor.kind === 'section') counts.set(t.anchor.slug, (counts.get(t.anchor.slug) ?? 0) + 1);
  return counts;
}

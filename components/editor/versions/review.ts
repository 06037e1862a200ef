/**
 * What the editor shows instead of the live design while versions are reviewed: one version opened
 * read-only, or two sides compared (each a named version or the current design). Pure.
 */
import type { SchemaDocument } from '@/lib/model/document';
import type { FindingTarget } from '@/lib/review/types';
import { diffDocuments, type DiffEntry, type DocumentDiff } from '@/lib/evolution/diff';
import { compareView, tableOf, type CompareView } from '@/lib/evolution/view/compare-view';
import { focusForTarget, type FindingFocus } from '../review/focus';
import { DIFF_COLORS } from './diff-context';
import { tablePosition } from '../flow/to-flow';

export interface Side {
  /** `v1 (Dec 4, 17:02)` or `current design`. */
  label: string;
  doc: SchemaDocument;
  /** Unset for the current design. */
  versionId?: string;
}

export type Review = { kind: 'version'; side: Side } | { kind: 'compare'; from: Side; to: Side };

export interface Comparison {
  diff: DocumentDiff;
  view: CompareView;
  /** The view's document with each changed table coloured by how it changed (the map shows it too). */
  doc: SchemaDocument;
}

export function compareSides(from: SchemaDocument, to: SchemaDocument): Comparison {
  const diff = diffDocuments(from, to);
  const view = compareView(from, to, diff);
  const layoutTables = { ...view.doc.layout.tables };
  for (const [id, status] of view.tables) {
    // A table without a stored place sits where the canvas would put it anyway.
    const place = layoutTables[id] ?? tablePosition(view.doc, id);
    layoutTables[id] = { ...place, color: DIFF_COLORS[status] };
  }
  return { diff, view, doc: { ...view.doc, layout: { ...view.doc.layout, tables: layoutTables } } };
}

/** What clicking an entry of the diff list selects and brings into view on the compared canvas. */
export function focusForEntry(entry: DiffEntry, doc: SchemaDocument): FindingFocus | undefined {
  const tableId = tableOf(entry);
  const target: FindingTarget | undefined =
    entry.kind === 'relationship'
      ? { kind: 'relationship', relationshipId: entry.id }
      : entry.kind === 'column' && tableId
        ? { kind: 'column', tableId, columnId: entry.id }
        : entry.kind === 'index' && tableId
          ? { kind: 'index', tableId, indexId: entry.id }
          : tableId
            ? { kind: 'table', tableId }
            : undefined;
  return target && focusForTarget(target, doc);
}

/** A file-name-safe slug of a side's label. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'version';
}

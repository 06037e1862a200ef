/**
 * Where a review thread is pinned: a table, a column, a relationship, an index (by element id, so a
 * rename keeps the thread on its element) or a design-document section (by its heading's anchor
 * slug). The anchor also stores the element's label when the thread was started: an element removed
 * later still has a name to show, and its thread stays visible as orphaned.
 */
import { z } from 'zod';
import { idSchema, type SchemaDocument } from '../model/document';
import { displayName } from '../model/lookup';
import { indexName } from '../naming/derived-names';
import { designSection } from './sections';
import { COMMENT_LIMITS } from './limits';

/** The element's label as it was: one line, at most 300 characters. */
const labelSchema = z
  .string()
  .transform((s) => s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim().slice(0, COMMENT_LIMITS.labelLength))
  .pipe(z.string().min(1));

const slugSchema = z.string().regex(/^[\p{Ll}\p{Lo}\p{M}\p{N}_-]{1,120}$/u, 'a heading slug such as index-strategy');

export const commentAnchorSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('table'), tableId: idSchema, label: labelSchema }),
  z.strictObject({ kind: z.literal('column'), tableId: idSchema, columnId: idSchema, label: labelSchema }),
  z.strictObject({ kind: z.literal('relationship'), relationshipId: idSchema, label: labelSchema }),
  z.strictObject({ kind: z.literal('index'), tableId: idSchema, indexId: idSchema, label: labelSchema }),
  z.strictObject({ kind: z.literal('section'), slug: slugSchema, label: labelSchema }),
]);
export type CommentAnchor = z.infer<typeof commentAnchorSchema>;
export type AnchorKind = CommentAnchor['kind'];

/** An anchor before its label is known (what the editor picks); `withLabel` completes it from the document. */
export type AnchorTarget = CommentAnchor extends infer A ? (A extends CommentAnchor ? Omit<A, 'label'> : never) : never;

export const ANCHOR_KIND_LABELS: Record<AnchorKind, string> = {
  table: 'Table',
  column: 'Column',
  relationship: 'Relationship',
  index: 'Index',
  section: 'Section',
};

/** One key per element: threads on the same element share it (the panel groups by it). */
export function anchorKey(anchor: AnchorTarget): string {
  switch (anchor.kind) {
    case 'table':
      return `table:${anchor.tableId}`;
    case 'column':
      return `column:${anchor.tableId}:${anchor.columnId}`;
    case 'relationship':
      return `relationship:${anchor.relationshipId}`;
    case 'index':
      return `index:${anchor.tableId}:${anchor.indexId}`;
    case 'section':
      return `section:${anchor.slug}`;
  }
}

function relationshipLabel(doc: SchemaDocument, relationshipId: string): string | undefined {
  const r = doc.relationships[relationshipId];
  if (!r) return undefined;
  const from = doc.tables[r.fromTableId];
  const to = doc.tables[r.toTableId];
  if (!from || !to) return undefined;
  if (r.name) return r.name;
  const cols = (t: typeof from, ids: string[]) => ids.map((id) => t.columns.find((c) => c.id === id)?.name ?? id).join(', ');
  return `${displayName(doc, from)}(${cols(from, r.columnPairs.map((p) => p.fromColumnId))}) → ${displayName(doc, to)}(${cols(to, r.columnPairs.map((p) => p.toColumnId))})`;
}

/** The element's current label, or undefined when it is no longer in the document. */
export function currentLabel(anchor: AnchorTarget, doc: SchemaDocument): string | undefined {
  switch (anchor.kind) {
    case 'table': {
      const t = doc.tables[anchor.tableId];
      return t && displayName(doc, t);
    }
    case 'column': {
      const t = doc.tables[anchor.tableId];
      const c = t?.columns.find((x) => x.id === anchor.columnId);
      return t && c && `${displayName(doc, t)}.${c.name}`;
    }
    case 'relationship':
      return relationshipLabel(doc, anchor.relationshipId);
    case 'index': {
      const t = doc.tables[anchor.tableId];
      const ix = t?.indexes.find((x) => x.id === anchor.indexId);
      return t && ix && indexName(t, ix);
    }
    case 'section':
      return designSection(anchor.slug)?.title;
  }
}

/** "orders.customer_id", "Index Strategy": the current name, or the one stored when the element is gone. */
export function anchorLabel(anchor: CommentAnchor, doc: SchemaDocument): string {
  return currentLabel(anchor, doc) ?? anchor.label;
}

/** True when the element the thread is pinned to was removed (the thread is still shown, flagged). */
export function isOrphaned(anchor: AnchorTarget, doc: SchemaDocument): boolean {
  return currentLabel(anchor, doc) === undefined;
}

/** The anchor with the element's current label stored in it; undefined when the element does not exist. */
export function withLabel(target: AnchorTarget, doc: SchemaDocument): CommentAnchor | undefined {
  const label = currentLabel(target, doc);
  return label === undefined ? undefined : ({ ...target, label: label.slice(0, COMMENT_LIMITS.labelLength) } as CommentAnchor);
}

/**
 * The table whose canvas node carries the thread's marker: the table itself, its column's or index's
 * table, a relationship's referencing (child) table; none for a section.
 */
export function anchorTableId(anchor: AnchorTarget, doc: SchemaDocument): string | undefined {
  switch (anchor.kind) {
    case 'table':
    case 'column':
    case 'index':
      return anchor.tableId;
    case 'relationship':
      return doc.relationships[anchor.relationshipId]?.fromTableId;
    case 'section':
      return undefined;
  }
}

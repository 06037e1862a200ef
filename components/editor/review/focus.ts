/**
 * What clicking a finding selects and shows on the canvas: the element itself where the inspector
 * edits it (a table, a column, an index, a relationship), else its table; the tables to bring into
 * view (both ends of a relationship). Enums, views and the schema as a whole have no place on the canvas.
 */
import type { SchemaDocument } from '@/lib/model/document';
import type { FindingTarget } from '@/lib/review/types';
import type { Selection } from '../store/editor-store';

export interface FindingFocus {
  selection: Selection;
  /** Table node ids to fit into view. */
  tableIds: string[];
}

export function focusForTarget(target: FindingTarget, doc: SchemaDocument): FindingFocus | undefined {
  switch (target.kind) {
    case 'table':
    case 'unique':
    case 'check':
      return doc.tables[target.tableId] ? { selection: { kind: 'tables', tableIds: [target.tableId] }, tableIds: [target.tableId] } : undefined;
    case 'column': {
      const t = doc.tables[target.tableId];
      if (!t) return undefined;
      const selection: Selection = t.columns.some((c) => c.id === target.columnId) ? { kind: 'column', tableId: t.id, columnId: target.columnId } : { kind: 'tables', tableIds: [t.id] };
      return { selection, tableIds: [t.id] };
    }
    case 'index': {
      const t = doc.tables[target.tableId];
      if (!t) return undefined;
      const selection: Selection = t.indexes.some((i) => i.id === target.indexId) ? { kind: 'index', tableId: t.id, indexId: target.indexId } : { kind: 'tables', tableIds: [t.id] };
      return { selection, tableIds: [t.id] };
    }
    case 'relationship': {
      const r = doc.relationships[target.relationshipId];
      if (!r) return undefined;
      return { selection: { kind: 'relationship', relationshipId: r.id }, tableIds: [...new Set([r.fromTableId, r.toTableId])].filter((id) => doc.tables[id]) };
    }
    default:
      return undefined;
  }
}

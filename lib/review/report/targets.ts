/**
 * What a finding is about, in words and as the table it belongs to: shared by the canvas (markers,
 * grouping by table, the Problems panel's labels), DATABASE_DESIGN.md and the CLI.
 */
import type { SchemaDocument } from '../../model/document';
import { columnName, displayName } from '../../model/lookup';
import type { FindingTarget } from '../types';

/**
 * The table a finding is shown on: the element's own table; for a relationship the child table
 * (the one that declares the foreign key). Enums, views and the document belong to no table.
 */
export function targetTableId(target: FindingTarget, doc: SchemaDocument): string | undefined {
  switch (target.kind) {
    case 'table':
    case 'column':
    case 'index':
    case 'unique':
    case 'check':
      return target.tableId;
    case 'relationship':
      return doc.relationships[target.relationshipId]?.fromTableId;
    default:
      return undefined;
  }
}

/** `orders`, `orders.customer_id`, `orders: index orders_status_idx`, `orders → customers`, `enum status`. */
export function targetLabel(target: FindingTarget, doc: SchemaDocument): string {
  switch (target.kind) {
    case 'document':
      return 'the schema';
    case 'table': {
      const t = doc.tables[target.tableId];
      return t ? displayName(doc, t) : target.tableId;
    }
    case 'column': {
      const t = doc.tables[target.tableId];
      return t ? `${displayName(doc, t)}.${columnName(t, target.columnId)}` : target.columnId;
    }
    case 'index': {
      const t = doc.tables[target.tableId];
      const ix = t?.indexes.find((i) => i.id === target.indexId);
      return t ? `${displayName(doc, t)}: index${ix?.name ? ` ${ix.name}` : ''}` : target.indexId;
    }
    case 'unique': {
      const t = doc.tables[target.tableId];
      const u = t?.uniques.find((x) => x.id === target.uniqueId);
      return t ? `${displayName(doc, t)}: unique${u?.name ? ` ${u.name}` : ` (${u?.columnIds.map((id) => columnName(t, id)).join(', ') ?? ''})`}` : target.uniqueId;
    }
    case 'check': {
      const t = doc.tables[target.tableId];
      const c = t?.checks.find((x) => x.id === target.checkId);
      return t ? `${displayName(doc, t)}: check${c?.name ? ` ${c.name}` : ''}` : target.checkId;
    }
    case 'relationship': {
      const r = doc.relationships[target.relationshipId];
      if (!r) return target.relationshipId;
      const from = doc.tables[r.fromTableId];
      const to = doc.tables[r.toTableId];
      return `${from ? displayName(doc, from) : r.fromTableId} → ${to ? displayName(doc, to) : r.toTableId}${r.name ? ` (${r.name})` : ''}`;
    }
    case 'enum': {
      const e = doc.enums[target.enumId];
      return `enum ${e ? displayName(doc, e) : target.enumId}`;
    }
    case 'view': {
      const v = doc.views[target.viewId];
      return `view ${v ? displayName(doc, v) : target.viewId}`;
    }
    default: {
      const never: never = target;
      return String(never);
    }
  }
}

import { makeIndex } from '../../model/build';
import type { Table } from '../../model/document';
import { columnName, displayName } from '../../model/lookup';
import type { Rule } from '../types';

/** True when some index (or the primary key, or a unique) has exactly `columnIds` as its leading columns, in any order. */
export function hasLeadingIndex(table: Table, columnIds: readonly string[]): boolean {
  const leads = (keys: readonly (string | undefined)[]) =>
    keys.length >= columnIds.length && columnIds.every((id) => keys.slice(0, columnIds.length).includes(id));
  if (table.primaryKey && leads(table.primaryKey.columnIds)) return true;
  if (table.uniques.some((u) => leads(u.columnIds))) return true;
  return table.indexes.some(
    (ix) => !ix.where && (ix.method ?? 'btree') === 'btree' && leads(ix.parts.map((p) => (p.kind === 'column' ? p.columnId : undefined))),
  );
}

const fkWithoutIndex: Rule = {
  id: 'fk-without-index',
  title: 'Foreign key without a supporting index',
  category: 'indexing',
  defaultSeverity: 'warning',
  rationale:
    'Deleting or updating a parent row scans the child table for references, and joins from parent to children scan it too; on PostgreSQL nothing indexes the child columns automatically.',
  suggestion: 'Add an index whose leading columns are the foreign key columns.',
  sources: ['Azimutt analyze "Missing index on relation"', 'pganalyze / PostgreSQL wiki "unindexed foreign keys"', 'Atlas schema lint'],
  check: ({ doc, ids }) => {
    const out = [];
    for (const rel of Object.values(doc.relationships)) {
      const child = doc.tables[rel.fromTableId];
      if (!child) continue;
      const columnIds = rel.columnPairs.map((p) => p.fromColumnId);
      if (hasLeadingIndex(child, columnIds)) continue;
      const columns = columnIds.map((id) => columnName(child, id)).join(', ');
      out.push({
        target: { kind: 'relationship' as const, relationshipId: rel.id },
        key: `fk-without-index:${rel.id}`,
        message: `no index on ${displayName(doc, child)} (${columns}) supports the foreign key to ${displayName(doc, doc.tables[rel.toTableId] ?? { name: rel.toTableId })}`,
        fix: {
          title: `Add index on ${child.name} (${columns})`,
          command: { type: 'index.add' as const, tableId: child.id, index: makeIndex({ parts: columnIds.map((columnId) => ({ kind: 'column' as const, columnId })) }, ids) },
        },
      });
    }
    return out;
  },
};

export const indexingRules: Rule[] = [fkWithoutIndex];

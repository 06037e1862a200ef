import type { CardinalityEnd, Relationship, SchemaDocument } from './document';
import { isUniqueColumnSet, type DocumentIndex } from './lookup';

export interface Cardinality {
  /** How many child (referencing) rows relate to one parent row. */
  from: CardinalityEnd;
  /** How many parent (referenced) rows relate to one child row. */
  to: CardinalityEnd;
}

/**
 * Cardinality of a relationship: the override when the architect set one, else derived. A child whose
 * foreign key columns are unique holds at most one row per parent (1:1), else many; a nullable foreign
 * key column makes the parent optional. Generators pass their DocumentIndex (thousands of foreign keys
 * on one table must not each scan its keys and columns).
 */
export function cardinalityOf(doc: SchemaDocument, rel: Relationship, index?: DocumentIndex): Cardinality {
  if (rel.cardinality) return rel.cardinality;
  const child = doc.tables[rel.fromTableId];
  if (!child) return { from: 'zero-or-many', to: 'exactly-one' };
  const fkColumnIds = rel.columnPairs.map((p) => p.fromColumnId);
  const unique = index ? index.isUniqueColumnSet(child, fkColumnIds) : isUniqueColumnSet(child, fkColumnIds);
  const optional = fkColumnIds.some((id) => (index ? index.column(child, id) : child.columns.find((c) => c.id === id))?.nullable ?? true);
  return { from: unique ? 'zero-or-one' : 'zero-or-many', to: optional ? 'zero-or-one' : 'exactly-one' };
}

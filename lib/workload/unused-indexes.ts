/**
 * Indexes that no declared query pattern uses (by the advisor's verdicts) and that no foreign key
 * needs (an index leading with a foreign key's columns serves the parent's ON DELETE/UPDATE checks
 * and joins): candidates for removal, each one costing writes and space. Primary keys and unique
 * constraints are never listed (they enforce rules). Pure.
 */
import type { SchemaDocument } from '../model/document';
import { indexName } from '../naming/derived-names';
import type { WorkloadAdvice } from './advice';

export interface UnusedIndex {
  tableId: string;
  indexId: string;
  name: string;
}

export function unusedIndexes(doc: SchemaDocument, advice: WorkloadAdvice): UnusedIndex[] {
  const used = new Set<string>();
  for (const v of advice.verdicts) {
    for (const a of v.accesses) if (a.tableId && a.indexName) for (const n of a.indexName.split(' + ')) used.add(`${a.tableId}\u0000${n}`);
  }
  const fkLeads = new Map<string, string[][]>();
  for (const r of Object.values(doc.relationships)) {
    const list = fkLeads.get(r.fromTableId) ?? [];
    list.push(r.columnPairs.map((p) => p.fromColumnId));
    fkLeads.set(r.fromTableId, list);
  }
  const out: UnusedIndex[] = [];
  for (const t of Object.values(doc.tables)) {
    for (const ix of t.indexes) {
      if (ix.unique || !ix.parts.length) continue;
      const name = indexName(t, ix);
      if (used.has(`${t.id}\u0000${name}`)) continue;
      const cols = ix.parts.map((p) => (p.kind === 'column' ? p.columnId : ''));
      const servesFk = (fkLeads.get(t.id) ?? []).some((fk) => fk.every((c, i) => cols[i] === c));
      if (servesFk) continue;
      out.push({ tableId: t.id, indexId: ix.id, name });
    }
  }
  return out;
}

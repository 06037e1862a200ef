/**
 * The safety net run after every command: `integrityIssues` (lib/model/validate.ts) over the part of
 * the document the command touched. A full check costs ~8-20 ms at 1,000 tables on this machine;
 * most commands touch one table or relationship, so the check runs on a small document made of the
 * touched tables and relationships plus whatever those refer to (and the sequences they draw from or own). Anything unusual (a removed table,
 * a changed enum, domain, schema, view or area) falls back to checking the whole document.
 */
import type { Patch } from 'immer';
import type { SchemaDocument } from '../document';
import { integrityIssues, type DocumentIssue } from '../validate';

/** Collections nothing outside layout refers to, or that the check does not read. */
const IGNORED = new Set(['layout', 'notes', 'design', 'settings', 'format', 'version']);

export function touchedIntegrityIssues(doc: SchemaDocument, patches: readonly Patch[]): DocumentIssue[] {
  const tableIds = new Set<string>();
  const relationshipIds = new Set<string>();
  for (const { op, path } of patches) {
    const [collection, id] = path;
    if (typeof collection === 'string' && IGNORED.has(collection)) continue;
    const elementRemoved = path.length === 2 && op === 'remove';
    if (collection === 'tables' && typeof id === 'string' && !elementRemoved) tableIds.add(id);
    else if (collection === 'relationships' && typeof id === 'string') relationshipIds.add(id);
    else return integrityIssues(doc);
  }
  // Only layout, notes or design changed (a bulk move of thousands of tables, say): nothing to check.
  if (tableIds.size === 0 && relationshipIds.size === 0) return [];

  const relationships: SchemaDocument['relationships'] = {};
  for (const r of Object.values(doc.relationships)) {
    if (relationshipIds.has(r.id) || tableIds.has(r.fromTableId) || tableIds.has(r.toTableId)) relationships[r.id] = r;
  }
  // A removed relationship is simply absent; a present one needs both of its tables in the check.
  const tables: SchemaDocument['tables'] = {};
  const include = (id: string) => {
    if (doc.tables[id]) tables[id] = doc.tables[id];
  };
  tableIds.forEach(include);
  for (const r of Object.values(relationships)) {
    include(r.fromTableId);
    include(r.toTableId);
  }
  // Sequences the included columns draw from, and those the included tables own; a sequence owned by a
  // table outside the check (a shared one) sends the check to the whole document.
  const sequences: SchemaDocument['sequences'] = {};
  for (const t of Object.values(tables)) {
    for (const c of t.columns) if (c.default.kind === 'sequence' && doc.sequences[c.default.sequenceId]) sequences[c.default.sequenceId] = doc.sequences[c.default.sequenceId];
  }
  for (const q of Object.values(doc.sequences)) if (q.ownedBy && tables[q.ownedBy.tableId]) sequences[q.id] = q;
  for (const q of Object.values(sequences)) if (q.ownedBy && !tables[q.ownedBy.tableId]) return integrityIssues(doc);
  // The included tables' triggers (others point at tables outside the check).
  let routines: SchemaDocument['routines'];
  if (doc.routines) {
    routines = {};
    for (const r of Object.values(doc.routines)) if (r.tableId && tables[r.tableId]) routines[r.id] = r;
  }
  return integrityIssues({ ...doc, tables, relationships, sequences, routines, areas: {} });
}

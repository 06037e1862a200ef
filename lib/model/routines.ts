/**
 * What the inspector and documents say about a document's routines: one line per routine (its kind in
 * words, its name, where it lives), in document order. The statement itself is shown as text, never
 * interpreted.
 */
import type { Routine, RoutineKind, SchemaDocument } from './document';

const KIND_LABELS: Readonly<Record<RoutineKind, string>> = {
  function: 'function',
  procedure: 'procedure',
  aggregate: 'aggregate',
  trigger: 'trigger',
  event: 'event',
};

export interface RoutineLabel {
  id: string;
  name: string;
  kindLabel: string;
  /** `on orders` for a trigger, `in sales` for a routine of another schema; '' otherwise. */
  where: string;
  sql: string;
}

export function routineLabels(doc: SchemaDocument): RoutineLabel[] {
  return Object.values(doc.routines ?? {}).map((r: Routine) => {
    const table = r.tableId ? doc.tables[r.tableId] : undefined;
    const schema = r.schemaId ? doc.schemas[r.schemaId]?.name : undefined;
    const where = table ? `on ${table.name}` : schema ? `in ${schema}` : '';
    return { id: r.id, name: r.name, kindLabel: KIND_LABELS[r.kind], where, sql: r.sql };
  });
}

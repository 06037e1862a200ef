/**
 * Dependency order of tables: a referenced table is created before the tables that reference it.
 * Depth-first, visiting tables in document order, so the output is deterministic and stays close to
 * the order the user sees. A foreign key that closes a cycle is "deferred": the generator adds it with
 * ALTER TABLE after all tables exist. Self-references never need deferring.
 */
import type { Relationship, SchemaDocument, Table } from '../model/document';

export interface TableOrder {
  tables: Table[];
  /** Relationship ids that must be added after every table exists (they close a cycle). */
  deferred: Set<string>;
}

/**
 * @param creates - whether a relationship becomes a foreign key at all (enforced, supported by the
 *   dialect); others impose no order.
 */
export function tableOrder(doc: SchemaDocument, creates: (r: Relationship) => boolean = (r) => r.enforced): TableOrder {
  const outgoing = new Map<string, Relationship[]>();
  for (const r of Object.values(doc.relationships)) {
    if (r.fromTableId === r.toTableId || !creates(r)) continue;
    const list = outgoing.get(r.fromTableId);
    if (list) list.push(r);
    else outgoing.set(r.fromTableId, [r]);
  }
  const state = new Map<string, 'visiting' | 'done'>();
  const tables: Table[] = [];
  const deferred = new Set<string>();

  // Iterative DFS: 5,000-table documents must not overflow the stack.
  for (const root of Object.values(doc.tables)) {
    if (state.has(root.id)) continue;
    const stack: { table: Table; next: number }[] = [{ table: root, next: 0 }];
    state.set(root.id, 'visiting');
    while (stack.length) {
      const frame = stack[stack.length - 1];
      const rels = outgoing.get(frame.table.id) ?? [];
      if (frame.next < rels.length) {
        const r = rels[frame.next++];
        const target = doc.tables[r.toTableId];
        if (!target) continue;
        const s = state.get(target.id);
        if (s === 'visiting') deferred.add(r.id);
        else if (s === undefined) {
          state.set(target.id, 'visiting');
          stack.push({ table: target, next: 0 });
        }
        continue;
      }
      state.set(frame.table.id, 'done');
      tables.push(frame.table);
      stack.pop();
    }
  }
  return { tables, deferred };
}

export type DropItem =
  | { kind: 'view'; id: string; name: string; schemaId?: string; materialized: boolean }
  | { kind: 'table'; id: string; name: string; schemaId?: string }
  | { kind: 'domain'; id: string; name: string; schemaId?: string }
  | { kind: 'enum'; id: string; name: string; schemaId?: string };

/**
 * What to drop, in order, to remove everything the DDL creates: views (newest first), tables in
 * reverse dependency order, then domains and enums. Used by `dropFirst` and the design document's
 * rollback section. Tables in a foreign-key cycle still need CASCADE (PostgreSQL) or
 * FOREIGN_KEY_CHECKS = 0 (MySQL); `generateDdl` does that.
 */
export function dropOrder(doc: SchemaDocument): DropItem[] {
  const items: DropItem[] = [];
  for (const v of Object.values(doc.views).reverse()) items.push({ kind: 'view', id: v.id, name: v.name, schemaId: v.schemaId, materialized: v.materialized });
  for (const t of tableOrder(doc).tables.reverse()) items.push({ kind: 'table', id: t.id, name: t.name, schemaId: t.schemaId });
  for (const d of Object.values(doc.domains).reverse()) items.push({ kind: 'domain', id: d.id, name: d.name, schemaId: d.schemaId });
  for (const e of Object.values(doc.enums).reverse()) items.push({ kind: 'enum', id: e.id, name: e.name, schemaId: e.schemaId });
  return items;
}

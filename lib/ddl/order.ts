/**
 * Dependency order of tables: a referenced table is created before the tables that reference it.
 * Depth-first, visiting tables in document order, so the output is deterministic and stays close to
 * the order the user sees. A foreign key that closes a cycle is "deferred": the generator adds it with
 * ALTER TABLE after all tables exist. Self-references never need deferring.
 */
import type { Relationship, SchemaDocument, Table, View } from '../model/document';
import { SQL_LEXERS } from '../sql-lexer';
import { identifiersIn } from './sql-text';

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
  for (const v of viewOrder(doc).reverse()) items.push({ kind: 'view', id: v.id, name: v.name, schemaId: v.schemaId, materialized: v.materialized });
  for (const t of tableOrder(doc).tables.reverse()) items.push({ kind: 'table', id: t.id, name: t.name, schemaId: t.schemaId });
  for (const d of Object.values(doc.domains).reverse()) items.push({ kind: 'domain', id: d.id, name: d.name, schemaId: d.schemaId });
  for (const e of Object.values(doc.enums).reverse()) items.push({ kind: 'enum', id: e.id, name: e.name, schemaId: e.schemaId });
  return items;
}

/**
 * Views in an order that creates each one after the views it reads: document order, except that a view
 * comes after every view whose name its body mentions (as a word or a quoted identifier, outside
 * strings and comments; read with its own dialect's lexer). Depth-first in document order, so a
 * document already in dependency order (every dump) keeps its order; a cycle keeps document order.
 */
export function viewOrder(doc: SchemaDocument): View[] {
  const views = Object.values(doc.views);
  if (views.length < 2) return views;
  const byName = new Map<string, View[]>();
  for (const v of views) {
    const key = v.name.toLowerCase();
    (byName.get(key) ?? byName.set(key, []).get(key)!).push(v);
  }
  const reads = (v: View): View[] => {
    const out: View[] = [];
    for (const name of identifiersIn(v.sql, SQL_LEXERS[v.dialect])) {
      for (const other of byName.get(name) ?? []) if (other !== v) out.push(other);
    }
    return out;
  };
  // Iterative depth-first search: a chain of thousands of views must not exhaust the call stack.
  const seen = new Set<string>();
  const ordered: View[] = [];
  for (const root of views) {
    if (seen.has(root.id)) continue;
    seen.add(root.id);
    const stack: { view: View; deps: View[]; next: number }[] = [{ view: root, deps: reads(root), next: 0 }];
    while (stack.length) {
      const top = stack[stack.length - 1];
      const dep = top.deps[top.next++];
      if (dep === undefined) {
        ordered.push(top.view);
        stack.pop();
      } else if (!seen.has(dep.id)) {
        seen.add(dep.id);
        stack.push({ view: dep, deps: reads(dep), next: 0 });
      }
    }
  }
  return ordered;
}

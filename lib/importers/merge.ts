/**
 * Merging an imported document into an existing one (the "merge into this project" import). Pure.
 *
 * - Every imported element gets a fresh id (no clash with the current document, whatever ids the
 *   importer used); relationships, areas and layout follow the new ids.
 * - Tables, views, enums, domains and sequences are matched by schema + name (extensions by name; routines
 *   by their statement, else kind + schema + name + table). On a
 *   match the user chooses:
 *   `replace` (the imported definition wins, but the current table keeps its id, its position and the
 *   ids of same-named columns, so relationships from other tables stay attached) or `keep` (the current
 *   definition stays; imported relationships pointing at it are re-attached by column name).
 * - Settings, the design narrative and the viewport stay those of the current document.
 * - New tables are placed to the right of the existing ones; the editor's auto-layout can refine it.
 */
import type { Column, SchemaDocument, Table } from '../model/document';
import { newId, type IdFactory } from '../model/ids';

export type MergeConflictPolicy = 'replace' | 'keep';

export interface MergeReport {
  /** Display names (`schema.table` or `table`) of tables added, replaced, and kept as they were. */
  added: string[];
  replaced: string[];
  kept: string[];
  /** Relationships that could not be carried over (a column they use no longer exists). */
  droppedRelationships: string[];
}

export interface MergeResult {
  document: SchemaDocument;
  report: MergeReport;
}

const TABLE_WIDTH = 320;
const GAP = 80;
const ROW_HEIGHT = 360;

function structuredCopy<T>(value: T): T {
  return structuredClone(value);
}

export function mergeDocuments(current: SchemaDocument, imported: SchemaDocument, options: { onConflict: MergeConflictPolicy; ids?: IdFactory }): MergeResult {
  const doc = structuredCopy(current);
  const src = imported;
  const replace = options.onConflict === 'replace';
  const taken = new Set<string>();
  const collect = (id: string) => taken.add(id);
  for (const t of Object.values(doc.tables)) {
    collect(t.id);
    t.columns.forEach((c) => collect(c.id));
    t.indexes.forEach((x) => collect(x.id));
    t.uniques.forEach((x) => collect(x.id));
    t.checks.forEach((x) => collect(x.id));
    t.partitioning?.partitions.forEach((p) => collect(p.id));
  }
  for (const c of ['schemas', 'relationships', 'enums', 'domains', 'views', 'extensions', 'sequences', 'areas', 'notes'] as const) Object.keys(doc[c]).forEach(collect);
  Object.keys(doc.routines ?? {}).forEach(collect);
  const base = options.ids ?? newId;
  const fresh: IdFactory = (prefix) => {
    let id = base(prefix);
    while (taken.has(id)) id = base(prefix);
    taken.add(id);
    return id;
  };

  const report: MergeReport = { added: [], replaced: [], kept: [], droppedRelationships: [] };

  // Namespaces: by name.
  const schemaMap = new Map<string, string>();
  for (const s of Object.values(src.schemas)) {
    const existing = Object.values(doc.schemas).find((x) => x.name === s.name);
    if (existing) schemaMap.set(s.id, existing.id);
    else {
      const id = fresh('sch');
      doc.schemas[id] = { ...structuredCopy(s), id };
      schemaMap.set(s.id, id);
    }
  }
  const mapSchema = (id: string | undefined) => (id === undefined ? undefined : schemaMap.get(id));
  const sameName = (a: { name: string; schemaId?: string }, name: string, schemaId: string | undefined) => a.name === name && a.schemaId === schemaId;
  const withSchema = <T extends { schemaId?: string }>(el: T, schemaId: string | undefined): T => {
    const copy = { ...el };
    if (schemaId === undefined) delete copy.schemaId;
    else copy.schemaId = schemaId;
    return copy;
  };

  // Extensions by name; sequences like domains (their OWNED BY is re-pointed once the tables are in).
  for (const x of Object.values(src.extensions)) {
    const existing = Object.values(doc.extensions).find((e) => e.name === x.name);
    if (existing && !replace) continue;
    const id = existing?.id ?? fresh('ext');
    doc.extensions[id] = withSchema({ ...structuredCopy(x), id }, mapSchema(x.schemaId));
  }
  const sequenceMap = new Map<string, string>();
  const importedSequences = new Set<string>();
  for (const q of Object.values(src.sequences)) {
    const schemaId = mapSchema(q.schemaId);
    const existing = Object.values(doc.sequences).find((x) => sameName(x, q.name, schemaId));
    const id = existing?.id ?? fresh('seq');
    if (!existing || replace) {
      doc.sequences[id] = withSchema({ ...structuredCopy(q), id }, schemaId);
      importedSequences.add(id);
    }
    sequenceMap.set(q.id, id);
  }

  // Enums and domains: same-named ones follow the policy but keep the current id (current columns use it).
  const enumMap = new Map<string, string>();
  for (const e of Object.values(src.enums)) {
    const schemaId = mapSchema(e.schemaId);
    const existing = Object.values(doc.enums).find((x) => sameName(x, e.name, schemaId));
    if (existing) {
      if (replace) doc.enums[existing.id] = withSchema({ ...structuredCopy(e), id: existing.id }, schemaId);
      enumMap.set(e.id, existing.id);
    } else {
      const id = fresh('enm');
      doc.enums[id] = withSchema({ ...structuredCopy(e), id }, schemaId);
      enumMap.set(e.id, id);
    }
  }
  const domainMap = new Map<string, string>();
  for (const d of Object.values(src.domains)) {
    const schemaId = mapSchema(d.schemaId);
    const existing = Object.values(doc.domains).find((x) => sameName(x, d.name, schemaId));
    const id = existing?.id ?? fresh('dom');
    if (!existing || replace) {
      const copy = withSchema({ ...structuredCopy(d), id }, schemaId);
      copy.checks = copy.checks.map((c) => ({ ...c, id: fresh('chk') }));
      if (copy.default.kind === 'sequence') copy.default = { kind: 'sequence', sequenceId: sequenceMap.get(copy.default.sequenceId) ?? copy.default.sequenceId };
      doc.domains[id] = copy;
    }
    domainMap.set(d.id, id);
  }

  // Tables.
  const tableMap = new Map<string, string>();
  /** imported column id -> merged column id, per imported table */
  const columnMap = new Map<string, string>();
  const keptTables = new Set<string>();
  const replacedTables = new Set<string>();
  const addedTables: string[] = [];
  const display = (t: { name: string; schemaId?: string }) => {
    const s = t.schemaId ? doc.schemas[t.schemaId]?.name : undefined;
    return s ? `${s}.${t.name}` : t.name;
  };

  for (const t of Object.values(src.tables)) {
    const schemaId = mapSchema(t.schemaId);
    const existing = Object.values(doc.tables).find((x) => sameName(x, t.name, schemaId));
    if (existing && !replace) {
      tableMap.set(t.id, existing.id);
      keptTables.add(existing.id);
      // Re-attach imported references to the current table's columns by name.
      for (const c of t.columns) {
        const match = existing.columns.find((x) => x.name === c.name);
        if (match) columnMap.set(c.id, match.id);
      }
      report.kept.push(display(existing));
      continue;
    }
    const id = existing?.id ?? fresh('tbl');
    const columns: Column[] = t.columns.map((c) => {
      const keepId = existing?.columns.find((x) => x.name === c.name)?.id;
      const colId = keepId ?? fresh('col');
      columnMap.set(c.id, colId);
      const copy = structuredCopy(c);
      copy.id = colId;
      if (copy.type.kind === 'enum') copy.type = { kind: 'enum', enumId: enumMap.get(copy.type.enumId) ?? copy.type.enumId };
      if (copy.type.kind === 'domain') copy.type = { kind: 'domain', domainId: domainMap.get(copy.type.domainId) ?? copy.type.domainId };
      if (copy.default.kind === 'sequence') copy.default = { kind: 'sequence', sequenceId: sequenceMap.get(copy.default.sequenceId) ?? copy.default.sequenceId };
      return copy;
    });
    const col = (cid: string) => columnMap.get(cid) ?? cid;
    const table: Table = withSchema({ ...structuredCopy(t), id, columns }, schemaId);
    if (table.primaryKey) table.primaryKey = { ...table.primaryKey, columnIds: table.primaryKey.columnIds.map(col) };
    table.uniques = table.uniques.map((u) => ({ ...u, id: fresh('unq'), columnIds: u.columnIds.map(col) }));
    table.checks = table.checks.map((c) => ({ ...c, id: fresh('chk') }));
    table.indexes = table.indexes.map((ix) => ({
      ...ix,
      id: fresh('idx'),
      parts: ix.parts.map((p) => (p.kind === 'column' ? { ...p, columnId: col(p.columnId) } : p)),
      ...(ix.includeColumnIds ? { includeColumnIds: ix.includeColumnIds.map(col) } : {}),
    }));
    if (table.partitioning) {
      table.partitioning = {
        ...table.partitioning,
        key: table.partitioning.key.map((k) => (k.kind === 'column' ? { ...k, columnId: col(k.columnId) } : k)),
        partitions: table.partitioning.partitions.map((p) => ({ ...p, id: fresh('prt') })),
      };
    }
    doc.tables[id] = table;
    tableMap.set(t.id, id);
    if (existing) {
      replacedTables.add(id);
      report.replaced.push(display(table));
    } else {
      addedTables.push(id);
      report.added.push(display(table));
    }
  }

  // OWNED BY: an imported sequence follows its (merged) column; any sequence whose owner is gone is freed.
  for (const q of Object.values(doc.sequences)) {
    if (!q.ownedBy) continue;
    const owner = importedSequences.has(q.id) ? { tableId: tableMap.get(q.ownedBy.tableId), columnId: columnMap.get(q.ownedBy.columnId) } : q.ownedBy;
    const table = owner.tableId ? doc.tables[owner.tableId] : undefined;
    if (table && owner.columnId && table.columns.some((c) => c.id === owner.columnId)) q.ownedBy = { tableId: table.id, columnId: owner.columnId };
    else delete q.ownedBy;
  }

  // Current relationships: a replaced table's own foreign keys come from the import now; others stay
  // if every column they use still exists.
  for (const r of Object.values(doc.relationships)) {
    if (replacedTables.has(r.fromTableId)) {
      delete doc.relationships[r.id];
      continue;
    }
    const from = doc.tables[r.fromTableId];
    const to = doc.tables[r.toTableId];
    const ok = from && to && r.columnPairs.every((p) => from.columns.some((c) => c.id === p.fromColumnId) && to.columns.some((c) => c.id === p.toColumnId));
    if (!ok) {
      delete doc.relationships[r.id];
      report.droppedRelationships.push(`${from ? display(from) : r.fromTableId} -> ${to ? display(to) : r.toTableId}${r.name ? ` (${r.name})` : ''}`);
    }
  }

  // Imported relationships, except those owned by a kept table (its current foreign keys stand).
  for (const r of Object.values(src.relationships)) {
    const fromTableId = tableMap.get(r.fromTableId);
    const toTableId = tableMap.get(r.toTableId);
    if (!fromTableId || !toTableId || keptTables.has(fromTableId)) continue;
    const pairs = r.columnPairs.map((p) => ({ fromColumnId: columnMap.get(p.fromColumnId), toColumnId: columnMap.get(p.toColumnId) }));
    if (pairs.some((p) => !p.fromColumnId || !p.toColumnId)) {
      report.droppedRelationships.push(`${display(doc.tables[fromTableId])} -> ${display(doc.tables[toTableId])}${r.name ? ` (${r.name})` : ''}`);
      continue;
    }
    const id = fresh('rel');
    doc.relationships[id] = { ...structuredCopy(r), id, fromTableId, toTableId, columnPairs: pairs.map((p) => ({ fromColumnId: p.fromColumnId!, toColumnId: p.toColumnId! })) };
  }

  // Views: same policy as tables.
  for (const v of Object.values(src.views)) {
    const schemaId = mapSchema(v.schemaId);
    const existing = Object.values(doc.views).find((x) => sameName(x, v.name, schemaId));
    if (existing && !replace) continue;
    const id = existing?.id ?? fresh('viw');
    doc.views[id] = withSchema({ ...structuredCopy(v), id }, schemaId);
  }

  // Routines: the same statement is there already -> nothing; one routine of the same kind, name, schema
  // and table -> the policy; otherwise (new, or overloads) added. A trigger follows its table's merged id.
  if (src.routines) {
    for (const r of Object.values(src.routines)) {
      const schemaId = mapSchema(r.schemaId);
      const tableId = r.tableId === undefined ? undefined : tableMap.get(r.tableId);
      if (r.tableId !== undefined && !tableId) continue;
      const current = Object.values(doc.routines ?? {});
      if (current.some((x) => x.sql === r.sql && x.dialect === r.dialect)) continue;
      const same = current.filter((x) => x.kind === r.kind && x.dialect === r.dialect && sameName(x, r.name, schemaId) && x.tableId === tableId);
      if (same.length === 1 && !replace) continue;
      const id = same.length === 1 ? same[0].id : fresh('rtn');
      const copy = withSchema({ ...structuredCopy(r), id }, schemaId);
      if (tableId) copy.tableId = tableId;
      (doc.routines ??= {})[id] = copy;
    }
  }

  // Areas and notes are added (areas point at the merged table ids).
  for (const a of Object.values(src.areas)) {
    const id = fresh('area');
    doc.areas[id] = { ...structuredCopy(a), id, tableIds: [...new Set(a.tableIds.map((t) => tableMap.get(t)).filter((t): t is string => !!t))] };
  }

  // Layout: new tables to the right of everything that is there, keeping their relative placement
  // when the import had one, else in a grid.
  const existingPoints = Object.values(doc.layout.tables);
  const originX = existingPoints.length ? Math.max(...existingPoints.map((p) => p.x)) + TABLE_WIDTH + GAP * 2 : 0;
  const originY = existingPoints.length ? Math.min(...existingPoints.map((p) => p.y)) : 0;
  const srcPoints = Object.entries(src.layout.tables);
  const srcMinX = srcPoints.length ? Math.min(...srcPoints.map(([, p]) => p.x)) : 0;
  const srcMinY = srcPoints.length ? Math.min(...srcPoints.map(([, p]) => p.y)) : 0;
  const perRow = Math.max(1, Math.ceil(Math.sqrt(addedTables.length)));
  const inverseTableMap = new Map([...tableMap].map(([from, to]) => [to, from]));
  addedTables.forEach((id, i) => {
    const srcPoint = src.layout.tables[inverseTableMap.get(id) ?? ''];
    doc.layout.tables[id] = srcPoint
      ? { ...srcPoint, x: originX + srcPoint.x - srcMinX, y: originY + srcPoint.y - srcMinY }
      : { x: originX + (i % perRow) * (TABLE_WIDTH + GAP), y: originY + Math.floor(i / perRow) * ROW_HEIGHT };
  });
  for (const n of Object.values(src.notes)) {
    const id = fresh('note');
    doc.notes[id] = { ...structuredCopy(n), id };
    const p = src.layout.notes[n.id];
    if (p) doc.layout.notes[id] = { ...p, x: originX + p.x - srcMinX, y: originY + p.y - srcMinY };
  }

  return { document: doc, report };
}

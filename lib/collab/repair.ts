/**
 * Integrity after a merge. Each person's commands keep the document valid, but two valid edits made
 * at once can combine into an invalid one: a foreign key to a column someone else removed, an index
 * on a deleted column, a column typed with an enum someone else dropped, a table deleted while
 * another person was editing it. `repairMerged` brings the merged document back to validity with the
 * SAME rules the commands apply when they remove something (lib/model/commands/integrity.ts), as
 * though the removal had happened after the other edit, and reports each repair as a Change the UI
 * can show ("foreign key fk_orders_users removed: its only column "user_id" was removed").
 *
 * The rule for a table deleted while someone edits it: deletion wins. Yjs drops the edits made
 * inside the removed table (its columns, keys, indexes, renames: they belonged to it); what pointed
 * at it from outside (relationships, area membership, layout, triggers, owned sequences) is removed
 * here, each reported. The person who deleted it can undo the deletion (their undo restores the
 * table as they deleted it).
 *
 * Repairs are a pure function of the merged state, so replicas that repair the same state write the
 * same values: concurrent repairs converge.
 */
import { enablePatches, produceWithPatches, type Patch } from 'immer';
import type { Column, Domain, EnumType, SchemaDocument, Sequence, Table } from '../model/document';
import type { Change } from '../model/commands/types';
import type { ApplyContext } from '../model/commands/context';
import {
  clearSequenceDefaults, primaryKeyColumnsNotNull, removeColumnReferences, removeTableReferences, retypeColumns,
} from '../model/commands/integrity';
import { touchedIntegrityIssues } from '../model/commands/integrity-net';
import { integrityIssues, type DocumentIssue } from '../model/validate';

enablePatches();

export interface RepairResult {
  doc: SchemaDocument;
  /** Write them to the Y.Doc (applyPatchesToY) with a repair origin. */
  patches: Patch[];
  inversePatches: Patch[];
  /** What was repaired, in words, each naming the element (entityId) it changed or removed. */
  repairs: Change[];
  /** What no rule could repair (empty unless a rule is missing: the property tests keep it empty). */
  unresolved: DocumentIssue[];
}

export interface RepairOptions {
  /** The document before the merge, to name elements that are gone (else their ids are shown). */
  before?: SchemaDocument;
  /** Names of tables and columns removed earlier (removed-names.ts), when `before` no longer has them. */
  removed?: { table(id: string): string | undefined; column(tableId: string, columnId: string): string | undefined };
}

export function repairMerged(doc: SchemaDocument, options: RepairOptions = {}): RepairResult {
  // Found on the plain document (linear); the draft is touched only where something is broken, so a
  // valid 1,000-table document costs one read, not an immer proxy per table and column.
  const plan = findBroken(doc);
  if (!plan) return { doc, patches: [], inversePatches: [], repairs: [], unresolved: [] };
  const ctx: ApplyContext = { changes: [] };
  const [next, patches, inversePatches] = produceWithPatches(doc, (draft) => {
    repairDraft(draft as SchemaDocument, plan, ctx, options);
  });
  return { doc: next, patches, inversePatches, repairs: ctx.changes, unresolved: integrityIssues(next) };
}

/** What is broken, by rule; undefined when nothing is. */
interface Broken {
  tables: Set<string>;
  /** Missing column ids, by the table that should have them. */
  columns: Map<string, Set<string>>;
  enums: Set<string>;
  domains: Set<string>;
  sequences: Set<string>;
  schemas: boolean;
  nullableKeys: string[];
  noteLayouts: string[];
}

function findBroken(doc: SchemaDocument): Broken | undefined {
  const b: Broken = { tables: new Set(), columns: new Map(), enums: new Set(), domains: new Set(), sequences: new Set(), schemas: false, nullableKeys: [], noteLayouts: [] };
  const table = (id: string | undefined) => {
    if (id !== undefined && !doc.tables[id]) b.tables.add(id);
  };
  const columnIds = new Map<string, Set<string>>();
  const column = (tableId: string, columnId: string) => {
    const t = doc.tables[tableId];
    if (!t) return;
    let ids = columnIds.get(tableId);
    if (!ids) columnIds.set(tableId, (ids = new Set(t.columns.map((c) => c.id))));
    if (ids.has(columnId)) return;
    if (!b.columns.has(tableId)) b.columns.set(tableId, new Set());
    b.columns.get(tableId)!.add(columnId);
  };
  const schema = (id: string | undefined) => {
    if (id !== undefined && !doc.schemas[id]) b.schemas = true;
  };
  for (const r of Object.values(doc.relationships)) {
    table(r.fromTableId);
    table(r.toTableId);
    for (const p of r.columnPairs) {
      column(r.fromTableId, p.fromColumnId);
      column(r.toTableId, p.toColumnId);
    }
  }
  for (const a of Object.values(doc.areas)) a.tableIds.forEach(table);
  Object.keys(doc.layout.tables).forEach(table);
  for (const r of Object.values(doc.routines ?? {})) {
    table(r.tableId);
    schema(r.schemaId);
  }
  for (const q of Object.values(doc.sequences)) {
    table(q.ownedBy?.tableId);
    if (q.ownedBy) column(q.ownedBy.tableId, q.ownedBy.columnId);
    schema(q.schemaId);
  }
  for (const t of Object.values(doc.tables)) {
    schema(t.schemaId);
    t.primaryKey?.columnIds.forEach((id) => column(t.id, id));
    for (const u of t.uniques) u.columnIds.forEach((id) => column(t.id, id));
    for (const ix of t.indexes) {
      for (const p of ix.parts) if (p.kind === 'column') column(t.id, p.columnId);
      ix.includeColumnIds?.forEach((id) => column(t.id, id));
    }
    for (const p of t.partitioning?.key ?? []) if (p.kind === 'column') column(t.id, p.columnId);
    for (const id of Object.keys(t.volume?.avgLength ?? {})) column(t.id, id);
    for (const c of t.columns) {
      if (c.type.kind === 'enum' && !doc.enums[c.type.enumId]) b.enums.add(c.type.enumId);
      if (c.type.kind === 'domain' && !doc.domains[c.type.domainId]) b.domains.add(c.type.domainId);
      if (c.default.kind === 'sequence' && !doc.sequences[c.default.sequenceId]) b.sequences.add(c.default.sequenceId);
    }
    if (t.primaryKey && t.columns.some((c) => c.nullable && t.primaryKey!.columnIds.includes(c.id))) b.nullableKeys.push(t.id);
  }
  for (const d of Object.values(doc.domains)) {
    schema(d.schemaId);
    if (d.default.kind === 'sequence' && !doc.sequences[d.default.sequenceId]) b.sequences.add(d.default.sequenceId);
  }
  for (const x of [...Object.values(doc.views), ...Object.values(doc.enums), ...Object.values(doc.extensions)]) schema(x.schemaId);
  b.noteLayouts = Object.keys(doc.layout.notes).filter((id) => !doc.notes[id]);
  const broken = b.tables.size || b.columns.size || b.enums.size || b.domains.size || b.sequences.size || b.schemas || b.nullableKeys.length || b.noteLayouts.length;
  return broken ? b : undefined;
}

/**
 * Whether a change (its patches, from refreshFromY) may have left something to repair: the commands'
 * own safety net (integrity-net.ts) over what the patches touched, plus the two rules it does not
 * read (primary key columns NOT NULL, layout of removed tables and notes). Cheap enough to run after
 * every remote transaction; repairMerged reads the whole document only when this says so.
 */
export function needsRepair(doc: SchemaDocument, patches: readonly Patch[]): boolean {
  if (touchedIntegrityIssues(doc, patches).length) return true;
  for (const { path } of patches) {
    const [collection, id, sub] = path;
    if (collection === 'tables' && typeof id === 'string') {
      const t = doc.tables[id];
      if (t?.primaryKey && t.columns.some((c) => c.nullable && t.primaryKey!.columnIds.includes(c.id))) return true;
    } else if (collection === 'layout') {
      if (sub === undefined || typeof id !== 'string') return true;
      const layout = id === 'tables' ? doc.layout.tables : id === 'notes' ? doc.layout.notes : undefined;
      const owners: Record<string, unknown> = id === 'tables' ? doc.tables : doc.notes;
      if (layout && (typeof sub !== 'string' || (layout[sub] && !owners[sub]))) return true;
    } else if (collection === undefined) {
      return true;
    }
  }
  return false;
}

function ghostTable(id: string, options: RepairOptions): Table {
  return options.before?.tables[id] ?? { id, name: options.removed?.table(id) ?? id, columns: [], uniques: [], checks: [], indexes: [] };
}

function repairDraft(doc: SchemaDocument, broken: Broken, ctx: ApplyContext, options: RepairOptions): void {
  const { before } = options;
  for (const id of broken.tables) {
    // As table.remove does, references go while the table can still be named: a view of the document
    // with the removed table back in its tables (only labels read it; every write lands in the draft).
    const ghost = ghostTable(id, options);
    removeTableReferences({ ...doc, tables: { ...doc.tables, [id]: ghost } }, ghost, ctx);
  }
  for (const [tableId, ids] of broken.columns) {
    const table = doc.tables[tableId];
    for (const id of ids) {
      // As column.remove does, the references go while the column is still there to name them: a
      // stand-in with the removed column's name, taken out again (no patch: the list ends as it was).
      const name = before?.tables[tableId]?.columns.find((c) => c.id === id)?.name ?? options.removed?.column(tableId, id) ?? id;
      const standIn: Column = { id, name, type: { kind: 'scalar', name: 'text' }, nullable: true, default: { kind: 'none' } };
      table.columns.push(standIn);
      removeColumnReferences(doc, table, id, ctx);
      table.columns.pop();
    }
  }
  for (const id of broken.enums) {
    const e: EnumType | undefined = before?.enums[id];
    retypeColumns(doc, (c) => c.type.kind === 'enum' && c.type.enumId === id, { kind: 'scalar', name: 'text' },
      `type changed from enum "${e?.name ?? id}" to text (the enum was removed)`, ctx);
  }
  for (const id of broken.domains) {
    const d: Domain | undefined = before?.domains[id];
    retypeColumns(doc, (c) => c.type.kind === 'domain' && c.type.domainId === id, d?.type ?? { kind: 'scalar', name: 'text' },
      d ? `type changed from domain "${d.name}" to its base type ${d.type.name} (the domain was removed)` : `type changed from domain "${id}" to text (the domain was removed)`, ctx);
  }
  for (const id of broken.sequences) {
    const seq: Sequence = before?.sequences[id] ?? { id, name: id, dataType: 'bigint' };
    clearSequenceDefaults(doc, seq, `sequence "${seq.name}" was removed`, ctx);
  }
  if (broken.schemas) moveOutOfMissingSchemas(doc, ctx, before);
  for (const id of broken.nullableKeys) if (doc.tables[id]) primaryKeyColumnsNotNull(doc.tables[id], ctx);
  // Layout is presentation: a note's geometry goes with the note, unreported (as note.remove does).
  for (const id of broken.noteLayouts) delete doc.layout.notes[id];
}

/** As schema.remove does: an element of a schema that is gone moves to the default schema. */
function moveOutOfMissingSchemas(doc: SchemaDocument, ctx: ApplyContext, before: SchemaDocument | undefined): void {
  const kinds = [
    ['table', doc.tables], ['view', doc.views], ['enum', doc.enums], ['domain', doc.domains],
    ['sequence', doc.sequences], ['extension', doc.extensions], ['routine', doc.routines ?? {}],
  ] as const;
  for (const [kind, items] of kinds) {
    for (const id of Object.keys(items)) {
      const el = (items as Record<string, { name: string; schemaId?: string }>)[id];
      if (el.schemaId === undefined || doc.schemas[el.schemaId]) continue;
      const schema = before?.schemas[el.schemaId]?.name ?? el.schemaId;
      delete el.schemaId;
      ctx.changes.push({ entityId: id, kind: 'updated', message: `${kind} "${el.name}" moved to the default schema (schema "${schema}" was removed)` });
    }
  }
}

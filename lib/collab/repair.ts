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
  const ctx: ApplyContext = { changes: [] };
  const [next, patches, inversePatches] = produceWithPatches(doc, (draft) => {
    repairDraft(draft as SchemaDocument, ctx, options);
  });
  return { doc: next, patches, inversePatches, repairs: ctx.changes, unresolved: integrityIssues(next) };
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

function repairDraft(doc: SchemaDocument, ctx: ApplyContext, options: RepairOptions): void {
  const { before } = options;
  removeReferencesToMissingTables(doc, ctx, options);
  for (const id of Object.keys(doc.tables)) removeReferencesToMissingColumns(doc, doc.tables[id], ctx, options);
  retypeMissingTypes(doc, ctx, before);
  clearMissingSequences(doc, ctx, before);
  moveOutOfMissingSchemas(doc, ctx, before);
  for (const id of Object.keys(doc.tables)) primaryKeyColumnsNotNull(doc.tables[id], ctx);
  // Layout is presentation: a note's geometry goes with the note, unreported (as note.remove does).
  for (const id of Object.keys(doc.layout.notes)) if (!doc.notes[id]) delete doc.layout.notes[id];
}

function removeReferencesToMissingTables(doc: SchemaDocument, ctx: ApplyContext, options: RepairOptions): void {
  const missing = new Set<string>();
  const note = (id: string | undefined) => {
    if (id !== undefined && !doc.tables[id]) missing.add(id);
  };
  for (const r of Object.values(doc.relationships)) {
    note(r.fromTableId);
    note(r.toTableId);
  }
  for (const a of Object.values(doc.areas)) a.tableIds.forEach(note);
  Object.keys(doc.layout.tables).forEach(note);
  for (const r of Object.values(doc.routines ?? {})) note(r.tableId);
  for (const s of Object.values(doc.sequences)) note(s.ownedBy?.tableId);
  for (const id of missing) {
    // As table.remove does, references go while the table can still be named: a view of the document
    // with the removed table back in its tables (only labels read it; every write lands in the draft).
    const ghost = ghostTable(id, options);
    removeTableReferences({ ...doc, tables: { ...doc.tables, [id]: ghost } }, ghost, ctx);
  }
}

function removeReferencesToMissingColumns(doc: SchemaDocument, table: Table, ctx: ApplyContext, options: RepairOptions): void {
  const present = new Set(table.columns.map((c) => c.id));
  const referenced: string[] = [];
  table.primaryKey?.columnIds.forEach((id) => referenced.push(id));
  for (const u of table.uniques) referenced.push(...u.columnIds);
  for (const ix of table.indexes) {
    for (const p of ix.parts) if (p.kind === 'column') referenced.push(p.columnId);
    referenced.push(...(ix.includeColumnIds ?? []));
  }
  for (const p of table.partitioning?.key ?? []) if (p.kind === 'column') referenced.push(p.columnId);
  referenced.push(...Object.keys(table.volume?.avgLength ?? {}));
  for (const r of Object.values(doc.relationships)) {
    for (const pair of r.columnPairs) {
      if (r.fromTableId === table.id) referenced.push(pair.fromColumnId);
      if (r.toTableId === table.id) referenced.push(pair.toColumnId);
    }
  }
  for (const s of Object.values(doc.sequences)) if (s.ownedBy?.tableId === table.id) referenced.push(s.ownedBy.columnId);
  const missing = [...new Set(referenced)].filter((id) => !present.has(id));
  for (const id of missing) {
    // As column.remove does, the references go while the column is still there to name them: a
    // stand-in with the removed column's name, taken out again (no patch: the list ends as it was).
    const name = options.before?.tables[table.id]?.columns.find((c) => c.id === id)?.name ?? options.removed?.column(table.id, id) ?? id;
    const standIn: Column = { id, name, type: { kind: 'scalar', name: 'text' }, nullable: true, default: { kind: 'none' } };
    table.columns.push(standIn);
    removeColumnReferences(doc, table, id, ctx);
    table.columns.pop();
  }
}

function retypeMissingTypes(doc: SchemaDocument, ctx: ApplyContext, before: SchemaDocument | undefined): void {
  const enums = new Set<string>();
  const domains = new Set<string>();
  for (const t of Object.values(doc.tables)) {
    for (const c of t.columns) {
      if (c.type.kind === 'enum' && !doc.enums[c.type.enumId]) enums.add(c.type.enumId);
      if (c.type.kind === 'domain' && !doc.domains[c.type.domainId]) domains.add(c.type.domainId);
    }
  }
  for (const id of enums) {
    const e: EnumType | undefined = before?.enums[id];
    retypeColumns(doc, (c) => c.type.kind === 'enum' && c.type.enumId === id, { kind: 'scalar', name: 'text' },
      `type changed from enum "${e?.name ?? id}" to text (the enum was removed)`, ctx);
  }
  for (const id of domains) {
    const d: Domain | undefined = before?.domains[id];
    retypeColumns(doc, (c) => c.type.kind === 'domain' && c.type.domainId === id, d?.type ?? { kind: 'scalar', name: 'text' },
      d ? `type changed from domain "${d.name}" to its base type ${d.type.name} (the domain was removed)` : `type changed from domain "${id}" to text (the domain was removed)`, ctx);
  }
}

function clearMissingSequences(doc: SchemaDocument, ctx: ApplyContext, before: SchemaDocument | undefined): void {
  const missing = new Set<string>();
  for (const t of Object.values(doc.tables)) {
    for (const c of t.columns) if (c.default.kind === 'sequence' && !doc.sequences[c.default.sequenceId]) missing.add(c.default.sequenceId);
  }
  for (const d of Object.values(doc.domains)) if (d.default.kind === 'sequence' && !doc.sequences[d.default.sequenceId]) missing.add(d.default.sequenceId);
  for (const id of missing) {
    const seq: Sequence = before?.sequences[id] ?? { id, name: id, dataType: 'bigint' };
    clearSequenceDefaults(doc, seq, `sequence "${seq.name}" was removed`, ctx);
  }
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

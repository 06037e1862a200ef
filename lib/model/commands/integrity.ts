/**
 * Integrity upkeep when something other elements point at goes away. Each function mutates the
 * draft and reports every side effect as a Change, so the editor can tell the user what else moved.
 */
import type { Column, ColumnType, DefaultValue, Relationship, SchemaDocument, Sequence, Table, UniqueConstraint } from '../document';
import { columnName, displayName } from '../lookup';
import { clone, valuesOf, type ApplyContext } from './context';
import { indexName } from '../../naming/derived-names';

function columnList(table: Table, ids: readonly string[]): string {
  return ids.map((id) => columnName(table, id)).join(', ');
}

export function uniqueLabel(table: Table, u: UniqueConstraint): string {
  return u.name ? `unique constraint "${u.name}"` : `unique constraint on ${table.name}(${columnList(table, u.columnIds)})`;
}

/** `foreign key "fk_x"` or, unnamed, `foreign key orders(user_id) -> users(id)`. */
export function relationshipLabel(doc: SchemaDocument, r: Relationship): string {
  if (r.name) return `foreign key "${r.name}"`;
  const from = doc.tables[r.fromTableId];
  const to = doc.tables[r.toTableId];
  const side = (t: Table | undefined, id: string, ids: string[]) => (t ? `${t.name}(${columnList(t, ids)})` : id);
  return `foreign key ${side(from, r.fromTableId, r.columnPairs.map((p) => p.fromColumnId))} -> ${side(to, r.toTableId, r.columnPairs.map((p) => p.toColumnId))}`;
}

/**
 * Removes every reference to a column of `table` that is about to be deleted: primary key, uniques,
 * index key parts and INCLUDE lists, partition key, and relationship column pairs on either side.
 * Containers left empty are removed (they cannot exist empty). Call before deleting the column so
 * labels can still name it.
 */
export function removeColumnReferences(doc: SchemaDocument, table: Table, columnId: string, ctx: ApplyContext): void {
  const col = `"${columnName(table, columnId)}"`;
  const onlyGone = `its only column ${col} was removed`;
  removeOwnedSequences(doc, table, columnId, ctx);
  // The declared average length goes with the column (no message: it is the column's own figure).
  if (table.volume?.avgLength && columnId in table.volume.avgLength) {
    delete table.volume.avgLength[columnId];
    if (Object.keys(table.volume.avgLength).length === 0) delete table.volume.avgLength;
  }

  if (table.primaryKey?.columnIds.includes(columnId)) {
    if (table.primaryKey.columnIds.length === 1) {
      delete table.primaryKey;
      ctx.changes.push({ entityId: table.id, kind: 'removed', message: `primary key of "${table.name}" removed: ${onlyGone}` });
    } else {
      table.primaryKey.columnIds = table.primaryKey.columnIds.filter((id) => id !== columnId);
      ctx.changes.push({ entityId: table.id, kind: 'updated', message: `primary key of "${table.name}" updated: column ${col} removed from it` });
    }
  }

  table.uniques = table.uniques.filter((u) => {
    if (!u.columnIds.includes(columnId)) return true;
    const label = uniqueLabel(table, u);
    if (u.columnIds.length === 1) {
      ctx.changes.push({ entityId: u.id, kind: 'removed', message: `${label} removed: ${onlyGone}` });
      return false;
    }
    u.columnIds = u.columnIds.filter((id) => id !== columnId);
    ctx.changes.push({ entityId: u.id, kind: 'updated', message: `${label} updated: column ${col} removed from it` });
    return true;
  });

  table.indexes = table.indexes.filter((ix) => {
    const inKey = ix.parts.some((p) => p.kind === 'column' && p.columnId === columnId);
    const inInclude = ix.includeColumnIds?.includes(columnId) ?? false;
    if (!inKey && !inInclude) return true;
    const parts = ix.parts.filter((p) => !(p.kind === 'column' && p.columnId === columnId));
    if (parts.length === 0) {
      ctx.changes.push({ entityId: ix.id, kind: 'removed', message: `index "${indexName(table, ix)}" removed: ${onlyGone}` });
      return false;
    }
    if (inKey) ix.parts = parts;
    if (inInclude) {
      const include = ix.includeColumnIds!.filter((id) => id !== columnId);
      if (include.length) ix.includeColumnIds = include;
      else delete ix.includeColumnIds;
    }
    const where = [inKey && 'its key', inInclude && 'INCLUDE'].filter(Boolean).join(' and ');
    ctx.changes.push({ entityId: ix.id, kind: 'updated', message: `index "${indexName(table, ix)}" updated: column ${col} removed from ${where}` });
    return true;
  });

  const partitioning = table.partitioning;
  if (partitioning?.key.some((p) => p.kind === 'column' && p.columnId === columnId)) {
    const key = partitioning.key.filter((p) => !(p.kind === 'column' && p.columnId === columnId));
    if (key.length === 0) {
      delete table.partitioning;
      ctx.changes.push({ entityId: table.id, kind: 'removed', message: `partitioning of "${table.name}" removed: its only key column ${col} was removed` });
    } else {
      partitioning.key = key;
      ctx.changes.push({ entityId: table.id, kind: 'updated', message: `partitioning of "${table.name}" updated: column ${col} removed from its key` });
    }
  }

  for (const peeked of valuesOf(doc.relationships)) {
    const uses = (p: Relationship['columnPairs'][number]) =>
      (peeked.fromTableId === table.id && p.fromColumnId === columnId) || (peeked.toTableId === table.id && p.toColumnId === columnId);
    if (!peeked.columnPairs.some(uses)) continue;
    const r = doc.relationships[peeked.id];
    const label = relationshipLabel(doc, r);
    const pairs = r.columnPairs.filter((p) => !uses(p));
    if (pairs.length === 0) {
      delete doc.relationships[r.id];
      ctx.changes.push({ entityId: r.id, kind: 'removed', message: `${label} removed: ${onlyGone}` });
    } else {
      r.columnPairs = pairs;
      ctx.changes.push({ entityId: r.id, kind: 'updated', message: `${label} updated: the column pair using ${col} was removed` });
    }
  }
}

/** Removes what points at a table about to be deleted: relationships on either end, area membership, layout. */
export function removeTableReferences(doc: SchemaDocument, table: Table, ctx: ApplyContext): void {
  removeOwnedSequences(doc, table, undefined, ctx);
  // A trigger cannot exist without its table: it goes with it (a verbatim statement cannot be re-pointed).
  if (doc.routines) {
    for (const r of valuesOf(doc.routines)) {
      if (r.tableId !== table.id) continue;
      delete doc.routines[r.id];
      ctx.changes.push({ entityId: r.id, kind: 'removed', message: `trigger "${r.name}" removed: table "${table.name}" was removed` });
    }
  }
  for (const peeked of valuesOf(doc.relationships)) {
    if (peeked.fromTableId !== table.id && peeked.toTableId !== table.id) continue;
    const r = doc.relationships[peeked.id];
    const label = relationshipLabel(doc, r);
    delete doc.relationships[r.id];
    ctx.changes.push({ entityId: r.id, kind: 'removed', message: `${label} removed: table "${table.name}" was removed` });
  }
  for (const peeked of valuesOf(doc.areas)) {
    if (!peeked.tableIds.includes(table.id)) continue;
    const area = doc.areas[peeked.id];
    area.tableIds = area.tableIds.filter((id) => id !== table.id);
    ctx.changes.push({ entityId: area.id, kind: 'updated', message: `area "${area.name}" updated: table "${table.name}" removed from it` });
  }
  // Layout is presentation: removing it is not a change worth telling the user about.
  delete doc.layout.tables[table.id];
}

/**
 * Removes every default that draws from `sequence` (columns and domains), reporting each, except the
 * columns `leaving` says are going away themselves.
 */
export function clearSequenceDefaults(doc: SchemaDocument, sequence: Sequence, why: string, ctx: ApplyContext, leaving: (tableId: string, columnId: string) => boolean = () => false): void {
  const uses = (d: DefaultValue) => d.kind === 'sequence' && d.sequenceId === sequence.id;
  for (const peeked of valuesOf(doc.tables)) {
    if (!peeked.columns.some((c) => uses(c.default) && !leaving(peeked.id, c.id))) continue;
    const t = doc.tables[peeked.id];
    for (const c of t.columns) {
      if (!uses(c.default) || leaving(t.id, c.id)) continue;
      c.default = { kind: 'none' };
      ctx.changes.push({ entityId: c.id, kind: 'updated', message: `column "${displayName(doc, t)}.${c.name}" updated: default nextval of "${sequence.name}" removed (${why})` });
    }
  }
  for (const peeked of valuesOf(doc.domains)) {
    if (!uses(peeked.default)) continue;
    const d = doc.domains[peeked.id];
    d.default = { kind: 'none' };
    ctx.changes.push({ entityId: d.id, kind: 'updated', message: `domain "${d.name}" updated: default nextval of "${sequence.name}" removed (${why})` });
  }
}

/**
 * Sequences OWNED BY columns about to be removed go with them, as in PostgreSQL (DROP COLUMN or DROP
 * TABLE drops an owned sequence); the defaults of other columns drawing from one are removed.
 */
export function removeOwnedSequences(doc: SchemaDocument, table: Table, columnId: string | undefined, ctx: ApplyContext): void {
  for (const peeked of valuesOf(doc.sequences)) {
    const owner = peeked.ownedBy;
    if (!owner || owner.tableId !== table.id || (columnId !== undefined && owner.columnId !== columnId)) continue;
    const seq = doc.sequences[peeked.id];
    const column = `"${table.name}.${columnName(table, owner.columnId)}"`;
    const why = columnId === undefined ? `table "${table.name}" was removed` : `column ${column} was removed`;
    clearSequenceDefaults(doc, seq, `sequence "${seq.name}" was removed with its owner`, ctx, (t, c) => t === table.id && (columnId === undefined || c === columnId));
    delete doc.sequences[seq.id];
    ctx.changes.push({ entityId: seq.id, kind: 'removed', message: `sequence "${seq.name}" removed: it was owned by ${column}, and ${why}` });
  }
}

/** Retypes every column whose type matches, reporting each as `column "t.c" updated: ...` (an enum or domain removed). */
export function retypeColumns(doc: SchemaDocument, matches: (c: Column) => boolean, to: ColumnType, why: string, ctx: ApplyContext): void {
  for (const peeked of valuesOf(doc.tables)) {
    if (!peeked.columns.some(matches)) continue;
    const t = doc.tables[peeked.id];
    for (const c of t.columns) {
      if (!matches(c)) continue;
      c.type = clone(to);
      ctx.changes.push({ entityId: c.id, kind: 'updated', message: `column "${displayName(doc, t)}.${c.name}" updated: ${why}` });
    }
  }
}

/** Primary key columns are NOT NULL in both engines: the document says so too, and reports it. */
export function primaryKeyColumnsNotNull(table: Table, ctx: ApplyContext): void {
  const pk = table.primaryKey;
  if (!pk) return;
  for (const c of table.columns) {
    if (!pk.columnIds.includes(c.id) || !c.nullable) continue;
    c.nullable = false;
    ctx.changes.push({ entityId: c.id, kind: 'updated', message: `column "${table.name}.${c.name}" updated: made NOT NULL (primary key columns cannot be null)` });
  }
}

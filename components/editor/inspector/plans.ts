/**
 * Pure plans behind the inspector's buttons and checkboxes: each returns the Command to dispatch
 * (or undefined when there is nothing to do). Kept out of the components so they are tested in Node.
 */
import { indexMethods, type CardinalityEnd, type Column, type Dialect, type Index, type IndexMethod, type IndexPart, type SchemaDocument, type Table } from '@/lib/model/document';
import { DIALECTS } from '@/lib/dialects/dialects';
import { newId, type IdFactory } from '@/lib/model/ids';
import { makeColumn, makeIndex, scalar } from '@/lib/model/build';
import type { Command } from '@/lib/model/commands/types';

/** `base`, or `base_2`, `base_3`... the first not in `taken` (compared case-insensitively, as MySQL does). */
export function freshName(base: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  if (!used.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base}_${i}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** Adds or removes a column from the primary key, keeping the key's name and column order. */
export function togglePrimaryKeyColumn(table: Table, columnId: string, on: boolean): Command | undefined {
  const current = table.primaryKey?.columnIds ?? [];
  const has = current.includes(columnId);
  if (has === on) return undefined;
  const columnIds = on ? [...current, columnId] : current.filter((id) => id !== columnId);
  const commands: Command[] = [
    {
      type: 'primaryKey.set',
      tableId: table.id,
      primaryKey: columnIds.length ? { ...(table.primaryKey?.name ? { name: table.primaryKey.name } : {}), columnIds } : undefined,
    },
  ];
  // A primary key column is NOT NULL in both dialects: say so in the model rather than let the DDL differ.
  const column = table.columns.find((c) => c.id === columnId);
  if (on && column?.nullable) commands.push({ type: 'column.update', tableId: table.id, columnId, changes: { nullable: false } });
  return commands.length === 1 ? commands[0] : { type: 'batch', label: 'Add column to primary key', commands };
}

/** The single-column unique constraints on this column (what the column's "Unique" checkbox shows). */
export function singleColumnUniques(table: Table, columnId: string): Table['uniques'] {
  return table.uniques.filter((u) => u.columnIds.length === 1 && u.columnIds[0] === columnId);
}

export function toggleColumnUnique(table: Table, columnId: string, on: boolean, ids: IdFactory = newId): Command | undefined {
  const existing = singleColumnUniques(table, columnId);
  if (on) {
    if (existing.length) return undefined;
    return { type: 'unique.add', tableId: table.id, unique: { id: ids('unq'), columnIds: [columnId] } };
  }
  if (!existing.length) return undefined;
  const commands: Command[] = existing.map((u) => ({ type: 'unique.remove', tableId: table.id, uniqueId: u.id }));
  return commands.length === 1 ? commands[0] : { type: 'batch', label: 'Remove unique', commands };
}

export function addColumnCommand(table: Table, ids: IdFactory = newId): Command {
  const column: Column = makeColumn({ name: freshName('column', table.columns.map((c) => c.name)), type: scalar('text') }, ids);
  return { type: 'column.add', tableId: table.id, column };
}

/**
 * A new index, unnamed (its name is derived from its columns and follows them until the architect
 * names it), on `columnId` when a column is selected, else on no column yet: the inspector then asks
 * for its columns. Never a silent guess such as the first column, usually the primary key.
 */
export function addIndexCommand(table: Table, columnId?: string, ids: IdFactory = newId): Command {
  const column = table.columns.find((c) => c.id === columnId);
  const index: Index = makeIndex({ parts: column ? [{ kind: 'column', columnId: column.id }] : [] }, ids);
  return { type: 'index.add', tableId: table.id, index };
}

/** A new unique constraint, unnamed, on `columnId` when a column is selected, else on no column yet. */
export function addUniqueCommand(table: Table, columnId?: string, ids: IdFactory = newId): Command {
  const column = table.columns.find((c) => c.id === columnId);
  return { type: 'unique.add', tableId: table.id, unique: { id: ids('unq'), columnIds: column ? [column.id] : [] } };
}

/** Moves item `from` to `to` in a copy of the array (no-op when out of range). */
export function moved<T>(items: readonly T[], from: number, to: number): T[] {
  const out = [...items];
  if (from < 0 || from >= out.length || to < 0 || to >= out.length) return out;
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item);
  return out;
}

/** Index methods the dialect's default target can express (the generator diagnoses the rest), in model order. */
export function indexMethodsFor(dialect: Dialect): IndexMethod[] {
  const spec = DIALECTS[dialect];
  const supported = spec.capabilities(spec.defaultTarget).indexMethods;
  return indexMethods.filter((m) => supported.has(m));
}

/** Changes to an index part that keep its kind; `undefined` values clear optional fields. */
export function updatedPart(part: IndexPart, changes: { order?: 'asc' | 'desc' | undefined; nulls?: 'first' | 'last' | undefined }): IndexPart {
  const next: IndexPart = { ...part, ...changes };
  if (next.order === undefined) delete next.order;
  if (next.nulls === undefined) delete next.nulls;
  return next;
}

/** A shallow copy without one optional field (clearing e.g. an identity's `start`). */
export function omitKey<T extends object, K extends keyof T>(obj: T, key: K): Omit<T, K> {
  const copy = { ...obj };
  delete copy[key];
  return copy;
}

export interface CardinalityPair {
  from: CardinalityEnd;
  to: CardinalityEnd;
}

/**
 * The relationship's cardinality override after the user picks `choice` ('derived' or an end) for one
 * side. The model overrides both ends or neither: picking an end pins both (the other at its current
 * value); picking 'derived' resets that side and drops the override when both then equal the derived ends.
 */
export function cardinalityAfterChoice(
  override: CardinalityPair | undefined,
  derived: CardinalityPair,
  side: 'from' | 'to',
  choice: CardinalityEnd | 'derived',
): CardinalityPair | undefined {
  const current = override ?? derived;
  if (choice === 'derived') {
    const next = { ...current, [side]: derived[side] };
    return next.from === derived.from && next.to === derived.to ? undefined : next;
  }
  return { ...current, [side]: choice };
}

/** Ids of the table's columns that hold a foreign key (child side of a relationship). */
export function foreignKeyColumnIds(relationships: SchemaDocument['relationships'], tableId: string): Set<string> {
  const ids = new Set<string>();
  for (const r of Object.values(relationships)) {
    if (r.fromTableId === tableId) for (const p of r.columnPairs) ids.add(p.fromColumnId);
  }
  return ids;
}

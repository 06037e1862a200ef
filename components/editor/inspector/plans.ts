/**
 * Small pure helpers behind the inspector's forms, tested in Node. The commands its buttons dispatch
 * are built in lib/model/commands/helpers (table-edits.ts, view-domain-edits.ts); "first free name" is
 * lib/naming's firstFreeName.
 */
import { indexMethods, type CardinalityEnd, type Dialect, type IndexMethod, type IndexPart, type SchemaDocument } from '@/lib/model/document';
import { DIALECTS } from '@/lib/dialects/dialects';

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

/**
 * Two documents from different imports (the design and the repository's schema file) share no ids.
 * `alignByName(from, to)` returns `to` with the ids of `from` wherever an element matches by name,
 * so diffDocuments can compare them by id: tables by schema and name (exact, then ignoring case),
 * columns by name within a matched table, uniques / checks / indexes by name or else by their
 * columns (checks: expression), relationships by their tables and column pairs, and schemas, enums,
 * domains, views, sequences and extensions by name. What matches nothing keeps its id (an add or a
 * drop); without names to go by, a rename reads as a drop and an add, as in any name-based tool.
 *
 * Only reference fields are rewritten (`id`, `*Id`, `*Ids`, record keys): names and SQL text are data.
 */
import type { SchemaDocument, Table } from '../model/document';
import { isPlainObject } from '../model/merge/three-way';

type Named = { id: string; name?: string; schemaId?: string };

export function alignByName(from: SchemaDocument, to: SchemaDocument): SchemaDocument {
  const map = new Map<string, string>();
  const taken = new Set<string>();
  const claim = (toId: string, fromId: string | undefined) => {
    if (fromId === undefined || taken.has(fromId) || map.has(toId)) return;
    map.set(toId, fromId);
    taken.add(fromId);
  };
  const schemaName = (doc: SchemaDocument, id: string | undefined) => (id ? doc.schemas[id]?.name ?? '' : '');
  const byName = <T extends Named>(a: Record<string, T>, b: Record<string, T>, docA: SchemaDocument, docB: SchemaDocument) => {
    const key = (doc: SchemaDocument, x: T, fold: boolean) => {
      const k = `${schemaName(doc, x.schemaId)}\u0000${x.name ?? ''}`;
      return fold ? k.toLowerCase() : k;
    };
    for (const fold of [false, true]) {
      const index = new Map<string, string>();
      for (const x of Object.values(a)) if (!taken.has(x.id)) index.set(key(docA, x, fold), x.id);
      for (const y of Object.values(b)) if (!map.has(y.id)) claim(y.id, index.get(key(docB, y, fold)));
    }
  };
  // Schemas first: the other keys include the schema's name, not its id.
  byName(from.schemas, to.schemas, from, to);
  byName(from.enums, to.enums, from, to);
  byName(from.domains, to.domains, from, to);
  byName(from.views, to.views, from, to);
  byName(from.sequences, to.sequences, from, to);
  byName(from.extensions, to.extensions, from, to);
  byName(from.tables, to.tables, from, to);

  for (const b of Object.values(to.tables)) {
    const aId = map.get(b.id);
    const a = aId ? from.tables[aId] : undefined;
    if (!a) continue;
    matchList(a.columns, b.columns, (c) => [c.name, c.name.toLowerCase()], claim, taken, map);
    const cols = (t: Table, ids: readonly string[]) => ids.map((id) => t.columns.find((c) => c.id === id)?.name.toLowerCase() ?? id).join(',');
    matchList(a.uniques, b.uniques, (u, t = u === a.uniques.find((x) => x.id === u.id) ? a : b) => [u.name ?? '', `cols:${cols(t, u.columnIds)}`], claim, taken, map);
    matchList(a.checks, b.checks, (c) => [c.name ?? '', `expr:${c.expression.replace(/\s+/g, '').toLowerCase()}`], claim, taken, map);
    const parts = (t: Table, ix: Table['indexes'][number]) => ix.parts.map((p) => (p.kind === 'column' ? cols(t, [p.columnId]) : p.sql.toLowerCase())).join(',');
    matchList(a.indexes, b.indexes, (ix, t = a.indexes.includes(ix) ? a : b) => [ix.name ?? '', `parts:${parts(t, ix)}:${ix.unique}`], claim, taken, map);
    const pa = a.partitioning?.partitions ?? [];
    const pb = b.partitioning?.partitions ?? [];
    matchList(pa, pb, (p) => [p.name], claim, taken, map);
  }
  for (const d of Object.values(to.domains)) {
    const a = from.domains[map.get(d.id) ?? ''];
    if (a) matchList(a.checks, d.checks, (c) => [c.name ?? '', `expr:${c.expression}`], claim, taken, map);
  }
  // Relationships: same two tables and same column pairs (after the mapping above), else same name.
  const relKey = (r: SchemaDocument['relationships'][string], m: (id: string) => string) => `${m(r.fromTableId)}>${m(r.toTableId)}:${r.columnPairs.map((p) => `${m(p.fromColumnId)}=${m(p.toColumnId)}`).join(',')}`;
  const relIndex = new Map(Object.values(from.relationships).map((r) => [relKey(r, (id) => id), r.id]));
  const mapped = (id: string) => map.get(id) ?? id;
  for (const r of Object.values(to.relationships)) claim(r.id, relIndex.get(relKey(r, mapped)));
  const relByName = new Map(Object.values(from.relationships).filter((r) => r.name).map((r) => [r.name!.toLowerCase(), r.id]));
  for (const r of Object.values(to.relationships)) if (r.name) claim(r.id, relByName.get(r.name.toLowerCase()));

  // An id of `to` that is also an id of `from` but matched nothing would be taken for that element.
  const fromIds = allIds(from);
  let n = 0;
  for (const id of allIds(to)) {
    if (map.has(id) || !fromIds.has(id)) continue;
    let fresh: string;
    do fresh = `${id}~${++n}`; while (fromIds.has(fresh));
    map.set(id, fresh);
  }
  return map.size ? (rewriteIds(to, map) as SchemaDocument) : to;
}

/** Matches two lists by successive keys (the first key that is non-empty and unique wins). */
function matchList<T extends { id: string }>(
  a: readonly T[],
  b: readonly T[],
  keys: (x: T) => string[],
  claim: (toId: string, fromId: string | undefined) => void,
  taken: Set<string>,
  map: Map<string, string>,
): void {
  const rounds = Math.max(0, ...a.map((x) => keys(x).length));
  for (let k = 0; k < rounds; k++) {
    const index = new Map<string, string>();
    for (const x of a) {
      const key = keys(x)[k];
      if (key && !taken.has(x.id)) index.set(key, x.id);
    }
    for (const y of b) {
      const key = keys(y)[k];
      if (key && !map.has(y.id)) claim(y.id, index.get(key));
    }
  }
}

function allIds(doc: SchemaDocument): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (isPlainObject(v)) {
      if (typeof v.id === 'string') out.add(v.id);
      for (const x of Object.values(v)) walk(x);
    }
  };
  walk(doc);
  return out;
}

const REFERENCE = /(?:^id|Id)$/;
const REFERENCES = /Ids$/;
/** Records keyed by id, below the top level (layout positions, a volume's per-column lengths). */
const ID_KEYED = new Set(['schemas', 'tables', 'relationships', 'enums', 'domains', 'views', 'extensions', 'sequences', 'areas', 'notes', 'avgLength']);

function rewriteIds(v: unknown, map: ReadonlyMap<string, string>, keyedById = false): unknown {
  if (Array.isArray(v)) return v.map((x) => rewriteIds(x, map));
  if (!isPlainObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    const key = keyedById ? (map.get(k) ?? k) : k;
    if (typeof x === 'string' && !keyedById && REFERENCE.test(k)) out[key] = map.get(x) ?? x;
    else if (Array.isArray(x) && REFERENCES.test(k)) out[key] = x.map((y) => (typeof y === 'string' ? (map.get(y) ?? y) : y));
    else out[key] = rewriteIds(x, map, ID_KEYED.has(k));
  }
  return out;
}

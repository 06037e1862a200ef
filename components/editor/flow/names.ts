/** `tableId -> "colA,colB"`: the foreign key columns of each table, as a string so selectors compare by value. */
const fkCache = new WeakMap<object, Map<string, string>>();

export function foreignKeyColumnsByTable(relationships: Readonly<Record<string, { fromTableId: string; columnPairs: { fromColumnId: string }[] }>>): Map<string, string> {
  const cached = fkCache.get(relationships);
  if (cached) return cached;
  const sets = new Map<string, Set<string>>();
  for (const r of Object.values(relationships)) {
    let s = sets.get(r.fromTableId);
    if (!s) sets.set(r.fromTableId, (s = new Set()));
    for (const p of r.columnPairs) s.add(p.fromColumnId);
  }
  const out = new Map<string, string>();
  for (const [id, s] of sets) out.set(id, [...s].sort().join(','));
  fkCache.set(relationships, out);
  return out;
}

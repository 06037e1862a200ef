/**
 * Names that clash only once both sides' edits are combined: each side kept its names unique (the
 * commands check every scope), but mine may have named a new table `invoices` while theirs renamed
 * another one to `invoices`. Every element the merge added, renamed or moved to another schema is
 * checked against its scope with the same rules the commands use (lib/model/commands/names.ts).
 */
import type { SchemaDocument, Table } from '../document';
import { CommandError } from '../commands/errors';
import { assertColumnNameFree, assertConstraintNameFree, assertIndexNameFree, assertRelationNameFree, assertTypeNameFree, nameKey, nameScopes } from '../commands/names';

export interface NameClash {
  path: string[];
  message: string;
}

export function nameClashes(base: SchemaDocument, merged: SchemaDocument): NameClash[] {
  const clashes: NameClash[] = [];
  const check = (path: string[], assertFree: () => void) => {
    try {
      assertFree();
    } catch (e) {
      if (!(e instanceof CommandError)) throw e;
      clashes.push({ path, message: e.message });
    }
  };
  const changed = (before: { name?: string; schemaId?: string } | undefined, after: { name?: string; schemaId?: string }) =>
    !before || before.name !== after.name || before.schemaId !== after.schemaId;

  const schemaKeys = new Map<string, string>();
  for (const s of Object.values(merged.schemas)) {
    const key = nameKey(merged.settings.dialect, s.name);
    const other = schemaKeys.get(key);
    if (other !== undefined && (changed(base.schemas[s.id], s) || changed(base.schemas[other], merged.schemas[other]))) {
      clashes.push({ path: ['schemas', s.id, 'name'], message: `a schema named "${s.name}" already exists` });
    }
    schemaKeys.set(key, s.id);
  }
  for (const v of Object.values(merged.views)) {
    if (changed(base.views[v.id], v)) check(['views', v.id, 'name'], () => assertRelationNameFree(merged, v.name, v.schemaId, v.id));
  }
  for (const q of Object.values(merged.sequences)) {
    if (changed(base.sequences[q.id], q)) check(['sequences', q.id, 'name'], () => assertRelationNameFree(merged, q.name, q.schemaId, q.id));
  }
  const extensionKeys = new Map<string, string>();
  for (const x of Object.values(merged.extensions)) {
    const key = nameKey(merged.settings.dialect, x.name);
    const other = extensionKeys.get(key);
    if (other !== undefined && (changed(base.extensions[x.id], x) || changed(base.extensions[other], merged.extensions[other]))) {
      clashes.push({ path: ['extensions', x.id, 'name'], message: `the extension "${x.name}" is already declared` });
    }
    extensionKeys.set(key, x.id);
  }
  for (const e of [...Object.values(merged.enums), ...Object.values(merged.domains)]) {
    const collection = merged.enums[e.id] ? 'enums' : 'domains';
    if (changed(base[collection][e.id], e)) check([collection, e.id, 'name'], () => assertTypeNameFree(merged, e.name, e.schemaId, e.id));
  }
  for (const t of Object.values(merged.tables)) tableClashes(base.tables[t.id], t, merged, changed, check);
  for (const r of Object.values(merged.relationships)) {
    const before = base.relationships[r.id];
    const from = merged.tables[r.fromTableId];
    if (r.name !== undefined && from && (!before || before.name !== r.name)) {
      check(['relationships', r.id, 'name'], () => assertConstraintNameFree(merged, from, r.name, r.id));
    }
  }
  return clashes;
}

function tableClashes(
  before: Table | undefined,
  t: Table,
  merged: SchemaDocument,
  changed: (before: { name?: string; schemaId?: string } | undefined, after: { name?: string; schemaId?: string }) => boolean,
  check: (path: string[], assertFree: () => void) => void,
): void {
  const moved = !before || before.schemaId !== t.schemaId;
  if (changed(before, t)) check(['tables', t.id, 'name'], () => assertRelationNameFree(merged, t.name, t.schemaId, t.id));
  const prior = <T extends { id: string }>(list: readonly T[] | undefined, id: string) => list?.find((x) => x.id === id);
  for (const c of t.columns) {
    if (changed(prior(before?.columns, c.id), c)) check(['tables', t.id, 'columns', c.id, 'name'], () => assertColumnNameFree(merged, t, c.name, c.id));
  }
  for (const ix of t.indexes) {
    if (moved || changed(prior(before?.indexes, ix.id), ix)) check(['tables', t.id, 'indexes', ix.id, 'name'], () => assertIndexNameFree(merged, t, ix.name, ix.id));
  }
  for (const u of t.uniques) {
    if (u.name === undefined || !(moved || changed(prior(before?.uniques, u.id), u))) continue;
    const name = u.name;
    check(['tables', t.id, 'uniques', u.id, 'name'], () => {
      if (nameScopes(merged).indexesAreRelations) assertIndexNameFree(merged, t, name, u.id);
      assertConstraintNameFree(merged, t, name, u.id);
    });
  }
  for (const k of t.checks) {
    if (k.name !== undefined && changed(prior(before?.checks, k.id), k)) check(['tables', t.id, 'checks', k.id, 'name'], () => assertConstraintNameFree(merged, t, k.name, k.id));
  }
}

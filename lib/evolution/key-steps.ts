/**
 * Keys, checks, indexes and foreign keys: which are rebuilt (dropped and added again because their
 * definition changed, or a column they use changes type, or the dialect cannot rename them), the
 * drops (older names), renames (derived names follow their table and columns), and the adds (the
 * newer side's clauses and CREATE INDEX statements, exactly as generateDdl writes them).
 */
import type { Relationship, Table } from '../model/document';
import { deepEqual } from '../model/merge/three-way';
import { isAutoIncrement } from '../ddl/sequence-sql';
import { identifiersIn } from '../ddl/sql-text';
import { SQL_LEXERS } from '../sql-lexer';
import type { Planner } from './planner';
import { elementPath } from './sides';
import type { MigrationStep } from './types';

const omit = <T extends object>(o: T, ...keys: string[]) => Object.fromEntries(Object.entries(o).filter(([k, v]) => !keys.includes(k) && v !== undefined));
const colset = (ids: readonly string[]) => [...ids].sort().join(',');

/** Marks what is rebuilt; run once before writing steps. */
export function classifyKeys(p: Planner): void {
  const { a, b } = p;
  const dropKey = (tableId: string, ids: readonly string[]) => {
    p.rekeyedTables.add(`${tableId}:${colset(ids)}`);
  };
  for (const [ta, tb] of p.changedTables()) {
    const retypedIn = (ids: readonly string[]) => ids.some((id) => p.retyped.has(id));
    if (ta.primaryKey && (!tb.primaryKey || !deepEqual(ta.primaryKey.columnIds, tb.primaryKey.columnIds) || retypedIn(ta.primaryKey.columnIds))) {
      if (tb.primaryKey) p.rebuilt.add(`pk:${ta.id}`);
      dropKey(ta.id, ta.primaryKey.columnIds);
    } else if (!ta.primaryKey && tb.primaryKey) p.rebuilt.add(`pk:${ta.id}`);
    for (const u of ta.uniques) {
      const v = tb.uniques.find((x) => x.id === u.id);
      const renamed = v && a.ctx.decisions.uniques.get(u.id) !== b.ctx.decisions.uniques.get(u.id);
      if (!v || !deepEqual(omit(u, 'name'), omit(v, 'name')) || retypedIn(u.columnIds) || (renamed && !p.facts.renameConstraint && p.facts.dropUnique === 'drop-constraint')) {
        if (v) p.rebuilt.add(u.id);
        dropKey(ta.id, u.columnIds);
      }
    }
    // A column whose type is replaced (an enum rebuilt): checks and index predicates or expressions
    // of its table may compare it with the old type; they are rebuilt with it.
    const retypedTable = ta.columns.some((c) => p.retyped.has(c.id) && c.type.kind === 'enum');
    for (const c of ta.checks) {
      const d = tb.checks.find((x) => x.id === c.id);
      const renamed = d && a.checkNames.get(c.id) !== b.checkNames.get(c.id);
      if (d && (!deepEqual(omit(c, 'name'), omit(d, 'name')) || (renamed && !p.facts.renameConstraint) || retypedTable)) p.rebuilt.add(c.id);
    }
    for (const ix of ta.indexes) {
      const jx = tb.indexes.find((x) => x.id === ix.id);
      const columns = ix.parts.flatMap((x) => (x.kind === 'column' ? [x.columnId] : []));
      const onRetyped = retypedTable && (ix.where !== undefined || ix.parts.some((x) => x.kind === 'expression') || retypedIn(columns));
      if (jx && (!deepEqual(omit(ix, 'name', 'purpose'), omit(jx, 'name', 'purpose')) || onRetyped)) p.rebuilt.add(ix.id);
      if (ix.unique && (!jx || p.rebuilt.has(ix.id))) dropKey(ta.id, columns);
    }
  }
  // InnoDB refuses to drop an index a foreign key uses (its leading columns are the key's columns, on
  // either table): such a foreign key is dropped first and added again (InnoDB then makes its own index).
  const droppedIndexes: { tableId: string; columns: string[] }[] = [];
  if (b.ctx.caps.foreignKeyCreatesIndex) {
    for (const ta of Object.values(a.doc.tables)) {
      const tb = b.doc.tables[ta.id];
      if (!tb) continue;
      for (const ix of ta.indexes) {
        if (!tb.indexes.some((x) => x.id === ix.id) || p.rebuilt.has(ix.id)) droppedIndexes.push({ tableId: ta.id, columns: ix.parts.map((x) => (x.kind === 'column' ? x.columnId : '')) });
      }
      // Keys are indexes too: a foreign key may use the primary key's or a unique's index.
      if (ta.primaryKey && (!tb.primaryKey || p.rebuilt.has(`pk:${ta.id}`))) droppedIndexes.push({ tableId: ta.id, columns: ta.primaryKey.columnIds });
      for (const u of ta.uniques) if (!tb.uniques.some((x) => x.id === u.id) || p.rebuilt.has(u.id)) droppedIndexes.push({ tableId: ta.id, columns: u.columnIds });
    }
  }
  const usesDroppedIndex = (r: Relationship) => droppedIndexes.some((d) =>
    (d.tableId === r.fromTableId && r.columnPairs.every((x, i) => d.columns[i] === x.fromColumnId)) ||
    (d.tableId === r.toTableId && r.columnPairs.every((x, i) => d.columns[i] === x.toColumnId)));
  // InnoDB renames a foreign key named `<table>_ibfk_<n>` with its table: one named so in the design
  // keeps its name only if it is dropped before the rename and added again after.
  const engineName = b.ctx.spec.engineForeignKeyName;
  const renamedBy = (r: Relationship) => {
    const from = a.doc.tables[r.fromTableId];
    const to = b.doc.tables[r.fromTableId];
    const name = fkName(p, 'a', r.id);
    if (!engineName || !from || !to || from.name === to.name || !name) return false;
    for (let n = 1; n <= 64; n++) if (engineName(from.name, n) === name) return true;
    return false;
  };
  for (const r of Object.values(a.doc.relationships)) {
    const s = b.doc.relationships[r.id];
    if (!s) continue;
    if (usesDroppedIndex(r) || renamedBy(r)) p.rebuilt.add(r.id);
    const nameA = a.ctx.decisions.foreignKeys.get(r.id);
    const nameB = b.ctx.decisions.foreignKeys.get(r.id);
    const pairsRetyped = r.columnPairs.some((x) => p.retyped.has(x.fromColumnId) || p.retyped.has(x.toColumnId));
    const keyDropped = p.rekeyedTables.has(`${r.toTableId}:${colset(r.columnPairs.map((x) => x.toColumnId))}`);
    const changed = r !== s && !deepEqual(omit(r, 'name', 'comment', 'cardinality'), omit(s, 'name', 'comment', 'cardinality'));
    if (changed || pairsRetyped || keyDropped || (nameA !== nameB && !p.facts.renameConstraint)) p.rebuilt.add(r.id);
  }
}

/** Whether the older side created this element (its statement or clause exists and was not rejected). */
function existedIn(p: Planner, side: 'a' | 'b', path: string | undefined): boolean {
  if (path === undefined) return false;
  const s = p[side];
  const st = s.byPath.get(path);
  if (st) return !s.rejected.has(st.sql);
  const c = s.clauses.get(path);
  if (!c) return false;
  // The CREATE TABLE it sits in must exist too.
  const table = /^tables\.([^.]+)/.exec(path)?.[1] ?? '';
  const tablePath = path.startsWith('relationships.') ? `tables.${s.doc.relationships[path.slice(14)]?.fromTableId}` : `tables.${table}`;
  const create = s.byPath.get(tablePath);
  if (create && s.rejected.has(create.sql)) return false;
  return !s.rejected.has(`${c.table.alter} ADD ${c.clause.sql}`);
}

/** Some key or index of the table starts with these columns, in this order. */
function leadsAnIndex(t: Table, columns: readonly string[]): boolean {
  const leads = (ids: readonly string[]) => columns.every((c, i) => ids[i] === c);
  return (t.primaryKey !== undefined && leads(t.primaryKey.columnIds)) || t.uniques.some((u) => leads(u.columnIds)) || t.indexes.some((ix) => leads(ix.parts.map((x) => (x.kind === 'column' ? x.columnId : ''))));
}

function fkName(p: Planner, side: 'a' | 'b', id: string): string | undefined {
  return p[side].ctx.decisions.foreignKeys.get(id);
}

// ---------------------------------------------------------------------------------------------
// Drops (older names, before any rename)

export function dropForeignKeys(p: Planner, out: MigrationStep[]): void {
  const { a, b } = p;
  for (const r of Object.values(a.doc.relationships)) {
    if (b.doc.relationships[r.id] === r && !p.rebuilt.has(r.id) && !fkName(p, 'a', r.id) === !fkName(p, 'b', r.id)) continue;
    const name = fkName(p, 'a', r.id);
    if (!name || !existedIn(p, 'a', `relationships.${r.id}`)) continue;
    if (b.doc.relationships[r.id] && !p.rebuilt.has(r.id) && fkName(p, 'b', r.id)) continue;
    const from = a.doc.tables[r.fromTableId];
    const clause = p.facts.dropForeignKey === 'drop-foreign-key' ? `DROP FOREIGN KEY ${p.q(name)}` : `DROP CONSTRAINT ${p.q(name)}`;
    out.push(p.step('foreign-key.drop', `ALTER TABLE ${a.ctx.qualified(from)} ${clause}`, relElement(p, r, 'a', name)));
    // InnoDB made an index of the constraint's name when no index led with its columns; it outlives
    // the constraint: dropped with it when the foreign key goes for good (a rebuilt one reuses it).
    if (a.ctx.caps.foreignKeyCreatesIndex && !p.rebuilt.has(r.id) && b.doc.tables[from.id] && !leadsAnIndex(from, r.columnPairs.map((x) => x.fromColumnId))) {
      out.push(p.step('index.drop', `ALTER TABLE ${a.ctx.qualified(from)} DROP INDEX ${p.q(name)}`, { kind: 'index', id: r.id, tableId: from.id, name }, { notes: ['the index InnoDB created for the foreign key'] }));
    }
  }
}

export function dropIndexesAndConstraints(p: Planner, out: MigrationStep[]): void {
  const { a, b } = p;
  // Removed tables take theirs with them; unchanged tables keep theirs.
  for (const [ta, tb] of p.changedTables()) {
    const table = a.ctx.qualified(ta);
    ta.indexes.forEach((ix, i) => {
      const d = a.ctx.decisions.indexes.get(ix.id);
      if (!d?.created || !existedIn(p, 'a', `tables.${ta.id}.indexes.${i}`)) return;
      if (tb.indexes.some((x) => x.id === ix.id) && !p.rebuilt.has(ix.id) && b.ctx.decisions.indexes.get(ix.id)?.created) return;
      const concurrently = p.options.concurrentIndexes && p.facts.concurrentIndexes;
      const schema = a.ctx.schemaOf(ta.schemaId);
      const sql = p.facts.dropIndex === 'drop-index'
        ? `DROP INDEX${concurrently ? ' CONCURRENTLY' : ''} ${schema ? `${p.q(schema)}.` : ''}${p.q(d.name)}`
        : `DROP INDEX ${p.q(d.name)} ON ${table}`;
      out.push(p.step('index.drop', sql, { kind: 'index', id: ix.id, tableId: ta.id, name: d.name }, { transactional: concurrently ? false : undefined, lock: concurrently ? p.facts.concurrentIndexLock : undefined, facts: { concurrently: !!concurrently, table: ta.name } }));
    });
    ta.uniques.forEach((u, i) => {
      const name = a.ctx.decisions.uniques.get(u.id);
      if (!name || !existedIn(p, 'a', `tables.${ta.id}.uniques.${i}`)) return;
      if (tb.uniques.some((x) => x.id === u.id) && !p.rebuilt.has(u.id) && b.ctx.decisions.uniques.get(u.id)) return;
      const clause = p.facts.dropUnique === 'drop-index' ? `DROP INDEX ${p.q(name)}` : `DROP CONSTRAINT ${p.q(name)}`;
      out.push(p.step('unique.drop', `ALTER TABLE ${table} ${clause}`, { kind: 'unique', id: u.id, tableId: ta.id, name }));
    });
    ta.checks.forEach((c, i) => {
      const name = a.checkNames.get(c.id);
      if (!name || !existedIn(p, 'a', `tables.${ta.id}.checks.${i}`)) return;
      if (tb.checks.some((x) => x.id === c.id) && !p.rebuilt.has(c.id) && b.checkNames.get(c.id)) return;
      out.push(p.step('check.drop', `ALTER TABLE ${table} DROP CONSTRAINT ${p.q(name)}`, { kind: 'check', id: c.id, tableId: ta.id, name }));
    });
    if (ta.primaryKey && existedIn(p, 'a', `tables.${ta.id}.primaryKey`) && (!tb.primaryKey || p.rebuilt.has(`pk:${ta.id}`))) {
      const name = a.ctx.decisions.primaryKeys.get(ta.id) ?? 'PRIMARY';
      const clause = p.facts.dropPrimaryKey === 'drop-primary-key' ? 'DROP PRIMARY KEY' : `DROP CONSTRAINT ${p.q(name)}`;
      out.push(p.step('primary-key.drop', `ALTER TABLE ${table} ${clause}`, { kind: 'primaryKey', id: ta.id, tableId: ta.id, name }));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Renames (after tables and columns are renamed: statements use the newer table names)

export function renameKeys(p: Planner, out: MigrationStep[]): void {
  const { a, b } = p;
  for (const [ta, tb] of p.keptTables()) {
    const table = b.ctx.qualified(tb);
    const renameConstraint = (kind: 'unique' | 'check' | 'primaryKey', id: string, from: string, to: string) => {
      const sql = p.facts.renameConstraint ? `ALTER TABLE ${table} RENAME CONSTRAINT ${p.q(from)} TO ${p.q(to)}` : `ALTER TABLE ${table} RENAME INDEX ${p.q(from)} TO ${p.q(to)}`;
      out.push(p.step(p.facts.renameConstraint ? 'constraint.rename' : 'index.rename', sql, { kind, id, tableId: tb.id, name: to }, { facts: { from, to, table: tb.name } }));
    };
    for (const ix of tb.indexes) {
      const da = a.ctx.decisions.indexes.get(ix.id);
      const db = b.ctx.decisions.indexes.get(ix.id);
      if (!da?.created || !db?.created || da.name === db.name || p.rebuilt.has(ix.id) || !ta.indexes.some((x) => x.id === ix.id)) continue;
      const schema = b.ctx.schemaOf(tb.schemaId);
      const sql = p.facts.renameIndex === 'alter-index'
        ? `ALTER INDEX ${schema ? `${p.q(schema)}.` : ''}${p.q(da.name)} RENAME TO ${p.q(db.name)}`
        : `ALTER TABLE ${table} RENAME INDEX ${p.q(da.name)} TO ${p.q(db.name)}`;
      out.push(p.step('index.rename', sql, { kind: 'index', id: ix.id, tableId: tb.id, name: db.name }, { facts: { from: da.name, to: db.name, table: tb.name } }));
    }
    for (const u of tb.uniques) {
      const na = a.ctx.decisions.uniques.get(u.id);
      const nb = b.ctx.decisions.uniques.get(u.id);
      if (na && nb && na !== nb && !p.rebuilt.has(u.id) && ta.uniques.some((x) => x.id === u.id)) renameConstraint('unique', u.id, na, nb);
    }
    for (const c of tb.checks) {
      const na = a.checkNames.get(c.id);
      const nb = b.checkNames.get(c.id);
      if (na && nb && na !== nb && !p.rebuilt.has(c.id) && ta.checks.some((x) => x.id === c.id)) renameConstraint('check', c.id, na, nb);
    }
    const pa = a.ctx.decisions.primaryKeys.get(ta.id);
    const pb = b.ctx.decisions.primaryKeys.get(tb.id);
    if (ta.primaryKey && tb.primaryKey && pa && pb && pa !== pb && !p.rebuilt.has(`pk:${ta.id}`) && p.b.ctx.caps.namedPrimaryKeys) renameConstraint('primaryKey', tb.id, pa, pb);
  }
  if (!p.facts.renameConstraint) return;
  for (const r of Object.values(b.doc.relationships)) {
    const na = fkName(p, 'a', r.id);
    const nb = fkName(p, 'b', r.id);
    if (!na || !nb || na === nb || p.rebuilt.has(r.id) || !a.doc.relationships[r.id]) continue;
    const from = b.doc.tables[r.fromTableId];
    out.push(p.step('constraint.rename', `ALTER TABLE ${b.ctx.qualified(from)} RENAME CONSTRAINT ${p.q(na)} TO ${p.q(nb)}`, relElement(p, r, 'b', nb), { facts: { from: na, to: nb, table: from.name } }));
  }
}

// ---------------------------------------------------------------------------------------------
// Adds (newer side's SQL)

/** `ALTER TABLE t ADD <clause>` for a clause of the newer side, commented out when the target rejects it. */
function addClause(p: Planner, out: MigrationStep[], path: string, kind: 'primary-key.add' | 'unique.add' | 'check.add' | 'foreign-key.add', element: MigrationStep['element']): void {
  const late = p.b.byPath.get(path);
  const c = p.b.clauses.get(path);
  const sql = late ? late.sql : c ? `${c.table.alter} ADD ${c.clause.sql}` : undefined;
  if (!sql) return;
  out.push(p.step(kind, sql, element, { commented: p.rejectedReason(sql), facts: { table: p.b.doc.tables[element.tableId ?? '']?.name } }));
}

/** Primary keys, uniques and checks added to (or rebuilt on) tables that already exist. */
export function addKeys(p: Planner, out: MigrationStep[]): void {
  const { a, b } = p;
  for (const [ta, tb] of p.changedTables()) {
    if (tb.primaryKey && (!ta.primaryKey || p.rebuilt.has(`pk:${ta.id}`))) {
      addClause(p, out, `tables.${tb.id}.primaryKey`, 'primary-key.add', { kind: 'primaryKey', id: tb.id, tableId: tb.id, name: b.ctx.decisions.primaryKeys.get(tb.id) ?? 'PRIMARY' });
    }
    for (const u of tb.uniques) {
      if (ta.uniques.some((x) => x.id === u.id) && !p.rebuilt.has(u.id) && a.ctx.decisions.uniques.get(u.id)) continue;
      const path = elementPath(b, tb.id, 'uniques', u.id);
      if (path) addClause(p, out, path, 'unique.add', { kind: 'unique', id: u.id, tableId: tb.id, name: b.ctx.decisions.uniques.get(u.id) ?? u.id });
    }
    for (const c of tb.checks) {
      if (ta.checks.some((x) => x.id === c.id) && !p.rebuilt.has(c.id) && a.checkNames.get(c.id)) continue;
      const path = elementPath(b, tb.id, 'checks', c.id);
      const el = { kind: 'check' as const, id: c.id, tableId: tb.id, name: b.checkNames.get(c.id) ?? c.id };
      const auto = p.facts.addCheckOnAutoIncrement ? undefined : tb.columns.find((x) => isAutoIncrement(b.ctx, tb, x) && identifiersIn(c.expression, SQL_LEXERS[b.doc.settings.dialect]).has(x.name.toLowerCase()));
      const clause = path ? b.clauses.get(path) : undefined;
      if (auto && clause) {
        out.push(p.step('check.add', `${clause.table.alter} ADD ${clause.clause.sql}`, el, { commented: `${b.ctx.caps.label} does not add a CHECK naming the AUTO_INCREMENT column "${auto.name}" to an existing table: recreate the table to have it` }));
      } else if (path) addClause(p, out, path, 'check.add', el);
    }
  }
}

/** CREATE INDEX for new and rebuilt indexes (CONCURRENTLY on tables that exist, when asked and the dialect has it). */
export function createIndexes(p: Planner, out: MigrationStep[], comments: MigrationStep[]): void {
  const { a, b } = p;
  const changed = new Set(p.changedTables().map(([, tb]) => tb));
  for (const tb of Object.values(b.doc.tables)) {
    const ta = a.doc.tables[tb.id];
    if (ta && !changed.has(tb)) continue;
    tb.indexes.forEach((ix, i) => {
      const path = `tables.${tb.id}.indexes.${i}`;
      const st = b.byPath.get(path);
      if (!st) return;
      const had = ta?.indexes.some((x) => x.id === ix.id) && a.ctx.decisions.indexes.get(ix.id)?.created;
      if (had && !p.rebuilt.has(ix.id)) return;
      const concurrently = !!ta && !!p.options.concurrentIndexes && p.facts.concurrentIndexes;
      const sql = concurrently ? st.sql.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX CONCURRENTLY ') : st.sql;
      const name = b.ctx.decisions.indexes.get(ix.id)?.name ?? ix.id;
      out.push(p.step('index.create', sql, { kind: 'index', id: ix.id, tableId: tb.id, name }, {
        commented: p.rejectedReason(st.sql),
        transactional: concurrently ? false : undefined,
        lock: concurrently ? p.facts.concurrentIndexLock : undefined,
        facts: { concurrently, unique: ix.unique, table: tb.name },
        notes: ta ? undefined : ['the table is new: no lock on live rows'],
      }));
      for (const c of b.attached.get(path) ?? []) comments.push(p.step('comment', c.sql, { kind: 'index', id: ix.id, tableId: tb.id, name }, { commented: p.rejectedReason(c.sql) }));
    });
  }
}

/** Foreign keys added (or rebuilt), except those written inside a new table's CREATE TABLE. */
export function addForeignKeys(p: Planner, out: MigrationStep[], comments: MigrationStep[]): void {
  const { a, b } = p;
  for (const r of Object.values(b.doc.relationships)) {
    if (a.doc.relationships[r.id] === r && !p.rebuilt.has(r.id) && !fkName(p, 'a', r.id) === !fkName(p, 'b', r.id)) continue;
    const name = fkName(p, 'b', r.id);
    if (!name) continue;
    const path = `relationships.${r.id}`;
    const had = a.doc.relationships[r.id] && fkName(p, 'a', r.id) && existedIn(p, 'a', path);
    if (had && !p.rebuilt.has(r.id)) continue;
    const newTable = !a.doc.tables[r.fromTableId];
    if (newTable && b.clauses.has(path) && !b.byPath.has(path)) {
      // Inline in its new table's CREATE TABLE; only its comment (attached) is left.
    } else addClause(p, out, path, 'foreign-key.add', relElement(p, r, 'b', name));
    for (const c of b.attached.get(path) ?? []) comments.push(p.step('comment', c.sql, relElement(p, r, 'b', name), { commented: p.rejectedReason(c.sql) }));
  }
}

function relElement(p: Planner, r: Relationship, side: 'a' | 'b', name: string): MigrationStep['element'] {
  return { kind: 'relationship', id: r.id, tableId: r.fromTableId, name };
}

export function tableHasKeyChanges(p: Planner, ta: Table): boolean {
  return [...p.rebuilt].some((id) => id === `pk:${ta.id}` || ta.indexes.some((x) => x.id === id) || ta.uniques.some((x) => x.id === id));
}

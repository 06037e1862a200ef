/**
 * Tables and columns: drops (with what they lose), renames as renames (ids say it is the same table
 * or column), moves between schemas, columns added with the newer side's definition, and column
 * changes: PostgreSQL's ALTER COLUMN clauses (TYPE .. USING where no implicit cast exists, defaults,
 * NOT NULL, identity) or MySQL's one MODIFY COLUMN with the whole new definition.
 */
import { collationSql, columnSql, defaultSql, resolveColumnTypeQuietly } from '../ddl/column-sql';
import { createTableSql } from '../ddl/planned-statement';
import type { Column, Table } from '../model/document';
import { deepEqual } from '../model/merge/three-way';
import type { Planner } from './planner';
import type { MigrationStep } from './types';

/** Type families within which PostgreSQL converts by assignment cast (no USING needed). */
const FAMILIES: readonly RegExp[] = [
  /^(smallint|integer|bigint|int[248]?|numeric(\(.*\))?|decimal(\(.*\))?|real|double precision|float[48]?)$/i,
  /^(text|varchar(\(\d+\))?|character varying(\(\d+\))?|char(\(\d+\))?|character(\(\d+\))?|citext|bpchar)$/i,
  /^(timestamp|timestamptz|timestamp(\(\d\))?( with(out)? time zone)?|date)$/i,
];
/** Changes PostgreSQL makes without rewriting the table: longer varchar, varchar -> text, more numeric precision. */
export function noRewrite(oldType: string, newType: string): boolean {
  const len = (t: string) => /^(?:varchar|character varying)\((\d+)\)$/i.exec(t)?.[1];
  if (/^(varchar|character varying)(\(\d+\))?$/i.test(oldType) && /^text$/i.test(newType)) return true;
  const lo = len(oldType);
  const ln = len(newType);
  if (lo && ln) return Number(ln) >= Number(lo);
  if (lo && /^(varchar|character varying)$/i.test(newType)) return true;
  return false;
}

function sameFamily(a: string, b: string): boolean {
  return FAMILIES.some((f) => f.test(a) && f.test(b));
}

/** Removed tables, in reverse creation order of the older side (referencing tables first). */
export function dropTables(p: Planner, out: MigrationStep[]): void {
  const { a, b } = p;
  const removed = Object.values(a.doc.tables).filter((t) => !b.doc.tables[t.id]);
  const order = (t: Table) => a.order.get(a.byPath.get(`tables.${t.id}`)!) ?? 0;
  removed.sort((x, y) => order(y) - order(x));
  for (const t of removed) {
    const st = a.byPath.get(`tables.${t.id}`);
    if (!st || a.rejected.has(st.sql)) continue;
    out.push(p.step('table.drop', `DROP TABLE ${a.ctx.qualified(t)}`, p.tableElement(t), { destructive: true, loses: `every row of "${t.name}"`, facts: { table: t.name } }));
  }
}

/** Renamed tables (ALTER TABLE .. RENAME TO), then tables moved to another schema. */
export function renameTables(p: Planner, out: MigrationStep[]): void {
  const { a, b } = p;
  for (const [ta, tb] of p.changedTables()) {
    if (ta.name !== tb.name) {
      out.push(p.step('table.rename', `ALTER TABLE ${a.ctx.qualified(ta)} RENAME TO ${p.q(tb.name)}`, p.tableElement(tb), { facts: { from: ta.name, to: tb.name, table: tb.name } }));
    }
    const sa = a.ctx.schemaOf(ta.schemaId);
    const sb = b.ctx.schemaOf(tb.schemaId);
    if (sa === sb) continue;
    const here = a.ctx.qualified({ name: tb.name, schemaId: ta.schemaId });
    const sql = p.facts.moveTable === 'set-schema'
      ? `ALTER TABLE ${here} SET SCHEMA ${p.q(sb ?? b.ctx.spec.defaultSchema ?? 'public')}`
      : `RENAME TABLE ${here} TO ${b.ctx.qualified(tb)}`;
    out.push(p.step('table.rename', sql, p.tableElement(tb), { facts: { from: `${sa ?? ''}.${tb.name}`, to: `${sb ?? ''}.${tb.name}`, table: tb.name } }));
  }
}

export function renameColumns(p: Planner, out: MigrationStep[]): void {
  for (const [ta, tb] of p.changedTables()) {
    const table = p.b.ctx.qualified(tb);
    for (const { ca, cb } of p.keptColumns(ta, tb)) {
      if (ca.name === cb.name) continue;
      out.push(p.step('column.rename', `ALTER TABLE ${table} RENAME COLUMN ${p.q(ca.name)} TO ${p.q(cb.name)}`, p.columnElement(tb, cb), { facts: { from: ca.name, to: cb.name, table: tb.name, column: cb.name } }));
    }
  }
}

export function dropColumns(p: Planner, out: MigrationStep[]): void {
  for (const [ta, tb] of p.changedTables()) {
    const table = p.b.ctx.qualified(tb);
    for (const c of ta.columns) {
      if (tb.columns.some((x) => x.id === c.id)) continue;
      out.push(p.step('column.drop', `ALTER TABLE ${table} DROP COLUMN ${p.q(c.name)}`, p.columnElement(ta, c), { destructive: true, loses: `the values of "${ta.name}.${c.name}"`, facts: { table: tb.name, column: c.name } }));
    }
  }
}

/** Effective default SQL of a column as its side writes it (none for identity and generated columns). */
function defaultOf(p: Planner, side: 'a' | 'b', t: Table, c: Column, i: number): string | undefined {
  if (c.identity || c.generated) return undefined;
  const ctx = p[side].ctx;
  const before = ctx.diagnostics.length;
  const d = defaultSql(ctx, c, resolveColumnTypeQuietly(ctx, t, i), t, i);
  ctx.diagnostics.length = before;
  return d;
}

/** A column's definition as its side writes it (diagnostics of this second rendering dropped). */
function definitionOf(p: Planner, side: 'a' | 'b', t: Table, c: Column, i: number): string {
  const ctx = p[side].ctx;
  const before = ctx.diagnostics.length;
  const d = columnSql(ctx, t, c, i).definition;
  ctx.diagnostics.length = before;
  return d;
}

export function addColumns(p: Planner, out: MigrationStep[]): void {
  for (const [ta, tb] of p.changedTables()) {
    const table = p.b.ctx.qualified(tb);
    const had = new Set(ta.columns.map((c) => c.id));
    tb.columns.forEach((c, i) => {
      if (had.has(c.id)) return;
      let sql = `ALTER TABLE ${table} ADD COLUMN ${definitionOf(p, 'b', tb, c, i)}`;
      const notes: string[] = [];
      const last = tb.columns.slice(i + 1).every((x) => !had.has(x.id));
      if (!last) {
        if (p.facts.columnPositions) sql += i === 0 ? ' FIRST' : ` AFTER ${p.q(tb.columns[i - 1].name)}`;
        else notes.push(`${p.b.ctx.caps.label} adds columns at the end: "${c.name}" goes after "${tb.columns.at(-1)!.name}", not where the design places it`);
      }
      const facts = { table: tb.name, column: c.name, notNull: !c.nullable, defaultSql: defaultOf(p, 'b', tb, c, i) };
      out.push(p.step('column.add', sql, p.columnElement(tb, c), { notes, facts: c.identity ? { ...facts, defaultSql: 'identity' } : facts }));
    });
  }
}

/** Column type, default, NULL, identity, generated and collation changes of kept columns. */
export function alterColumns(p: Planner, out: MigrationStep[]): void {
  for (const [ta, tb] of p.changedTables()) {
    const table = p.b.ctx.qualified(tb);
    for (const { ca, cb, ia, ib } of p.keptColumns(ta, tb)) {
      if (p.facts.alterColumn === 'modify-column') modifyColumn(p, out, table, ta, ca, ia, tb, cb, ib);
      else alterColumnClauses(p, out, table, ta, ca, ia, tb, cb, ib);
    }
  }
}

function alterColumnClauses(p: Planner, out: MigrationStep[], table: string, ta: Table, ca: Column, ia: number, tb: Table, cb: Column, ib: number): void {
  const el = p.columnElement(tb, cb);
  const col = `ALTER TABLE ${table} ALTER COLUMN ${p.q(cb.name)}`;
  const base = { table: tb.name, column: cb.name };
  if (!deepEqual(ca.generated, cb.generated)) {
    out.push(p.step('unsupported', `${col} -- generated ${JSON.stringify(ca.generated ?? null)} -> ${JSON.stringify(cb.generated ?? null)}`, el, { commented: `${p.b.ctx.caps.label} cannot change whether or how a column is generated in place: drop the column and add it again (its position changes)` }));
    return;
  }
  const typeChanged = p.typeChanged(ta, ca, ia, tb, cb, ib);
  const da = defaultOf(p, 'a', ta, ca, ia);
  const db = defaultOf(p, 'b', tb, cb, ib);
  const identityChanged = !deepEqual(ca.identity, cb.identity);
  // A default is dropped before a type change (it may not cast) or before an identity is added.
  const dropDefaultFirst = da !== undefined && (typeChanged || (cb.identity && !ca.identity) || p.rebuiltEnums.has(enumIdOf(ca) ?? ''));
  if (dropDefaultFirst) out.push(p.step('column.default', `${col} DROP DEFAULT`, el, { facts: base }));
  if (ca.identity && !cb.identity) out.push(p.step('column.identity', `${col} DROP IDENTITY IF EXISTS`, el, { facts: base }));
  if (typeChanged) {
    const oldType = resolveColumnTypeQuietly(p.a.ctx, ta, ia).sql;
    const newType = resolveColumnTypeQuietly(p.b.ctx, tb, ib).sql;
    let sql = `${col} TYPE ${newType}`;
    // ALTER TYPE resets the collation to the new type's default: a column's own is written again.
    if (cb.collation) {
      const c = collationSql(p.b.ctx, cb.collation, el.name, cb, `tables.${tb.id}.columns.${ib}`);
      if (c) sql += ` ${c}`;
    }
    const cast = !sameFamily(oldType, newType) || (ca.arrayDims ?? 0) !== (cb.arrayDims ?? 0);
    // Enums convert through text (there is no cast between an enum and anything else).
    const viaText = (ca.type.kind === 'enum' || cb.type.kind === 'enum') && newType !== `text${'[]'.repeat(cb.arrayDims ?? 0)}`;
    if (cast && p.facts.typeChangeUsing) sql += ` USING ${p.q(cb.name)}${viaText ? `::text${'[]'.repeat(cb.arrayDims ?? 0)}` : ''}::${newType}`;
    const widening = noRewrite(oldType, newType);
    out.push(p.step('column.type', sql, el, {
      facts: { ...base, oldType, newType, noRewrite: widening },
      notes: cast ? [`values are converted with a cast from ${oldType} to ${newType}: a value that does not convert fails the migration`] : undefined,
    }));
  }
  if (cb.identity && (!ca.identity || identityChanged)) {
    const id = cb.identity;
    const opts = [id.start !== undefined ? `START WITH ${id.start}` : '', id.increment !== undefined ? `INCREMENT BY ${id.increment}` : ''].filter(Boolean).join(' ');
    if (!ca.identity) out.push(p.step('column.identity', `${col} ADD GENERATED ${id.always ? 'ALWAYS' : 'BY DEFAULT'} AS IDENTITY${opts ? ` (${opts})` : ''}`, el, { facts: base }));
    else {
      const sets = [`SET GENERATED ${id.always ? 'ALWAYS' : 'BY DEFAULT'}`];
      if (id.start !== ca.identity.start) sets.push(`SET START WITH ${id.start ?? 1}`);
      if (id.increment !== ca.identity.increment) sets.push(`SET INCREMENT BY ${id.increment ?? 1}`);
      out.push(p.step('column.identity', `${col} ${sets.join(' ')}`, el, { facts: base }));
    }
  }
  if (db !== undefined && (db !== da || dropDefaultFirst)) out.push(p.step('column.default', `${col} SET DEFAULT ${db}`, el, { facts: { ...base, defaultSql: db } }));
  else if (db === undefined && da !== undefined && !dropDefaultFirst) out.push(p.step('column.default', `${col} DROP DEFAULT`, el, { facts: base }));
  if (ca.nullable !== cb.nullable) {
    out.push(cb.nullable
      ? p.step('column.drop-not-null', `${col} DROP NOT NULL`, el, { facts: base })
      : p.step('column.set-not-null', `${col} SET NOT NULL`, el, { facts: { ...base, notNull: true } }));
  }
}

function enumIdOf(c: Column): string | undefined {
  return c.type.kind === 'enum' ? c.type.enumId : undefined;
}

/** MySQL: one MODIFY COLUMN with the whole newer definition when anything in it changed. */
function modifyColumn(p: Planner, out: MigrationStep[], table: string, ta: Table, ca: Column, ia: number, tb: Table, cb: Column, ib: number): void {
  const defA = definitionOf(p, 'a', ta, ca, ia).slice(p.a.ctx.q(ca.name).length);
  const defB = definitionOf(p, 'b', tb, cb, ib);
  if (defA === defB.slice(p.q(cb.name).length)) return;
  const typeChanged = p.typeChanged(ta, ca, ia, tb, cb, ib) || enumValuesChanged(p, ca, cb);
  const oldType = resolveColumnTypeQuietly(p.a.ctx, ta, ia).sql;
  const newType = resolveColumnTypeQuietly(p.b.ctx, tb, ib).sql;
  const kind = typeChanged ? 'column.type'
    : ca.nullable !== cb.nullable ? (cb.nullable ? 'column.drop-not-null' : 'column.set-not-null')
    : !deepEqual(ca.default, cb.default) ? 'column.default'
    : !deepEqual(ca.identity, cb.identity) ? 'column.identity'
    : 'column.modify';
  const removed = enumRemovedValues(p, ca, cb);
  out.push(p.step(kind, `ALTER TABLE ${table} MODIFY COLUMN ${defB}`, p.columnElement(tb, cb), {
    destructive: removed.length > 0,
    loses: removed.length ? `rows holding ${removed.map((v) => `'${v}'`).join(', ')} in "${tb.name}.${cb.name}"` : undefined,
    facts: { table: tb.name, column: cb.name, oldType, newType, notNull: !cb.nullable, defaultSql: defaultOf(p, 'b', tb, cb, ib), noRewrite: !typeChanged || enumAppendOnly(p, ca, cb), removedValues: removed.length ? removed : undefined },
  }));
}

function enumValuesChanged(p: Planner, ca: Column, cb: Column): boolean {
  if (ca.type.kind !== 'enum' || cb.type.kind !== 'enum') return false;
  return !deepEqual(p.a.doc.enums[ca.type.enumId]?.values, p.b.doc.enums[cb.type.enumId]?.values);
}

function enumRemovedValues(p: Planner, ca: Column, cb: Column): string[] {
  if (ca.type.kind !== 'enum' || cb.type.kind !== 'enum') return [];
  const next = new Set(p.b.doc.enums[cb.type.enumId]?.values ?? []);
  return (p.a.doc.enums[ca.type.enumId]?.values ?? []).filter((v) => !next.has(v));
}

/** MySQL changes an ENUM in place (INSTANT) only when values are appended at the end. */
function enumAppendOnly(p: Planner, ca: Column, cb: Column): boolean {
  if (ca.type.kind !== 'enum' || cb.type.kind !== 'enum' || ca.type.enumId !== cb.type.enumId) return false;
  const va = p.a.doc.enums[ca.type.enumId]?.values ?? [];
  const vb = p.b.doc.enums[cb.type.enumId]?.values ?? [];
  return va.every((v, i) => vb[i] === v);
}

/** New tables in the newer side's dependency order, with their partitions; clauses the target rejects follow commented out. */
export function createTables(p: Planner, out: MigrationStep[], comments: MigrationStep[]): void {
  const { a, b } = p;
  const added = Object.values(b.doc.tables).filter((t) => !a.doc.tables[t.id]);
  const order = (t: Table) => b.order.get(b.byPath.get(`tables.${t.id}`)!) ?? 0;
  added.sort((x, y) => order(x) - order(y));
  for (const t of added) {
    const path = `tables.${t.id}`;
    const st = b.byPath.get(path);
    if (!st) continue;
    const el = p.tableElement(t);
    const whole = p.rejectedReason(st.sql);
    if (whole || !st.table) {
      out.push(p.step('table.create', st.sql, el, { commented: whole, facts: { table: t.name } }));
    } else {
      const rejected = st.table.clauses.filter((c) => b.rejected.has(`${st.table!.alter} ADD ${c.sql}`));
      out.push(p.step('table.create', rejected.length ? createTableSql(st.table, st.table.clauses.filter((c) => !rejected.includes(c))) : st.sql, el, { facts: { table: t.name } }));
      for (const c of rejected) {
        const sql = `${st.table.alter} ADD ${c.sql}`;
        out.push(p.step('unsupported', sql, el, { commented: p.rejectedReason(sql) }));
      }
    }
    for (const [key, s] of b.byPath) {
      if (key.startsWith(`${path}.partitioning.partitions.`)) out.push(p.step('partition.add', s.sql, el, { commented: p.rejectedReason(s.sql) }));
    }
    for (const c of b.attached.get(path) ?? []) comments.push(p.step('comment', c.sql, el, { commented: p.rejectedReason(c.sql) }));
  }
}

/** Partitions of kept tables: added and dropped (PostgreSQL, one table each); a new strategy or key is a rebuild the plan does not write. */
export function partitionChanges(p: Planner, drops: MigrationStep[], adds: MigrationStep[]): void {
  const { a, b } = p;
  for (const [ta, tb] of p.changedTables()) {
    const pa = ta.partitioning;
    const pb = tb.partitioning;
    if (deepEqual(pa, pb)) continue;
    const el = p.tableElement(tb);
    if (!pa || !pb || pa.strategy !== pb.strategy || !deepEqual(pa.key, pb.key) || b.ctx.caps.partitionSyntax !== 'partition-of') {
      adds.push(p.step('partitioning.change', `ALTER TABLE ${b.ctx.qualified(tb)} -- partitioning ${JSON.stringify(pa ?? null)} -> ${JSON.stringify(pb ?? null)}`, el, {
        commented: `${b.ctx.caps.label} cannot change a table's partitioning in place: create the new table, copy the rows in batches, and swap the names (expand/contract)`,
      }));
      continue;
    }
    for (const part of pa.partitions) {
      const next = pb.partitions.find((x) => x.id === part.id);
      if (next && deepEqual({ ...part, comment: undefined }, { ...next, comment: undefined })) continue;
      drops.push(p.step('partition.drop', `DROP TABLE ${a.ctx.qualified({ name: part.name, schemaId: ta.schemaId })}`, el, { destructive: true, loses: `the rows of partition "${part.name}"` }));
    }
    pb.partitions.forEach((part, i) => {
      const prev = pa.partitions.find((x) => x.id === part.id);
      if (prev && deepEqual({ ...part, comment: undefined }, { ...prev, comment: undefined })) return;
      const st = b.byPath.get(`tables.${tb.id}.partitioning.partitions.${i}`);
      if (st) adds.push(p.step('partition.add', st.sql, el, { commented: p.rejectedReason(st.sql) }));
    });
  }
}

/**
 * Database objects besides tables: schemas, extensions, enums (PostgreSQL ADD VALUE where values are
 * only added; a rebuild when one is removed or reordered), domains, sequences, views (dropped before
 * what they read changes, recreated after, in dependency order) and comments.
 */
import type { Column, SchemaDocument } from '../model/document';
import { deepEqual } from '../model/merge/three-way';
import { enumValueChanges } from './diff';
import type { Planner } from './planner';
import type { MigrationStep } from './types';

type Kinds = 'schemas' | 'extensions' | 'enums' | 'domains' | 'sequences' | 'views';

function added<K extends Kinds>(p: Planner, kind: K): SchemaDocument[K][string][] {
  return Object.values(p.b.doc[kind]).filter((x) => !p.a.doc[kind][x.id]) as SchemaDocument[K][string][];
}

function removed<K extends Kinds>(p: Planner, kind: K): SchemaDocument[K][string][] {
  return Object.values(p.a.doc[kind]).filter((x) => !p.b.doc[kind][x.id]) as SchemaDocument[K][string][];
}

/** The newer side's CREATE statement for `path` and its comments, as steps. */
function created(p: Planner, out: MigrationStep[], comments: MigrationStep[], path: string, kind: MigrationStep['kind'], element: MigrationStep['element']): void {
  const st = p.b.byPath.get(path);
  if (!st) return;
  out.push(p.step(kind, st.sql, element, { commented: p.rejectedReason(st.sql) }));
  for (const c of p.b.attached.get(path) ?? []) comments.push(p.step('comment', c.sql, element, { commented: p.rejectedReason(c.sql) }));
}

/** Schemas, extensions, enums, domains and sequences created or changed before the tables change. */
export function objectsBefore(p: Planner, out: MigrationStep[], comments: MigrationStep[]): void {
  const { a, b } = p;
  const caps = b.ctx.caps;
  for (const s of added(p, 'schemas')) created(p, out, comments, `schemas.${s.id}`, 'schema.create', { kind: 'schema', id: s.id, name: s.name });
  if (caps.schemas === 'namespaces') {
    for (const s of Object.values(b.doc.schemas)) {
      const old = a.doc.schemas[s.id];
      if (old && old.name !== s.name) out.push(p.step('schema.rename', `ALTER SCHEMA ${p.q(old.name)} RENAME TO ${p.q(s.name)}`, { kind: 'schema', id: s.id, name: s.name }, { facts: { from: old.name, to: s.name } }));
      if (old && old.comment !== s.comment) comments.push(p.step('comment', `COMMENT ON SCHEMA ${p.q(s.name)} IS ${s.comment === undefined ? 'NULL' : b.ctx.str(s.comment)}`, { kind: 'schema', id: s.id, name: s.name }));
    }
  }
  for (const x of added(p, 'extensions')) created(p, out, comments, `extensions.${x.id}`, 'extension.create', { kind: 'extension', id: x.id, name: x.name });
  if (caps.extensions) {
    for (const x of Object.values(b.doc.extensions)) {
      const old = a.doc.extensions[x.id];
      if (!old) continue;
      const el = { kind: 'extension' as const, id: x.id, name: x.name };
      if (old.version !== x.version && x.version) out.push(p.step('extension.alter', `ALTER EXTENSION ${p.q(x.name)} UPDATE TO ${b.ctx.str(x.version)}`, el));
      if (a.ctx.schemaOf(old.schemaId) !== b.ctx.schemaOf(x.schemaId)) out.push(p.step('extension.alter', `ALTER EXTENSION ${p.q(x.name)} SET SCHEMA ${p.q(b.ctx.schemaOf(x.schemaId) ?? b.ctx.spec.defaultSchema ?? 'public')}`, el));
      if (old.comment !== x.comment) comments.push(p.step('comment', `COMMENT ON EXTENSION ${p.q(x.name)} IS ${x.comment === undefined ? 'NULL' : b.ctx.str(x.comment)}`, el));
    }
  }
  if (caps.enumStrategy === 'create-type') enumsBefore(p, out, comments);
  if (caps.domains) domainsBefore(p, out, comments);
  if (caps.sequences === 'create-sequence') sequencesBefore(p, out, comments);
}

function enumsBefore(p: Planner, out: MigrationStep[], comments: MigrationStep[]): void {
  const { a, b } = p;
  for (const e of added(p, 'enums')) created(p, out, comments, `enums.${e.id}`, 'enum.create', { kind: 'enum', id: e.id, name: e.name });
  for (const e of Object.values(b.doc.enums)) {
    const old = a.doc.enums[e.id];
    if (!old) continue;
    const el = { kind: 'enum' as const, id: e.id, name: e.name };
    if (old.name !== e.name || a.ctx.schemaOf(old.schemaId) !== b.ctx.schemaOf(e.schemaId)) {
      if (old.name !== e.name) out.push(p.step('enum.rename', `ALTER TYPE ${a.ctx.qualified(old)} RENAME TO ${p.q(e.name)}`, el, { facts: { from: old.name, to: e.name } }));
      if (a.ctx.schemaOf(old.schemaId) !== b.ctx.schemaOf(e.schemaId)) out.push(p.step('enum.rename', `ALTER TYPE ${a.ctx.qualified({ name: e.name, schemaId: old.schemaId })} SET SCHEMA ${p.q(b.ctx.schemaOf(e.schemaId) ?? b.ctx.spec.defaultSchema ?? 'public')}`, el));
    }
    if (old.comment !== e.comment) comments.push(p.step('comment', `COMMENT ON TYPE ${b.ctx.qualified(e)} IS ${e.comment === undefined ? 'NULL' : b.ctx.str(e.comment)}`, el));
    if (deepEqual(old.values, e.values)) continue;
    const change = enumValueChanges(old.values, e.values);
    if (!change.removed.length && !change.reordered) {
      // ADD VALUE cannot be used in the transaction that adds it: each runs on its own.
      e.values.forEach((v, i) => {
        if (old.values.includes(v)) return;
        const next = e.values.slice(i + 1).find((x) => old.values.includes(x));
        const where = next !== undefined ? ` BEFORE ${b.ctx.str(next)}` : i > 0 ? ` AFTER ${b.ctx.str(e.values[i - 1])}` : '';
        out.push(p.step('enum.add-value', `ALTER TYPE ${b.ctx.qualified(e)} ADD VALUE ${b.ctx.str(v)}${where}`, el, { transactional: false }));
      });
      continue;
    }
    rebuildEnum(p, out, e.id);
  }
}

/**
 * A value removed or reordered: PostgreSQL cannot do either in place. The type is renamed away, the
 * new one created, every column of it converted through text (a row holding a removed value fails
 * the cast: the migration stops rather than lose it), and the old type dropped.
 */
function rebuildEnum(p: Planner, out: MigrationStep[], enumId: string): void {
  const { a, b } = p;
  const old = a.doc.enums[enumId];
  const e = b.doc.enums[enumId];
  const el = { kind: 'enum' as const, id: e.id, name: e.name };
  const change = enumValueChanges(old.values, e.values);
  const oldName = `${e.name}__old`.slice(0, b.ctx.spec.identifierLimit.max);
  p.rebuiltEnums.add(enumId);
  const lost = change.removed.length ? `rows holding ${change.removed.map((v) => `'${v}'`).join(', ')} (the cast fails on them: update them first)` : undefined;
  out.push(p.step('enum.rebuild', `ALTER TYPE ${b.ctx.qualified(e)} RENAME TO ${p.q(oldName)}`, el, { facts: { removedValues: change.removed } }));
  const st = b.byPath.get(`enums.${e.id}`);
  if (st) out.push(p.step('enum.rebuild', st.sql, el));
  for (const ta of Object.values(a.doc.tables)) {
    const tb = b.doc.tables[ta.id];
    if (!tb) continue;
    ta.columns.forEach((ca) => {
      const ib = tb.columns.findIndex((x) => x.id === ca.id);
      const cb: Column | undefined = tb.columns[ib];
      if (ca.type.kind !== 'enum' || ca.type.enumId !== enumId || cb?.type.kind !== 'enum' || cb.type.enumId !== enumId) return;
      const col = `ALTER TABLE ${a.ctx.qualified(ta)} ALTER COLUMN ${p.q(ca.name)}`;
      const dims = '[]'.repeat(ca.arrayDims ?? 0);
      if (ca.default.kind !== 'none') out.push(p.step('column.default', `${col} DROP DEFAULT`, p.columnElement(ta, ca)));
      out.push(p.step('enum.rebuild', `${col} TYPE ${b.ctx.qualified(e)}${dims} USING ${p.q(ca.name)}::text${dims}::${b.ctx.qualified(e)}${dims}`, p.columnElement(ta, ca), {
        destructive: change.removed.length > 0,
        loses: lost,
        facts: { table: ta.name, column: ca.name, removedValues: change.removed },
      }));
    });
  }
  p.droppedLater.push(p.step('enum.drop', `DROP TYPE ${b.ctx.qualified({ name: oldName, schemaId: e.schemaId })}`, el));
}

function domainsBefore(p: Planner, out: MigrationStep[], comments: MigrationStep[]): void {
  const { a, b } = p;
  for (const d of added(p, 'domains')) created(p, out, comments, `domains.${d.id}`, 'domain.create', { kind: 'domain', id: d.id, name: d.name });
  for (const d of Object.values(b.doc.domains)) {
    const old = a.doc.domains[d.id];
    if (!old) continue;
    const el = { kind: 'domain' as const, id: d.id, name: d.name };
    if (old.name !== d.name) out.push(p.step('domain.alter', `ALTER DOMAIN ${a.ctx.qualified(old)} RENAME TO ${p.q(d.name)}`, el, { facts: { from: old.name, to: d.name } }));
    const name = b.ctx.qualified(d);
    if (old.nullable !== d.nullable) out.push(p.step('domain.alter', `ALTER DOMAIN ${name} ${d.nullable ? 'DROP NOT NULL' : 'SET NOT NULL'}`, el));
    if (old.comment !== d.comment) comments.push(p.step('comment', `COMMENT ON DOMAIN ${name} IS ${d.comment === undefined ? 'NULL' : b.ctx.str(d.comment)}`, el));
    if (!deepEqual(old.type, d.type) || !deepEqual(old.checks, d.checks) || !deepEqual(old.default, d.default)) {
      out.push(p.step('unsupported', `ALTER DOMAIN ${name} -- type, default or checks changed`, el, { commented: 'a domain\'s type, default and checks are changed by recreating it (and every column of it): not written by Draftbase yet' }));
    }
  }
}

function sequencesBefore(p: Planner, out: MigrationStep[], comments: MigrationStep[]): void {
  const { a, b } = p;
  for (const s of added(p, 'sequences')) created(p, out, comments, `sequences.${s.id}`, 'sequence.create', { kind: 'sequence', id: s.id, name: s.name });
  for (const s of Object.values(b.doc.sequences)) {
    const old = a.doc.sequences[s.id];
    if (!old) continue;
    const el = { kind: 'sequence' as const, id: s.id, name: s.name };
    if (old.name !== s.name) out.push(p.step('sequence.alter', `ALTER SEQUENCE ${a.ctx.qualified(old)} RENAME TO ${p.q(s.name)}`, el, { facts: { from: old.name, to: s.name } }));
    const name = b.ctx.qualified(s);
    const opts: string[] = [];
    if (old.dataType !== s.dataType) opts.push(`AS ${s.dataType}`);
    if (old.increment !== s.increment) opts.push(`INCREMENT BY ${s.increment ?? 1}`);
    if (old.min !== s.min) opts.push(s.min === undefined ? 'NO MINVALUE' : `MINVALUE ${s.min}`);
    if (old.max !== s.max) opts.push(s.max === undefined ? 'NO MAXVALUE' : `MAXVALUE ${s.max}`);
    if (old.start !== s.start) opts.push(`START WITH ${s.start ?? ((s.increment ?? 1) > 0 ? (s.min ?? 1) : (s.max ?? -1))}`);
    if (old.cache !== s.cache) opts.push(`CACHE ${s.cache ?? 1}`);
    if (!!old.cycle !== !!s.cycle) opts.push(s.cycle ? 'CYCLE' : 'NO CYCLE');
    if (opts.length) out.push(p.step('sequence.alter', `ALTER SEQUENCE ${name} ${opts.join(' ')}`, el));
    if (old.comment !== s.comment) comments.push(p.step('comment', `COMMENT ON SEQUENCE ${name} IS ${s.comment === undefined ? 'NULL' : b.ctx.str(s.comment)}`, el));
  }
}

/** OWNED BY changes, once every table and column exists. */
export function ownedBy(p: Planner, out: MigrationStep[]): void {
  const { a, b } = p;
  if (b.ctx.caps.sequences !== 'create-sequence') return;
  for (const s of Object.values(b.doc.sequences)) {
    const old = a.doc.sequences[s.id];
    const el = { kind: 'sequence' as const, id: s.id, name: s.name };
    if (!old) {
      const st = b.byPath.get(`sequences.${s.id}.ownedBy`);
      if (st) out.push(p.step('sequence.alter', st.sql, el, { commented: p.rejectedReason(st.sql) }));
      continue;
    }
    if (deepEqual(old.ownedBy, s.ownedBy)) continue;
    const st = b.byPath.get(`sequences.${s.id}.ownedBy`);
    if (st) out.push(p.step('sequence.alter', st.sql, el, { commented: p.rejectedReason(st.sql) }));
    else if (!s.ownedBy) out.push(p.step('sequence.alter', `ALTER SEQUENCE ${b.ctx.qualified(s)} OWNED BY NONE`, el));
  }
}

/** Comments changed on kept tables, columns and indexes (PostgreSQL COMMENT ON; MySQL table comments). */
export function commentChanges(p: Planner, out: MigrationStep[]): void {
  const { a, b } = p;
  const commentOn = b.ctx.caps.commentStyle === 'comment-on';
  const lit = (c: string | undefined) => (c === undefined ? 'NULL' : b.ctx.str(c));
  for (const [ta, tb] of p.changedTables()) {
    const table = b.ctx.qualified(tb);
    if (ta.comment !== tb.comment) {
      if (commentOn) out.push(p.step('comment', `COMMENT ON TABLE ${table} IS ${lit(tb.comment)}`, p.tableElement(tb)));
      else out.push(p.step('comment', `ALTER TABLE ${table} COMMENT = ${b.ctx.str(tb.comment ?? '')}`, p.tableElement(tb)));
    }
    if (!commentOn) continue;
    const had = new Map(ta.columns.map((c) => [c.id, c]));
    for (const c of tb.columns) {
      const old = had.get(c.id);
      if (old ? old.comment !== c.comment : c.comment !== undefined) out.push(p.step('comment', `COMMENT ON COLUMN ${table}.${p.q(c.name)} IS ${lit(c.comment)}`, p.columnElement(tb, c)));
    }
    for (const ix of tb.indexes) {
      const old = ta.indexes.find((x) => x.id === ix.id);
      const name = b.ctx.decisions.indexes.get(ix.id);
      if (!old || p.rebuilt.has(ix.id) || old.purpose === ix.purpose || !name?.created) continue;
      const schema = b.ctx.schemaOf(tb.schemaId);
      out.push(p.step('comment', `COMMENT ON INDEX ${schema ? `${p.q(schema)}.` : ''}${p.q(name.name)} IS ${lit(ix.purpose)}`, { kind: 'index', id: ix.id, tableId: tb.id, name: name.name }));
    }
  }
  if (!commentOn) return;
  for (const r of Object.values(b.doc.relationships)) {
    const old = a.doc.relationships[r.id];
    const name = b.ctx.decisions.foreignKeys.get(r.id);
    if (!old || !name || p.rebuilt.has(r.id) || old.comment === r.comment) continue;
    out.push(p.step('comment', `COMMENT ON CONSTRAINT ${p.q(name)} ON ${b.ctx.qualified(b.doc.tables[r.fromTableId])} IS ${lit(r.comment)}`, { kind: 'relationship', id: r.id, tableId: r.fromTableId, name }));
  }
}

/** Objects removed from the design, dropped once nothing uses them. */
export function objectsAfter(p: Planner, out: MigrationStep[]): void {
  const { a, b } = p;
  const caps = b.ctx.caps;
  for (const s of p.droppedLater) out.push(s);
  if (caps.enumStrategy === 'create-type') for (const e of removed(p, 'enums')) if (a.byPath.has(`enums.${e.id}`)) out.push(p.step('enum.drop', `DROP TYPE ${a.ctx.qualified(e)}`, { kind: 'enum', id: e.id, name: e.name }));
  if (caps.domains) for (const d of removed(p, 'domains')) if (a.byPath.has(`domains.${d.id}`)) out.push(p.step('domain.drop', `DROP DOMAIN ${a.ctx.qualified(d)}`, { kind: 'domain', id: d.id, name: d.name }));
  // IF EXISTS: a sequence owned by a dropped column or table went with it.
  if (caps.sequences === 'create-sequence') for (const s of removed(p, 'sequences')) out.push(p.step('sequence.drop', `DROP SEQUENCE IF EXISTS ${a.ctx.qualified(s)}`, { kind: 'sequence', id: s.id, name: s.name }));
  for (const x of removed(p, 'extensions')) if (a.byPath.has(`extensions.${x.id}`)) out.push(p.step('extension.drop', `DROP EXTENSION IF EXISTS ${p.q(x.name)}`, { kind: 'extension', id: x.id, name: x.name }));
  if (caps.schemas === 'namespaces') for (const s of removed(p, 'schemas')) if (a.byPath.has(`schemas.${s.id}`)) out.push(p.step('schema.drop', `DROP SCHEMA ${p.q(s.name)}`, { kind: 'schema', id: s.id, name: s.name }));
}

// ---------------------------------------------------------------------------------------------
// Views

/**
 * Views dropped first: removed or changed ones, those reading a table that changes (a column type,
 * a dropped or renamed column, a renamed table: PostgreSQL refuses some of these under a view, and
 * MySQL's stored text would name the old columns), and, transitively, views reading a dropped view.
 * Returns the ids dropped (recreated by createViews).
 */
export function dropViews(p: Planner, out: MigrationStep[]): Set<string> {
  const { a, b } = p;
  const dropped = new Set<string>();
  const views = [...a.byPath.entries()].filter(([k]) => k.startsWith('views.')).map(([k, st]) => ({ id: k.slice(6), st }));
  const gone = (need: string) => {
    const m = /^(tables|views)\.([^.]+)/.exec(need);
    if (!m) return false;
    return m[1] === 'views' ? dropped.has(m[2]) : p.touchedTables.has(m[2]) || !b.doc.tables[m[2]];
  };
  for (const { id, st } of views) {
    if (a.rejected.has(st.sql)) continue;
    const v = b.doc.views[id];
    const old = a.doc.views[id];
    const changed = !v || !deepEqual({ ...old, comment: undefined }, { ...v, comment: undefined });
    if (changed || (st.needs ?? []).some(gone)) dropped.add(id);
  }
  for (const { id } of [...views].reverse()) {
    if (!dropped.has(id)) continue;
    const v = a.doc.views[id];
    const materialized = v.materialized && a.ctx.caps.materializedViews;
    out.push(p.step('view.drop', `DROP ${materialized ? 'MATERIALIZED VIEW' : 'VIEW'} ${a.ctx.qualified(v)}`, { kind: 'view', id, name: v.name }, { notes: materialized ? ['a materialized view is recomputed when created again'] : undefined }));
  }
  return dropped;
}

export function createViews(p: Planner, out: MigrationStep[], dropped: Set<string>): void {
  const { a, b } = p;
  for (const [k, st] of b.byPath) {
    if (!k.startsWith('views.')) continue;
    const id = k.slice(6);
    const v = b.doc.views[id];
    if (a.doc.views[id] && !dropped.has(id)) {
      if (a.doc.views[id].comment !== v.comment && b.ctx.caps.commentStyle === 'comment-on') {
        out.push(p.step('comment', `COMMENT ON ${v.materialized ? 'MATERIALIZED VIEW' : 'VIEW'} ${b.ctx.qualified(v)} IS ${v.comment === undefined ? 'NULL' : b.ctx.str(v.comment)}`, { kind: 'view', id, name: v.name }));
      }
      continue;
    }
    const el = { kind: 'view' as const, id, name: v.name };
    out.push(p.step('view.create', st.sql, el, { commented: p.rejectedReason(st.sql) }));
    for (const c of b.attached.get(k) ?? []) out.push(p.step('comment', c.sql, el, { commented: p.rejectedReason(c.sql) }));
  }
}

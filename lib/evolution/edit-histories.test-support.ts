/**
 * Random edit histories made of the model's own commands (lib/model/commands), for the migration
 * property tests and the migration benchmark. An edit is drawn as plain numbers (fast-check shrinks
 * them) and interpreted against the document as it is at that point, so every command names ids
 * that exist; a command the model refuses is skipped, like a user's refused edit.
 *
 * Edits stay within what a migration can do in place on both engines and what the document's own SQL
 * text allows: a column named in a view, check, index expression, default or generated expression is
 * not renamed or removed (the editor rewrites that text through the SQL parser; these histories do
 * not load it), and no column is moved (PostgreSQL cannot reorder columns).
 */
import fc from 'fast-check';
import { applyCommand } from '../model/commands/apply';
import { CommandError } from '../model/commands/errors';
import type { Command } from '../model/commands/types';
import type { Column, SchemaDocument, Table } from '../model/document';
import { dialectSpec } from '../dialects/dialects';

export const EDIT_KINDS = [
  'table.rename', 'table.add', 'table.remove', 'column.rename', 'column.add', 'column.add-not-null', 'column.remove',
  'column.widen', 'column.nullability', 'column.default', 'index.add', 'index.remove', 'unique.add', 'unique.remove',
  'check.add', 'check.remove', 'relationship.add', 'relationship.remove', 'enum.add-value', 'enum.remove-value',
  'comment.table', 'comment.column',
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

export interface EditSeed {
  kind: EditKind;
  a: number;
  b: number;
  c: number;
}

export const editSeed: fc.Arbitrary<EditSeed> = fc.record({ kind: fc.constantFrom(...EDIT_KINDS), a: fc.nat(10_000), b: fc.nat(10_000), c: fc.nat(10_000) });

/** Every SQL text of the document, lower-cased: a column or table named here is left alone. */
function sqlText(doc: SchemaDocument): string {
  const parts: string[] = [];
  for (const v of Object.values(doc.views)) parts.push(v.sql);
  for (const t of Object.values(doc.tables)) {
    for (const k of t.checks) parts.push(k.expression);
    for (const ix of t.indexes) {
      if (ix.where) parts.push(ix.where);
      for (const p of ix.parts) if (p.kind === 'expression') parts.push(p.sql);
    }
    for (const c of t.columns) {
      if (c.generated) parts.push(c.generated.expression);
      if (c.default.kind === 'expression') parts.push(c.default.sql);
    }
    for (const p of t.partitioning?.key ?? []) if (p.kind === 'expression') parts.push(p.sql);
  }
  for (const d of Object.values(doc.domains)) for (const k of d.checks) parts.push(k.expression);
  return parts.join('\n').toLowerCase();
}

const SIMPLE_TYPES: Column['type'][] = [
  { kind: 'scalar', name: 'integer' },
  { kind: 'scalar', name: 'text' },
  { kind: 'scalar', name: 'varchar', length: 40 },
  { kind: 'scalar', name: 'boolean' },
  { kind: 'scalar', name: 'bigint' },
];

/** Columns safe to rename, remove or retype: not named in SQL text, not in a partition key, no identity or generated. */
function plainColumns(doc: SchemaDocument, t: Table): Column[] {
  const text = sqlText(doc);
  const partitionKey = new Set((t.partitioning?.key ?? []).flatMap((p) => (p.kind === 'column' ? [p.columnId] : [])));
  return t.columns.filter((c) => !text.includes(c.name.toLowerCase()) && !partitionKey.has(c.id) && !c.identity && !c.generated && c.default.kind !== 'sequence');
}

function pick<T>(xs: readonly T[], n: number): T | undefined {
  return xs.length ? xs[n % xs.length] : undefined;
}

/** The command an edit seed stands for in `doc`, or undefined when it does not apply here. */
export function commandFor(doc: SchemaDocument, seed: EditSeed, step: number): Command | undefined {
  const tables = Object.values(doc.tables).filter((t) => !t.partitioning);
  const t = pick(tables, seed.a);
  const text = () => sqlText(doc);
  const spec = dialectSpec(doc.settings.dialect);
  const quote = (name: string) => spec.quoteIdentifier(name);
  const uid = `${step}_${seed.c % 1000}`;
  switch (seed.kind) {
    case 'table.rename':
      return t && !text().includes(t.name.toLowerCase()) ? { type: 'table.update', tableId: t.id, changes: { name: `${t.name}_r${uid}`.slice(0, 60) } } : undefined;
    case 'table.add':
      return {
        type: 'table.add',
        table: {
          id: `t_new_${uid}`, name: `added_${uid}`, uniques: [], checks: [], indexes: [],
          columns: [
            { id: `c_new_id_${uid}`, name: 'id', type: { kind: 'scalar', name: 'bigint' }, nullable: false, default: { kind: 'none' } },
            { id: `c_new_label_${uid}`, name: 'label', type: { kind: 'scalar', name: 'varchar', length: 80 }, nullable: true, default: { kind: 'none' } },
          ],
          primaryKey: { columnIds: [`c_new_id_${uid}`] },
        },
      };
    case 'table.remove':
      return t && !text().includes(t.name.toLowerCase()) ? { type: 'table.remove', tableId: t.id } : undefined;
    case 'column.rename': {
      const c = t && pick(plainColumns(doc, t), seed.b);
      return t && c ? { type: 'column.update', tableId: t.id, columnId: c.id, changes: { name: `${c.name}_r${uid}`.slice(0, 60) } } : undefined;
    }
    case 'column.add':
    case 'column.add-not-null': {
      if (!t) return undefined;
      const type = pick(SIMPLE_TYPES, seed.b)!;
      const notNull = seed.kind === 'column.add-not-null';
      const value = type.kind === 'scalar' && type.name === 'boolean' ? true : type.kind === 'scalar' && (type.name === 'integer' || type.name === 'bigint') ? 7 : 'x';
      return { type: 'column.add', tableId: t.id, column: { id: `c_add_${uid}`, name: `added_${uid}`, type, nullable: !notNull, default: notNull ? { kind: 'literal', value } : { kind: 'none' } } };
    }
    case 'column.remove': {
      const c = t && pick(plainColumns(doc, t), seed.b);
      return t && c && t.columns.length > 1 ? { type: 'column.remove', tableId: t.id, columnId: c.id } : undefined;
    }
    case 'column.widen': {
      // Widening only (data survives): integer -> bigint, varchar(n) -> varchar(n+100) or text.
      const c = t && pick(plainColumns(doc, t).filter((x) => x.type.kind === 'scalar' && !x.arrayDims && (x.type.name === 'integer' || x.type.name === 'varchar') && !x.type.native), seed.b);
      if (!t || !c || c.type.kind !== 'scalar') return undefined;
      const type: Column['type'] = c.type.name === 'integer' ? { kind: 'scalar', name: 'bigint' } : seed.c % 2 ? { kind: 'scalar', name: 'text' } : { kind: 'scalar', name: 'varchar', length: (c.type.length ?? 100) + 100 };
      return { type: 'column.update', tableId: t.id, columnId: c.id, changes: { type } };
    }
    case 'column.nullability': {
      // Only NOT NULL -> NULL on existing columns (SET NOT NULL on existing rows is the lint's business).
      // Not an indexed column (a SPATIAL index needs NOT NULL on MySQL).
      const indexed = new Set((t?.indexes ?? []).flatMap((ix) => ix.parts.flatMap((x) => (x.kind === 'column' ? [x.columnId] : []))));
      const c = t && pick(t.columns.filter((x) => !x.nullable && !indexed.has(x.id) && !t.primaryKey?.columnIds.includes(x.id) && !x.identity && !x.generated && x.type.kind === 'scalar'), seed.b);
      return t && c ? { type: 'column.update', tableId: t.id, columnId: c.id, changes: { nullable: true } } : undefined;
    }
    case 'column.default': {
      const c = t && pick(plainColumns(doc, t).filter((x) => x.type.kind === 'scalar' && !x.arrayDims && ['integer', 'bigint', 'varchar', 'text'].includes(x.type.name) && !x.type.native), seed.b);
      if (!t || !c || c.type.kind !== 'scalar') return undefined;
      const value = c.type.name === 'integer' || c.type.name === 'bigint' ? seed.c % 100 : `d${seed.c % 100}`;
      return { type: 'column.update', tableId: t.id, columnId: c.id, changes: { default: c.default.kind === 'none' ? { kind: 'literal', value } : { kind: 'none' } } };
    }
    case 'index.add': {
      const c = t && pick(t.columns.filter((x) => x.type.kind !== 'scalar' || ['integer', 'bigint', 'varchar', 'date', 'boolean', 'smallint'].includes(x.type.name)).filter((x) => !x.arrayDims), seed.b);
      return t && c ? { type: 'index.add', tableId: t.id, index: { id: `i_add_${uid}`, parts: [{ kind: 'column', columnId: c.id }], unique: false } } : undefined;
    }
    case 'index.remove': {
      const ix = t && pick(t.indexes, seed.b);
      return t && ix ? { type: 'index.remove', tableId: t.id, indexId: ix.id } : undefined;
    }
    case 'unique.add': {
      // A fresh column made unique (existing rows hold NULL there: no duplicates).
      if (!t) return undefined;
      const col: Column = { id: `c_u_${uid}`, name: `uniq_${uid}`, type: { kind: 'scalar', name: 'varchar', length: 40 }, nullable: true, default: { kind: 'none' } };
      return { type: 'batch', commands: [
        { type: 'column.add', tableId: t.id, column: col },
        { type: 'unique.add', tableId: t.id, unique: { id: `u_add_${uid}`, columnIds: [col.id] } },
      ] };
    }
    case 'unique.remove': {
      const u = t && pick(t.uniques, seed.b);
      return t && u ? { type: 'unique.remove', tableId: t.id, uniqueId: u.id } : undefined;
    }
    case 'check.add': {
      const c = t && pick(t.columns.filter((x) => x.type.kind === 'scalar' && ['integer', 'bigint', 'smallint'].includes(x.type.name) && !x.arrayDims), seed.b);
      return t && c ? { type: 'check.add', tableId: t.id, check: { id: `k_add_${uid}`, expression: `${quote(c.name)} > -1000000000` } } : undefined;
    }
    case 'check.remove': {
      const k = t && pick(t.checks, seed.b);
      return t && k ? { type: 'check.remove', tableId: t.id, checkId: k.id } : undefined;
    }
    case 'relationship.add': {
      // A new nullable column of child referencing the parent's single-column integer primary key.
      const parent = pick(tables.filter((x) => x.primaryKey?.columnIds.length === 1), seed.b);
      const key = parent && parent.columns.find((c) => c.id === parent.primaryKey!.columnIds[0]);
      if (!t || !parent || !key || key.type.kind !== 'scalar' || !['integer', 'bigint'].includes(key.type.name) || key.arrayDims) return undefined;
      const col: Column = { id: `c_fk_${uid}`, name: `ref_${uid}`, type: { kind: 'scalar', name: key.type.name }, nullable: true, default: { kind: 'none' } };
      return { type: 'batch', commands: [
        { type: 'column.add', tableId: t.id, column: col },
        { type: 'relationship.add', relationship: { id: `r_add_${uid}`, fromTableId: t.id, toTableId: parent.id, columnPairs: [{ fromColumnId: col.id, toColumnId: key.id }], onDelete: 'set null', onUpdate: 'no action', enforced: true } },
      ] };
    }
    case 'relationship.remove': {
      const r = pick(Object.values(doc.relationships), seed.a);
      return r ? { type: 'relationship.remove', relationshipId: r.id } : undefined;
    }
    case 'enum.add-value': {
      const e = pick(Object.values(doc.enums), seed.a);
      if (!e) return undefined;
      const values = [...e.values];
      values.splice(seed.b % (values.length + 1), 0, `v${uid}`);
      return { type: 'enum.update', enumId: e.id, changes: { values } };
    }
    case 'enum.remove-value': {
      // A value no default names (the data tests hold no enum values).
      const e = pick(Object.values(doc.enums), seed.a);
      if (!e || e.values.length < 2) return undefined;
      const v = e.values[seed.b % e.values.length];
      const named = Object.values(doc.tables).some((x) => x.columns.some((c) => c.type.kind === 'enum' && c.type.enumId === e.id && c.default.kind === 'literal' && c.default.value === v)) || text().includes(`'${v.toLowerCase()}'`);
      return named ? undefined : { type: 'enum.update', enumId: e.id, changes: { values: e.values.filter((x) => x !== v) } };
    }
    case 'comment.table':
      return t ? { type: 'table.update', tableId: t.id, changes: { comment: seed.c % 3 ? `comment ${uid} it's` : undefined } } : undefined;
    case 'comment.column': {
      const c = t && pick(t.columns, seed.b);
      return t && c ? { type: 'column.update', tableId: t.id, columnId: c.id, changes: { comment: seed.c % 3 ? `note ${uid}` : undefined } } : undefined;
    }
  }
}

/** Applies a history: the document after it, and the commands that applied. */
export function applyHistory(doc: SchemaDocument, seeds: readonly EditSeed[]): { doc: SchemaDocument; applied: Command[] } {
  let current = doc;
  const applied: Command[] = [];
  seeds.forEach((seed, i) => {
    const command = commandFor(current, seed, i);
    if (!command) return;
    try {
      current = applyCommand(current, command).doc;
      applied.push(command);
    } catch (e) {
      if (!(e instanceof CommandError)) throw e;
    }
  });
  return { doc: current, applied };
}

import { describe, expect, it } from 'vitest';
import { applyCommand } from '../model/commands/apply';
import type { Command } from '../model/commands/types';
import type { SchemaDocument } from '../model/document';
import { kitchenSinkDocument } from '../model/fixtures/kitchen-sink';
import { diffDocuments } from './diff';

function edit(doc: SchemaDocument, ...commands: Command[]): SchemaDocument {
  return commands.reduce((d, c) => applyCommand(d, c).doc, doc);
}

describe('diffDocuments', () => {
  const v1 = kitchenSinkDocument();
  const email = v1.tables.t_customers.columns.find((c) => c.name === 'email')!;

  it('finds nothing between a document and itself, nor after layout-only edits', () => {
    expect(diffDocuments(v1, v1).identical).toBe(true);
    const moved = edit(v1, { type: 'layout.moveTables', positions: { t_customers: { x: 999, y: 1 } } });
    expect(diffDocuments(v1, moved).entries).toEqual([]);
  });

  it('a renamed table and column are renames (by id), not drops and adds', () => {
    const v2 = edit(v1, { type: 'table.update', tableId: 't_customers', changes: { name: 'clients' } }, { type: 'column.update', tableId: 't_customers', columnId: email.id, changes: { name: 'mail' } });
    const d = diffDocuments(v1, v2);
    expect(d.entries.filter((e) => e.change !== 'changed')).toEqual([]);
    expect(d.entries.find((e) => e.kind === 'table')).toMatchObject({ id: 't_customers', renamed: { from: 'customers', to: 'clients' } });
    expect(d.entries.find((e) => e.kind === 'column')).toMatchObject({ id: email.id, parentId: 't_customers', renamed: { from: 'email', to: 'mail' } });
  });

  it('reports per-field old -> new, added and removed elements, enum value changes and moved columns', () => {
    const v2 = edit(
      v1,
      { type: 'column.update', tableId: 't_customers', columnId: email.id, changes: { nullable: true, comment: 'login' } },
      { type: 'index.add', tableId: 't_orders', index: { id: 'ix_new', parts: [{ kind: 'column', columnId: v1.tables.t_orders.columns[0].id }], unique: false } },
      { type: 'check.remove', tableId: 't_employees', checkId: 'k_employees_not_own_manager' },
      { type: 'enum.update', enumId: Object.keys(v1.enums)[0], changes: { values: ['zz', ...[...v1.enums[Object.keys(v1.enums)[0]].values].reverse().slice(1)] } },
      { type: 'column.move', tableId: 't_customers', columnId: email.id, toIndex: 0 },
    );
    const d = diffDocuments(v1, v2);
    const col = d.entries.find((e) => e.kind === 'column' && e.id === email.id)!;
    expect(col.fields).toEqual(expect.arrayContaining([{ field: 'nullable', old: false, new: true }, { field: 'comment', old: 'Login e-mail; unique', new: 'login' }]));
    // Swapping two neighbours moves one of them (the fewest columns marked moved).
    expect(d.entries.filter((e) => e.kind === 'column' && e.moved)).toHaveLength(1);
    expect(d.entries.find((e) => e.kind === 'index')).toMatchObject({ change: 'added', id: 'ix_new', parentId: 't_orders' });
    expect(d.entries.find((e) => e.kind === 'check')).toMatchObject({ change: 'removed', id: 'k_employees_not_own_manager' });
    const en = d.entries.find((e) => e.kind === 'enum')!;
    expect(en.enumValues!.added).toEqual(['zz']);
    expect(en.enumValues!.removed.length).toBe(1);
    expect(en.enumValues!.reordered).toBe(true);
    expect(d.counts.index.added).toBe(1);
  });

  it('primary keys and partitioning are elements of their own; relationships are named by their tables', () => {
    const rel = Object.values(v1.relationships)[0];
    const v2 = edit(v1, { type: 'primaryKey.set', tableId: 't_departments', primaryKey: undefined }, { type: 'relationship.update', relationshipId: rel.id, changes: { onDelete: 'cascade' } });
    const d = diffDocuments(v1, v2);
    expect(d.entries.find((e) => e.kind === 'primaryKey')).toMatchObject({ change: 'removed', id: 't_departments' });
    const r = d.entries.find((e) => e.kind === 'relationship')!;
    expect(r.fields.find((f) => f.field === 'onDelete')?.new).toBe('cascade');
  });

  it('matchByName: two imports with unrelated ids compare by table and column names', () => {
    // Every id replaced (as another import would have numbered them); names are left alone.
    const renumber = (doc: SchemaDocument): SchemaDocument => {
      const ids = new Set<string>();
      const walk = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) (k === 'id' && typeof x === 'string' ? ids.add(x) : walk(x));
      };
      walk(doc);
      const names = new Set<string>();
      JSON.stringify(doc, (k, v) => {
        if (k === 'name' && typeof v === 'string') names.add(v);
        return v;
      });
      let text = JSON.stringify(doc);
      for (const id of ids) if (!names.has(id)) text = text.split(`"${id}"`).join(`"other:${id}"`);
      return JSON.parse(text);
    };
    const other = renumber(edit(v1, { type: 'column.update', tableId: 't_customers', columnId: email.id, changes: { nullable: true } }));
    expect(diffDocuments(v1, other).identical).toBe(false);
    const d = diffDocuments(v1, other, { matchByName: true });
    expect(d.entries.map((e) => `${e.change} ${e.kind} ${e.name}`)).toEqual(['changed column email']);
  });
});

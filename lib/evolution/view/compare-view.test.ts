import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../model/commands/apply';
import type { Command } from '../../model/commands/types';
import type { SchemaDocument } from '../../model/document';
import { kitchenSinkDocument } from '../../model/fixtures/kitchen-sink';
import { diffDocuments } from '../diff';
import { compareView, filterKindOf, formatFieldValue, markKey } from './compare-view';

function edit(doc: SchemaDocument, ...commands: Command[]): SchemaDocument {
  return commands.reduce((d, c) => applyCommand(d, c).doc, doc);
}

describe('compareView', () => {
  const v1 = kitchenSinkDocument();
  const customers = v1.tables.t_customers;
  const email = customers.columns.find((c) => c.name === 'email')!;
  const removedColumn = customers.columns[1] === email ? customers.columns[2] : customers.columns[1];
  const someRel = Object.values(v1.relationships)[0];
  const leafTable = Object.values(v1.tables).find((t) => !Object.values(v1.relationships).some((r) => r.fromTableId === t.id || r.toTableId === t.id))!;

  it('marks a rename as a change (no ghost), an added index as added, and keeps the newer document otherwise', () => {
    const v2 = edit(
      v1,
      { type: 'column.update', tableId: 't_customers', columnId: email.id, changes: { name: 'mail' } },
      { type: 'index.add', tableId: 't_orders', index: { id: 'ix_new', parts: [{ kind: 'column', columnId: v1.tables.t_orders.columns[0].id }], unique: false } },
    );
    const view = compareView(v1, v2, diffDocuments(v1, v2));
    expect(view.marks.get(email.id)).toMatchObject({ change: 'changed', renamed: { from: 'email', to: 'mail' } });
    expect(view.marks.get(email.id)!.fields).toContainEqual({ field: 'name', old: 'email', new: 'mail' });
    expect(view.marks.get('ix_new')).toMatchObject({ change: 'added', kind: 'index' });
    // Unnamed: shown by the name the DDL gives it, not by its id.
    expect(view.marks.get('ix_new')!.name).toMatch(/_idx$/);
    expect(view.entries.find((e) => e.id === 'ix_new')!.name).toBe(view.marks.get('ix_new')!.name);
    expect(view.tables.get('t_customers')).toBe('changed');
    expect(view.tables.get('t_orders')).toBe('changed');
    expect(view.extras.get('t_orders')!.map((e) => e.id)).toEqual(['ix_new']);
    expect(view.doc.tables.t_customers.columns.map((c) => c.id)).toEqual(v2.tables.t_customers.columns.map((c) => c.id));
    expect(view.doc.tables.t_orders).toBe(v2.tables.t_orders);
  });

  it('puts removed tables, columns, indexes and relationships back as ghosts, at their old places', () => {
    const v2 = edit(
      v1,
      { type: 'column.remove', tableId: 't_customers', columnId: removedColumn.id },
      { type: 'relationship.remove', relationshipId: someRel.id },
      { type: 'table.remove', tableId: leafTable.id },
    );
    const view = compareView(v1, v2, diffDocuments(v1, v2));
    expect(view.marks.get(removedColumn.id)?.change).toBe('removed');
    expect(view.doc.tables.t_customers.columns.map((c) => c.id)).toEqual(customers.columns.map((c) => c.id));
    expect(view.doc.relationships[someRel.id]).toBe(someRel);
    expect(view.marks.get(someRel.id)?.change).toBe('removed');
    expect(view.doc.tables[leafTable.id]).toBe(leafTable);
    expect(view.tables.get(leafTable.id)).toBe('removed');
    expect(view.doc.layout.tables[leafTable.id]).toEqual(v1.layout.tables[leafTable.id]);
    // The inputs are untouched.
    expect(v2.tables.t_customers.columns.some((c) => c.id === removedColumn.id)).toBe(false);
  });

  it('names keys by kind and table, and filters by kind', () => {
    expect(markKey({ kind: 'primaryKey', id: 't1' })).toBe('primaryKey:t1');
    expect(markKey({ kind: 'column', id: 'c1' })).toBe('c1');
    expect(filterKindOf('enum')).toBe('other');
    expect(filterKindOf('index')).toBe('index');
    expect(formatFieldValue(undefined)).toBe('—');
    expect(formatFieldValue({ kind: 'scalar', name: 'text' })).toBe('{"kind":"scalar","name":"text"}');
  });
});

import { describe, expect, it } from 'vitest';
import { documentOf, makeColumn, makeRelationship, makeTable, scalar } from './build';
import { cardinalityOf } from './cardinality';
import { sequentialIds } from './ids';

function relWith(fk: { nullable: boolean; unique: boolean }, override?: Parameters<typeof makeRelationship>[0]['cardinality']) {
  const ids = sequentialIds();
  const id = makeColumn({ name: 'id', type: scalar('bigint'), nullable: false }, ids);
  const parent = makeTable({ name: 'parent', columns: [id], primaryKey: { columnIds: [id.id] } }, ids);
  const ref = makeColumn({ name: 'parent_id', type: scalar('bigint'), nullable: fk.nullable }, ids);
  const child = makeTable({ name: 'child', columns: [ref], uniques: fk.unique ? [{ id: 'u', columnIds: [ref.id] }] : [] }, ids);
  const rel = makeRelationship({ fromTableId: child.id, toTableId: parent.id, columnPairs: [{ fromColumnId: ref.id, toColumnId: id.id }], cardinality: override }, ids);
  return cardinalityOf(documentOf({ tables: [parent, child], relationships: [rel] }), rel);
}

describe('cardinalityOf', () => {
  it.each([
    [{ nullable: false, unique: false }, { from: 'zero-or-many', to: 'exactly-one' }],
    [{ nullable: true, unique: false }, { from: 'zero-or-many', to: 'zero-or-one' }],
    [{ nullable: false, unique: true }, { from: 'zero-or-one', to: 'exactly-one' }],
    [{ nullable: true, unique: true }, { from: 'zero-or-one', to: 'zero-or-one' }],
  ])('derives %o as %o', (fk, expected) => {
    expect(relWith(fk)).toEqual(expected);
  });

  it('keeps an override', () => {
    expect(relWith({ nullable: false, unique: false }, { from: 'one-or-many', to: 'exactly-one' })).toEqual({ from: 'one-or-many', to: 'exactly-one' });
  });
});

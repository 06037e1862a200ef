import { describe, expect, it } from 'vitest';
import { makeRelationship } from '@/lib/model/build';
import { cardinalityAfterChoice, foreignKeyColumnIds, indexMethodsFor, moved } from './plans';

describe('moved', () => {
  it.each([
    [[1, 2, 3], 0, 2, [2, 3, 1]],
    [[1, 2, 3], 2, 0, [3, 1, 2]],
    [[1, 2, 3], 0, 3, [1, 2, 3]],
  ])('%j %i->%i', (items, from, to, expected) => {
    expect(moved(items, from, to)).toEqual(expected);
  });
});

describe('cardinalityAfterChoice', () => {
  const derived = { from: 'zero-or-many', to: 'exactly-one' } as const;
  it.each([
    [undefined, 'from', 'one-or-many', { from: 'one-or-many', to: 'exactly-one' }],
    [undefined, 'to', 'derived', undefined],
    [{ from: 'one-or-many', to: 'exactly-one' }, 'from', 'derived', undefined],
    [{ from: 'one-or-many', to: 'zero-or-one' }, 'from', 'derived', { from: 'zero-or-many', to: 'zero-or-one' }],
    [{ from: 'one-or-many', to: 'zero-or-one' }, 'to', 'exactly-one', { from: 'one-or-many', to: 'exactly-one' }],
  ] as const)('override %j, %s := %s', (override, side, choice, expected) => {
    expect(cardinalityAfterChoice(override, derived, side, choice)).toEqual(expected);
  });
});

describe('indexMethodsFor', () => {
  it('reads the methods from the dialect data', () => {
    expect(indexMethodsFor('postgres')).toEqual(['btree', 'hash', 'gin', 'gist', 'brin', 'spgist']);
    expect(indexMethodsFor('mysql')).toEqual(['btree', 'hash', 'fulltext', 'spatial']);
  });
});

describe('foreignKeyColumnIds', () => {
  it('collects child-side columns of every relationship from the table, composite ones included', () => {
    const rels = {
      r1: makeRelationship({ id: 'r1', fromTableId: 't1', toTableId: 't2', columnPairs: [{ fromColumnId: 'a', toColumnId: 'x' }, { fromColumnId: 'b', toColumnId: 'y' }] }),
      r2: makeRelationship({ id: 'r2', fromTableId: 't2', toTableId: 't1', columnPairs: [{ fromColumnId: 'x', toColumnId: 'c' }] }),
    };
    expect([...foreignKeyColumnIds(rels, 't1')]).toEqual(['a', 'b']);
    expect([...foreignKeyColumnIds(rels, 't3')]).toEqual([]);
  });
});

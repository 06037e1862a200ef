import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeColumn, makeIndex, makeTable, scalar } from './build';
import type { Table } from './document';
import { columnOf, DocumentIndex, isUniqueColumnSet } from './lookup';

const ids = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1, maxLength: 4 });

/** Tables whose keys may repeat a column, as documents allow (the engines do not). */
const tableArb = fc.record({ pk: fc.option(ids, { nil: undefined }), uniques: fc.array(ids, { maxLength: 4 }), indexes: fc.array(fc.record({ cols: ids, unique: fc.boolean(), partial: fc.boolean() }), { maxLength: 4 }), width: fc.constantFrom(4, 40) }).map(
  ({ pk, uniques, indexes, width }): Table =>
    makeTable({
      id: 't',
      name: 't',
      // Past 24 columns the index builds a map: both paths are compared.
      columns: ['a', 'b', 'c', 'd', ...Array.from({ length: width - 4 }, (_, i) => `x${i}`)].map((id) => makeColumn({ id, name: `name_${id}`, type: scalar('integer') })),
      primaryKey: pk ? { columnIds: pk } : undefined,
      uniques: uniques.map((columnIds, i) => ({ id: `u${i}`, columnIds })),
      indexes: indexes.map((ix, i) => makeIndex({ id: `i${i}`, name: `i${i}`, unique: ix.unique, where: ix.partial ? 'a > 0' : undefined, parts: ix.cols.map((columnId) => ({ kind: 'column' as const, columnId })) })),
    }),
);

describe('DocumentIndex', () => {
  it('answers exactly as the scanning lookups, repeated columns included', () => {
    fc.assert(
      fc.property(tableArb, fc.array(ids, { minLength: 1, maxLength: 10 }), (table, questions) => {
        const index = new DocumentIndex();
        for (const q of questions) expect(index.isUniqueColumnSet(table, q)).toBe(isUniqueColumnSet(table, q));
        for (const id of ['a', 'd', 'x3', 'missing']) expect(index.column(table, id)).toBe(columnOf(table, id));
      }),
      { numRuns: 500 },
    );
  });
});

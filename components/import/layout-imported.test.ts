import { describe, expect, it } from 'vitest';
import { documentOf, makeTable } from '@/lib/model/build';
import { unpositionedTableIds, withPositions } from './layout-imported';

describe('laying out an imported document', () => {
  const doc = documentOf({ tables: [makeTable({ id: 'a', name: 'a' }), makeTable({ id: 'b', name: 'b' })] });
  doc.layout.tables.a = { x: 5, y: 6 };

  it('lays out only tables without a position', () => {
    expect(unpositionedTableIds(doc)).toEqual(['b']);
  });

  it('adds positions for unpositioned tables, keeps existing ones, ignores unknown ids', () => {
    const next = withPositions(doc, { a: { x: 100, y: 100 }, b: { x: 40, y: 50 }, ghost: { x: 1, y: 1 } });
    expect(next.layout.tables).toEqual({ a: { x: 5, y: 6 }, b: { x: 40, y: 50 } });
    expect(doc.layout.tables).toEqual({ a: { x: 5, y: 6 } });
  });
});

/**
 * The round-trip comparison must be able to fail: each changed catalog field is reported under its
 * kind, and identical catalogs give no difference.
 */
import { describe, expect, it } from 'vitest';
import type { CatalogSnapshot, CatalogTable } from '../testing/catalog-types';
import { diffCatalogs } from './catalog-diff';

function table(): CatalogTable {
  return {
    schema: 'public',
    name: 'orders',
    comment: null,
    columns: [
      { name: 'id', type: 'integer', nullable: false, default: null, identity: 'by default', generated: null, collation: null, comment: null, onUpdate: null },
      { name: 'total', type: 'numeric(10,2)', nullable: true, default: '0', identity: null, generated: null, collation: null, comment: null, onUpdate: null },
    ],
    primaryKey: { name: 'orders_pkey', columns: ['id'] },
    uniques: [],
    checks: [{ name: 'orders_total_check', expression: 'CHECK ((total >= (0)::numeric))' }],
    foreignKeys: [
      { name: 'orders_id_fkey', columns: ['id'], refSchema: 'public', refTable: 'x', refColumns: ['id'], onDelete: 'cascade', onUpdate: 'no action', deferrable: 'not deferrable', comment: null },
    ],
    indexes: [{ name: 'orders_total_idx', unique: false, primary: false, method: 'btree', parts: [{ expression: 'total', isColumn: true, order: 'asc' }], include: [], predicate: null, constraint: false }],
    partitioning: null,
  };
}

function snapshot(mutate?: (t: CatalogTable, s: CatalogSnapshot) => void): CatalogSnapshot {
  const s: CatalogSnapshot = { tables: [table()], views: [{ schema: 'public', name: 'v', materialized: false, definition: 'SELECT 1', comment: null }], enums: [], domains: [], sequences: [], extensions: [] };
  mutate?.(s.tables[0], s);
  return s;
}

describe('diffCatalogs', () => {
  it('finds no difference between identical catalogs', () => {
    expect(diffCatalogs(snapshot(), snapshot())).toEqual([]);
  });

  it.each<[string, (t: CatalogTable, s: CatalogSnapshot) => void]>([
    ['column.type', (t) => (t.columns[1].type = 'numeric(12,2)')],
    ['column.nullable', (t) => (t.columns[1].nullable = false)],
    ['column.default', (t) => (t.columns[1].default = '1')],
    ['column.default', (t) => (t.columns[0].identity = null)],
    ['column.order', (t) => t.columns.reverse()],
    ['column.collation', (t) => (t.columns[1].collation = 'C')],
    ['primary-key', (t) => (t.primaryKey = null)],
    ['check', (t) => (t.checks[0].expression = 'CHECK ((total > (0)::numeric))')],
    ['foreign-key', (t) => (t.foreignKeys[0].onDelete = 'restrict')],
    ['foreign-key.missing', (t) => (t.foreignKeys = [])],
    ['index', (t) => (t.indexes[0].method = 'hash')],
    ['index', (t) => (t.indexes[0].predicate = 'total > 0')],
    ['index.missing', (t) => (t.indexes = [])],
    ['table.missing', (_t, s) => (s.tables = [])],
    ['view.missing', (_t, s) => (s.views = [])],
    ['view.definition', (_t, s) => (s.views[0].definition = 'SELECT 2')],
  ])('reports %s', (kind, mutate) => {
    const diffs = diffCatalogs(snapshot(), snapshot(mutate));
    expect(diffs.map((d) => d.kind)).toContain(kind);
  });
});

import { describe, expect, it } from 'vitest';
import { kitchenSinkDocument } from '@/lib/model/fixtures/kitchen-sink';
import { createReadOnlyStore, READ_ONLY_MESSAGE } from './read-only-store';

describe('createReadOnlyStore', () => {
  it('refuses edits and allows moving tables', () => {
    const doc = kitchenSinkDocument();
    const store = createReadOnlyStore('p1', 'v1', doc);
    expect(store.getState().dispatch({ type: 'table.update', tableId: 't_customers', changes: { name: 'x' } })).toEqual({ error: READ_ONLY_MESSAGE });
    expect(store.getState().doc).toBe(doc);
    const r = store.getState().dispatch({ type: 'layout.moveTables', positions: { t_customers: { x: 5, y: 5 } } });
    expect('error' in r).toBe(false);
    expect(store.getState().doc.layout.tables.t_customers).toMatchObject({ x: 5, y: 5 });
  });
});

import { describe, expect, it } from 'vitest';
import { documentOf, makeColumn, makeTable, scalar } from './build';
import { sequentialIds } from './ids';
import { routineLabels } from './routines';

describe('routineLabels', () => {
  it('names each routine with its kind and where it lives, in document order', () => {
    const ids = sequentialIds();
    const orders = makeTable({ name: 'orders', columns: [makeColumn({ name: 'id', type: scalar('integer') }, ids)] }, ids);
    const doc = documentOf({
      tables: [orders],
      schemas: [{ id: 's1', name: 'sales' }],
      routines: [
        { id: 'r1', kind: 'function', name: 'total', dialect: 'postgres', sql: 'CREATE FUNCTION total() ...', schemaId: 's1' },
        { id: 'r2', kind: 'trigger', name: 'touch', dialect: 'postgres', sql: 'CREATE TRIGGER touch ...', tableId: orders.id },
        { id: 'r3', kind: 'aggregate', name: 'group_concat', dialect: 'postgres', sql: 'CREATE AGGREGATE group_concat ...' },
      ],
    });
    expect(routineLabels(doc).map((r) => `${r.kindLabel} ${r.name} ${r.where}`.trim())).toEqual(['function total in sales', 'trigger touch on orders', 'aggregate group_concat']);
    expect(routineLabels(documentOf({}))).toEqual([]);
  });
});

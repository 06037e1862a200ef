import { describe, expect, it } from 'vitest';
import { generateDesignDoc } from './generate-design-doc';
import { smallProjectDocument } from './small-project.fixture';
import type { WorkloadAdvice } from '../workload/advice';

describe('Query Patterns with the advisor verdicts', () => {
  it('lists each verdict, the serving index, the plan, the suggested CREATE INDEX and the assumption; Purpose names the pattern', () => {
    const doc = smallProjectDocument();
    const orders = Object.values(doc.tables).find((t) => t.name === 'orders')!;
    const advice: WorkloadAdvice = {
      dialect: 'postgres', method: 'PostgreSQL 18.6 planner (embedded PGlite)', assumedRows: 1000,
      verdicts: [{
        patternId: 'q_recent', patternName: 'Open orders of a user', status: 'not-served',
        summary: 'Seq Scan on orders; 20 rows, cost 1234.00',
        accesses: [{ tableId: orders.id, relation: 'orders', path: 'seq-scan', rows: 20, tableRows: 1000 }],
        sorts: [], rows: 20, cost: 1234, reasons: ['reads all 1,000,000 rows of orders.'], assumedTables: ['users'],
        suggestion: { tableId: orders.id, index: { id: 'ix', parts: [], unique: false }, createSql: 'CREATE INDEX "orders_user_id_placed_at_idx" ON "orders" ("user_id", "placed_at" DESC);', costWith: 10, costWithout: 1234, path: 'index-scan' },
      }],
    };
    const plain = generateDesignDoc(doc);
    const md = generateDesignDoc(doc, { advice });
    expect(plain).not.toContain('**Verdicts**');
    expect(md).toContain('| Open orders of a user | not served | — | Seq Scan on orders; 20 rows, cost 1234.00 |');
    expect(md).toContain('CREATE INDEX "orders_user_id_placed_at_idx" ON "orders" ("user_id", "placed_at" DESC);');
    expect(md).toContain('planned as 1,000 rows each: `users`');

    const served: WorkloadAdvice = { ...advice, verdicts: [{ ...advice.verdicts[0], status: 'served', suggestion: undefined, accesses: [{ tableId: orders.id, relation: 'orders', path: 'index-scan', indexName: 'orders_pkey', rows: 1, tableRows: 1000 }] }] };
    const withPurpose = generateDesignDoc(doc, { advice: served });
    expect(withPurpose).toMatch(/\| orders\\_pkey \|[^\n]*serves "Open orders of a user" \|/);
  });
});

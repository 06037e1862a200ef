/**
 * The advisor's planner where the right answer is known (PGlite, always): served by an existing index,
 * a composite index in the right column order, a partial index, a sort avoided by index order, a tiny
 * table where a sequential scan is right, bad SQL with its position beside the pattern.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSource } from '../importers/import-source';
import type { SchemaDocument } from '../../model/document';
import { advisePostgres } from './advise';
import { PglitePlanner } from './pglite-planner';

const SCHEMA = `
CREATE TABLE customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email varchar(200) NOT NULL, name text NOT NULL, deleted_at timestamptz);
CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id), status text NOT NULL, created_at timestamptz NOT NULL, total numeric(12,2) NOT NULL);
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE TABLE countries (code char(2) PRIMARY KEY, name text NOT NULL, region text NOT NULL);
`;

let planner: PglitePlanner;
let base: SchemaDocument;

beforeAll(async () => {
  planner = await PglitePlanner.start();
  base = (await importSource('postgres', SCHEMA)).document;
}, 120_000);
afterAll(async () => planner?.close());

function withPatterns(patterns: { name: string; sql: string }[], rows: Record<string, number> = { customers: 2_000_000, orders: 50_000_000, countries: 250 }): SchemaDocument {
  const doc = structuredClone(base);
  for (const t of Object.values(doc.tables)) if (rows[t.name] !== undefined) t.volume = { rows: rows[t.name] };
  doc.design.queryPatterns = patterns.map((p, i) => ({ id: `qp_${i}`, ...p }));
  return doc;
}

describe('advisePostgres (PGlite planner, declared volumes)', () => {
  it('knows the right answers', async () => {
    const doc = withPatterns([
      { name: 'orders of a customer', sql: 'SELECT * FROM orders WHERE customer_id = $1' },
      { name: 'orders of a customer by status, newest first', sql: "SELECT id, total FROM orders WHERE status = $1 AND created_at > $2 ORDER BY created_at DESC LIMIT 20" },
      { name: 'live customer by email', sql: 'SELECT * FROM customers WHERE email = $1 AND deleted_at IS NULL' },
      { name: 'newest orders', sql: 'SELECT * FROM orders ORDER BY id DESC LIMIT 50' },
      { name: 'country by region', sql: 'SELECT * FROM countries WHERE region = $1' },
      { name: 'bad column', sql: 'SELECT nope\nFROM orders' },
      { name: 'bad syntax', sql: 'SELEC * FROM orders' },
    ]);
    const advice = await advisePostgres(doc, { planner });
    const v = Object.fromEntries(advice.verdicts.map((x) => [x.patternName, x]));
    expect(advice.method).toMatch(/PostgreSQL 1\d/);

    // Served by an existing index, named as Draftbase names it.
    expect(v['orders of a customer'].status).toBe('served');
    expect(v['orders of a customer'].accesses[0]).toMatchObject({ path: 'index-scan', indexName: 'orders_customer_id_idx' });
    expect(v['orders of a customer'].suggestion).toBeUndefined();

    // Composite in the right order: the equality column first, then the range/sort column.
    const composite = v['orders of a customer by status, newest first'];
    expect(composite.status).toBe('not-served');
    const parts = composite.suggestion!.index.parts.map((p) => (p.kind === 'column' ? doc.tables[composite.suggestion!.tableId].columns.find((c) => c.id === p.columnId)!.name : '?'));
    expect(parts.slice(0, 2)).toEqual(['status', 'created_at']);
    expect(composite.suggestion!.index.purpose).toContain('orders of a customer by status, newest first');
    expect(composite.suggestion!.costWith).toBeLessThan(composite.suggestion!.costWithout);

    // Partial: the constant predicate becomes the index's WHERE.
    const partial = v['live customer by email'];
    expect(partial.status).toBe('not-served');
    expect(partial.suggestion!.index.where).toBe('"deleted_at" IS NULL');
    expect(partial.suggestion!.createSql).toMatch(/^CREATE INDEX "customers_email_idx" ON "customers" \("email"\) WHERE "deleted_at" IS NULL;$/);

    // Index order avoids the sort: the primary key read backwards, no Sort step.
    const newest = v['newest orders'];
    expect(newest.status).toBe('served');
    expect(newest.sorts).toEqual([]);
    expect(newest.accesses[0]).toMatchObject({ path: 'index-scan', indexName: 'orders_pkey' });

    // A tiny table: the sequential scan is right, nothing suggested.
    expect(v['country by region'].status).toBe('served');
    expect(v['country by region'].accesses[0].path).toBe('seq-scan');
    expect(v['country by region'].suggestion).toBeUndefined();

    // Bad SQL: the message and the position in the pattern's own SQL; the others still planned.
    expect(v['bad column']).toMatchObject({ status: 'error', error: { message: 'column "nope" does not exist', position: 8, line: 1, column: 8 } });
    expect(v['bad syntax']).toMatchObject({ status: 'error', error: { line: 1, column: 1 } });
    expect(v['bad syntax'].error!.message).toMatch(/syntax error/);
  }, 120_000);

  it('says what it assumed for tables without declared volumes', async () => {
    const doc = withPatterns([{ name: 'by email', sql: 'SELECT id FROM customers WHERE email = $1' }], {});
    const advice = await advisePostgres(doc, { planner });
    expect(advice.verdicts[0].assumedTables).toEqual(['customers']);
    expect(advice.verdicts[0].status).toBe('served'); // 1,000 assumed rows: a scan is fine
  }, 60_000);

  it('applying the suggestion serves the pattern', async () => {
    const doc = withPatterns([{ name: 'live customer by email', sql: 'SELECT * FROM customers WHERE email = $1 AND deleted_at IS NULL' }]);
    const first = await advisePostgres(doc, { planner });
    const s = first.verdicts[0].suggestion!;
    doc.tables[s.tableId].indexes.push(s.index);
    const second = await advisePostgres(doc, { planner });
    expect(second.verdicts[0].status).toBe('served');
    expect(second.verdicts[0].accesses[0].indexName).toBe('customers_email_idx');
  }, 60_000);
});

describe('advisePostgres on a partitioned table', () => {
  it('shares the declared rows among the partitions and names indexes as Draftbase does', async () => {
    const doc = (await importSource('postgres', `
CREATE TABLE events (id bigint NOT NULL, account_id bigint NOT NULL, kind text NOT NULL, at timestamptz NOT NULL, PRIMARY KEY (id, at)) PARTITION BY RANGE (at);
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE INDEX events_account_idx ON events (account_id, at);`)).document;
    Object.values(doc.tables).find((t) => t.name === 'events')!.volume = { rows: 40_000_000 };
    doc.design.queryPatterns = [
      { id: 'q1', name: 'account events', sql: 'SELECT * FROM events WHERE account_id = $1 ORDER BY at DESC LIMIT 20' },
      { id: 'q2', name: 'events of a kind', sql: 'SELECT id FROM events WHERE kind = $1' },
    ];
    const [a, b] = (await advisePostgres(doc, { planner })).verdicts;
    expect(a.status).toBe('served');
    expect(a.accesses.every((x) => x.relation === 'events' && x.indexName === 'events_account_idx')).toBe(true);
    expect(b.status).toBe('not-served');
    expect(b.accesses[0]).toMatchObject({ relation: 'events', path: 'seq-scan', tableRows: 40_000_000 });
    expect(b.suggestion!.createSql).toMatch(/^CREATE INDEX "events_kind(_id)?_idx" ON "events" \("kind"/);
  }, 120_000);
});

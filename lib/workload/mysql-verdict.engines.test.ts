/**
 * The leftmost-prefix verdicts against MariaDB's own EXPLAIN (DATABASE_URL_MYSQL; required in CI):
 * the designed schema created from Draftbase's MySQL DDL, filled with generated rows matching the
 * declared volumes (20,000 customers, 200,000 orders), ANALYZE TABLE, then per pattern the index
 * MariaDB picks (`key`), a full scan (`type = ALL`) and a filesort compared with the verdict.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDdlStatements } from '../ddl/generate-ddl';
import type { SchemaDocument } from '../model/document';
import { importSource } from '../server/importers/import-source';
import { mariadbSession } from '../server/testing/mariadb';
import { requireServer } from '../server/testing/require-server';
import type { SqlClient } from '../server/testing/sql-client';
import { mysqlAdvice } from './mysql-verdict';

const url = requireServer('mysql');
const maria = url ? mariadbSession(url) : undefined;
let db: SqlClient;
let doc: SchemaDocument;

/** Pattern SQL with `?`, and the values MariaDB's EXPLAIN gets for them. */
const PATTERNS: { sql: string; values: string[] }[] = [
  { sql: 'SELECT * FROM orders WHERE customer_id = ? ORDER BY created_at DESC LIMIT 20', values: ['42'] },
  { sql: 'SELECT * FROM orders WHERE status = ? ORDER BY created_at', values: ["'paid'"] },
  { sql: 'SELECT id FROM customers WHERE email = ?', values: ["'c42@example.com'"] },
  { sql: 'SELECT * FROM orders WHERE total > ?', values: ['999990'] },
  { sql: 'SELECT * FROM orders o WHERE o.customer_id = ? AND o.created_at > ?', values: ['42', "'2026-01-01'"] },
  { sql: 'SELECT * FROM customers WHERE name = ?', values: ["'n42'"] },
];

beforeAll(async () => {
  if (!maria) return;
  db = await maria.fresh();
  doc = (await importSource('mysql', `
CREATE TABLE customers (id bigint PRIMARY KEY AUTO_INCREMENT, email varchar(200) NOT NULL, name varchar(100) NOT NULL, UNIQUE KEY customers_email_key (email));
CREATE TABLE orders (id bigint PRIMARY KEY AUTO_INCREMENT, customer_id bigint NOT NULL, status varchar(20) NOT NULL, created_at datetime NOT NULL, total decimal(12,2) NOT NULL,
  KEY orders_customer_created_idx (customer_id, created_at), FOREIGN KEY (customer_id) REFERENCES customers (id));`)).document;
  doc.settings.dialect = 'mysql';
  for (const t of Object.values(doc.tables)) t.volume = { rows: t.name === 'customers' ? 20_000 : 200_000 };
  for (const s of generateDdlStatements(doc, 'mysql', { target: 'mariadb-10.11' }).statements) await db.query(s);
  await db.query(`INSERT INTO customers (email, name) SELECT CONCAT('c', seq, '@example.com'), CONCAT('n', seq) FROM seq_1_to_20000`);
  await db.query(`INSERT INTO orders (customer_id, status, created_at, total)
    SELECT 1 + seq % 20000, ELT(1 + seq % 5, 'new', 'paid', 'shipped', 'done', 'cancelled'), TIMESTAMP '2026-06-01 00:00:00' - INTERVAL seq MINUTE, seq * 5 FROM seq_1_to_200000`);
  await db.query('ANALYZE TABLE customers, orders');
}, 300_000);
afterAll(async () => maria?.close());

describe.skipIf(!url)('mysql verdicts agree with MariaDB EXPLAIN', () => {
  it('index chosen, full scans and filesorts', async () => {
    const d = structuredClone(doc);
    d.design.queryPatterns = PATTERNS.map((p, i) => ({ id: `q${i}`, name: `p${i}`, sql: p.sql }));
    const verdicts = mysqlAdvice(d).verdicts;
    const rows: string[] = [];
    for (const [i, p] of PATTERNS.entries()) {
      let k = 0;
      const sql = p.sql.replace(/\?/g, () => p.values[k++]);
      const plan = await db.query<{ table: string; type: string; key: string | null; Extra: string | null }>(`EXPLAIN ${sql}`);
      const v = verdicts[i];
      const engine = plan.map((r) => ({ key: r.type === 'ALL' ? undefined : r.key ?? undefined, filesort: /filesort/.test(r.Extra ?? '') }));
      rows.push(`${p.sql} | engine ${JSON.stringify(engine)} | verdict ${v.status} ${v.accesses.map((a) => a.indexName ?? 'full scan').join(', ')} sorts ${v.sorts.length}`);
      expect(v.accesses.map((a) => a.indexName), rows.at(-1)).toEqual(engine.map((e) => e.key));
      expect(v.sorts.length > 0, rows.at(-1)).toBe(engine.some((e) => e.filesort));
    }
    console.log(rows.join('\n'));
  }, 120_000);
});

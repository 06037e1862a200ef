import { beforeAll, describe, expect, it } from 'vitest';
import { importSource } from '../server/importers/import-source';
import type { SchemaDocument } from '../model/document';
import { mysqlAdvice } from './mysql-verdict';

let doc: SchemaDocument;
beforeAll(async () => {
  doc = (await importSource('mysql', `
CREATE TABLE customers (id bigint PRIMARY KEY AUTO_INCREMENT, email varchar(200) NOT NULL, UNIQUE KEY customers_email_key (email));
CREATE TABLE orders (id bigint PRIMARY KEY AUTO_INCREMENT, customer_id bigint NOT NULL, status varchar(20) NOT NULL, created_at datetime NOT NULL,
  KEY orders_customer_created_idx (customer_id, created_at), FOREIGN KEY (customer_id) REFERENCES customers (id));
CREATE TABLE countries (code char(2) PRIMARY KEY, region varchar(40) NOT NULL);`)).document;
  doc.settings.dialect = 'mysql';
  for (const t of Object.values(doc.tables)) if (t.name !== 'countries') t.volume = { rows: 1_000_000 };
}, 60_000);

function verdicts(patterns: string[]) {
  const d = structuredClone(doc);
  d.design.queryPatterns = patterns.map((sql, i) => ({ id: `q${i}`, name: `p${i}`, sql }));
  return mysqlAdvice(d).verdicts;
}

describe('mysqlVerdict: leftmost-prefix rules', () => {
  it('uses the leftmost prefix, then a range, and index order for ORDER BY', () => {
    const [a, b, c, d, e] = verdicts([
      'SELECT * FROM orders WHERE customer_id = ? ORDER BY created_at DESC',
      'SELECT * FROM orders o WHERE o.created_at > ?',
      'SELECT * FROM orders WHERE status = ? ORDER BY created_at',
      'SELECT id FROM customers WHERE email = ?',
      'SELECT * FROM countries WHERE region = ?',
    ]);
    expect(a).toMatchObject({ status: 'served', accesses: [{ indexName: 'orders_customer_created_idx', path: 'index-scan' }], sorts: [] });
    expect(b.status).toBe('not-served'); // created_at is not the leftmost column
    expect(c.status).toBe('not-served');
    expect(c.suggestion!.createSql).toBe('CREATE INDEX `orders_status_created_at_idx` ON `orders` (`status`, `created_at`);');
    expect(d).toMatchObject({ status: 'served', accesses: [{ indexName: 'customers_email_key', rows: 1 }] });
    expect(e).toMatchObject({ status: 'served', assumedTables: ['countries'] });
  });

  it('gives an error with its position for unknown tables and columns', () => {
    const [a, b] = verdicts(['SELECT * FROM nope WHERE x = 1', 'SELECT *\nFROM orders o WHERE o.nope = 1']);
    expect(a).toMatchObject({ status: 'error', error: { message: 'table "nope" does not exist', line: 1, column: 15 } });
    expect(b).toMatchObject({ status: 'error', error: { message: "column \"nope\" does not exist in o", line: 2, column: 23 } });
  });
});

/** What only SQLite's CREATE text keeps, read back from statements written by hand and by tools. */
import { describe, expect, it } from 'vitest';
import { parseCreateIndex, parseCreateTable, viewBody } from './schema-text';

describe('parseCreateTable', () => {
  it('reads column and table constraints with their names, in every quoting SQLite accepts', () => {
    const t = parseCreateTable(`CREATE TABLE IF NOT EXISTS "order lines"
-- Lines of an order
-- (two comment lines)
(
  -- the key
  [id] INTEGER CONSTRAINT pk_lines PRIMARY KEY AUTOINCREMENT,
  \`order id\` int NOT NULL REFERENCES orders ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  "sku" varchar(32) COLLATE NOCASE DEFAULT ('x' || 'y') CHECK (length("sku") > (1 + 1)),
  qty INTEGER DEFAULT -1 CONSTRAINT qty_positive CHECK (qty <> 0),
  total REAL GENERATED ALWAYS AS (qty * 2.5) VIRTUAL,
  doubled INT AS (qty * 2) STORED,
  note TEXT DEFAULT NULL UNIQUE,
  CONSTRAINT "lines sku" UNIQUE ("sku", qty),
  CHECK (qty < 1000),
  -- to the product
  CONSTRAINT fk_product FOREIGN KEY (sku) REFERENCES products (sku) ON UPDATE CASCADE NOT DEFERRABLE
) STRICT, WITHOUT ROWID`);
    expect(t.comment).toBe('Lines of an order\n(two comment lines)');
    expect(t.columns.map((c) => c.name)).toEqual(['id', 'order id', 'sku', 'qty', 'total', 'doubled', 'note']);
    expect(t.columns[0]).toEqual({ name: 'id', comment: 'the key', collation: null, generated: null, autoincrement: true });
    expect(t.columns[2].collation).toBe('NOCASE');
    expect(t.columns[4].generated).toEqual({ expression: 'qty * 2.5', stored: false });
    expect(t.columns[5].generated).toEqual({ expression: 'qty * 2', stored: true });
    expect(t.primaryKeyName).toBe('pk_lines');
    expect(t.uniques).toEqual([
      { name: null, columns: ['note'] },
      { name: 'lines sku', columns: ['sku', 'qty'] },
    ]);
    expect(t.checks).toEqual([
      { name: null, expression: 'length("sku") > (1 + 1)' },
      { name: 'qty_positive', expression: 'qty <> 0' },
      { name: null, expression: 'qty < 1000' },
    ]);
    expect(t.foreignKeys).toEqual([
      { name: null, columns: ['order id'], deferrable: 'deferrable initially deferred' },
      { name: 'fk_product', columns: ['sku'], deferrable: 'not deferrable', comment: 'to the product' },
    ]);
    expect(t.strict).toBe(true);
    expect(t.withoutRowid).toBe(true);
  });

  it('keeps a comment exactly, quotes, stars and carriage returns included', () => {
    const comment = "it's \"quoted\", has */ and a\r\nsecond line";
    const lines = comment.split('\n').map((l) => `-- ${l}`).join('\n  ');
    const t = parseCreateTable(`CREATE TABLE t (\n  ${lines}\n  "a" text\n)`);
    expect(t.columns[0].comment).toBe(comment);
  });

  it('a table without constraints or modifiers', () => {
    expect(parseCreateTable('CREATE TABLE t(a, b)')).toEqual({ comment: null, columns: [{ name: 'a', comment: null, collation: null, generated: null, autoincrement: false }, { name: 'b', comment: null, collation: null, generated: null, autoincrement: false }], primaryKeyName: null, uniques: [], checks: [], foreignKeys: [], strict: false, withoutRowid: false });
  });
});

describe('parseCreateIndex', () => {
  it('expression parts, column parts with COLLATE and DESC, and the predicate', () => {
    expect(parseCreateIndex(`CREATE UNIQUE INDEX "i x" ON "t y" ((lower(email)) DESC, name COLLATE NOCASE, "a,b" ASC, substr(x, 1, 2)) WHERE deleted_at IS NULL AND (kind = 'a')`)).toEqual({
      expressions: ['(lower(email))', undefined, undefined, 'substr(x, 1, 2)'],
      predicate: "deleted_at IS NULL AND (kind = 'a')",
    });
    expect(parseCreateIndex('CREATE INDEX i ON t (a)')).toEqual({ expressions: [undefined], predicate: null });
  });
});

describe('viewBody', () => {
  it('the SELECT after the top-level AS (column lists and quoted AS inside it aside)', () => {
    expect(viewBody('CREATE VIEW "as" (a, "as") AS SELECT 1 AS a, 2 AS "as"')).toBe('SELECT 1 AS a, 2 AS "as"');
  });
});

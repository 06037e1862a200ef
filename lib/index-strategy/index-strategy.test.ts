import { describe, expect, it } from 'vitest';
import { marked } from 'marked';
import type { Dialect } from '../model/document';
import { documentOf, makeColumn, makeIndex, makeRelationship, makeTable, scalar } from '../model/build';
import { sequentialIds } from '../model/ids';
import { assertDocument } from '../model/validate';
import { kitchenSinkDocument } from '../model/fixtures/kitchen-sink';
import { HOSTILE, hostileNamesDocument } from '../model/fixtures/hostile-names';
import { indexStrategy, indexStrategyMarkdown, type IndexStrategyRow } from './index-strategy';
import { generateDdlStatements } from '../ddl/generate-ddl';
import { fitDerivedName } from '../ddl/names';
import { dialectSpec } from '../dialects/dialects';

const pick = (rows: IndexStrategyRow[], indexName: string) => {
  const row = rows.find((r) => r.indexName === indexName);
  if (!row) throw new Error(`no row ${indexName} in ${rows.map((r) => r.indexName).join(', ')}`);
  return row;
};

describe('indexStrategy on the kitchen sink', () => {
  const doc = kitchenSinkDocument();

  it('lists every primary key, unique constraint and index, in document order', () => {
    for (const dialect of ['postgres', 'mysql'] as const) {
      const rows = indexStrategy(doc, dialect).filter((r) => !r.type.includes('created by InnoDB'));
      const expected = Object.values(doc.tables).reduce((n, t) => n + (t.primaryKey ? 1 : 0) + t.uniques.length + t.indexes.length, 0);
      expect(rows).toHaveLength(expected);
      expect(rows.filter((r) => r.source === 'primary-key')).toHaveLength(Object.values(doc.tables).filter((t) => t.primaryKey).length);
      expect(rows[0]).toMatchObject({ tableId: 't_customers', table: 'customers', source: 'primary-key' });
    }
  });

  // [dialect, index name, columns, type, purpose]
  const cases: Array<[Dialect, string, string, string, string]> = [
    ['postgres', 'customers_pkey', 'id', 'B-tree, unique', 'Primary key'],
    ['mysql', 'PRIMARY', 'id', 'B-tree, unique', 'Primary key'],
    ['postgres', 'customers_email_key', 'email', 'B-tree, unique', 'Enforces unique email'],
    ['mysql', 'customers_email_key', 'email', 'B-tree, unique', 'Enforces unique email'],
    ['postgres', 'customers_public_id_uk', 'public_id', 'B-tree, unique', 'Enforces unique public_id'],
    ['postgres', 'customers_lower_email_idx', '(lower(email))', 'B-tree, expression', 'Case-insensitive login lookup'],
    ['postgres', 'customers_profile_gin', 'profile', 'GIN', 'JSON containment queries'],
    ['mysql', 'customers_profile_gin', 'profile', 'GIN (not created on MySQL 8.0: no GIN indexes)', 'JSON containment queries'],
    ['postgres', 'customers_name_idx', 'full_name, created_at DESC', 'B-tree, composite (prefix length left out)', 'Customer search by name, newest first'],
    ['mysql', 'customers_name_idx', 'full_name(50), created_at DESC', 'B-tree, composite', 'Customer search by name, newest first'],
    ['mysql', 'customers_referrer_id_fkey', 'referrer_id', 'B-tree (created by InnoDB for the foreign key)', 'FK lookup for customers.referrer_id; joins and cascades from customers'],
    ['postgres', 'orders_pk', 'id', 'B-tree, unique', 'Primary key'],
    [
      'postgres',
      'orders_open_idx',
      'placed_at DESC NULLS LAST',
      "B-tree, partial (WHERE status <> 'shipped'), covering (INCLUDE total)",
      'Open-orders dashboard, newest first',
    ],
    [
      'mysql',
      'orders_open_idx',
      'placed_at DESC',
      "B-tree, covering (INCLUDE total as trailing key columns) (no partial indexes: covers all rows (WHERE status <> 'shipped' left out); NULLS order left out)",
      'Open-orders dashboard, newest first',
    ],
    ['postgres', 'orders_customer_idx', 'customer_id', 'Hash', 'Orders of a customer'],
    ['mysql', 'orders_customer_idx', 'customer_id', 'B-tree (InnoDB builds HASH as B-tree)', 'Orders of a customer'],
    ['postgres', 'products_text_ft', 'name, description', 'Full-text, composite (not created on PostgreSQL 16: no FULLTEXT indexes (index a tsvector column with GIN))', 'Full-text product search (MySQL)'],
    ['mysql', 'products_text_ft', 'name, description', 'Full-text, composite', 'Full-text product search (MySQL)'],
    ['postgres', 'products_released_brin', 'released_on', 'BRIN', 'Range scans over release dates'],
    ['mysql', 'products_released_brin', 'released_on', 'B-tree (BRIN not available: built as B-tree)', 'Range scans over release dates'],
    ['postgres', 'products_name_pattern_idx', 'name varchar_pattern_ops NULLS FIRST', 'B-tree', 'LIKE prefix search'],
    ['postgres', 'order_items_pkey', 'order_id, line_no', 'B-tree, composite, unique', 'Primary key (order_id, line_no)'],
    ['postgres', 'shipments_carrier_tracking_key', 'carrier, tracking_no', 'B-tree, composite, unique, NULLS NOT DISTINCT', 'Enforces unique (carrier, tracking_no)'],
    ['mysql', 'shipments_carrier_tracking_key', 'carrier, tracking_no', 'B-tree, composite, unique, NULLS NOT DISTINCT left out (not on MySQL 8.0)', 'Enforces unique (carrier, tracking_no)'],
    ['postgres', 'type_zoo_geometry_spatial', 'c_geometry', 'GiST (SPATIAL built as GiST)', 'Nearest-location search'],
    ['postgres', 'type_zoo_inet_gist', 'c_inet inet_ops', 'GiST', 'Subnet containment'],
    ['postgres', 'type_zoo_text_spgist', 'c_text', 'SP-GiST', 'Prefix search'],
    ['postgres', 'type_zoo_varchar_uidx', 'c_varchar, c_char DESC', 'B-tree, composite, unique', 'Enforces unique (c_varchar, c_char)'],
  ];
  it.each(cases)('%s %s', (dialect, indexName, columns, type, purpose) => {
    expect(pick(indexStrategy(doc, dialect), indexName)).toMatchObject({ columns, type, purpose });
  });

  it('follows the target: MariaDB 10.11 cannot build expression indexes', () => {
    expect(pick(indexStrategy(doc, 'mysql'), 'customers_lower_email_idx').created).toBe(true);
    const row = pick(indexStrategy(doc, 'mysql', { target: 'mariadb-10.11' }), 'customers_lower_email_idx');
    expect(row).toMatchObject({ created: false, type: 'B-tree, expression (not created on MariaDB 10.11: no functional index parts)' });
    expect(pick(indexStrategy(doc, 'postgres', { target: 'postgres-14' }), 'shipments_carrier_tracking_key').type).toBe(
      'B-tree, composite, unique, NULLS NOT DISTINCT left out (not on PostgreSQL 14)',
    );
  });

  it('names schema-qualified tables', () => {
    expect(pick(indexStrategy(doc, 'postgres'), 'orders_pk').table).toBe('sales.orders');
  });
});

describe('derived purposes', () => {
  function docWith(indexes: (ids: ReturnType<typeof sequentialIds>, cols: Record<string, string>) => ReturnType<typeof makeIndex>[]) {
    const ids = sequentialIds();
    const uid = makeColumn({ id: 'u_id', name: 'id', type: scalar('integer'), nullable: false });
    const users = makeTable({ id: 't_users', name: 'users', columns: [uid], primaryKey: { columnIds: ['u_id'] } });
    const cols = { id: 'o_id', user: 'o_user', created: 'o_created', note: 'o_note' };
    const orders = makeTable({
      id: 't_orders',
      name: 'orders',
      columns: [
        makeColumn({ id: cols.id, name: 'id', type: scalar('integer'), nullable: false }),
        makeColumn({ id: cols.user, name: 'user_id', type: scalar('integer'), nullable: false }),
        makeColumn({ id: cols.created, name: 'created_at', type: scalar('timestamptz') }),
        makeColumn({ id: cols.note, name: 'note', type: scalar('text') }),
      ],
      primaryKey: { columnIds: [cols.id] },
      indexes: indexes(ids, cols),
    });
    const rel = makeRelationship({ fromTableId: 't_orders', toTableId: 't_users', columnPairs: [{ fromColumnId: cols.user, toColumnId: 'u_id' }] }, ids);
    return assertDocument(documentOf({ tables: [users, orders], relationships: [rel] }));
  }

  const cases: Array<[string, Parameters<typeof docWith>[0], string]> = [
    ['FK lookup', (ids, c) => [makeIndex({ name: 'ix', parts: [{ kind: 'column', columnId: c.user }] }, ids)], 'FK lookup for orders.user_id; joins and cascades from users'],
    [
      'FK lookup then more columns',
      (ids, c) => [makeIndex({ name: 'ix', parts: [{ kind: 'column', columnId: c.user }, { kind: 'column', columnId: c.created, order: 'desc' }] }, ids)],
      'FK lookup for orders.user_id (then created_at); joins and cascades from users',
    ],
    ['plain lookup', (ids, c) => [makeIndex({ name: 'ix', parts: [{ kind: 'column', columnId: c.created }] }, ids)], 'Lookups by created_at'],
    [
      'composite, FK not leading',
      (ids, c) => [makeIndex({ name: 'ix', parts: [{ kind: 'column', columnId: c.created }, { kind: 'column', columnId: c.user }] }, ids)],
      'Queries filtering by created_at, user_id',
    ],
    ['unique index', (ids, c) => [makeIndex({ name: 'ix', unique: true, parts: [{ kind: 'column', columnId: c.note }] }, ids)], 'Enforces unique note'],
    ['partial', (ids, c) => [makeIndex({ name: 'ix', parts: [{ kind: 'column', columnId: c.created }], where: 'note IS NULL' }, ids)], 'Lookups by created_at where note IS NULL'],
    ['full-text', (ids, c) => [makeIndex({ name: 'ix', method: 'fulltext', parts: [{ kind: 'column', columnId: c.note }] }, ids)], 'Full-text search on note'],
    ['architect note wins', (ids, c) => [makeIndex({ name: 'ix', purpose: '  Dashboard  ', parts: [{ kind: 'column', columnId: c.user }] }, ids)], 'Dashboard'],
  ];
  it.each(cases)('%s', (_label, indexes, purpose) => {
    expect(pick(indexStrategy(docWith(indexes), 'postgres'), 'ix').purpose).toBe(purpose);
  });
});

const decisionsOf = (doc: Parameters<typeof generateDdlStatements>[0], dialect: Dialect) => generateDdlStatements(doc, dialect).decisions;

describe('names the DDL gives unnamed keys', () => {
  it('derives <table>_pkey, <table>_<cols>_key and <table>_<cols>_fkey, avoiding every explicit name', () => {
    const ids = sequentialIds();
    const a = makeColumn({ name: 'a', type: scalar('integer'), nullable: false }, ids);
    const b = makeColumn({ name: 'b', type: scalar('integer') }, ids);
    const parent = makeTable({ name: 'p', columns: [makeColumn({ id: 'p_id', name: 'id', type: scalar('integer'), nullable: false })], primaryKey: { columnIds: ['p_id'] } }, ids);
    const t = makeTable(
      {
        name: 't',
        columns: [a, b],
        primaryKey: { columnIds: [a.id] },
        uniques: [
          { id: 'u1', columnIds: [a.id, b.id] },
          { id: 'u2', columnIds: [b.id] },
        ],
        // An explicit index already called what the second unique would derive.
        indexes: [makeIndex({ name: 't_b_key', parts: [{ kind: 'column', columnId: b.id }] }, ids)],
      },
      ids,
    );
    const rel = makeRelationship({ id: 'r1', fromTableId: t.id, toTableId: parent.id, columnPairs: [{ fromColumnId: b.id, toColumnId: 'p_id' }] }, ids);
    const doc = assertDocument(documentOf({ tables: [parent, t], relationships: [rel] }));
    const pg = decisionsOf(doc, 'postgres');
    expect([pg.primaryKeys.get(t.id), pg.uniques.get('u1'), pg.uniques.get('u2'), pg.foreignKeys.get('r1')]).toEqual(['t_pkey', 't_a_b_key', 't_b_key1', 't_b_fkey']);
    const my = decisionsOf(doc, 'mysql');
    expect([my.primaryKeys.get(t.id), my.uniques.get('u2')]).toEqual(['PRIMARY', 't_b_key1']);
    // MySQL: the explicit index leads with the FK column, so InnoDB adds no index of its own.
    expect(indexStrategy(doc, 'mysql').filter((r) => r.indexName === 't_b_fkey')).toEqual([]);
  });

  it('uses the name the DDL writes when PostgreSQL makes an explicit index name unique', () => {
    const ids = sequentialIds();
    const tables = ['a', 'b'].map((name) => {
      const col = makeColumn({ name: 'x', type: scalar('integer') }, ids);
      return makeTable({ name, columns: [col], indexes: [makeIndex({ name: 'x_idx', parts: [{ kind: 'column', columnId: col.id }] }, ids)] }, ids);
    });
    const doc = assertDocument(documentOf({ tables }));
    const sql = generateDdlStatements(doc, 'postgres').statements.filter((st) => st.startsWith('CREATE INDEX'));
    expect(sql).toEqual(['CREATE INDEX "x_idx" ON "a" ("x")', 'CREATE INDEX "b_x_idx" ON "b" ("x")']);
    expect(indexStrategy(doc, 'postgres').map((r) => r.indexName)).toEqual(['x_idx', 'b_x_idx']);
    // MySQL index names are per table: both keep theirs.
    expect(indexStrategy(doc, 'mysql').map((r) => r.indexName)).toEqual(['x_idx', 'x_idx']);
  });

  it('marks a FULLTEXT index on a partitioned MySQL table as not created, as the DDL skips it', () => {
    const ids = sequentialIds();
    const id = makeColumn({ name: 'id', type: scalar('integer'), nullable: false }, ids);
    const body = makeColumn({ name: 'body', type: scalar('text') }, ids);
    const t = makeTable(
      {
        name: 'posts',
        columns: [id, body],
        primaryKey: { columnIds: [id.id] },
        indexes: [makeIndex({ name: 'posts_body_ft', method: 'fulltext', parts: [{ kind: 'column', columnId: body.id }] }, ids)],
        partitioning: { strategy: 'hash', key: [{ kind: 'column', columnId: id.id }], partitions: [{ id: 'p0', name: 'p0', bound: { kind: 'hash', modulus: 2, remainder: 0 } }, { id: 'p1', name: 'p1', bound: { kind: 'hash', modulus: 2, remainder: 1 } }] },
      },
      ids,
    );
    const doc = assertDocument(documentOf({ tables: [t], dialect: 'mysql' }));
    expect(generateDdlStatements(doc, 'mysql').statements.some((st) => st.includes('posts_body_ft'))).toBe(false);
    expect(pick(indexStrategy(doc, 'mysql'), 'posts_body_ft')).toMatchObject({
      created: false,
      type: 'Full-text (not created on MySQL 8.0: InnoDB partitioned tables cannot have Full-text indexes)',
    });
  });

  it('fits long derived names to the limit with a hash, as the DDL does', () => {
    const ids = sequentialIds();
    const long = 'x'.repeat(60);
    const col = makeColumn({ name: 'id', type: scalar('integer'), nullable: false }, ids);
    const t = makeTable({ name: long, columns: [col], primaryKey: { columnIds: [col.id] } }, ids);
    const doc = assertDocument(documentOf({ tables: [t] }));
    const name = decisionsOf(doc, 'postgres').primaryKeys.get(t.id)!;
    expect(name).toBe(fitDerivedName(dialectSpec('postgres'), `${long}_pkey`).name);
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).toMatch(/_[0-9a-f]{8}$/);
  });
});

describe('indexStrategyMarkdown', () => {
  it('renders the template table with hostile names intact', () => {
    const rows = indexStrategy(hostileNamesDocument(), 'postgres');
    const md = indexStrategyMarkdown(rows);
    expect(md.split('\n')[0]).toBe('| Table | Index Name | Columns | Type | Purpose |');
    const html = marked.parse(md, { async: false });
    const bodyRows = [...html.matchAll(/<tr>\s*((?:<td>[\s\S]*?<\/td>\s*)+)<\/tr>/g)].map((m) =>
      [...m[1].matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) =>
        c[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&'),
      ),
    );
    expect(bodyRows).toHaveLength(rows.length);
    expect(bodyRows).toEqual(rows.map((r) => [r.table, r.indexName, r.columns, r.type, r.purpose]));
    expect(bodyRows.some((r) => r[1] === HOSTILE.indexName && r[4] === HOSTILE.comment)).toBe(true);
  });
});

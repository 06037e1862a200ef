import { describe, expect, it } from 'vitest';
import { marked } from 'marked';
import type { Dialect } from '../model/document';
import { documentOf, makeColumn, makeIndex, makeRelationship, makeTable, scalar } from '../model/build';
import { sequentialIds } from '../model/ids';
import { assertDocument } from '../model/validate';
import { kitchenSinkDocument } from '../model/fixtures/kitchen-sink';
import { HOSTILE, hostileNamesDocument } from '../model/fixtures/hostile-names';
import { indexStrategy, indexStrategyMarkdown, type IndexStrategyRow } from './index-strategy';
import { pgObjectName } from './implicit-index-names';

const pick = (rows: IndexStrategyRow[], indexName: string) => {
  const row = rows.find((r) => r.indexName === indexName);
  if (!row) throw new Error(`no row ${indexName} in ${rows.map((r) => r.indexName).join(', ')}`);
  return row;
};

describe('indexStrategy on the kitchen sink', () => {
  const doc = kitchenSinkDocument();

  it('lists every primary key, unique constraint and index, in document order', () => {
    for (const dialect of ['postgres', 'mysql'] as const) {
      const rows = indexStrategy(doc, dialect);
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
    ['mysql', 'email', 'email', 'B-tree, unique', 'Enforces unique email'],
    ['postgres', 'customers_public_id_uk', 'public_id', 'B-tree, unique', 'Enforces unique public_id'],
    ['postgres', 'customers_lower_email_idx', '(lower(email))', 'B-tree, expression', 'Case-insensitive login lookup'],
    ['postgres', 'customers_profile_gin', 'profile', 'GIN', 'JSON containment queries'],
    ['mysql', 'customers_profile_gin', 'profile', 'GIN (not available on MySQL)', 'JSON containment queries'],
    ['postgres', 'customers_name_idx', 'full_name(50), created_at DESC', 'B-tree, composite', 'Customer search by name, newest first'],
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
      'placed_at DESC NULLS LAST',
      "B-tree, partial (WHERE status <> 'shipped') (not available on MySQL), covering (INCLUDE total) (not available on MySQL)",
      'Open-orders dashboard, newest first',
    ],
    ['postgres', 'orders_customer_idx', 'customer_id', 'Hash', 'Orders of a customer'],
    ['postgres', 'products_text_ft', 'name, description', 'Full-text (not available on PostgreSQL), composite', 'Full-text product search (MySQL)'],
    ['mysql', 'products_text_ft', 'name, description', 'Full-text, composite', 'Full-text product search (MySQL)'],
    ['postgres', 'products_released_brin', 'released_on', 'BRIN', 'Range scans over release dates'],
    ['postgres', 'products_name_pattern_idx', 'name varchar_pattern_ops NULLS FIRST', 'B-tree', 'LIKE prefix search'],
    ['postgres', 'order_items_pkey', 'order_id, line_no', 'B-tree, composite, unique', 'Primary key (order_id, line_no)'],
    ['postgres', 'shipments_carrier_tracking_key', 'carrier, tracking_no', 'B-tree, composite, unique, NULLS NOT DISTINCT', 'Enforces unique (carrier, tracking_no)'],
    ['postgres', 'type_zoo_inet_gist', 'c_inet inet_ops', 'GiST', 'Subnet containment'],
    ['postgres', 'type_zoo_text_spgist', 'c_text', 'SP-GiST', 'Prefix search'],
    ['postgres', 'type_zoo_varchar_uidx', 'c_varchar, c_char DESC', 'B-tree, composite, unique', 'Enforces unique (c_varchar, c_char)'],
  ];
  it.each(cases)('%s %s', (dialect, indexName, columns, type, purpose) => {
    expect(pick(indexStrategy(doc, dialect), indexName)).toMatchObject({ columns, type, purpose });
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
      'FK lookup for orders.user_id (then created_at DESC); joins and cascades from users',
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

describe('implicit index names', () => {
  it.each([
    ['users', undefined, 'pkey', 'users_pkey'],
    ['users', 'email', 'key', 'users_email_key'],
    ['a'.repeat(40), 'b'.repeat(40), 'key', `${'a'.repeat(29)}_${'b'.repeat(29)}_key`],
    ['a'.repeat(70), undefined, 'pkey', `${'a'.repeat(58)}_pkey`],
    // Three-byte characters: cut on a character boundary, 58 bytes -> 19 characters.
    ['表'.repeat(21), undefined, 'pkey', `${'表'.repeat(19)}_pkey`],
  ])('pgObjectName(%s, %s, %s)', (a, b, label, expected) => {
    expect(pgObjectName(a, b, label)).toBe(expected);
  });

  it('avoids clashes the way PostgreSQL does (key1, key2...) and MySQL does (_2)', () => {
    const ids = sequentialIds();
    const a = makeColumn({ name: 'a', type: scalar('integer') }, ids);
    const b = makeColumn({ name: 'b', type: scalar('integer') }, ids);
    const t = makeTable(
      {
        name: 't',
        columns: [a, b],
        uniques: [
          { id: 'u1', columnIds: [a.id] },
          { id: 'u2', columnIds: [a.id] },
          { id: 'u3', columnIds: [a.id, b.id] },
        ],
        indexes: [makeIndex({ name: 't_b_key', parts: [{ kind: 'column', columnId: b.id }] }, ids)],
      },
      ids,
    );
    const u4 = { id: 'u4', columnIds: [b.id] };
    t.uniques.push(u4);
    const doc = assertDocument(documentOf({ tables: [t] }));
    expect(indexStrategy(doc, 'postgres').map((r) => r.indexName)).toEqual(['t_a_key', 't_a_key1', 't_a_b_key', 't_b_key1', 't_b_key']);
    expect(indexStrategy(doc, 'mysql').map((r) => r.indexName)).toEqual(['a', 'a_2', 'a_3', 'b', 't_b_key']);
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

/**
 * A small but rich document for command tests, with readable fixed ids so expectations can name
 * elements: composite keys, a composite foreign key, a self reference, an expression index with an
 * INCLUDE list, partitioning, a schema, an enum and a domain in use, a view, an extension, a standalone
 * sequence, an area, a note, layout and design content. Every call returns a fresh, unfrozen document.
 */
import { documentOf, enumType, makeColumn, makeIndex, makeRelationship, makeTable, scalar } from '../build';
import type { Column, ColumnType, SchemaDocument } from '../document';

const noIds = (prefix: string): string => {
  throw new Error(`test fixture: give every element an id (${prefix})`);
};

function col(table: string, name: string, type: ColumnType, extra: Partial<Column> = {}): Column {
  return makeColumn({ id: `c_${table}_${name}`, name, type, nullable: false, ...extra }, noIds);
}

export function commandsFixture(): SchemaDocument {
  const users = makeTable({
    id: 't_users',
    name: 'users',
    columns: [
      col('users', 'id', scalar('bigint'), { identity: { always: false } }),
      col('users', 'email', { kind: 'domain', domainId: 'd_email' }),
      col('users', 'name', scalar('varchar', { length: 100 }), { nullable: true }),
      col('users', 'manager_id', scalar('bigint'), { nullable: true }),
    ],
    primaryKey: { name: 'pk_users', columnIds: ['c_users_id'] },
    uniques: [{ id: 'u_users_email', name: 'uq_users_email', columnIds: ['c_users_email'] }],
    checks: [{ id: 'k_users_name', name: 'chk_users_name', expression: "name <> ''" }],
    indexes: [
      makeIndex({ id: 'i_users_name', name: 'ix_users_name', parts: [{ kind: 'column', columnId: 'c_users_name' }], includeColumnIds: ['c_users_email'] }, noIds),
      makeIndex({ id: 'i_users_lower_email', name: 'ix_users_lower_email', parts: [{ kind: 'expression', sql: 'lower(email)' }, { kind: 'column', columnId: 'c_users_email' }] }, noIds),
    ],
  }, noIds);

  const orders = makeTable({
    id: 't_orders',
    name: 'orders',
    columns: [
      col('orders', 'id', scalar('bigint')),
      col('orders', 'created_at', scalar('timestamptz')),
      col('orders', 'user_id', scalar('integer')),
      col('orders', 'status', enumType('e_status'), { default: { kind: 'literal', value: 'new' } }),
      col('orders', 'total', scalar('decimal', { precision: 12, scale: 2 })),
    ],
    primaryKey: { columnIds: ['c_orders_id', 'c_orders_created_at'] },
    uniques: [{ id: 'u_orders_user_created', columnIds: ['c_orders_user_id', 'c_orders_created_at'] }],
    indexes: [
      makeIndex({ id: 'i_orders_user', name: 'ix_orders_user', parts: [{ kind: 'column', columnId: 'c_orders_user_id' }] }, noIds),
      makeIndex({ id: 'i_orders_status_created', name: 'ix_orders_status_created', parts: [
        { kind: 'column', columnId: 'c_orders_status' }, { kind: 'column', columnId: 'c_orders_created_at', order: 'desc' },
      ], where: "status <> 'done'" }, noIds),
    ],
    partitioning: {
      strategy: 'range',
      key: [{ kind: 'column', columnId: 'c_orders_created_at' }],
      partitions: [{ id: 'p_orders_2025', name: 'orders_2025', bound: { kind: 'range', from: ["'2025-01-01'"], to: ["'2026-01-01'"] } }],
    },
  }, noIds);

  const orderItems = makeTable({
    id: 't_order_items',
    name: 'order_items',
    columns: [
      col('order_items', 'order_id', scalar('bigint')),
      col('order_items', 'order_created_at', scalar('timestamptz')),
      col('order_items', 'product_id', scalar('uuid')),
      col('order_items', 'qty', scalar('integer'), { default: { kind: 'literal', value: 1 } }),
    ],
    primaryKey: { columnIds: ['c_order_items_order_id', 'c_order_items_order_created_at', 'c_order_items_product_id'] },
  }, noIds);

  const products = makeTable({
    id: 't_products',
    name: 'products',
    schemaId: 's_catalog',
    columns: [
      col('products', 'id', scalar('uuid'), { default: { kind: 'builtin', name: 'uuid' } }),
      col('products', 'sku', scalar('varchar', { length: 32 })),
    ],
    primaryKey: { columnIds: ['c_products_id'] },
    indexes: [makeIndex({ id: 'i_products_sku', name: 'ix_products_sku', unique: true, parts: [{ kind: 'column', columnId: 'c_products_sku' }] }, noIds)],
  }, noIds);

  const doc = documentOf({
    tables: [users, orders, orderItems, products],
    relationships: [
      makeRelationship({ id: 'r_orders_users', fromTableId: 't_orders', toTableId: 't_users', columnPairs: [{ fromColumnId: 'c_orders_user_id', toColumnId: 'c_users_id' }] }, noIds),
      makeRelationship({
        id: 'r_items_orders', name: 'fk_items_orders', fromTableId: 't_order_items', toTableId: 't_orders', onDelete: 'cascade',
        columnPairs: [
          { fromColumnId: 'c_order_items_order_id', toColumnId: 'c_orders_id' },
          { fromColumnId: 'c_order_items_order_created_at', toColumnId: 'c_orders_created_at' },
        ],
      }, noIds),
      makeRelationship({ id: 'r_items_products', fromTableId: 't_order_items', toTableId: 't_products', columnPairs: [{ fromColumnId: 'c_order_items_product_id', toColumnId: 'c_products_id' }] }, noIds),
      makeRelationship({ id: 'r_users_manager', fromTableId: 't_users', toTableId: 't_users', onDelete: 'set null', columnPairs: [{ fromColumnId: 'c_users_manager_id', toColumnId: 'c_users_id' }] }, noIds),
    ],
    enums: [{ id: 'e_status', name: 'order_status', values: ['new', 'paid', 'done'] }],
    domains: [{ id: 'd_email', name: 'email', type: scalar('varchar', { length: 254 }), nullable: false, default: { kind: 'none' }, checks: [{ id: 'k_email', expression: "VALUE LIKE '%@%'" }] }],
    views: [{ id: 'v_active', name: 'active_users', sql: 'SELECT id FROM users', dialect: 'postgres', materialized: false }],
    schemas: [{ id: 's_catalog', name: 'catalog' }],
    extensions: [{ id: 'x_trgm', name: 'pg_trgm' }],
    sequences: [{ id: 'q_invoice', name: 'invoice_no_seq', dataType: 'bigint', start: 1000 }],
    areas: [{ id: 'a_sales', name: 'Sales', color: '#1e90ff', tableIds: ['t_users', 't_orders'] }],
    notes: [{ id: 'n_1', text: 'Orders are partitioned by year', color: '#ffee88' }],
  });
  doc.layout.tables = { t_users: { x: 0, y: 0 }, t_orders: { x: 400, y: 0, color: '#ff0000' }, t_products: { x: 800, y: 0 } };
  doc.layout.notes = { n_1: { x: 0, y: 300, width: 200, height: 100 } };
  doc.design.narrative = { executiveSummary: 'A shop.' };
  doc.design.queryPatterns = [{ id: 'q_orders_by_user', name: 'Orders of a user', sql: 'SELECT * FROM orders WHERE user_id = $1' }];
  return doc;
}

import { describe, expect, it } from 'vitest';
import { commandsFixture } from '@/lib/model/commands/test-fixture';
import { searchDocument } from './search-index';

describe('searchDocument', () => {
  it.each([
    ['users', ['table users']],
    ['user', ['table users', 'column orders.user_id']],
    ['ORDER', ['table orders', 'table order_items', 'column order_items.order_id', 'column order_items.order_created_at']],
    ['sku', ['column catalog.products.sku']],
    ['zzz', []],
  ])('%s', (query, expected) => {
    expect(searchDocument(commandsFixture(), query).map((h) => `${h.kind} ${h.label}`)).toEqual(expected);
  });

  it('an empty query lists tables; hits carry ids to focus', () => {
    expect(searchDocument(commandsFixture(), '  ').map((h) => h.tableId)).toEqual(['t_users', 't_orders', 't_order_items', 't_products']);
    expect(searchDocument(commandsFixture(), 'manager')[0]).toMatchObject({ kind: 'column', tableId: 't_users', columnId: 'c_users_manager_id' });
  });

  it('is capped', () => {
    expect(searchDocument(commandsFixture(), 'e', 3)).toHaveLength(3);
  });
});

/** The two tables most journeys start from: users (with an email index) and orders (user_id, no FK yet). */
import { makeColumn, makeIndex, makeTable, scalar } from '../../lib/model/build';
import type { Table } from '../../lib/model/document';

export function usersTable(): Table {
  return makeTable({
    id: 't_users',
    name: 'users',
    columns: [
      makeColumn({ id: 'c_users_id', name: 'id', type: scalar('bigint'), nullable: false, identity: { always: false } }),
      makeColumn({ id: 'c_users_email', name: 'email', type: scalar('text'), nullable: true }),
    ],
    primaryKey: { columnIds: ['c_users_id'] },
    indexes: [makeIndex({ id: 'i_users_email', name: 'users_email_idx', parts: [{ kind: 'column', columnId: 'c_users_email' }] })],
  });
}

export function ordersTable(): Table {
  return makeTable({
    id: 't_orders',
    name: 'orders',
    columns: [
      makeColumn({ id: 'c_orders_id', name: 'id', type: scalar('bigint'), nullable: false }),
      makeColumn({ id: 'c_orders_user_id', name: 'user_id', type: scalar('bigint'), nullable: false }),
    ],
    primaryKey: { columnIds: ['c_orders_id'] },
  });
}

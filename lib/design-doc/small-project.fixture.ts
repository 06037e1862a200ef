/**
 * A small, fully specified project for the design document's golden test: three tables (one with a
 * partial index, a check, a sensitive column), a 1:n and a 1:1 relationship, an enum, a partitioned
 * table, declared requirements, one written narrative section and one query pattern.
 */
import { documentOf, enumType, makeColumn, makeIndex, makeRelationship, makeTable, scalar } from '../model/build';
import type { SchemaDocument } from '../model/document';
import { sequentialIds } from '../model/ids';

export function smallProjectDocument(): SchemaDocument {
  const ids = sequentialIds();
  const users = makeTable({
    id: 't_users',
    name: 'users',
    comment: 'People who sign in. One row per account.',
    columns: [
      makeColumn({ id: 'c_users_id', name: 'id', type: scalar('bigint'), nullable: false, identity: { always: true } }, ids),
      makeColumn({ id: 'c_users_email', name: 'email', type: scalar('varchar', { length: 255 }), nullable: false, classification: 'personal', protection: { encryption: 'at-rest', masking: 'fake', accessRole: 'support_readonly', retentionMonths: 36 }, comment: 'Login | contact address' }, ids),
      makeColumn({ id: 'c_users_status', name: 'status', type: enumType('e_status'), nullable: false, default: { kind: 'literal', value: 'active' } }, ids),
      makeColumn({ id: 'c_users_created', name: 'created_at', type: scalar('timestamptz'), nullable: false, default: { kind: 'builtin', name: 'current_timestamp' } }, ids),
    ],
    primaryKey: { columnIds: ['c_users_id'] },
    uniques: [{ id: 'u_users_email', columnIds: ['c_users_email'] }],
    indexes: [makeIndex({ id: 'i_users_created', name: 'idx_users_created', parts: [{ kind: 'column', columnId: 'c_users_created', order: 'desc' }], purpose: 'Newest sign-ups first' }, ids)],
  }, ids);
  const profiles = makeTable({
    id: 't_profiles',
    name: 'profiles',
    columns: [
      makeColumn({ id: 'c_profiles_user', name: 'user_id', type: scalar('bigint'), nullable: false }, ids),
      makeColumn({ id: 'c_profiles_bio', name: 'bio', type: scalar('text'), comment: 'Markdown *allowed*' }, ids),
    ],
    primaryKey: { columnIds: ['c_profiles_user'] },
  }, ids);
  const orders = makeTable({
    id: 't_orders',
    name: 'orders',
    comment: 'Purchases, partitioned by month.',
    columns: [
      makeColumn({ id: 'c_orders_id', name: 'id', type: scalar('bigint'), nullable: false }, ids),
      makeColumn({ id: 'c_orders_user', name: 'user_id', type: scalar('bigint'), nullable: false }, ids),
      makeColumn({ id: 'c_orders_total', name: 'total', type: scalar('decimal', { precision: 12, scale: 2 }), nullable: false, default: { kind: 'literal', value: 0 } }, ids),
      makeColumn({ id: 'c_orders_placed', name: 'placed_at', type: scalar('timestamptz'), nullable: false }, ids),
      makeColumn({ id: 'c_orders_cancelled', name: 'cancelled_at', type: scalar('timestamptz') }, ids),
    ],
    primaryKey: { columnIds: ['c_orders_id', 'c_orders_placed'] },
    checks: [{ id: 'k_orders_total', name: 'orders_total_positive', expression: 'total >= 0' }],
    indexes: [makeIndex({ id: 'i_orders_user', name: 'idx_orders_user_open', parts: [{ kind: 'column', columnId: 'c_orders_user' }, { kind: 'column', columnId: 'c_orders_placed' }], where: 'cancelled_at IS NULL' }, ids)],
    partitioning: {
      strategy: 'range',
      key: [{ kind: 'column', columnId: 'c_orders_placed' }],
      partitions: [
        { id: 'p_2026_01', name: 'orders_2026_01', bound: { kind: 'range', from: ["'2026-01-01'"], to: ["'2026-02-01'"] } },
        { id: 'p_default', name: 'orders_default', bound: { kind: 'default' } },
      ],
    },
  }, ids);
  const doc = documentOf({
    dialect: 'postgres',
    tables: [users, profiles, orders],
    relationships: [
      makeRelationship({ id: 'r_orders_user', name: 'orders_user_fk', fromTableId: 't_orders', toTableId: 't_users', columnPairs: [{ fromColumnId: 'c_orders_user', toColumnId: 'c_users_id' }], onDelete: 'restrict' }, ids),
      makeRelationship({ id: 'r_profiles_user', fromTableId: 't_profiles', toTableId: 't_users', columnPairs: [{ fromColumnId: 'c_profiles_user', toColumnId: 'c_users_id' }], onDelete: 'cascade' }, ids),
    ],
    enums: [{ id: 'e_status', name: 'user_status', values: ['active', 'suspended', 'deleted'] }],
  });
  doc.design.requirements = {
    dataVolumeNow: '20 GB',
    dataVolume5y: '2 TB',
    workload: 'oltp',
    consistency: 'acid',
    latencyTarget: 'p99 < 50 ms',
    rpo: '5 minutes',
    rto: '1 hour',
    readWriteRatio: '9:1',
    concurrency: '400 concurrent requests',
  };
  doc.design.narrative = {
    caching: 'Session data lives in **Redis** with a 15-minute TTL.\n\n# Not a template heading',
  };
  // An accepted risk: shown with its rationale (Markdown in it escaped) in the Executive Summary.
  doc.review = {
    waivers: [
      {
        key: 'fk-without-index:r_orders_user',
        ruleId: 'fk-without-index',
        rationale: 'The partial index idx_orders_user_open serves the *open* orders the app reads | users are never deleted (RESTRICT).',
        author: 'Ada <ada@example.com>',
        at: '2025-03-01T09:30:00.000Z',
      },
    ],
  };
  doc.design.queryPatterns = [
    { id: 'q_recent', name: 'Open orders of a user', sql: 'SELECT * FROM orders WHERE user_id = $1 AND cancelled_at IS NULL ORDER BY placed_at DESC LIMIT 20', frequency: '300/s', latencyTarget: '10 ms' },
  ];
  // The review board's record: people, one decision with its alternatives, a risk and a question.
  doc.governance = {
    status: 'in-review',
    authors: ['Ada Lovelace'],
    reviewers: ['Grace Hopper', 'Edgar Codd'],
    decisions: [
      {
        id: 'd_restrict',
        title: 'Orders keep their user: ON DELETE RESTRICT',
        status: 'accepted',
        date: '2025-03-01',
        author: 'Ada Lovelace',
        context: 'Orders are financial records that must outlive an account; users are *suspended*, not deleted.',
        decision: 'The `orders_user_fk` foreign key restricts deletes of users that have orders.',
        alternatives: [
          { option: 'ON DELETE CASCADE', tradeoffs: 'Simple, but deleting a user would silently erase their order history | audit trail.' },
          { option: 'ON DELETE SET NULL', tradeoffs: 'Keeps orders but loses who placed them; user_id would have to be nullable.' },
        ],
        consequences: 'Account deletion must anonymise the user row instead of deleting it.',
        elements: [{ kind: 'relationship', id: 'r_orders_user' }, { kind: 'table', id: 't_orders' }],
      },
    ],
    risks: [
      { id: 'k_growth', kind: 'risk', title: 'orders grows past 1 billion rows in 5 years', owner: 'Ada Lovelace', status: 'mitigating', impact: 'high', element: { kind: 'table', id: 't_orders' } },
      { id: 'k_retention', kind: 'question', title: 'How long must cancelled orders be kept?', status: 'open' },
    ],
  };
  return doc;
}

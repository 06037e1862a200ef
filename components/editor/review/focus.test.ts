import { describe, expect, it } from 'vitest';
import { shopDocument } from '@/lib/review/report/shop.test-support';
import { focusForTarget } from './focus';

describe('focusForTarget', () => {
  const doc = shopDocument();
  it.each([
    [{ kind: 'table', tableId: 't_o' }, { selection: { kind: 'tables', tableIds: ['t_o'] }, tableIds: ['t_o'] }],
    [{ kind: 'column', tableId: 't_o', columnId: 'c_o_cust' }, { selection: { kind: 'column', tableId: 't_o', columnId: 'c_o_cust' }, tableIds: ['t_o'] }],
    [{ kind: 'index', tableId: 't_o', indexId: 'gone' }, { selection: { kind: 'tables', tableIds: ['t_o'] }, tableIds: ['t_o'] }],
    [{ kind: 'unique', tableId: 't_o', uniqueId: 'u' }, { selection: { kind: 'tables', tableIds: ['t_o'] }, tableIds: ['t_o'] }],
    [{ kind: 'relationship', relationshipId: 'r_o_c' }, { selection: { kind: 'relationship', relationshipId: 'r_o_c' }, tableIds: ['t_o', 't_c'] }],
    [{ kind: 'table', tableId: 'removed' }, undefined],
    [{ kind: 'enum', enumId: 'e' }, undefined],
    [{ kind: 'document' }, undefined],
  ] as const)('%o', (target, expected) => {
    expect(focusForTarget(target, doc)).toEqual(expected);
  });
});

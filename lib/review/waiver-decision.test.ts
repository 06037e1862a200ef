import { describe, expect, it } from 'vitest';
import { decisionSchema } from '../model/governance';
import { decisionFromWaiver, elementOfTarget } from './waiver-decision';
import type { Finding } from './types';

describe('a waiver as a decision record', () => {
  it.each([
    [{ kind: 'table', tableId: 't' }, { kind: 'table', id: 't' }],
    [{ kind: 'column', tableId: 't', columnId: 'c' }, { kind: 'column', id: 'c', tableId: 't' }],
    [{ kind: 'unique', tableId: 't', uniqueId: 'u' }, { kind: 'table', id: 't' }],
    [{ kind: 'relationship', relationshipId: 'r' }, { kind: 'relationship', id: 'r' }],
    [{ kind: 'document' }, undefined],
  ] as const)('%j → %j', (target, ref) => {
    expect(elementOfTarget(target)).toEqual(ref);
  });

  it('is an accepted, valid decision linked to the waiver', () => {
    const finding = { key: 'fk-without-index:r1', ruleId: 'fk-without-index', severity: 'warning', message: 'no index supports the foreign key', target: { kind: 'relationship', relationshipId: 'r1' } } as Finding;
    const d = decisionFromWaiver('d1', finding, { key: finding.key, ruleId: finding.ruleId, rationale: 'tiny table', author: 'Ada', at: '2026-12-04T10:00:00Z' }, 'orders → users');
    expect(decisionSchema.parse(d)).toEqual(d);
    expect(d).toMatchObject({ status: 'accepted', date: '2026-12-04', author: 'Ada', decision: 'tiny table', waiverKey: 'fk-without-index:r1', elements: [{ kind: 'relationship', id: 'r1' }] });
    expect(d.title).toMatch(/^Accept ".+" for orders → users$/);
  });
});

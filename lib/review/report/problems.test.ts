import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../../model/ids';
import { lintDocument } from '../lint';
import { filterFindings, groupFindings, OTHER_GROUP, reaches, summarizeCounts, tableMarkers } from './problems';
import { targetLabel, targetTableId } from './targets';
import { shopDocument, shopRules } from './shop.test-support';
import type { Finding } from '../types';

const doc = shopDocument();
const { findings } = lintDocument(doc, { ids: sequentialIds(), rules: shopRules() });
const enumFinding: Finding = { ruleId: 'enum-unused', severity: 'info', message: 'status is never used', target: { kind: 'enum', enumId: 'e1' }, key: 'enum-unused:e1' };

describe('Problems panel logic', () => {
  it('labels targets and puts a foreign key finding on the child table', () => {
    expect(findings.map((f) => [f.ruleId, targetLabel(f.target, doc), targetTableId(f.target, doc)])).toEqual([
      ['no-primary-key', 'orders', 't_o'],
      ['fk-without-index', 'orders → customers', 't_o'],
    ]);
    expect(targetLabel({ kind: 'column', tableId: 't_o', columnId: 'c_o_cust' }, doc)).toBe('orders.customer_id');
  });

  it('filters by severity and by every word of the text (message, rule, element)', () => {
    expect(filterFindings(findings, doc, { severities: new Set(['warning'] as const) }).map((f) => f.ruleId)).toEqual(['fk-without-index']);
    expect(filterFindings(findings, doc, { text: 'ORDERS primary' }).map((f) => f.ruleId)).toEqual(['no-primary-key']);
    expect(filterFindings(findings, doc, { text: 'supporting' }).map((f) => f.ruleId)).toEqual(['fk-without-index']);
    expect(filterFindings(findings, doc, { text: 'nothing-like-this' })).toEqual([]);
  });

  it('groups by rule (worst first) and by table (findings on no table apart)', () => {
    expect(groupFindings(findings, doc, 'rule').map((g) => [g.title, g.worst, g.items.length])).toEqual([
      ['Table without a primary key', 'error', 1],
      ['Foreign key without a supporting index', 'warning', 1],
    ]);
    expect(groupFindings([...findings, enumFinding], doc, 'table').map((g) => [g.key, g.title, g.worst, g.items.length])).toEqual([
      ['t_o', 'orders', 'error', 2],
      [OTHER_GROUP, 'Enums, views and the schema', 'info', 1],
    ]);
  });

  it('marks each table with its count, worst severity and messages', () => {
    const markers = tableMarkers(findings, doc);
    expect([...markers.keys()]).toEqual(['t_o']);
    expect(markers.get('t_o')).toMatchObject({ count: 2, worst: 'error' });
    expect(markers.get('t_o')!.title).toBe('2 design review findings\nerror: orders has no primary key, so its rows cannot be addressed one by one\nwarning: no index on orders (customer_id) supports the foreign key to customers');
  });

  it('summarises counts and compares severities with the --fail-on level', () => {
    expect(summarizeCounts({ error: 1, warning: 2, info: 0 })).toBe('1 error, 2 warnings');
    expect(summarizeCounts({ error: 0, warning: 0, info: 0 })).toBe('no findings');
    expect([reaches('error', 'warning'), reaches('info', 'warning'), reaches('warning', 'warning')]).toEqual([true, false, true]);
  });
});

import { describe, expect, it } from 'vitest';
import { applyCommand, undoPatches } from '../model/commands/apply';
import { documentOf, makeColumn, makeRelationship, makeTable, scalar } from '../model/build';
import type { SchemaDocument } from '../model/document';
import { sequentialIds } from '../model/ids';
import { hostileNamesDocument } from '../model/fixtures/hostile-names';
import { kitchenSinkDocument } from '../model/fixtures/kitchen-sink';
import { lintDocument } from './lint';
import { RULES, ruleById } from './rules';

function shop(): SchemaDocument {
  const ids = sequentialIds();
  const customers = makeTable({ id: 't_c', name: 'customers', comment: 'One row per customer.', columns: [makeColumn({ id: 'c_c_id', name: 'id', type: scalar('bigint'), nullable: false }, ids)], primaryKey: { columnIds: ['c_c_id'] } }, ids);
  const orders = makeTable({
    id: 't_o',
    name: 'orders',
    comment: 'One row per order.',
    columns: [
      makeColumn({ id: 'c_o_id', name: 'id', type: scalar('bigint'), nullable: false }, ids),
      makeColumn({ id: 'c_o_cust', name: 'customer_id', type: scalar('bigint'), nullable: false }, ids),
    ],
  }, ids);
  const rel = makeRelationship({ id: 'r_o_c', fromTableId: 't_o', toTableId: 't_c', columnPairs: [{ fromColumnId: 'c_o_cust', toColumnId: 'c_c_id' }] }, ids);
  return documentOf({ tables: [customers, orders], relationships: [rel] });
}

describe('lintDocument', () => {
  it('reports the classic mistakes with stable keys', () => {
    const result = lintDocument(shop(), { ids: sequentialIds() });
    expect(result.findings.map((f) => [f.ruleId, f.severity, f.key])).toEqual([
      ['no-primary-key', 'error', 'no-primary-key:t_o'],
      ['fk-without-index', 'warning', 'fk-without-index:r_o_c'],
    ]);
    expect(result.counts).toEqual({ error: 1, warning: 1, info: 0 });
  });

  it('applies a fix as one undoable command that clears the finding', () => {
    const doc = shop();
    const finding = lintDocument(doc, { ids: sequentialIds() }).findings.find((f) => f.ruleId === 'fk-without-index');
    expect(finding?.fix?.title).toBe('Add index on orders (customer_id)');
    const { doc: fixed, inversePatches } = applyCommand(doc, finding!.fix!.command);
    expect(lintDocument(fixed).findings.some((f) => f.ruleId === 'fk-without-index')).toBe(false);
    expect(lintDocument(undoPatches(fixed, inversePatches)).findings.some((f) => f.ruleId === 'fk-without-index')).toBe(true);
  });

  it('moves waived findings aside and reports waivers whose finding is gone', () => {
    const doc = {
      ...shop(),
      review: {
        waivers: [
          { key: 'no-primary-key:t_o', ruleId: 'no-primary-key', rationale: 'append-only log, keyed downstream' },
          { key: 'no-primary-key:t_gone', ruleId: 'no-primary-key', rationale: 'table was removed' },
        ],
      },
    };
    const result = lintDocument(doc);
    expect(result.findings.map((f) => f.ruleId)).toEqual(['fk-without-index']);
    expect(result.waived.map((f) => [f.key, f.waiver.rationale])).toEqual([['no-primary-key:t_o', 'append-only log, keyed downstream']]);
    expect(result.staleWaivers.map((w) => w.key)).toEqual(['no-primary-key:t_gone']);
  });

  it('honours the project configuration: rules off and severities changed', () => {
    const result = lintDocument(shop(), { config: { rules: { 'no-primary-key': { enabled: false }, 'fk-without-index': { severity: 'error' } } } });
    expect(result.findings.map((f) => [f.ruleId, f.severity])).toEqual([['fk-without-index', 'error']]);
  });

  it('keeps a waiver through a rename: keys are built from ids, messages from names', () => {
    const doc = { ...shop(), review: { waivers: [{ key: 'no-primary-key:t_o', ruleId: 'no-primary-key', rationale: 'append-only' }] } };
    const renamed = applyCommand(doc, { type: 'table.update', tableId: 't_o', changes: { name: 'purchases' } }).doc;
    const result = lintDocument(renamed);
    expect(result.waived.map((f) => [f.key, f.message])).toEqual([['no-primary-key:t_o', 'purchases has no primary key, so its rows cannot be addressed one by one']]);
    expect(result.staleWaivers).toEqual([]);
  });

  it('passes options resolved: declared defaults, the project value when well typed', () => {
    const wide = (max: unknown) =>
      lintDocument(shop(), { config: { rules: { 'wide-table': { options: { max: max as number } } } } }).findings.filter((f) => f.ruleId === 'wide-table').length;
    expect(wide(1)).toBe(1);
    // A mistyped or out-of-range value falls back to the default (40 columns): no finding.
    expect(wide('one')).toBe(0);
    expect(wide(-5)).toBe(0);
  });

  it('judges for the dialect asked, not only the document\'s', () => {
    const doc = shop();
    expect(lintDocument(doc).findings.some((f) => f.ruleId === 'fk-implicit-index')).toBe(false);
    const mysql = lintDocument(doc, { dialect: 'mysql' }).findings.map((f) => f.ruleId);
    expect(mysql).toContain('fk-implicit-index');
    expect(mysql).not.toContain('fk-without-index');
  });

  it.each([
    ['the kitchen sink', kitchenSinkDocument],
    ['hostile names', hostileNamesDocument],
  ])('reviews %s with every rule on, for both dialects, and every fix applies and clears its finding', (_, make) => {
    const doc = make();
    const everyRule = { rules: Object.fromEntries(RULES.map((r) => [r.id, { enabled: true }])) };
    for (const dialect of ['postgres', 'mysql'] as const) {
      const result = lintDocument(doc, { dialect, config: everyRule });
      expect(result.findings.length).toBeGreaterThan(0);
      expect(new Set(result.findings.map((f) => f.key)).size).toBe(result.findings.length);
      for (const f of result.findings.filter((x) => x.fix)) {
        const fixed = applyCommand(doc, f.fix!.command).doc;
        expect(lintDocument(fixed, { dialect, config: everyRule, rules: [ruleById(f.ruleId)!] }).findings.map((x) => x.key), f.fix!.title).not.toContain(f.key);
      }
    }
  });
});

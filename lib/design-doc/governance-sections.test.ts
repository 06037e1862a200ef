import { describe, expect, it } from 'vitest';
import { marked } from 'marked';
import { applyCommand } from '../model/commands/apply';
import { smallProjectDocument } from './small-project.fixture';
import { AUTOMATIC_RISK_ROWS, decisionsBlock, elementLabel, risksBlock } from './governance-sections';
import { designReview } from './review-findings';
import { emptyDocument } from '../model/empty';
import { generateDesignDoc } from './generate-design-doc';
import { documentOf, makeColumn, makeTable, scalar } from '../model/build';

describe('decision records', () => {
  it('ADR-style: title, status, date, concerns, context, decision, alternatives with trade-offs, consequences', () => {
    const block = decisionsBlock(smallProjectDocument())!;
    expect(block).toContain('**ADR-1: Orders keep their user: ON DELETE RESTRICT** (Accepted, 2025-03-01, Ada Lovelace)');
    expect(block).toContain('_Concerns:_ orders → users (orders\\_user\\_fk); orders.');
    expect(block).toContain('| ON DELETE CASCADE |');
    expect(block).toMatch(/_Consequences\._ Account deletion/);
  });

  it('keeps a decision about an element since removed, marked as removed', () => {
    const doc = applyCommand(smallProjectDocument(), { type: 'relationship.remove', relationshipId: 'r_orders_user' }).doc;
    expect(decisionsBlock(doc)).toContain('relationship r\\_orders\\_user (removed)');
    expect(elementLabel(doc, { kind: 'table', id: 't_orders' })).toBe('orders');
  });

  it('a decision narrative cannot pose as a template heading', () => {
    const doc = smallProjectDocument();
    doc.governance!.decisions![0].context = '## Security\nnot a section';
    const md = generateDesignDoc(doc);
    expect(md.split('\n').filter((l) => l === '### Security')).toHaveLength(1);
    expect(md).toContain('##### Security');
  });

  it('none: no block', () => {
    expect(decisionsBlock(emptyDocument('postgres'))).toBeUndefined();
  });
});

describe('risks and open questions', () => {
  it('declared ones with owner and status, then open review findings and unserved patterns, automatically', () => {
    const doc = smallProjectDocument();
    doc.review = undefined; // the accepted fk-without-index finding becomes open again
    const block = risksBlock(doc, designReview(doc, 'postgres'), [{ name: 'Orders by day', reason: 'sequential scan on orders' }])!;
    expect(block).toContain('| Risk | orders grows past 1 billion rows in 5 years | orders | high | Ada Lovelace | Mitigating |');
    expect(block).toContain('| Question | How long must cancelled orders be kept? |  |  | unassigned | Open |');
    expect(block).toContain('Query pattern "Orders by day" is not served by an index: sequential scan on orders');
    expect(block).toMatch(/fk-without-index: .*\| orders → users \(orders\\_user\\_fk\) \| medium \| unassigned \| Open \(from the design review\) \|/);
  });

  it('caps the automatic rows and says how many more there are', () => {
    // Tables without a primary key: a warning each.
    const doc = documentOf({ dialect: 'postgres', tables: Array.from({ length: AUTOMATIC_RISK_ROWS + 5 }, (_, i) => makeTable({ id: `t${i}`, name: `t${i}`, columns: [makeColumn({ name: 'v', type: scalar('text') })] })) });
    const review = designReview(doc, 'postgres');
    const open = review.result.findings.filter((f) => f.severity !== 'info').length;
    expect(open).toBeGreaterThan(AUTOMATIC_RISK_ROWS);
    const block = risksBlock(doc, review)!;
    expect(block).toContain(`… and ${open - AUTOMATIC_RISK_ROWS} more open design-review findings`);
  });

  it('nothing declared and nothing found: no block', () => {
    const doc = emptyDocument('postgres');
    expect(risksBlock(doc, designReview(doc, 'postgres'))).toBeUndefined();
  });

  it('hostile titles and owners stay text', () => {
    const doc = emptyDocument('postgres');
    doc.governance = { risks: [{ id: 'r', kind: 'risk', title: '<script>x</script> | [a](javascript:1)', owner: '<b>o</b>', status: 'open' }] };
    const html = marked.parse(risksBlock(doc, designReview(doc, 'postgres'))!, { async: false });
    expect(html).not.toMatch(/<script|<b>|<a /);
  });
});

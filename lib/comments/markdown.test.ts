import { describe, expect, it } from 'vitest';
import { marked } from 'marked';
import { commentsMarkdown } from './markdown';
import { comment, shop, thread } from './fixture.test-support';
import { headingsOf } from '../design-doc/structure';

const render = (md: string) => marked.parse(md, { async: false, gfm: true });

describe('commentsMarkdown', () => {
  it('lists open threads then resolved ones under their element, with authors and times', () => {
    const doc = shop();
    const md = commentsMarkdown(
      [
        thread({ kind: 'section', slug: 'index-strategy', label: 'Index Strategy' }, ['Why BRIN?'], { resolved: true, resolvedAt: '2026-12-05T08:00:00.000Z', resolvedByName: 'Ann' }),
        thread({ kind: 'column', tableId: 'tbl_orders', columnId: 'col_customer', label: 'orders.customer_id' }, ['Should this be NOT NULL?', 'Yes.']),
      ],
      doc,
    );
    expect(headingsOf(md).map((h) => `${h.level} ${h.text}`)).toEqual(['2 Review comments', '3 Column orders.customer\\_id', '3 Section Index Strategy']);
    expect(md).toContain('1 open thread, 1 resolved thread.');
    expect(md).toContain('_resolved by Ann on 2026-12-05_');
    expect(md).toContain('**Local user** · 2026-12-04 10:30 UTC');
    expect(md.indexOf('NOT NULL')).toBeLessThan(md.indexOf('Why BRIN'));
  });

  it('flags threads whose element was removed, under the label stored when they began', () => {
    const doc = shop();
    delete doc.tables.tbl_customers;
    const md = commentsMarkdown([thread({ kind: 'table', tableId: 'tbl_customers', label: 'customers' }, ['gone?'])], doc);
    expect(md).toContain('### Table customers');
    expect(md).toContain('the element was removed from the design');
  });

  it('renders hostile bodies, names and labels as their literal text', () => {
    const body = '<img src=x onerror=alert(1)>\n<script>alert(2)</script>\n[x](javascript:alert(3))\n# not a heading\n```\n| a | b |';
    const t = thread({ kind: 'table', tableId: 'tbl_gone', label: '<b>x</b> [y](javascript:z)' }, []);
    t.comments = [comment(body, { authorName: '**Eve** <i>', authorKind: 'share' })];
    const html = render(commentsMarkdown([t], shop()));
    expect(html).not.toMatch(/<(img|script|a|b|i|pre|code|table)\b/);
    expect(html).not.toContain('<h1');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('[x](javascript:alert(3))');
    expect(html).toContain('**Eve** &lt;i&gt; (guest)');
    expect(headingsOf(commentsMarkdown([t], shop())).length).toBe(2);
  });

  it('says so when there are no comments', () => {
    expect(commentsMarkdown([], shop())).toBe('## Review comments\n\nNo review comments.\n');
  });
});

import { describe, expect, it } from 'vitest';
import { marked } from 'marked';
import { applyCommand } from '../model/commands/apply';
import { smallProjectDocument } from './small-project.fixture';
import { frontMatter, githubSlug, metadataTable, tableOfContents, titleLine } from './front-matter';
import { generateDesignDoc } from './generate-design-doc';
import { TEMPLATE_HEADINGS } from './template';
import { hostileNamesDocument } from '../model/fixtures/hostile-names';

describe('GitHub heading anchors', () => {
  it.each([
    ['Executive Summary', 'executive-summary'],
    ['Backup & Recovery', 'backup--recovery'],
    ['Monitoring & Maintenance', 'monitoring--maintenance'],
    ['Data Dictionary (v2)', 'data-dictionary-v2'],
    ['snake_case stays', 'snake_case-stays'],
    ['Überblick der Daten', 'überblick-der-daten'],
  ])('%s → %s', (text, slug) => {
    expect(githubSlug(text)).toBe(slug);
  });

  it('every table-of-contents link points at a heading the document has', () => {
    const md = generateDesignDoc(smallProjectDocument(), { projectName: 'Shop' });
    const anchors = new Set(md.split('\n').filter((l) => /^#{2,4} /.test(l)).map((l) => githubSlug(l.replace(/^#+ /, ''))));
    const links = [...tableOfContents().matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
    expect(links).toHaveLength(TEMPLATE_HEADINGS.length - 1);
    for (const link of links) expect(anchors).toContain(link);
  });
});

describe('front matter', () => {
  it('the title carries the project name, escaped', () => {
    expect(titleLine({ projectName: 'Shop' })).toBe('# Database Design Document: Shop');
    expect(titleLine({})).toBe('# Database Design Document');
    const hostile = titleLine({ projectName: '<img src=x onerror=alert(1)> *bold* [x](javascript:alert(1))' });
    const html = marked.parse(hostile, { async: false });
    expect(html).not.toMatch(/<img|<em>|<a /);
  });

  it('lists status, version, date and people; a draft without people says so', () => {
    const doc = smallProjectDocument();
    expect(metadataTable(doc, { versionName: 'v1.2', date: '2026-12-04' })).toContain('| Status | In review |');
    const bare = { ...doc, governance: undefined };
    const table = metadataTable(bare, {});
    expect(table).toContain('| Status | Draft |');
    expect(table).toContain('| Authors | not named yet |');
    expect(table).not.toContain('Version');
    expect(table).not.toContain('Date');
  });

  it('an approval names the reviewer, the day and the version; after a change it says the design needs a new review', () => {
    const doc = applyCommand(smallProjectDocument(), { type: 'governance.approve', reviewer: 'Grace Hopper', at: '2026-12-04T10:00:00Z', versionName: 'v1.2' }).doc;
    expect(metadataTable(doc, {})).toContain('| Status | Approved by Grace Hopper on 2026-12-04 for version v1.2 |');
    const changed = applyCommand(doc, { type: 'table.update', tableId: 't_orders', changes: { comment: 'changed' } }).doc;
    expect(metadataTable(changed, {})).toContain('| Status | Draft (approved by Grace Hopper on 2026-12-04; the design changed since, so it needs a new review) |');
  });

  it('renders as Markdown with no raw HTML, also for hostile names', () => {
    const doc = { ...hostileNamesDocument(), governance: { authors: ['<script>alert(1)</script>'], reviewers: ['a | b'] } };
    const html = marked.parse(frontMatter(doc, { versionName: '<b>v</b>' }), { async: false });
    expect(html).not.toMatch(/<script|<b>/);
    expect(html).toContain('a | b');
  });
});

/**
 * The single-file HTML's pure parts: GitHub anchors, safe links, the page shell, and the DOM-free
 * rendering the CLI writes, over generated documents with hostile names and narratives. The app's
 * path (DOMPurify + mermaid SVG) is tested in components/design-doc/export-html.test.ts and e2e.
 */
import { describe, expect, it } from 'vitest';
import { hostileNamesDocument } from '../model/fixtures/hostile-names';
import { narrativeSectionKeys } from '../model/document';
import { generateDesignDoc } from './generate-design-doc';
import { smallProjectDocument } from './small-project.fixture';
import { TEMPLATE_HEADINGS } from './template';
import { githubSlug } from './front-matter';
import { createSlugger, designDocBodyHtml, designDocHtmlPage, designDocHtmlWithoutDom, designDocTitle, escapeHtml, EXPORT_CSP, htmlToText, isEmbeddedRaster, isSafeLink } from './html-export';

const HOSTILE = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=1"><circle r=1 /></svg>',
  '<iframe src="https://evil.example/"></iframe>',
  '<a href="javascript:window.__pwned=1">click</a>',
  '[click](javascript:window.__pwned=1) [tab](java\tscript:alert(1)) [data](data:text/html,<script>alert(1)</script>)',
  '![remote](https://evil.example/track.png) ![svg](data:image/svg+xml;base64,PHN2Zz4=)',
  '<style>body{display:none}</style><link rel="stylesheet" href="https://evil.example/x.css">',
  '"><script>alert(1)</script> \'" onmouseover="alert(1)',
].join('\n\n');

/** Tags and attributes a page made without a DOM may contain: what marked writes for GFM, nothing else. */
const ALLOWED_TAGS = new Set(['!doctype', 'html', 'head', 'meta', 'title', 'style', 'body', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'a', 'em', 'strong', 'del', 'code', 'pre', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'blockquote', 'hr', 'br', 'input', 'img']);
const ALLOWED_ATTRS = new Set(['lang', 'charset', 'http-equiv', 'content', 'name', 'id', 'href', 'title', 'class', 'align', 'start', 'type', 'checked', 'disabled', 'src', 'alt']);

function tagsOf(html: string): Array<{ name: string; attrs: string[]; raw: string }> {
  return [...html.matchAll(/<(!?[a-z][a-z0-9-]*)\b([^>]*)>/gi)].map((m) => ({
    name: m[1].toLowerCase(),
    attrs: [...m[2].matchAll(/([^\s=/"']+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/g)].map((a) => a[1].toLowerCase()).filter((a) => a !== 'html'),
    raw: m[0],
  }));
}

function expectOnlySafeMarkup(html: string) {
  for (const tag of tagsOf(html)) {
    expect(ALLOWED_TAGS.has(tag.name), `unexpected tag ${tag.raw}`).toBe(true);
    for (const a of tag.attrs) expect(ALLOWED_ATTRS.has(a), `unexpected attribute ${a} in ${tag.raw}`).toBe(true);
    if (tag.name === 'img') expect(tag.raw).toMatch(/src="data:image\/(png|jpe?g|gif|webp);base64,/);
  }
  for (const m of html.matchAll(/href="([^"]*)"/g)) expect(isSafeLink(m[1].replace(/&amp;/g, '&')), m[0]).toBe(true);
  // As text ("&lt;script&gt;", "javascript:") it is harmless; as markup it must not exist.
  expect(html).not.toMatch(/<script|<iframe|<svg|<link|<style(?! *>[\s\S]*?:root)/i);
}

/** Every in-page link (`href="#x"`) has an element with that id. */
function danglingAnchors(html: string): string[] {
  const ids = new Set([...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]));
  return [...html.matchAll(/href="#([^"]*)"/g)].map((m) => m[1]).filter((id) => !ids.has(id));
}

describe('createSlugger: GitHub heading anchors', () => {
  it('as GitHub writes them', () => {
    const slug = createSlugger();
    expect(slug('Backup & Recovery')).toBe('backup--recovery');
    expect(slug('Monitoring & Maintenance')).toBe('monitoring--maintenance');
    expect(slug('Data Architecture')).toBe('data-architecture');
    expect(slug('order_items (orders)')).toBe('order_items-orders');
    expect(slug('Café — Überblick 2026!')).toBe('café--überblick-2026');
    expect(slug('<script>alert(1)</script>')).toBe('scriptalert1script');
  });
  it('numbers repeats in order, as GitHub does', () => {
    const slug = createSlugger();
    expect(['Purpose', 'Purpose', 'Purpose-1', 'Purpose'].map(slug)).toEqual(['purpose', 'purpose-1', 'purpose-1-1', 'purpose-2']);
  });
  it('gives every template heading its GitHub anchor', () => {
    const slug = createSlugger();
    const html = designDocBodyHtml(TEMPLATE_HEADINGS.map((h) => `${'#'.repeat(h.level)} ${h.text}`).join('\n\n'), { rawHtml: 'escape' });
    for (const h of TEMPLATE_HEADINGS) expect(html).toContain(`<h${h.level} id="${slug(h.text)}">${escapeHtml(h.text)}</h${h.level}>`);
  });
});

describe('links and images', () => {
  it('keeps http(s), mailto, anchors and relative links only', () => {
    for (const ok of ['https://x.example/a?b=1', 'http://x', 'mailto:a@b.c', '#security', 'docs/a.md', '../b']) expect(isSafeLink(ok), ok).toBe(true);
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd']) expect(isSafeLink(bad), bad).toBe(false);
  });
  it('shows only embedded rasters; other images become links, never fetched', () => {
    expect(isEmbeddedRaster('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    expect(isEmbeddedRaster('data:image/svg+xml;base64,PHN2Zz4=')).toBe(false);
    const html = designDocBodyHtml('![chart](https://cdn.example/c.png) ![dot](data:image/png;base64,iVBORw0KGgo=)', { rawHtml: 'keep' });
    expect(html).toContain('<a href="https://cdn.example/c.png" class="image-link">chart</a>');
    expect(html).toContain('<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">');
  });
});

describe('designDocHtmlPage', () => {
  it('is one self-contained page: CSP allowing nothing to load or run, embedded CSS, escaped title', () => {
    const page = designDocHtmlPage({ title: '<script>alert(1)</script> & co', bodyHtml: '<p>x</p>' });
    expect(page.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">`);
    expect(EXPORT_CSP).toMatch(/default-src 'none'/);
    expect(EXPORT_CSP).toMatch(/script-src 'none'/);
    expect(page).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</title>');
    expect(page).toMatch(/<style>[\s\S]*@media print[\s\S]*<\/style>/);
    expect(page).not.toMatch(/<script|<link|\bsrc=|url\(/i);
  });
  it('takes its title from the first heading, as text', () => {
    expect(designDocTitle('# Shop \\<db\\> `v2`\n\n## A')).toBe('Shop <db> v2');
    expect(designDocTitle('no heading')).toBe('Database Design Document');
  });
  it('htmlToText decodes entities and drops tags', () => {
    expect(htmlToText('<code>a&lt;b</code> &amp; &#39;c&#x27; &bogus;')).toBe("a<b & 'c' &bogus;");
  });
});

describe('the DOM-free page (CLI) over generated documents', () => {
  it('the small project: every template heading with its anchor, mermaid as source with a note, no dangling in-page link', () => {
    const md = generateDesignDoc(smallProjectDocument(), { dialect: 'postgres' });
    const html = designDocHtmlWithoutDom(md);
    const slug = createSlugger();
    for (const h of TEMPLATE_HEADINGS) expect(html).toMatch(new RegExp(`<h${h.level} id="${slug(h.text)}(-\\d+)?">`));
    const diagrams = (md.match(/^```mermaid$/gm) ?? []).length;
    expect(diagrams).toBeGreaterThan(0);
    expect((html.match(/<pre><code class="language-mermaid">/g) ?? []).length).toBe(diagrams);
    expect((html.match(/class="diagram-note"/g) ?? []).length).toBe(diagrams);
    // The front matter's table of contents: a link to every template section, each resolving.
    for (const h of TEMPLATE_HEADINGS.filter((x) => x.level > 1)) expect(html).toContain(`href="#${githubSlug(h.text)}"`);
    expect(danglingAnchors(html)).toEqual([]);
    expectOnlySafeMarkup(html);
  });

  it('hostile names and narratives: no script, no raw HTML, no unsafe link, in either dialect', () => {
    const doc = hostileNamesDocument();
    for (const key of narrativeSectionKeys) doc.design.narrative[key] = `${HOSTILE}\n\n## ${HOSTILE.split('\n')[0]}`;
    const t = Object.values(doc.tables)[0];
    t.comment = HOSTILE;
    t.columns[0].comment = HOSTILE;
    for (const dialect of ['postgres', 'mysql'] as const) {
      const html = designDocHtmlWithoutDom(generateDesignDoc(doc, { dialect }));
      expectOnlySafeMarkup(html);
      // The narrative's raw HTML shows as text.
      expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
      expect(danglingAnchors(html)).toEqual([]);
    }
  });

  it('escapes raw HTML even inside tables, headings and lists', () => {
    const html = designDocBodyHtml(`# <b onclick=x>T</b>\n\n| a |\n|---|\n| <img src=x onerror=y> |\n\n- <details open ontoggle=z>`, { rawHtml: 'escape' });
    expectOnlySafeMarkup(html);
    expect(html).toContain('&lt;img src=x onerror=y&gt;');
  });
});

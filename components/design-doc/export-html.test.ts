// @vitest-environment jsdom
/**
 * The app's single-file HTML (export-html.ts) with mermaid stubbed (jsdom cannot lay out a diagram;
 * the real diagrams are drawn in e2e/design-doc-export.spec.ts): raw HTML in the Markdown is
 * sanitised as the preview does, nothing in the file could load or run, every mermaid block becomes a
 * labelled SVG figure that was sanitised again, and the TOC's anchors resolve.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const rendered: string[] = [];
let nextSvg = (id: string) => `<svg id="${id}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="graphics-document document" aria-roledescription="er"><style>#${id}{fill:#333}</style><rect width="10" height="10"/><text>users</text></svg>`;
vi.mock('./render-markdown', () => ({
  loadMermaid: async () => ({
    render: async (id: string, text: string) => {
      rendered.push(text);
      if (text.includes('BROKEN')) throw new Error('Parse error on line 1');
      return { svg: nextSvg(id) };
    },
  }),
}));

const { buildDesignDocHtml, sanitizeExportHtml } = await import('./export-html');

const HOSTILE = `<script>window.__pwned=1</script>
<img src=x onerror="window.__pwned=1"> <img src="https://evil.example/t.png" alt="tracker">
<svg onload="window.__pwned=1"><circle r=1 /></svg>
<iframe src="https://evil.example/"></iframe><object data="https://evil.example/o"></object>
<a href="javascript:window.__pwned=1">js link</a> <a href="https://ok.example/">ok link</a>
<style>body{display:none}</style><link rel="stylesheet" href="https://evil.example/x.css">
<video src="https://evil.example/v.mp4" poster="https://evil.example/p.png"></video>
<p style="background:url(https://evil.example/bg)" onclick="x()">styled</p>
<form action="https://evil.example/"><input name="q"><button>go</button></form>
<details><summary>More</summary>kept</details>`;

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Everything in the file that could run script or fetch something. */
function activeParts(doc: Document): string[] {
  const found: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'iframe', 'object', 'embed', 'link', 'video', 'audio', 'source', 'form', 'base'].includes(tag) || (tag === 'input' && !el.hasAttribute('disabled'))) found.push(`<${tag}>`);
    for (const a of Array.from(el.attributes)) {
      if (/^on/i.test(a.name)) found.push(`${tag}[${a.name}]`);
      if (['src', 'href', 'xlink:href', 'action', 'poster', 'srcset', 'data'].includes(a.name) && !(a.name === 'src' && a.value.startsWith('data:image/png')) && /^\s*(javascript|data|vbscript):/i.test(a.value)) found.push(`${tag}[${a.name}=${a.value}]`);
      if (a.name === 'src' && !a.value.startsWith('data:')) found.push(`${tag}[src=${a.value}]`);
      if (a.name === 'style' && el.closest('svg') === null) found.push(`${tag}[style]`);
    }
  }
  return found;
}

beforeEach(() => {
  rendered.length = 0;
});

describe('sanitizeExportHtml', () => {
  it('drops scripts, handlers, frames, media, styles and forms; keeps GitHub-safe HTML and ids such as "title"', () => {
    const out = sanitizeExportHtml(`${HOSTILE}<h2 id="title">Title</h2><h2 id="location">Location</h2>`);
    expect(activeParts(parse(out))).toEqual([]);
    // An image that would be fetched becomes a link (or its text); a task-list box stays.
    expect(out).toContain('<a href="https://evil.example/t.png" class="image-link">tracker</a>');
    expect(sanitizeExportHtml('<ul><li><input type="checkbox" checked="" disabled=""> done</li></ul>')).toContain('<input type="checkbox" checked="" disabled="">');
    expect(out).toContain('<details><summary>More</summary>kept</details>');
    expect(out).toContain('<a href="https://ok.example/">ok link</a>');
    expect(out).toContain('id="title"');
    expect(out).toContain('id="location"');
    expect(out).not.toMatch(/<style|<svg/);
  });
});

describe('buildDesignDocHtml', () => {
  const md = `# Shop \\<db\\>

## Contents

- [Data Architecture](#data-architecture)
- [Backup & Recovery](#backup--recovery)

## Data Architecture

### Conceptual Model

\`\`\`mermaid
erDiagram
  users { bigint id }
\`\`\`

### Security

${HOSTILE}

\`\`\`mermaid
BROKEN
\`\`\`

## Backup & Recovery

Daily.
`;

  it('one safe page: diagrams as labelled SVG figures, raw HTML sanitised, remote images as links, anchors resolve', async () => {
    nextSvg = (id) => `<svg id="${id}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="graphics-document document" aria-roledescription="er"><style>#${id}{fill:#333}</style><rect width="10" height="10"/><text>users</text><script>window.__pwned=1</script><a href="javascript:x()"><text>l</text></a><image href="https://evil.example/i.png"/><foreignObject><img src=x onerror="window.__pwned=1"></foreignObject></svg>`;
    const out = await buildDesignDocHtml(md);
    expect(out.title).toBe('Shop <db>');
    expect(out.diagrams).toBe(1);
    expect(out.diagramErrors).toBe(1);
    expect(rendered).toEqual(['erDiagram\n  users { bigint id }\n', 'BROKEN\n']);
    const doc = parse(out.html);
    expect(doc.title).toBe('Shop <db>');
    expect(activeParts(doc)).toEqual([]);
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toMatch(/default-src 'none'/);
    // The diagram: an inline SVG figure, named, sanitised again.
    const figures = doc.querySelectorAll('figure.diagram > svg');
    expect(figures).toHaveLength(1);
    expect(figures[0].getAttribute('role')).toBe('img');
    expect(figures[0].getAttribute('aria-label')).toBe('Diagram 1: Conceptual Model');
    expect(figures[0].querySelector('rect, text')).not.toBeNull();
    expect(figures[0].querySelector('script, a, image, img')).toBeNull();
    // The failed one: its source stays, after a note.
    expect(doc.querySelector('.diagram-error')?.textContent).toMatch(/^Diagram 2: Security could not be drawn: Parse error on line 1/);
    expect(doc.querySelectorAll('pre > code.language-mermaid')).toHaveLength(1);
    // A remote image becomes a link; the narrative's safe HTML stays.
    expect(doc.querySelector('a.image-link')?.getAttribute('href')).toBe('https://evil.example/t.png');
    expect(doc.querySelector('details summary')?.textContent).toBe('More');
    // GitHub's anchors: every in-page link resolves.
    const links = Array.from(doc.querySelectorAll('a[href^="#"]')).map((a) => a.getAttribute('href')!.slice(1));
    expect(links).toEqual(['data-architecture', 'backup--recovery']);
    for (const id of links) expect(doc.getElementById(id), id).not.toBeNull();
  });
});

// @vitest-environment jsdom
/**
 * The second sanitiser, on mermaid's output: what mermaid might let through (its advisories) must not
 * survive, and what an ER diagram is made of must. The diagram-level payloads (through mermaid, in a
 * real browser, under the CSP) are in e2e/security-xss.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { sanitizeDiagramSvg } from './sanitize-svg';

/** The shape of mermaid 11's ER output: <style>, markers, paths, foreignObject HTML labels, text. */
const ER_SVG = `<svg id="d1" width="100%" xmlns="http://www.w3.org/2000/svg" class="erDiagram" style="max-width: 400px;" viewBox="0 0 400 300" role="graphics-document document" aria-roledescription="er" xmlns:xlink="http://www.w3.org/1999/xlink"><style>#d1{font-family:"trebuchet ms",verdana,arial,sans-serif;font-size:16px;fill:#333;}#d1 .entityBox{fill:#ECECFF;stroke:#9370DB;}</style><g><defs><marker id="d1_er-zeroOrMoreStart" class="marker zeroOrMore er" refX="18" refY="18" markerWidth="50" markerHeight="36" orient="auto"><circle stroke="gray" fill="white" cx="48" cy="18" r="6"></circle><path d="M0,18 Q18,0 36,18 Q18,36 0,18"></path></marker></defs><g class="root"><g class="edgePaths"><path d="M10,10L100,100" id="edge1" class="edge-thickness-normal" style="" marker-start="url(#d1_er-zeroOrMoreStart)"></path></g><g class="nodes"><g class="node default" id="entity-users-0" transform="translate(100, 50)"><rect class="basic label-container" x="-50" y="-20" width="100" height="40"></rect><g class="label name" transform="translate(-20, -10)"><foreignObject width="40" height="24"><div xmlns="http://www.w3.org/1999/xhtml" style="display: table-cell; white-space: nowrap;"><span class="nodeLabel"><p>users</p></span></div></foreignObject></g><text class="er entityLabel" x="0" y="0" dominant-baseline="middle" text-anchor="middle">orders</text></g></g></g></g></svg>`;

function parsed(html: string): Element {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  return holder;
}

describe('sanitizeDiagramSvg', () => {
  it('keeps what an ER diagram is made of', () => {
    const out = parsed(sanitizeDiagramSvg(ER_SVG));
    expect(out.querySelector('svg')?.getAttribute('viewBox')).toBe('0 0 400 300');
    expect(out.querySelector('svg > style')?.textContent).toContain('.entityBox{fill:#ECECFF');
    expect(out.querySelector('marker#d1_er-zeroOrMoreStart circle')).not.toBeNull();
    expect(out.querySelector('path[marker-start="url(#d1_er-zeroOrMoreStart)"]')).not.toBeNull();
    expect(out.querySelector('foreignObject div span.nodeLabel p')?.textContent).toBe('users');
    expect(out.querySelector('text.entityLabel')?.getAttribute('dominant-baseline')).toBe('middle');
    expect(out.querySelector('g.node')?.getAttribute('transform')).toBe('translate(100, 50)');
  });

  // What mermaid has let through before, or could: each wrapped the way it would arrive.
  const label = (html: string) => ER_SVG.replace('<p>users</p>', html);
  it.each([
    ['<img onerror> in a foreignObject label (the architecture-beta advisory)', label('<img src=x onerror="window.__pwned=1">')],
    ['<script> in a label', label('<script>window.__pwned=1</script>')],
    ['<svg><script> in the SVG', ER_SVG.replace('<g class="root">', '<script>window.__pwned=1</script><g class="root">')],
    ['event handler attribute on a shape', ER_SVG.replace('<rect class', '<rect onmouseover="window.__pwned=1" onload="window.__pwned=1" class')],
    ['javascript: link around a node', ER_SVG.replace('<g class="nodes">', '<g class="nodes"><a href="javascript:window.__pwned=1"><text>x</text></a>')],
    ['xlink:href javascript: link', ER_SVG.replace('<g class="nodes">', '<g class="nodes"><a xlink:href="javascript:window.__pwned=1"><text>x</text></a>')],
    ['<set> writing href (SVG animation)', ER_SVG.replace('<g class="nodes">', '<g class="nodes"><a><set attributeName="href" to="javascript:window.__pwned=1"/><text>x</text></a>')],
    ['<animate> writing href', ER_SVG.replace('<g class="nodes">', '<g class="nodes"><a><animate attributeName="href" values="javascript:window.__pwned=1"/><text>x</text></a>')],
    ['<iframe srcdoc> in a label', label('<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>')],
    ['<object data> in a label', label('<object data="javascript:window.__pwned=1"></object>')],
    ['<embed> in a label', label('<embed src="javascript:window.__pwned=1">')],
    ['<form action> in a label', label('<form action="javascript:window.__pwned=1"><button>go</button></form>')],
    ['<use href> to an external document', ER_SVG.replace('<g class="nodes">', '<g class="nodes"><use href="data:image/svg+xml,<svg id=x onload=window.__pwned=1/>#x"/>')],
    ['<image href> (external request)', ER_SVG.replace('<g class="nodes">', '<g class="nodes"><image href="https://evil.example/track.png"/>')],
    ['<meta http-equiv refresh> in a label', label('<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">')],
    ['<base href> in a label', label('<base href="https://evil.example/">')],
    ['<math> namespace confusion', label('<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1">')],
  ])('%s: removed', (_name, svg) => {
    const out = sanitizeDiagramSvg(svg);
    expect(out).not.toMatch(/__pwned|javascript:|evil\.example/);
    const el = parsed(out);
    expect(el.querySelectorAll('script, iframe, object, embed, form, img, image, use, a, set, animate, meta, base')).toHaveLength(0);
    const handlers = Array.from(el.querySelectorAll('*')).flatMap((n) => Array.from(n.attributes).filter((a) => /^on/i.test(a.name)));
    expect(handlers).toEqual([]);
    // The diagram itself survives the cleaning.
    expect(el.querySelector('svg marker')).not.toBeNull();
  });
});

/**
 * The single-file HTML of DATABASE_DESIGN.md, for reviewers without GitHub (issue 16, Exports): the
 * pure parts. Markdown -> HTML as GitHub renders it (GFM, headings with GitHub's anchor ids so the
 * table of contents resolves), and the page around it: embedded print-friendly CSS, a CSP that lets
 * nothing load or run, no script, no external resource.
 *
 * Two callers:
 * - the app (components/design-doc/export-html.ts) keeps raw HTML (`rawHtml: 'keep'`) and sanitises
 *   the result with DOMPurify, as its preview and GitHub do, then draws the mermaid blocks as SVG;
 * - the CLI (`draftbase export --to html`) has no DOM, so it escapes raw HTML (shown as text, never
 *   parsed) and leaves the diagrams as their mermaid source with a note.
 * Either way links keep only safe schemes and images become links unless they are embedded rasters,
 * so the file never fetches anything when opened.
 */
import { Marked, type Tokens } from 'marked';
import { githubSlug } from './front-matter';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** The text content of an HTML fragment (tags dropped, entities decoded): what a heading reads as. */
export function htmlToText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * GitHub's heading anchors (github-slugger): lower case, everything but letters, marks, digits,
 * `_`, `-` and spaces removed, spaces become `-`; a repeated slug gets `-1`, `-2`, ... in order.
 * "Backup & Recovery" -> `backup--recovery`, as GitHub links it.
 */
export function createSlugger(): (text: string) => string {
  const seen = new Map<string, number>();
  return (text: string) => {
    // One anchor rule for the whole document: the table of contents links with the same function.
    const base = githubSlug(text);
    let slug = base;
    while (seen.has(slug)) {
      const n = seen.get(base)! + 1;
      seen.set(base, n);
      slug = `${base}-${n}`;
    }
    seen.set(slug, 0);
    return slug;
  };
}

/** http(s), mailto, in-page anchors and scheme-less (relative) references; never javascript:, data:, vbscript:, file: ... */
export function isSafeLink(href: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme (`java\tscript:`).
  const cleaned = href.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  return !scheme || ['http', 'https', 'mailto'].includes(scheme[1].toLowerCase());
}

/** An image the file may show without fetching anything: an embedded raster (never SVG: it can carry script). */
export function isEmbeddedRaster(src: string): boolean {
  return /^data:image\/(png|jpe?g|gif|webp);base64,[a-z0-9+/=\s]*$/i.test(src.trim());
}

export interface DesignDocHtmlOptions {
  /**
   * Raw HTML in the Markdown (a narrative may hold some): `keep` it for a sanitiser that runs next
   * (the app: DOMPurify), or `escape` it so it shows as text (no DOM to sanitise with: the CLI).
   */
  rawHtml: 'keep' | 'escape';
  /** Put a note before each mermaid block (when nothing will draw it). */
  diagramNote?: string;
}

/** Markdown -> HTML (the body): GFM, GitHub anchor ids, safe links, no image fetched. */
export function designDocBodyHtml(markdown: string, options: DesignDocHtmlOptions): string {
  const slug = createSlugger();
  const marked = new Marked({ gfm: true, async: false });
  marked.use({
    renderer: {
      heading(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, { tokens, depth }: Tokens.Heading) {
        const inner = this.parser.parseInline(tokens);
        return `<h${depth} id="${escapeHtml(slug(htmlToText(inner).trim()))}">${inner}</h${depth}>\n`;
      },
      link(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, { href, title, tokens }: Tokens.Link) {
        const inner = this.parser.parseInline(tokens);
        if (!isSafeLink(href)) return inner;
        return `<a href="${escapeHtml(href)}"${title ? ` title="${escapeHtml(title)}"` : ''}>${inner}</a>`;
      },
      image({ href, title, text }: Tokens.Image) {
        if (isEmbeddedRaster(href)) return `<img src="${escapeHtml(href.trim())}" alt="${escapeHtml(text)}"${title ? ` title="${escapeHtml(title)}"` : ''}>`;
        // Opening the file must not fetch anything: an external image becomes a link to it.
        const label = escapeHtml(text || href);
        return isSafeLink(href) ? `<a href="${escapeHtml(href)}" class="image-link">${label}</a>` : label;
      },
      ...(options.rawHtml === 'escape' ? { html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text) } : {}),
      ...(options.diagramNote
        ? {
            code: ({ text, lang }: Tokens.Code) =>
              lang === 'mermaid' ? `<p class="diagram-note">${escapeHtml(options.diagramNote!)}</p>\n<pre><code class="language-mermaid">${escapeHtml(text)}\n</code></pre>\n` : false,
          }
        : {}),
    },
  });
  return marked.parse(markdown, { async: false });
}

/** The document's title: its first level-1 heading as text (the project's, once front matter names it). */
export function designDocTitle(markdown: string): string {
  const m = /^# +(.+?)\s*#*\s*$/m.exec(markdown);
  if (!m) return 'Database Design Document';
  // The heading is Markdown: drop its escapes and inline markup for the <title>.
  return htmlToText(new Marked({ gfm: true, async: false }).parseInline(m[1], { async: false }) as string).trim() || 'Database Design Document';
}

/**
 * What the file allows itself: inline styles and embedded images, nothing else (no script, no
 * fetch, no form, no frame, no base). The last line if a sanitiser missed something.
 */
export const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src 'none'; script-src 'none'; connect-src 'none'; frame-src 'none'; object-src 'none'; form-action 'none'; base-uri 'none'";

/** GitHub-like typography, readable on screen and on paper (A4, page breaks kept out of tables' rows and figures). */
export const DESIGN_DOC_CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #fff; color: #1f2328; font: 15px/1.55 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 32px 40px 64px; }
h1, h2, h3, h4, h5, h6 { margin: 1.5em 0 0.6em; line-height: 1.25; font-weight: 600; }
h1 { font-size: 2em; padding-bottom: 0.3em; border-bottom: 1px solid #d1d9e0; }
h2 { font-size: 1.5em; padding-bottom: 0.3em; border-bottom: 1px solid #d1d9e0; }
h3 { font-size: 1.25em; }
h4 { font-size: 1em; }
h5, h6 { font-size: 0.9em; }
p, ul, ol, blockquote, table, pre, figure { margin: 0 0 1em; }
ul, ol { padding-left: 2em; }
blockquote { margin-left: 0; padding: 0 1em; color: #59636e; border-left: 0.25em solid #d1d9e0; }
a { color: #0969da; }
code { font: 0.85em/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #eff1f3; padding: 0.2em 0.4em; border-radius: 6px; }
pre { background: #f6f8fa; padding: 16px; border-radius: 6px; overflow: auto; }
pre code { background: none; padding: 0; white-space: pre-wrap; word-break: break-word; }
table { border-collapse: collapse; display: block; max-width: 100%; overflow: auto; font-size: 0.9em; }
th, td { border: 1px solid #d1d9e0; padding: 6px 12px; vertical-align: top; text-align: left; }
th { background: #f6f8fa; font-weight: 600; }
tr:nth-child(2n) td { background: #f6f8fa; }
hr { border: 0; border-top: 1px solid #d1d9e0; margin: 1.5em 0; }
img { max-width: 100%; }
.diagram { margin: 0 0 1em; overflow: auto; }
.diagram svg { max-width: 100%; height: auto; }
.diagram-note { color: #59636e; font-size: 0.9em; font-style: italic; }
.diagram-error { color: #d1242f; font-size: 0.9em; }
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
  table { display: table; font-size: 8.5pt; }
  tr, figure, .diagram { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  pre { white-space: pre-wrap; overflow: visible; }
  .diagram { overflow: visible; }
  .diagram svg { max-height: 245mm; }
}
`;

export interface DesignDocHtmlPage {
  title: string;
  /** The body's HTML: safe already (sanitised by the caller, or made by designDocBodyHtml with rawHtml 'escape'). */
  bodyHtml: string;
  /** Shown in the page's meta generator (e.g. "Draftbase"). */
  generator?: string;
}

/** The whole file: one self-contained HTML page (no script, no external resource). */
export function designDocHtmlPage({ title, bodyHtml, generator = 'Draftbase' }: DesignDocHtmlPage): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${escapeHtml(generator)}">
<title>${escapeHtml(title)}</title>
<style>${DESIGN_DOC_CSS}</style>
</head>
<body>
<main class="markdown-body">
${bodyHtml}
</main>
</body>
</html>
`;
}

/** The CLI's HTML: no DOM, so raw HTML is escaped and the diagrams stay as their mermaid source. */
export const CLI_DIAGRAM_NOTE = 'Diagram (mermaid source): the Design doc tab\'s "Download HTML" and GitHub draw it.';

export function designDocHtmlWithoutDom(markdown: string): string {
  return designDocHtmlPage({ title: designDocTitle(markdown), bodyHtml: designDocBodyHtml(markdown, { rawHtml: 'escape', diagramNote: CLI_DIAGRAM_NOTE }) });
}

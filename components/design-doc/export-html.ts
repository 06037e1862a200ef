/**
 * The single-file HTML of DATABASE_DESIGN.md, built in the browser (the diagrams need a DOM): the
 * Markdown as GitHub renders it (lib/design-doc/html-export.ts: GFM, GitHub anchors), sanitised with
 * DOMPurify as the preview is, every mermaid block drawn as an inline SVG figure (sanitised again by
 * sanitize-svg.ts, `role="img"` with a label so a tagged PDF keeps it as a Figure), in the page shell
 * with its print CSS and a CSP that lets nothing load or run. The same file is what the server prints
 * to PDF (POST /api/design-doc/pdf). Browser only.
 *
 * The work happens in an inert document (document.implementation.createHTMLDocument): nothing parsed
 * there loads or runs, whatever the Markdown held.
 */
import DOMPurify from 'dompurify';
import { designDocBodyHtml, designDocHtmlPage, designDocTitle, isEmbeddedRaster } from '@/lib/design-doc/html-export';
import { loadMermaid } from './render-markdown';
import { sanitizeDiagramSvg } from './sanitize-svg';

export interface DesignDocHtml {
  html: string;
  title: string;
  /** Mermaid blocks drawn as SVG figures. */
  diagrams: number;
  /** Mermaid blocks that failed to render (kept as source with the error). */
  diagramErrors: number;
}

/**
 * As the preview (render-markdown.ts) and GitHub: no style, forms or scripts; for a file that must
 * never fetch anything, no media or frames either, and images only when embedded (others become
 * links); inputs only as GFM task-list boxes (disabled checkboxes). SANITIZE_DOM is off so heading
 * ids such as `title` or `location` (DOM clobbering names) stay: the file runs no script that could
 * be confused by them, and the table of contents must resolve.
 */
export function sanitizeExportHtml(html: string): string {
  const clean = DOMPurify.sanitize(html, {
    USE_PROFILES: { html: true },
    FORBID_TAGS: ['style', 'form', 'button', 'textarea', 'select', 'video', 'audio', 'source', 'track', 'picture', 'iframe', 'frame', 'object', 'embed', 'link', 'meta', 'base', 'svg', 'math'],
    FORBID_ATTR: ['style', 'srcset', 'poster', 'background', 'ping', 'action', 'formaction'],
    SANITIZE_DOM: false,
  });
  const root = document.implementation.createHTMLDocument('').createElement('div');
  root.innerHTML = clean;
  unfetchImages(root);
  for (const input of Array.from(root.querySelectorAll('input'))) {
    if (!(input.getAttribute('type') === 'checkbox' && input.hasAttribute('disabled'))) input.remove();
  }
  return root.innerHTML;
}

/** Raw-HTML images DOMPurify kept (`<img src="https://...">`) become links: the file fetches nothing. */
function unfetchImages(root: HTMLElement): void {
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const src = img.getAttribute('src') ?? '';
    if (isEmbeddedRaster(src)) continue;
    const doc = root.ownerDocument;
    const label = img.getAttribute('alt') || src || 'image';
    if (/^https?:/i.test(src.trim())) {
      const a = doc.createElement('a');
      a.href = src.trim();
      a.className = 'image-link';
      a.textContent = label;
      img.replaceWith(a);
    } else {
      img.replaceWith(doc.createTextNode(label));
    }
  }
}

/** The nearest heading before `el`, as text (names a diagram for screen readers and the PDF). */
function headingBefore(el: Element): string {
  let node: Element | null = el;
  while (node && node.parentElement) {
    let sibling = node.previousElementSibling;
    while (sibling) {
      if (/^H[1-6]$/.test(sibling.tagName)) return sibling.textContent?.trim() ?? '';
      sibling = sibling.previousElementSibling;
    }
    node = node.parentElement;
  }
  return '';
}

let exportCount = 0;

export async function buildDesignDocHtml(markdown: string): Promise<DesignDocHtml> {
  const safe = sanitizeExportHtml(designDocBodyHtml(markdown, { rawHtml: 'keep' }));
  const inert = document.implementation.createHTMLDocument('');
  const root = inert.createElement('main');
  root.innerHTML = safe;

  let diagrams = 0;
  let diagramErrors = 0;
  const blocks = Array.from(root.querySelectorAll('pre > code.language-mermaid'));
  const mermaid = blocks.length ? await loadMermaid() : undefined;
  for (const [i, code] of blocks.entries()) {
    const pre = code.parentElement!;
    const source = code.textContent ?? '';
    const label = `Diagram ${i + 1}${headingBefore(pre) ? `: ${headingBefore(pre)}` : ''}`;
    try {
      const { svg } = await mermaid!.render(`design-doc-export-${++exportCount}`, source);
      const figure = inert.createElement('figure');
      figure.className = 'diagram';
      figure.innerHTML = sanitizeDiagramSvg(svg);
      const drawn = figure.querySelector('svg');
      if (!drawn) throw new Error('mermaid returned no SVG');
      // An image with a name: read as one by screen readers, kept as a Figure in a tagged PDF.
      drawn.setAttribute('role', 'img');
      drawn.setAttribute('aria-label', label);
      drawn.removeAttribute('aria-roledescription');
      pre.replaceWith(figure);
      diagrams++;
    } catch (err) {
      const note = inert.createElement('p');
      note.className = 'diagram-error';
      note.textContent = `${label} could not be drawn: ${err instanceof Error ? err.message : String(err)}. Its mermaid source follows.`;
      pre.before(note);
      diagramErrors++;
    }
  }
  const title = designDocTitle(markdown);
  return { html: designDocHtmlPage({ title, bodyHtml: root.innerHTML }), title, diagrams, diagramErrors };
}

/** `DATABASE_DESIGN` plus the extension; the title is the project's, not needed in the name. */
export const DESIGN_DOC_BASENAME = 'DATABASE_DESIGN';

/**
 * Markdown -> safe HTML for the design-doc preview, close to how GitHub shows it: marked (GFM), then
 * DOMPurify (no script, no event handlers, no javascript: URLs). Mermaid blocks stay as
 * `<pre><code class="language-mermaid">` and are turned into diagrams by `renderMermaidBlocks`, whose
 * SVG is sanitised too (sanitize-svg.ts). The page's Content-Security-Policy (proxy.ts) is the last
 * line: no inline script or event handler runs even if both sanitisers missed one.
 * Browser only (DOMPurify needs a DOM).
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { sanitizeDiagramSvg } from './sanitize-svg';

export function markdownToSafeHtml(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true });
  // As on GitHub: no <style> or style="" (a narrative must not restyle the app around it) and no
  // forms (a document must not ask for input or submit anything). Task-list checkboxes (<input
  // disabled>) stay: without a form they go nowhere.
  return DOMPurify.sanitize(html, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'button', 'textarea', 'select'], FORBID_ATTR: ['style'] });
}

type MermaidApi = (typeof import('mermaid'))['default'];
let mermaidReady: Promise<MermaidApi> | undefined;

/** mermaid, loaded on first use, with GitHub's safety: strict security level, no auto start. */
export function loadMermaid(options: { maxTextSize?: number } = {}): Promise<MermaidApi> {
  mermaidReady ??= import('mermaid').then((m) => m.default);
  return mermaidReady.then((mermaid) => {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      // SVG text labels (no foreignObject), so the SVG can be drawn on a canvas for PNG export.
      htmlLabels: false,
      // Settings a diagram's own `%%{init: …}%%` may not change (mermaid drops them, at any depth):
      // mermaid's defaults, plus its DOMPurify settings, raw CSS and HTML labels.
      secure: ['secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'suppressErrorRendering', 'maxEdges', 'dompurifyConfig', 'themeCSS', 'htmlLabels'],
      er: { useMaxWidth: false },
      // GitHub's limit for documents; raised only for whole-diagram image export.
      maxTextSize: options.maxTextSize ?? 50_000,
    });
    return mermaid;
  });
}

let renderCount = 0;

/** Replaces every mermaid code block under `root` by its SVG (or an error note); stops when `isStale()`. */
export async function renderMermaidBlocks(root: HTMLElement, isStale: () => boolean): Promise<void> {
  const blocks = Array.from(root.querySelectorAll('pre > code.language-mermaid'));
  if (blocks.length === 0) return;
  const mermaid = await loadMermaid();
  for (const code of blocks) {
    if (isStale()) return;
    const pre = code.parentElement;
    if (!pre) continue;
    const holder = document.createElement('div');
    holder.className = 'design-doc-mermaid overflow-auto';
    try {
      const { svg } = await mermaid.render(`design-doc-mermaid-${++renderCount}`, code.textContent ?? '');
      holder.innerHTML = sanitizeDiagramSvg(svg);
    } catch (err) {
      holder.textContent = `Diagram error: ${err instanceof Error ? err.message : String(err)}`;
      holder.className = 'design-doc-mermaid text-xs text-red-600';
    }
    if (isStale()) return;
    pre.replaceWith(holder);
  }
}

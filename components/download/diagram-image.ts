/**
 * The whole diagram as an image, independent of the canvas viewport: the mermaid ER diagram of every
 * table (mermaid.render draws the whole diagram), as SVG text, or as PNG by drawing that SVG on a
 * canvas. Browser only.
 */
import { generateMermaid } from '@/lib/mermaid/generate-mermaid';
import type { Dialect, SchemaDocument } from '@/lib/model/document';
import { loadMermaid } from '@/components/design-doc/render-markdown';
import { sanitizeDiagramSvg } from '@/components/design-doc/sanitize-svg';

/** Mermaid's own limit is raised for this render: a file download is not subject to GitHub's. */
const IMAGE_MAX_TEXT = 20_000_000;
let imageCount = 0;

export async function diagramSvg(doc: SchemaDocument, dialect: Dialect): Promise<string> {
  const mermaid = await loadMermaid({ maxTextSize: IMAGE_MAX_TEXT });
  try {
    const { svg } = await mermaid.render(`draftbase-diagram-image-${++imageCount}`, generateMermaid(doc, { dialect }));
    // The file may be opened in a browser on its own (file:, no CSP): nothing in it may run.
    return standaloneSvg(sanitizeDiagramSvg(svg));
  } finally {
    await loadMermaid(); // back to the document limit for previews
  }
}

/**
 * Mermaid returns SVG meant for an HTML page (HTML-style `<br>`, sizes from CSS). A file or an <img>
 * needs well-formed XML with the namespace and explicit width/height: parse it as HTML, size it from
 * its viewBox, and serialize it as XML.
 */
function standaloneSvg(svg: string): string {
  const parsed = new DOMParser().parseFromString(svg, 'text/html');
  const el = parsed.querySelector('svg');
  if (!el) throw new Error('mermaid returned no SVG');
  const { width, height } = svgSize(svg);
  el.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  el.setAttribute('width', String(width));
  el.setAttribute('height', String(height));
  el.removeAttribute('style');
  return new XMLSerializer().serializeToString(el);
}

/** Width and height of an SVG from its viewBox (mermaid sets one), else the fallback. */
function svgSize(svg: string): { width: number; height: number } {
  const m = svg.match(/viewBox="[-\d.]+\s+[-\d.]+\s+([\d.]+)\s+([\d.]+)"/);
  return m ? { width: Math.ceil(Number(m[1])), height: Math.ceil(Number(m[2])) } : { width: 1200, height: 800 };
}

/** Browsers cap canvas area (~268 M pixels in Chrome) and side (~32,767 px): scale down to fit. */
const MAX_SIDE = 16_000;
const MAX_AREA = 120_000_000;

export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const { width, height } = svgSize(svg);
  let s = scale;
  s = Math.min(s, MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_AREA / (width * height)));
  // A data: URL, not a blob: URL: Chrome taints the canvas for blob-URL SVGs holding foreignObject
  // (mermaid's ER labels), and a tainted canvas cannot be exported (the technique html-to-image uses).
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  const img = new Image();
  img.decoding = 'async';
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error('the diagram SVG could not be loaded as an image'));
    img.src = url;
  });
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * s));
  canvas.height = Math.max(1, Math.round(height * s));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas context');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

/** Saves a Blob under `fileName` through a temporary link. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

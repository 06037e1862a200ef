/**
 * Mermaid's SVG carries document text (table, column and label names, narrative diagrams), so it is
 * sanitised again here before it enters the page or a file, whatever mermaid did: a mermaid release
 * once let HTML in architecture-beta labels through (`service s("<img src=x onerror=...>")`).
 * What an ER diagram needs stays: SVG shapes, markers, its own <style>, and the HTML labels mermaid
 * puts in <foreignObject>. What can run or navigate goes: scripts, event handlers, links, animation
 * of attributes (<set>/<animate> can write `href`), frames, forms, external images. Browser only.
 */
import DOMPurify from 'dompurify';

const FORBIDDEN_TAGS = ['script', 'a', 'iframe', 'frame', 'object', 'embed', 'form', 'input', 'button', 'textarea', 'select', 'img', 'image', 'video', 'audio', 'animate', 'animateMotion', 'animateTransform', 'set', 'meta', 'link', 'base'];

export function sanitizeDiagramSvg(svg: string): string {
  return DOMPurify.sanitize(svg, {
    USE_PROFILES: { svg: true, svgFilters: true, html: true },
    // Labels: <foreignObject><div xmlns="http://www.w3.org/1999/xhtml">…</div></foreignObject>.
    ADD_TAGS: ['foreignObject'],
    HTML_INTEGRATION_POINTS: { foreignobject: true },
    ADD_ATTR: ['dominant-baseline'],
    FORBID_TAGS: FORBIDDEN_TAGS,
    FORBID_ATTR: ['href', 'xlink:href', 'action', 'formaction'],
  });
}

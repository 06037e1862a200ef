/**
 * The architect's Markdown, made safe to embed in one section of the document without breaking the
 * document's structure: an unclosed code fence is closed (it would swallow every later heading), and
 * headings become level 5 or deeper (template headings use levels 1-4, so a `#` line in a narrative
 * can never pose as a template section).
 * Everything else (including inline HTML) is kept: it is the architect's own Markdown, and renderers
 * (GitHub, the app's preview with DOMPurify) sanitize HTML.
 */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?=[ \t]|$)/;

export function embedNarrative(markdownText: string): string {
  const lines = markdownText.replace(/\r\n?/g, '\n').split('\n');
  let open: string | undefined;
  const minLevel = 5;
  const out = lines.map((line) => {
    const fence = line.match(FENCE);
    if (fence) {
      const marker = fence[1];
      if (open === undefined) open = marker;
      else if (marker[0] === open[0] && marker.length >= open.length && line.trim() === marker) open = undefined;
      return line;
    }
    if (open !== undefined) return line;
    const h = line.match(ATX);
    if (h && h[1].length < minLevel) return line.replace(h[1], '#'.repeat(minLevel));
    return line;
  });
  if (open !== undefined) out.push(open);
  return out.join('\n').trim();
}

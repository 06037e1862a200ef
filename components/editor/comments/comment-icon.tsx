/** A speech bubble (inline SVG: emoji glyphs are missing on some systems' fonts). */
export const COMMENT_ICON_PATH = 'M2 3.5A1.5 1.5 0 0 1 3.5 2h9A1.5 1.5 0 0 1 14 3.5v6a1.5 1.5 0 0 1-1.5 1.5H7l-3 3v-3h-.5A1.5 1.5 0 0 1 2 9.5z';

export function CommentIcon({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" className={className} style={{ display: 'inline-block', verticalAlign: '-0.125em' }}>
      <path d={COMMENT_ICON_PATH} fill="currentColor" />
    </svg>
  );
}

/** The same icon built with DOM calls, for markers added to already rendered HTML (no markup parsed). */
export function commentIconElement(): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '1em');
  svg.setAttribute('height', '1em');
  svg.setAttribute('aria-hidden', 'true');
  svg.style.display = 'inline-block';
  svg.style.verticalAlign = '-0.125em';
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', COMMENT_ICON_PATH);
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}

/**
 * A comment body cut into what the editor shows: plain text, highlighted mentions of members, and
 * http(s) links. Nothing else in a body means anything: HTML, Markdown and every other URL scheme
 * (`javascript:`, `data:`, ...) stay text. The renderer puts each segment in the page as text (React
 * escapes it) and keeps line breaks with CSS.
 */
import { findMentions } from './mentions';

export type BodySegment =
  | { kind: 'text'; text: string }
  | { kind: 'mention'; text: string; userId: string; name: string }
  | { kind: 'link'; text: string; href: string };

/** Candidates only: each is then checked with the URL parser (http/https, a host). */
const URL_CANDIDATE = /\bhttps?:\/\/[^\s<>"'`]+/gi;

/** Punctuation a sentence puts after a link; `)` only when unbalanced (Wikipedia links keep theirs). */
function trimTrailing(url: string): string {
  let u = url;
  for (;;) {
    const last = u[u.length - 1];
    if (/[.,;:!?*_~]/.test(last)) u = u.slice(0, -1);
    else if (last === ')' && (u.match(/\(/g)?.length ?? 0) < (u.match(/\)/g)?.length ?? 0)) u = u.slice(0, -1);
    else return u;
  }
}

/** The link's href when `text` is an http(s) URL with a host, else undefined. */
export function safeHref(text: string): string | undefined {
  try {
    const u = new URL(text);
    if ((u.protocol !== 'http:' && u.protocol !== 'https:') || !u.hostname) return undefined;
    return u.href;
  } catch {
    return undefined;
  }
}

function linkSegments(text: string): BodySegment[] {
  const out: BodySegment[] = [];
  let at = 0;
  for (const m of text.matchAll(URL_CANDIDATE)) {
    const start = m.index ?? 0;
    // "xhttps://" is not a link start (\b allows it after a non-word character only, as here).
    const url = trimTrailing(m[0]);
    const href = safeHref(url);
    if (!href) continue;
    if (start > at) out.push({ kind: 'text', text: text.slice(at, start) });
    out.push({ kind: 'link', text: url, href });
    at = start + url.length;
  }
  if (at < text.length) out.push({ kind: 'text', text: text.slice(at) });
  return out;
}

/** Segments of `body`; `mentions` are the members the server resolved when the comment was written. */
export function bodySegments(body: string, mentions: readonly { userId: string; name: string; handle: string }[] = []): BodySegment[] {
  const spans = findMentions(
    body,
    mentions.map((m) => ({ userId: m.userId, name: m.handle })),
  );
  const names = new Map(mentions.map((m) => [m.userId, m.name]));
  const out: BodySegment[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start > at) out.push(...linkSegments(body.slice(at, s.start)));
    out.push({ kind: 'mention', text: body.slice(s.start, s.end), userId: s.userId, name: names.get(s.userId) ?? s.handle });
    at = s.end;
  }
  if (at < body.length) out.push(...linkSegments(body.slice(at)));
  return out;
}

/**
 * The `?next=` return path of /sign-in and /setup: only a path on this site, so a link cannot use the
 * sign-in page to send someone elsewhere after they sign in (an open redirect). Anything else is `/`.
 */

export function safeNextPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return '/';
  // One leading slash, then not a second slash or a backslash (`//evil.example`, `/\evil.example` are
  // other hosts to a browser), and no control characters or whitespace a browser would strip.
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f\u007f\s\\]/.test(value)) return '/';
  try {
    const url = new URL(value, 'http://draftbase.invalid');
    if (url.origin !== 'http://draftbase.invalid') return '/';
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return '/';
  }
}

/** `/sign-in?next=<path>` for the page a signed-out person asked for. */
export function signInPath(next: string): string {
  const safe = safeNextPath(next);
  return safe === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(safe)}`;
}

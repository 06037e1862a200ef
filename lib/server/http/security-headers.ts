/**
 * The security headers of every response (set by proxy.ts) and the Content-Security-Policy of pages.
 *
 * Pages: scripts only from this origin, carrying the per-request nonce (Next.js puts it on its own
 * inline RSC payload scripts and bundles when it finds it in the request's CSP header), plus the one
 * inline script of our own, the theme bootstrap, allowed by its hash. So a document that smuggles
 * markup into the page (Markdown, mermaid SVG, a name) cannot run script even if a sanitiser missed
 * it. Everything else (API answers, downloads) gets a policy that allows nothing at all.
 */
import 'server-only';
import { createHash } from 'node:crypto';

/**
 * Applies a stored theme choice (components/editor/theme.ts) before first paint, so pages do not
 * flash the system theme first. app/layout.tsx inlines it; the CSP allows exactly this text by hash.
 */
export const THEME_BOOTSTRAP_SCRIPT = `try{var t=localStorage.getItem('draftbase-theme');if(t==='light'||t==='dark'){document.documentElement.setAttribute('data-theme',t);if(t==='dark')document.documentElement.classList.add('dark')}}catch(e){}`;

export const THEME_BOOTSTRAP_HASH = `'sha256-${createHash('sha256').update(THEME_BOOTSTRAP_SCRIPT, 'utf8').digest('base64')}'`;

/** On every response: pages, API, downloads, static files. */
export const COMMON_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // No MIME sniffing: an exported .sql/.md/.mmd (user text) is never run as script or HTML.
  'X-Content-Type-Options': 'nosniff',
  // For browsers without CSP frame-ancestors: the editor must not be framed (clickjacking).
  'X-Frame-Options': 'DENY',
  // Full URLs (project ids) to this origin only. Not `no-referrer`: with it a browser sends
  // `Origin: null` on form POSTs, which the same-origin check would have to trust or refuse blindly.
  'Referrer-Policy': 'same-origin',
  // Other sites may neither embed our responses (no-cors <img>/<script> reads) nor script our window.
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** API answers and downloads are data, never a document: nothing may load or run if one is opened. */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox";

/** A fresh nonce per page request (128 random bits, base64). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Where a page may open the live-session WebSocket (issue 19): the public sync URL when one is set,
 * else the page's own host on DRAFTBASE_COLLAB_PORT (default 3001); nothing when live editing is off.
 */
export function collabConnectSources(host: string | null, env: Record<string, string | undefined> = process.env): string[] {
  if (/^(off|0|false)$/i.test(env.DRAFTBASE_COLLAB?.trim() ?? '')) return [];
  const publicUrl = env.DRAFTBASE_COLLAB_PUBLIC_URL?.trim();
  if (publicUrl) {
    try {
      const u = new URL(publicUrl);
      return u.protocol === 'ws:' || u.protocol === 'wss:' ? [`${u.protocol}//${u.host}`] : [];
    } catch {
      return [];
    }
  }
  const port = env.DRAFTBASE_COLLAB_PORT?.trim() || '3001';
  if (!/^\d{1,5}$/.test(port) || !host) return [];
  let hostname: string;
  try {
    hostname = new URL(`http://${host}`).hostname;
  } catch {
    return [];
  }
  return [`ws://${hostname}:${port}`, `wss://${hostname}:${port}`];
}

export function pageContentSecurityPolicy(nonce: string, options: { dev?: boolean; connect?: readonly string[] } = {}): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    // No 'strict-dynamic' (which Next's guide shows): it would let any script element created at
    // run time execute, inline or from anywhere, if some library could be made to create one from
    // document text. Next's chunks are files of this origin ('self'); its inline scripts carry the
    // nonce. In development React reconstructs server error stacks with eval (never in production).
    // 'wasm-unsafe-eval' lets WebAssembly compile (PostgreSQL's parser, for expression diagnostics
    // and renames) and nothing else: JavaScript eval and Function stay refused.
    'script-src': ["'self'", `'nonce-${nonce}'`, THEME_BOOTSTRAP_HASH, "'wasm-unsafe-eval'", ...(options.dev ? ["'unsafe-eval'"] : [])],
    // 'unsafe-inline' for styles, because of mermaid (measured with a report-only `style-src 'self'
    // 'nonce-…'`: the project list and the editor canvas raise no violation, one ER diagram in the
    // Design doc preview raises 258): it writes <style> elements and style="" attributes while it
    // lays out and into its SVG, none of which can carry a nonce. Styles cannot run script, and
    // img-src/font-src/connect-src keep a style from loading anything off-site.
    'style-src': ["'self'", "'unsafe-inline'"],
    // data: for the PNG export (the SVG drawn through an <img>), blob: for downloads shown as images.
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(options.connect ?? [])],
    // Layout, DDL and save workers are bundled files of this origin (measured: no blob: workers).
    'worker-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'self'"],
    'frame-src': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/**
 * Pages get the page policy; `/api/*` the nothing-allowed one; `/_next/*` (our own bundles) none,
 * because a worker takes its policy from its script's response: the save worker must fetch.
 */
export function responseKind(pathname: string): 'page' | 'api' | 'asset' {
  if (pathname === '/api' || pathname.startsWith('/api/')) return 'api';
  if (pathname.startsWith('/_next/')) return 'asset';
  return 'page';
}

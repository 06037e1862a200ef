/**
 * Which requests the server answers at all (run by proxy.ts before any route or page):
 *
 * - Host: only configured names (localhost, 127.0.0.1 and [::1] on any port, plus
 *   DRAFTBASE_ALLOWED_HOSTS). A DNS-rebinding page reaches this server under its own name
 *   (`Host: evil.example:3000`), so refusing unknown names stops it from reading projects or
 *   driving live import, on pages, static files and the API alike.
 * - Mutating requests (anything but GET/HEAD/OPTIONS) must come from the app itself: a browser
 *   says where a request comes from (`Origin`, `Sec-Fetch-Site`), and both must say "this origin".
 *   Those with a body (POST/PUT/PATCH) must also declare `Content-Type: application/json`, which no
 *   cross-site form or "simple" request can send without a CORS preflight (never granted here).
 *
 * Pure Web APIs only, so the rules are tested without a server (request-policy.test.ts).
 */
import 'server-only';

export interface HostRule {
  /** Lower-case host name, IPv6 in brackets (`[::1]`). */
  hostname: string;
  /** A port the rule is limited to; absent = any port. */
  port?: string;
}

export interface Refusal {
  status: number;
  code: string;
  message: string;
}

/** Loopback names: a browser only sends these when the user opened the app on this machine. */
export const DEFAULT_ALLOWED_HOSTS: readonly HostRule[] = [{ hostname: 'localhost' }, { hostname: '127.0.0.1' }, { hostname: '[::1]' }];

export const ALLOWED_HOSTS_ENV = 'DRAFTBASE_ALLOWED_HOSTS';

/** Methods that change state. GET/HEAD must not; OPTIONS only ever answers a preflight (never granted). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `name`, `name:port`, `[v6]`, `[v6]:port`: nothing else may appear in a Host header. */
const HOST_SYNTAX = /^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::(\d{1,5}))?$/i;

/**
 * A Host header (or an allowlist entry) as hostname + port, canonicalised the way a browser writes
 * it (lower case, IPv4 in dotted form, IPv6 compressed); undefined when it is not a host.
 */
export function parseHost(value: string | null | undefined): { hostname: string; port: string } | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  const m = HOST_SYNTAX.exec(text);
  if (!m) return undefined;
  try {
    const url = new URL(`http://${m[1]}`);
    return { hostname: url.hostname, port: m[2] ?? '' };
  } catch {
    return undefined;
  }
}

const rulesCache = new Map<string, HostRule[]>();

/**
 * The allowlist: the loopback names plus DRAFTBASE_ALLOWED_HOSTS (comma- or space-separated
 * `name` or `name:port`). An entry that is not a host name is a configuration error (thrown), so a
 * typo does not silently lock everyone out or in.
 */
export function allowedHostRules(env: Record<string, string | undefined> = process.env): HostRule[] {
  const raw = env[ALLOWED_HOSTS_ENV]?.trim() ?? '';
  const cached = rulesCache.get(raw);
  if (cached) return cached;
  const rules: HostRule[] = [...DEFAULT_ALLOWED_HOSTS];
  for (const entry of raw.split(/[\s,]+/).filter(Boolean)) {
    const host = parseHost(entry);
    if (!host) throw new Error(`${ALLOWED_HOSTS_ENV}: "${entry}" is not a host name (expected e.g. draftbase.example.com or draftbase.example.com:8443)`);
    rules.push(host.port ? host : { hostname: host.hostname });
  }
  rulesCache.set(raw, rules);
  return rules;
}

export function hostAllowed(host: string | null | undefined, rules: readonly HostRule[]): boolean {
  const h = parseHost(host);
  if (!h) return false;
  return rules.some((r) => r.hostname === h.hostname && (r.port === undefined || r.port === h.port));
}

/** Does `Origin` name the host the request was sent to (same name, same port)? */
function sameOriginAsHost(origin: string, host: string): boolean {
  if (origin === 'null') return false;
  const h = parseHost(host);
  if (!h) return false;
  try {
    const o = new URL(origin);
    if (o.protocol !== 'http:' && o.protocol !== 'https:') return false;
    // The scheme is not compared: behind a TLS-terminating proxy the server sees http while the
    // page is https. The name and port are what a cross-site page cannot forge.
    return o.hostname === h.hostname && o.port === h.port;
  } catch {
    return false;
  }
}

/** The media type of a Content-Type header, without parameters (`; charset=utf-8`), lower case. */
function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * The routes whose body is a file's bytes, and the one media type each takes instead of JSON. Not a
 * "simple" type either: a cross-site page cannot send it without a preflight (never granted).
 */
const BINARY_BODY_ROUTES: Readonly<Record<string, string>> = { '/api/import/sqlite': 'application/vnd.sqlite3' };

function bodyTypeAccepted(req: Request): boolean {
  const type = mediaType(req.headers.get('content-type'));
  if (type === 'application/json') return true;
  let path: string;
  try {
    path = new URL(req.url).pathname;
  } catch {
    return false;
  }
  return BINARY_BODY_ROUTES[path] === type;
}

/** Header values echoed in a message, cut short (they are the client's own, but need not be long). */
const clip = (s: string) => (s.length > 100 ? `${s.slice(0, 100)}…` : s);

/**
 * Why the server must not answer `req`, or undefined when it may. The order matters for the answer
 * only: a foreign Host (421) before a foreign origin (403) before a wrong body type (415).
 */
export function refuseRequest(req: Request, rules: readonly HostRule[]): Refusal | undefined {
  const host = req.headers.get('host');
  if (!hostAllowed(host, rules)) {
    return {
      status: 421,
      code: 'host_not_allowed',
      message: `This server does not answer for the host "${clip(host ?? '')}". Open it as localhost or 127.0.0.1, or add the name to ${ALLOWED_HOSTS_ENV}.`,
    };
  }
  const method = req.method.toUpperCase();
  if (SAFE_METHODS.has(method)) return undefined;

  const site = req.headers.get('sec-fetch-site');
  const origin = req.headers.get('origin');
  // A browser sends Origin with every POST/PUT/PATCH/DELETE (and Sec-Fetch-Site on https and
  // localhost). A request with neither comes from a program (the CLI, curl, a script) that a web
  // page cannot drive, and that reached an allowed Host: it is let through.
  if ((site !== null && site !== 'same-origin') || (origin !== null && !sameOriginAsHost(origin, host!))) {
    return {
      status: 403,
      code: 'cross_origin_request',
      message: `Changes are accepted only from the Draftbase app itself (this request came from ${clip(origin ?? `a ${site} page`)}).`,
    };
  }
  // Every route that takes a body takes JSON (an SQLite upload: its own type, BINARY_BODY_ROUTES). DELETE takes none (and, like PUT and PATCH, is never a
  // "simple" request: a cross-site page cannot send it without a preflight this server never grants).
  if (method !== 'DELETE' && !bodyTypeAccepted(req)) {
    return {
      status: 415,
      code: 'unsupported_media_type',
      message: `The request body must be JSON (Content-Type: application/json), not "${clip(req.headers.get('content-type') ?? 'none')}".`,
    };
  }
  return undefined;
}

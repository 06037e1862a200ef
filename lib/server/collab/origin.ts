/**
 * Which pages may open a live-session WebSocket. Browsers always send Origin on a WebSocket and a
 * page cannot forge it; cookies are not what authenticates here (the ticket is), but a hostile page
 * must still not be able to join with a ticket it somehow holds, nor probe the server.
 *
 * Allowed: no Origin at all (not a browser: the CLI, tests, another server); the origins in
 * DRAFTBASE_ORIGIN (comma-separated) and DRAFTBASE_URL and the server's own list; loopback hosts on any
 * port in solo mode (the app and its sync server on this machine); and, when no origin is configured,
 * a page on the same host name as the sync server (the app on its port, the sync server on another).
 */
import 'server-only';
import { authMode } from '../auth/mode';

type Env = Record<string, string | undefined>;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

function originOf(value: string): string | undefined {
  try {
    return new URL(value.trim()).origin;
  } catch {
    return undefined;
  }
}

/** The host name of a Host header (`example.com:3001`, `[::1]:3001`). */
function hostnameOf(host: string): string | undefined {
  try {
    return new URL(`http://${host.trim()}`).hostname;
  } catch {
    return undefined;
  }
}

export function configuredOrigins(env: Env = process.env, extra: readonly string[] = []): Set<string> {
  const values = [...(env.DRAFTBASE_ORIGIN ?? '').split(','), env.DRAFTBASE_URL ?? '', ...extra];
  return new Set(values.filter((v) => v.trim()).map(originOf).filter((o): o is string => !!o && o !== 'null'));
}

export function allowedOrigin(origin: string | string[] | undefined, host: string | string[] | undefined, extra: readonly string[] = [], env: Env = process.env): boolean {
  if (Array.isArray(origin)) return false;
  if (origin === undefined || origin === '') return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // `null` (sandboxed frames, file://) and garbage
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const configured = configuredOrigins(env, extra);
  if (configured.has(url.origin)) return true;
  let solo = false;
  try {
    solo = authMode(env) === 'solo';
  } catch {
    solo = false;
  }
  if (solo && LOOPBACK.has(url.hostname)) return true;
  if (configured.size === 0 && typeof host === 'string') {
    const own = hostnameOf(host);
    return !!own && own === url.hostname;
  }
  return false;
}

/**
 * The app's public URL (DRAFTBASE_URL), when the operator set it: Better Auth's base URL (OIDC
 * redirects) and whether cookies are Secure. Unset, each request's own address is used.
 */
import 'server-only';

type Env = Record<string, string | undefined>;

export function appUrl(env: Env = process.env): string | undefined {
  const raw = env.DRAFTBASE_URL?.trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`DRAFTBASE_URL is not a URL: ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('DRAFTBASE_URL must be an http:// or https:// URL.');
  return url.origin;
}

/** Secure cookies (and their `__Secure-` name prefix) when the app is served over https. */
export function secureCookies(env: Env = process.env): boolean {
  return appUrl(env)?.startsWith('https://') ?? false;
}

/**
 * The optional OpenID Connect provider (one), configured by environment:
 * DRAFTBASE_OIDC_ISSUER (the issuer URL; its /.well-known/openid-configuration is read),
 * DRAFTBASE_OIDC_CLIENT_ID, DRAFTBASE_OIDC_CLIENT_SECRET and DRAFTBASE_OIDC_LABEL (the button's text).
 * The redirect URL to register at the provider is <app URL>/api/auth/callback/oidc (Better Auth's
 * generic OAuth plugin registers it as a social provider: POST /api/auth/sign-in/social {provider: 'oidc'}).
 */
import 'server-only';

export const OIDC_PROVIDER_ID = 'oidc';

export interface OidcConfig {
  discoveryUrl: string;
  clientId: string;
  clientSecret: string;
  label: string;
}

type Env = Record<string, string | undefined>;

/** The provider, undefined when none is configured; throws when it is half configured. */
export function oidcConfig(env: Env = process.env): OidcConfig | undefined {
  const issuer = env.DRAFTBASE_OIDC_ISSUER?.trim();
  const clientId = env.DRAFTBASE_OIDC_CLIENT_ID?.trim();
  const clientSecret = env.DRAFTBASE_OIDC_CLIENT_SECRET?.trim();
  if (!issuer && !clientId && !clientSecret) return undefined;
  if (!issuer || !clientId || !clientSecret) {
    throw new Error('OpenID Connect sign-in needs DRAFTBASE_OIDC_ISSUER, DRAFTBASE_OIDC_CLIENT_ID and DRAFTBASE_OIDC_CLIENT_SECRET together.');
  }
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new Error(`DRAFTBASE_OIDC_ISSUER is not a URL: ${JSON.stringify(issuer)}`);
  }
  if (url.protocol !== 'https:' && !['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) {
    throw new Error('DRAFTBASE_OIDC_ISSUER must be an https:// URL.');
  }
  const discoveryUrl = issuer.includes('/.well-known/') ? issuer : `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  return { discoveryUrl, clientId, clientSecret, label: env.DRAFTBASE_OIDC_LABEL?.trim() || 'Single sign-on' };
}

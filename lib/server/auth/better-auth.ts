/**
 * The one Better Auth instance of this process (team mode): accounts, sessions and sign-in.
 *
 * Why Better Auth (issue 18 asks for a well-kept library): it keeps sessions in the app's own
 * database through its Prisma adapter, with email + password, which is what team mode needs: a
 * revoked session or a signed-out user is refused on the very next request. Auth.js's credentials
 * provider only supports JWT sessions, which cannot be revoked before they expire. Better Auth also
 * brings an adaptive password hash (scrypt), rate limiting, generic OpenID Connect with discovery,
 * and database hooks where our sign-up rule (signup-gate.ts) is enforced for every way an account can
 * be created.
 *
 * Settings that matter for security, and why:
 * - session.cookieCache OFF: every request reads the session row, so sign-out and revocation take
 *   effect on the next request (a cached session cookie would stay valid for minutes).
 * - cookies httpOnly, SameSite=Lax, Secure when the app URL (DRAFTBASE_URL) is https; named
 *   `draftbase.session_token` (`__Secure-` prefixed when Secure), see session-cookie.ts.
 * - origin check ON even under vitest (Better Auth skips it in tests by default): cookie-carrying
 *   POSTs must name a trusted origin, on top of proxy.ts's same-origin policy.
 * - rate limit ON in every environment, keyed on the address client-address.ts derives.
 * - telemetry OFF (the server must not call out).
 */
import 'server-only';
import { betterAuth } from 'better-auth/minimal';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import { getDatabase, type Database } from '../db/client';
import { appUrl, secureCookies } from './app-url';
import { resolveAuthSecret } from './auth-secret';
import { CLIENT_ADDRESS_HEADER } from './client-address';
import { OIDC_PROVIDER_ID, oidcConfig } from './oidc-config';
import { SESSION_COOKIE_PREFIX } from './session-cookie';
import { assertSignUpAllowed, type SignUpContext } from './signup-gate';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;
export const AUTH_BASE_PATH = '/api/auth';

type Env = Record<string, string | undefined>;

function createAuth(db: Database, secret: string, env: Env) {
  const oidc = oidcConfig(env);
  return betterAuth({
    appName: 'Draftbase',
    secret,
    baseURL: appUrl(env),
    basePath: AUTH_BASE_PATH,
    database: prismaAdapter(db.prisma, { provider: db.config.provider === 'postgres' ? 'postgresql' : 'sqlite' }),
    emailAndPassword: { enabled: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: MAX_PASSWORD_LENGTH, autoSignIn: true },
    session: { cookieCache: { enabled: false } },
    rateLimit: {
      enabled: true,
      storage: 'memory',
      window: 60,
      max: 200,
      // Looser than Better Auth's 3 per 10 s: without a trusted proxy every client shares one address,
      // and throttle.ts already locks accounts after repeated failures.
      customRules: { '/sign-in/*': { window: 60, max: 30 }, '/sign-up/*': { window: 60, max: 10 } },
    },
    advanced: {
      cookiePrefix: SESSION_COOKIE_PREFIX,
      useSecureCookies: secureCookies(env),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
      disableOriginCheck: false,
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    databaseHooks: {
      user: {
        create: {
          before: async (user, ctx) => {
            await assertSignUpAllowed(db.prisma, user.email, ctx as SignUpContext | null);
          },
        },
      },
    },
    plugins: oidc
      ? [
          genericOAuth({
            config: [
              {
                providerId: OIDC_PROVIDER_ID,
                discoveryUrl: oidc.discoveryUrl,
                clientId: oidc.clientId,
                clientSecret: oidc.clientSecret,
                scopes: ['openid', 'email', 'profile'],
                pkce: true,
              },
            ],
          }),
        ]
      : [],
    telemetry: { enabled: false },
    logger: {
      level: 'warn',
      // Messages only: Better Auth's extra arguments can carry request details we do not want in logs.
      log: (level, message) => (level === 'error' ? console.error : console.warn)(`[draftbase auth] ${message}`),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

// One instance per database handle (tests switch DATABASE_URL between suites); on globalThis so
// `next dev` module reloads reuse it.
const state = globalThis as typeof globalThis & { __draftbaseAuth?: { db: Database; auth: Promise<Auth> } };

/** The process's Better Auth, built lazily on the process's database. */
export async function getAuth(): Promise<Auth> {
  const db = await getDatabase();
  if (state.__draftbaseAuth?.db === db) return state.__draftbaseAuth.auth;
  const auth = resolveAuthSecret(db.prisma).then((secret) => createAuth(db, secret, process.env));
  auth.catch(() => {
    if (state.__draftbaseAuth?.auth === auth) state.__draftbaseAuth = undefined;
  });
  state.__draftbaseAuth = { db, auth };
  return auth;
}

/**
 * Sign-in through OpenID Connect against a small provider on 127.0.0.1 (discovery, token, userinfo):
 * the button's start call, the callback, and the sign-up rule for accounts the callback would create
 * (refused without an invite, created with one carried by the `draftbase_invite` cookie).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { hashToken } from '@/lib/server/auth/access';
import { getDatabase } from '@/lib/server/db/client';
import { useAppDatabase } from '@/lib/server/db/api-suite.test-support';
import { providerCases } from '@/lib/server/db/test-databases';
import { createProject } from '@/lib/server/projects/repository';
import * as authRoute from './[...all]/route';
import * as sessionRoute from '../session/route';
import { createFirstOwner, sameOriginPost } from './team.test-support';

/** The provider's user for the next token exchange. */
let nextUser = { sub: 'u1', email: 'sso@example.com', name: 'Sso User' };

function startProvider(): Promise<{ server: Server; issuer: string }> {
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const json = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/.well-known/openid-configuration') {
      return json({ issuer: base, authorization_endpoint: `${base}/authorize`, token_endpoint: `${base}/token`, userinfo_endpoint: `${base}/userinfo`, response_types_supported: ['code'], id_token_signing_alg_values_supported: ['RS256'] });
    }
    if (req.url === '/token' && req.method === 'POST') return json({ access_token: `at-${randomBytes(4).toString('hex')}`, token_type: 'Bearer', expires_in: 3600 });
    if (req.url === '/userinfo') return json({ ...nextUser, email_verified: true });
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, issuer: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })));
}

const cookiesOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .filter((p) => !p.endsWith('='));

/** The button's POST, then the browser's return to the callback; the callback's answer. */
async function ssoRoundTrip(extraCookie?: string): Promise<Response> {
  const start = await authRoute.POST(sameOriginPost('http://localhost/api/auth/sign-in/social', { provider: 'oidc', callbackURL: '/projects', errorCallbackURL: '/sign-in' }));
  const text = await start.clone().text();
  expect(start.status, text).toBe(200);
  const authorize = new URL(JSON.parse(text).url);
  expect(authorize.pathname).toBe('/authorize');
  expect(authorize.searchParams.get('client_id')).toBe('draftbase-test');
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('redirect_uri')).toBe('http://localhost/api/auth/callback/oidc');
  const cookie = [...cookiesOf(start), ...(extraCookie ? [extraCookie] : [])].join('; ');
  const callback = new URL('http://localhost/api/auth/callback/oidc');
  callback.searchParams.set('code', 'code-1');
  callback.searchParams.set('state', authorize.searchParams.get('state')!);
  return authRoute.GET(new Request(callback, { headers: { host: 'localhost', cookie } }));
}

const OIDC_ENV = ['DRAFTBASE_AUTH', 'DRAFTBASE_OIDC_ISSUER', 'DRAFTBASE_OIDC_CLIENT_ID', 'DRAFTBASE_OIDC_CLIENT_SECRET', 'DRAFTBASE_OIDC_LABEL'] as const;

describe.each(providerCases().filter((p) => p.provider === 'sqlite'))('OpenID Connect sign-in on $provider', ({ create }) => {
  let provider: { server: Server; issuer: string };
  const saved: Record<string, string | undefined> = {};
  beforeAll(async () => {
    provider = await startProvider();
    for (const k of OIDC_ENV) saved[k] = process.env[k];
    Object.assign(process.env, { DRAFTBASE_AUTH: 'on', DRAFTBASE_OIDC_ISSUER: provider.issuer, DRAFTBASE_OIDC_CLIENT_ID: 'draftbase-test', DRAFTBASE_OIDC_CLIENT_SECRET: 'shh', DRAFTBASE_OIDC_LABEL: 'Example SSO' });
  });
  afterAll(async () => {
    for (const k of OIDC_ENV) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    await new Promise((r) => provider.server.close(r));
  });
  const run = useAppDatabase(create);

  run('the session endpoint offers the button; a first SSO sign-in without an invite creates no account', async () => {
    const { prisma } = await getDatabase();
    await createProject(prisma, { name: 'P' });
    await createFirstOwner();
    const info = await (await sessionRoute.GET(new Request('http://localhost/api/session'))).json();
    expect(info.oidc).toEqual({ label: 'Example SSO' });

    nextUser = { sub: 'stranger', email: 'stranger@example.com', name: 'Stranger' };
    const res = await ssoRoundTrip();
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toMatch(/^\/sign-in\?error=SIGN_UP_NOT_ALLOWED&/);
    expect(cookiesOf(res).some((c) => c.startsWith('draftbase.session_token='))).toBe(false);
    expect(await prisma.user.findUnique({ where: { email: 'stranger@example.com' } })).toBeNull();
  });

  run('with an invite for that email in the draftbase_invite cookie, the callback creates the account and signs it in', async () => {
    const { prisma } = await getDatabase();
    const owner = await prisma.user.findFirstOrThrow();
    const project = await prisma.project.findFirstOrThrow();
    const token = randomBytes(32).toString('base64url');
    await prisma.projectInvite.create({ data: { id: 'inv_sso', projectId: project.id, tokenHash: hashToken(token), email: 'sso@example.com', role: 'viewer', createdById: owner.id, expiresAt: new Date(Date.now() + 3_600_000) } });

    nextUser = { sub: 'u1', email: 'sso@example.com', name: 'Sso User' };
    const res = await ssoRoundTrip(`draftbase_invite=${token}`);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/projects');
    const session = cookiesOf(res).find((c) => c.startsWith('draftbase.session_token='));
    expect(session).toBeDefined();
    const info = await (await sessionRoute.GET(new Request('http://localhost/api/session', { headers: { cookie: session! } }))).json();
    expect(info.user).toMatchObject({ email: 'sso@example.com', name: 'Sso User' });

    // The account exists now: the next SSO sign-in needs no invite.
    const again = await ssoRoundTrip();
    expect(again.headers.get('location')).toBe('/projects');
  });
});

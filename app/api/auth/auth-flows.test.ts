/**
 * Team-mode accounts through the real route handlers (Better Auth behind /api/auth, /api/setup,
 * /api/session) on SQLite and, when DATABASE_URL_PG is set, PostgreSQL: first run, invite-only sign-up,
 * sign-in, throttling, session fixation, sign-out revocation, CSRF, and passwords never echoed.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, vi } from 'vitest';
import { hashToken, requireProjectAccess } from '@/lib/server/auth/access';
import { getDatabase } from '@/lib/server/db/client';
import { useAppDatabase } from '@/lib/server/db/api-suite.test-support';
import { providerCases } from '@/lib/server/db/test-databases';
import { HttpError } from '@/lib/server/http/error-response';
import { createProject } from '@/lib/server/projects/repository';
import * as authRoute from './[...all]/route';
import * as sessionRoute from '../session/route';
import * as setupRoute from '../setup/route';

const ORIGIN = 'http://localhost';
const OWNER = { name: 'Olive Owner', email: 'olive@example.com', password: 'correct horse battery' };

interface Opts {
  cookie?: string;
  ip?: string;
  origin?: string | null;
  headers?: Record<string, string>;
}

function post(url: string, body: unknown, opts: Opts = {}): Request {
  const headers: Record<string, string> = { host: 'localhost', 'content-type': 'application/json', ...opts.headers };
  if (opts.origin !== null) headers.origin = opts.origin ?? ORIGIN;
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.ip) headers['x-forwarded-for'] = opts.ip;
  return new Request(url, { method: 'POST', body: JSON.stringify(body), headers });
}

const authPost = (path: string, body: unknown, opts: Opts = {}) => authRoute.POST(post(`${ORIGIN}/api/auth/${path}`, body, opts));
const signIn = (email: string, password: string, opts: Opts = {}) => authPost('sign-in/email', { email, password }, opts);

/** `name=value` of the session cookie a response sets, or undefined. */
function sessionCookie(res: Response): string | undefined {
  for (const c of res.headers.getSetCookie()) {
    const pair = c.split(';')[0];
    if (pair.startsWith('draftbase.session_token=') && pair.length > 'draftbase.session_token='.length) return pair;
  }
  return undefined;
}

/** Every cookie a response sets, as a browser would send them back (so a cookie cache would be used). */
function cookieJar(res: Response): string {
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .filter((pair) => !pair.endsWith('='))
    .join('; ');
}

async function session(cookie?: string) {
  const res = await sessionRoute.GET(new Request(`${ORIGIN}/api/session`, { headers: cookie ? { cookie } : {} }));
  expect(res.status).toBe(200);
  return res.json();
}

let ipCounter = 0;
/** A fresh client address per test, so per-address limits of one test do not spill into the next. */
const freshIp = () => `198.51.100.${++ipCounter}`;

const ENV_KEYS = ['DRAFTBASE_AUTH', 'DRAFTBASE_TRUST_PROXY'] as const;

describe.each(providerCases())('team accounts on $provider', ({ create }) => {
  const saved: Record<string, string | undefined> = {};
  beforeAll(() => {
    for (const k of ENV_KEYS) saved[k] = process.env[k];
    process.env.DRAFTBASE_AUTH = 'on';
    process.env.DRAFTBASE_TRUST_PROXY = '1';
  });
  afterAll(() => {
    for (const k of ENV_KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  });
  const run = useAppDatabase(create);

  // Everything said to or by the server, to prove no password ever appears in it.
  const logged: string[] = [];
  beforeEach(() => {
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        logged.push(args.map((a) => (a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
      });
    }
  });
  afterEach(() => vi.restoreAllMocks());

  let ownerId = '';
  let soloProject = '';
  let ownersProject = '';

  run('first run: GET /api/session says setup is needed; /api/setup creates the owner, signs them in and adopts the memberless projects; a second setup is 409', async () => {
    soloProject = (await createProject((await getDatabase()).prisma, { name: 'Made in solo mode' })).id;
    expect(await session()).toEqual({ mode: 'team', user: null, needsSetup: true, oidc: null });

    const short = await setupRoute.POST(post(`${ORIGIN}/api/setup`, { ...OWNER, password: 'short' }));
    expect(short.status).toBe(400);
    expect(await short.text()).not.toContain('"short"');

    const res = await setupRoute.POST(post(`${ORIGIN}/api/setup`, OWNER, { ip: freshIp() }));
    const text = await res.text();
    expect(res.status, text).toBe(201);
    expect(text).not.toContain(OWNER.password);
    const body = JSON.parse(text);
    expect(body.user).toMatchObject({ name: OWNER.name, email: OWNER.email });
    expect(body.adoptedProjects).toBe(1);
    ownerId = body.user.id;
    const cookie = sessionCookie(res);
    expect(cookie).toBeDefined();
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('draftbase.session_token='))!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    expect(await session(cookie)).toEqual({ mode: 'team', user: { id: ownerId, name: OWNER.name, email: OWNER.email }, needsSetup: false, oidc: null });
    const { prisma } = await getDatabase();
    expect(await prisma.projectMember.findMany({ where: { projectId: soloProject } })).toEqual([expect.objectContaining({ userId: ownerId, role: 'owner' })]);
    // The stored credential is a scrypt hash, not the password.
    const account = await prisma.account.findFirst({ where: { userId: ownerId, providerId: 'credential' } });
    expect(account?.password).toBeTruthy();
    expect(account?.password).not.toContain(OWNER.password);

    const again = await setupRoute.POST(post(`${ORIGIN}/api/setup`, { ...OWNER, email: 'second@example.com' }));
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('already_set_up');
    expect(await session()).toMatchObject({ needsSetup: false, user: null });

    // A project created later by the owner is theirs; one already with members is not re-adopted.
    ownersProject = (await createProject(prisma, { name: 'Owner project' })).id;
    await prisma.projectMember.create({ data: { projectId: ownersProject, userId: ownerId, role: 'owner' } });
  });

  async function invite(email: string, over: { expiresAt?: Date; revokedAt?: Date; acceptedAt?: Date } = {}): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const { prisma } = await getDatabase();
    await prisma.projectInvite.create({
      data: {
        id: `inv_${randomBytes(6).toString('hex')}`,
        projectId: ownersProject,
        tokenHash: hashToken(token),
        email,
        role: 'editor',
        createdById: ownerId,
        expiresAt: over.expiresAt ?? new Date(Date.now() + 86_400_000),
        revokedAt: over.revokedAt,
        acceptedAt: over.acceptedAt,
      },
    });
    return token;
  }

  const signUp = (email: string, extra: Record<string, unknown> = {}, opts: Opts = {}) =>
    authPost('sign-up/email', { name: email.split('@')[0], email, password: 'a long enough password', ...extra }, { ip: freshIp(), ...opts });

  run('sign-up is refused without an invite, and with an invite for another email, expired, revoked or accepted', async () => {
    const { prisma } = await getDatabase();
    const none = await signUp('mallory@example.com');
    expect(none.status).toBe(403);
    expect((await none.json()).message).toMatch(/invitation/);

    const forBob = await invite('bob@example.com');
    expect((await signUp('mallory@example.com', { inviteToken: forBob })).status).toBe(403);
    expect((await signUp('eve@example.com', { inviteToken: await invite('eve@example.com', { expiresAt: new Date(Date.now() - 1000) }) })).status).toBe(403);
    expect((await signUp('rev@example.com', { inviteToken: await invite('rev@example.com', { revokedAt: new Date() }) })).status).toBe(403);
    expect((await signUp('acc@example.com', { inviteToken: await invite('acc@example.com', { acceptedAt: new Date() }) })).status).toBe(403);
    expect((await signUp('junk@example.com', { inviteToken: 'not a token' })).status).toBe(403);
    expect(await prisma.user.count()).toBe(1);
  });

  run('sign-up with a matching invite (body field, header or cookie; email case ignored) creates the account and signs it in', async () => {
    const res = await signUp('Bob@Example.com', { inviteToken: await invite('bob@example.com') });
    const text = await res.text();
    expect(res.status, text).toBe(200);
    expect(text).not.toContain('a long enough password');
    const cookie = sessionCookie(res);
    expect((await session(cookie)).user).toMatchObject({ email: 'bob@example.com' });

    const byHeader = await signUp('carol@example.com', {}, { headers: { 'x-draftbase-invite': await invite('carol@example.com') } });
    expect(byHeader.status).toBe(200);
    const byCookie = await signUp('dave@example.com', {}, { cookie: `draftbase_invite=${await invite('dave@example.com')}` });
    expect(byCookie.status).toBe(200);
  });

  run('sign-in: right password gives a session, a wrong one 401; neither response nor any log line holds the password', async () => {
    const ip = freshIp();
    const wrong = await signIn(OWNER.email, 'not the password at all', { ip });
    expect(wrong.status).toBe(401);
    expect(sessionCookie(wrong)).toBeUndefined();
    const wrongText = await wrong.text();

    const ok = await signIn(OWNER.email, OWNER.password, { ip });
    const okText = await ok.text();
    expect(ok.status, okText).toBe(200);
    const cookie = sessionCookie(ok);
    expect((await session(cookie)).user.id).toBe(ownerId);

    for (const text of [wrongText, okText, ...logged]) {
      expect(text).not.toContain(OWNER.password);
      expect(text).not.toContain('not the password at all');
    }
  });

  run('throttling per account: 5 failures lock the account from every address (429, Retry-After), even with the right password', async () => {
    const email = 'bob@example.com';
    for (let i = 0; i < 5; i++) expect((await signIn(email, `wrong password ${i}`, { ip: freshIp() })).status).toBe(401);
    const locked = await signIn(email, 'a long enough password', { ip: freshIp() });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = await locked.json();
    expect(body.error.code).toBe('too_many_attempts');
    expect(body.error.message).toMatch(/Try again in \d+ minutes?/);
    // No other spelling of the path gets past the lock.
    for (const path of ['sign-in/email/', '/sign-in/email', 'sign-in//email', 'sign-in/%65mail', 'SIGN-IN/Email']) {
      const variant = await authPost(path, { email, password: 'a long enough password' }, { ip: freshIp() });
      expect([404, 429], path).toContain(variant.status);
    }
    // Another account is not affected.
    expect((await signIn('carol@example.com', 'a long enough password', { ip: freshIp() })).status).toBe(200);
  });

  run('a successful sign-in clears the account\'s failures', async () => {
    const email = 'dave@example.com';
    for (let i = 0; i < 4; i++) expect((await signIn(email, 'wrong wrong wrong', { ip: freshIp() })).status).toBe(401);
    expect((await signIn(email, 'a long enough password', { ip: freshIp() })).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await signIn(email, 'wrong wrong wrong', { ip: freshIp() })).status).toBe(401);
    expect((await signIn(email, 'a long enough password', { ip: freshIp() })).status).toBe(200);
  });

  run('throttling per address: 20 failures from one address lock it for every account; other addresses still sign in', async () => {
    const ip = freshIp();
    for (let i = 0; i < 20; i++) expect((await signIn(`nobody${i}@example.com`, 'guess guess guess', { ip })).status).toBe(401);
    const locked = await signIn(OWNER.email, OWNER.password, { ip });
    expect(locked.status).toBe(429);
    expect(locked.headers.get('retry-after')).toBeTruthy();
    expect((await signIn(OWNER.email, OWNER.password, { ip: freshIp() })).status).toBe(200);
  });

  run('Better Auth\'s own rate limit is on: the 11th sign-up attempt a minute from one address gets 429', async () => {
    const ip = freshIp();
    for (let i = 0; i < 10; i++) expect((await signUp(`flood${i}@example.com`, {}, { ip })).status).toBe(403);
    expect((await signUp('flood-last@example.com', {}, { ip })).status).toBe(429);
  });

  run('session fixation: a sign-in never keeps the session cookie the browser brought', async () => {
    const planted = 'draftbase.session_token=attacker-chosen-value.signature';
    const first = await signIn(OWNER.email, OWNER.password, { ip: freshIp(), cookie: planted });
    expect(first.status).toBe(200);
    const a = sessionCookie(first)!;
    expect(a).toBeDefined();
    expect(a).not.toBe(planted);
    const second = await signIn(OWNER.email, OWNER.password, { ip: freshIp(), cookie: a });
    expect(second.status).toBe(200);
    const b = sessionCookie(second)!;
    expect(b).toBeDefined();
    expect(b).not.toBe(a);
  });

  run('sign-out: the old cookie is refused (401) by the access gate on the very next request', async () => {
    const res = await signIn(OWNER.email, OWNER.password, { ip: freshIp() });
    const cookie = cookieJar(res);
    expect(cookie).toContain('draftbase.session_token=');
    const withCookie = () => new Request(`${ORIGIN}/api/projects/${ownersProject}`, { headers: { cookie } });
    await expect(requireProjectAccess(withCookie(), ownersProject, 'manage')).resolves.toMatchObject({ role: 'owner' });

    const out = await authPost('sign-out', {}, { cookie });
    expect(out.status).toBe(200);
    const err = await requireProjectAccess(withCookie(), ownersProject, 'view').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(401);
    expect((await session(cookie)).user).toBeNull();
  });

  run('the browser\'s origin is trusted when Next hands the route a localhost URL for another allowed Host', async () => {
    // `next dev` / `next start` give route handlers http://localhost:<port>/… whatever the Host header said.
    const res = await authRoute.POST(
      new Request('http://localhost:3217/api/auth/sign-in/email', {
        method: 'POST',
        body: JSON.stringify({ email: OWNER.email, password: OWNER.password }),
        headers: { host: '127.0.0.1:3217', origin: 'http://127.0.0.1:3217', 'content-type': 'application/json', 'x-forwarded-for': freshIp() },
      }),
    );
    expect(res.status, await res.clone().text()).toBe(200);
    const cookie = cookieJar(res);
    const out = await authRoute.POST(new Request('http://localhost:3217/api/auth/sign-out', { method: 'POST', body: '{}', headers: { host: '127.0.0.1:3217', origin: 'http://127.0.0.1:3217', 'content-type': 'application/json', cookie } }));
    expect(out.status, await out.clone().text()).toBe(200);
  });

  run('a revoked session (row deleted on another server) is refused on the next request', async () => {
    const cookie = cookieJar(await signIn(OWNER.email, OWNER.password, { ip: freshIp() }));
    expect((await session(cookie)).user).not.toBeNull();
    const { prisma } = await getDatabase();
    await prisma.session.deleteMany({ where: { userId: ownerId } });
    expect((await session(cookie)).user).toBeNull();
  });

  run('CSRF: cross-site sign-in and sign-out POSTs are refused before Better Auth sees them; so are form posts', async () => {
    const cookie = sessionCookie(await signIn(OWNER.email, OWNER.password, { ip: freshIp() }))!;
    const crossIn = await signIn(OWNER.email, OWNER.password, { ip: freshIp(), origin: 'https://evil.example' });
    expect(crossIn.status).toBe(403);
    expect((await crossIn.json()).error.code).toBe('cross_origin_request');
    const crossOut = await authPost('sign-out', {}, { cookie, origin: 'https://evil.example' });
    expect(crossOut.status).toBe(403);
    const site = await authPost('sign-out', {}, { cookie, origin: null, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(site.status).toBe(403);
    expect((await session(cookie)).user).not.toBeNull(); // still signed in: the sign-outs never ran

    const form = await authRoute.POST(
      new Request(`${ORIGIN}/api/auth/sign-in/email`, { method: 'POST', body: `email=${encodeURIComponent(OWNER.email)}&password=x`, headers: { host: 'localhost', 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN } }),
    );
    expect(form.status).toBe(415);
    // A program without Origin but with the cookie is refused by Better Auth's own origin check.
    expect((await authPost('sign-out', {}, { cookie, origin: null })).status).toBe(403);
  });
});

// Solo mode is SQLite only (PostgreSQL is always team mode).
describe.each(providerCases().filter((p) => p.provider === 'sqlite'))('solo mode on $provider', ({ create }) => {
  const saved = process.env.DRAFTBASE_AUTH;
  beforeAll(() => {
    delete process.env.DRAFTBASE_AUTH;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.DRAFTBASE_AUTH;
    else process.env.DRAFTBASE_AUTH = saved;
  });
  const run = useAppDatabase(create);

  run('GET /api/session says solo with nobody signed in; the auth and setup routes answer 404', async () => {
    expect(await session()).toEqual({ mode: 'solo', user: null, needsSetup: false, oidc: null });
    expect((await signIn(OWNER.email, OWNER.password)).status).toBe(404);
    expect((await setupRoute.POST(post(`${ORIGIN}/api/setup`, OWNER))).status).toBe(404);
  });
});

/** proxy.ts in front of the auth routes and pages: cross-site auth POSTs refused, signed-out pages sent to /sign-in. */
import { NextRequest } from 'next/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { proxy } from '@/proxy';

const req = (path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
  new NextRequest(`http://localhost:3000${path}`, { method: init.method ?? 'GET', body: init.body, headers: { host: 'localhost:3000', ...init.headers } });

describe('proxy and team mode', () => {
  const saved = process.env.DRAFTBASE_AUTH;
  beforeEach(() => {
    process.env.DRAFTBASE_AUTH = 'on';
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.DRAFTBASE_AUTH;
    else process.env.DRAFTBASE_AUTH = saved;
  });

  it('refuses cross-site sign-in and sign-out POSTs (403) and form posts (415) before any route runs', async () => {
    const json = { 'content-type': 'application/json' };
    const signIn = proxy(req('/api/auth/sign-in/email', { method: 'POST', body: '{}', headers: { ...json, origin: 'https://evil.example' } }));
    expect(signIn.status).toBe(403);
    expect((await signIn.json()).error.code).toBe('cross_origin_request');
    const signOut = proxy(req('/api/auth/sign-out', { method: 'POST', body: '{}', headers: { ...json, 'sec-fetch-site': 'cross-site', cookie: 'draftbase.session_token=a.b' } }));
    expect(signOut.status).toBe(403);
    const form = proxy(req('/api/auth/sign-in/email', { method: 'POST', body: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost:3000' } }));
    expect(form.status).toBe(415);
    const same = proxy(req('/api/auth/sign-in/email', { method: 'POST', body: '{}', headers: { ...json, origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' } }));
    expect(same.headers.get('x-middleware-next')).toBe('1');
  });

  it('sends a signed-out page request to /sign-in?next=…, and serves the sign-in page, share links and signed-in requests', () => {
    const page = proxy(req('/projects/p1?tab=doc'));
    expect(page.status).toBe(307);
    expect(page.headers.get('location')).toBe('http://localhost:3000/sign-in?next=%2Fprojects%2Fp1%3Ftab%3Ddoc');
    for (const path of ['/sign-in', '/setup', '/s/abc']) expect(proxy(req(path)).headers.get('x-middleware-next'), path).toBe('1');
    expect(proxy(req('/projects/p1', { headers: { cookie: 'draftbase.session_token=a.b' } })).headers.get('x-middleware-next')).toBe('1');
    // The API is not redirected: it answers 401 itself.
    expect(proxy(req('/api/projects')).headers.get('x-middleware-next')).toBe('1');
  });

  it('does not redirect in solo mode', () => {
    process.env.DRAFTBASE_AUTH = 'off';
    expect(proxy(req('/projects/p1')).headers.get('x-middleware-next')).toBe('1');
  });
});

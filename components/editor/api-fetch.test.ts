import { afterEach, describe, expect, it, vi } from 'vitest';
import { SHARE_HEADER } from '@/lib/api/teams';
import { activeShareToken, apiFetch, onShareRevoked, setShareToken } from './api-fetch';

function stubFetch(status = 200) {
  const calls: { url: string; headers: Headers }[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(input), headers: new Headers(init?.headers) });
    return new Response('{}', { status });
  });
  return calls;
}

afterEach(() => {
  setShareToken(undefined);
  vi.unstubAllGlobals();
});

describe('apiFetch: the share link on every API call (issue 18)', () => {
  it('is plain fetch when no link is active (solo and signed-in pages)', async () => {
    const calls = stubFetch();
    await apiFetch('/api/projects/p1', { headers: { accept: 'application/json' } });
    expect(calls[0].headers.has(SHARE_HEADER)).toBe(false);
    expect(calls[0].headers.get('accept')).toBe('application/json');
  });

  it('adds the header to same-origin calls while a link is active, keeping the caller’s headers', async () => {
    const calls = stubFetch();
    setShareToken('tok_abc');
    expect(activeShareToken()).toBe('tok_abc');
    await apiFetch('/api/projects/p1/state', { cache: 'no-store' });
    await apiFetch('/api/projects/p1', { method: 'PUT', headers: { 'if-match': '3', 'content-type': 'application/json' } });
    expect(calls.map((c) => c.headers.get(SHARE_HEADER))).toEqual(['tok_abc', 'tok_abc']);
    expect(calls[1].headers.get('if-match')).toBe('3');
  });

  it('never sends the link to another origin', async () => {
    const calls = stubFetch();
    setShareToken('tok_abc');
    await apiFetch('https://elsewhere.example/api/x');
    await apiFetch('//elsewhere.example/api/x');
    expect(calls.map((c) => c.headers.has(SHARE_HEADER))).toEqual([false, false]);
  });

  it('tells listeners when the link is refused (401: revoked or expired), and only then', async () => {
    const revoked = vi.fn();
    const stop = onShareRevoked(revoked);
    setShareToken('tok_abc');
    stubFetch(200);
    await apiFetch('/api/projects/p1');
    stubFetch(403);
    await apiFetch('/api/projects/p1');
    expect(revoked).not.toHaveBeenCalled();
    stubFetch(401);
    const res = await apiFetch('/api/projects/p1/state');
    expect(res.status).toBe(401);
    expect(revoked).toHaveBeenCalledTimes(1);
    setShareToken(undefined);
    await apiFetch('/api/projects/p1');
    expect(revoked).toHaveBeenCalledTimes(1);
    stop();
  });
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import { setShareToken } from '@/components/editor/api-fetch';
import { endOfDayIso } from './format';
import { absoluteUrl, createShareLink, resolveShareLink, TeamsApiError } from './teams-client';

afterEach(() => {
  setShareToken(undefined);
  vi.unstubAllGlobals();
});

describe('teams client', () => {
  it('makes the once-shown links absolute (the owner copies and sends them)', () => {
    expect(absoluteUrl('/s/abc', 'https://draftbase.example')).toBe('https://draftbase.example/s/abc');
    expect(absoluteUrl('https://other.example/invite/x', 'https://draftbase.example')).toBe('https://other.example/invite/x');
  });

  it('sends JSON and returns the answer; a refusal is a TeamsApiError with the server’s message and status', async () => {
    const seen: { url: string; init?: RequestInit }[] = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      seen.push({ url, init });
      return seen.length === 1
        ? Response.json({ link: { id: 'l1' }, url: '/s/t' }, { status: 201 })
        : Response.json({ error: { code: 'not_found', message: 'This link was revoked.' } }, { status: 404 });
    });
    expect(await createShareLink('p 1', { role: 'viewer', label: 'board' })).toEqual({ link: { id: 'l1' }, url: '/s/t' });
    expect(seen[0].url).toBe('/api/projects/p%201/share-links');
    expect(seen[0].init?.method).toBe('POST');
    expect(JSON.parse(String(seen[0].init?.body))).toEqual({ role: 'viewer', label: 'board' });
    const err = await resolveShareLink('tok').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TeamsApiError);
    expect(err).toMatchObject({ status: 404, code: 'not_found', message: 'This link was revoked.' });
  });

  it('an expiry date is the end of that local day; anything else is no expiry', () => {
    const iso = endOfDayIso('2027-03-04')!;
    const d = new Date(iso);
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).toEqual([2027, 2, 4, 23, 59]);
    expect(endOfDayIso('')).toBeUndefined();
    expect(endOfDayIso('tomorrow')).toBeUndefined();
  });
});
